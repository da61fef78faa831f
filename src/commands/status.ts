/** `dlpath` alone: a short status and the next step, without walking into it. */
import type { Context } from './context.js';
import { run as next } from './next.js';

export async function run(ctx: Context, args: unknown[], opts: unknown): Promise<number> {
  return next(ctx, args, opts, false);
}
