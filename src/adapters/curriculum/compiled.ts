/**
 * The compiled course: what the learner's commands read instead of the YAML files.
 *
 *   <folder>/outline.json      ids, titles, prerequisites, steps: all that `next`, `path` and `progress` need,
 *                              and the stamp of every YAML file it was made from (modification time, size,
 *                              inode, change time, SHA-1)
 *   <folder>/<build>/<id>.json one per module: its questions, summary, objectives, resources, and its
 *                              tasks' files, hints and packages, read only when a command needs that module
 *   <folder>/<build>/questions.json  which module holds each question (for a look-up by question id)
 *
 * A build is written whole (module files first, the outline last, by rename), under a new build id, so
 * a reader never mixes two builds. Lessons, briefs and task files are not copied: the commands read them
 * from the course under the file rules (files.ts) each time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Curriculum, Module, Question } from '../../core/model.js';
import { makeDirs } from '../dirs.js';

// Raise it whenever what is compiled changes shape (a copy compiled by an older dlpath is then rebuilt).
// 3: tasks carry in_place, numeric questions decimals. 4: the outline / module file split of fields.
export const COMPILED_VERSION = 4;

/** [file relative to the course folder, mtimeMs, size, ino, ctimeMs, sha1 of the content] */
export type StampEntry = [string, number, number, number, number, string];

/** What a module's outline keeps: what the path needs (steps, prerequisites, titles). The rest is in its module file. */
const OUTLINE_MODULE_KEYS = ['id', 'title', 'track', 'requires', 'estimated_minutes', 'lesson', 'file'] as const;
const OUTLINE_TASK_KEYS = ['id', 'title', 'optional'] as const;

export interface OutlineFile {
  v: number;
  build: string;
  /** Where the build's module files are; absent: `<folder of outline.json>/<build>`. */
  contentDir?: string;
  stamp: StampEntry[];
  curriculum: Omit<Curriculum, 'dir'>;
  /** The keys of a module, and of a task, that are read from the module file when first used. */
  moduleKeys: string[];
  taskKeys: string[];
}

export interface ContentFile {
  v: number;
  build: string;
  id: string;
  /** The module's keys that the outline leaves out (summary, objectives, resources …). */
  module: Record<string, unknown>;
  questions: Question[];
  /** Each task's keys that the outline leaves out (files, hints, packages, time limit …). */
  tasks: Array<Record<string, unknown>>;
}

/** Which module holds each question: `<build>/questions.json`, read only by a look-up by question id. */
export type QuestionsFile = { v: number; build: string; modules: Record<string, string[]> };

function pick(obj: object, keys: readonly string[], keep: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (keys.includes(k) === keep) out[k] = v;
  return out;
}

/** Splits a loaded module into its outline and its module file. */
export function splitModule(mod: Module, build: string): { outline: Module; content: ContentFile } {
  const outline = {
    ...pick(mod, OUTLINE_MODULE_KEYS, true),
    tasks: mod.tasks.map((t) => pick(t, OUTLINE_TASK_KEYS, true)),
    ...(mod.quiz ? { quiz: { pass_mark: mod.quiz.pass_mark, draw: mod.quiz.draw, count: mod.quiz.questions.length } } : {}),
  } as unknown as Module;
  const content: ContentFile = {
    v: COMPILED_VERSION, build, id: mod.id,
    module: pick(mod, [...OUTLINE_MODULE_KEYS, 'quiz', 'tasks'], false),
    questions: mod.quiz?.questions ?? [],
    tasks: mod.tasks.map((t) => pick(t, OUTLINE_TASK_KEYS, false)),
  };
  return { outline, content };
}

export function newBuildId(): string {
  return `${Date.now().toString(36)}-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Writes a whole build into `folder` and returns its outline. Old builds there are removed after a minute. */
/** Writes a whole build into `folder` and returns its outline. Old builds there are removed after a minute. */
export function writeCompiled(folder: string, curriculum: Curriculum, stamp: StampEntry[]): OutlineFile {
  const build = newBuildId();
  const contentDir = path.join(folder, build);
  makeDirs(contentDir);
  const modules: Module[] = [];
  const questions: QuestionsFile = { v: COMPILED_VERSION, build, modules: {} };
  const moduleKeys = new Set<string>();
  const taskKeys = new Set<string>();
  for (const mod of curriculum.modules) {
    const s = splitModule(mod, build);
    fs.writeFileSync(path.join(contentDir, `${mod.id}.json`), JSON.stringify(s.content));
    modules.push(s.outline);
    for (const k of Object.keys(s.content.module)) moduleKeys.add(k);
    for (const t of s.content.tasks) for (const k of Object.keys(t)) taskKeys.add(k);
    questions.modules[mod.id] = s.content.questions.map((q) => q.id);
  }
  fs.writeFileSync(path.join(contentDir, 'questions.json'), JSON.stringify(questions));
  const { dir: _dir, ...rest } = curriculum;
  const outline: OutlineFile = { v: COMPILED_VERSION, build, stamp, curriculum: { ...rest, modules },
    moduleKeys: [...moduleKeys], taskKeys: [...taskKeys] };
  writeOutline(folder, outline);
  removeOldBuilds(folder, build);
  return outline;
}

export function writeOutline(folder: string, outline: OutlineFile): void {
  makeDirs(folder);
  const file = path.join(folder, 'outline.json');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(outline));
  fs.renameSync(tmp, file);
}

/** Builds other than `keep` that are more than a minute old (a reader that started before may still use a newer one). */
function removeOldBuilds(folder: string, keep: string): void {
  try {
    for (const e of fs.readdirSync(folder, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name === keep) continue;
      const p = path.join(folder, e.name);
      if (Date.now() - fs.statSync(p).mtimeMs > 60_000) fs.rmSync(p, { recursive: true, force: true });
    }
  } catch {
    // Only space is lost.
  }
}
