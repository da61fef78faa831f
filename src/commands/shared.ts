/** Pieces several commands use: finding a module by id, loading where the learner stands, naming a step. */
import type { Context } from './context.js';
import type { CurriculumIndex, Module } from '../core/model.js';
import { loadCurriculum } from '../adapters/curriculum/index.js';
import { Store } from '../adapters/store/store.js';
import { classStanding, type ClassStanding } from '../adapters/class/state.js';
import { readProgress, streak } from '../adapters/store/progress.js';
import { dueCount } from '../adapters/store/review-due.js';
import { activityCounts } from '../adapters/store/activity.js';
import { moduleStates, type ModuleState, type ProgressSnapshot, type Step } from '../core/path.js';
import { suggest } from '../core/suggest.js';
import { UsageError } from '../core/errors.js';
import { pick, sentences } from '../i18n/index.js';
import { m } from '../i18n/path.js';

export function findModule(ix: CurriculumIndex, id: string): Module {
  const mod = ix.module(id) ?? ix.ordered.find((x) => x.id.toLowerCase() === id.toLowerCase());
  if (mod) return mod;
  // Close ids, then modules whose title (in either language) holds the word: `learn Calculus`.
  const word = id.toLowerCase();
  const byTitle = word.length >= 3
    ? ix.ordered.filter((x) => [pick(x.title, 'en'), pick(x.title, 'zh')].some((s) => s.toLowerCase().includes(word))).map((x) => x.id)
    : [];
  const hint = [...new Set([...suggest(id, ix.ordered.map((x) => x.id)), ...byTitle])].slice(0, 4);
  throw new UsageError(sentences(m('unknownModule', { id }), hint.length ? m('didYouMean', { names: hint.join(', ') }) : ''),
    m('listModules'));
}

export interface Standing {
  ix: CurriculumIndex;
  store: Store;
  progress: ProgressSnapshot;
  states: ModuleState[];
}

/** Where the learner stands; the store is closed again. */
export async function standingOnly(ctx: Context): Promise<Omit<Standing, 'store'>> {
  const { store, ...rest } = await standing(ctx, { readOnlyOk: true });
  store.close();
  return rest;
}

/** Where the learner stands, with the streak and the reviews due; the store is closed again (read only: works on a read-only home). */
export async function standingWithActivity(ctx: Context, opts: { days?: [string, string] } = {}): Promise<Omit<Standing, 'store'> & { streak: number; due: number; activity?: Map<string, number>; klass?: ClassStanding }> {
  const { store, ...rest } = await standing(ctx, { readOnlyOk: true });
  try {
    // opts.days: the events per day between two local days (the activity calendar).
    const activity = opts.days ? activityCounts(store, ...opts.days) : undefined;
    // For the class line of next and progress (undefined when not in a class).
    return { ...rest, streak: streak(store), due: dueCount(store), activity, klass: classStanding(ctx.home, store.db) };
  } finally {
    store.close();
  }
}

/** The curriculum, the open store, and every module's status. The caller closes the store. */
export async function standing(ctx: Context, opts: { readOnlyOk?: boolean } = {}): Promise<Standing> {
  const ix = await loadCurriculum(ctx.curriculumDir, ctx.home, { stderr: ctx.stderr });
  const store = Store.open(ctx.home, ctx.clock, opts);
  const progress = readProgress(store);
  return { ix, store, progress, states: moduleStates(ix, progress) };
}

export function stepCommand(step: Step): string {
  switch (step.kind) {
    case 'lesson': return `dlpath learn ${step.module}`;
    case 'quiz': return `dlpath quiz ${step.module}`;
    case 'task': return `dlpath task ${step.task}`;
  }
}

export function stepTitle(step: Step, ix: CurriculumIndex): string {
  const mod = ix.module(step.module)!;
  const title = pick(mod.title);
  switch (step.kind) {
    case 'lesson': return m('stepLesson', { title });
    case 'quiz': return m('stepQuiz', { title });
    case 'task': {
      const t = ix.task(step.task!);
      return m('stepTask', { title, task: t ? pick(t.task.title) : step.task! });
    }
  }
}
