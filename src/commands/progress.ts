/** `dlpath progress`: per track and module: status, best quiz score, tasks, last activity; streak. */
import type { Context } from './context.js';
import { standingWithActivity } from './shared.js';
import { overallPercent, type ModuleState } from '../core/path.js';
import { page } from '../adapters/ui/pager.js';
import { theme } from '../adapters/ui/theme.js';
import { padDisplay } from '../adapters/ui/markdown.js';
import { statusLabel, statusSymbol } from './path.js';
import { pick } from '../i18n/index.js';
import { m } from '../i18n/path.js';

function bar(percent: number, width = 20): string {
  const full = Math.round((percent / 100) * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
}

export async function run(ctx: Context): Promise<number> {
  const { ix, progress, states, streak: days, due } = await standingWithActivity(ctx);
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
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ ...summary, tracks }, null, 2)}\n`);
    return 0;
  }
  const t = theme(ctx);
  const out: string[] = [t.heading(m('progressHeader')), ''];
  out.push(m('overall', { percent: summary.percent, streak: days, tasks: summary.tasks_passed, due }));
  if (summary.tasks_solution_seen) out.push(t.dim(m('solutionSeen', { n: summary.tasks_solution_seen })));
  if (summary.tasks_skipped) out.push(t.dim(m('tasksSkipped', { n: summary.tasks_skipped })));
  out.push('');
  // A table with one header: module, status, lesson, best quiz, tasks, last activity. Narrow terminals
  // drop the columns that matter least (last activity, then status and lesson).
  const columns = ctx.stdout.columns ?? 80;
  const cols: Array<[string, number, (r: typeof all[number]) => string]> = [
    [m('colModule'), 18, (r) => r.id],
    ...(columns >= 60 ? [[m('colStatus'), 12, (r) => statusLabel(byId.get(r.id)!.status)] as typeof cols[number]] : []),
    ...(columns >= 60 ? [[m('colLesson'), 8, (r) => (r.lesson_read ? m('yes') : m('no'))] as typeof cols[number]] : []),
    [m('colQuiz'), 10, (r) => (r.quiz_best === null ? '-' : `${Math.round(r.quiz_best * 100)}%`)],
    [m('colTasks'), 6, (r) => (r.tasks_total ? `${r.tasks_passed}/${r.tasks_total}` : '-')],
    ...(columns >= 80 ? [[m('colLast'), 10, (r) => (r.last_activity ? r.last_activity.slice(0, 10) : '')] as typeof cols[number]] : []),
  ];
  const row = (cells: string[]) => cells.map((c, i) => padDisplay(c, cols[i][1])).join(' ').trimEnd();
  out.push(t.dim(`    ${row(cols.map(([h]) => h))}`));
  for (const tr of tracks) {
    out.push(`${t.em(padDisplay(tr.title, Math.min(28, columns - 30)))} ${bar(tr.percent, columns >= 60 ? 20 : 10)} ${String(tr.percent).padStart(3)}%`);
    for (const r of tr.modules) {
      const s = byId.get(r.id)!;
      if (s.status === 'coming_soon') continue;
      out.push(`  ${statusSymbol(s.status, t)} ${row(cols.map(([, , cell]) => cell(r)))}`);
    }
    out.push('');
  }
  await page(ctx, `${out.join('\n')}\n`);
  return 0;
}
