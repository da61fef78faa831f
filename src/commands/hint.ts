/** `dlpath hint <task>`: the next hint level each call, recorded. */
import type { Context } from './context.js';
import { standing } from './shared.js';
import { resolveTask } from './task.js';
import { recordHint } from '../adapters/store/tasks.js';
import { renderMarkdown, textWidth } from '../adapters/ui/markdown.js';
import { theme } from '../adapters/ui/theme.js';
import { pick } from '../i18n/index.js';
import { m } from '../i18n/tasks.js';

export async function run(ctx: Context, args: unknown[]): Promise<number> {
  const { ix, store } = await standing(ctx);
  try {
    const { module: mod, task } = resolveTask(ix, store, args[0]);
    const t = theme(ctx);
    const total = task.hints.length;
    if (total === 0) {
      if (ctx.json) ctx.stdout.write(`${JSON.stringify({ task: task.id, level: 0, total: 0, hint: null })}\n`);
      else ctx.stdout.write(`${m('noHints', { task: task.id })}\n`);
      return 0;
    }
    const level = recordHint(store, mod.id, task.id, total);
    const text = pick(task.hints[level - 1]);
    if (ctx.json) {
      ctx.stdout.write(`${JSON.stringify({ task: task.id, level, total, hint: text, last: level === total })}\n`);
      return 0;
    }
    const width = textWidth(ctx.stdout);
    let out = `${t.heading(m('hintHeader', { level, total, task: task.id }))}\n\n`;
    out += renderMarkdown(text, t, width);
    out += `\n${t.dim(level === total ? m('hintLast', { task: task.id }) : m('hintMore', { task: task.id }))}\n`;
    ctx.stdout.write(out);
    return 0;
  } finally {
    store.close();
  }
}
