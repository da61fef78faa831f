/**
 * Counting due review cards, apart from the scheduler: `dlpath next` and `dlpath progress` ask on
 * every run, and should not pay for loading ts-fsrs.
 */
import type { Store } from './store.js';

/** Current-epoch cards: the join every review query shares. */
export const CURRENT = `FROM review_cards c LEFT JOIN module_epoch e ON e.module = c.module
  WHERE c.epoch = coalesce(e.epoch, 0)`;

/** How many cards are due now in current epochs: `dlpath next` and `dlpath progress` mention it. */
export function dueCount(store: Store): number {
  return store.db.prepare(`SELECT count(*) ${CURRENT} AND c.due <= ?`).pluck().get(store.now()) as number;
}

/** When the next card (in current epochs) falls due, if any card exists. */
export function nextDue(store: Store): string | null {
  return (store.db.prepare(`SELECT min(c.due) ${CURRENT}`).pluck().get() as string | null) ?? null;
}
