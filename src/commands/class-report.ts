/**
 * `dlpath class report`: the class, computed in SQL on the server (rows are never fetched into Node).
 *
 * Discrimination index: the upper-lower index D (Kelley's 27% groups). Learners are ranked by their total
 * score (questions right at the first try, over every question); D = share right at the first try among the
 * top 27% who answered the question − the same share among the bottom 27%. 27% keeps the groups large enough
 * to be stable in a small class while keeping them far apart; D needs no model, reads as a difference of two
 * shares (−1…1), and is what a teacher can recompute by hand. Below 0.2 a question barely separates strong
 * from weak learners (below 0 the weak ones do better: often a wrong key): such questions are flagged.
 * A question is also flagged when fewer than 30% answer it right at the first try, or when one wrong choice
 * takes half of the first-try answers or more.
 */
import type { Context } from './context.js';
import type { Client } from '../adapters/class/pg.js';
import { m } from '../i18n/class.js';

const TASK_FAILS_STUCK = 5;
const IDLE_DAYS_STUCK = 7;

export async function classReport(ctx: Context, c: Client, _url: string) {
  let tracks: Array<{ id: string; modules: string[]; tasks: string[] }> = [];
  try {
    const { loadCurriculum } = await import('../adapters/curriculum/index.js');
    const ix = await loadCurriculum(ctx.curriculumDir, ctx.home, { stderr: ctx.stderr });
    tracks = ix.curriculum.tracks.map((t) => ({
      id: t.id, modules: [...t.modules],
      tasks: t.modules.flatMap((id) => ix.module(id)?.tasks.map((k) => k.id) ?? []),
    }));
  } catch { /* without the course: no per-track figures */ }
  const now = ctx.clock().toISOString();
  // One snapshot for the three statements, read-only, with room to sort and hash in memory.
  await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await c.query(`SELECT set_config('work_mem', $1, true)`, ['256MB']);
    return await reportIn(c, tracks, now);
  } finally {
    await c.query('ROLLBACK').catch(() => undefined);
  }
}

