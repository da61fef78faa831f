/** A yes/no question in the terminal (@inquirer/prompts, loaded only when asked). Ctrl-C → Cancelled. */
import type { Context } from '../../commands/context.js';
import { Cancelled } from '../../core/errors.js';

export async function confirm(ctx: Context, message: string, dflt = false): Promise<boolean> {
  const { confirm: ask } = await import('@inquirer/prompts');
  try {
    return await ask({ message, default: dflt }, { input: ctx.stdin, output: ctx.stdout });
  } catch (e) {
    if ((e as Error).name === 'ExitPromptError' || (e as Error).name === 'AbortPromptError') throw new Cancelled();
    throw e;
  }
}
