/**
 * Long text in a terminal goes through a pager; never when piped.
 *
 * Without $PAGER, dlpath pages itself: it knows whether the learner reached the end (a lesson counts
 * as read only then), Ctrl-C simply leaves it, and nothing is left running that could eat the next
 * keystroke. With $PAGER, that program is used as git uses it: `less` gets -R (colours, not raw
 * ESC[1m) and -K (Ctrl-C leaves it), other pagers get plain text, and dlpath ignores Ctrl-C until
 * the pager has ended, so the terminal comes back whole.
 */
import { spawn } from 'node:child_process';
import type { Context } from '../context.js';
import { displayWidth } from './markdown.js';
import { m } from '../../i18n/prompts.js';

export interface PageResult {
  /** How the text was shown: directly (it fits, or not a terminal), by dlpath's pager, or by $PAGER. */
  via: 'direct' | 'builtin' | 'external';
  /** The learner saw the last line (always true for direct output). */
  reachedEnd: boolean;
  /** The learner left with Ctrl-C. */
  interrupted: boolean;
}

const ANSI = /\u001b\[[0-9;]*m/g;

export async function page(ctx: Context, text: string, o: { keys?: 'read' | 'view' } = {}): Promise<PageResult> {
  const rows = (ctx.stdout as { rows?: number }).rows ?? 24;
  const pager = ctx.env.PAGER;
  const lines = text.replace(/\n$/, '').split('\n');
  if (!ctx.stdout.isTTY || !ctx.stdin.isTTY || lines.length < rows - 1 || pager === '' || pager === 'cat') {
    ctx.stdout.write(text);
    return { via: 'direct', reachedEnd: true, interrupted: false };
  }
  if (pager === undefined && typeof ctx.stdin.setRawMode === 'function') return builtin(ctx, lines, o.keys ?? 'view');
  return external(ctx, pager ?? 'less', text);
}

/** The LESS variable a `less` pager gets: the learner's, plus R (colours) and, when unset, git's FRX and K. */
export function lessEnv(less: string | undefined): string {
  if (less === undefined || less.trim() === '') return 'FRXK';
  // Short options are letters after a dash (or at the start, as less allows); R or r passes colours.
  const short = less.split(/\s+/).filter((w) => !w.startsWith('--')).map((w) => w.replace(/^-/, '')).join('');
  return /[Rr]/.test(short) ? less : `${less} -R`;
}

function isLess(pager: string): boolean {
  const first = pager.trim().split(/\s+/)[0] ?? '';
  return /(^|\/)less$/.test(first);
}

async function external(ctx: Context, pager: string, text: string): Promise<PageResult> {
  const less = isLess(pager);
  const env = { ...ctx.env, LESSCHARSET: ctx.env.LESSCHARSET ?? 'utf-8', ...(less ? { LESS: lessEnv(ctx.env.LESS) } : {}) };
  const body = less ? text : text.replace(ANSI, '');
  // Ctrl-C goes to the whole foreground group: the pager decides what it means, dlpath waits for it.
  const ignore = () => { /* the pager handles Ctrl-C; dlpath waits for it to end */ };
  process.on('SIGINT', ignore);
  try {
    const r = await new Promise<{ ok: boolean; interrupted: boolean }>((resolve) => {
      const child = spawn(pager, [], { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env });
      child.on('error', () => resolve({ ok: false, interrupted: false }));
      child.on('close', (code, signal) => resolve({ ok: code !== 127, interrupted: signal === 'SIGINT' || (code !== 0 && code !== 127) }));
      child.stdin.on('error', () => { /* the learner quit the pager early */ });
      child.stdin.end(body);
    });
    if (!r.ok) {
      ctx.stdout.write(text);
      return { via: 'direct', reachedEnd: true, interrupted: false };
    }
    return { via: 'external', reachedEnd: false, interrupted: r.interrupted };
  } finally {
    process.off('SIGINT', ignore);
  }
}

/** Splits a line into pieces of at most `cols` terminal columns, keeping colour codes with their text. */
export function splitColumns(line: string, cols: number): string[] {
  if (displayWidth(line) <= cols) return [line];
  const out: string[] = [];
  let cur = '';
  let w = 0;
  for (let i = 0; i < line.length;) {
    const esc = /^\u001b\[[0-9;]*m/.exec(line.slice(i));
    if (esc) { cur += esc[0]; i += esc[0].length; continue; }
    const ch = String.fromCodePoint(line.codePointAt(i)!);
    const cw = displayWidth(ch);
    if (w + cw > cols) { out.push(cur); cur = ''; w = 0; }
    cur += ch;
    w += cw;
    i += ch.length;
  }
  out.push(cur);
  return out;
}

type Key = 'down' | 'up' | 'pageDown' | 'pageUp' | 'halfDown' | 'halfUp' | 'top' | 'bottom' | 'quit' | 'interrupt' | 'space';

/** The keys in a chunk of raw input, in order (a burst of typing or a pasted sequence comes as one chunk). */
export function pagerKeys(s: string): Key[] {
  const keys: Key[] = [];
  for (let i = 0; i < s.length;) {
    const seq = /^\u001b(\[[0-9;]*[~A-Za-z]|O[A-Za-z])/.exec(s.slice(i));
    if (seq) {
      const k = seq[1];
      const map: Record<string, Key> = { '[A': 'up', OA: 'up', '[B': 'down', OB: 'down', '[5~': 'pageUp', '[6~': 'pageDown',
        '[H': 'top', OH: 'top', '[1~': 'top', '[F': 'bottom', OF: 'bottom', '[4~': 'bottom' };
      if (map[k]) keys.push(map[k]);
      i += seq[0].length;
      continue;
    }
    const c = s[i++];
    const map: Record<string, Key> = {
      ' ': 'space', f: 'pageDown', '\x06': 'pageDown', '\x16': 'pageDown', b: 'pageUp', '\x02': 'pageUp',
      '\r': 'down', '\n': 'down', j: 'down', e: 'down', '\x0e': 'down', k: 'up', y: 'up', '\x10': 'up',
      d: 'halfDown', '\x04': 'halfDown', u: 'halfUp', '\x15': 'halfUp', g: 'top', '<': 'top', G: 'bottom', '>': 'bottom',
      q: 'quit', Q: 'quit', '\x1b': 'quit', '\x03': 'interrupt',
    };
    if (map[c]) keys.push(map[c]);
  }
  return keys;
}

async function builtin(ctx: Context, lines: string[], keys: 'read' | 'view'): Promise<PageResult> {
  const out = ctx.stdout as Context['stdout'] & { rows?: number; columns?: number };
  const stdin = ctx.stdin;
  let physical: string[] = [];
  let height = 1;
  let top = 0;
  let reachedEnd = false;
  const layout = () => {
    const cols = Math.max(20, out.columns ?? 80);
    physical = lines.flatMap((l) => splitColumns(l, cols));
    height = Math.max(1, (out.rows ?? 24) - 1);
    top = Math.max(0, Math.min(top, physical.length - height));
  };
  const atEnd = () => top + height >= physical.length;
  const render = () => {
    const shown = physical.slice(top, top + height);
    while (shown.length < height) shown.push('~');
    if (atEnd()) reachedEnd = true;
    const percent = Math.round((Math.min(physical.length, top + height) / physical.length) * 100);
    let status = atEnd() ? m(keys === 'read' ? 'pagerEndRead' : 'pagerEndView') : m(keys === 'read' ? 'pagerKeysRead' : 'pagerKeysView', { percent });
    status = splitColumns(status, Math.max(20, (out.columns ?? 80) - 1))[0];
    const styled = ctx.color ? `\x1b[7m${status}\x1b[27m` : status;
    out.write(`\x1b[H${shown.map((l) => `${l}\x1b[0m\x1b[K`).join('\r\n')}\r\n${styled}\x1b[K`);
  };
  layout();
  return new Promise<PageResult>((resolve) => {
    const onResize = () => { layout(); render(); };
    const finish = (interrupted: boolean) => {
      // Keys typed ahead come in one chunk: the end may have been reached between two renders.
      if (atEnd()) reachedEnd = true;
      stdin.off('data', onData);
      out.off('resize', onResize);
      stdin.setRawMode!(false);
      stdin.pause();
      out.write('\x1b[?25h\x1b[?1049l');
      // As `less -X` does, the page last seen stays on the screen (a list or the lesson's end stays in view).
      out.write(`${physical.slice(top, top + height).map((l) => `${l}\x1b[0m`).join('\n')}\n`);
      resolve({ via: 'builtin', reachedEnd, interrupted });
    };
    const onData = (data: Buffer | string) => {
      for (const key of pagerKeys(data.toString())) {
        const half = Math.max(1, Math.floor(height / 2));
        const max = Math.max(0, physical.length - height);
        switch (key) {
          case 'interrupt': return finish(true);
          case 'quit': return finish(false);
          // Space on the last page leaves, as `less -E` does: reading on through the end is done.
          case 'space': if (atEnd()) return finish(false); top = Math.min(max, top + height); break;
          case 'pageDown': top = Math.min(max, top + height); break;
          case 'pageUp': top = Math.max(0, top - height); break;
          case 'down': top = Math.min(max, top + 1); break;
          case 'up': top = Math.max(0, top - 1); break;
          case 'halfDown': top = Math.min(max, top + half); break;
          case 'halfUp': top = Math.max(0, top - half); break;
          case 'top': top = 0; break;
          case 'bottom': top = max; break;
        }
      }
      render();
    };
    out.write('\x1b[?1049h\x1b[?25l\x1b[2J');
    stdin.setRawMode!(true);
    stdin.on('data', onData);
    out.on('resize', onResize);
    stdin.resume();
    render();
  });
}