async function reportIn(c: Client, tracks: Array<{ id: string; modules: string[]; tasks: string[] }>, now: string) {
  // Per learner, the events of each module's current run: those after the module's last reset.
  const learners = (await c.query(`WITH
    resets AS (SELECT learner, module, max(ts) AS at FROM dlpath.events WHERE kind = 'reset' GROUP BY learner, module),
    cur AS (SELECT e.learner, e.kind, e.module, e.item, e.data FROM dlpath.events e
            LEFT JOIN resets r ON r.learner = e.learner AND r.module = e.module
            WHERE e.kind IN ('quiz_finished', 'task_checked') AND (r.at IS NULL OR e.ts > r.at)),
    quiz_pass AS (SELECT DISTINCT learner, module FROM cur WHERE kind = 'quiz_finished' AND (data->>'passed')::boolean),
    task_pass AS (SELECT DISTINCT learner, item FROM cur WHERE kind = 'task_checked' AND data->>'outcome' = 'passed'),
    task_fail AS (SELECT learner, item, count(*) AS fails FROM cur
                  WHERE kind = 'task_checked' AND data->>'outcome' NOT IN ('passed', 'missing_packages') GROUP BY learner, item),
    tr AS (SELECT t->>'id' AS track, ARRAY(SELECT jsonb_array_elements_text(t->'modules')) AS modules,
                  ARRAY(SELECT jsonb_array_elements_text(t->'tasks')) AS tasks, ord
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(t, ord)),
    tm AS (SELECT track, unnest(modules) AS module FROM tr),
    tt AS (SELECT track, unnest(tasks) AS task FROM tr),
    qn AS (SELECT q.learner, tm.track, count(*) AS n FROM quiz_pass q JOIN tm ON tm.module = q.module GROUP BY q.learner, tm.track),
    tn AS (SELECT p.learner, tt.track, count(*) AS n FROM task_pass p JOIN tt ON tt.task = p.item GROUP BY p.learner, tt.track),
    per AS (SELECT l.role, jsonb_agg(jsonb_build_object('track', tr.track, 'quizzes_passed', coalesce(qn.n, 0),
              'modules', cardinality(tr.modules), 'tasks_passed', coalesce(tn.n, 0), 'tasks', cardinality(tr.tasks)) ORDER BY tr.ord) AS tracks
            FROM dlpath.learners l CROSS JOIN tr
            LEFT JOIN qn ON qn.learner = l.role AND qn.track = tr.track
            LEFT JOIN tn ON tn.learner = l.role AND tn.track = tr.track GROUP BY l.role),
    stuck AS (SELECT f.learner, jsonb_agg(jsonb_build_object('task', f.item, 'failed_checks', f.fails) ORDER BY f.item) AS tasks
              FROM task_fail f LEFT JOIN task_pass p ON p.learner = f.learner AND p.item = f.item
              WHERE f.fails >= $4 AND p.learner IS NULL GROUP BY f.learner),
    -- Each learner's latest event from the (learner, ts) index: one short index scan per learner, not a pass over every event.
    last AS (SELECT l.role AS learner, (SELECT max(e.ts) FROM dlpath.events e WHERE e.learner = l.role) AS last FROM dlpath.learners l)
    SELECT l.name, l.role,
      to_char(last.last AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_activity,
      (last.last IS NULL OR last.last < $2::timestamptz - make_interval(days => $3)) AS idle,
      coalesce(per.tracks, '[]'::jsonb) AS tracks, coalesce(stuck.tasks, '[]'::jsonb) AS stuck_tasks
    FROM dlpath.learners l LEFT JOIN last ON last.learner = l.role LEFT JOIN per ON per.role = l.role
      LEFT JOIN stuck ON stuck.learner = l.role
    ORDER BY l.name`, [JSON.stringify(tracks), now, IDLE_DAYS_STUCK, TASK_FAILS_STUCK])).rows;

  const questions = (await c.query(`WITH
    first AS (SELECT DISTINCT ON (learner, module, item) learner, module, item, (data->>'correct')::boolean AS correct,
                data->'answer' AS answer
              FROM dlpath.events WHERE kind = 'quiz_answered' AND item IS NOT NULL AND data ? 'correct'
              ORDER BY learner, module, item, ts, uid),
    score AS (SELECT learner, count(*) FILTER (WHERE correct) AS total FROM first GROUP BY learner),
    ranked AS (SELECT learner, row_number() OVER (ORDER BY total DESC, learner) AS hi,
                 row_number() OVER (ORDER BY total ASC, learner) AS lo, count(*) OVER () AS n FROM score),
    grp AS (SELECT learner, CASE WHEN hi <= ceil(0.27 * n) THEN 'upper' WHEN lo <= ceil(0.27 * n) THEN 'lower' END AS g FROM ranked),
    wrong AS (SELECT module, item, answer, count(*) AS n,
                row_number() OVER (PARTITION BY module, item ORDER BY count(*) DESC, answer::text) AS rk
              FROM first WHERE NOT correct GROUP BY module, item, answer),
    q AS (SELECT f.module, f.item, count(*) AS answered, avg(f.correct::int) AS first_try_rate,
            avg(f.correct::int) FILTER (WHERE g.g = 'upper') AS p_upper, avg(f.correct::int) FILTER (WHERE g.g = 'lower') AS p_lower
          FROM first f JOIN grp g USING (learner) GROUP BY f.module, f.item)
    SELECT q.module, q.item AS question, q.answered::int, round(q.first_try_rate, 3)::float8 AS first_try_correct_rate,
      w.answer AS most_picked_wrong, round(w.n::numeric / q.answered, 3)::float8 AS most_picked_wrong_share,
      round(q.p_upper - q.p_lower, 3)::float8 AS discrimination,
      (q.first_try_rate < 0.3 OR coalesce(q.p_upper - q.p_lower, 1) < 0.2 OR coalesce(w.n::numeric / q.answered, 0) >= 0.5) AS flagged
    FROM q LEFT JOIN wrong w ON w.module = q.module AND w.item = q.item AND w.rk = 1
    ORDER BY flagged DESC, q.first_try_rate ASC, q.module, q.item`)).rows;

  const tasks = (await c.query(`WITH
    checks AS (SELECT learner, module, item, ts, data->>'outcome' = 'passed' AS passed FROM dlpath.events
               WHERE kind = 'task_checked' AND item IS NOT NULL AND data->>'outcome' <> 'missing_packages'),
    first_pass AS (SELECT learner, item, min(ts) AS at FROM checks WHERE passed GROUP BY learner, item),
    per AS (SELECT c.learner, c.module, c.item, bool_or(c.passed) AS passed,
              count(*) FILTER (WHERE fp.at IS NOT NULL AND c.ts <= fp.at) AS checks_to_pass
            FROM checks c LEFT JOIN first_pass fp ON fp.learner = c.learner AND fp.item = c.item GROUP BY c.learner, c.module, c.item),
    hints AS (SELECT learner, item, max((data->>'level')::int) AS level FROM dlpath.events WHERE kind = 'task_hint' GROUP BY learner, item),
    sol AS (SELECT DISTINCT learner, item FROM dlpath.events WHERE kind = 'task_solution')
    SELECT per.module, per.item AS task, count(*)::int AS learners, round(avg(per.passed::int), 3)::float8 AS pass_rate,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY per.checks_to_pass) FILTER (WHERE per.passed) AS median_checks_to_pass,
      coalesce(sum(h.level), 0)::int AS hints_used, count(s.learner)::int AS solutions_seen
    FROM per LEFT JOIN hints h ON h.learner = per.learner AND h.item = per.item
      LEFT JOIN sol s ON s.learner = per.learner AND s.item = per.item
    GROUP BY per.module, per.item ORDER BY pass_rate ASC, per.module, per.item`)).rows;

  return {
    generated_at: now,
    discrimination_index: 'upper-lower 27% (Kelley): first-try correct share of the top 27% of learners by total first-try score minus that of the bottom 27%',
    stuck_rules: { idle_days: IDLE_DAYS_STUCK, failed_checks_without_pass: TASK_FAILS_STUCK },
    learners: learners.map((l: Record<string, unknown>) => ({
      name: l.name, last_activity: l.last_activity, tracks: l.tracks,
      stuck: { idle: l.idle, tasks: l.stuck_tasks },
    })),
    questions,
    tasks,
  };
}

