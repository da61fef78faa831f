/** `dlpath path`: tracks and modules with status symbols and percentages. */
import type { Context } from './context.js';
import { standing } from './shared.js';
import { page } from '../adapters/ui/pager.js';
import { theme, type Theme } from '../adapters/ui/theme.js';
import { overallPercent, type ModuleState, type ModuleStatus } from '../core/path.js';
import { pick } from '../i18n/index.js';
import { m } from '../i18n/path.js';

export function statusLabel(s: ModuleStatus): string {
  return { done: m('statusDone'), in_progress: m('statusInProgress'), available: m('statusAvailable'),
    locked: m('statusLocked'), coming_soon: m('statusComingSoon') }[s];
}

export function statusSymbol(s: ModuleStatus, t: Theme): string {
  switch (s) {
    case 'done': return t.ok(t.sym.done);
    case 'in_progress': return t.warn(t.sym.progress);
    case 'available': return t.sym.available;
    case 'locked': return t.dim(t.sym.locked);
    case 'coming_soon': return t.dim(t.sym.soon);
  }
}

const pct = (s: ModuleState) => (s.total ? Math.round((100 * s.done) / s.total) : 0);

export async function run(ctx: Context): Promise<number> {
  const { ix, store, states } = await standing(ctx);
  store.close();
  const byId = new Map(states.map((s) => [s.module.id, s]));
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({
      percent: overallPercent(states),
      tracks: ix.curriculum.tracks.map((tr) => {
        const ss = tr.modules.map((id) => byId.get(id)!).filter(Boolean);
        return {
          id: tr.id, title: pick(tr.title), percent: overallPercent(ss),
          modules: ss.map((s) => ({ id: s.module.id, title: pick(s.module.title), status: s.status,
            percent: pct(s), steps_done: s.done, steps: s.total, missing: s.missing })),
        };
      }),
    }, null, 2)}\n`);
    return 0;
  }
  const t = theme(ctx);
  const out: string[] = [t.heading(pick(ix.curriculum.title)) + t.dim(`  ${overallPercent(states)}%`), ''];
  for (const tr of ix.curriculum.tracks) {
    const ss = tr.modules.map((id) => byId.get(id)!).filter(Boolean);
    out.push(`${t.em(pick(tr.title))} ${t.dim(`${overallPercent(ss)}%`)}`);
    for (const s of ss) {
      const extra = s.status === 'locked' ? t.dim(` ${m('paren', { text: m('needs', { missing: s.missing.join(m('listSep')) }) })}`)
        : s.status === 'coming_soon' ? t.dim(` ${m('paren', { text: statusLabel(s.status) })}`)
          : s.total ? t.dim(` ${pct(s)}%`) : '';
      out.push(`  ${statusSymbol(s.status, t)} ${s.module.id.padEnd(18)} ${pick(s.module.title)}${extra}`);
    }
    out.push('');
  }
  out.push(t.dim(m('legend', { done: t.sym.done, progress: t.sym.progress, available: t.sym.available, locked: t.sym.locked, soon: t.sym.soon })));
  await page(ctx, `${out.join('\n')}\n`);
  return 0;
}
