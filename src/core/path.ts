/**
 * Where the learner stands on the path and what comes next. Pure: progress in, statuses out.
 */
import { bankSize, isComingSoon, type CurriculumIndex, type Module } from './model.js';

export interface ModuleProgress {
  lessonRead: boolean;
  quizBest: number | null;
  quizPassed: boolean;
  lastActivity: string | null;
}

export interface TaskProgress {
  started: boolean;
  passed: boolean;
  bestPassed: number | null;
  total: number | null;
  checks: number;
  hintsShown: number;
  solutionSeen: boolean;
  /** Checked on a machine that lacks the task's packages: the path goes on without it. */
  skipped: boolean;
  lastActivity: string | null;
}

export interface ProgressSnapshot {
  modules: Record<string, ModuleProgress>;
  tasks: Record<string, TaskProgress>;
}

export type ModuleStatus = 'locked' | 'available' | 'in_progress' | 'done' | 'coming_soon';

export type StepKind = 'lesson' | 'quiz' | 'task';

export interface Step {
  kind: StepKind;
  module: string;
  /** The task id for a task step. */
  task?: string;
}

export interface ModuleState {
  module: Module;
  status: ModuleStatus;
  /** Prerequisites (by id) that are not done yet. */
  missing: string[];
  /** Steps done and steps in all: lesson, quiz, required tasks. */
  done: number;
  total: number;
  /** The module's next step, if any is left. */
  next?: Step;
}

/** The steps of a module in the order they are taken: lesson, quiz, then each required task. */
export function moduleSteps(m: Module): Step[] {
  const steps: Step[] = [];
  if (m.lesson) steps.push({ kind: 'lesson', module: m.id });
  if (m.quiz && bankSize(m.quiz)) steps.push({ kind: 'quiz', module: m.id });
  for (const t of m.tasks) if (!t.optional) steps.push({ kind: 'task', module: m.id, task: t.id });
  return steps;
}

export function stepDone(step: Step, p: ProgressSnapshot): boolean {
  const mp = p.modules[step.module];
  switch (step.kind) {
    case 'lesson': return mp?.lessonRead ?? false;
    case 'quiz': return mp?.quizPassed ?? false;
    case 'task': {
      const tp = p.tasks[step.task!];
      return Boolean(tp && (tp.passed || tp.skipped));
    }
  }
}

function touched(m: Module, p: ProgressSnapshot): boolean {
  const mp = p.modules[m.id];
  if (mp && (mp.lessonRead || mp.quizBest !== null)) return true;
  return m.tasks.some((t) => p.tasks[t.id]?.started || p.tasks[t.id]?.checks);
}

/** Status of every module, in path order. A coming-soon module counts as done for its dependants. */
export function moduleStates(ix: CurriculumIndex, p: ProgressSnapshot): ModuleState[] {
  const done = new Map<string, boolean>();
  const states: ModuleState[] = [];
  const isDone = (id: string): boolean => {
    const known = done.get(id);
    if (known !== undefined) return known;
    const m = ix.module(id);
    if (!m) return true;
    const steps = moduleSteps(m);
    const d = steps.every((s) => stepDone(s, p));
    done.set(id, d);
    return d;
  };
  for (const m of ix.ordered) {
    const steps = moduleSteps(m);
    const doneSteps = steps.filter((s) => stepDone(s, p));
    const missing = m.requires.filter((r) => !isDone(r));
    let status: ModuleStatus;
    if (isComingSoon(m)) status = 'coming_soon';
    else if (doneSteps.length === steps.length) status = 'done';
    else if (missing.length) status = 'locked';
    else if (doneSteps.length > 0 || touched(m, p)) status = 'in_progress';
    else status = 'available';
    states.push({
      module: m, status, missing, done: doneSteps.length, total: steps.length,
      next: steps.find((s) => !stepDone(s, p)),
    });
  }
  return states;
}

/**
 * The next thing to do: the first module along the path that is available (or in progress) and
 * not done, and its first step not done. Undefined when the whole path is done.
 */
export function nextStep(states: ModuleState[]): ModuleState | undefined {
  return states.find((s) => (s.status === 'available' || s.status === 'in_progress') && s.next);
}

/** Percent of the steps of the path that are done (coming-soon modules have no steps). */
export function overallPercent(states: ModuleState[]): number {
  let done = 0;
  let total = 0;
  for (const s of states) { done += s.done; total += s.total; }
  return total ? Math.round((100 * done) / total) : 0;
}
