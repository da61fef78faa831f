/** Terminal styling that honours --no-color / NO_COLOR and a non-terminal stdout. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Context } from '../../commands/context.js';

export interface Theme {
  c: ChalkInstance;
  heading: (s: string) => string;
  ok: (s: string) => string;
  bad: (s: string) => string;
  warn: (s: string) => string;
  dim: (s: string) => string;
  em: (s: string) => string;
  code: (s: string) => string;
  link: (s: string) => string;
  cmd: (s: string) => string;
  /** Status symbols that stay readable without colour. */
  sym: { done: string; progress: string; available: string; locked: string; soon: string; pass: string; fail: string; error: string; skip: string };
}

export function theme(ctx: Pick<Context, 'color' | 'env'>): Theme {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const ascii = !isUtf8(ctx.env);
  return {
    c,
    heading: (s) => c.bold.cyan(s),
    ok: (s) => c.green(s),
    bad: (s) => c.red(s),
    warn: (s) => c.yellow(s),
    dim: (s) => c.dim(s),
    em: (s) => c.bold(s),
    code: (s) => c.yellow(s),
    link: (s) => c.underline.blue(s),
    cmd: (s) => c.bold.magenta(s),
    sym: ascii
      ? { done: '[x]', progress: '[~]', available: '[ ]', locked: '[-]', soon: '[.]', pass: 'PASS', fail: 'FAIL', error: 'ERR ', skip: 'SKIP' }
      : { done: '✔', progress: '◐', available: '○', locked: '🔒', soon: '…', pass: '✔', fail: '✘', error: '!', skip: '–' },
  };
}

/** Whether the terminal takes UTF-8 (LANG/LC_ALL name UTF-8, or nothing says otherwise on a modern system). */
export function isUtf8(env: NodeJS.ProcessEnv): boolean {
  const v = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  if (!v) return true;
  return /utf-?8/i.test(v) || v === 'C.UTF-8';
}
