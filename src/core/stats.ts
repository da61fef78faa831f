/** Counts for `validate --json`: what a curriculum holds and how much of it exists in each language. */
import { QUESTION_TYPES, type Curriculum, type LPath, type LText, type Module, type QuestionType } from './model.js';

export interface Coverage { texts: number; en: number; zh: number }

export interface ModuleStats {
  id: string;
  lesson: { en: boolean; zh: boolean };
  questions: number;
  tasks: number;
  coverage: Coverage;
}

export interface CurriculumStats {
  tracks: number;
  modules: number;
  lessons: { en: number; zh: number };
  questions: number;
  questions_by_type: Record<QuestionType, number>;
  tasks: number;
  hints: number;
  coverage: Coverage & { en_percent: number; zh_percent: number };
  per_module: ModuleStats[];
}

/**
 * A plain string that is English prose, not language-neutral: three or more words of Latin letters,
 * no Chinese, nothing that looks like code or a formula. Shown as it is to a Chinese learner.
 */
export function isEnglishProse(s: string): boolean {
  if (/[\u3000-\u9fff\uff00-\uffef]/.test(s) || /[()=[\]{}_<>\\`;$^|]/.test(s)) return false;
  return (s.match(/(?:^|\s)[A-Za-z][a-z'’-]+(?=[\s,.:;!?]|$)/g) ?? []).length >= 3;
}

/** A plain lesson or brief path written for one language (lesson.en.md): that language only. */
export function pathLanguage(p: string): 'en' | 'zh' | undefined {
  const hit = /[._-](en|zh)\.md$/i.exec(p);
  return hit ? (hit[1].toLowerCase() as 'en' | 'zh') : undefined;
}

function countText(t: LText | undefined, c: Coverage): void {
  if (t === undefined) return;
  c.texts++;
  // A plain string counts for both languages, unless it is English prose (one language, shown to both).
  if (typeof t === 'string') { c.en++; if (!isEnglishProse(t)) c.zh++; return; }
  if (t.en) c.en++;
  if (t.zh) c.zh++;
}

function hasLang(p: LPath | undefined, lang: 'en' | 'zh'): boolean {
  if (p === undefined) return false;
  if (typeof p === 'string') return (pathLanguage(p) ?? lang) === lang;
  return Boolean(p[lang]);
}

function moduleStats(m: Module): ModuleStats {
  const c: Coverage = { texts: 0, en: 0, zh: 0 };
  countText(m.title, c);
  countText(m.summary, c);
  m.objectives?.forEach((o) => countText(o, c));
  m.resources.forEach((r) => countText(r.title, c));
  for (const q of m.quiz?.questions ?? []) {
    countText(q.prompt, c);
    countText(q.explanation, c);
    if ('choices' in q) q.choices.forEach((ch) => { countText(ch.text, c); countText(ch.feedback, c); });
    if (q.type === 'true_false') countText(q.feedback, c);
    if (q.type === 'numeric') countText(q.unit, c);
  }
  for (const t of m.tasks) {
    countText(t.title, c);
    t.hints.forEach((h) => countText(h, c));
    if (t.brief !== undefined) { c.texts++; if (hasLang(t.brief, 'en')) c.en++; if (hasLang(t.brief, 'zh')) c.zh++; }
  }
  if (m.lesson !== undefined) { c.texts++; if (hasLang(m.lesson, 'en')) c.en++; if (hasLang(m.lesson, 'zh')) c.zh++; }
  return {
    id: m.id,
    lesson: { en: hasLang(m.lesson, 'en'), zh: hasLang(m.lesson, 'zh') },
    questions: m.quiz?.questions.length ?? 0,
    tasks: m.tasks.length,
    coverage: c,
  };
}

export function curriculumStats(c: Curriculum): CurriculumStats {
  const per = c.modules.map(moduleStats);
  const byType = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<QuestionType, number>;
  for (const m of c.modules) for (const q of m.quiz?.questions ?? []) byType[q.type]++;
  const cov = per.reduce((a, s) => ({ texts: a.texts + s.coverage.texts, en: a.en + s.coverage.en, zh: a.zh + s.coverage.zh }),
    { texts: 0, en: 0, zh: 0 });
  const pct = (n: number) => (cov.texts ? Math.round((1000 * n) / cov.texts) / 10 : 100);
  return {
    tracks: c.tracks.length,
    modules: c.modules.length,
    lessons: { en: per.filter((s) => s.lesson.en).length, zh: per.filter((s) => s.lesson.zh).length },
    questions: per.reduce((a, s) => a + s.questions, 0),
    questions_by_type: byType,
    tasks: per.reduce((a, s) => a + s.tasks, 0),
    hints: c.modules.reduce((a, m) => a + m.tasks.reduce((b, t) => b + t.hints.length, 0), 0),
    coverage: { ...cov, en_percent: pct(cov.en), zh_percent: pct(cov.zh) },
    per_module: per,
  };
}
