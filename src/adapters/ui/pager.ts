/** Long text goes through a pager when stdout is a terminal ($PAGER, else less); never when piped. */
import { spawn } from 'node:child_process';
import type { Context } from '../../commands/context.js';

export async function page(ctx: Context, text: string): Promise<void> {
  const rows = (ctx.stdout as { rows?: number }).rows ?? 24;
  const pager = ctx.env.PAGER ?? 'less';
  if (!ctx.stdout.isTTY || !ctx.stdin.isTTY || text.split('\n').length < rows - 1 || pager === '' || pager === 'cat') {
    ctx.stdout.write(text);
    return;
  }
  const env = { ...ctx.env, LESS: ctx.env.LESS ?? 'FRX', LESSCHARSET: ctx.env.LESSCHARSET ?? 'utf-8' };
  const ok = await new Promise<boolean>((resolve) => {
    const child = spawn(pager, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code !== 127));
    child.stdin.on('error', () => { /* the learner quit the pager early */ });
    child.stdin.end(text);
  });
  if (!ok) ctx.stdout.write(text);
}
