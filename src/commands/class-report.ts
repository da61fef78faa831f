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
import { displayWidth, fitColumns, padDisplay, wrap } from '../adapters/ui/markdown.js';
import type { CurriculumIndex, Module } from '../core/model.js';

/** The report, with what the course says of its ids: track titles, question prompts, the wrong choice's text. */
export type Report = ClassReport;

/** Markdown as one line of plain text (for a table cell). */
const oneLine = (md: string) => md.replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim();

export async function classReport(ctx: Context, c: Client, url: string): Promise<Report> {
  let tracks: TrackSteps[] = [];
  let all: TrackSteps['modules'] | undefined;
  let ix: CurriculumIndex | undefined;
  try {
    const { loadCurriculum } = await import('../adapters/curriculum/index.js');
    ix = await loadCurriculum(ctx.curriculumDir, ctx.home, { stderr: ctx.stderr });
    const course = ix;
    const stepsOf = (mod: Module) => {
      const steps = moduleSteps(mod);
      return { id: mod.id, lesson: steps.some((s) => s.kind === 'lesson'), quiz: steps.some((s) => s.kind === 'quiz'),
        required: steps.flatMap((s) => (s.kind === 'task' && s.task ? [s.task] : [])), tasks: mod.tasks.map((k) => k.id) };
    };
    tracks = course.curriculum.tracks.map((t) => ({
      id: t.id,
      modules: t.modules.flatMap((id) => { const mod = course.module(id); return mod ? [stepsOf(mod)] : []; }),
    }));
    // Every module once, as progress's summary counts them.
    all = course.ordered.map(stepsOf);
  } catch { /* without the course: no per-track figures, ids only */ }
  const r: Report = await readClassReport(c, tracks, ctx.clock().toISOString(), redact(url), all, ix?.curriculum.id);
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

/** A learner's progress per track and stuck signals, as the page shows them. */
function learnerCells(r: Report, l: Report['learners'][number]): { name: string; tr: string; stuck: string } {
  const name = l.revoked_at ? `${l.name} ${m('repRevoked', { when: when(l.revoked_at) })}` : l.name;
  const tr = l.tracks.map((t) => m(t.tasks ? 'repTrack' : 'repTrackNoTasks',
    { track: t.title ?? t.track, percent: t.percent, q: t.quizzes_passed, qn: t.modules, t: t.tasks_passed, tn: t.tasks })).join(m('repSep'));
  const stuck = [l.stuck.idle ? m('repIdle', { days: r.stuck_rules.idle_days }) : '',
    ...l.stuck.tasks.map((t) => m('repStuckTask', { task: t.task, n: t.failed_checks }))].filter(Boolean).join(m('repSep'));
  return { name, tr, stuck };
}

/**
 * The order a teacher reads learners in (text and page; --json keeps the server's, by name): those stuck on
 * a task, then the idle, then the others, each by name; revoked learners last.
 */
function teacherOrder(r: Report): Report['learners'] {
  const rank = (l: Report['learners'][number]) => (l.revoked_at ? 3 : l.stuck.tasks.length ? 0 : l.stuck.idle ? 1 : 2);
  return [...r.learners].sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The report's first line: how many learners, how many stuck and why, how many revoked. */
function summaryLine(r: Report): string {
  const s = r.summary;
  return m('repSummary', { n: s.learners, stuck: s.stuck, idle: s.idle, tasks: s.stuck_on_tasks,
    days: r.stuck_rules.idle_days, fails: r.stuck_rules.failed_checks_without_pass })
    + (s.not_started ? m('repSummaryNotStarted', { n: s.not_started }) : '')
    + (s.revoked ? m('repSummaryRevoked', { n: s.revoked }) : '');
}

/** Whole days from an ISO time to another. */
const daysBetween = (from: string, to: string) => Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000));

