/**
 * The activity calendar of `dlpath progress` (and the HTML report): the last 26 weeks as columns,
 * the days of the week as rows (Monday first), each day shaded by how many events it holds, as
 * GitHub's contribution graph does. In colour: squares in shades of green; under NO_COLOR (or a
 * pipe): characters from · to █. A narrow terminal shows fewer weeks (the latest ones).
 */
import { localDay } from '../adapters/store/store.js';
import { displayWidth, padDisplay } from '../adapters/ui/markdown.js';
import type { Theme } from '../adapters/ui/theme.js';
import { getLang } from '../i18n/index.js';
import { m } from '../i18n/carry.js';

export const CALENDAR_WEEKS = 26;

export interface Calendar {
  weeks: number;
  /** The Monday the first column starts on, and today (the last day shown). */
  first_day: string;
  last_day: string;
  total: number;
  max: number;
  /** The events of each day with any, YYYY-MM-DD → count. */
  days: Record<string, number>;
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
}

/** The first and last day of the calendar that ends today: the Monday 25 weeks before this week's, and today. */
export function calendarRange(today: Date, weeks = CALENDAR_WEEKS): [string, string] {
  const monday = addDays(today, -((today.getDay() + 6) % 7));
  return [localDay(addDays(monday, -7 * (weeks - 1))), localDay(today)];
}

export function calendarOf(today: Date, counts: ReadonlyMap<string, number>, weeks = CALENDAR_WEEKS): Calendar {
  const [first, last] = calendarRange(today, weeks);
  const days: Record<string, number> = {};
  let total = 0;
  let max = 0;
  for (const [day, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (day < first || day > last || n <= 0) continue;
    days[day] = n;
    total += n;
    max = Math.max(max, n);
  }
  return { weeks, first_day: first, last_day: last, total, max, days };
}

/** The shade of a day: 0 for none, else 1–4 by its share of the busiest day. */
export function level(n: number, max: number): number {
  return n <= 0 || max <= 0 ? 0 : Math.min(4, Math.ceil((4 * n) / max));
}

const CHARS = ['·', '░', '▒', '▓', '█'];
const ASCII = ['.', '-', '+', '*', '#'];

/** The calendar's lines, at most `columns - 1` wide. */
export async function renderCalendar(cal: Calendar, t: Theme, columns: number, ascii = false): Promise<string[]> {
  const zh = getLang() === 'zh';
  const rowNames = zh ? ['周一', '', '周三', '', '周五', '', ''] : ['Mon', '', 'Wed', '', 'Fri', '', ''];
  const labelWidth = Math.max(...rowNames.map(displayWidth)) + 1;
  const shown = Math.max(1, Math.min(cal.weeks, Math.floor((columns - 1 - labelWidth) / 2)));
  let paint = (lv: number) => (ascii ? ASCII : CHARS)[lv];
  if (t.colored) {
    const { Chalk } = await import('chalk');
    const c = new Chalk({ level: 1 });
    const shades = [c.dim, c.green.dim, c.green, c.greenBright, c.greenBright.bold];
    paint = (lv: number) => shades[lv](lv === 0 ? '·' : '■');
  }
  const [y, mo, d] = cal.first_day.split('-').map(Number);
  const start = addDays(new Date(y, mo - 1, d), 7 * (cal.weeks - shown));
  const today = cal.last_day;
  // The month row: a month's name above the first week that starts in it, where there is room.
  let months = '';
  let prevMonth = -1;
  for (let w = 0; w < shown; w++) {
    const monday = addDays(start, 7 * w);
    const at = labelWidth + 2 * w;
    if (monday.getMonth() !== prevMonth) {
      const name = zh ? `${monday.getMonth() + 1}月` : monday.toLocaleString('en', { month: 'short' });
      if (displayWidth(months) <= at - (w ? 1 : 0) && at + displayWidth(name) <= columns - 1) months = padDisplay(months, at) + name;
      prevMonth = monday.getMonth();
    }
  }
  const lines = [t.dim(months.trimEnd())];
  for (let row = 0; row < 7; row++) {
    const cells: string[] = [];
    for (let w = 0; w < shown; w++) {
      const day = localDay(addDays(start, 7 * w + row));
      if (day > today) break;
      cells.push(paint(level(cal.days[day] ?? 0, cal.max)));
    }
    lines.push(`${t.dim(padDisplay(rowNames[row], labelWidth))}${cells.join(' ')}`.trimEnd());
  }
  const legend = `${m('calLess')} ${[0, 1, 2, 3, 4].map(paint).join(' ')} ${m('calMore')}`;
  const note = m('calTotal', { weeks: cal.weeks, n: cal.total, max: cal.max });
  const both = `${' '.repeat(labelWidth)}${legend}   ${note}`;
  if (displayWidth(both) <= columns - 1) lines.push(`${' '.repeat(labelWidth)}${legend}   ${t.dim(note)}`);
  else {
    lines.push(`${' '.repeat(labelWidth)}${legend}`);
    // A narrow screen: the note's parts on lines of their own.
    const parts = displayWidth(note) <= columns - 1 - labelWidth ? [note] : note.split(/(?<=[;；])\s*/);
    for (const p of parts) lines.push(`${' '.repeat(labelWidth)}${t.dim(p)}`);
  }
  return lines;
}

/** The calendar section of `dlpath progress`: a heading, then the calendar. */
export async function calendarSection(cal: Calendar, t: Theme, columns: number, ascii: boolean): Promise<string[]> {
  return [t.em(m('calHeader', { weeks: cal.weeks })), ...await renderCalendar(cal, t, columns, ascii)];
}
