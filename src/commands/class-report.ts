/**
 * `dlpath class report`: the class, computed in SQL on the server (src/adapters/class/report.ts) from the
 * summaries the server keeps as events arrive; here only the course's steps go in and the three tables come out.
 */
import type { Context } from './context.js';
import { redact, type Client } from '../adapters/class/pg.js';
import { readClassReport, type ClassReport, type TrackSteps } from '../adapters/class/report.js';
import { moduleSteps } from '../core/path.js';
import { m } from '../i18n/class.js';

export async function classReport(ctx: Context, c: Client, url: string): Promise<ClassReport> {
  let tracks: TrackSteps[] = [];
  try {
    const { loadCurriculum } = await import('../adapters/curriculum/index.js');
    const ix = await loadCurriculum(ctx.curriculumDir, ctx.home, { stderr: ctx.stderr });
    tracks = ix.curriculum.tracks.map((t) => ({
      id: t.id,
      modules: t.modules.flatMap((id) => {
        const mod = ix.module(id);
        if (!mod) return [];
        const steps = moduleSteps(mod);
        return [{ id, lesson: steps.some((s) => s.kind === 'lesson'), quiz: steps.some((s) => s.kind === 'quiz'),
          required: steps.flatMap((s) => (s.kind === 'task' && s.task ? [s.task] : [])), tasks: mod.tasks.map((k) => k.id) }];
      }),
    }));
  } catch { /* without the course: no per-track figures */ }
  return readClassReport(c, tracks, ctx.clock().toISOString(), redact(url));
}

type Report = ClassReport;

/** A learner's progress per track and stuck signals, as the text and the page show them. */
function learnerCells(r: Report, l: Report['learners'][number]): { tr: string; stuck: string } {
  const tr = l.tracks.map((t) => m('repTrack', { track: t.track, percent: t.percent, q: t.quizzes_passed, qn: t.modules, t: t.tasks_passed, tn: t.tasks }))
    .join(m('repSep'));
  const stuck = [l.stuck.idle ? m('repIdle', { days: r.stuck_rules.idle_days }) : '',
    ...l.stuck.tasks.map((t) => m('repStuckTask', { task: t.task, n: t.failed_checks }))].filter(Boolean).join(m('repSep'));
  return { tr, stuck };
}

const pct = (x: unknown) => (typeof x === 'number' ? `${Math.round(x * 100)}%` : '-');

export function renderReport(r: Report): string {
  const out: string[] = [m('repLearners'), ''];
  for (const l of r.learners) {
    const { tr, stuck } = learnerCells(r, l);
    out.push(`  ${l.name}  ${m('repLast', { when: String(l.last_activity ?? m('repNever')) })}  ${tr}${stuck ? `  ${m('repStuck')}${stuck}` : ''}`);
  }
  out.push('', m('repQuestions'), '');
  for (const q of r.questions) {
    out.push(`  ${q.flagged ? '! ' : '  '}${q.module}/${q.question}  ${m('repQuestion', { n: q.answered, rate: pct(q.first_try_correct_rate), d: q.discrimination ?? '-' })}` +
      `${q.most_picked_wrong !== null ? `  ${m('repWrong', { answer: JSON.stringify(q.most_picked_wrong), share: pct(q.most_picked_wrong_share) })}` : ''}`);
  }
  out.push('', m('repTasks'), '');
  for (const t of r.tasks) {
    out.push(`  ${t.module}/${t.task}  ${m('repTask', { n: t.learners, rate: pct(t.pass_rate), median: t.median_checks_to_pass ?? '-', hints: t.hints_used, solutions: t.solutions_seen })}`);
  }
  return `${out.join('\n')}\n`;
}

const esc = (x: unknown) => String(x ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** One self-contained page (no script; a policy that loads nothing): the same three tables. */
export function renderHtml(r: Report, lang: string): string {
  const table = (head: string[], rows: string[][], flagged: boolean[] = []) =>
    `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((row, i) =>
      `<tr${flagged[i] ? ' class="flag"' : ''}>${row.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const learners = r.learners.map((l) => {
    const { tr, stuck } = learnerCells(r, l);
    return [String(l.name), String(l.last_activity ?? m('repNever')), tr, stuck];
  });
  const questions = r.questions.map((q) => [`${q.module}/${q.question}`, String(q.answered), pct(q.first_try_correct_rate),
    q.most_picked_wrong === null ? '-' : `${JSON.stringify(q.most_picked_wrong)} (${pct(q.most_picked_wrong_share)})`, String(q.discrimination ?? '-')]);
  const tasks = r.tasks.map((t) => [`${t.module}/${t.task}`, String(t.learners), pct(t.pass_rate), String(t.median_checks_to_pass ?? '-'),
    String(t.hints_used), String(t.solutions_seen)]);
  return ['<!doctype html>', `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(m('repTitle'))}</title>`,
    '<style>:root{color-scheme:light dark}body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem}',
    'table{border-collapse:collapse;width:100%;margin-bottom:2rem}th,td{border-bottom:1px solid #8884;padding:.3rem .5rem;text-align:left;vertical-align:top}',
    'tr.flag td:first-child::before{content:"! ";color:#c33;font-weight:bold}</style></head><body>',
    `<h1>${esc(m('repTitle'))}</h1><p>${esc(r.generated_at)}</p>`,
    `<h2>${esc(m('repLearners'))}</h2>`, table(m('repHeadLearners').split('|'), learners),
    `<h2>${esc(m('repQuestions'))}</h2>`, table(m('repHeadQuestions').split('|'), questions, r.questions.map((q) => Boolean(q.flagged))),
    `<h2>${esc(m('repTasks'))}</h2>`, table(m('repHeadTasks').split('|'), tasks), '</body></html>', ''].join('\n');
}
