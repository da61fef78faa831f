/** How many review questions are due now (0 until the learner has answered any). */
import type { Store } from '../adapters/store/store.js';

export async function dueReviews(store: Store): Promise<number> {
  const hasCards = store.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'review_cards'").get();
  if (!hasCards) return 0;
  const { dueCount } = await import('../adapters/store/review.js');
  return dueCount(store);
}
