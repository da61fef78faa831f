/**
 * The curriculum for the learner's commands, from the compiled course (compiled.ts): the outline
 * when no YAML file changed, each module's questions and hints only when a command uses them.
 * Where to find it: the data folder's own compiled copy of the course; for the shipped course, the
 * one built with the package (npm's prepare); else the course is loaded, validated and compiled
 * now. Invalid → CurriculumError (exit 3). A damaged compiled file is compiled again, silently.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { indexCurriculum, type Curriculum, type CurriculumIndex, type Module, type Quiz, type Task } from '../../core/model.js';
import { CurriculumError, EnvError } from '../../core/errors.js';
import { PACKAGE_ROOT, upgradeCommand, type OutStream } from '../context.js';
import { m } from '../../i18n/curriculum.js';
import { COMPILED_VERSION, writeOutline, type ContentFile, type OutlineFile, type QuestionsFile, type StampEntry } from './compiled.js';

export { serveCourseFile } from './files.js';

/** The shipped course's compiled copy, built with the package (scripts/compile-course.mjs). */
export const PACKAGE_COMPILED = path.join(PACKAGE_ROOT, 'dist', 'course');
const SHIPPED = path.join(PACKAGE_ROOT, 'curriculum');

/** FNV-1a of the folder's path: names its compiled copy (node:crypto would cost more to load than the read it saves). */
export function compiledFolder(home: string, dir: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < dir.length; i++) h = Math.imul(h ^ dir.charCodeAt(i), 0x01000193) >>> 0;
  return path.join(home, 'cache', `course-${h.toString(16).padStart(8, '0')}`);
}

function readOutline(folder: string): OutlineFile | undefined {
  try {
    const o = JSON.parse(fs.readFileSync(path.join(folder, 'outline.json'), 'utf8')) as OutlineFile;
    if (o.v !== COMPILED_VERSION || !Array.isArray(o.stamp) || !o.curriculum || !Array.isArray(o.moduleKeys) || !Array.isArray(o.taskKeys)) return undefined;
    return o;
  } catch {
    return undefined;
  }
}

/** Whether every stamped file is as it was (a stat each: the cost grows with the YAML files, not with what they hold). */
function fresh(dir: string, stamp: StampEntry[]): boolean {
  for (const [rel, mtime, size, ino, ctime] of stamp) {
    const st = fs.statSync(path.join(dir, rel), { throwIfNoEntry: false });
    if (!st || st.mtimeMs !== mtime || st.size !== size || st.ino !== ino || st.ctimeMs !== ctime) return false;
  }
  return true;
}

export interface LoadOptions {
  /** Where a progress line goes when compiling takes more than half a second (only if it is a terminal). */
  stderr?: OutStream;
}

export async function loadCurriculum(dir: string, home: string, opts: LoadOptions = {}): Promise<CurriculumIndex> {
  const abs = path.resolve(dir);
  const folder = compiledFolder(home, abs);
  let outline = readOutline(folder);
  if (outline && !fresh(abs, outline.stamp)) outline = undefined;
  if (!outline && abs === SHIPPED) outline = await fromPackage(abs, folder);
  if (!outline) outline = await compile(abs, folder, opts);
  return lazyIndex(abs, folder, outline);
}

/**
 * The shipped course's compiled copy from the package. Installing the package gives its files new
 * times and inodes, so when the stamp differs the files' content is compared (SHA-1) once, and the
 * data folder keeps an outline with the new stamp that points at the package's module files.
 */
async function fromPackage(dir: string, folder: string): Promise<OutlineFile | undefined> {
  const pkg = readOutline(PACKAGE_COMPILED);
  if (!pkg) return undefined;
  const contentDir = path.join(PACKAGE_COMPILED, pkg.build);
  if (fresh(dir, pkg.stamp)) return { ...pkg, contentDir };
  const { stampFiles } = await import('./stamp.js');
  const now = stampFiles(dir, pkg.stamp.map(([rel]) => rel));
  if (!now || now.some((e, i) => e[5] !== pkg.stamp[i][5])) return undefined;
  const outline = { ...pkg, stamp: now, contentDir };
  try { writeOutline(folder, outline); } catch { /* a read-only data folder only costs speed */ }
  return outline;
}

async function compile(dir: string, folder: string, opts: LoadOptions): Promise<OutlineFile> {
  // The loader, the schema and the YAML parser are needed only when the course is compiled.
  const { compileCourse } = await import('./compile.js');
  const t0 = performance.now();
  let shown = false;
  const onModule = () => {
    if (!shown && opts.stderr?.isTTY && performance.now() - t0 > 500) {
      shown = true;
      opts.stderr.write(`${m('compiling', { dir })}\n`);
    }
  };
  const res = compileCourse(dir, folder, onModule);
  if ('outline' in res) return res.outline;
  const { formatProblem, sortProblems } = await import('../../core/checks.js');
  const errors = sortProblems(res.problems.filter((p) => p.severity === 'error'));
  const shownErrors = errors.slice(0, 5).map((p) => `  ${path.join(dir, formatProblem(p))}`).join('\n');
  const more = errors.length > 5 ? `\n  ${m('moreProblems', { n: errors.length - 5 })}` : '';
  if (res.tooNew) throw new CurriculumError(m('tooNew', { dir, version: res.tooNew }), m('tooNewHint', { cmd: upgradeCommand() }));
  throw new CurriculumError(`${m('invalid', { dir, n: errors.length })}\n${shownErrors}${more}`, m('invalidHint', { dir }));
}

