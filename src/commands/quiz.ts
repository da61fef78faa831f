/**
 * `dlpath quiz <module>`: asks the module's questions one by one (or takes them from --answers),
 * stores each answer the moment it is given, then shows the score against the pass mark.
 * Exit 0 passed, 1 below the pass mark, 2 bad input, 130 Ctrl-C (answers so far kept).
 */
import type { Context } from './context.js';
import { findModule, standingOnly } from './shared.js';
import { m as mp } from '../i18n/path.js';
import { Cancelled, EXIT, UsageError } from '../core/errors.js';
import { nextStep } from '../core/path.js';
import type { Module, Question } from '../core/model.js';
import { coerceAnswer, grade, refusedScaleWord, score, type GradeResult, type Response } from '../core/grade.js';
import { freshSeed, planQuestion, planQuiz, reconcilePlan, rng } from '../core/quiz-plan.js';
import { suggest } from '../core/suggest.js';
import { Store } from '../adapters/store/store.js';
import { attemptAnswers, finishAttempt, recordAnswer, startAttempt, unfinishedAttempt } from '../adapters/store/quiz.js';
import type { RatingName } from '../adapters/store/review.js';
import { localDay } from '../adapters/store/store.js';
import { theme, type Theme } from '../adapters/ui/theme.js';
import { displayWidth, renderMarkdown, textWidth, wrap } from '../adapters/ui/markdown.js';
import { getLang, pick, sentences, type LText } from '../i18n/index.js';
import { m } from '../i18n/quiz.js';

export interface QuizOptions { answers?: string; seed?: string; template?: boolean;
  /** Taken inside `dlpath next`'s walk, which offers the next step itself. */
  walk?: boolean }

/** A question as asked: the question, and its choices in the order shown. */
export interface Asked { question: Question; choices?: string[] }

export interface Outcome {
  question: Question;
  response: Response;
  result: GradeResult;
  rating?: RatingName;
  due?: string;
}

// ------------------------------------------------------------------ shared with `dlpath review`

export function parseSeed(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v).trim();
  if (!/^[-+]?\d{1,15}$/.test(s)) throw new UsageError(m('badSeed', { value: s }));
  return Math.abs(Number(s)) % 2 ** 31;
}

const choiceText = (q: Question, id: string): string => {
  const c = 'choices' in q ? q.choices.find((x) => x.id === id) : undefined;
  return c ? pick(c.text) : id;
};

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(10)));
}

/** The right answer, as the learner reads it. */
/** The question's prompt in the learner's language, with "(N decimals)" when the question asks for them. */
export function promptOf(q: Question): string {
  const p = pick(q.prompt);
  if (q.type !== 'numeric' || q.decimals === undefined) return p;
  return `${p.trimEnd()}${q.decimals === 0 ? m('wholeNumber') : m('decimals', { n: q.decimals })}`;
}

export function describeExpected(q: Question): string {
  switch (q.type) {
    case 'single': return choiceText(q, q.answer);
    case 'multiple': return q.answer.map((id) => choiceText(q, id)).join(m('listSep'));
    case 'true_false': return q.answer ? m('trueLabel') : m('falseLabel');
    case 'numeric': {
      const tol = q.tolerance;
      if (q.decimals !== undefined) return [q.answer.toFixed(q.decimals), ...(q.unit ? [pick(q.unit)] : [])].join(' ');
      const parts = [formatNumber(q.answer)];
      if (tol?.abs) parts.push(m('tolerance', { tol: formatNumber(tol.abs) }));
      else if (tol?.rel) parts.push(m('tolerance', { tol: `${formatNumber(tol.rel * 100)}%` }));
      if (q.unit) parts.push(pick(q.unit));
      return parts.join(' ');
    }
    // In Chinese, the first accepted answer written in Chinese, if there is one.
    case 'text': return (getLang() === 'zh' && q.accept.find((a) => /[\u3400-\u9fff]/.test(a))) || q.accept[0];
    case 'ordering': return q.answer.map((id) => choiceText(q, id)).join(' → ');
  }
}

