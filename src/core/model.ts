/**
 * The curriculum as dlpath uses it: the YAML shapes of format 1 after validation, with defaults
 * filled in. Keys keep the YAML spelling so that a message's key path is the author's key path.
 */
import type { LText } from '../i18n/index.js';
export type { LText };

export const FORMAT_VERSION = 1;

/** A path relative to the module's folder, one per language or one for both. */
export type LPath = string | { en?: string; zh?: string };

export interface Curriculum {
  /** Absolute path of the curriculum folder. */
  dir: string;
  format_version: number;
  id: string;
  title: LText;
  /** What the course teaches, in a sentence or two (--help, the first `dlpath next`, doctor). */
  description?: LText;
  tracks: Track[];
  modules: Module[];
}

export interface Track {
  id: string;
  title: LText;
  modules: string[];
}

export interface Resource { title: LText; url: string }

export interface Module {
  id: string;
  title: LText;
  track: string;
  requires: string[];
  estimated_minutes?: number;
  summary?: LText;
  objectives?: LText[];
  lesson?: LPath;
  resources: Resource[];
  quiz?: Quiz;
  tasks: Task[];
  /** The module file, relative to the curriculum folder (modules/<id>/module.yaml). */
  file: string;
}

export interface Quiz {
  pass_mark: number;
  draw?: number;
  questions: Question[];
  /** The number of questions, known without reading them (a compiled course reads them when used). */
  count?: number;
}

/** How many questions a quiz's bank holds. */
export function bankSize(q: Quiz): number {
  return q.count ?? q.questions.length;
}

export interface Choice {
  id: string;
  text: LText;
  feedback?: LText;
  fixed?: boolean;
}

interface QuestionBase {
  id: string;
  prompt: LText;
  explanation?: LText;
  source?: string;
}
export interface SingleQuestion extends QuestionBase { type: 'single'; choices: Choice[]; answer: string }
export interface MultipleQuestion extends QuestionBase { type: 'multiple'; choices: Choice[]; answer: string[] }
export interface TrueFalseQuestion extends QuestionBase { type: 'true_false'; answer: boolean; feedback?: LText }
export interface NumericQuestion extends QuestionBase {
  type: 'numeric';
  answer: number;
  tolerance?: { abs?: number; rel?: number };
  /** The answer is asked to N decimals: dlpath writes "(N decimals)" after the prompt, and the tolerance is half a unit of the last decimal. */
  decimals?: number;
  unit?: LText;
}
export interface TextQuestion extends QuestionBase { type: 'text'; accept: string[]; pattern?: string }
export interface OrderingQuestion extends QuestionBase { type: 'ordering'; choices: Choice[]; answer: string[] }

export type Question =
  | SingleQuestion | MultipleQuestion | TrueFalseQuestion | NumericQuestion | TextQuestion | OrderingQuestion;
export type QuestionType = Question['type'];
export const QUESTION_TYPES: readonly QuestionType[] = ['single', 'multiple', 'true_false', 'numeric', 'text', 'ordering'];

export interface Task {
  id: string;
  title: LText;
  brief?: LPath;
  starter: string;
  tests: string;
  solution: string;
  hints: LText[];
  packages: string[];
  time_limit: number;
  optional: boolean;
  /** The task's functions change their arguments by contract: the harness does not check that they leave them alone. */
  in_place: boolean;
}

export const DEFAULT_PASS_MARK = 0.8;
export const DEFAULT_TIME_LIMIT = 10;

/** Look-ups over a loaded curriculum. */
export interface CurriculumIndex {
  curriculum: Curriculum;
  module(id: string): Module | undefined;
  task(id: string): { module: Module; task: Task } | undefined;
  question(id: string): { module: Module; question: Question } | undefined;
  /** Modules in path order (track order, then the order within the track). */
  ordered: Module[];
}

/**
 * `questionModules`: which module holds each question (asked on the first look-up by id), when the
 * questions themselves are read only when used (a compiled course); without it, every module's
 * questions are indexed now.
 */
export function indexCurriculum(c: Curriculum, questionModules?: () => Map<string, Module>): CurriculumIndex {
  const modules = new Map(c.modules.map((m) => [m.id, m]));
  const tasks = new Map<string, { module: Module; task: Task }>();
  const questions = new Map<string, { module: Module; question: Question }>();
  for (const m of c.modules) {
    for (const t of m.tasks) tasks.set(t.id, { module: m, task: t });
    if (!questionModules) for (const q of m.quiz?.questions ?? []) questions.set(q.id, { module: m, question: q });
  }
  const question = (id: string) => {
    if (!questionModules) return questions.get(id);
    const m = questionModules().get(id);
    if (!m) return undefined;
    const q = m.quiz?.questions.find((x) => x.id === id);
    return q && { module: m, question: q };
  };
  const ordered: Module[] = [];
  for (const tr of c.tracks) for (const id of tr.modules) {
    const m = modules.get(id);
    if (m) ordered.push(m);
  }
  return {
    curriculum: c,
    module: (id) => modules.get(id),
    task: (id) => tasks.get(id),
    question,
    ordered,
  };
}

/** A module with nothing to do yet: no lesson, no quiz, no tasks. */
export function isComingSoon(m: Module): boolean {
  return !m.lesson && !m.quiz && m.tasks.length === 0;
}
