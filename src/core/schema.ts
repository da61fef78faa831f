/**
 * The one description of the curriculum files: the loader validates against it, and
 * `npm run build` writes the JSON Schemas in schema/ from it, so the two never drift apart.
 */
import { suggest } from './suggest.js';
import { FORMAT_VERSION } from './model.js';

export { suggest };
export type KeyPath = Array<string | number>;

export type Schema =
  | { kind: 'string'; pattern?: string; patternHint?: string; enum?: readonly string[]; url?: boolean; description?: string }
  | { kind: 'number'; min?: number; max?: number; integer?: boolean; description?: string }
  | { kind: 'boolean'; description?: string }
  | { kind: 'text'; description?: string }
  | { kind: 'path'; ext?: string; description?: string }
  | { kind: 'array'; items: Schema; minItems?: number; description?: string }
  | ObjectSchema
  | { kind: 'tagged'; tag: string; variants: Record<string, ObjectSchema>; description?: string }
  | { kind: 'oneOf'; of: Schema[]; description?: string };

export interface ObjectSchema {
  kind: 'object';
  props: Record<string, { schema: Schema; required?: boolean }>;
  description?: string;
}

export interface ShapeProblem {
  path: KeyPath;
  message: string;
  severity: 'error' | 'warning';
  /** Point at the key itself (unknown keys) rather than its value. */
  atKey?: boolean;
}

// ------------------------------------------------------------------ building blocks

const ID = '^[a-z0-9]+(-[a-z0-9]+)*$';
const ITEM_ID = '^[a-z0-9][a-z0-9_.-]*$';
const str = (description?: string, extra: Partial<{ pattern: string; patternHint: string; enum: readonly string[]; url: boolean }> = {}): Schema =>
  ({ kind: 'string', description, ...extra });
const text = (description?: string): Schema => ({ kind: 'text', description });
const req = (schema: Schema) => ({ schema, required: true });
const opt = (schema: Schema) => ({ schema });
const obj = (props: ObjectSchema['props'], description?: string): ObjectSchema => ({ kind: 'object', props, description });
const arr = (items: Schema, description?: string, minItems?: number): Schema => ({ kind: 'array', items, description, minItems });

const kebabId = (what: string) => str(`${what} id: kebab-case, stable (progress is keyed by it)`,
  { pattern: ID, patternHint: 'kebab-case: lowercase letters, digits and single dashes, e.g. ml-linreg' });
const itemId = (what: string) => str(`${what} id: unique across the curriculum, stable (progress is keyed by it)`,
  { pattern: ITEM_ID, patternHint: 'lowercase letters, digits, "-", "_" or ".", starting with a letter or digit' });

const choice = obj({
  id: req(str('choice id, short and unique within the question (a, b, c ...)', { pattern: '^[A-Za-z0-9_-]+$', patternHint: 'letters, digits, "-" or "_"' })),
  text: req(text('the choice as the learner reads it')),
  feedback: opt(text('shown when a learner picks this (wrong) choice')),
  fixed: opt({ kind: 'boolean', description: 'keeps its place when choices are shuffled (e.g. "all of the above")' }),
});

const questionBase = {
  id: req(itemId('question')),
  type: req(str('question type', { enum: ['single', 'multiple', 'true_false', 'numeric', 'text', 'ordering'] })),
  prompt: req(text('the question')),
  explanation: opt(text('shown after the question is answered')),
  source: opt(str('where the fact comes from: paper, book or documentation, and year')),
};

const choices = req(arr(choice, 'the choices', 2));

export const questionSchema: Schema = {
  kind: 'tagged',
  tag: 'type',
  description: 'a quiz question',
  variants: {
    single: obj({ ...questionBase, choices, answer: req(str('the id of the right choice')) }),
    multiple: obj({ ...questionBase, choices, answer: req(arr(str(), 'the ids of every right choice', 1)) }),
    true_false: obj({
      ...questionBase,
      answer: req({ kind: 'boolean', description: 'true or false' }),
      feedback: opt(text('shown on a wrong answer')),
    }),
    numeric: obj({
      ...questionBase,
      answer: req({ kind: 'number', description: 'the right value' }),
      tolerance: opt(obj({
        abs: opt({ kind: 'number', min: 0, description: 'absolute tolerance' }),
        rel: opt({ kind: 'number', min: 0, description: 'relative tolerance' }),
      }, 'how far an answer may be from the right value')),
      decimals: opt({ kind: 'number', min: 0, max: 10, integer: true, description: 'ask for the answer to N decimals: dlpath adds "(N decimals)" to the prompt in the learner\'s language and accepts what rounds to the answer (tolerance: half a unit of the last decimal); do not give tolerance too' }),
      unit: opt(text('the unit, shown after the prompt')),
    }),
    text: obj({
      ...questionBase,
      accept: req(arr(str(), 'every right answer (compared after normalising case, spaces, width, dashes, ×, superscripts, spacing by Chinese text, hyphens, British spellings; one edit in a long word is a near miss)', 1)),
      pattern: opt(str('a regular expression an answer may match instead (case-insensitive)')),
    }),
    ordering: obj({ ...questionBase, choices, answer: req(arr(str(), 'every choice id, in the right order', 2)) }),
  },
};

