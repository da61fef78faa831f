/**
 * `dlpath report --html <file>`: one self-contained page (no script, no network, no other file; a
 * Content-Security-Policy that forbids loading anything): the path as a map of tracks and modules with
 * their status, every quiz score per module, the activity calendar, the coding tasks (checks, hints,
 * solution seen), and the review forecast for the next 30 days. In the learner's language; light and
 * dark schemes (prefers-color-scheme); prints on paper (@media print).
 *
 * The charts are plain inline SVG written here: four small charts (squares, dots on a line, bars)
 * are less code than a chart library's configuration, need no bundling step, and print sharply.
 * Every figure the page shows carries a data-k attribute naming what it is, for tests and scripts.
 */
import path from 'node:path';
import type { Context } from './context.js';
import { progressData } from './progress.js';
import { Store, localDay } from '../adapters/store/store.js';
import { cardDues, quizScores, type QuizScore } from '../adapters/store/report.js';
import { EnvError, UsageError } from '../core/errors.js';
import { writeFileAtomic, realPathLoose, looksLikeSqlite } from '../adapters/files.js';
import { getLang, pick } from '../i18n/index.js';
import { statusLabel } from './path.js';
import { level } from './calendar.js';
import { m } from '../i18n/carry.js';

const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function addDays(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
}

const CSS = `
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--card:#f6f8fa;--line:#d1d9e0;
--c0:#ebedf0;--c1:#9be9a8;--c2:#40c463;--c3:#30a14e;--c4:#216e39;--done:#1a7f37;--in_progress:#9a6700;--available:#0969da;--locked:#8c959f;--coming_soon:#8c959f;--bar:#0969da;--pass:#1a7f37;--fail:#cf222e}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--card:#151b23;--line:#3d444d;
--c0:#1f2630;--c1:#0e4429;--c2:#006d32;--c3:#26a641;--c4:#39d353;--done:#3fb950;--in_progress:#d29922;--available:#4493f8;--locked:#656c76;--coming_soon:#656c76;--bar:#4493f8;--pass:#3fb950;--fail:#f85149}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1000px;padding:24px;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:14px 0 6px}
.muted{color:var(--muted)}
.figures{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
.figure{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:120px}
.figure b{display:block;font-size:22px}
.track{margin-bottom:10px}
.modules{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0;margin:0}
.module{border:1px solid var(--line);border-left:6px solid var(--s);border-radius:6px;padding:6px 10px;background:var(--card);min-width:170px}
.module small{display:block;color:var(--muted)}
.status{color:var(--s);font-weight:600}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line)}th{color:var(--muted);font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums}
svg text{fill:var(--muted);font-size:10px}
.cal rect{stroke:var(--bg);stroke-width:2}
.l0{fill:var(--c0)}.l1{fill:var(--c1)}.l2{fill:var(--c2)}.l3{fill:var(--c3)}.l4{fill:var(--c4)}
.scores{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:10px}
.score{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:6px 10px}
.score svg{display:block;margin:4px 0}.score polyline{fill:none;stroke:var(--bar);stroke-width:1.5}.pass{fill:var(--pass)}.fail{fill:var(--fail)}.mark{stroke:var(--line);stroke-dasharray:3 3}
.bars rect{fill:var(--bar)}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--card:#fff;--line:#999;--c0:#eee;--c1:#c6e48b;--c2:#7bc96f;--c3:#239a3b;--c4:#196127}
body{max-width:none;padding:0;font-size:11pt}section{break-inside:avoid}h2{break-after:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}@page{margin:15mm}}
`;

