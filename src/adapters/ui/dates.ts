/** Dates as a learner says them: "today", "tomorrow", "in 3 days" (明天, 3 天后), with the date for later ones. */
import { localDay } from '../store/store.js';
import { m } from '../../i18n/quiz.js';

const DAY = 86400000;

/** Whole local days from `now` to `when` (0: the same day). */
export function daysBetween(now: Date, when: Date): number {
  const a = Date.parse(`${localDay(now)}T00:00:00Z`);
  const b = Date.parse(`${localDay(when)}T00:00:00Z`);
  return Math.round((b - a) / DAY);
}

export function relativeDay(when: Date, now: Date): string {
  const n = daysBetween(now, when);
  const date = localDay(when);
  if (n <= 0) return m('dayToday');
  if (n === 1) return m('dayTomorrow');
  if (n === 2) return m('dayAfterTomorrow', { date });
  if (n < 14) return m('dayIn', { n, date });
  return m('dayOn', { date });
}
