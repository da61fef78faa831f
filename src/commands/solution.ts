/** `dlpath solution <task>`: the reference solution; before a pass only after a confirmation, and recorded. */
import type { Context } from './context.js';
import { standing } from './shared.js';
import { resolveTask } from './task.js';
import { UsageError } from '../core/errors.js';
import { readTaskFile, taskFile } from '../adapters/runner/index.js';
import { recordSolution, taskRow } from '../adapters/store/tasks.js';
import { theme } from '../adapters/ui/theme.js';
import { m } from '../i18n/tasks.js';

export async function run(ctx: Context, args: unknown[]): Promise<number> {
  const { ix, store } = await standing(ctx);
  try {
    const { module: mod, task } = resolveTask(ix, store, args[0]);
    const t = theme(ctx);
    const code = readTaskFile(ix.curriculum.dir, mod, task.solution);
    const file = taskFile(ix.curriculum.dir, mod, task.solution);
    const passed = Boolean(taskRow(store, mod.id, task.id)?.passedAt);
    if (!passed && !ctx.yes) {
      if (!ctx.interactive) throw new UsageError(m('solutionNeedsYes'));
      const { yesNo } = await import('../adapters/ui/prompts.js');
      if (!(await yesNo(ctx, m('solutionConfirm', { task: task.id }), false))) {
        ctx.stdout.write(`${m('solutionCancelled', { task: task.id })}\n`);
        return 0;
      }
    }
    const { beforePass } = recordSolution(store, mod.id, task.id);
    if (ctx.json) {
      ctx.stdout.write(`${JSON.stringify({ task: task.id, module: mod.id, file, before_pass: beforePass, solution: code }, null, 2)}\n`);
      return 0;
    }
    let out = `${t.heading(m('solutionHeader', { task: task.id, file }))}\n\n`;
    out += code.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\s+$/, '') + '\n'; // a BOM or CRLF would print raw
    if (beforePass) out += `\n${t.dim(m('solutionRecorded', { task: task.id }))}\n`;
    ctx.stdout.write(out);
    return 0;
  } finally {
    store.close();
  }
}
