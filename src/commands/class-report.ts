/**
 * `dlpath class report`: the class, computed in SQL on the server (src/adapters/class/report.ts) from the
 * summaries the server keeps as events arrive; here only the course's steps go in and the three tables come out.
 */
import type { Context } from './context.js';
import { redact, type Client } from '../adapters/class/pg.js';
import { readClassReport, type ClassReport, type TrackSteps } from '../adapters/class/report.js';
import { moduleSteps } from '../core/path.js';
import { m } from '../i18n/class.js';
import { pick } from '../i18n/index.js';
import { displayWidth, fitColumns, padDisplay } from '../adapters/ui/markdown.js';
import type { CurriculumIndex } from '../core/model.js';

/** The report, with what the course says of its ids: track titles, question prompts, the wrong choice's text. */
export type Report = ClassReport;

/** Markdown as one line of plain text (for a table cell). */
const oneLine = (md: string) => md.replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim();

export async function classReport(ctx: Context, c: Client, url: string): Promise<Report> {
  let tracks: TrackSteps[] = [];
  let ix: CurriculumIndex | undefined;
  try {
    const { loadCurriculum } = await import('../adapters/curriculum/index.js');
    ix = await loadCurriculum(ctx.curriculumDir, ctx.home, { stderr: ctx.stderr });
    const course = ix;
    tracks = course.curriculum.tracks.map((t) => ({
      id: t.id,
      modules: t.modules.flatMap((id) => {
        const mod = course.module(id);
        if (!mod) return [];
        const steps = moduleSteps(mod);
        return [{ id, lesson: steps.some((s) => s.kind === 'lesson'), quiz: steps.some((s) => s.kind === 'quiz'),
          required: steps.flatMap((s) => (s.kind === 'task' && s.task ? [s.task] : [])), tasks: mod.tasks.map((k) => k.id) }];
      }),
    }));
  } catch { /* without the course: no per-track figures, ids only */ }
  const r: Report = await readClassReport(c, tracks, ctx.clock().toISOString(), redact(url));
  if (!ix) return r;
  const course = ix;
  const titles = new Map(course.curriculum.tracks.map((t) => [t.id, pick(t.title)]));
  for (const l of r.learners) for (const t of l.tracks) t.title = titles.get(t.track) ?? t.track;
  for (const q of r.questions) {
    const question = course.module(q.module)?.quiz?.questions.find((x) => x.id === q.question);
    if (!question) continue;
    q.prompt = oneLine(pick(question.prompt));
    q.most_picked_wrong_text = null;
    if ((question.type === 'single' || question.type === 'multiple') && q.most_picked_wrong !== null) {
      const ids = Array.isArray(q.most_picked_wrong) ? q.most_picked_wrong : [q.most_picked_wrong];
      const texts = ids.map((id) => question.choices.find((ch) => ch.id === id));
      if (texts.every(Boolean)) q.most_picked_wrong_text = texts.map((ch) => oneLine(pick(ch!.text))).join(' + ');
    }
  }
  return r;
}


/** An ISO time as a reader wants it: 2026-12-05 01:15 UTC. */
const when = (iso: string | null | undefined) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : m('repNever'));

/** A learner's progress per track and stuck signals, as the text and the page show them. */
function learnerCells(r: Report, l: Report['learners'][number]): { name: string; tr: string; stuck: string } {
  const name = l.revoked_at ? `${l.name} ${m('repRevoked', { when: when(l.revoked_at) })}` : l.name;
  const tr = l.tracks.map((t) => m(t.tasks ? 'repTrack' : 'repTrackNoTasks',
    { track: t.title ?? t.track, percent: t.percent, q: t.quizzes_passed, qn: t.modules, t: t.tasks_passed, tn: t.tasks })).join(m('repSep'));
  const stuck = [l.stuck.idle ? m('repIdle', { days: r.stuck_rules.idle_days }) : '',
    ...l.stuck.tasks.map((t) => m('repStuckTask', { task: t.task, n: t.failed_checks }))].filter(Boolean).join(m('repSep'));
  return { name, tr, stuck };
}

/** The wrong answer picked most, with its choice's text when the course has it. */
function wrongAnswer(q: Report['questions'][number]): string {
  const id = JSON.stringify(q.most_picked_wrong);
  return q.most_picked_wrong_text ? `${id} ${q.most_picked_wrong_text}` : id;
}

const pct = (x: unknown) => (typeof x === 'number' ? `${Math.round(x * 100)}%` : '-');

