/** `dlpath task <task>`: the starter in the learner's workspace (never over their edits), the brief, the path. */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from './context.js';
import { standing } from './shared.js';
import { readLocalized } from './learn.js';
import type { CurriculumIndex, Module, Task } from '../core/model.js';
import type { ProgressSnapshot } from '../core/path.js';
import { suggest } from '../core/suggest.js';
import { UsageError } from '../core/errors.js';
import { makeDirs } from '../adapters/dirs.js';
import { writeFileAtomic } from '../adapters/files.js';
import { readLearnerFile, readTaskFile, workspaceFile } from '../adapters/runner/index.js';
import { currentTask, startTask, taskRow } from '../adapters/store/tasks.js';
import type { Store } from '../adapters/store/store.js';
import { renderMarkdown, textWidth, wrap } from '../adapters/ui/markdown.js';
import { theme } from '../adapters/ui/theme.js';
import { pick, sentences } from '../i18n/index.js';
import { m } from '../i18n/tasks.js';

export interface FoundTask { module: Module; task: Task }

/** The task named on the command line, else the current one. */
export function resolveTask(ix: CurriculumIndex, store: Store, arg: unknown): FoundTask {
  if (arg !== undefined && arg !== null && String(arg) !== '') return findTask(ix, String(arg));
  const cur = currentTask(store);
  if (!cur || !ix.task(cur)) throw new UsageError(m('noCurrentTask'));
  return ix.task(cur)!;
}

export function findTask(ix: CurriculumIndex, id: string): FoundTask {
  const all = ix.ordered.flatMap((mod) => mod.tasks.map((t) => ({ module: mod, task: t })));
  const found = ix.task(id) ?? all.find((x) => x.task.id.toLowerCase() === id.toLowerCase());
  if (found) return found;
  // Close ids, then tasks whose title (in either language) holds the word: `task gradient`.
  const word = id.toLowerCase();
  const byTitle = word.length >= 3
    ? all.filter((x) => [pick(x.task.title, 'en'), pick(x.task.title, 'zh')].some((s) => s.toLowerCase().includes(word))).map((x) => x.task.id)
    : [];
  const hint = [...new Set([...suggest(id, all.map((x) => x.task.id)), ...byTitle])].slice(0, 4);
  throw new UsageError(sentences(m('unknownTask', { id }), hint.length ? m('didYouMean', { names: hint.join(', ') }) : ''),
    m('listTasks'));
}

function backupName(file: string, when: Date): string {
  const stamp = when.toISOString().replace(/[:.]/g, '-');
  return `${file}.${stamp}.bak`;
}

/**
 * The task `dlpath task` with no id starts: the current one while it is not passed, else the first
 * required task on the path not passed or skipped yet.
 */
export function defaultTask(ix: CurriculumIndex, store: Store, p: ProgressSnapshot): { found: FoundTask; why: 'current' | 'next' } | undefined {
  const cur = currentTask(store);
  const curFound = cur ? ix.task(cur) : undefined;
  if (curFound && !p.tasks[curFound.task.id]?.passed && !p.tasks[curFound.task.id]?.skipped) return { found: curFound, why: 'current' };
  for (const mod of ix.ordered) {
    for (const task of mod.tasks) {
      const tp = p.tasks[task.id];
      if (!task.optional && !tp?.passed && !tp?.skipped) return { found: { module: mod, task }, why: 'next' };
    }
  }
  return undefined;
}

