/**
 * Loads a curriculum folder: shape checks on every file, then cross-checks, then the files each
 * module refers to. Every problem is collected with file:line:column; nothing stops at the first.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_PASS_MARK, DEFAULT_TIME_LIMIT, FORMAT_VERSION,
  type Curriculum, type LPath, type Module, type Quiz, type Task,
} from '../../core/model.js';
import { checkShape, curriculumSchema, moduleSchema, type ShapeProblem } from '../../core/schema.js';
import { crossCheck, markdownProblems, ROOT_FILE, untranslatedTests, type Problem } from '../../core/checks.js';
import { readYamlFile, type YamlFile } from './yaml-file.js';
import { isInside, readCourseFile } from './files.js';
import { UsageError } from '../../core/errors.js';
import { upgradeCommand } from '../context.js';
import { m } from '../../i18n/curriculum.js';

export interface LoadResult {
  curriculum?: Curriculum;
  problems: Problem[];
  /** Files whose modification time and size make up the cache key. */
  inputs: string[];
  /** A newer format than this dlpath reads: nothing else was checked. */
  tooNew?: number;
}

function place(y: YamlFile, shape: ShapeProblem[], out: Problem[]): void {
  for (const p of shape) {
    const pos = y.locate(p.path, p.atKey);
    out.push({ file: y.file, path: p.path, message: p.message, severity: p.severity, atKey: p.atKey, ...pos });
  }
}

export function lpathEntries(p: LPath | undefined): Array<{ lang?: 'en' | 'zh'; rel: string }> {
  if (p === undefined) return [];
  if (typeof p === 'string') return [{ rel: p }];
  return (['en', 'zh'] as const).filter((l) => p[l]).map((l) => ({ lang: l, rel: p[l]! }));
}

function normaliseModule(raw: Record<string, unknown>, file: string): Module {
  const r = raw as Partial<Module> & { quiz?: Partial<Quiz>; tasks?: Array<Partial<Task>> };
  return {
    id: r.id!, title: r.title!, track: r.track!,
    requires: r.requires ?? [],
    estimated_minutes: r.estimated_minutes,
    summary: r.summary,
    objectives: r.objectives,
    lesson: r.lesson,
    resources: r.resources ?? [],
    quiz: r.quiz ? { pass_mark: r.quiz.pass_mark ?? DEFAULT_PASS_MARK, draw: r.quiz.draw, questions: r.quiz.questions ?? [] } : undefined,
    tasks: (r.tasks ?? []).map((t) => ({
      id: t.id!, title: t.title!, brief: t.brief, starter: t.starter!, tests: t.tests!, solution: t.solution!,
      hints: t.hints ?? [], packages: t.packages ?? [], time_limit: t.time_limit ?? DEFAULT_TIME_LIMIT, optional: t.optional ?? false, in_place: t.in_place ?? false,
    })),
    file,
  };
}

/**
 * Checks a file a module refers to under the file rules (files.ts): inside the curriculum folder,
 * present, a plain file, a sane size, clean text. Returns its text when it could be read.
 */
function checkReferencedFile(dir: string, realDir: string, y: YamlFile, moduleDir: string, rel: string,
  keyPath: Array<string | number>, out: Problem[]): string | undefined {
  const err = (message: string) => out.push({ file: y.file, path: keyPath, message, severity: 'error', ...y.locate(keyPath) });
  if (path.isAbsolute(rel) || rel.split(/[\\/]/).includes('..')) {
    err(`"${rel}" must be a path inside the module's folder (no absolute paths, no "..")`);
    return;
  }
  const r = readCourseFile(dir, realDir, path.posix.join(moduleDir, rel));
  if ('text' in r) return r.text;
  const p = r.problem;
  if (p.line) out.push({ file: p.file, path: [], severity: 'error', line: p.line, column: p.column!, message: p.message });
  else err(p.message);
  return undefined;
}

function realOr(p: string): string {
  try { return fs.realpathSync(p); } catch { return p; }
}