function calendarSvg(cal: { first_day: string; last_day: string; weeks: number; max: number; days: Record<string, number> }, zh: boolean): string {
  const cell = 13;
  const left = 30;
  const top = 16;
  const [y, mo, d] = cal.first_day.split('-').map(Number);
  const start = new Date(y, mo - 1, d);
  const rects: string[] = [];
  const labels: string[] = [];
  let prevMonth = -1;
  for (let w = 0; w < cal.weeks; w++) {
    const monday = addDays(start, 7 * w);
    if (monday.getMonth() !== prevMonth) {
      prevMonth = monday.getMonth();
      const name = zh ? `${monday.getMonth() + 1}月` : monday.toLocaleString('en', { month: 'short' });
      labels.push(`<text x="${left + w * cell}" y="10">${esc(name)}</text>`);
    }
    for (let r = 0; r < 7; r++) {
      const day = localDay(addDays(start, 7 * w + r));
      if (day > cal.last_day) break;
      const n = cal.days[day] ?? 0;
      rects.push(`<rect class="l${level(n, cal.max)}" x="${left + w * cell}" y="${top + r * cell}" width="${cell}" height="${cell}" rx="2" data-day="${day}" data-n="${n}"><title>${esc(m('repDayTitle', { day, n }))}</title></rect>`);
    }
  }
  const rows = zh ? ['一', '三', '五'] : ['Mon', 'Wed', 'Fri'];
  rows.forEach((name, i) => labels.push(`<text x="0" y="${top + (2 * i) * cell + 10}">${esc(name)}</text>`));
  const width = left + cal.weeks * cell + 4;
  return `<svg class="cal" role="img" aria-label="${esc(m('repCalendar'))}" width="${width}" height="${top + 7 * cell + 4}" viewBox="0 0 ${width} ${top + 7 * cell + 4}">${labels.join('')}${rects.join('')}</svg>`;
}

function legendSvg(): string {
  return `<svg width="90" height="14" viewBox="0 0 90 14" aria-hidden="true">${[0, 1, 2, 3, 4].map((l) => `<rect class="l${l}" x="${l * 16}" y="1" width="12" height="12" rx="2"/>`).join('')}</svg>`;
}

function scoreSvg(scores: QuizScore[], passMark: number | undefined): string {
  const w = 210;
  const h = 70;
  const x = (i: number) => (scores.length === 1 ? w / 2 : 8 + (i * (w - 16)) / (scores.length - 1));
  const yv = (s: number) => 6 + (1 - s) * (h - 12);
  const pts = scores.map((s, i) => `${x(i).toFixed(1)},${yv(s.score).toFixed(1)}`).join(' ');
  const mark = passMark !== undefined ? `<line class="mark" x1="0" x2="${w}" y1="${yv(passMark)}" y2="${yv(passMark)}"/>` : '';
  const dots = scores.map((s, i) => `<circle class="${s.passed ? 'pass' : 'fail'}" cx="${x(i).toFixed(1)}" cy="${yv(s.score).toFixed(1)}" r="3.5" data-score="${Math.round(s.score * 100)}"><title>${esc(`${s.ts.slice(0, 10)}: ${Math.round(s.score * 100)}%`)}</title></circle>`).join('');
  return `<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img">${mark}<polyline points="${pts}"/>${dots}</svg>`;
}

function forecastSvg(days: Array<{ day: string; n: number }>, zh: boolean): string {
  const bw = 18;
  const h = 110;
  const max = Math.max(1, ...days.map((d) => d.n));
  const bars = days.map((d, i) => {
    const bh = Math.round((d.n / max) * (h - 30));
    const label = i % 5 === 0 ? `<text x="${i * bw + 2}" y="${h - 2}">${esc(zh ? `${Number(d.day.slice(5, 7))}/${Number(d.day.slice(8))}` : d.day.slice(5))}</text>` : '';
    const num = d.n ? `<text x="${i * bw + 4}" y="${h - 18 - bh}">${d.n}</text>` : '';
    return `<rect x="${i * bw + 2}" y="${h - 14 - bh}" width="${bw - 4}" height="${bh}" data-day="${d.day}" data-n="${d.n}"><title>${esc(m('repDueTitle', { day: d.day, n: d.n }))}</title></rect>${num}${label}`;
  }).join('');
  return `<svg class="bars" role="img" aria-label="${esc(m('repForecast'))}" width="${days.length * bw}" height="${h}" viewBox="0 0 ${days.length * bw} ${h}">${bars}</svg>`;
}

