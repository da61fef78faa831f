/** `dlpath path`: tracks and modules with status symbols and percentages. */
import type { Context } from './context.js';
import { standing } from './shared.js';
import { page } from '../adapters/ui/pager.js';
import { theme, type Theme } from '../adapters/ui/theme.js';
import { overallPercent, type ModuleState, type ModuleStatus } from '../core/path.js';
import { displayWidth, textWidth, wrap } from '../adapters/ui/markdown.js';
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
  // One module a line while it fits; else the title wraps between words under itself, never past the edge.
  const width = Math.min(textWidth(ctx.stdout), (ctx.stdout.columns ?? 80) - 1);
  const idWidth = Math.min(22, Math.max(...states.map((s) => s.module.id.length)));
  for (const tr of ix.curriculum.tracks) {
    const ss = tr.modules.map((id) => byId.get(id)!).filter(Boolean);
    out.push(`${t.em(pick(tr.title))} ${t.dim(`${overallPercent(ss)}%`)}`);
    for (const s of ss) {
      // A full-width parenthesis brings its own space: none before it.
      const paren = (text: string) => { const p = m('paren', { text }); return p.startsWith('（') ? p : ` ${p}`; };
      const extra = s.status === 'locked' ? t.dim(paren(m('needs', { missing: s.missing.join(m('listSep')) })))
        : s.status === 'coming_soon' ? t.dim(paren(statusLabel(s.status)))
          : s.total ? t.dim(` ${pct(s)}%`) : '';
      const pad = 2 + displayWidth(statusSymbol(s.status, t)) + 1 + idWidth + 1;
      const lines = wrap(`${pick(s.module.title)}${extra}`, width, ' '.repeat(pad));
      lines[0] = `  ${statusSymbol(s.status, t)} ${s.module.id.padEnd(idWidth)} ${lines[0].trimStart()}`;
      out.push(...lines);
    }
    out.push('');
  }
  // The legend wraps between its entries, never between a symbol and its word.
  const entries = (['done', 'in_progress', 'available', 'locked', 'coming_soon'] as const)
    .map((st) => `${t.sym[({ done: 'done', in_progress: 'progress', available: 'available', locked: 'locked', coming_soon: 'soon' } as const)[st]]} ${statusLabel(st)}`);
  let legend = '';
  for (const e of entries) {
    if (legend && displayWidth(`${legend}  ${e}`) > width) { out.push(t.dim(legend)); legend = e; } else legend = legend ? `${legend}  ${e}` : e;
  }
  out.push(t.dim(legend));
  await page(ctx, `${out.join('\n')}\n`);
  return 0;
}
