/**
 * Spaced-repetition cards: every answered question gets one, scheduled by FSRS (ts-fsrs).
 * Only the cards of each module's current epoch count, so a reset starts them over.
 */
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { Store } from './store.js';
import { touchModule } from './progress.js';
import { CURRENT, dueCount, nextDue } from './review-due.js';

export { dueCount, nextDue };

/*
 * No fuzz: the same answers on the same days give the same schedule (and testable dates).
 * No short-term steps: a learner opens dlpath once a day or so, not every ten minutes, so the
 * shortest interval is a day.
 */
export const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

export type RatingName = 'again' | 'hard' | 'good';

interface CardRow {
  module: string; question: string; epoch: number; due: string; stability: number; difficulty: number;
  elapsed_days: number; scheduled_days: number; learning_steps: number; reps: number; lapses: number;
  state: number; last_review: string | null; last_correct: number;
}


function toCard(r: CardRow): Card {
  return {
    due: new Date(r.due), stability: r.stability, difficulty: r.difficulty, elapsed_days: r.elapsed_days,
    scheduled_days: r.scheduled_days, learning_steps: r.learning_steps, reps: r.reps, lapses: r.lapses,
    state: r.state, last_review: r.last_review ? new Date(r.last_review) : undefined,
  };
}

/**
 * The rating an answer earns: wrong → Again; right → Good; right just after being missed → Hard
 * (the learner knows it now, but has only just learnt it).
 */
export function ratingFor(correct: boolean, lastCorrect: boolean | undefined): Grade {
  if (!correct) return Rating.Again;
  return lastCorrect === false ? Rating.Hard : Rating.Good;
}

export const RATING_NAMES: Record<number, RatingName> = { [Rating.Again]: 'again', [Rating.Hard]: 'hard', [Rating.Good]: 'good' };

/**
 * Schedules the question's card after an answer (creating the card on the first answer).
 * Call inside store.tx(). Returns the rating given and the next due time.
 */
export function scheduleAnswer(store: Store, module: string, question: string, correct: boolean, epoch = store.epoch(module)): { rating: RatingName; due: string } {
  const now = store.time();
  const row = store.db.prepare('SELECT * FROM review_cards WHERE module = ? AND question = ? AND epoch = ?')
    .get(module, question, epoch) as CardRow | undefined;
  const rating = ratingFor(correct, row ? row.last_correct === 1 : undefined);
  const card = row ? toCard(row) : createEmptyCard(now);
  const next = scheduler.next(card, now, rating).card;
  const due = next.due.toISOString();
  store.db.prepare(`INSERT INTO review_cards (module, question, epoch, due, stability, difficulty, elapsed_days,
      scheduled_days, learning_steps, reps, lapses, state, last_review, last_correct)
    VALUES (@module, @question, @epoch, @due, @stability, @difficulty, @elapsed_days, @scheduled_days,
      @learning_steps, @reps, @lapses, @state, @last_review, @last_correct)
    ON CONFLICT(module, question, epoch) DO UPDATE SET due = excluded.due, stability = excluded.stability,
      difficulty = excluded.difficulty, elapsed_days = excluded.elapsed_days, scheduled_days = excluded.scheduled_days,
      learning_steps = excluded.learning_steps, reps = excluded.reps, lapses = excluded.lapses, state = excluded.state,
      last_review = excluded.last_review, last_correct = excluded.last_correct`).run({
    module, question, epoch, due, stability: next.stability, difficulty: next.difficulty,
    elapsed_days: next.elapsed_days, scheduled_days: next.scheduled_days, learning_steps: next.learning_steps,
    reps: next.reps, lapses: next.lapses, state: next.state,
    last_review: (next.last_review ?? now).toISOString(), last_correct: correct ? 1 : 0,
  });
  return { rating: RATING_NAMES[rating], due };
}

export interface DueCard { module: string; question: string; due: string; reps: number }

/** Cards due now (in current epochs), the longest overdue first. */
export function dueCards(store: Store, limit?: number): DueCard[] {
  const sql = `SELECT c.module, c.question, c.due, c.reps ${CURRENT} AND c.due <= ? ORDER BY c.due, c.module, c.question`;
  const rows = store.db.prepare(limit !== undefined ? `${sql} LIMIT ${Math.max(0, Math.floor(limit))}` : sql)
    .all(store.now()) as DueCard[];
  return rows;
}


/** Stores a review answer: the event (history) and the card's new schedule, in one transaction. */
export function recordReview(store: Store, a: { module: string; question: string; answer: unknown; correct: boolean; nearMiss?: string }): { rating: RatingName; due: string } {
  return store.tx(() => {
    const sched = scheduleAnswer(store, a.module, a.question, a.correct);
    store.record({ kind: 'review', module: a.module, item: a.question,
      data: { answer: a.answer, correct: a.correct, ...(a.nearMiss !== undefined ? { near_miss: a.nearMiss } : {}), rating: sched.rating, due: sched.due } });
    touchModule(store, a.module);
    return sched;
  });
}