export async function run(ctx: Context, args: unknown[], opts: { force?: boolean; walk?: boolean }): Promise<number> {
  const { ix, store, states, progress } = await standing(ctx);
  try {
    const t = theme(ctx);
    let found: FoundTask;
    if (args[0] === undefined || args[0] === null || String(args[0]) === '') {
      const d = defaultTask(ix, store, progress);
      if (!d) {
        if (ctx.json) ctx.stdout.write(`${JSON.stringify({ task: null, message: m('allTasksDone') })}\n`);
        else ctx.stdout.write(`${t.ok(m('allTasksDone'))}\n`);
        return 0;
      }
      found = d.found;
      if (!ctx.json) ctx.stdout.write(`${t.dim(m('startingTask', { task: found.task.id, why: m(d.why === 'current' ? 'whyCurrent' : 'whyNext') }))}\n\n`);
    } else found = findTask(ix, String(args[0]));
    const { module: mod, task } = found;
    const file = workspaceFile(ctx.home, mod, task);
    const starter = readTaskFile(ix.curriculum.dir, mod, task.starter);
    const exists = fs.existsSync(file);
    let created = false;
    let backup: string | undefined;
    if (exists && opts.force) {
      const current = readLearnerFile(file);
      if (current !== starter) {
        if (!ctx.yes) {
          if (!ctx.interactive) throw new UsageError(m('forceNeedsYes'));
          const { yesNo } = await import('../adapters/ui/prompts.js');
          if (!(await yesNo(ctx, m('forceConfirm', { file }), false))) {
            ctx.stdout.write(`${m('forceCancelled')}\n`);
            return 0;
          }
        }
        backup = backupName(file, ctx.clock());
        // Never over an earlier backup: a second --force in the same millisecond gets its own name.
        for (let i = 2; ; i++) {
          try { fs.copyFileSync(file, backup, fs.constants.COPYFILE_EXCL); break; } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || i > 1000) throw e;
            backup = backupName(file, ctx.clock()).replace(/\.bak$/, `-${i}.bak`);
          }
        }
      }
      writeFileAtomic(file, starter);
    } else if (!exists) {
      makeDirs(path.dirname(file));
      // 'wx': if another dlpath created it a moment ago, theirs is kept.
      try {
        fs.writeFileSync(file, starter, { flag: 'wx' });
        created = true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    startTask(store, mod.id, task.id, { file, created, ...(backup ? { replaced: backup } : {}) });
    const brief = task.brief ? readLocalized(ix.curriculum.dir, mod, task.brief, ctx.lang) : undefined;
    const passed = Boolean(taskRow(store, mod.id, task.id)?.passedAt);
    const state = states.find((s) => s.module.id === mod.id);

    if (ctx.json) {
      ctx.stdout.write(`${JSON.stringify({
        task: task.id, module: mod.id, title: pick(task.title), file, created, replaced: backup ?? null,
        brief: brief ?? null, hints: task.hints.length, packages: task.packages, time_limit: task.time_limit,
        optional: task.optional, passed,
      }, null, 2)}\n`);
      return 0;
    }
    const width = textWidth(ctx.stdout);
    // A brief that opens with its own heading names the task already: the header then gives only the place.
    const ownHeading = brief !== undefined && /^\s*#\s/.test(brief);
    let out = ownHeading
      ? `${t.dim(m('taskHeader', { task: task.id, module: pick(mod.title) }))}\n\n`
      : `${t.heading(pick(task.title))}  ${t.dim(m('taskHeader', { task: task.id, module: pick(mod.title) }))}\n\n`;
    if (state?.status === 'locked') out += `${t.warn(m('taskLocked', { module: mod.id, missing: state.missing.join(', ') }))}\n\n`;
    out += brief ? renderMarkdown(brief, t, width) : `${t.dim(m('noBrief'))}\n`;
    out += '\n';
    // What to do now, wrapped between words like the brief above it; the file's line stays whole, to copy.
    if (task.packages.some((p) => p !== 'numpy')) out += `${wrap(m('taskNeeds', { packages: task.packages.join(', ') }), width).join('\n')}\n`;
    if (backup) out += `${m('fileReplaced', { file: t.em(t.file(file)), backup })}\n`;
    else if (created || opts.force) out += `${m('fileCreated', { file: t.em(t.file(file)) })}\n`;
    else out += `${m('fileKept', { file: t.em(t.file(file)), task: task.id })}\n`;
    if (passed) out += `${t.ok(m('taskPassedAlready'))}\n`;
    // Inside `dlpath next` the walk opens the editor and watches the file itself.
    if (!opts.walk) out += `${wrap(m('taskNext', { task: task.id }), width).join('\n')}\n`;
    ctx.stdout.write(out);
    return 0;
  } finally {
    store.close();
  }
}
