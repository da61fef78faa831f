/**
 * The compiled course: what the learner's commands read instead of the YAML files.
 *
 *   <folder>/outline.json      ids, titles, prerequisites, steps: all that `next`, `path` and `progress` need,
 *                              and the stamp of every YAML file it was made from (modification time, size,
 *                              inode, change time, SHA-1)
 *   <folder>/<build>/<id>.json one per module: its questions, hints, objectives and resources, read only
 *                              when a command needs that module
 *
 * A build is written whole (module files first, the outline last, by rename), under a new build id, so
 * a reader never mixes two builds. Lessons, briefs and task files are not copied: the commands read them
 * from the course under the file rules (files.ts) each time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Curriculum, Module, Question, Resource, LText } from '../../core/model.js';
import { makeDirs } from '../dirs.js';

// 3: tasks carry in_place, numeric questions decimals (a copy compiled before would lack them).
export const COMPILED_VERSION = 3;

/** [file relative to the course folder, mtimeMs, size, ino, ctimeMs, sha1 of the content] */
export type StampEntry = [string, number, number, number, number, string];

export interface OutlineFile {
  v: number;
  build: string;
  /** Where the build's module files are; absent: `<folder of outline.json>/<build>`. */
  contentDir?: string;
  stamp: StampEntry[];
  curriculum: Omit<Curriculum, 'dir'>;
  /** The question ids of each module's quiz, in the order of `curriculum.modules`. */
  questionIds: string[][];
}

export interface ContentFile {
  v: number;
  build: string;
  id: string;
  objectives?: LText[];
  resources: Resource[];
  questions: Question[];
  hints: LText[][];
}

/** Splits a loaded module into its outline (without questions, hints, objectives, resources) and its content. */
export function splitModule(mod: Module, build: string): { outline: Module; content: ContentFile; ids: string[] } {
  const { objectives, resources, quiz, tasks, ...rest } = mod;
  const outline = {
    ...rest,
    tasks: tasks.map(({ hints: _h, ...t }) => t),
    ...(quiz ? { quiz: { pass_mark: quiz.pass_mark, draw: quiz.draw, count: quiz.questions.length } } : {}),
  } as unknown as Module;
  return {
    outline,
    content: { v: COMPILED_VERSION, build, id: mod.id, objectives, resources, questions: quiz?.questions ?? [], hints: tasks.map((t) => t.hints) },
    ids: quiz?.questions.map((q) => q.id) ?? [],
  };
}

export function newBuildId(): string {
  return `${Date.now().toString(36)}-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Writes a whole build into `folder` and returns its outline. Old builds there are removed after a minute. */
export function writeCompiled(folder: string, curriculum: Curriculum, stamp: StampEntry[]): OutlineFile {
  const build = newBuildId();
  const contentDir = path.join(folder, build);
  makeDirs(contentDir);
  const modules: Module[] = [];
  const questionIds: string[][] = [];
  for (const mod of curriculum.modules) {
    const s = splitModule(mod, build);
    fs.writeFileSync(path.join(contentDir, `${mod.id}.json`), JSON.stringify(s.content));
    modules.push(s.outline);
    questionIds.push(s.ids);
  }
  const { dir: _dir, ...rest } = curriculum;
  const outline: OutlineFile = { v: COMPILED_VERSION, build, stamp, curriculum: { ...rest, modules }, questionIds };
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
