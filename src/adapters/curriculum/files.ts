/**
 * The rules every file of a course obeys, whether the course was just validated or comes from the
 * compiled cache: inside the course folder (no absolute path, no "..", no link that leads out), a
 * plain file, at most 1 MiB, no control characters or escape sequences. The loader reports a broken
 * rule as a problem; the commands that show a file (lesson, brief, starter, solution, tests) check
 * it again each time they read it, so an edit made after the course was compiled cannot slip past.
 */
import fs from 'node:fs';
import path from 'node:path';
import { findControl, suggest } from '../../core/schema.js';
import { CurriculumError } from '../../core/errors.js';
import { m } from '../../i18n/curriculum.js';

export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Reads at most `max` bytes of a file: a device (/dev/zero), a pipe or a file that grows while it is read
 * cannot make it read more. `tooBig` when there was more; a FIFO is opened without waiting for a writer.
 */
export function readCapped(abs: string, max: number): { text: string; tooBig: boolean; bytes: number } {
  let flags = fs.constants.O_RDONLY;
  try {
    if (fs.statSync(abs).isFIFO()) flags |= fs.constants.O_NONBLOCK;
  } catch { /* openSync says why */ }
  const fd = fs.openSync(abs, flags);
  try {
    const buf = Buffer.allocUnsafe(max + 1);
    let got = 0;
    while (got <= max) {
      let n: number;
      try {
        n = fs.readSync(fd, buf, got, max + 1 - got, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') break; // a FIFO with nothing written yet: read as empty
        throw e;
      }
      if (n === 0) break;
      got += n;
    }
    return { text: buf.subarray(0, Math.min(got, max)).toString('utf8'), tooBig: got > max, bytes: got };
  } finally {
    fs.closeSync(fd);
  }
}

export interface FileProblem {
  /** The file the problem is in, relative to the course folder, with line and column when inside it. */
  file: string;
  line?: number;
  column?: number;
  message: string;
  /** The file is not there at all (the loader says so at the key that names it). */
  missing?: boolean;
}

/** Whether a path lies inside a folder (both real paths). */
export function isInside(real: string, realDir: string): boolean {
  return real === realDir || real.startsWith(realDir + path.sep);
}

/** " (did you mean lesson.zh.md?)" when a file of a close name is in the same folder. */
function nearName(abs: string): string {
  let names: string[];
  try { names = fs.readdirSync(path.dirname(abs)); } catch { return ''; }
  const hint = suggest(path.basename(abs), names);
  return hint.length ? ` (did you mean ${hint.join(' or ')}?)` : '';
}

/**
 * Reads a course file by its path relative to the course folder (`modules/<id>/<rel>`) under the
 * file rules. `realDir` is the course folder's real path. Returns the text, or the broken rule.
 */
export function readCourseFile(dir: string, realDir: string, rel: string): { text: string } | { problem: FileProblem } {
  const fail = (message: string, more: Partial<FileProblem> = {}) => ({ problem: { file: rel, message, ...more } });
  if (path.isAbsolute(rel) || rel.split(/[\\/]/).includes('..')) {
    return fail(`"${rel}" must be a path inside the curriculum folder (no absolute paths, no "..")`);
  }
  const abs = path.join(dir, rel);
  let st: fs.Stats;
  try { st = fs.statSync(abs); } catch { return fail(`file not found: ${rel}${nearName(abs)}`, { missing: true }); }
  if (!st.isFile()) return fail(`${rel} is not a file`);
  let real: string;
  try { real = fs.realpathSync(abs); } catch { return fail(`file not found: ${rel}`, { missing: true }); }
  if (!isInside(real, realDir)) return fail(`${rel} is a link that leads outside the curriculum folder`);
  if (st.size > MAX_FILE_BYTES) return fail(`${rel} is larger than 1 MiB`);
  let text: string;
  try {
    const r = readCapped(abs, MAX_FILE_BYTES);
    if (r.tooBig) return fail(`${rel} is larger than 1 MiB`);
    text = r.text;
  } catch (e) {
    return fail(`${rel} cannot be read: ${(e as Error).message}`);
  }
  const bad = findControl(text);
  if (bad) {
    const idx = text.search(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
    const before = text.slice(0, idx).split('\n');
    return fail(`contains ${bad}; remove it`, { line: before.length, column: before[before.length - 1].length + 1 });
  }
  return { text };
}

const realDirs = new Map<string, string>();

/** The real path of a course folder (asked once per process). */
export function realCourseDir(dir: string): string {
  let real = realDirs.get(dir);
  if (real === undefined) {
    try { real = fs.realpathSync(dir); } catch { real = dir; }
    realDirs.set(dir, real);
  }
  return real;
}

/**
 * A course file for a command to show or use, read under the file rules: a broken rule is an invalid
 * curriculum (exit 3) that names the file, the line and column where it can, and what to do.
 */
export function serveCourseFile(dir: string, rel: string): string {
  const r = readCourseFile(dir, realCourseDir(dir), rel);
  if ('text' in r) return r.text;
  const p = r.problem;
  const where = path.join(dir, p.file) + (p.line ? `:${p.line}:${p.column}` : '');
  if (p.missing) throw new CurriculumError(m('fileMissing', { file: path.join(dir, p.file) }), m('fileMissingHint', { dir }));
  throw new CurriculumError(m('badFile', { where, message: p.message }), m('fileMissingHint', { dir }));
}
