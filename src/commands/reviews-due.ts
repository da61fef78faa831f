/** How many review questions are due now (0 until the learner has answered any). */
import type { Store } from '../adapters/store/store.js';
import { dueCount } from '../adapters/store/review-due.js';

export async function dueReviews(store: Store): Promise<number> {
  return dueCount(store);
}