/** node:child_process, loaded only when needed (it is not on the hot path). */
function childProcess(): typeof import('node:child_process') {
  return createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
}

/** Compiles the course again in a child process (the loader cannot be imported synchronously) and reads the new outline. */
function recompileNow(dir: string, folder: string): OutlineFile {
  const main = path.join(PACKAGE_ROOT, 'dist', 'adapters', 'curriculum', 'compile-main.js');
  const r = childProcess().spawnSync(process.execPath, [main, dir, folder], { encoding: 'utf8' });
  const o = r.status === 0 ? readOutline(folder) : undefined;
  if (!o) throw new EnvError(m('cacheBroken', { dir: folder }), (r.stderr || '').trim().split('\n').slice(-1)[0] || undefined);
  return o;
}

function readBuildFile<T extends { v: number; build: string }>(outline: OutlineFile, folder: string, name: string): T | undefined {
  try {
    const c = JSON.parse(fs.readFileSync(path.join(outline.contentDir ?? path.join(folder, outline.build), name), 'utf8')) as T;
    return c && c.v === COMPILED_VERSION && c.build === outline.build ? c : undefined;
  } catch {
    return undefined;
  }
}

function readContent(outline: OutlineFile, folder: string, id: string): ContentFile | undefined {
  const c = readBuildFile<ContentFile>(outline, folder, `${id}.json`);
  return c && c.id === id && Array.isArray(c.questions) && Array.isArray(c.tasks) && c.module && typeof c.module === 'object' ? c : undefined;
}

/**
 * A prototype whose getters read the given keys from `source(this)` when first asked: one getter per
 * key for the whole course, not one per module (defining properties on each of thousands of objects
 * costs more than reading the outline). Assigning a key gives the object its own value.
 */
function lazyPrototype(keys: string[], source: (self: Record<string, unknown>) => Record<string, unknown> | undefined): object {
  const proto = {};
  for (const k of keys) {
    Object.defineProperty(proto, k, {
      enumerable: true, configurable: true,
      get(this: Record<string, unknown>) { return source(this)?.[k]; },
      set(this: Record<string, unknown>, value: unknown) { Object.defineProperty(this, k, { value, enumerable: true, writable: true, configurable: true }); },
    });
  }
  return proto;
}

function lazyIndex(dir: string, folder: string, outline: OutlineFile): CurriculumIndex {
  let current = outline;
  /** Reads a file of the current build; damaged or gone (or another process compiled a new build meanwhile): compile again, then read. */
  const fromBuild = <T>(read: (o: OutlineFile) => T | undefined): T => {
    let c = read(current);
    if (!c) {
      current = recompileNow(dir, folder);
      c = read(current);
      if (!c) throw new EnvError(m('cacheBroken', { dir: folder }));
    }
    return c;
  };
  const contents = new Map<string, ContentFile>();
  const content = (id: string): ContentFile => {
    let c = contents.get(id);
    if (!c) {
      c = fromBuild((o) => readContent(o, folder, id));
      contents.set(id, c);
    }
    return c;
  };
  // Each object keeps its module's id (and a task its place) under a symbol, for its getters.
  const MOD = Symbol('module');
  const TASK = Symbol('task');
  type Tagged = Record<string | symbol, unknown>;
  const moduleProto = lazyPrototype(outline.moduleKeys, (self) => content((self as Tagged)[MOD] as string).module);
  const taskProto = lazyPrototype(outline.taskKeys, (self) => {
    const [id, i] = (self as Tagged)[TASK] as [string, number];
    return content(id).tasks[i];
  });
  const quizProto = lazyPrototype(['questions'], (self) => ({ questions: content((self as Tagged)[MOD] as string).questions }));
  const modules = outline.curriculum.modules.map((o) => {
    const mod = Object.assign(Object.create(moduleProto) as Tagged, o, { [MOD]: o.id }) as unknown as Module;
    mod.tasks = o.tasks.map((t, i) => Object.assign(Object.create(taskProto) as Tagged, t, { [TASK]: [o.id, i] }) as unknown as Task);
    if (o.quiz) mod.quiz = Object.assign(Object.create(quizProto) as Tagged, o.quiz, { [MOD]: o.id }) as unknown as Quiz;
    return mod;
  });
  const curriculum: Curriculum = { ...outline.curriculum, dir, modules };
  const byId = new Map(modules.map((mod) => [mod.id, mod]));
  let questionModule: Map<string, Module> | undefined;
  /** Which module holds each question: read on the first look-up by question id. */
  const questionsOf = (): Map<string, Module> => {
    if (!questionModule) {
      const q = fromBuild((o) => readBuildFile<QuestionsFile>(o, folder, 'questions.json'));
      questionModule = new Map();
      for (const [id, qs] of Object.entries(q.modules)) {
        const mod = byId.get(id);
        if (mod) for (const qid of qs) questionModule.set(qid, mod);
      }
    }
    return questionModule;
  };
  return indexCurriculum(curriculum, questionsOf);
}
