/** Progress queries: what the learner has done in each module's current epoch. */
import type { Store } from './store.js';
import { localDay } from './store.js';
import type { ModuleProgress, ProgressSnapshot, TaskProgress } from '../../core/path.js';

export function markLessonRead(store: Store, module: string): void {
  store.tx(() => {
    const epoch = store.epoch(module);
    store.record({ kind: 'lesson_read', module });
    const now = store.now();
    store.db.prepare(`INSERT INTO module_progress (module, epoch, lesson_read_at, last_activity) VALUES (?, ?, ?, ?)
      ON CONFLICT(module, epoch) DO UPDATE SET lesson_read_at = coalesce(lesson_read_at, excluded.lesson_read_at),
      last_activity = excluded.last_activity`).run(module, epoch, now, now);
  });
}

/** Touches the module's summary row (last activity) in its current epoch (or the given one). Call inside tx(). */
export function touchModule(store: Store, module: string, epoch = store.epoch(module)): void {
  const now = store.now();
  store.db.prepare(`INSERT INTO module_progress (module, epoch, last_activity) VALUES (?, ?, ?)
    ON CONFLICT(module, epoch) DO UPDATE SET last_activity = excluded.last_activity`)
    .run(module, epoch, now);
}

/** The current epoch's progress of every module and task the learner has touched. */
export function readProgress(store: Store): ProgressSnapshot {
  const modules: Record<string, ModuleProgress> = {};
  const rows = store.db.prepare(`SELECT p.module, p.epoch, p.lesson_read_at, p.quiz_best, p.quiz_passed_at, p.last_activity
    FROM module_progress p LEFT JOIN module_epoch e ON e.module = p.module
    WHERE p.epoch = coalesce(e.epoch, 0)`).all() as Array<{
      module: string; epoch: number; lesson_read_at: string | null; quiz_best: number | null;
      quiz_passed_at: string | null; last_activity: string | null }>;
  for (const r of rows) {
    modules[r.module] = {
      lessonRead: r.lesson_read_at !== null,
      quizBest: r.quiz_best,
      quizPassed: r.quiz_passed_at !== null,
      lastActivity: r.last_activity,
    };
  }
  const tasks: Record<string, TaskProgress> = {};
  const trows = store.db.prepare(`SELECT t.task, t.module, t.started_at, t.passed_at, t.best_passed, t.total, t.checks,
      t.hints_shown, t.solution_seen_at, t.skipped_at, t.last_activity
    FROM task_progress t LEFT JOIN module_epoch e ON e.module = t.module
    WHERE t.epoch = coalesce(e.epoch, 0)`).all() as Array<{
      task: string; module: string; started_at: string | null; passed_at: string | null; best_passed: number | null;
      total: number | null; checks: number; hints_shown: number; solution_seen_at: string | null; skipped_at: string | null;
      last_activity: string | null }>;
  for (const r of trows) {
    tasks[r.task] = {
      started: r.started_at !== null,
      passed: r.passed_at !== null,
      bestPassed: r.best_passed,
      total: r.total,
      checks: r.checks,
      hintsShown: r.hints_shown,
      solutionSeen: r.solution_seen_at !== null,
      skipped: r.skipped_at !== null,
      lastActivity: r.last_activity,
    };
  }
  return { modules, tasks };
}

/** Starts a new epoch for each module: its progress starts over, its history stays. */
export function resetModules(store: Store, ids: string[]): void {
  store.tx(() => {
    for (const id of ids) {
      const next = store.epoch(id) + 1;
      store.record({ kind: 'reset', module: id, data: { from_epoch: next - 1, to_epoch: next } });
      store.db.prepare(`INSERT INTO module_epoch (module, epoch) VALUES (?, ?)
        ON CONFLICT(module) DO UPDATE SET epoch = excluded.epoch`).run(id, next);
    }
  });
}

/** Consecutive days with any activity, ending today (or yesterday: a streak lasts until a day is missed). */
export function streak(store: Store): number {
  const today = store.clock();
  const days = store.db.prepare('SELECT day FROM activity_days ORDER BY day DESC').pluck().iterate() as IterableIterator<string>;
  const cursor = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  let n = 0;
  let first = true;
  for (const day of days) {
    const want = localDay(cursor);
    if (day === want) { n++; cursor.setDate(cursor.getDate() - 1); first = false; continue; }
    if (first) {
      cursor.setDate(cursor.getDate() - 1);
      first = false;
      if (day === localDay(cursor)) { n++; cursor.setDate(cursor.getDate() - 1); continue; }
    }
    break;
  }
  return n;
}