/** The learner's answer, as the learner reads it. */
export function describeResponse(q: Question, r: Response): string {
  switch (q.type) {
    case 'single': return choiceText(q, r as string);
    case 'multiple': return (r as string[]).map((id) => choiceText(q, id)).join(m('listSep')) || '—';
    case 'true_false': return r ? m('trueLabel') : m('falseLabel');
    case 'numeric': return formatNumber(r as number);
    case 'text': return showControls(String(r));
    case 'ordering': return (r as string[]).map((id) => choiceText(q, id)).join(' → ');
  }
}

/**
 * Text the learner typed or a script wrote, made safe to echo: control characters (ESC starts the
 * sequences that set a window title, write the clipboard or clear the screen), C1 controls and bidi
 * overrides are shown as <U+001B> instead of being sent to the terminal.
 */
export function showControls(s: string): string {
  return s.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g,
    (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** The right answer in the answers-file form (for --json). */
export function expectedValue(q: Question): unknown {
  return q.type === 'text' ? q.accept : q.answer;
}

export interface AnswerCheck { responses: Map<string, Response>; problems: string[] }

/**
 * Checks every answer of an answers file before anything is stored: the question must be one of
 * `allowed` (else `notAllowed` words why), and the answer must have the question's shape.
 */
export function checkAnswers(
  answers: Map<string, unknown>,
  allowed: Map<string, Question>,
  notAllowed: (id: string) => string,
): AnswerCheck {
  const responses = new Map<string, Response>();
  const problems: string[] = [];
  for (const [id, raw] of answers) {
    const q = allowed.get(id);
    if (!q) { problems.push(notAllowed(id)); continue; }
    const c = coerceAnswer(q, raw);
    if (c.ok) responses.set(id, c.response);
    else problems.push(`${id}: ${m(`shape_${c.problem}`, { value: c.vars.value ?? '', choices: c.vars.choices ?? '' })}`);
  }
  return { responses, problems };
}

export function didYouMean(id: string, pool: Iterable<string>): string {
  const s = suggest(id, pool);
  return s.length ? ` (${m('didYouMean', { names: s.join(', ') })})` : '';
}

export function width(ctx: Context): number {
  return textWidth(ctx.stdout);
}

function md(ctx: Context, t: Theme, text: LText): string {
  return renderMarkdown(pick(text), t, width(ctx)).replace(/\n+$/, '');
}

/** Shows a question and asks for its answer in the terminal. Ctrl-C → Cancelled(cancelMessage). */
export async function askQuestion(ctx: Context, t: Theme, asked: Asked, header: string, cancelMessage: string): Promise<Response> {
  const { choose, chooseMany, ask } = await import('../adapters/ui/prompts.js');
  const q = asked.question;
  const o = { cancelMessage };
  ctx.stdout.write(`\n${t.heading(header)}\n${md(ctx, t, promptOf(q))}\n`);
  const options = (ids: string[]) => ids.map((id) => ({ value: id, name: choiceText(q, id) }));
  switch (q.type) {
    case 'single':
      return choose(ctx, m('chooseOne'), options(asked.choices ?? q.choices.map((c) => c.id)), o);
    case 'multiple':
      return chooseMany(ctx, m('chooseMany'), options(asked.choices ?? q.choices.map((c) => c.id)), o);
    case 'true_false':
      return choose(ctx, m('chooseOne'), [{ value: true, name: m('trueLabel') }, { value: false, name: m('falseLabel') }], o);
    case 'numeric': {
      const message = q.unit ? m('numberPromptUnit', { unit: pick(q.unit) }) : m('numberPrompt');
      const raw = await ask(ctx, message, (s) => {
        if (coerceAnswer(q, s).ok) return true;
        const word = refusedScaleWord(s, q.unit);
        if (word === undefined) return m('notANumber');
        return q.unit ? m('plainNumberUnit', { word, unit: pick(q.unit) }) : m('plainNumber', { word });
      }, o);
      const c = coerceAnswer(q, raw);
      return c.ok ? c.response : raw;
    }
    case 'text':
      return ask(ctx, m('textPrompt'), (s) => (s.trim() ? true : m('emptyAnswer')), o);
    case 'ordering': {
      const left = asked.choices ?? q.choices.map((c) => c.id);
      const order: string[] = [];
      const remaining = left.slice();
      while (remaining.length > 1) {
        const message = order.length === 0 ? m('orderFirst') : m('orderNext', { i: order.length + 1, n: left.length });
        const id = await choose(ctx, message, options(remaining), o);
        order.push(id);
        remaining.splice(remaining.indexOf(id), 1);
      }
      order.push(...remaining);
      ctx.stdout.write(`${wrap(t.dim(m('orderIs', { list: order.map((id) => choiceText(q, id)).join(' → ') })), width(ctx)).join('\n')}\n`);
      return order;
    }
  }
}

/** Right or wrong, what was missed, the feedback for this wrong answer, and the explanation. */
export function showFeedback(ctx: Context, t: Theme, o: Outcome, pad = ''): void {
  const { question: q, result: r } = o;
  const lines: string[] = [];
  if (r.correct) {
    lines.push(t.ok(`${t.sym.pass} ${m('right')}`));
    if (r.nearMiss !== undefined) lines.push(m('nearMiss', { form: t.em(r.nearMiss) }));
  } else {
    lines.push(`${t.sym.fail} ${sentences(t.bad(m('wrong')), m('theAnswer', { answer: t.em(describeExpected(q)) }))}`);
    if (r.missed?.length) lines.push(m('youMissed', { list: r.missed.map((id) => choiceText(q, id)).join(m('listSep')) }));
    if (r.extra?.length) lines.push(m('notRight', { list: r.extra.map((id) => choiceText(q, id)).join(m('listSep')) }));
    if (r.inPlace !== undefined && q.type === 'ordering') lines.push(m('inPlace', { k: r.inPlace, n: q.answer.length }));
    for (const f of r.feedback) lines.push(md(ctx, t, f));
  }
  if (q.explanation) lines.push(md(ctx, t, q.explanation));
  if (q.source) lines.push(t.dim(m('source', { source: q.source })));
  // Long lines break between words (or Chinese characters), not wherever the terminal's edge falls.
  const w = width(ctx) - pad.length;
  const text = lines.flatMap((l) => l.split('\n')).flatMap((l) => (displayWidth(l) > w ? wrap(l, w) : [l]));
  ctx.stdout.write(`${text.map((l) => (l ? pad + l : l)).join('\n')}\n`);
}

export function dueDay(iso: string): string {
  return localDay(new Date(iso));
}

// ------------------------------------------------------------------ the command

/**
 * The module (with no id, the one `dlpath next` would take the learner to, said so), a note when its
 * prerequisites are not done (the quiz may be taken all the same), and its best score so far.
 */
async function moduleOf(ctx: Context, id: string, toFile: boolean) {
  const { ix, states, progress } = await standingOnly(ctx);
  // With --json or --template, stdout is for the machine (or a file): notes go to stderr.
  const note = (text: string) => (ctx.json || toFile ? ctx.stderr : ctx.stdout).write(`${text}\n`);
  let mod: Module;
  if (id) mod = findModule(ix, id);
  else {
    const current = ix.module(nextStep(states)?.next?.module ?? '');
    if (!current) throw new UsageError(m('quizWhich'), m('quizWhichHint'));
    mod = current;
    note(wrap(theme(ctx).dim(m('quizCurrent', { module: mod.id, title: pick(mod.title) })), width(ctx)).join('\n'));
  }
  const state = states.find((s) => s.module.id === mod.id);
  if (state?.status === 'locked') {
    note(`${theme(ctx).warn(mp('lockedQuizNote', { module: mod.id, missing: state.missing.join(', ') }))}\n`);
  }
  const mp0 = progress.modules[mod.id];
  return { ix, mod, best: mp0?.quizPassed ? mp0.quizBest : null };
}

export async function run(ctx: Context, args: unknown[], opts: QuizOptions = {}): Promise<number> {
  const id = args[0] === undefined || args[0] === null ? '' : String(args[0]);
  const { ix, mod, best } = await moduleOf(ctx, id, opts.template === true);
  const quiz = mod.quiz;
  if (!quiz || quiz.questions.length === 0) throw new UsageError(m('noQuiz', { id: mod.id }), m('noQuizHint'));
  if (opts.template) {
    if (opts.answers !== undefined) throw new UsageError(m('templateAndAnswers'));
    ctx.stdout.write(answersTemplate(mod));
    return EXIT.ok;
  }
  const seed = parseSeed(opts.seed);
  if (opts.answers !== undefined) return scripted(ctx, mod, opts.answers, seed ?? freshSeed(), (qid) => ix.question(qid)?.module.id);
  if (!ctx.interactive) throw new UsageError(m('needTerminal'), m('needTerminalHint'));
  return interactive(ctx, mod, seed, best, opts.walk === true);
}

/**
 * An answers file to fill in: each question as a comment, with its choices (by id, in a shuffled order
 * that says nothing of the answer) and the form its answer takes, then its id with no answer.
 */
export function answersTemplate(mod: Module): string {
  const quiz = mod.quiz!;
  const comment = (text: string) => text.replace(/^\n+|\s+$/g, '').split('\n').map((l) => (l.trim() ? `# ${l.trimEnd()}` : '#'));
  const rand = rng(freshSeed());
  const out = [...comment(m('templateHead', { title: pick(mod.title), module: mod.id, n: quiz.questions.length })), ''];
  for (const q of quiz.questions) {
    out.push(...comment(promptOf(q)));
    if ('choices' in q) {
      const ids = planQuestion(q, rand).choices ?? q.choices.map((c) => c.id);
      for (const cid of ids) out.push(...comment(`  ${cid}: ${choiceText(q, cid)}`));
    }
    const form = q.type === 'numeric' && q.unit ? m('form_numericUnit', { unit: pick(q.unit) }) : m(`form_${q.type}`);
    out.push(`#   → ${form}`, `${q.id}:`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

async function scripted(ctx: Context, mod: Module, where: string, seed: number, moduleOf: (q: string) => string | undefined): Promise<number> {
  const quiz = mod.quiz!;
  const plan = planQuiz(quiz, seed);
  const { readAnswersFile } = await import('../adapters/answers-file.js');
  const { file, answers } = await readAnswersFile(ctx, where, plan.questions[0].id);
  const bank = new Map(quiz.questions.map((q) => [q.id, q]));
  const { responses, problems } = checkAnswers(answers, bank, (qid) => {
    const other = moduleOf(qid);
    return other ? m('otherModule', { id: qid, module: other, here: mod.id })
      : `${m('unknownQuestion', { id: qid })}${didYouMean(qid, bank.keys())}`;
  });
  const missing = plan.questions.map((p) => p.id).filter((qid) => !answers.has(qid));
  if (missing.length) {
    problems.push(quiz.draw !== undefined
      ? m('missingAnswersDraw', { ids: missing.join(', '), draw: quiz.draw, bank: quiz.questions.length })
      : m('missingAnswers', { ids: missing.join(', ') }));
  }
  if (problems.length) {
    throw new UsageError(`${m('answersProblems', { file, n: problems.length })}\n${problems.map((p) => `  - ${p}`).join('\n')}`, m('answersHint'));
  }

  const store = Store.open(ctx.home, ctx.clock);
  try {
    const attempt = startAttempt(store, mod.id, plan, seed);
    const outcomes: Outcome[] = [];
    for (const p of plan.questions) {
      const q = bank.get(p.id)!;
      const response = responses.get(p.id)!;
      const result = grade(q, response);
      const sched = recordAnswer(store, { attempt, module: mod.id, question: q.id, answer: response, correct: result.correct, nearMiss: result.nearMiss });
      outcomes.push({ question: q, response, result, ...sched });
    }
    return finish(ctx, store, mod, attempt, seed, outcomes);
  } finally {
    store.close();
  }
}

async function interactive(ctx: Context, mod: Module, seed: number | undefined, best: number | null, walk: boolean): Promise<number> {
  const quiz = mod.quiz!;
  const t = theme(ctx);
  const lookup = (qid: string) => quiz.questions.find((q) => q.id === qid);
  const cancelMessage = m('cancelledSaved', { module: mod.id });
  const store = Store.open(ctx.home, ctx.clock);
  try {
    let attempt: number | undefined;
    let attemptSeed = seed ?? freshSeed();
    let items: Asked[] = [];
    const outcomes = new Map<string, Outcome>();
    const open = seed === undefined ? unfinishedAttempt(store, mod.id) : undefined;
    if (open) {
      const planned = reconcilePlan(open.plan, lookup);
      const given = attemptAnswers(store, open.id).filter((a) => planned.some((p) => p.question.id === a.question));
      let resume = planned.length > 0;
      if (resume && given.length > 0) {
        const { yesNo } = await import('../adapters/ui/prompts.js');
        resume = await yesNo(ctx, m('resumeAsk', { done: given.length, n: planned.length }), true, { cancelMessage });
      }
      if (resume) {
        attempt = open.id;
        attemptSeed = open.seed ?? attemptSeed;
        items = planned;
        for (const a of given) {
          const q = lookup(a.question)!;
          const c = coerceAnswer(q, a.answer);
          if (!c.ok) continue;
          // An answer keeps the verdict it was given: the course may have changed since (choice ids
          // relabelled, an answer key corrected). When today's grading disagrees, only the verdict is
          // kept, not what today's choices would say about the answer.
          const now = grade(q, c.response);
          outcomes.set(q.id, { question: q, response: c.response, result: now.correct === a.correct ? now : { correct: a.correct, feedback: [] } });
        }
        if (given.length) ctx.stdout.write(`${t.dim(m('resumed', { done: given.length, n: planned.length }))}\n`);
      }
    }
    if (attempt === undefined) {
      const plan = planQuiz(quiz, attemptSeed);
      attempt = startAttempt(store, mod.id, plan, attemptSeed);
      items = reconcilePlan(plan, lookup);
    }
    ctx.stdout.write(`${t.heading(m('quizHeader', { title: pick(mod.title), n: items.length, mark: Math.round(quiz.pass_mark * 100) }))}\n`);
    if (best !== null) ctx.stdout.write(`${wrap(t.dim(m('retake', { percent: Math.round(best * 100) })), width(ctx)).join('\n')}\n`);
    for (let i = 0; i < items.length; i++) {
      const asked = items[i];
      if (outcomes.has(asked.question.id)) continue;
      let response: Response;
      try {
        response = await askQuestion(ctx, t, asked, m('questionHeader', { i: i + 1, n: items.length }), cancelMessage);
      } catch (e) {
        // Stopped before any answer: there is nothing "so far" to speak of.
        if (e instanceof Cancelled && outcomes.size === 0) throw new Cancelled(m('cancelledNothing', { module: mod.id }));
        throw e;
      }
      const result = grade(asked.question, response);
      const sched = recordAnswer(store, { attempt, module: mod.id, question: asked.question.id, answer: response, correct: result.correct, nearMiss: result.nearMiss });
      const o: Outcome = { question: asked.question, response, result, ...sched };
      outcomes.set(asked.question.id, o);
      showFeedback(ctx, t, o);
    }
    ctx.stdout.write('\n');
    return finish(ctx, store, mod, attempt, attemptSeed, items.map((a) => outcomes.get(a.question.id)!).filter(Boolean), walk);
  } finally {
    store.close();
  }
}

function finish(ctx: Context, store: Store, mod: Module, attempt: number, seed: number, outcomes: Outcome[], walk = false): number {
  const quiz = mod.quiz!;
  const correct = outcomes.filter((o) => o.result.correct).length;
  const total = outcomes.length;
  const s = score(correct, total, quiz.pass_mark);
  const { earlierEpoch } = finishAttempt(store, { attempt, module: mod.id, score: s.score, passed: s.passed, correct, total });
  if (earlierEpoch) ctx.stderr.write(`${theme(ctx).warn(m('resetWhileQuiz', { module: mod.id }))}\n`);
  const mark = Math.round(quiz.pass_mark * 100);
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({
      module: mod.id, attempt, seed, score: s.score, percent: Math.round(s.score * 100), correct, total,
      pass_mark: quiz.pass_mark, passed: s.passed,
      questions: outcomes.map((o) => ({
        id: o.question.id, type: o.question.type, answer: o.response, correct: o.result.correct,
        expected: expectedValue(o.question),
        ...(o.result.missed ? { missed: o.result.missed, extra: o.result.extra } : {}),
        ...(o.result.inPlace !== undefined ? { in_place: o.result.inPlace } : {}),
        ...(o.result.nearMiss !== undefined ? { near_miss: o.result.nearMiss } : {}),
        feedback: o.result.feedback.map((f) => pick(f)),
        explanation: o.question.explanation ? pick(o.question.explanation) : null,
        rating: o.rating ?? null, next_review: o.due ?? null,
      })),
    }, null, 2)}\n`);
    return s.passed ? EXIT.ok : EXIT.notPassed;
  }
  const t = theme(ctx);
  const lines: string[] = [];
  if (!ctx.interactive) {
    // Scripted: a line per question, so the run reads as a report; a wrong one gets what the
    // learner would have read in the terminal (the right answer, the feedback, the explanation).
    for (const o of outcomes) {
      const head = `${o.question.id}: ${firstLine(promptOf(o.question))}`;
      if (o.result.correct) {
        ctx.stdout.write(`${t.ok(t.sym.pass)} ${head}\n`);
        if (o.result.nearMiss !== undefined) ctx.stdout.write(`  ${m('nearMiss', { form: o.result.nearMiss })}\n`);
      }
      else {
        ctx.stdout.write(`${t.bad(t.sym.fail)} ${head}\n  ${m('yourAnswer', { answer: describeResponse(o.question, o.response) })}\n`);
        showFeedback(ctx, t, o, '  ');
      }
    }
    lines.push('');
  }
  lines.push(t.em(m('scoreLine', { correct, total, percent: Math.round(s.score * 100) })));
  lines.push(s.passed ? t.ok(m('passed', { mark })) : t.warn(m('failed', { mark })));
  const missed = outcomes.filter((o) => !o.result.correct);
  if (missed.length && ctx.interactive) {
    lines.push('', m('missedHeader'));
    for (const o of missed) lines.push(...wrap(`${t.sym.fail} ${firstLine(promptOf(o.question))}`, width(ctx), '  ').map((l, i) => (i ? `  ${l}` : l)));
  }
  // Inside `dlpath next`, the walk offers the next step itself.
  if (!(s.passed && walk)) lines.push('', s.passed ? m('nextHint') : m(mod.lesson ? 'retryHint' : 'retryHintNoLesson', { module: mod.id }));
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return s.passed ? EXIT.ok : EXIT.notPassed;
}

function firstLine(s: string): string {
  const line = s.trim().split('\n')[0];
  return line.length > 90 ? `${line.slice(0, 87)}…` : line;
}
