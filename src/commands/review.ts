/**
 * `dlpath review`: asks the quiz questions whose FSRS card is due (longest overdue first), stores
 * each answer the moment it is given and reschedules its card. `--answers` and `--json` as in quiz.
 */
import type { Context } from './context.js';
import { EXIT, UsageError } from '../core/errors.js';
import type { Question } from '../core/model.js';
import { grade, type Response } from '../core/grade.js';
import { freshSeed, planQuestion, rng } from '../core/quiz-plan.js';
import { loadCurriculum } from '../adapters/curriculum/index.js';
import { Store } from '../adapters/store/store.js';
import { dueCards, nextDue, recordReview } from '../adapters/store/review.js';
import { theme } from '../adapters/ui/theme.js';
import { relativeDay } from '../adapters/ui/dates.js';
import { pick, sentences } from '../i18n/index.js';
import { m } from '../i18n/quiz.js';
import {
  askQuestion, checkAnswers, promptOf, describeExpected, describeResponse, didYouMean, expectedValue, parseSeed,
  showFeedback, type Asked, type Outcome,
} from './quiz.js';

export interface ReviewOptions { limit?: string; answers?: string; seed?: string }

function parseLimit(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v).trim();
  if (!/^\d{1,9}$/.test(s) || Number(s) < 1) throw new UsageError(m('badLimit', { value: s }));
  return Number(s);
}

