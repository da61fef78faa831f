/**
 * The curriculum for the learner's commands: from a compiled cache when no YAML file changed,
 * otherwise loaded, validated, and cached again. Invalid → CurriculumError (exit 3).
 */
import fs from 'node:fs';
import path from 'node:path';
import { indexCurriculum, type Curriculum, type CurriculumIndex } from '../../core/model.js';
import { CurriculumError } from '../../core/errors.js';
import { makeDirs } from '../dirs.js';
import { formatProblem, sortProblems } from '../../core/checks.js';
import { m } from '../../i18n/curriculum.js';

const CACHE_VERSION = 1;

interface CacheFile {
  v: number;
  dir: string;
  stamp: Array<[string, number, number]>;
  curriculum: Curriculum;
}

function stamp(files: string[]): Array<[string, number, number]> | undefined {
  const out: Array<[string, number, number]> = [];
  for (const f of files) {
    try {
      const st = fs.statSync(f);
      out.push([f, st.mtimeMs, st.size]);
    } catch {
      return undefined;
    }
  }
  return out;
}

/** FNV-1a of the folder's path: names its cache file (node:crypto would cost more to load than the read it saves). */
function cacheFile(home: string, dir: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < dir.length; i++) h = Math.imul(h ^ dir.charCodeAt(i), 0x01000193) >>> 0;
  return path.join(home, 'cache', `curriculum-${h.toString(16).padStart(8, '0')}.json`);
}

function readCache(file: string, dir: string): Curriculum | undefined {
  let cached: CacheFile;
  try {
    cached = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
  } catch {
    return undefined;
  }
  if (cached.v !== CACHE_VERSION || cached.dir !== dir) return undefined;
  const now = stamp(cached.stamp.map(([f]) => f));
  if (!now || now.length !== cached.stamp.length) return undefined;
  for (let i = 0; i < now.length; i++) {
    if (now[i][1] !== cached.stamp[i][1] || now[i][2] !== cached.stamp[i][2]) return undefined;
  }
  return cached.curriculum;
}

function writeCache(file: string, data: CacheFile): void {
  try {
    makeDirs(path.dirname(file));
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(data));
    fs.renameSync(tmp, file);
  } catch {
    // A read-only home only costs speed: the curriculum is parsed again next time.
  }
}

export async function loadCurriculum(dir: string, home: string): Promise<CurriculumIndex> {
  const abs = path.resolve(dir);
  const cfile = cacheFile(home, abs);
  const hit = readCache(cfile, abs);
  if (hit) return indexCurriculum(hit);
  // The loader, the schema and the YAML parser are needed only when the cache is stale.
  const { loadCurriculumFiles } = await import('./load.js');
  const res = loadCurriculumFiles(abs);
  const errors = sortProblems(res.problems.filter((p) => p.severity === 'error'));
  if (!res.curriculum || errors.length) {
    const shown = errors.slice(0, 5).map((p) => `  ${path.join(abs, formatProblem(p))}`).join('\n');
    const more = errors.length > 5 ? `\n  ${m('moreProblems', { n: errors.length - 5 })}` : '';
    if (res.tooNew) throw new CurriculumError(m('tooNew', { dir: abs, version: res.tooNew }), m('tooNewHint'));
    throw new CurriculumError(`${m('invalid', { dir: abs, n: errors.length })}\n${shown}${more}`, m('invalidHint', { dir: abs }));
  }
  const st = stamp(res.inputs);
  if (st) writeCache(cfile, { v: CACHE_VERSION, dir: abs, stamp: st, curriculum: res.curriculum });
  return indexCurriculum(res.curriculum);
}
