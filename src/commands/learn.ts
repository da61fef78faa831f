/** `dlpath learn <module>`: the lesson, rendered for the terminal, marked read. */
import path from 'node:path';
import type { Context } from './context.js';
import { findModule, standing, stepCommand } from './shared.js';
import { markLessonRead, readProgress } from '../adapters/store/progress.js';
import { moduleStates, nextStep } from '../core/path.js';
import { renderMarkdown, textWidth, wrap } from '../adapters/ui/markdown.js';
import { theme } from '../adapters/ui/theme.js';
import { page } from '../adapters/ui/pager.js';
import { pick, type Lang } from '../i18n/index.js';
import { m } from '../i18n/path.js';
import { serveCourseFile } from '../adapters/curriculum/files.js';
import type { LPath, Module } from '../core/model.js';

/** The file for the learner's language, else the other language's. */
export function localizedFile(dir: string, mod: Module, p: LPath, lang: Lang): string {
  const rel = typeof p === 'string' ? p : p[lang] ?? p[lang === 'en' ? 'zh' : 'en']!;
  return path.join(dir, 'modules', mod.id, rel);
}

/** The lesson or brief for the learner's language, read under the course's file rules (exit 3 when one is broken). */
export function readLocalized(dir: string, mod: Module, p: LPath, lang: Lang): string {
  return serveCourseFile(dir, path.relative(dir, localizedFile(dir, mod, p, lang)));
}

export async function run(ctx: Context, args: unknown[]): Promise<number> {
  const { ix, store, states } = await standing(ctx);
  try {
    // No module named: the one the path goes on with (else the first).
    const named = args[0] !== undefined && args[0] !== null && String(args[0]) !== '';
    const mod = named ? findModule(ix, String(args[0])) : ix.module(nextStep(states)?.next?.module ?? '') ?? ix.ordered[0];
    const t = theme(ctx);
    if (!mod.lesson) {
      if (ctx.json) ctx.stdout.write(`${JSON.stringify({ module: mod.id, title: pick(mod.title), lang: ctx.lang, markdown: null, read: false })}\n`);
      else ctx.stdout.write(`${m('lessonNone', { title: pick(mod.title) })}\n`);
      return 0;
    }
    const md = readLocalized(ix.curriculum.dir, mod, mod.lesson, ctx.lang);
    const state = states.find((s) => s.module.id === mod.id);
    const width = textWidth(ctx.stdout);
    let text = '';
    if (state?.status === 'locked') text += `${t.warn(m('lockedNote', { module: mod.id, missing: state.missing.join(', ') }))}\n\n`;
    text += renderMarkdown(md, t, width);
    if (ctx.json) {
      markLessonRead(store, mod.id);
      ctx.stdout.write(`${JSON.stringify({ module: mod.id, title: pick(mod.title), lang: ctx.lang, markdown: md, read: true,
        resources: mod.resources.map((r) => ({ title: pick(r.title), url: r.url })) })}\n`);
      return 0;
    }
    const shown = await page(ctx, text, { keys: 'read' });
    // Read means seen to the end (or, with the learner's own $PAGER, which cannot tell, said so).
    let read = shown.reachedEnd;
    if (!read && shown.via === 'external' && !shown.interrupted) {
      const { yesNo } = await import('../adapters/ui/prompts.js');
      read = await yesNo(ctx, m('lessonAskRead', { title: pick(mod.title) }), true);
    }
    if (!read) {
      ctx.stdout.write(`${wrap(t.warn(m('lessonUnread', { cmd: t.cmd(`dlpath learn ${mod.id}`) })), width).join('\n')}\n`);
      return 0;
    }
    markLessonRead(store, mod.id);
    const after = nextStep(moduleStates(ix, readProgress(store)));
    const nextCmd = after?.next ? stepCommand(after.next) : 'dlpath review';
    ctx.stdout.write(`${t.ok(m('lessonMarked', { cmd: t.cmd(nextCmd) }))}\n`);
    // The module's tasks, unless the next step names one of them already.
    const others = mod.tasks.filter((x) => !(after?.next?.kind === 'task' && after.next.task === x.id && mod.tasks.length === 1));
    if (others.length) ctx.stdout.write(`${t.dim(m('moduleTasks', { list: others.map((x) => x.id).join(', '), cmd: 'dlpath tasks' }))}\n`);
    return 0;
  } finally {
    store.close();
  }
}
