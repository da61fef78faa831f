/**
 * The second pass of validation: checks across the typed model (ids, references, cycles, answer
 * keys). Pure: the loader has already parsed the files and checked their shapes.
 */
import type { Curriculum, Module, Question } from './model.js';
import { suggest, type KeyPath } from './schema.js';
import { compilePattern } from './grade.js';
import { isEnglishProse, pathLanguage } from './stats.js';
import type { LPath, LText } from './model.js';
import { m as cm } from '../i18n/curriculum.js';

export interface Problem {
  /** File relative to the curriculum folder. */
  file: string;
  path: KeyPath;
  message: string;
  /** A note says what could not be checked on this machine; even --strict does not count it. */
  severity: 'error' | 'warning' | 'note';
  atKey?: boolean;
  line?: number;
  column?: number;
  /** Another place the message names as {where}: the loader writes it as file:line:column. */
  where?: { file: string; path: KeyPath };
}

export const ROOT_FILE = 'curriculum.yaml';

const didYouMean = (name: string, pool: Iterable<string>): string => {
  const s = suggest(name, pool);
  return s.length ? ` (did you mean ${s.map((x) => `"${x}"`).join(' or ')}?)` : '';
};

function checkAnswer(q: Question, file: string, at: KeyPath, out: Problem[]): void {
  const err = (path: KeyPath, message: string) => out.push({ file, path, message, severity: 'error' });
  if (q.type === 'single' || q.type === 'multiple' || q.type === 'ordering') {
    const ids = q.choices.map((c) => c.id);
    const seen = new Set<string>();
    q.choices.forEach((c, i) => {
      if (seen.has(c.id)) err([...at, 'choices', i, 'id'], `choice id "${c.id}" is used twice in this question`);
      seen.add(c.id);
    });
    const answers = Array.isArray(q.answer) ? q.answer : [q.answer];
    answers.forEach((a, i) => {
      if (!ids.includes(a)) {
        err(Array.isArray(q.answer) ? [...at, 'answer', i] : [...at, 'answer'],
          `choice "${a}" does not exist (choices: ${ids.join(', ')})`);
      }
    });
    if (Array.isArray(q.answer) && new Set(q.answer).size !== q.answer.length) err([...at, 'answer'], 'a choice is listed twice');
    if (q.type === 'ordering') {
      q.choices.forEach((c, i) => {
        if (c.fixed) out.push({ file, path: [...at, 'choices', i, 'fixed'], severity: 'warning', message: 'fixed: true keeps a choice in its place when shuffled: in an ordering question that gives its place away' });
      });
      const missing = ids.filter((id) => !q.answer.includes(id));
      if (missing.length) err([...at, 'answer'], `the order must list every choice; missing: ${missing.join(', ')}`);
      const sorted = ids.slice().sort();
      if (!missing.length && ids.length >= 3 && q.answer.length === ids.length && q.answer.every((id, i) => id === sorted[i])) {
        out.push({ file, path: [...at, 'answer'], severity: 'warning', message: cm('orderAlphabetical', { ids: q.answer.join(', ') }) });
      }
    }
    if (q.type === 'single') {
      q.choices.forEach((c, i) => {
        if (c.id === q.answer && c.feedback) {
          out.push({ file, path: [...at, 'choices', i, 'feedback'], severity: 'warning',
            message: 'feedback is shown for wrong choices only; this is the right one' });
        }
      });
    }
  }
  if (q.type === 'numeric' && q.tolerance === undefined && q.decimals === undefined && !Number.isInteger(q.answer)) {
    out.push({ file, path: [...at, 'answer'], severity: 'warning',
      message: `${q.answer} is not a whole number and the question has no tolerance, so only exactly ${q.answer} is accepted: `
        + 'a learner who rounds is marked wrong. Add decimals: N (the prompt then asks for N decimals) or a tolerance' });
  }
  if (q.type === 'text' && q.pattern !== undefined) {
    try { compilePattern(q.pattern); } catch (e) {
      err([...at, 'pattern'], `not a valid pattern: ${(e as Error).message.replace(/^error parsing regexp: /, '')}. `
        + 'Patterns are matched in linear time (RE2 syntax): lookahead, lookbehind and backreferences are not available');
    }
  }
  if (q.type === 'text') textForms(q.accept, q.pattern, [...at, 'accept'], (path, message) => out.push({ file, path, severity: 'warning', message }));
  if (q.type === 'numeric' && q.tolerance && q.tolerance.abs === undefined && q.tolerance.rel === undefined) {
    err([...at, 'tolerance'], 'give abs and/or rel');
  }
  if (q.type === 'numeric' && q.decimals !== undefined && q.tolerance !== undefined) {
    err([...at, 'tolerance'], `decimals: ${q.decimals} already sets the tolerance (half a unit of the last decimal); remove tolerance`);
  }
  if (q.type === 'numeric' && q.decimals !== undefined) {
    const said = [q.prompt].flatMap((p) => (typeof p === 'string' ? [p] : [p.en ?? '', p.zh ?? '']))
      .some((p) => /\b(\d+|one|two|three|four)\s+decimals?\b|decimal places?|位小数/iu.test(p));
    if (said) out.push({ file, path: [...at, 'prompt'], severity: 'warning', message: 'the prompt states the decimals itself; with decimals: set, dlpath adds them in the learner\'s language: remove them from the prompt' });
  }
}

