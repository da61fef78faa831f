/**
 * Quiz attempts and answers. Every answer is committed the moment it is given, so an interrupted
 * quiz loses nothing and can be resumed; a finished attempt updates the module's summary row.
 */
import type { Store } from './store.js';
import { touchModule } from './progress.js';
import { scheduleAnswer, type RatingName } from './review.js';
import type { QuizPlan } from '../../core/quiz-plan.js';
import { EnvError } from '../../core/errors.js';
import { m } from '../../i18n/store.js';

export interface Attempt {
  id: number;
  module: string;
  epoch: number;
  startedAt: string;
  finishedAt: string | null;
  plan: QuizPlan;
  seed: number | null;
  score: number | null;
  passed: boolean | null;
}

export interface StoredAnswer { question: string; answer: unknown; correct: boolean }

interface AttemptRow {
  id: number; module: string; epoch: number; started_at: string; finished_at: string | null;
  plan: string; seed: number | null; score: number | null; passed: number | null;
}

function toAttempt(r: AttemptRow): Attempt {
  return {
    id: r.id, module: r.module, epoch: r.epoch, startedAt: r.started_at, finishedAt: r.finished_at,
    plan: JSON.parse(r.plan) as QuizPlan, seed: r.seed, score: r.score, passed: r.passed === null ? null : r.passed === 1,
  };
}

/** The module's latest attempt in its current epoch if it was never finished: the one to resume. */
export function unfinishedAttempt(store: Store, module: string): Attempt | undefined {
  const r = store.db.prepare(`SELECT * FROM quiz_attempts WHERE module = ? AND epoch = ? ORDER BY id DESC LIMIT 1`)
    .get(module, store.epoch(module)) as AttemptRow | undefined;
  return r && r.finished_at === null ? toAttempt(r) : undefined;
}

export function startAttempt(store: Store, module: string, plan: QuizPlan, seed: number): number {
  return store.tx(() => {
    const info = store.db.prepare(`INSERT INTO quiz_attempts (module, epoch, started_at, plan, seed) VALUES (?, ?, ?, ?, ?)`)
      .run(module, store.epoch(module), store.now(), JSON.stringify(plan), seed);
    const id = Number(info.lastInsertRowid);
    store.record({ kind: 'quiz_started', module, data: { attempt: id, seed, questions: plan.questions.map((q) => q.id) } });
    touchModule(store, module);
    return id;
  });
}

export function attemptAnswers(store: Store, attempt: number): StoredAnswer[] {
  const rows = store.db.prepare('SELECT question, answer, correct FROM quiz_answers WHERE attempt = ? ORDER BY ts, question')
    .all(attempt) as Array<{ question: string; answer: string; correct: number }>;
  return rows.map((r) => ({ question: r.question, answer: JSON.parse(r.answer) as unknown, correct: r.correct === 1 }));
}

/** The attempt's epoch and whether it is finished, read inside the caller's transaction. */
function attemptState(store: Store, attempt: number): { epoch: number; finished: boolean } {
  const r = store.db.prepare('SELECT epoch, finished_at FROM quiz_attempts WHERE id = ?').get(attempt) as
    { epoch: number; finished_at: string | null } | undefined;
  if (!r) throw new Error(`quiz attempt ${attempt} does not exist`);
  return { epoch: r.epoch, finished: r.finished_at !== null };
}

/**
 * Stores one answer, its event and its review card's new schedule, in one transaction, in the epoch
 * the attempt began in (a reset meanwhile does not move it to the new round). If another dlpath
 * answered this question of the same attempt, or finished it, first: EnvError, nothing stored.
 */
export function recordAnswer(store: Store, a: { attempt: number; module: string; question: string; answer: unknown; correct: boolean; nearMiss?: string }): { rating: RatingName; due: string } {
  return store.tx(() => {
    const { epoch, finished } = attemptState(store, a.attempt);
    const taken = store.db.prepare('SELECT 1 FROM quiz_answers WHERE attempt = ? AND question = ?').get(a.attempt, a.question);
    if (finished || taken) {
      throw new EnvError(finished ? m('finishedElsewhere') : m('answeredElsewhere', { question: a.question }),
        m('answeredElsewhereHint', { module: a.module }));
    }
    store.db.prepare('INSERT INTO quiz_answers (attempt, question, answer, correct, ts) VALUES (?, ?, ?, ?, ?)')
      .run(a.attempt, a.question, JSON.stringify(a.answer), a.correct ? 1 : 0, store.now());
    const sched = scheduleAnswer(store, a.module, a.question, a.correct, epoch);
    store.record({ kind: 'quiz_answered', module: a.module, item: a.question, epoch,
      data: { attempt: a.attempt, answer: a.answer, correct: a.correct, ...(a.nearMiss !== undefined ? { near_miss: a.nearMiss } : {}), rating: sched.rating, due: sched.due } });
    touchModule(store, a.module, epoch);
    return sched;
  });
}

/**
 * Closes the attempt and updates the module's summary in the attempt's epoch: the best score, and
 * the time the quiz was first passed (what `next`, `path` and `progress` read). Returns whether the
 * module was reset since the attempt began (its score then counts for the round before).
 * Finished already by another dlpath: EnvError, nothing changed.
 */
export function finishAttempt(store: Store, a: { attempt: number; module: string; score: number; passed: boolean; correct: number; total: number }): { earlierEpoch: boolean } {
  return store.tx(() => {
    const now = store.now();
    const { epoch } = attemptState(store, a.attempt);
    const done = store.db.prepare('UPDATE quiz_attempts SET finished_at = ?, score = ?, passed = ? WHERE id = ? AND finished_at IS NULL')
      .run(now, a.score, a.passed ? 1 : 0, a.attempt);
    if (done.changes === 0) throw new EnvError(m('finishedElsewhere'), m('answeredElsewhereHint', { module: a.module }));
    store.record({ kind: 'quiz_finished', module: a.module, epoch,
      data: { attempt: a.attempt, score: a.score, passed: a.passed, correct: a.correct, total: a.total } });
    store.db.prepare(`INSERT INTO module_progress (module, epoch, quiz_best, quiz_passed_at, last_activity)
      VALUES (@module, @epoch, @score, @passedAt, @now)
      ON CONFLICT(module, epoch) DO UPDATE SET
        quiz_best = max(coalesce(quiz_best, 0), excluded.quiz_best),
        quiz_passed_at = coalesce(quiz_passed_at, excluded.quiz_passed_at),
        last_activity = excluded.last_activity`)
      .run({ module: a.module, epoch, score: a.score, passedAt: a.passed ? now : null, now });
    return { earlierEpoch: epoch !== store.epoch(a.module) };
  });
}
