/** `dlpath progress`: per track and module: status, best quiz score, tasks, last activity; streak. */
import type { Context } from './context.js';
import { classLine } from '../adapters/class/state.js';
import { standingWithActivity } from './shared.js';
import { overallPercent, type ModuleState } from '../core/path.js';
import { page } from '../adapters/ui/pager.js';
import { theme } from '../adapters/ui/theme.js';
import { displayWidth, fitColumns, padDisplay } from '../adapters/ui/markdown.js';
import { statusLabel, statusSymbol } from './path.js';
import { pick } from '../i18n/index.js';
import { m } from '../i18n/path.js';
import { calendarOf, calendarRange, calendarSection } from './calendar.js';
import { isUtf8 } from '../adapters/ui/theme.js';

function bar(percent: number, width = 20): string {
  const full = Math.round((percent / 100) * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
}

/** What `progress --json` prints (and the HTML report shows), with the standing it was computed from. */
export async function progressData(ctx: Context) {
  const { ix, progress, states, streak: days, due, activity, klass } = await standingWithActivity(ctx, { days: calendarRange(ctx.clock()) });
  const calendar = calendarOf(ctx.clock(), activity ?? new Map());
  const byId = new Map(states.map((s) => [s.module.id, s]));
  const moduleRow = (s: ModuleState) => {
    const mp = progress.modules[s.module.id];
    const tasks = s.module.tasks;
    const passed = tasks.filter((t) => progress.tasks[t.id]?.passed).length;
    const seen = tasks.filter((t) => progress.tasks[t.id]?.passed && progress.tasks[t.id]?.solutionSeen).length;
    const skipped = tasks.filter((t) => !progress.tasks[t.id]?.passed && progress.tasks[t.id]?.skipped).length;
    const last = [mp?.lastActivity, ...tasks.map((t) => progress.tasks[t.id]?.lastActivity)]
      .filter((x): x is string => Boolean(x)).sort().pop() ?? null;
    return {
      id: s.module.id, title: pick(s.module.title), status: s.status,
      lesson_read: mp?.lessonRead ?? false,
      quiz_best: mp?.quizBest ?? null, quiz_passed: mp?.quizPassed ?? false,
      tasks_passed: passed, tasks_total: tasks.length, tasks_solution_seen: seen, tasks_skipped: skipped,
      last_activity: last,
    };
  };
  const tracks = ix.curriculum.tracks.map((tr) => {
    const ss = tr.modules.map((id) => byId.get(id)).filter((s): s is ModuleState => Boolean(s));
    return { id: tr.id, title: pick(tr.title), percent: overallPercent(ss), modules: ss.map(moduleRow) };
  });
  const all = tracks.flatMap((tr) => tr.modules);
  const summary = {
    percent: overallPercent(states),
    streak_days: days,
    modules_done: states.filter((s) => s.status === 'done').length,
    modules_total: states.filter((s) => s.status !== 'coming_soon').length,
    tasks_passed: all.reduce((a, r) => a + r.tasks_passed, 0),
    tasks_solution_seen: all.reduce((a, r) => a + r.tasks_solution_seen, 0),
    tasks_skipped: all.reduce((a, r) => a + r.tasks_skipped, 0),
    reviews_due: due,
  };
  return { ix, progress, states, byId, summary, tracks, all, calendar, days, due, klass };
}

export async function run(ctx: Context): Promise<number> {
  const { summary, tracks, all, calendar, byId, days, due, klass } = await progressData(ctx);
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ ...summary, tracks, calendar, ...(klass ? { class: klass } : {}) }, null, 2)}\n`);
    return 0;
  }
  const t = theme(ctx);
  const out: string[] = [t.heading(m('progressHeader')), ''];
  out.push(m('overall', { percent: summary.percent, streak: days, tasks: summary.tasks_passed, due }));
  const synced = classLine(klass);
  if (synced) out.push(t.dim(synced));
  if (summary.tasks_solution_seen) out.push(t.dim(m('solutionSeen', { n: summary.tasks_solution_seen })));
  if (summary.tasks_skipped) out.push(t.dim(m('tasksSkipped', { n: summary.tasks_skipped })));
  out.push('');
  // A table with one header: module, status, lesson, best quiz, tasks, last activity. Each column is as
  // wide as its widest cell; a narrow terminal drops the columns that matter least (last activity, then
  // status, then lesson) until a row fits without wrapping.
  const columns = ctx.stdout.columns ?? 80;
  type Col = { head: string; cell: (r: typeof all[number]) => string; drop: number; width: number };
  const shown = all.filter((r) => byId.get(r.id)!.status !== 'coming_soon');
  const make = (head: string, cell: Col['cell'], drop: number): Col =>
    ({ head, cell, drop, width: Math.max(displayWidth(head), ...shown.map((r) => displayWidth(cell(r)))) });
  let cols: Col[] = [
    make(m('colModule'), (r) => r.id, 0),
    make(m('colStatus'), (r) => statusLabel(byId.get(r.id)!.status), 2),
    make(m('colLesson'), (r) => (r.lesson_read ? m('yes') : m('no')), 1),
    make(m('colQuiz'), (r) => (r.quiz_best === null ? '-' : `${Math.round(r.quiz_best * 100)}%`), 0),
    make(m('colTasks'), (r) => (r.tasks_total ? `${r.tasks_passed}/${r.tasks_total}` : '-'), 0),
    make(m('colLast'), (r) => (r.last_activity ? r.last_activity.slice(0, 10) : ''), 3),
  ];
  const rowWidth = () => 4 + cols.reduce((a, c) => a + c.width, 0) + 2 * (cols.length - 1);
  for (let level = 3; level >= 1 && rowWidth() > columns - 1; level--) cols = cols.filter((c) => c.drop !== level);
  const row = (cells: string[]) => cells.map((c, i) => padDisplay(c, cols[i].width)).join('  ').trimEnd();
  out.push(t.dim(`    ${row(cols.map((c) => c.head))}`));
  const barWidth = columns >= 70 ? 20 : 10;
  for (const tr of tracks) {
    const titleRoom = Math.max(10, Math.min(28, columns - 1 - barWidth - 2 - 6));
    out.push(`${t.em(padDisplay(fitColumns(tr.title, titleRoom), titleRoom))} ${bar(tr.percent, barWidth)} ${String(tr.percent).padStart(3)}%`);
    for (const r of tr.modules) {
      const s = byId.get(r.id)!;
      if (s.status === 'coming_soon') continue;
      out.push(`  ${statusSymbol(s.status, t)} ${row(cols.map((c) => c.cell(r)))}`);
    }
    out.push('');
  }
  out.push(...await calendarSection(calendar, t, columns, !isUtf8(ctx.env)), '');
  await page(ctx, `${out.join('\n')}\n`);
  return 0;
}
