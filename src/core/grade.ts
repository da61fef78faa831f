/**
 * Grading of every question type, and the rules that turn what a learner typed (or a script wrote)
 * into a response. Pure: no I/O, so every rule is table-tested.
 */
import { createRequire } from 'node:module';
import type { Choice, LText, Question } from './model.js';

/** A response in its stored form: choice ids, a boolean, a number, or text. */
export type Response = string | string[] | boolean | number;

export interface GradeResult {
  correct: boolean;
  /** Multiple choice: right choices the learner did not pick. */
  missed?: string[];
  /** Multiple choice: choices picked that are not right. */
  extra?: string[];
  /** Ordering: how many positions hold the right choice. */
  inPlace?: number;
  /** Feedback the curriculum attaches to this wrong answer (a choice's, or a true/false question's). */
  feedback: LText[];
}

// ------------------------------------------------------------------ normalisation

/** Characters a learner may leave at the end of an answer without meaning anything by them. */
const TRAILING_PUNCTUATION = /[\s.,;:!?。，、；：！？…'"“”‘’]+$/u;
const LEADING_QUOTES = /^['"“”‘’]+/u;

/**
 * Text as compared: NFKC (full-width letters, digits and punctuation become their half-width
 * forms), lower case, no surrounding quotes or trailing punctuation, single spaces.
 */
export function normaliseText(s: string): string {
  return s.normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(TRAILING_PUNCTUATION, '')
    .replace(LEADING_QUOTES, '')
    .trim();
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/**
 * A number as a learner writes it: `0.001`, `1e-3`, `+2`, `１.５` (full-width), `−3` (Unicode minus),
 * `1,000` or `1 000` (digit groups). Undefined when it is not a number.
 */
export function parseNumber(raw: string | number): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  let s = raw.normalize('NFKC').trim().replace(/[−–]/gu, '-');
  if (/^[-+]?\d{1,3}([, ]\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/[, ]/g, '');
  // A simple fraction, as people write probabilities: 1/4, -3/8.
  const frac = /^([-+]?\d+)\s*\/\s*(\d+)$/.exec(s);
  if (frac) return Number(frac[2]) === 0 ? undefined : Number(frac[1]) / Number(frac[2]);
  if (!NUMBER.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** `true`/`false` in the forms a person or a YAML file uses, in English and Chinese. */
export function parseBoolean(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string') return undefined;
  const s = normaliseText(raw);
  if (['true', 't', 'yes', 'y', '对', '正确', '是', '真'].includes(s)) return true;
  if (['false', 'f', 'no', 'n', '错', '错误', '否', '假'].includes(s)) return false;
  return undefined;
}

// ------------------------------------------------------------------ coercion (answers files)

/** Why an answer has the wrong shape; the command words it in the learner's language. */
export type ShapeProblemCode =
  | 'none' | 'oneChoiceNotList' | 'notChoice' | 'notList' | 'twice' | 'orderMissing'
  | 'notBoolean' | 'notNumber' | 'notText' | 'empty';

export type Coerced =
  | { ok: true; response: Response }
  | { ok: false; problem: ShapeProblemCode; vars: { value?: string; choices?: string } };

const choiceIds = (choices: Choice[]) => choices.map((c) => c.id);

function oneChoice(v: unknown, ids: string[]): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) v = String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return ids.find((id) => id === s) ?? ids.find((id) => id.toLowerCase() === s.toLowerCase());
}

function choiceList(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  // "a, c" or "a c" is a list a person would type.
  if (typeof v === 'string') return v.split(/[\s,，、]+/u).filter((x) => x.length > 0);
  return undefined;
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));

/**
 * Checks a raw answer (from an answers file, or typed) against the question's shape and returns the
 * response to grade. A wrong answer is fine here; a wrong *shape* (a number for a choice question,
 * a choice that does not exist, an ordering that leaves choices out) is the problem reported.
 */
export function coerceAnswer(q: Question, raw: unknown): Coerced {
  const bad = (problem: ShapeProblemCode, vars: { value?: string; choices?: string } = {}): Coerced => ({ ok: false, problem, vars });
  if (raw === null || raw === undefined) return bad('none');
  switch (q.type) {
    case 'single': {
      const ids = choiceIds(q.choices);
      if (Array.isArray(raw)) return bad('oneChoiceNotList', { choices: ids.join(', ') });
      const id = oneChoice(raw, ids);
      if (id === undefined) return bad('notChoice', { value: show(raw), choices: ids.join(', ') });
      return { ok: true, response: id };
    }
    case 'multiple':
    case 'ordering': {
      const ids = choiceIds(q.choices);
      const list = choiceList(raw);
      if (!list) return bad('notList', { value: show(raw), choices: ids.join(', ') });
      const out: string[] = [];
      for (const v of list) {
        const id = oneChoice(v, ids);
        if (id === undefined) return bad('notChoice', { value: show(v), choices: ids.join(', ') });
        if (out.includes(id)) return bad('twice', { value: id });
        out.push(id);
      }
      if (q.type === 'ordering') {
        const left = ids.filter((id) => !out.includes(id));
        if (left.length) return bad('orderMissing', { value: left.join(', ') });
      }
      return { ok: true, response: out };
    }
    case 'true_false': {
      const b = parseBoolean(raw);
      if (b === undefined) return bad('notBoolean', { value: show(raw) });
      return { ok: true, response: b };
    }
    case 'numeric': {
      if (typeof raw !== 'number' && typeof raw !== 'string') return bad('notNumber', { value: show(raw) });
      const n = parseNumber(raw);
      if (n === undefined) return bad('notNumber', { value: show(raw) });
      return { ok: true, response: n };
    }
    case 'text': {
      if (typeof raw === 'number' || typeof raw === 'boolean') raw = String(raw);
      if (typeof raw !== 'string') return bad('notText', { value: show(raw) });
      if (!raw.trim()) return bad('empty');
      return { ok: true, response: raw };
    }
  }
}

// ------------------------------------------------------------------ grading

/** Whether x is within the question's tolerance of its answer (exact without one). */
export function withinTolerance(x: number, answer: number, tol?: { abs?: number; rel?: number }): boolean {
  const diff = Math.abs(x - answer);
  if (diff === 0) return true;
  if (!tol) return diff <= Number.EPSILON * Math.max(1, Math.abs(answer));
  if (tol.abs !== undefined && diff <= tol.abs * (1 + 1e-12)) return true;
  if (tol.rel !== undefined && diff <= tol.rel * Math.abs(answer) * (1 + 1e-12)) return true;
  return false;
}

const compiled = new Map<string, { test(s: string): boolean }>();

/**
 * A text question's pattern, case-insensitive, for a linear-time matcher (RE2's, pure JavaScript): no
 * pattern and no answer can make grading hang, as `^(a+)+b$` does in a backtracking engine. Throws on
 * what RE2 leaves out (lookaround, backreferences). Loaded on first use: only a pattern needs it.
 */
export function compilePattern(pattern: string): { test(s: string): boolean } {
  let re = compiled.get(pattern);
  if (!re) {
    const { RE2JS } = createRequire(import.meta.url)('re2js') as typeof import('re2js');
    const r = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
    re = { test: (s: string) => r.matcher(s).find() };
    compiled.set(pattern, re);
  }
  return re;
}

/** Whether a text answer is accepted: any accepted form after normalising, or the pattern. */
export function acceptsText(accept: string[], pattern: string | undefined, answer: string): boolean {
  const given = normaliseText(answer);
  if (accept.some((a) => normaliseText(a) === given)) return true;
  if (pattern !== undefined) {
    let re: { test(s: string): boolean };
    try { re = compilePattern(pattern); } catch { return false; }
    return re.test(given) || re.test(answer.normalize('NFKC').trim());
  }
  return false;
}

/** Grades a response that coerceAnswer has accepted for this question. */
export function grade(q: Question, response: Response): GradeResult {
  switch (q.type) {
    case 'single': {
      const correct = response === q.answer;
      const fb = correct ? undefined : q.choices.find((c) => c.id === response)?.feedback;
      return { correct, feedback: fb ? [fb] : [] };
    }
    case 'multiple': {
      const given = response as string[];
      const missed = q.answer.filter((id) => !given.includes(id));
      const extra = given.filter((id) => !q.answer.includes(id));
      const feedback = q.choices.filter((c) => extra.includes(c.id) && c.feedback).map((c) => c.feedback!);
      return { correct: missed.length === 0 && extra.length === 0, missed, extra, feedback };
    }
    case 'true_false': {
      const correct = response === q.answer;
      return { correct, feedback: !correct && q.feedback ? [q.feedback] : [] };
    }
    case 'numeric':
      return { correct: withinTolerance(response as number, q.answer, q.tolerance), feedback: [] };
    case 'text':
      return { correct: acceptsText(q.accept, q.pattern, response as string), feedback: [] };
    case 'ordering': {
      const given = response as string[];
      const inPlace = q.answer.filter((id, i) => given[i] === id).length;
      return { correct: inPlace === q.answer.length && given.length === q.answer.length, inPlace, feedback: [] };
    }
  }
}

/** The fraction right, and whether it reaches the pass mark (4 of 5 passes a 0.8 mark exactly). */
export function score(correct: number, total: number, passMark: number): { score: number; passed: boolean } {
  const s = total === 0 ? 0 : correct / total;
  return { score: s, passed: total > 0 && s + 1e-9 >= passMark };
}
