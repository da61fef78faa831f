/** `dlpath next`: the next step on the path; in a terminal, walks the learner into it. */
import type { Context } from './context.js';
import { standingWithActivity, stepCommand, stepTitle } from './shared.js';
import { nextStep, overallPercent } from '../core/path.js';
import { theme } from '../adapters/ui/theme.js';
import { pick } from '../i18n/index.js';
import { m } from '../i18n/path.js';

export async function run(ctx: Context, _args: unknown[], _opts: unknown, walk = true): Promise<number> {
  const { ix, states, streak: days, due } = await standingWithActivity(ctx);
  const next = nextStep(states);
  const step = next?.next;
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify(step ? {
      module: step.module, step: step.kind, task: step.task ?? null, title: stepTitle(step, ix), command: stepCommand(step),
      percent: overallPercent(states), reviews_due: due,
    } : { module: null, step: 'done', task: null, title: m('allDone'), command: 'dlpath review', percent: overallPercent(states), reviews_due: due })}\n`);
    return 0;
  }
  const t = theme(ctx);
  const done = states.filter((s) => s.status === 'done').length;
  const total = states.filter((s) => s.status !== 'coming_soon').length;
  ctx.stdout.write(`${t.dim(m('statusLine', { percent: overallPercent(states), done, total, streak: days }))}\n`);
  if (due) ctx.stdout.write(`${t.warn(m('reviewsDue', { n: due, minutes: Math.max(1, Math.ceil(due / 4)) }))}\n`);
  if (!step) {
    ctx.stdout.write(`${t.ok(m('allDone'))}\n`);
    return 0;
  }
  const mod = ix.module(step.module)!;
  ctx.stdout.write(`\n${t.heading(m('nextHeader'))}: ${t.em(stepTitle(step, ix))}\n`);
  if (mod.summary) ctx.stdout.write(`${t.dim(pick(mod.summary))}\n`);
  if (!walk || !ctx.interactive) {
    ctx.stdout.write(`${m('run', { cmd: t.cmd(stepCommand(step)) })}\n`);
    return 0;
  }
  ctx.stdout.write('\n');
  switch (step.kind) {
    case 'lesson':
      return (await import('./learn.js')).run(ctx, [step.module]);
    case 'quiz': {
      const { yesNo } = await import('../adapters/ui/prompts.js');
      if (!(await yesNo(ctx, m('startQuizNow'), true))) {
        ctx.stdout.write(`${m('run', { cmd: t.cmd(stepCommand(step)) })}\n`);
        return 0;
      }
      return (await import('./quiz.js')).run(ctx, [step.module], {});
    }
    case 'task':
      return (await import('./task.js')).run(ctx, [step.task!], {});
  }
}