const localizedPath = (ext: string, description: string): Schema => ({
  kind: 'oneOf', description,
  of: [
    { kind: 'path', ext },
    obj({ en: opt({ kind: 'path', ext }), zh: opt({ kind: 'path', ext }) }),
  ],
});

export const taskSchema: ObjectSchema = obj({
  id: req(itemId('task')),
  title: req(text('the task\'s title')),
  brief: opt(localizedPath('.md', 'the brief (Markdown), relative to the module folder')),
  starter: req({ kind: 'path', ext: '.py', description: 'the starter file copied to the learner\'s workspace' }),
  tests: req({ kind: 'path', ext: '.py', description: 'test_* functions run by dlpath\'s harness' }),
  solution: req({ kind: 'path', ext: '.py', description: 'the reference solution' }),
  hints: opt(arr(text(), 'hints, from a nudge to nearly the answer')),
  packages: opt(arr(str(undefined, { pattern: '^[A-Za-z0-9_.-]+$', patternHint: 'an importable Python package name' }), 'Python packages the task needs (import names)')),
  time_limit: opt({ kind: 'number', min: 1, max: 600, description: 'seconds for a whole check (default 10)' }),
  optional: opt({ kind: 'boolean', description: 'an optional task does not block the module (default false)' }),
  in_place: opt({ kind: 'boolean', description: 'the task\'s functions modify their array/list arguments by contract, so the harness does not fail a call that changes them (default false)' }),
}, 'a coding task');

export const moduleSchema: ObjectSchema = obj({
  id: req(kebabId('module')),
  title: req(text('the module\'s title')),
  track: req(str('the id of the track that lists this module')),
  requires: opt(arr(str(), 'ids of the modules to finish first')),
  estimated_minutes: opt({ kind: 'number', min: 1, max: 10000, integer: true, description: 'how long the module takes' }),
  summary: opt(text('one or two sentences on what the module is about')),
  objectives: opt(arr(text(), 'what the learner will be able to do')),
  lesson: opt(localizedPath('.md', 'the lesson (Markdown), relative to the module folder')),
  resources: opt(arr(obj({
    title: req(text()),
    url: req(str('https:// or http:// address', { url: true })),
  }), 'further reading')),
  quiz: opt(obj({
    pass_mark: opt({ kind: 'number', min: 0, max: 1, description: 'fraction right to pass (default 0.8)' }),
    draw: opt({ kind: 'number', min: 1, integer: true, description: 'ask this many questions drawn from the bank' }),
    questions: req(arr(questionSchema, 'the question bank')),
  }, 'the module\'s quiz')),
  tasks: opt(arr(taskSchema, 'coding tasks')),
}, 'a dlpath module (modules/<id>/module.yaml)');

export const curriculumSchema: ObjectSchema = obj({
  format_version: req({ kind: 'number', integer: true, min: 1, max: FORMAT_VERSION, description: `the curriculum format version (${FORMAT_VERSION}; a newer one needs a newer dlpath)` }),
  id: req(kebabId('curriculum')),
  title: req(text('the curriculum\'s title')),
  description: opt(text('one or two sentences on what the course teaches: shown by --help, the first `dlpath next` and doctor')),
  tracks: req(arr(obj({
    id: req(kebabId('track')),
    title: req(text('the track\'s title')),
    modules: req(arr(str(), 'module ids, in path order', 1)),
  }), 'tracks, in path order', 1)),
}, 'a dlpath curriculum (curriculum.yaml)');

// ------------------------------------------------------------------ validation

// C0 controls except tab, line feed and carriage return; DEL; C1 controls (ESC starts ANSI sequences).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function findControl(s: string): string | undefined {
  const hit = CONTROL.exec(s);
  if (!hit) return undefined;
  const c = hit[0].charCodeAt(0);
  return c === 0x1b ? 'an ANSI escape sequence (ESC)' : `a control character (U+${c.toString(16).toUpperCase().padStart(4, '0')})`;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'true/false';
  return typeof v;
}