export async function run(ctx: Context, _args: unknown[], opts: { html?: string }): Promise<number> {
  if (!opts.html) throw new UsageError(m('repNeedsFile'), m('repNeedsFileHint'));
  const file = path.resolve(ctx.cwd, opts.html);
  const data = await progressData(ctx);
  const { ix, summary, tracks, byId, calendar, progress } = data;
  const now = ctx.clock();
  const store = Store.open(ctx.home, ctx.clock, { readOnlyOk: true });
  let scores: QuizScore[];
  let dues: Array<{ module: string; question: string; due: string }>;
  try {
    scores = quizScores(store);
    // As `dlpath review` counts: a card whose question the course no longer has is not asked.
    dues = cardDues(store).filter((c) => ix.question(c.question)?.module.id === c.module);
  } finally {
    store.close();
  }
  const target = realPathLoose(file);
  if (target === realPathLoose(store.file) || looksLikeSqlite(file)) throw new UsageError(m('repIsDatabase', { file }), m('repNeedsFileHint'));
  const zh = getLang() === 'zh';
  const colon = zh ? '：' : ': ';
  const nowIso = now.toISOString();
  const dueNow = dues.filter((c) => c.due <= nowIso).length;
  const forecast: Array<{ day: string; n: number }> = [];
  for (let i = 0; i < 30; i++) {
    const day = localDay(addDays(now, i));
    // Today's bar holds the cards overdue now as well.
    forecast.push({ day, n: dues.filter((c) => (i === 0 ? localDay(new Date(c.due)) <= day : localDay(new Date(c.due)) === day)).length });
  }
  const nextDue = dues.length ? dues.map((c) => c.due).sort()[0] : null;
  const fig = (k: string, label: string, value: string | number, unit = '') =>
    `<div class="figure"><span class="muted">${esc(label)}</span><b><span data-k="${k}">${esc(value)}</span>${esc(unit)}</b></div>`;

  const out: string[] = [];
  out.push(`<!doctype html><html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">`,
    `<title>${esc(m('repTitle', { course: pick(ix.curriculum.title) }))}</title><style>${CSS}</style></head><body>`);
  out.push(`<header><h1>${esc(m('repTitle', { course: pick(ix.curriculum.title) }))}</h1>`,
    `<p class="muted">${esc(m('repGenerated', { when: `${localDay(now)} ${now.toTimeString().slice(0, 5)}` }))}</p></header>`);
  out.push('<div class="figures">',
    fig('percent', m('repOverall'), summary.percent, '%'),
    fig('modules_done', m('repModulesDone'), `${summary.modules_done}`, ` / ${summary.modules_total}`),
    fig('tasks_passed', m('repTasksPassed'), summary.tasks_passed),
    fig('streak_days', m('repStreak'), summary.streak_days),
    fig('reviews_due', m('repDueNow'), dueNow),
    '</div>');

  // The path.
  out.push(`<section id="path"><h2>${esc(m('repPath'))}</h2>`);
  for (const tr of tracks) {
    out.push(`<div class="track" data-track="${esc(tr.id)}"><h3>${esc(tr.title)} <span class="muted"><span data-k="track_percent">${tr.percent}</span>%</span></h3><ul class="modules">`);
    for (const r of tr.modules) {
      const st = byId.get(r.id)!.status;
      const quiz = r.quiz_best === null ? '–' : `${Math.round(r.quiz_best * 100)}%`;
      out.push(`<li class="module" style="--s:var(--${st})" data-module="${esc(r.id)}" data-status="${st}"><span class="status">${esc(statusLabel(st))}</span> ${esc(r.title)}`,
        `<small>${esc(r.id)} · ${esc(m('repQuizBest'))} <span data-k="quiz_best">${esc(quiz)}</span> · ${esc(m('repTasks'))} <span data-k="tasks">${r.tasks_passed}/${r.tasks_total}</span></small></li>`);
    }
    out.push('</ul></div>');
  }
  out.push('</section>');

  // Activity.
  out.push(`<section id="activity"><h2>${esc(m('repCalendar'))}</h2>${calendarSvg(calendar, zh)}`,
    `<p class="muted">${esc(m('calLess'))} ${legendSvg()} ${esc(m('calMore'))} · ${esc(m('repCalTotal', { n: calendar.total, weeks: calendar.weeks, max: calendar.max }))}</p>`,
    `<span hidden data-k="calendar_total">${calendar.total}</span></section>`);

  // Quiz scores.
  out.push(`<section id="scores"><h2>${esc(m('repScores'))}</h2>`);
  const byModule = new Map<string, QuizScore[]>();
  for (const s of scores) byModule.set(s.module, [...(byModule.get(s.module) ?? []), s]);
  if (!byModule.size) out.push(`<p class="muted">${esc(m('repNoScores'))}</p>`);
  else {
    out.push('<div class="scores">');
    for (const mod of ix.ordered) {
      const list = byModule.get(mod.id);
      if (!list) continue;
      out.push(`<div class="score" data-module="${esc(mod.id)}"><b>${esc(pick(mod.title))}</b> <span class="muted">${esc(m('repAttempts', { n: list.length }))}</span>`,
        scoreSvg(list, mod.quiz?.pass_mark), `<small class="muted">${esc(list.map((s) => `${Math.round(s.score * 100)}%`).join(' → '))}</small></div>`);
    }
    out.push('</div>');
  }
  out.push('</section>');

  // Tasks.
  out.push(`<section id="tasks"><h2>${esc(m('repTasksHeading'))}</h2>`);
  const taskRows: string[] = [];
  for (const mod of ix.ordered) {
    for (const t of mod.tasks) {
      const tp = progress.tasks[t.id];
      const state = tp?.passed ? m('repPassed') : tp?.skipped ? m('repSkipped') : tp?.started ? m('repStarted') : m('repNotStarted');
      taskRows.push(`<tr data-task="${esc(t.id)}"><td>${esc(pick(t.title))} <span class="muted">${esc(t.id)}</span></td><td>${esc(mod.id)}</td><td>${esc(state)}</td>`
        + `<td class="n" data-k="checks">${tp?.checks ?? 0}</td><td class="n"><span data-k="hints">${tp?.hintsShown ?? 0}</span> / ${t.hints.length}</td>`
        + `<td data-k="solution_seen">${esc(tp?.solutionSeen ? m('repYes') : m('repNo'))}</td></tr>`);
    }
  }
  if (!taskRows.length) out.push(`<p class="muted">${esc(m('repNoTasks'))}</p>`);
  else out.push(`<table><thead><tr><th>${esc(m('repTask'))}</th><th>${esc(m('repModule'))}</th><th>${esc(m('repState'))}</th><th>${esc(m('repChecks'))}</th><th>${esc(m('repHints'))}</th><th>${esc(m('repSolution'))}</th></tr></thead><tbody>${taskRows.join('')}</tbody></table>`);
  out.push('</section>');

  // Review forecast.
  out.push(`<section id="forecast"><h2>${esc(m('repForecast'))}</h2>`,
    `<p>${esc(m('repDueNow'))}${colon}<b data-k="due">${dueNow}</b> · ${esc(m('repNextDue'))}${colon}<b data-k="next_due" data-iso="${esc(nextDue ?? '')}">${esc(nextDue ? localDay(new Date(nextDue)) : '–')}</b> · ${esc(m('repCards', { n: dues.length }))}</p>`,
    forecastSvg(forecast, zh), '</section>');
  out.push('</body></html>\n');

  try {
    writeFileAtomic(file, out.join('\n'));
  } catch (e) {
    throw new EnvError(m('repCantWrite', { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }), m('repNeedsFileHint'));
  }
  ctx.stdout.write(`${m('repWritten', { file })}\n`);
  return 0;
}
