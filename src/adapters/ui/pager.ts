/** Long text goes through a pager when stdout is a terminal ($PAGER, else less); never when piped. */
import { spawn } from 'node:child_process';
import type { Context } from '../context.js';
import { m } from '../../i18n/prompts.js';

export async function page(ctx: Context, text: string): Promise<void> {
  const rows = (ctx.stdout as { rows?: number }).rows ?? 24;
  const pager = ctx.env.PAGER;
  if (!ctx.stdout.isTTY || !ctx.stdin.isTTY || text.split('\n').length < rows - 1 || pager === '' || pager === 'cat') {
    ctx.stdout.write(text);
    return;
  }
  const env = { ...ctx.env, LESSCHARSET: ctx.env.LESSCHARSET ?? 'utf-8' };
  // Without $PAGER: less, keeping colours, and a first line that says which keys to use (less's own
  // prompt cannot show Chinese).
  const [cmd, args, shell] = pager === undefined ? ['less', ['-R', '-X'], false] : [pager, [], true];
  if (pager === undefined) text = `${m('pagerKeys')}\n\n${text}`;
  const ok = await new Promise<boolean>((resolve) => {
    const child = spawn(cmd, args, { shell, stdio: ['pipe', 'inherit', 'inherit'], env });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code !== 127));
    child.stdin.on('error', () => { /* the learner quit the pager early */ });
    child.stdin.end(text);
  });
  if (!ok) ctx.stdout.write(text);
}
