/** Events per day over a bounded range of days (the activity calendar): a range scan of activity_days, whatever the history's length. */
import type { Store } from './store.js';

/** Events per local day (YYYY-MM-DD) from `first` to `last`, both included; days without events are absent. */
export function activityCounts(store: Store, first: string, last: string): Map<string, number> {
  const rows = store.db.prepare('SELECT day, events FROM activity_days WHERE day BETWEEN ? AND ? AND events > 0')
    .all(first, last) as Array<{ day: string; events: number }>;
  return new Map(rows.map((r) => [r.day, r.events]));
}