/** The report for a terminal `columns` wide: each question's prompt on a line of its own, cut to fit. */
export function renderReport(r: Report, columns = 80): string {
  const out: string[] = [`${m('repTitle')}  ${when(r.generated_at)}`, '', m('repLearners'), ''];
  const rows = r.learners.map((l) => learnerCells(r, l));
  const nameWidth = Math.max(0, ...rows.map((x) => displayWidth(x.name)));
  r.learners.forEach((l, i) => {
    const { name, tr, stuck } = rows[i];
    out.push(`  ${padDisplay(name, nameWidth)}  ${m('repLast', { when: when(l.last_activity) })}  ${tr}${stuck ? `  ${m('repStuck')}${stuck}` : ''}`);
  });
  if (!r.learners.length) out.push(`  ${m('repNoLearners')}`);
  out.push('', m('repQuestions'), '');
  for (const q of r.questions) {
    out.push(`  ${q.flagged ? '! ' : '  '}${q.module}/${q.question}  ${m('repQuestion', { n: q.answered, rate: pct(q.first_try_correct_rate), d: q.discrimination ?? '-' })}` +
      `${q.most_picked_wrong !== null ? `  ${m('repWrong', { answer: wrongAnswer(q), share: pct(q.most_picked_wrong_share) })}` : ''}`);
    if (q.prompt) out.push(`      ${fitColumns(q.prompt, Math.max(20, columns - 7))}`);
  }
  if (!r.questions.length) out.push(`  ${m('repNoQuestions')}`);
  out.push('', m('repTasks'), '');
  for (const t of r.tasks) {
    out.push(`  ${t.module}/${t.task}  ${m('repTask', { n: t.learners, rate: pct(t.pass_rate), median: t.median_checks_to_pass ?? '-', hints: t.hints_used, solutions: t.solutions_seen })}`);
  }
  if (!r.tasks.length) out.push(`  ${m('repNoTasks')}`);
  return `${out.join('\n')}\n`;
}

const esc = (x: unknown) => String(x ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** One self-contained page (no script; a policy that loads nothing): the same three tables. */
export function renderHtml(r: Report, lang: string): string {
  /** Rows of cells already escaped; an empty table says so in one row. */
  const table = (head: string[], rows: string[][], empty: string, flagged: boolean[] = []) =>
    `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.length ? rows.map((row, i) =>
      `<tr${flagged[i] ? ' class="flag"' : ''}>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')
      : `<tr><td colspan="${head.length}" class="none">${esc(empty)}</td></tr>`}</tbody></table>`;
  const learners = r.learners.map((l) => {
    const { name, tr, stuck } = learnerCells(r, l);
    return [esc(name), esc(when(l.last_activity)), esc(tr), esc(stuck)];
  });
  const questions = r.questions.map((q) => [
    `${esc(`${q.module}/${q.question}`)}${q.prompt ? `<div class="prompt">${esc(q.prompt)}</div>` : ''}`,
    esc(q.answered), esc(pct(q.first_try_correct_rate)),
    q.most_picked_wrong === null ? '-' : esc(`${wrongAnswer(q)} (${pct(q.most_picked_wrong_share)})`), esc(q.discrimination ?? '-')]);
  const tasks = r.tasks.map((t) => [`${t.module}/${t.task}`, String(t.learners), pct(t.pass_rate), String(t.median_checks_to_pass ?? '-'),
    String(t.hints_used), String(t.solutions_seen)].map(esc));
  return ['<!doctype html>', `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(m('repTitle'))}</title>`,
    '<style>:root{color-scheme:light dark}body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem}',
    'table{border-collapse:collapse;width:100%;margin-bottom:2rem}th,td{border-bottom:1px solid #8884;padding:.3rem .5rem;text-align:left;vertical-align:top}',
    '.prompt{font-size:.85em;opacity:.75;max-width:32rem}td.none{opacity:.75;font-style:italic}',
    'tr.flag td:first-child::before{content:"! ";color:#c33;font-weight:bold}</style></head><body>',
    `<h1>${esc(m('repTitle'))}</h1><p>${esc(when(r.generated_at))}</p>`,
    `<h2>${esc(m('repLearners'))}</h2>`, table(m('repHeadLearners').split('|'), learners, m('repNoLearners')),
    `<h2>${esc(m('repQuestions'))}</h2>`, table(m('repHeadQuestions').split('|'), questions, m('repNoQuestions'), r.questions.map((q) => Boolean(q.flagged))),
    `<h2>${esc(m('repTasks'))}</h2>`, table(m('repHeadTasks').split('|'), tasks, m('repNoTasks')), '</body></html>', ''].join('\n');
}