/** A learner as one terminal line's cells: name, last active day, done, the track they are on, what is wrong. */
function learnerLine(r: Report, l: Report['learners'][number]): string[] {
  const on = l.tracks.find((t) => t.percent < 100);
  const now = !l.tracks.length ? '-' : on ? `${on.title ?? on.track} ${on.percent}%` : m('repAllDone');
  const notes = [
    ...l.stuck.tasks.map((t) => m('repStuckTaskShort', { task: t.task, n: t.failed_checks })),
    l.stuck.idle && !l.revoked_at ? (l.last_activity ? m('repIdleDays', { days: daysBetween(l.last_activity, r.generated_at) }) : m('repNeverActive')) : '',
    !l.stuck.idle && !l.revoked_at && !l.last_activity ? m('repNotStarted') : '',
    l.revoked_at ? m('repRevokedShort', { when: l.revoked_at.slice(0, 10) }) : '',
  ].filter(Boolean).join(m('listSep'));
  return [l.name, l.last_activity ? l.last_activity.slice(0, 10) : m('repNever'), l.percent === null ? '-' : `${l.percent}%`, now, notes];
}

/**
 * Rows as columns as wide as their widest cell (numbers right-aligned), in `columns` terminal columns: the
 * columns that matter least go first (`drop`, highest first) until a row fits; the last column is cut to the room left.
 */
function table(head: string[], rows: string[][], columns: number, drop: number[], right: boolean[]): string[] {
  let keep = head.map((_, i) => i);
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i]))));
  // The last column is cut to the room left: to fit, it counts for its header and a few words at most.
  const need = (i: number) => (i === keep[keep.length - 1] ? Math.min(widths[i], Math.max(displayWidth(head[i]), 24)) : widths[i]);
  const width = () => 2 + keep.reduce((a, i) => a + need(i), 0) + 2 * (keep.length - 1);
  for (const level of [...new Set(drop.filter((d) => d > 0))].sort((a, b) => b - a)) {
    if (width() <= columns - 1) break;
    keep = keep.filter((i) => drop[i] !== level);
  }
  const last = keep[keep.length - 1];
  const room = Math.max(displayWidth(head[last]), columns - 1 - (width() - need(last)));
  const line = (cells: string[]) => `  ${keep.map((i) => {
    const c = i === last ? fitColumns(cells[i], room) : cells[i];
    const w = i === last ? Math.min(widths[i], room) : widths[i];
    return right[i] ? ' '.repeat(Math.max(0, w - displayWidth(c))) + c : padDisplay(c, w);
  }).join('  ')}`.trimEnd();
  return [line(head), ...rows.map(line)];
}

/** The wrong answer picked most, with its choice's text when the course has it. */
function wrongAnswer(q: Report['questions'][number]): string {
  const id = JSON.stringify(q.most_picked_wrong);
  return q.most_picked_wrong_text ? `${id} ${q.most_picked_wrong_text}` : id;
}

const pct = (x: unknown) => (typeof x === 'number' ? `${Math.round(x * 100)}%` : '-');

/**
 * The report for a terminal `columns` wide: a summary line; one line per learner (stuck first), in columns
 * fitted to the width; each question on a line, with its prompt and the wrong answer picked most under it,
 * cut to fit, and what D and ! mean; the tasks as a table.
 */