type Report = Awaited<ReturnType<typeof classReport>>;

const pct = (x: unknown) => (typeof x === 'number' ? `${Math.round(x * 100)}%` : '-');

export function renderReport(r: Report): string {
  const out: string[] = [m('repLearners'), ''];
  for (const l of r.learners) {
    const tr = (l.tracks as Array<{ track: string; quizzes_passed: number; modules: number; tasks_passed: number; tasks: number }>)
      .map((t) => m('repTrack', { track: t.track, q: t.quizzes_passed, qn: t.modules, t: t.tasks_passed, tn: t.tasks })).join(m('repSep'));
    const stuck = [l.stuck.idle ? m('repIdle', { days: r.stuck_rules.idle_days }) : '',
      ...(l.stuck.tasks as Array<{ task: string; failed_checks: number }>).map((t) => m('repStuckTask', { task: t.task, n: t.failed_checks }))]
      .filter(Boolean).join(m('repSep'));
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
    const tr = (l.tracks as Array<{ track: string; quizzes_passed: number; modules: number; tasks_passed: number; tasks: number }>)
      .map((t) => m('repTrack', { track: t.track, q: t.quizzes_passed, qn: t.modules, t: t.tasks_passed, tn: t.tasks })).join(m('repSep'));
    const stuck = [l.stuck.idle ? m('repIdle', { days: r.stuck_rules.idle_days }) : '',
      ...(l.stuck.tasks as Array<{ task: string; failed_checks: number }>).map((t) => m('repStuckTask', { task: t.task, n: t.failed_checks }))]
      .filter(Boolean).join(m('repSep'));
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
