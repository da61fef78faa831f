/**
 * `dlpath watch [task]`: checks the learner's file again each time it is saved. The folder is
 * watched, not the file, because many editors save by writing a new file and renaming it over the old.
 * Keys: h shows the next hint, n goes on to the next step once the task has passed, q stops.
 * Inside `dlpath next` the loop ends by itself at the first pass, and the walk goes on.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from './context.js';
import { standing } from './shared.js';
import { checkingLine, renderCheck, resolveTask, runCheck } from './check.js';
import type { FoundTask } from './task.js';
import { nextHintText } from './hint.js';
import type { CurriculumIndex } from '../core/model.js';
import { DlpathError, EnvError, CurriculumError, UsageError } from '../core/errors.js';
import { workspaceFile } from '../adapters/runner/index.js';
import type { Store } from '../adapters/store/store.js';
import { taskRow } from '../adapters/store/tasks.js';
import { theme } from '../adapters/ui/theme.js';
import { textWidth, wrap } from '../adapters/ui/markdown.js';
import { m } from '../i18n/tasks.js';

/** Saves closer together than this are one change (editors write, rename and touch in a burst). */
const DEBOUNCE_MS = 150;
const CLEAR = '\x1b[2J\x1b[3J\x1b[H';

/** How a watch ended: the task passed (inside a walk), the learner asked for the next step, or stopped. */
export type WatchEnd = 'passed' | 'next' | 'stopped';

export async function run(ctx: Context, args: unknown[]): Promise<number> {
  const { ix, store } = await standing(ctx);
  let end: WatchEnd;
  try {
    const found = resolveTask(ix, store, args[0]);
    const file = workspaceFile(ctx.home, found.module, found.task);
    if (!fs.existsSync(file)) {
      throw new UsageError(m('noWorkspaceFile', { task: found.task.id, file }), m('noWorkspaceFileHint', { task: found.task.id }));
    }
    end = await watchTask(ctx, ix, store, found, 'alone');
  } finally {
    store.close();
  }
  if (end === 'next') return (await import('./next.js')).run(ctx, [], {});
  ctx.stdout.write(`${m('watchStopped')}\n`);
  return 0;
}

export async function watchTask(ctx: Context, ix: CurriculumIndex, store: Store, found: FoundTask, mode: 'walk' | 'alone',
  o: { checkFirst?: boolean } = {}): Promise<WatchEnd> {
  const file = workspaceFile(ctx.home, found.module, found.task);
  const t = theme(ctx);
  const tty = Boolean(ctx.stdin.isTTY && typeof ctx.stdin.setRawMode === 'function');
  const abort = new AbortController();
  let fatal: unknown;
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let ended: WatchEnd = 'stopped';
  let finish!: () => void;
  const stopped = new Promise<void>((resolve) => { finish = resolve; });
  let passed = Boolean(taskRow(store, found.module.id, found.task.id)?.passedAt);
  const say = (key: Parameters<typeof m>[0], vars: Record<string, string>) =>
    `${wrap(m(key, vars), textWidth(ctx.stdout)).map((l) => t.dim(l)).join('\n')}\n`;
  const footer = () => {
    const vars = { file: t.file(file), task: found.task.id };
    const edit = tty && ctx.editor ? say('watchEditKey', { editor: ctx.editor }) : '';
    if (passed) return say(tty ? 'watchPassedKeys' : 'watchPassedNoTTY', vars) + edit;
    return say(tty ? 'watching' : 'watchingNoTTY', vars) + edit;
  };
  let editing = false;
  /** e: the learner's editor, on the terminal meanwhile; saves are checked as ever, keys come back after. */
  const openEditor = async () => {
    editing = true;
    ctx.stdin.off('data', onKey);
    if (tty) ctx.stdin.setRawMode!(false);
    const { openInEditor } = await import('../adapters/ui/editor.js');
    const ok = await openInEditor(ctx, ctx.editor!, file);
    editing = false;
    if (abort.signal.aborted) return;
    if (!ok) ctx.stdout.write(`${t.warn(m('editorFailed', { editor: ctx.editor!, file }))}\n`);
    if (tty) ctx.stdin.setRawMode!(true);
    ctx.stdin.on('data', onKey);
    ctx.stdin.resume();
  };

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
          if (c.run.result.outcome === 'passed') {
            passed = true;
            // Inside `dlpath next`, a pass moves on: the walk offers the next step.
            if (mode === 'walk') { stop('passed'); return; }
          }
        } catch (e) {
          // No Python or a broken curriculum will not mend itself on the next save: stop and say so.
          if (e instanceof EnvError || e instanceof CurriculumError || !(e instanceof DlpathError)) {
            fatal = e;
            stop('stopped');
            return;
          }
          ctx.stdout.write(`${t.bad(e.message)}\n${e.hint ? `${e.hint}\n` : ''}`);
        }
        ctx.stdout.write(`\n${footer()}`);
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
  watcher.on('error', (e) => { fatal = e; stop('stopped'); });
  // Nobody reads the output any more (`dlpath watch | head`): stop, as q would.
  const onOutError = (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') stop('stopped'); };
  ctx.stdout.on('error', onOutError);

  const key = (k: string) => {
    if (k === 'q' || k === 'Q' || k === '\x03' || k === '\x04') stop('stopped');
    else if ((k === 'n' || k === 'N') && passed) stop('next');
    else if ((k === 'e' || k === 'E') && tty && ctx.editor && !editing) void openEditor();
    else if ((k === 'h' || k === 'H') && !running) ctx.stdout.write(`\n${nextHintText(ctx, store, found, tty ? 'key' : 'cmd')}\n${footer()}`);
  };
  const onKey = (data: Buffer | string) => {
    const s = data.toString();
    if (tty) for (const ch of s) key(ch);
    else for (const line of s.split('\n')) if (line.trim()) key(line.trim());
  };
  function stop(how: WatchEnd): void {
    if (abort.signal.aborted) return;
    ended = how;
    abort.abort();
    clearTimeout(timer);
    watcher.close();
    ctx.stdout.off('error', onOutError);
    ctx.stdin.off('data', onKey);
    if (tty) ctx.stdin.setRawMode!(false);
    ctx.stdin.pause();
    // A paused pipe still holds the event loop open; the learner is done with stdin.
    if (!tty && mode === 'alone') ctx.stdin.destroy();
    finish();
  }
  if (tty) ctx.stdin.setRawMode!(true);
  ctx.stdin.on('data', onKey);
  ctx.stdin.resume();

  if (passed && mode === 'alone') {
    // Nothing changed since the pass: say so, and offer the next step.
    ctx.stdout.write(`${t.ok(m('watchAlreadyPassed', { task: found.task.id }))}\n\n${footer()}`);
  } else if (o.checkFirst === false) ctx.stdout.write(`\n${footer()}`);
  else current = check();
  await stopped;
  await current;
  if (fatal) throw fatal;
  return ended;
}