/**
 * A quiz whose single-choice answers lean on one choice id: more than half of its single-choice
 * questions, and at least 4 of them, have the same right id. In an answers file (or a template) a
 * learner gives ids, so writing that id everywhere would pass those questions without reading.
 */
export function answerLean(questions: readonly Question[]): { id: string; count: number; n: number } | undefined {
  const counts = new Map<string, number>();
  let n = 0;
  for (const q of questions) {
    if (q.type !== 'single') continue;
    n++;
    counts.set(q.answer, (counts.get(q.answer) ?? 0) + 1);
  }
  const [id, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ['', 0];
  return count >= 4 && count * 2 > n ? { id, count, n } : undefined;
}

/** Shell commands an answer may start with: a command is typed the same in every language. */
const COMMANDS = /^(conda|pip|pip3|python|python3|git|npm|npx|docker|nvidia-smi|torchrun|source|export|cd|ls|dlpath|jupyter|tensorboard)\b/;

/**
 * A text question accepts every right form a learner types: at least two (or a pattern), and one in
 * Chinese script, unless the answer is code, a formula or a command (a form with . ( ) = [ ] / ^ * +
 * or a digit, or one that starts with a shell command), which is typed the same in both languages.
 */
function textForms(accept: string[], pattern: string | undefined, at: KeyPath, warn: (path: KeyPath, message: string) => void): void {
  if (accept.length < 2 && pattern === undefined) {
    warn(at, 'only one accepted form: list every form a learner would type (synonyms, abbreviations, the Chinese term), or add a pattern');
  }
  const code = (a: string) => /^[\x20-\x7e]+$/.test(a) && (/[.()=[\]/`^*+\d]/.test(a) || COMMANDS.test(a.trim()));
  if (!accept.some((a) => /\p{Script=Han}/u.test(a)) && !accept.some(code)) {
    warn(at, 'no accepted form in Chinese script: a learner answering in Chinese would be marked wrong; add the Chinese term(s)');
  }
}

/**
 * Cross-checks the whole curriculum. `broken(file, item)` names the questions (q<i>) and tasks (t<i>)
 * whose shape is already reported as broken: they are left out here.
 */
export function crossCheck(c: Curriculum, broken: (file: string, item: string) => boolean = () => false): Problem[] {
  const out: Problem[] = [];
  const trackOf = new Map<string, string>();
  const trackIds = new Set<string>();
  c.tracks.forEach((t, ti) => {
    if (trackIds.has(t.id)) out.push({ file: ROOT_FILE, path: ['tracks', ti, 'id'], severity: 'error', message: `track id "${t.id}" is used twice` });
    trackIds.add(t.id);
    t.modules.forEach((id, mi) => {
      if (trackOf.has(id)) {
        out.push({ file: ROOT_FILE, path: ['tracks', ti, 'modules', mi], severity: 'error',
          message: `module "${id}" is already listed in track "${trackOf.get(id)}"` });
      } else trackOf.set(id, t.id);
    });
  });

  const byId = new Map(c.modules.map((m) => [m.id, m]));
  const position = new Map<string, number>();
  c.tracks.flatMap((t) => t.modules).forEach((id, i) => { if (!position.has(id)) position.set(id, i); });

  const questionIds = new Map<string, { file: string; at: KeyPath }>();
  const taskIds = new Map<string, string>();
  for (const m of c.modules) {
    const f = m.file;
    if (trackOf.has(m.id) && m.track !== trackOf.get(m.id)) {
      out.push({ file: f, path: ['track'], severity: 'error',
        message: `the module is listed in track "${trackOf.get(m.id)}" of ${ROOT_FILE}, not "${m.track}"` });
    } else if (!trackOf.has(m.id) && !trackIds.has(m.track)) {
      // A module folder no track lists: its track must at least exist.
      out.push({ file: f, path: ['track'], severity: 'error', message: `there is no track "${m.track}" in ${ROOT_FILE}${didYouMean(m.track, trackIds)}` });
    }
    m.requires.forEach((r, i) => {
      if (r === m.id) out.push({ file: f, path: ['requires', i], severity: 'error', message: 'a module cannot require itself' });
      else if (!trackOf.has(r)) {
        out.push({ file: f, path: ['requires', i], severity: 'error', message: byId.has(r)
          ? `module "${r}" is not listed in any track of ${ROOT_FILE}, so learners could never finish it`
          : `no module "${r}"${didYouMean(r, trackOf.keys())}` });
      }
      else if ((position.get(r) ?? 0) > (position.get(m.id) ?? 0)) {
        out.push({ file: f, path: ['requires', i], severity: 'warning',
          message: `"${r}" comes later in the path than "${m.id}": learners will meet this module locked` });
      }
    });
    const quiz = m.quiz;
    if (quiz) {
      quiz.questions.forEach((q, qi) => {
        if (broken(f, `q${qi}`)) return;
        const at: KeyPath = ['quiz', 'questions', qi];
        const prev = questionIds.get(q.id);
        if (prev) {
          out.push({ file: f, path: [...at, 'id'], severity: 'error', message: `question id "${q.id}" is already used in {where}`,
            where: { file: prev.file, path: [...prev.at, 'id'] } });
        } else questionIds.set(q.id, { file: f, at });
        checkAnswer(q, f, at, out);
      });
      const lean = answerLean(quiz.questions.filter((q, qi) => !broken(f, `q${qi}`)));
      if (lean) out.push({ file: f, path: ['quiz'], atKey: true, severity: 'warning', message: cm('answerLean', lean) });
      if (quiz.draw !== undefined && quiz.draw > quiz.questions.length) {
        out.push({ file: f, path: ['quiz', 'draw'], severity: 'error',
          message: `draws ${quiz.draw} questions from a bank of ${quiz.questions.length}` });
      }
    }
    m.tasks.forEach((t, ti) => {
      if (broken(f, `t${ti}`)) return;
      const prev = taskIds.get(t.id);
      if (prev) out.push({ file: f, path: ['tasks', ti, 'id'], severity: 'error', message: `task id "${t.id}" is already used in ${prev}` });
      else taskIds.set(t.id, f);
    });
  }

  out.push(...oneLanguageTexts(c));
  for (const cycle of findCycles(c.modules)) {
    if (cycle.length === 1) continue; // a module requiring itself is reported at its requires entry
    const first = byId.get(cycle[0])!;
    out.push({ file: first.file, path: ['requires'], severity: 'error',
      message: `prerequisite cycle: ${[...cycle, cycle[0]].join(' → ')}` });
  }
  return out;
}

/** Every learner-facing text of a module, with its key path. */
function moduleTexts(m: Module): Array<[KeyPath, LText | undefined]> {
  const out: Array<[KeyPath, LText | undefined]> = [[['title'], m.title], [['summary'], m.summary]];
  m.objectives?.forEach((o, i) => out.push([['objectives', i], o]));
  m.resources.forEach((r, i) => out.push([['resources', i, 'title'], r.title]));
  m.quiz?.questions.forEach((q, qi) => {
    const at: KeyPath = ['quiz', 'questions', qi];
    out.push([[...at, 'prompt'], q.prompt], [[...at, 'explanation'], q.explanation]);
    if ('choices' in q) q.choices.forEach((ch, ci) => out.push([[...at, 'choices', ci, 'text'], ch.text], [[...at, 'choices', ci, 'feedback'], ch.feedback]));
    if (q.type === 'true_false') out.push([[...at, 'feedback'], q.feedback]);
    if (q.type === 'numeric') out.push([[...at, 'unit'], q.unit]);
  });
  m.tasks.forEach((t, ti) => {
    out.push([['tasks', ti, 'title'], t.title]);
    t.hints.forEach((h, hi) => out.push([['tasks', ti, 'hints', hi], h]));
  });
  return out;
}

/**
 * In a course written in both languages (some text has en and zh), a plain string of English prose,
 * or a single lesson or brief file named for one language, is what a Chinese learner gets in
 * English: a warning (so --strict reports it). Language-neutral plain strings (names, code,
 * formulas, short labels) are fine.
 */
function oneLanguageTexts(c: Curriculum): Problem[] {
  const both = c.modules.some((m) => moduleTexts(m).some(([, t]) => t !== undefined && typeof t === 'object' && t.en && t.zh));
  if (!both) return [];
  const out: Problem[] = [];
  for (const m of c.modules) {
    for (const [p, t] of moduleTexts(m)) {
      if (typeof t === 'string' && isEnglishProse(t)) {
        out.push({ file: m.file, path: p, severity: 'warning',
          message: 'plain English text in a course written in both languages: a Chinese learner reads it in English. Write {en: ..., zh: ...} (a plain string is for text that reads the same in both)' });
      }
    }
    const files: Array<[KeyPath, LPath | undefined]> = [[['lesson'], m.lesson], ...m.tasks.map((t, ti): [KeyPath, LPath | undefined] => [['tasks', ti, 'brief'], t.brief])];
    for (const [p, f] of files) {
      const lang = typeof f === 'string' ? pathLanguage(f) : undefined;
      if (lang) {
        out.push({ file: m.file, path: p, severity: 'warning',
          message: `"${f}" is one file for both languages, and its name says ${lang}: learners of the other language get it too. Write {en: ..., zh: ...}` });
      }
    }
  }
  return out;
}

/**
 * Tests whose docstring has no "zh:" line: the learner reading Chinese would see their English name.
 * A warning at the test's `def` line.
 */
export function untranslatedTests(source: string, file: string): Problem[] {
  const lines = source.split('\n');
  const out: Problem[] = [];
  lines.forEach((line, i) => {
    const def = /^def (test_\w+)\s*\(/.exec(line);
    if (!def) return;
    const open = lines[i + 1]?.trim() ?? '';
    const quote = open.startsWith('"""') ? '"""' : open.startsWith("'''") ? "'''" : undefined;
    let zh = false;
    if (quote) {
      for (let j = i + 1; j < lines.length && j < i + 40; j++) {
        const text = j === i + 1 ? lines[j].trim().slice(3) : lines[j].trim();
        if (text.startsWith('zh:')) { zh = true; break; }
        if (text.includes(quote)) break;
      }
    }
    if (!zh) {
      out.push({ file, path: [], line: i + 1, column: 1, severity: 'warning',
        message: `${def[1]} has no Chinese name: add a line "zh: ..." to its docstring` });
    }
  });
  return out;
}

/** Each elementary cycle found by depth-first search, reported once. */
export function findCycles(modules: Module[]): string[][] {
  const byId = new Map(modules.map((m) => [m.id, m]));
  const state = new Map<string, 'open' | 'closed'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    stack.push(id);
    for (const r of byId.get(id)?.requires ?? []) {
      if (!byId.has(r)) continue;
      if (state.get(r) === 'open') cycles.push(stack.slice(stack.indexOf(r)));
      else if (!state.has(r)) visit(r);
    }
    stack.pop();
    state.set(id, 'closed');
  };
  for (const m of modules) if (!state.has(m.id)) visit(m.id);
  return cycles;
}

/** Problems sorted by file, then position, for reading top to bottom. */
export function sortProblems(ps: Problem[]): Problem[] {
  return [...ps].sort((a, b) => (a.file === b.file
    ? (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
    : a.file === ROOT_FILE ? -1 : b.file === ROOT_FILE ? 1 : a.file < b.file ? -1 : 1));
}

export function formatKeyPath(p: Array<string | number>): string {
  return p.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
}

export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line ?? 1}:${p.column ?? 1}`;
  const key = p.path.length ? `${formatKeyPath(p.path)}: ` : '';
  return `${where}: ${p.severity === 'error' ? '' : `${p.severity}: `}${key}${p.message}`;
}

/**
 * What the terminal renderer does not show as the author meant it: tables (their rows run together
 * as plain lines), LaTeX (printed as source), raw HTML (printed as tags). Warnings at their line, so
 * `validate --strict` reports them. Code blocks and code spans are left alone. A BOM is allowed.
 */
export function markdownProblems(text: string, file: string): Problem[] {
  const out: Problem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const warn = (i: number, message: string) => out.push({ file, path: [], line: i + 1, column: 1, severity: 'warning', message });
  let fence: string | undefined;
  let inMath = false;
  lines.forEach((raw, i) => {
    const f = /^\s*(```|~~~)/.exec(raw);
    if (f) { fence = fence ? (raw.trim().startsWith(fence) ? undefined : fence) : f[1]; return; }
    if (fence) return;
    const line = raw.replace(/`[^`]*`/g, '');
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(line) && i > 0 && lines[i - 1].includes('|')) {
      warn(i - 1, 'a Markdown table: the terminal shows its rows as plain lines with the | characters; use a list or a code block');
    }
    if (/\$\$/.test(line)) {
      if (!inMath) warn(i, 'LaTeX math ($$ … $$) is printed as its source in the terminal: write the formula in plain text or a code span');
      if ((line.match(/\$\$/g) ?? []).length % 2 === 1) inMath = !inMath;
    } else if (!inMath && (/\\\(|\\\[/.test(line) || /(^|[^\\$\w])\$[^$\s][^$]*\\[A-Za-z]+[^$]*\$/.test(line))) {
      warn(i, 'LaTeX math is printed as its source in the terminal: write the formula in plain text or a code span');
    }
    const tag = /<\/?(?:a|b|i|u|s|em|strong|br|hr|p|div|span|sub|sup|img|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|code|pre|kbd|details|summary|font|center)\b[^>]*>/i.exec(line);
    if (tag) warn(i, `raw HTML (${tag[0]}) is printed as it is in the terminal: use Markdown (**bold**, *italic*, lists) instead`);
  });
  return out;
}
