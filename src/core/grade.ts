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
  /** Text: accepted as a near miss in spelling; the accepted form it was close to, as the curriculum writes it. */
  nearMiss?: string;
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

// ------------------------------------------------------------------ every right form of a text answer

const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
  '⁺': '+', '⁻': '-', '⁼': '=', '⁽': '(', '⁾': ')', 'ⁿ': 'n', 'ⁱ': 'i', 'ˣ': 'x', 'ᵀ': 't', 'ᵗ': 't', 'ᵏ': 'k', 'ᵈ': 'd',
};
const SUPERSCRIPT_RUN = new RegExp(`[${Object.keys(SUPERSCRIPTS).join('')}]+`, 'gu');
/** Hyphens, dashes and minus signs a keyboard or a word processor produces. */
const DASHES = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D]/gu;
/** Multiplication signs and dots. */
const TIMES = /[×✕⋅∗·•]/gu;
/** CJK characters and punctuation: no space is needed next to them, so none counts. */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303F';
const SPACE_BY_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'gu');

/** British spellings with no general rule, and their American forms (the rule for -ise/-yse is below). */
const AMERICAN: Record<string, string> = {
  colour: 'color', colours: 'colors', behaviour: 'behavior', behaviours: 'behaviors', neighbour: 'neighbor',
  neighbours: 'neighbors', neighbourhood: 'neighborhood', favour: 'favor', labour: 'labor', honour: 'honor',
  flavour: 'flavor', vapour: 'vapor', rumour: 'rumor', centre: 'center', centres: 'centers', centred: 'centered',
  metre: 'meter', metres: 'meters', litre: 'liter', fibre: 'fiber', modelling: 'modeling', modelled: 'modeled',
  labelled: 'labeled', labelling: 'labeling', travelled: 'traveled', travelling: 'traveling', cancelled: 'canceled',
  signalling: 'signaling', channelled: 'channeled', levelled: 'leveled', tunnelling: 'tunneling', fuelled: 'fueled',
  catalogue: 'catalog', dialogue: 'dialog', analogue: 'analog', defence: 'defense', licence: 'license',
  programme: 'program', programmes: 'programs', artefact: 'artifact', artefacts: 'artifacts', grey: 'gray',
  judgement: 'judgment', ageing: 'aging', focussed: 'focused', sceptical: 'skeptical', aluminium: 'aluminum',
  enrol: 'enroll', fulfil: 'fulfill', skilful: 'skillful', whilst: 'while', towards: 'toward',
};

function american(word: string): string {
  const w = AMERICAN[word];
  if (w) return w;
  // -ise/-isation → -ize/-ization (optimiser, normalise, regularisation); -yse → -yze (analyse).
  const ise = /^([a-z]{3,})is(e|es|ed|ing|er|ers|ation|ations|able)$/.exec(word);
  if (ise) return `${ise[1]}iz${ise[2]}`;
  const yse = /^([a-z]{3,})ys(e|es|ed|ing|er|ers)$/.exec(word);
  if (yse) return `${yse[1]}yz${yse[2]}`;
  return word;
}

/**
 * A text answer in the one form it is compared in, so that every way of writing the same answer
 * meets: normaliseText's rules (width, case, spaces, trailing punctuation, quotes), and also
 * superscripts as ^ (a² = a^2, Xᵀ = X^T), every dash and minus as "-", ×/·/⋅ as "*", no spaces
 * around operators, a hyphen between words as a space (cross-entropy = cross entropy), no space next
 * to Chinese text (hinge损失 = hinge 损失), accents dropped (naïve = naive), British spellings as
 * American (optimiser = optimizer, colour = color).
 */
export function canonicalText(s: string): string {
  let t = s.replace(SUPERSCRIPT_RUN, (run) => `^${[...run].map((c) => SUPERSCRIPTS[c]).join('')}`);
  t = normaliseText(t.replace(DASHES, '-'))
    .normalize('NFD').replace(/[\u0300-\u036f]/gu, '').normalize('NFC')
    .replace(DASHES, '-')
    .replace(TIMES, '*')
    .replace(/\^\s*[({]([^(){}]*)[)}]/gu, '^$1')
    .replace(/(\p{L})\s*-\s*(?=\p{L})/gu, '$1 ')
    .replace(/\s*([-*^/=+<>()])\s*/gu, '$1')
    .replace(/(\p{L})_(?=\d)/gu, '$1')
    .replace(SPACE_BY_CJK, '')
    .replace(/[a-z]+/gu, american);
  return t.replace(TRAILING_PUNCTUATION, '').trim();
}

/** Edits (insert, delete, substitute, swap two neighbours) from a to b, stopping early above 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped neighbours
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The smallest word a near miss may be in (letters only: never a number or a formula). */
export const NEAR_MISS_MIN_LETTERS = 6;

/**
 * The accepted form an answer misses by one edit in one word of 6+ letters, all else equal; not in
 * a number or a formula (words of plain letters only).
 */
