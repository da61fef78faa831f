/**
 * `dlpath watch [task]`: checks the learner's file again each time it is saved. The folder is
 * watched, not the file, because many editors save by writing a new file and renaming it over the old.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from './context.js';
import { standing } from './shared.js';
import { checkingLine, renderCheck, resolveTask, runCheck } from './check.js';
import { DlpathError, EnvError, CurriculumError, UsageError } from '../core/errors.js';
import { workspaceFile } from '../adapters/runner/index.js';
import { theme } from '../adapters/ui/theme.js';
import { m } from '../i18n/tasks.js';

/** Saves closer together than this are one change (editors write, rename and touch in a burst). */
const DEBOUNCE_MS = 150;
const CLEAR = '\x1b[2J\x1b[3J\x1b[H';

export async function run(ctx: Context, args: unknown[]): Promise<number> {
  const { ix, store } = await standing(ctx);
  const found = (() => {
    try { return resolveTask(ix, store, args[0]); } catch (e) { store.close(); throw e; }
  })();
  const file = workspaceFile(ctx.home, found.module, found.task);
  if (!fs.existsSync(file)) {
    store.close();
    throw new UsageError(m('noWorkspaceFile', { task: found.task.id, file }), m('noWorkspaceFileHint', { task: found.task.id }));
  }
  const t = theme(ctx);
  const tty = Boolean(ctx.stdin.isTTY && typeof ctx.stdin.setRawMode === 'function');
  const abort = new AbortController();
  let fatal: unknown;
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let finish!: () => void;
  const stopped = new Promise<void>((resolve) => { finish = resolve; });

  const check = async (): Promise<void> => {
    if (running) { again = true; return; }
    running = true;
    try {
      do {
        again = false;
        if (ctx.stdout.isTTY) ctx.stdout.write(CLEAR);
        if (!fs.existsSync(file)) {
          ctx.stdout.write(`${t.warn(m('watchGone', { file }))}\n`);
          continue;
        }
        try {
          ctx.stdout.write(checkingLine(ctx, found));
          const c = await runCheck(ctx, ix, store, found, abort.signal);
          if (!c) return;
          ctx.stdout.write(renderCheck(ctx, c));
        } catch (e) {
          // No Python or a broken curriculum will not mend itself on the next save: stop and say so.
          if (e instanceof EnvError || e instanceof CurriculumError || !(e instanceof DlpathError)) {
            fatal = e;
            stop();
            return;
          }
          ctx.stdout.write(`${t.bad(e.message)}\n${e.hint ? `${e.hint}\n` : ''}`);
        }
        ctx.stdout.write(`\n${t.dim(m(tty ? 'watching' : 'watchingNoTTY', { file }))}\n`);
      } while (again && !abort.signal.aborted);
    } finally {
      running = false;
    }
  };

  const base = path.basename(file);
  const watcher = fs.watch(path.dirname(file), (_event, name) => {
    if (name !== null && String(name) !== base) return;
    clearTimeout(timer);
    timer = setTimeout(() => { current = check(); }, DEBOUNCE_MS);
  });
  watcher.on('error', (e) => { fatal = e; stop(); });

  const onKey = (data: Buffer | string) => {
    const s = data.toString();
    if (tty ? /[qQ\x03\x04]/.test(s) : /^\s*q\s*$/im.test(s)) stop();
  };
  function stop(): void {
    if (abort.signal.aborted) return;
    abort.abort();
    clearTimeout(timer);
    watcher.close();
    ctx.stdin.off('data', onKey);
    if (tty) ctx.stdin.setRawMode!(false);
    ctx.stdin.pause();
    // A paused pipe still holds the event loop open; the learner is done with stdin.
    if (!tty) ctx.stdin.destroy();
    finish();
  }
  if (tty) ctx.stdin.setRawMode!(true);
  ctx.stdin.on('data', onKey);
  ctx.stdin.resume();

  try {
    current = check();
    await stopped;
    await current;
    if (fatal) throw fatal;
    ctx.stdout.write(`${m('watchStopped')}\n`);
    return 0;
  } finally {
    store.close();
  }
}