function checkText(v: unknown, path: KeyPath, out: ShapeProblem[]): void {
  const one = (s: unknown, p: KeyPath) => {
    if (typeof s !== 'string') { out.push({ path: p, message: `expected text, got ${typeName(s)}`, severity: 'error' }); return; }
    const bad = findControl(s);
    if (bad) out.push({ path: p, message: `text contains ${bad}; remove it`, severity: 'error' });
    if (!s.trim()) out.push({ path: p, message: 'text is empty', severity: 'error' });
  };
  if (typeof v === 'string') { one(v, path); return; }
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const map = v as Record<string, unknown>;
    for (const k of Object.keys(map)) {
      if (k !== 'en' && k !== 'zh') {
        const hint = suggest(k, ['en', 'zh']);
        out.push({ path: [...path, k], atKey: true, severity: 'error',
          message: `unknown language "${k}": use en and zh${hint.length ? ` (did you mean ${hint[0]}?)` : ''}` });
      } else one(map[k], [...path, k]);
    }
    if (!('en' in map) && !('zh' in map)) out.push({ path, message: 'text needs en or zh', severity: 'error' });
    else for (const l of ['en', 'zh'] as const) {
      if (!(l in map)) out.push({ path, message: `no ${l === 'en' ? 'English (en)' : 'Chinese (zh)'} text`, severity: 'warning' });
    }
    return;
  }
  out.push({ path, message: `expected text (a string, or {en: ..., zh: ...}), got ${typeName(v)}`, severity: 'error' });
}

/** Checks value against schema; appends every problem found (it does not stop at the first). */
export function checkShape(value: unknown, schema: Schema, path: KeyPath, out: ShapeProblem[]): void {
  switch (schema.kind) {
    case 'string': {
      if (typeof value !== 'string') {
        // A single-choice answer given as a list: the author meant several right answers.
        const several = Array.isArray(value) && path[path.length - 1] === 'answer' ? ' (for several right answers use type: multiple)' : '';
        out.push({ path, message: `expected a string, got ${typeName(value)}${several}`, severity: 'error' });
        return;
      }
      const bad = findControl(value);
      if (bad) out.push({ path, message: `contains ${bad}; remove it`, severity: 'error' });
      if (schema.enum && !schema.enum.includes(value)) {
        const hint = suggest(value, schema.enum);
        out.push({ path, severity: 'error',
          message: `"${value}" is not one of ${schema.enum.join(', ')}${hint.length ? ` (did you mean ${hint[0]}?)` : ''}` });
      }
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) {
        out.push({ path, message: `"${value}" is not valid: ${schema.patternHint ?? `must match ${schema.pattern}`}`, severity: 'error' });
      }
      if (schema.url && !/^https?:\/\/[^\s]+$/.test(value)) {
        out.push({ path, message: `"${value}" is not an http(s) address`, severity: 'error' });
      }
      return;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) { out.push({ path, message: `expected a number, got ${typeName(value)}`, severity: 'error' }); return; }
      if (schema.integer && !Number.isInteger(value)) out.push({ path, message: `expected a whole number, got ${value}`, severity: 'error' });
      if (schema.min !== undefined && value < schema.min) out.push({ path, message: `must be at least ${schema.min}, got ${value}`, severity: 'error' });
      if (schema.max !== undefined && value > schema.max) out.push({ path, message: `must be at most ${schema.max}, got ${value}`, severity: 'error' });
      return;
    case 'boolean':
      if (typeof value !== 'boolean') out.push({ path, message: `expected true or false, got ${typeName(value)}`, severity: 'error' });
      return;
    case 'text':
      checkText(value, path, out);
      return;
    case 'path':
      if (typeof value !== 'string' || !value) { out.push({ path, message: `expected a file path, got ${typeName(value)}`, severity: 'error' }); return; }
      if (schema.ext && !value.endsWith(schema.ext)) out.push({ path, message: `"${value}" should be a ${schema.ext} file`, severity: 'error' });
      return;
    case 'array':
      if (!Array.isArray(value)) { out.push({ path, message: `expected a list, got ${typeName(value)}`, severity: 'error' }); return; }
      if (schema.minItems !== undefined && value.length < schema.minItems) {
        out.push({ path, message: `needs at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}, has ${value.length}`, severity: 'error' });
      }
      value.forEach((v, i) => checkShape(v, schema.items, [...path, i], out));
      return;
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        // The whole file is empty (or only comments): say so, and what it needs.
        const needs = Object.entries(schema.props).filter(([, p]) => p.required).map(([k]) => k);
        const empty = path.length === 0 && (value === null || value === undefined);
        out.push({ path, message: empty ? `the file is empty: it needs at least ${needs.join(', ')}` : `expected a map, got ${typeName(value)}`, severity: 'error' });
        return;
      }
      const map = value as Record<string, unknown>;
      for (const [k, p] of Object.entries(schema.props)) {
        if (!(k in map) || map[k] === null) {
          if (p.required) out.push({ path, message: `missing required key "${k}"`, severity: 'error' });
        } else checkShape(map[k], p.schema, [...path, k], out);
      }
      for (const k of Object.keys(map)) {
        if (!(k in schema.props)) {
          const hint = suggest(k, Object.keys(schema.props));
          out.push({ path: [...path, k], atKey: true, severity: 'error',
            message: `unknown key "${k}"${hint.length ? ` (did you mean "${hint[0]}"?)` : ''}` });
        }
      }
      return;
    }
    case 'tagged': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) { out.push({ path, message: `expected a map, got ${typeName(value)}`, severity: 'error' }); return; }
      const tag = (value as Record<string, unknown>)[schema.tag];
      const variant = typeof tag === 'string' ? schema.variants[tag] : undefined;
      if (!variant) {
        const names = Object.keys(schema.variants);
        if (tag === undefined) out.push({ path, message: `missing required key "${schema.tag}" (one of ${names.join(', ')})`, severity: 'error' });
        else {
          const hint = typeof tag === 'string' ? suggest(tag, names) : [];
          out.push({ path: [...path, schema.tag], severity: 'error',
            message: `"${String(tag)}" is not one of ${names.join(', ')}${hint.length ? ` (did you mean ${hint[0]}?)` : ''}` });
        }
        return;
      }
      checkShape(value, variant, path, out);
      return;
    }
    case 'oneOf': {
      for (const s of schema.of) {
        const trial: ShapeProblem[] = [];
        checkShape(value, s, path, trial);
        if (!trial.some((p) => p.severity === 'error')) { out.push(...trial); return; }
      }
      // Report against the alternative that matches the value's kind.
      const pick = typeof value === 'string' ? schema.of[0] : schema.of[schema.of.length - 1];
      checkShape(value, pick, path, out);
      return;
    }
  }
}

