/** `dlpath next`: the next step on the path; in a terminal, walks the learner into it. */
import type { Context } from './context.js';
import { classLine } from '../adapters/class/state.js';
import { standing, standingOnly, standingWithActivity, stepCommand, stepTitle } from './shared.js';
import type { WatchEnd } from './watch.js';
import { nextStep, overallPercent, type Step } from '../core/path.js';
import type { CurriculumIndex } from '../core/model.js';
import { theme } from '../adapters/ui/theme.js';
import { textWidth, wrap } from '../adapters/ui/markdown.js';
import { pick } from '../i18n/index.js';
import { m } from '../i18n/path.js';

export async function run(ctx: Context, _args: unknown[], _opts: unknown, walkInto = true): Promise<number> {
  const { ix, states, progress, streak: days, due, klass } = await standingWithActivity(ctx);
  const next = nextStep(states);
  const step = next?.next;
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify(step ? {
      module: step.module, step: step.kind, task: step.task ?? null, title: stepTitle(step, ix), command: stepCommand(step),
      percent: overallPercent(states), reviews_due: due,
    } : { module: null, step: 'done', task: null, title: m('allDone'), command: 'dlpath review', percent: overallPercent(states), reviews_due: due })}\n`);
    return 0;
  }
  const t = theme(ctx);
  const done = states.filter((s) => s.status === 'done').length;
  const total = states.filter((s) => s.status !== 'coming_soon').length;
  // The welcome: a course that describes itself says what it is, until the learner has begun.
  const course = ix.curriculum;
  if (course.description && states.every((s) => s.status !== 'done' && s.status !== 'in_progress')) {
    ctx.stdout.write(`${t.heading(pick(course.title))}\n${wrap(pick(course.description), textWidth(ctx.stdout)).join('\n')}\n\n`);
  }
  ctx.stdout.write(`${t.dim(m('statusLine', { percent: overallPercent(states), done, total, streak: days }))}\n`);
  const synced = classLine(klass);
  if (synced) ctx.stdout.write(`${t.dim(synced)}\n`);
  if (due) ctx.stdout.write(`${t.warn(m('reviewsDue', { n: due, minutes: Math.max(1, Math.ceil(due / 4)) }))}\n`);
  if (!step) {
    ctx.stdout.write(`${t.ok(m('allDone'))}\n`);
    return 0;
  }
  const mod = ix.module(step.module)!;
  ctx.stdout.write(`\n${t.heading(m('nextHeader'))}${m('labelSep')}${t.em(stepTitle(step, ix))}\n`);
  if (mod.summary) ctx.stdout.write(`${wrap(t.dim(pick(mod.summary)), textWidth(ctx.stdout)).join('\n')}\n`);
  const best = progress.modules[mod.id]?.quizBest;
  if (step.kind === 'quiz' && best !== null && best !== undefined) {
    ctx.stdout.write(`${t.warn(m('quizLastTime', { module: mod.id, percent: Math.round(best * 100), mark: Math.round((mod.quiz?.pass_mark ?? 0.8) * 100) }))}\n`);
  }
  if (!walkInto || !ctx.interactive) {
    ctx.stdout.write(`${m('run', { cmd: t.cmd(stepCommand(step)) })}\n`);
    return 0;
  }
  ctx.stdout.write('\n');
  return walk(ctx, ix, step);
}

/**
 * Takes the learner through the path one step after another: the lesson, then (offered) the quiz,
 * then the next module's lesson, ... until a task starts (the learner goes off to edit a file), a
 * quiz is not passed, the learner says no, or the path is done.
 */
async function walk(ctx: Context, ix: CurriculumIndex, first: Step): Promise<number> {
  const t = theme(ctx);
  const { yesNo } = await import('../adapters/ui/prompts.js');
  let step: Step | undefined = first;
  let previous: Step | undefined;
  for (let n = 0; step; n++) {
    // The step the learner asked for starts at once, except a quiz, which is offered first.
    if (n > 0 || step.kind === 'quiz') {
      const same = previous && previous.kind === step.kind && previous.module === step.module && previous.task === step.task;
      const question = n === 0 ? m('startQuizNow') : m(same ? 'againStep' : 'goOn', { title: stepTitle(step, ix) });
      if (!(await yesNo(ctx, question, true))) {
        ctx.stdout.write(`${m('run', { cmd: t.cmd(stepCommand(step)) })}\n`);
        return 0;
      }
    }
    let code: number;
    switch (step.kind) {
      case 'lesson': code = await (await import('./learn.js')).run(ctx, [step.module]); break;
      case 'quiz': code = await (await import('./quiz.js')).run(ctx, [step.module], { walk: true }); break;
      case 'task': {
        code = await (await import('./task.js')).run(ctx, [step.task!], { walk: true });
        if (code !== 0) return code;
        if ((await codeLoop(ctx, step)) !== 'passed') {
          const { m: mt } = await import('../i18n/tasks.js');
          ctx.stdout.write(`${wrap(mt('watchStoppedWalk', { task: step.task! }), textWidth(ctx.stdout)).join('\n')}\n`);
          return 0;
        }
        break;
      }
    }
    if (code !== 0) return code;
    previous = step;
    step = nextStep((await standingOnly(ctx)).states)?.next;
    ctx.stdout.write('\n');
  }
  ctx.stdout.write(`${t.ok(m('allDone'))}\n`);
  return 0;
}

/**
 * A coding step, as rustlings does it: the starter is in place; the learner's editor is offered,
 * then the file is checked on every save until it passes (the walk then goes on) or the learner stops.
 */
async function codeLoop(ctx: Context, step: Step): Promise<WatchEnd> {
  const { findTask } = await import('./task.js');
  const { watchTask } = await import('./watch.js');
  const { workspaceFile } = await import('../adapters/runner/index.js');
  const { yesNo } = await import('../adapters/ui/prompts.js');
  const { m: mt } = await import('../i18n/tasks.js');
  const { ix, store } = await standing(ctx);
  try {
    const t = theme(ctx);
    const found = findTask(ix, step.task!);
    const file = workspaceFile(ctx.home, found.module, found.task);
    const width = textWidth(ctx.stdout);
    let edited = false;
    if (ctx.editor) {
      if (await yesNo(ctx, mt('openInEditor', { editor: ctx.editor }), true)) {
        const { openInEditor } = await import('../adapters/ui/editor.js');
        edited = true;
        if (!(await openInEditor(ctx, ctx.editor, file))) ctx.stdout.write(`${wrap(t.warn(mt('editorFailed', { editor: ctx.editor, file })), width).join('\n')}\n`);
      }
    } else ctx.stdout.write(`${wrap(mt('noEditor', { file: t.file(file) }), width).join('\n')}\n`);
    ctx.stdout.write(`${wrap(t.dim(mt('watchInWalk')), width).join('\n')}\n`);
    // Back from the editor, the file is checked at once; otherwise the brief stays on screen until a save.
    return await watchTask(ctx, ix, store, found, 'walk', { checkFirst: edited });
  } finally {
    store.close();
  }
}
