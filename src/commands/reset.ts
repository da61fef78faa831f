/** `dlpath reset <module>... | --all`: start modules over; history is kept. */
import type { Context } from './context.js';
import { findModule, standing } from './shared.js';
import { resetModules } from '../adapters/store/progress.js';
import { UsageError } from '../core/errors.js';
import { theme } from '../adapters/ui/theme.js';
import { m } from '../i18n/path.js';

export async function run(ctx: Context, args: unknown[], opts: { all?: boolean }): Promise<number> {
  const names = (args[0] as string[] | undefined) ?? [];
  if (!names.length && !opts.all) throw new UsageError(m('resetNothing'));
  const { ix, store } = await standing(ctx);
  try {
    const ids = opts.all ? ix.ordered.map((x) => x.id) : [...new Set(names.map((n) => findModule(ix, n).id))];
    const t = theme(ctx);
    if (!ctx.json) ctx.stdout.write(`${m('resetWhat', { modules: ids.join(', ') })}\n`);
    if (!ctx.yes) {
      if (!ctx.interactive) throw new UsageError(m('resetNeedsYes'));
      const { yesNo } = await import('../adapters/ui/prompts.js');
      if (!(await yesNo(ctx, m('resetConfirm', { n: ids.length }), false))) {
        ctx.stdout.write(`${m('resetCancelled')}\n`);
        return 0;
      }
    }
    resetModules(store, ids);
    if (ctx.json) ctx.stdout.write(`${JSON.stringify({ reset: ids })}\n`);
    else ctx.stdout.write(`${t.ok(m('resetDone', { n: ids.length, modules: ids.join(', ') }))}\n`);
    return 0;
  } finally {
    store.close();
  }
}