export function renderReport(r: Report, columns = 80): string {
  const cols = Math.max(40, columns);
  const out: string[] = [`${m('repTitle')}  ${when(r.generated_at)}`, ...wrap(summaryLine(r), cols - 1), '', m('repLearnersOrder')];
  if (r.learners.length) {
    if (r.learners.some((l) => l.tracks.length)) out.push(...wrap(m('repLearnersNote'), cols - 1, '  '));
    out.push('', ...table(m('repCols').split('|'), teacherOrder(r).map((l) => learnerLine(r, l)), cols, [0, 3, 0, 2, 0], [false, false, true, false, false]));
  } else out.push('', `  ${m('repNoLearners')}`);
  out.push('', m('repQuestions'), ...wrap(m('repDLegend'), cols - 1, '  '), '');
  for (const q of r.questions) {
    const id = `  ${q.flagged ? '! ' : '  '}${q.module}/${q.question}`;
    const figures = m('repQuestion', { n: q.answered, rate: pct(q.first_try_correct_rate), d: q.discrimination ?? '-' });
    // The figures on the id's line when they fit, else on a line of their own (never cut).
    if (displayWidth(`${id}  ${figures}`) <= cols - 1) out.push(`${id}  ${figures}`);
    else out.push(fitColumns(id, cols - 1), `      ${figures}`);
    if (q.prompt) out.push(`      ${fitColumns(q.prompt, cols - 7)}`);
    if (q.most_picked_wrong !== null) out.push(`      ${fitColumns(m('repWrongLine', { answer: wrongAnswer(q), share: pct(q.most_picked_wrong_share) }), cols - 7)}`);
  }
  if (!r.questions.length) out.push(`  ${m('repNoQuestions')}`);
  out.push('', m('repTasks'), '');
  if (r.tasks.length) {
    out.push(...table(m('repColsTasks').split('|'), r.tasks.map((t) => [t.task, String(t.learners), pct(t.pass_rate),
      String(t.median_checks_to_pass ?? '-'), String(t.hints_used), String(t.solutions_seen)]), cols, [0, 0, 0, 1, 3, 2], [false, true, true, true, true, true]));
  } else out.push(`  ${m('repNoTasks')}`);
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
  const learners = teacherOrder(r).map((l) => {
    const { name, tr, stuck } = learnerCells(r, l);
    return [esc(name), esc(when(l.last_activity)), esc(l.percent === null ? '-' : `${l.percent}%`), esc(tr), esc(stuck)];
  });
  const questions = r.questions.map((q) => [
    `${esc(`${q.module}/${q.question}`)}${q.prompt ? `<div class="prompt">${esc(q.prompt)}</div>` : ''}`,
    esc(q.answered), esc(pct(q.first_try_correct_rate)),
    q.most_picked_wrong === null ? '-' : esc(`${wrongAnswer(q)} (${pct(q.most_picked_wrong_share)})`), esc(q.discrimination ?? '-')]);
  const tasks = r.tasks.map((t) => [t.task, String(t.learners), pct(t.pass_rate), String(t.median_checks_to_pass ?? '-'),
    String(t.hints_used), String(t.solutions_seen)].map(esc));
  return ['<!doctype html>', `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(m('repTitle'))}</title>`,
    '<style>:root{color-scheme:light dark}body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem}',
    'table{border-collapse:collapse;width:100%;margin-bottom:2rem}th,td{border-bottom:1px solid #8884;padding:.3rem .5rem;text-align:left;vertical-align:top}',
    '.prompt{font-size:.85em;opacity:.75;max-width:32rem}.note{font-size:.9em;opacity:.8}td.none{opacity:.75;font-style:italic}',
    'tr.flag td:first-child::before{content:"! ";color:#c33;font-weight:bold}</style></head><body>',
    `<h1>${esc(m('repTitle'))}</h1><p>${esc(when(r.generated_at))}</p><p class="summary">${esc(summaryLine(r))}</p>`,
    `<h2>${esc(m('repLearnersOrder'))}</h2><p class="note">${esc(m('repLearnersNote'))}</p>`, table(m('repHeadLearners').split('|'), learners, m('repNoLearners')),
    `<h2>${esc(m('repQuestions'))}</h2><p class="note">${esc(m('repDLegend'))}</p>`, table(m('repHeadQuestions').split('|'), questions, m('repNoQuestions'), r.questions.map((q) => Boolean(q.flagged))),
    `<h2>${esc(m('repTasks'))}</h2>`, table(m('repHeadTasks').split('|'), tasks, m('repNoTasks')), '</body></html>', ''].join('\n');
}
