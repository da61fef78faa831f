/** Coding-task progress: starts, checks, hints and solution reveals, in the module's current epoch. */
import type { Store } from './store.js';
import { touchModule } from './progress.js';

export const CURRENT_TASK = 'current_task';

export interface TaskRow {
  startedAt: string | null;
  passedAt: string | null;
  bestPassed: number | null;
  total: number | null;
  checks: number;
  hintsShown: number;
  solutionSeenAt: string | null;
}

export function taskRow(store: Store, module: string, task: string, epoch = store.epoch(module)): TaskRow | undefined {
  const r = store.db.prepare(`SELECT started_at, passed_at, best_passed, total, checks, hints_shown, solution_seen_at
    FROM task_progress WHERE task = ? AND epoch = ?`).get(task, epoch) as {
      started_at: string | null; passed_at: string | null; best_passed: number | null; total: number | null;
      checks: number; hints_shown: number; solution_seen_at: string | null } | undefined;
  if (!r) return undefined;
  return {
    startedAt: r.started_at, passedAt: r.passed_at, bestPassed: r.best_passed, total: r.total,
    checks: r.checks, hintsShown: r.hints_shown, solutionSeenAt: r.solution_seen_at,
  };
}

/** Makes sure the task has a row in the current epoch (or the given one); call inside tx(). */
function ensureRow(store: Store, module: string, task: string, epoch = store.epoch(module)): void {
  store.db.prepare(`INSERT INTO task_progress (task, epoch, module, last_activity) VALUES (?, ?, ?, ?)
    ON CONFLICT(task, epoch) DO UPDATE SET last_activity = excluded.last_activity`)
    .run(task, epoch, module, store.now());
  touchModule(store, module, epoch);
}

export function currentTask(store: Store): string | undefined {
  return store.getSetting(CURRENT_TASK);
}

/** Records that the learner started (or went back to) the task, and makes it the current one. */
export function startTask(store: Store, module: string, task: string, data: { file: string; created: boolean; replaced?: string }): void {
  store.tx(() => {
    store.record({ kind: 'task_started', module, item: task, data });
    ensureRow(store, module, task);
    store.db.prepare('UPDATE task_progress SET started_at = coalesce(started_at, ?) WHERE task = ? AND epoch = ?')
      .run(store.now(), task, store.epoch(module));
    store.setSetting(CURRENT_TASK, task);
  });
}

export interface CheckRecord {
  outcome: string;
  passed: number;
  total: number;
  ms: number;
  missing?: string[];
  /** The task cannot run on this machine and is skipped: the path goes on without it. */
  skip?: boolean;
}

/**
 * Records one check in the epoch it began in (`epoch`, read before the tests ran: a reset meanwhile
 * does not credit it to the new round); returns whether it is the task's first pass in that epoch,
 * and whether that epoch is no longer the current one.
 */
export function recordCheck(store: Store, module: string, task: string, c: CheckRecord, startEpoch?: number): { firstPass: boolean; earlierEpoch: boolean } {
  return store.tx(() => {
    const epoch = startEpoch ?? store.epoch(module);
    const before = taskRow(store, module, task, epoch);
    const pass = c.outcome === 'passed';
    store.record({ kind: 'task_checked', module, item: task, epoch, data: {
      outcome: c.outcome, passed: c.passed, total: c.total, ms: Math.round(c.ms), ...(c.missing?.length ? { missing: c.missing } : {}) } });
    ensureRow(store, module, task, epoch);
    const now = store.now();
    const counts = c.outcome !== 'missing_packages';
    store.db.prepare(`UPDATE task_progress SET
        checks = checks + ?,
        started_at = coalesce(started_at, ?),
        best_passed = CASE WHEN ? THEN max(coalesce(best_passed, 0), ?) ELSE best_passed END,
        total = CASE WHEN ? AND ? > 0 THEN ? ELSE total END,
        passed_at = CASE WHEN ? THEN coalesce(passed_at, ?) ELSE passed_at END,
        skipped_at = CASE WHEN ? THEN coalesce(skipped_at, ?) ELSE skipped_at END
      WHERE task = ? AND epoch = ?`)
      .run(counts ? 1 : 0, now, counts ? 1 : 0, c.passed, counts ? 1 : 0, c.total, c.total, pass ? 1 : 0, now,
        c.skip ? 1 : 0, now, task, epoch);
    return { firstPass: pass && !before?.passedAt, earlierEpoch: epoch !== store.epoch(module) };
  });
}

/** Records that the next hint was shown; returns its level (1-based), at most `available`. */
export function recordHint(store: Store, module: string, task: string, available: number): number {
  return store.tx(() => {
    const shown = taskRow(store, module, task)?.hintsShown ?? 0;
    const level = Math.min(shown + 1, available);
    store.record({ kind: 'task_hint', module, item: task, data: { level, of: available } });
    ensureRow(store, module, task);
    store.db.prepare('UPDATE task_progress SET hints_shown = ? WHERE task = ? AND epoch = ?')
      .run(level, task, store.epoch(module));
    return level;
  });
}

/** Records that the reference solution was shown. A reveal before the first pass is kept on the task. */
export function recordSolution(store: Store, module: string, task: string): { beforePass: boolean } {
  return store.tx(() => {
    const beforePass = !taskRow(store, module, task)?.passedAt;
    store.record({ kind: 'task_solution', module, item: task, data: { before_pass: beforePass } });
    ensureRow(store, module, task);
    if (beforePass) {
      store.db.prepare('UPDATE task_progress SET solution_seen_at = coalesce(solution_seen_at, ?) WHERE task = ? AND epoch = ?')
        .run(store.now(), task, store.epoch(module));
    }
    return { beforePass };
  });
}
