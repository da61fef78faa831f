/**
 * Which questions a quiz asks, in which order, and in which order their choices appear.
 * Seeded, so `--seed` gives the same quiz twice and a stored plan can be resumed. Pure.
 */
import type { Choice, Question, Quiz } from './model.js';

export interface PlannedQuestion {
  id: string;
  /** Choice ids in the order shown (choice questions only). */
  choices?: string[];
}

export interface QuizPlan {
  questions: PlannedQuestion[];
}

/** mulberry32: small, fast, and the same on every platform. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Shuffles the choices that are not fixed; a fixed choice ("all of the above") keeps its position. */
export function shuffleChoices(choices: readonly Choice[], rand: () => number): string[] {
  const free = shuffle(choices.filter((c) => !c.fixed).map((c) => c.id), rand);
  let k = 0;
  return choices.map((c) => (c.fixed ? c.id : free[k++]));
}

function choicesOf(q: Question): Choice[] | undefined {
  return q.type === 'single' || q.type === 'multiple' || q.type === 'ordering' ? q.choices : undefined;
}

/** The order a question's choices are shown in. An ordering question never starts out solved. */
export function planQuestion(q: Question, rand: () => number): PlannedQuestion {
  const choices = choicesOf(q);
  if (!choices) return { id: q.id };
  let order = shuffleChoices(choices, rand);
  if (q.type === 'ordering') {
    for (let tries = 0; tries < 10 && order.every((id, i) => id === q.answer[i]); tries++) {
      order = shuffleChoices(choices, rand);
    }
  }
  return { id: q.id, choices: order };
}

/** Draws the quiz's questions (all, or `draw` of them), shuffles them and their choices. */
export function planQuiz(quiz: Quiz, seed: number): QuizPlan {
  const rand = rng(seed);
  const order = shuffle(quiz.questions, rand);
  const drawn = quiz.draw !== undefined ? order.slice(0, quiz.draw) : order;
  return { questions: drawn.map((q) => planQuestion(q, rand)) };
}

/**
 * A stored plan against the curriculum as it is now: questions an author has since removed are
 * dropped, and choices added since are shown after the planned ones.
 */
export function reconcilePlan(plan: QuizPlan, lookup: (id: string) => Question | undefined): Array<{ question: Question; choices?: string[] }> {
  const out: Array<{ question: Question; choices?: string[] }> = [];
  for (const p of plan.questions) {
    const q = lookup(p.id);
    if (!q) continue;
    const choices = choicesOf(q);
    if (!choices) { out.push({ question: q }); continue; }
    const ids = choices.map((c) => c.id);
    const kept = (p.choices ?? []).filter((id) => ids.includes(id));
    out.push({ question: q, choices: [...kept, ...ids.filter((id) => !kept.includes(id))] });
  }
  return out;
}

/** A seed for a run without --seed. */
export function freshSeed(rand: () => number = Math.random): number {
  return Math.floor(rand() * 2 ** 31);
}