export function nearMiss(accept: string[], answer: string): string | undefined {
  const given = canonicalText(answer).split(' ');
  for (const form of accept) {
    const want = canonicalText(form).split(' ');
    if (want.length !== given.length) continue;
    const diff = want.map((w, i) => i).filter((i) => want[i] !== given[i]);
    if (diff.length !== 1) continue;
    const [w, g] = [want[diff[0]], given[diff[0]]];
    if (w.length >= NEAR_MISS_MIN_LETTERS && /^[a-z]+$/.test(w) && /^[a-z]+$/.test(g) && withinOneEdit(w, g)) return form;
  }
  return undefined;
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/** Words that scale a number: after one, the number means something else unless the unit says the same. */
const SCALE_WORDS: Record<string, string> = {
  k: 'thousand', thousand: 'thousand', thousands: 'thousand', 千: 'thousand',
  m: 'million', mn: 'million', million: 'million', millions: 'million', 百万: 'million',
  b: 'billion', bn: 'billion', billion: 'billion', billions: 'billion', 十亿: 'billion',
  t: 'trillion', trillion: 'trillion', trillions: 'trillion', 万亿: 'trillion',
  万: 'ten thousand', 十万: 'hundred thousand', 千万: 'ten million', 亿: 'hundred million', 百: 'hundred', 十: 'ten',
};

/** The scale a question's unit starts with ("million pairs" → million, "十亿" → billion), in either language. */
function unitScales(unit: LText | undefined): string[] {
  if (unit === undefined) return [];
  const texts = typeof unit === 'string' ? [unit] : [unit.en, unit.zh].filter((x): x is string => !!x);
  const out: string[] = [];
  for (const u of texts) {
    const t = u.normalize('NFKC').trim().toLowerCase();
    const word = /^[a-z]+/.exec(t)?.[0];
    if (word && SCALE_WORDS[word]) out.push(SCALE_WORDS[word]);
    // The longest Chinese scale word the unit starts with (十亿 before 十).
    const zh = Object.keys(SCALE_WORDS).filter((k) => /^\p{Script=Han}/u.test(k) && t.startsWith(k)).sort((a, b) => b.length - a.length)[0];
    if (zh) out.push(SCALE_WORDS[zh]);
  }
  return out;
}

/** What may follow a number: a unit or measure word (GB, examples, nats, bits per parameter, 个, 个样本, %, × N). */
const UNIT_TAIL = /^[\p{L}%‰/×*·\s.²³-]+$/u;

/** The scale word after a number that parseNumber refused for this unit ("175 billion" → "billion"), if that is why. */
export function refusedScaleWord(raw: string, unit?: LText): string | undefined {
  const t = /^[-+]?[\d.,\s/]*\d\.?(?:e[-+]?\d+)?\s*(\p{L}+)\.?$/iu.exec(raw.normalize('NFKC').trim());
  if (!t || parseNumber(raw, unit) !== undefined) return undefined;
  const scale = SCALE_WORDS[t[1].toLowerCase()];
  return scale !== undefined && !unitScales(unit).includes(scale) ? t[1] : undefined;
}

/**
 * A number as a learner writes it: `0.001`, `1e-3`, `+2`, `１.５` (full-width), `−3` (Unicode minus),
 * `1,000` or `1 000` (digit groups), with a unit or measure word after it (`2500 examples`, `1.9 GB`,
 * `2500 个`). `25%` is 0.25 unless the question's unit is a percentage. A scale word (`million`, `B`,
 * `万`) is only allowed when it is the question's unit: `175 billion` for a question in billions.
 * Undefined when it is not a number.
 */
export function parseNumber(raw: string | number, unit?: LText): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  let s = raw.normalize('NFKC').trim().replace(DASHES, '-').replace(/^(≈|~|about|approximately|approx\.?|约)\s*/iu, '');
  const tail = /^([-+]?[\d.,\s/]*\d\.?(?:e[-+]?\d+)?)\s*(\D.*)$/iu.exec(s);
  if (tail && UNIT_TAIL.test(tail[2]) && !/^e$/i.test(tail[2].trim())) {
    const word = tail[2].trim().toLowerCase().replace(/\.$/, '');
    const n = parseNumber(tail[1].trim());
    if (n === undefined) return undefined;
    if (word === '%' || word === '‰') {
      const inPercent = unit !== undefined && /%|percent|百分/u.test(typeof unit === 'string' ? unit : `${unit.en ?? ''} ${unit.zh ?? ''}`);
      return inPercent ? n : n / (word === '%' ? 100 : 1000);
    }
    const scale = SCALE_WORDS[word] ?? SCALE_WORDS[word.split(/\s+/)[0]];
    if (scale !== undefined && !unitScales(unit).includes(scale)) return undefined;
    return n;
  }
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
  | 'notBoolean' | 'notNumber' | 'notFinite' | 'notText' | 'empty';

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

const show = (v: unknown): string => {
  if (typeof v === 'string') return v;
  // NaN and ±Infinity have no JSON form (JSON.stringify would say "null").
  if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf';
  try { return JSON.stringify(v) ?? String(v); } catch { return String(v); }
};

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
      if (typeof raw === 'number' && !Number.isFinite(raw)) return bad('notFinite', { value: show(raw) });
      const n = parseNumber(raw, q.unit);
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

/** The tolerance a numeric question grades with: half a unit of the last decimal asked for, or its own. */
export function toleranceOf(q: { tolerance?: { abs?: number; rel?: number }; decimals?: number }): { abs?: number; rel?: number } | undefined {
  return q.decimals !== undefined ? { abs: 0.5 * 10 ** -q.decimals } : q.tolerance;
}

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
  const canonical = canonicalText(answer);
  if (accept.some((a) => canonicalText(a) === canonical)) return true;
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
      return { correct: withinTolerance(response as number, q.answer, toleranceOf(q)), feedback: [] };
    case 'text': {
      if (acceptsText(q.accept, q.pattern, response as string)) return { correct: true, feedback: [] };
      const near = nearMiss(q.accept, response as string);
      return near === undefined ? { correct: false, feedback: [] } : { correct: true, nearMiss: near, feedback: [] };
    }
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