/** `onModule` is called as each module is read (a caller may show progress). */
export function loadCurriculumFiles(dir: string, onModule?: () => void): LoadResult {
  const problems: Problem[] = [];
  const moduleFiles = new Map<string, YamlFile>();
  /** Per module file, the questions (q<i>) and tasks (t<i>) whose shape is broken: left out of the cross-checks. */
  const invalidItems = new Map<string, Set<string>>();
  const rootAbs = path.join(dir, ROOT_FILE);
  if (!fs.existsSync(rootAbs)) {
    throw new UsageError(m(fs.existsSync(dir) ? 'notCurriculum' : 'noFolder', { dir }), m('notCurriculumHint'));
  }
  const inputs = [rootAbs];
  const realDir = realOr(dir);
  if (!isInside(realOr(rootAbs), realDir)) {
    problems.push({ file: ROOT_FILE, path: [], severity: 'error', line: 1, column: 1, message: `${ROOT_FILE} is a link that leads outside the curriculum folder` });
    return { problems, inputs };
  }
  const root = readYamlFile(rootAbs, ROOT_FILE, problems);
  if (!root) return { problems, inputs };
  const rawRoot = root.data as Record<string, unknown> | null;
  const version = rawRoot && typeof rawRoot === 'object' ? rawRoot.format_version : undefined;
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    problems.push({ file: ROOT_FILE, path: ['format_version'], severity: 'error', ...root.locate(['format_version']),
      message: `this curriculum uses format version ${version}, but this dlpath reads format ${FORMAT_VERSION}: upgrade dlpath (${upgradeCommand()})` });
    return { problems, inputs, tooNew: version };
  }
  const shape: ShapeProblem[] = [];
  checkShape(rawRoot, curriculumSchema, [], shape);
  place(root, shape, problems);
  if (shape.some((p) => p.severity === 'error') && !(rawRoot && Array.isArray(rawRoot.tracks))) return { problems, inputs };

  const tracks = ((rawRoot!.tracks as unknown[]) ?? []).filter((t): t is Record<string, unknown> => !!t && typeof t === 'object');
  const modules: Module[] = [];
  const listed = new Set<string>();
  let ok = !shape.some((p) => p.severity === 'error');
  // Module folders no track lists are validated in full too (and warned about below), so their
  // mistakes do not wait until the day they are listed; they are not part of the course learners get.
  const modulesDir = path.join(dir, 'modules');
  const named = new Set(tracks.flatMap((t) => (Array.isArray(t.modules) ? t.modules : [])));
  const unlisted = fs.existsSync(modulesDir)
    ? fs.readdirSync(modulesDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !named.has(e.name) && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.name) && fs.existsSync(path.join(modulesDir, e.name, 'module.yaml')))
      .map((e) => e.name)
    : [];
  [...tracks, { modules: unlisted }].forEach((t, ti) => {
    const ids = Array.isArray(t.modules) ? t.modules : [];
    ids.forEach((id: unknown, mi: number) => {
      if (typeof id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) return;
      if (listed.has(id)) return;
      listed.add(id);
      onModule?.();
      const rel = `modules/${id}/module.yaml`;
      const abs = path.join(dir, rel);
      if (!fs.existsSync(abs)) {
        problems.push({ file: ROOT_FILE, path: ['tracks', ti, 'modules', mi], severity: 'error', ...root.locate(['tracks', ti, 'modules', mi]),
          message: `module "${id}" has no file ${rel}` });
        ok = false;
        return;
      }
      inputs.push(abs);
      // (A device or pipe is refused by readYamlFile as not a regular file.)
      if (fs.statSync(abs, { throwIfNoEntry: false })?.isFile() && !isInside(realOr(abs), realDir)) {
        problems.push({ file: rel, path: [], severity: 'error', line: 1, column: 1, message: `${rel} is a link that leads outside the curriculum folder` });
        ok = false;
        return;
      }
      const y = readYamlFile(abs, rel, problems);
      if (!y) { ok = false; return; }
      const ms: ShapeProblem[] = [];
      checkShape(y.data, moduleSchema, [], ms);
      place(y, ms, problems);
      if (ms.some((p) => p.severity === 'error')) ok = false;
      // To report every problem, the cross-checks go on where they can: past unknown keys, and past a
      // broken question or task (which is then left out of them). Anything else broken stops the module.
      const itemOf = (p: ShapeProblem): string | undefined =>
        (p.path[0] === 'quiz' && p.path[1] === 'questions' && typeof p.path[2] === 'number') ? `q${p.path[2]}`
          : (p.path[0] === 'tasks' && typeof p.path[1] === 'number' && p.path.length > 2) ? `t${p.path[1]}` : undefined;
      const errors = ms.filter((p) => p.severity === 'error' && !p.atKey);
      if (errors.some((p) => itemOf(p) === undefined)) return;
      const broken = new Set(errors.map(itemOf));
      if (broken.size) invalidItems.set(rel, broken as Set<string>);
      const mod = normaliseModule(y.data as Record<string, unknown>, rel);
      if (mod.id !== id) {
        problems.push({ file: rel, path: ['id'], severity: 'error', ...y.locate(['id']),
          message: `id "${mod.id}" does not match its folder and listing "${id}"` });
        ok = false;
      }
      const moduleDir = `modules/${id}`;
      const md = (r: string, text: string | undefined) => {
        if (text !== undefined) problems.push(...markdownProblems(text, path.posix.join(moduleDir, r)));
      };
      lpathEntries(mod.lesson).forEach(({ lang, rel: r }) =>
        md(r, checkReferencedFile(dir, realDir, y, moduleDir, r, lang ? ['lesson', lang] : ['lesson'], problems)));
      if (mod.lesson && typeof mod.lesson === 'object') for (const l of ['en', 'zh'] as const) {
        if (!mod.lesson[l]) problems.push({ file: rel, path: ['lesson'], severity: 'warning', ...y.locate(['lesson']), message: `no ${l} lesson` });
      }
      mod.tasks.forEach((task, ti2) => {
        if (broken.has(`t${ti2}`)) return;
        const at = ['tasks', ti2];
        lpathEntries(task.brief).forEach(({ lang, rel: r }) =>
          md(r, checkReferencedFile(dir, realDir, y, moduleDir, r, lang ? [...at, 'brief', lang] : [...at, 'brief'], problems)));
        if (task.brief && typeof task.brief === 'object') for (const l of ['en', 'zh'] as const) {
          if (!task.brief[l]) problems.push({ file: rel, path: [...at, 'brief'], severity: 'warning', ...y.locate([...at, 'brief']), message: `no ${l} brief` });
        }
        for (const key of ['starter', 'tests', 'solution'] as const) {
          const text = checkReferencedFile(dir, realDir, y, moduleDir, task[key], [...at, key], problems);
          if (key === 'tests' && text !== undefined) problems.push(...untranslatedTests(text, path.posix.join(moduleDir, task[key])));
        }
      });
      modules.push(mod);
      moduleFiles.set(rel, y);
    });
  });
  inputs.push(modulesDir);
  if (fs.existsSync(modulesDir)) {
    for (const entry of fs.readdirSync(modulesDir, { withFileTypes: true })) {
      if (entry.isDirectory() && !named.has(entry.name)) {
        problems.push({ file: `modules/${entry.name}`, path: [], severity: 'warning', line: 1, column: 1,
          message: `this module folder is not listed in any track of ${ROOT_FILE}, so learners never see it` });
      }
    }
  }
  const curriculum: Curriculum = {
    dir, format_version: rawRoot!.format_version as number, id: rawRoot!.id as string, title: rawRoot!.title as Curriculum['title'],
    ...(rawRoot!.description !== undefined ? { description: rawRoot!.description as Curriculum['title'] } : {}),
    tracks: tracks.map((t) => ({ id: t.id as string, title: t.title as Curriculum['title'], modules: (t.modules as string[]) ?? [] })),
    modules: modules.filter((mod) => !unlisted.includes(mod.id)),
  };
  for (const p of crossCheck({ ...curriculum, modules }, (file, item) => invalidItems.get(file)?.has(item) ?? false)) {
    const y = p.file === ROOT_FILE ? root : moduleFiles.get(p.file);
    const { where, ...rest } = p;
    if (where) {
      const w = moduleFiles.get(where.file)?.locate(where.path);
      rest.message = rest.message.replace('{where}', w ? `${where.file}:${w.line}:${w.column}` : where.file);
    }
    problems.push({ ...rest, ...(y ? y.locate(p.path, p.atKey) : { line: 1, column: 1 }) });
  }
  const hasErrors = !ok || problems.some((p) => p.severity === 'error');
  return { curriculum: hasErrors ? undefined : curriculum, problems, inputs };
}
