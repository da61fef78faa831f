/** Terminal styling that honours --no-color / NO_COLOR and a non-terminal stdout. */
import os from 'node:os';
import type { ChalkInstance } from 'chalk';
import type { Context } from '../context.js';

type Style = (s: string) => string;

export interface Theme {
  /** Whether styles emit ANSI colour codes. */
  colored: boolean;
  heading: Style;
  ok: Style;
  bad: Style;
  warn: Style;
  dim: Style;
  em: Style;
  italic: Style;
  code: Style;
  link: Style;
  cmd: Style;
  /** A file's path: a clickable link (OSC 8) where the terminal supports it, plain text otherwise. */
  file: Style;
  /** Status symbols that stay readable without colour. */
  sym: { done: string; progress: string; available: string; locked: string; soon: string; pass: string; fail: string; error: string; skip: string };
}

let chalkLib: typeof import('chalk') | undefined;

/**
 * Loads chalk when colour is on. Importing it costs ~15 ms of start-up (npm run bench), which
 * plain output (pipes, --json, NO_COLOR) never needs. main's CLI wiring calls this before a command runs.
 */
export async function loadColors(ctx: Pick<Context, 'color'>): Promise<void> {
  if (ctx.color && !chalkLib) chalkLib = await import('chalk');
}

export function theme(ctx: Pick<Context, 'color' | 'env'>): Theme {
  const c: ChalkInstance | undefined = ctx.color && chalkLib ? new chalkLib.Chalk({ level: 1 }) : undefined;
  const style = (pick: (c: ChalkInstance) => Style): Style => (c ? pick(c) : (s) => s);
  const ascii = !isUtf8(ctx.env);
  return {
    colored: Boolean(c),
    heading: style((x) => x.bold.cyan),
    ok: style((x) => x.green),
    bad: style((x) => x.red),
    warn: style((x) => x.yellow),
    dim: style((x) => x.dim),
    em: style((x) => x.bold),
    italic: style((x) => x.italic),
    code: style((x) => x.yellow),
    link: style((x) => x.underline.blue),
    cmd: style((x) => x.bold.magenta),
    file: c && supportsHyperlinks(ctx.env) ? (p: string) => hyperlink(p, ctx.env) : (p: string) => p,
    sym: ascii
      ? { done: '[x]', progress: '[~]', available: '[ ]', locked: '[-]', soon: '[.]', pass: 'PASS', fail: 'FAIL', error: 'ERR ', skip: 'SKIP' }
      : { done: '✔', progress: '◐', available: '○', locked: '⊘', soon: '…', pass: '✔', fail: '✘', error: '!', skip: '–' },
  };
}

/** Whether the terminal takes UTF-8 (LANG/LC_ALL name UTF-8, or nothing says otherwise on a modern system). */
export function isUtf8(env: NodeJS.ProcessEnv): boolean {
  const v = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  if (!v) return true;
  return /utf-?8/i.test(v) || v === 'C.UTF-8';
}

/**
 * Whether the terminal turns OSC 8 into links: FORCE_HYPERLINK decides, else the terminals known to
 * (iTerm2, WezTerm, VS Code, Windows Terminal, GNOME's VTE, Konsole, kitty, Ghostty). Not inside tmux
 * or screen, which show or drop them depending on their version and settings.
 */
export function supportsHyperlinks(env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_HYPERLINK !== undefined) return env.FORCE_HYPERLINK !== '0' && env.FORCE_HYPERLINK !== 'false';
  if (env.TMUX || env.STY || env.TERM === 'dumb') return false;
  if (['iTerm.app', 'WezTerm', 'vscode', 'ghostty'].includes(env.TERM_PROGRAM ?? '')) return true;
  if (env.WT_SESSION || env.KONSOLE_VERSION || env.TERM === 'xterm-kitty' || env.TERM === 'xterm-ghostty') return true;
  return Number(env.VTE_VERSION ?? 0) >= 5000;
}

/** An OSC 8 link to a local file, showing its path. */
export function hyperlink(file: string, env: NodeJS.ProcessEnv): string {
  const host = env.HOSTNAME ?? os.hostname();
  const url = `file://${host}${encodeURI(file).replace(/[?#]/g, encodeURIComponent)}`;
  return `\u001b]8;;${url}\u001b\\${file}\u001b]8;;\u001b\\`;
}
