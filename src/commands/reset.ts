/** `dlpath reset <module>... | --all`: start modules over; history is kept, and so are the learner's files. */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from './context.js';
import { findModule, standing } from './shared.js';
import type { Module } from '../core/model.js';
import { resetModules } from '../adapters/store/progress.js';
import { workspaceFile } from '../adapters/runner/index.js';
import { freshDir, moveNoReplace } from '../adapters/files.js';
import { crashPoint } from '../adapters/crash.js';
import { UsageError } from '../core/errors.js';
import { theme } from '../adapters/ui/theme.js';
import { m } from '../i18n/path.js';

interface SetAside { dir: string; tasks: string[]; moves: Array<[string, string]> }

/**
 * Moves the module's task files out of the way, into a new `.attempt-<epoch>/` folder beside them
 * (`.attempt-<epoch>-2/`, … when that name is taken: the database may have started over, and an
 * earlier attempt is never replaced), so that the next `dlpath task` starts from a fresh starter
 * (a solved file would pass again at once). No tasks moved: dir is ''.
 */
function setAsideWork(env: NodeJS.ProcessEnv, home: string, mod: Module, epoch: number, done: SetAside[]): void {
  const files = mod.tasks.map((task) => ({ task, file: workspaceFile(home, mod, task) })).filter((x) => fs.existsSync(x.file));
  if (!files.length) return;
  const aside: SetAside = { dir: freshDir(path.dirname(files[0].file), `.attempt-${epoch}`), tasks: [], moves: [] };
  done.push(aside);
  for (const { task, file } of files) {
    const to = path.join(aside.dir, path.basename(file));
    try {
      moveNoReplace(file, to);
    } catch (e) {
      // Gone meanwhile (another reset, the learner): nothing to set aside.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !fs.existsSync(file)) continue;
      throw e;
    }
    aside.moves.push([file, to]);
    aside.tasks.push(task.id);
    crashPoint(env, 'reset:after-move');
  }
}

/** Puts set-aside files back where they were (the reset did not happen), as far as their places are free. */
function putBack(moved: SetAside[]): void {
  for (const a of moved) {
    for (const [from, to] of a.moves) {
      try { moveNoReplace(to, from); } catch { /* the learner made a new file there: theirs stays, ours stays aside */ }
    }
    try { fs.rmdirSync(a.dir); } catch { /* not empty: keep it */ }
  }
}

export async function run(ctx: Context, args: unknown[], opts: { all?: boolean }): Promise<number> {
  const names = (args[0] as string[] | undefined) ?? [];
  if (!names.length && !opts.all) throw new UsageError(m('resetNothing'));
  const { ix, store } = await standing(ctx);
  try {
    const ids = opts.all ? ix.ordered.map((x) => x.id) : [...new Set(names.map((n) => findModule(ix, n).id))];
    const t = theme(ctx);
    if (!ctx.yes) {
      if (!ctx.interactive) throw new UsageError(m('resetNeedsYes'));
      ctx.stdout.write(`${m('resetWhat', { modules: ids.join(', ') })}\n`);
      const { yesNo } = await import('../adapters/ui/prompts.js');
      if (!(await yesNo(ctx, m('resetConfirm', { n: ids.length }), false))) {
        ctx.stdout.write(`${m('resetCancelled')}\n`);
        return 0;
      }
    }
    // The files are set aside before the new epoch is committed: a crash in between leaves the old
    // epoch with its files in .attempt-N/ (run reset again to finish); never a solved file in the
    // new epoch. If the commit fails, the files go back.
    const aside: SetAside[] = [];
    try {
      for (const id of ids) setAsideWork(ctx.env, ctx.home, ix.module(id)!, store.epoch(id), aside);
      crashPoint(ctx.env, 'reset:before-commit');
      resetModules(store, ids);
      crashPoint(ctx.env, 'reset:after-commit');
    } catch (e) {
      putBack(aside);
      throw e;
    }
    const moved = aside.filter((x) => x.tasks.length > 0);
    if (ctx.json) ctx.stdout.write(`${JSON.stringify({ reset: ids, files_moved_to: moved.map((x) => x.dir) })}\n`);
    else {
      ctx.stdout.write(`${t.ok(m('resetDone', { n: ids.length, modules: ids.join(', ') }))}\n`);
      for (const { dir, tasks } of moved) {
        ctx.stdout.write(`${m('resetFilesMoved', { dir, cmds: tasks.map((x) => `\`dlpath task ${x}\``).join(m('listSep')) })}\n`);
      }
    }
    return 0;
  } finally {
    store.close();
  }
}
