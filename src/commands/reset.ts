/** `dlpath reset <module>... | --all`: start modules over; history is kept, and so are the learner's files. */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from './context.js';
import { findModule, standing } from './shared.js';
import type { Module } from '../core/model.js';
import { resetModules } from '../adapters/store/progress.js';
import { workspaceFile } from '../adapters/runner/index.js';
import { makeDirs } from '../adapters/dirs.js';
import { UsageError } from '../core/errors.js';
import { theme } from '../adapters/ui/theme.js';
import { m } from '../i18n/path.js';

/**
 * Moves the module's task files out of the way, into `.attempt-<epoch>/` beside them, so that the
 * next `dlpath task` starts from a fresh starter (a solved file would pass again at once). Returns
 * the folder the files went to and the tasks they belong to (no tasks: nothing was moved).
 */
function setAsideWork(home: string, mod: Module, epoch: number): { dir: string; tasks: string[] } {
  const tasks: string[] = [];
  let dir = '';
  for (const task of mod.tasks) {
    const file = workspaceFile(home, mod, task);
    if (!fs.existsSync(file)) continue;
    dir = path.join(path.dirname(file), `.attempt-${epoch}`);
    makeDirs(dir);
    fs.renameSync(file, path.join(dir, path.basename(file)));
    tasks.push(task.id);
  }
  return { dir, tasks };
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
    const epochs = new Map(ids.map((id) => [id, store.epoch(id)]));
    resetModules(store, ids);
    const moved = ids.map((id) => setAsideWork(ctx.home, ix.module(id)!, epochs.get(id)!)).filter((x) => x.tasks.length > 0);
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