export async function run(ctx: Context, _args: unknown[], opts: ReviewOptions = {}): Promise<number> {
  const limit = parseLimit(opts.limit);
  const seed = parseSeed(opts.seed) ?? freshSeed();
  const ix = await loadCurriculum(ctx.curriculumDir, ctx.home, { stderr: ctx.stderr });
  const store = Store.open(ctx.home, ctx.clock);
  try {
    // A card whose question an author has since removed (or moved) is not asked.
    const due = dueCards(store).filter((c) => ix.question(c.question)?.module.id === c.module);
    const t = theme(ctx);
    const when0 = (iso: string) => relativeDay(new Date(iso), ctx.clock());
    if (due.length === 0) {
      const next = nextDue(store);
      if (ctx.json) ctx.stdout.write(`${JSON.stringify({ due: 0, next_due: next, reviewed: [] }, null, 2)}\n`);
      else if (next === null) ctx.stdout.write(`${sentences(m('noCards'), m('noneDueNext'))}\n`);
      else ctx.stdout.write(`${sentences(m('noneDue'), m('nextDueAt', { when: when0(next) }), m('noneDueNext'))}\n`);
      return EXIT.ok;
    }
    const rand = rng(seed);
    const items: Array<Asked & { module: string }> = due.map((c) => {
      const q = ix.question(c.question)!.question;
      return { module: c.module, question: q, choices: planQuestion(q, rand).choices };
    });
    const take = (n: number) => (limit !== undefined ? Math.min(limit, n) : n);
    const when = (iso: string) => relativeDay(new Date(iso), ctx.clock());
    let againRight = 0;
    const outcomes: Array<Outcome & { module: string }> = [];
    /** Questions an answers file answers that exist but are not due now: left for their day, not an error. */
    const notDue: string[] = [];

    if (opts.answers !== undefined) {
      const { readAnswersFile } = await import('../adapters/answers-file.js');
      const { file, answers } = await readAnswersFile(ctx, opts.answers, items[0].question.id);
      const allowed = new Map<string, Question>(items.map((i) => [i.question.id, i.question]));
      for (const id of [...answers.keys()]) {
        if (!allowed.has(id) && ix.question(id)) { notDue.push(id); answers.delete(id); }
      }
      const { responses, problems } = checkAnswers(answers, allowed, (id) =>
        ix.question(id) ? m('notDue', { id }) : `${m('unknownQuestionAnywhere', { id })}${didYouMean(id, allowed.keys())}`);
      if (problems.length) {
        throw new UsageError(`${m('answersProblems', { file, n: problems.length })}\n${problems.map((p) => `  - ${p}`).join('\n')}`, m('answersHint'));
      }
      // The due questions the file answers, longest overdue first, at most --limit of them.
      const answered = items.filter((it) => responses.has(it.question.id));
      for (const it of answered.slice(0, take(answered.length))) outcomes.push(answer(store, it, responses.get(it.question.id)!));
    } else {
      if (!ctx.interactive && ctx.json) {
        // What is due, for a script to answer with --answers.
        ctx.stdout.write(`${JSON.stringify({
          due: due.length,
          questions: items.slice(0, take(items.length)).map((it) => ({
            id: it.question.id, module: it.module, type: it.question.type, prompt: promptOf(it.question),
            ...('choices' in it.question ? { choices: it.question.choices.map((c) => ({ id: c.id, text: pick(c.text) })) } : {}),
          })),
          next_due: nextDue(store),
        }, null, 2)}\n`);
        return EXIT.ok;
      }
      if (!ctx.interactive) throw new UsageError(m('reviewNeedTerminal'), m('reviewNeedTerminalHint'));
      const session = items.slice(0, take(items.length));
      ctx.stdout.write(`${t.heading(session.length < due.length
        ? m('dueHeaderLimited', { n: due.length, k: session.length })
        : m('dueHeader', { n: due.length }))}\n`);
      const cancelMessage = m('reviewCancelled');
      // As Anki's relearning steps: a question answered wrong is asked again at the end of the round
      // (each answer is recorded and rescheduled), until it is right or has been asked three times.
      const queue = session.map((it) => ({ it, tries: 0 }));
      for (let i = 0; i < queue.length; i++) {
        const { it, tries } = queue[i];
        const header = tries === 0 ? `${m('questionHeader', { i: i + 1, n: session.length })} · ${it.module}` : `${m('onceMore')} · ${it.module}`;
        // Stopped before any answer: nothing "so far" was saved.
        const response = await askQuestion(ctx, t, it, header, i === 0 ? m('reviewCancelledNothing') : cancelMessage);
        const o = answer(store, it, response);
        if (tries === 0) outcomes.push(o);
        else if (o.result.correct) againRight++;
        showFeedback(ctx, t, o);
        if (!o.result.correct && tries < 2) {
          queue.push({ it, tries: tries + 1 });
          ctx.stdout.write(`${t.dim(m('comesBack'))}\n`);
        } else ctx.stdout.write(`${t.dim(m('nextReview', { when: when(o.due!) }))}\n`);
      }
    }

    const right = outcomes.filter((o) => o.result.correct).length;
    const stillDue = due.length - outcomes.length;
    if (ctx.json) {
      ctx.stdout.write(`${JSON.stringify({
        due: due.length, reviewed: outcomes.map((o) => ({
          id: o.question.id, module: o.module, type: o.question.type, answer: o.response, correct: o.result.correct,
          expected: expectedValue(o.question), ...(o.result.nearMiss !== undefined ? { near_miss: o.result.nearMiss } : {}),
          rating: o.rating, next_review: o.due,
        })),
        right, still_due: stillDue, not_due: notDue, next_due: nextDue(store),
      }, null, 2)}\n`);
      return EXIT.ok;
    }
    const lines: string[] = [];
    if (!ctx.interactive) {
      for (const o of outcomes) {
        lines.push(o.result.correct
          ? `${t.ok(t.sym.pass)} ${o.question.id} ${t.dim(`(${m('nextReview', { when: when(o.due!) })})`)}${o.result.nearMiss !== undefined ? `\n  ${m('nearMiss', { form: o.result.nearMiss })}` : ''}`
          : `${t.bad(t.sym.fail)} ${o.question.id}: ${m('yourAnswer', { answer: describeResponse(o.question, o.response) })}${m('sep')}${m('rightAnswer', { answer: describeExpected(o.question) })}`);
      }
    }
    if (notDue.length) lines.push('', t.dim(m('skippedNotDue', { list: notDue.join(', ') })));
    lines.push('', t.em(m('reviewDone', { n: outcomes.length, right })));
    if (againRight) lines.push(m('againRight', { n: againRight }));
    if (stillDue > 0) lines.push(m('stillDue', { n: stillDue }));
    ctx.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}

function answer(store: Store, it: Asked & { module: string }, response: Response): Outcome & { module: string } {
  const result = grade(it.question, response);
  const sched = recordReview(store, { module: it.module, question: it.question.id, answer: response, correct: result.correct, nearMiss: result.nearMiss });
  return { module: it.module, question: it.question, response, result, ...sched };
}