// ------------------------------------------------------------------ JSON Schema

type Json = Record<string, unknown>;

export function toJsonSchema(schema: Schema): Json {
  const d = schema.description ? { description: schema.description } : {};
  switch (schema.kind) {
    case 'string':
      return { type: 'string', ...d, ...(schema.enum ? { enum: [...schema.enum] } : {}),
        ...(schema.pattern ? { pattern: schema.pattern } : {}), ...(schema.url ? { pattern: '^https?://' } : {}) };
    case 'number':
      return { type: schema.integer ? 'integer' : 'number', ...d,
        ...(schema.min !== undefined ? { minimum: schema.min } : {}), ...(schema.max !== undefined ? { maximum: schema.max } : {}) };
    case 'boolean':
      return { type: 'boolean', ...d };
    case 'text':
      return { ...d, anyOf: [
        { type: 'string', minLength: 1 },
        { type: 'object', properties: { en: { type: 'string' }, zh: { type: 'string' } }, additionalProperties: false, minProperties: 1 },
      ] };
    case 'path':
      return { type: 'string', ...d, ...(schema.ext ? { pattern: `\\${schema.ext}$` } : {}) };
    case 'array':
      return { type: 'array', ...d, items: toJsonSchema(schema.items), ...(schema.minItems ? { minItems: schema.minItems } : {}) };
    case 'object': {
      const properties: Json = {};
      const required: string[] = [];
      for (const [k, p] of Object.entries(schema.props)) {
        properties[k] = toJsonSchema(p.schema);
        if (p.required) required.push(k);
      }
      return { type: 'object', ...d, properties, ...(required.length ? { required } : {}), additionalProperties: false };
    }
    case 'tagged': {
      // The tag picks the branch (if/then), so one mistake gives an editor one error, in the right branch.
      const names = Object.keys(schema.variants);
      return { ...d, type: 'object', required: [schema.tag], properties: { [schema.tag]: { enum: names } },
        allOf: Object.entries(schema.variants).map(([name, v]) => {
          const js = toJsonSchema(v) as { properties: Json };
          js.properties = { ...js.properties, [schema.tag]: { const: name } };
          return { if: { properties: { [schema.tag]: { const: name } }, required: [schema.tag] }, then: js };
        }) };
    }
    case 'oneOf':
      return { ...d, anyOf: schema.of.map(toJsonSchema) };
  }
}

export function documentSchema(schema: ObjectSchema, id?: string): Json {
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...(id ? { $id: id } : {}), title: schema.description, ...toJsonSchema(schema) };
}

/**
 * The JSON Schema files, by file name, each with a stable `$id` naming the format version it
 * describes (a URN: an identifier, not an address to fetch). Written to schema/ by `npm run schema`
 * and next to a course by `dlpath schema --out <dir>`.
 */
export function jsonSchemaFiles(): Record<string, Json> {
  return {
    'curriculum.schema.json': documentSchema(curriculumSchema, `urn:dlpath:format-${FORMAT_VERSION}:curriculum`),
    'module.schema.json': documentSchema(moduleSchema, `urn:dlpath:format-${FORMAT_VERSION}:module`),
  };
}
