/** `dlpath tasks [module]`: every coding task, by module, with where the learner stands on it. */
import type { Context } from './context.js';
import { findModule, standing } from './shared.js';
import type { ProgressSnapshot } from '../core/path.js';
import type { Task } from '../core/model.js';
import { currentTask } from '../adapters/store/tasks.js';
import { page } from '../adapters/ui/pager.js';
import { theme, type Theme } from '../adapters/ui/theme.js';
import { displayWidth, fitColumns, padDisplay, textWidth, wrap } from '../adapters/ui/markdown.js';
import { pick } from '../i18n/index.js';
import { m } from '../i18n/tasks.js';

export type TaskStatus = 'passed' | 'skipped' | 'solution_seen' | 'started' | 'not_started';

/** One word for where the learner stands on a task; a pass counts first, then a skip, a peek, a start. */
export function taskStatus(p: ProgressSnapshot, task: Task): TaskStatus {
  const tp = p.tasks[task.id];
  if (!tp) return 'not_started';
  if (tp.passed) return 'passed';
  if (tp.skipped) return 'skipped';
  if (tp.solutionSeen) return 'solution_seen';
  if (tp.started || tp.checks) return 'started';
  return 'not_started';
}

const LABEL = { passed: 'stPassed', skipped: 'stSkipped', solution_seen: 'stSolutionSeen', started: 'stStarted', not_started: 'stNotStarted' } as const;

function symbol(s: TaskStatus, t: Theme): string {
  switch (s) {
    case 'passed': return t.ok(t.sym.done);
    case 'skipped': return t.dim(t.sym.skip);
    case 'solution_seen': return t.warn(t.sym.progress);
    case 'started': return t.warn(t.sym.progress);
    case 'not_started': return t.dim(t.sym.available);
  }
}

export async function run(ctx: Context, args: unknown[]): Promise<number> {
  const { ix, store, progress } = await standing(ctx);
  let current: string | undefined;
  try {
    current = currentTask(store);
  } finally {
    store.close();
  }
  const only = args[0] !== undefined && args[0] !== null && String(args[0]) !== '' ? findModule(ix, String(args[0])) : undefined;
  const modules = ix.ordered.filter((mod) => mod.tasks.length && (!only || mod.id === only.id));
  const rows = modules.flatMap((mod) => mod.tasks.map((task) => ({
    id: task.id, module: mod.id, title: pick(task.title), status: taskStatus(progress, task), optional: task.optional,
    current: task.id === current,
  })));
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ tasks: rows, current: current ?? null }, null, 2)}\n`);
    return 0;
  }
  const t = theme(ctx);
  const width = Math.min(textWidth(ctx.stdout), (ctx.stdout.columns ?? 80) - 1);
  const passed = rows.filter((r) => r.status === 'passed').length;
  const out: string[] = [t.heading(m('tasksHeader', { passed, total: rows.length })), ''];
  if (!rows.length) out.push(m('tasksNone'));
  const idWidth = Math.min(24, Math.max(...rows.map((r) => r.id.length), 4));
  const labelWidth = Math.max(...Object.values(LABEL).map((k) => displayWidth(m(k))));
  for (const mod of modules) {
    out.push(`${t.em(mod.id)}  ${t.dim(fitColumns(pick(mod.title), Math.max(10, width - mod.id.length - 2)))}`);
    for (const r of rows.filter((x) => x.module === mod.id)) {
      const mark = r.current ? '▸' : ' ';
      const status = padDisplay(m(LABEL[r.status]), labelWidth);
      const head = `${mark} ${symbol(r.status, t)} ${padDisplay(r.id, idWidth)}  ${r.status === 'passed' ? t.ok(status) : status}  `;
      const room = width - displayWidth(head);
      const title = r.optional ? `${r.title} ${m('optionalTag')}` : r.title;
      out.push(room >= 12 ? `${head}${t.dim(fitColumns(title, room))}`.trimEnd() : head.trimEnd());
    }
    out.push('');
  }
  out.push(...wrap(m('tasksFooter'), width).map((l) => t.dim(l)));
  await page(ctx, `${out.join('\n')}\n`);
  return 0;
}
