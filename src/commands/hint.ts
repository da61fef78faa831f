/** `dlpath hint [task]`: the next hint level each call, recorded; `--all` shows the ones seen so far again. */
import type { Context } from './context.js';
import { standing } from './shared.js';
import { resolveTask, type FoundTask } from './task.js';
import { recordHint, taskRow } from '../adapters/store/tasks.js';
import type { Store } from '../adapters/store/store.js';
import { renderMarkdown, textWidth } from '../adapters/ui/markdown.js';
import { theme } from '../adapters/ui/theme.js';
import { pick } from '../i18n/index.js';
import { m } from '../i18n/tasks.js';

/** Records and renders the next hint (for `hint` and for h in `watch`). */
export function nextHintText(ctx: Context, store: Store, found: FoundTask, more = 'cmd'): string {
  const { module: mod, task } = found;
  const t = theme(ctx);
  const total = task.hints.length;
  if (total === 0) return `${m('noHints', { task: task.id })}\n`;
  const level = recordHint(store, mod.id, task.id, total);
  let out = `${t.heading(m('hintHeader', { level, total, task: task.id }))}\n\n`;
  out += renderMarkdown(pick(task.hints[level - 1]), t, textWidth(ctx.stdout));
  out += `\n${t.dim(level === total ? m('hintLast', { task: task.id }) : m(more === 'cmd' ? 'hintMore' : 'hintMoreKey', { task: task.id }))}\n`;
  return out;
}

export async function run(ctx: Context, args: unknown[], opts: { all?: boolean } = {}): Promise<number> {
  const { ix, store } = await standing(ctx);
  try {
    const found = resolveTask(ix, store, args[0]);
    const { module: mod, task } = found;
    const t = theme(ctx);
    const total = task.hints.length;
    if (opts.all) {
      const seen = Math.min(total, taskRow(store, mod.id, task.id)?.hintsShown ?? 0);
      const hints = task.hints.slice(0, seen).map((h) => pick(h));
      if (ctx.json) {
        ctx.stdout.write(`${JSON.stringify({ task: task.id, seen, total, hints })}\n`);
        return 0;
      }
      if (!seen) {
        ctx.stdout.write(`${total ? m('noHintsSeen', { task: task.id }) : m('noHints', { task: task.id })}\n`);
        return 0;
      }
      const width = textWidth(ctx.stdout);
      let out = '';
      hints.forEach((h, i) => { out += `${t.heading(m('hintHeader', { level: i + 1, total, task: task.id }))}\n\n${renderMarkdown(h, t, width)}\n`; });
      out += `${t.dim(seen === total ? m('hintLast', { task: task.id }) : m('hintMore', { task: task.id }))}\n`;
      ctx.stdout.write(out);
      return 0;
    }
    if (ctx.json) {
      if (total === 0) {
        ctx.stdout.write(`${JSON.stringify({ task: task.id, level: 0, total: 0, hint: null })}\n`);
        return 0;
      }
      const level = recordHint(store, mod.id, task.id, total);
      ctx.stdout.write(`${JSON.stringify({ task: task.id, level, total, hint: pick(task.hints[level - 1]), last: level === total })}\n`);
      return 0;
    }
    ctx.stdout.write(nextHintText(ctx, store, found));
    return 0;
  } finally {
    store.close();
  }
}
