/**
 * The class report's figures, computed on the server from the summaries (summaries.ts), in one read-only
 * snapshot. Rows are never fetched into Node beyond the report's own lines.
 *
 * Per learner and track, `percent` is what the learner's own `dlpath progress --json` shows for the track:
 * the share of the track's steps done in the modules' current runs (a lesson read, a quiz passed, a required
 * task passed or skipped for a missing optional package), rounded as progress rounds it. The course's steps
 * are passed in (`TrackSteps`), made from the same `moduleSteps` that progress uses.
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
import type { Client } from './pg.js';
import { CLASS_SCHEMA_VERSION, READ_SNAPSHOT, inTransaction, requireClass } from './pg.js';
import { SUMMARIES_SINCE_VERSION } from './summaries.js';
import { EnvError, UsageError } from '../../core/errors.js';
import { m } from '../../i18n/class.js';

export const TASK_FAILS_STUCK = 5;
export const IDLE_DAYS_STUCK = 7;

/** A track's modules and their steps, in path order. */
export interface TrackSteps {
  id: string;
  modules: Array<{ id: string; lesson: boolean; quiz: boolean; required: string[]; tasks: string[] }>;
}

export interface LearnerTrack {
  track: string; percent: number; steps_done: number; steps: number;
  quizzes_passed: number; modules: number; tasks_passed: number; tasks: number;
  /** The track's title, in the reader's language (added from the course by the command). */
  title?: string;
}
export interface LearnerRow {
  name: string; last_activity: string | null; tracks: LearnerTrack[];
  /** When the teacher revoked the learner's account (class revoke), or null. */
  revoked_at: string | null;
  stuck: { idle: boolean; tasks: Array<{ task: string; failed_checks: number }> };
  /** The share of the course's steps done (every track together): the learner's own `progress` "Overall"; null without the course. */
  percent: number | null;
}
export interface QuestionRow {
  module: string; question: string; answered: number; first_try_correct_rate: number;
  most_picked_wrong: unknown; most_picked_wrong_share: number | null; discrimination: number | null; flagged: boolean;
  /** From the course, by the command: the question as one line, and the wrong choice's text. */
  prompt?: string; most_picked_wrong_text?: string | null;
}
export interface TaskRow {
  module: string; task: string; learners: number; pass_rate: number; median_checks_to_pass: number | null;
  hints_used: number; solutions_seen: number;
}
export interface ClassReport {
  generated_at: string;
  discrimination_index: string;
  stuck_rules: { idle_days: number; failed_checks_without_pass: number };
  /** Counts for the report's first line; a revoked learner counts in `learners` and `revoked` only. */
  summary: { learners: number; stuck: number; idle: number; stuck_on_tasks: number; revoked: number; not_started: number };
  learners: LearnerRow[];
  questions: QuestionRow[];
  tasks: TaskRow[];
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * `where`: the class's URL with its password hidden, for the message when there is no class there.
 * `course`: every module of the course once, with its steps (the learner's overall percent, as progress's
 * summary: a module in two tracks counts once); without it, the tracks' modules, each once.
 * `courseId`: the course in use, which must be the class's.
 */
export async function readClassReport(c: Client, tracks: readonly TrackSteps[], now: string, where = '',
  course?: TrackSteps['modules'], courseId?: string): Promise<ClassReport> {
  // One snapshot for the three statements, read-only.
  return inTransaction(c, async () => {
    await requireClass(c, where);
    // A class set up by an older dlpath has no summaries (until `class init` runs again); a newer one may hold others.
    const v = await c.query(`SELECT current_database() AS db, (SELECT value FROM dlpath.meta WHERE key = 'schema_version') AS version,
      (SELECT value FROM dlpath.meta WHERE key = 'course') AS course`);
    // Another course's steps would make every percent wrong: said, not computed.
    const theirs = v.rows[0].course as string | null;
    if (theirs && courseId && theirs !== courseId) throw new UsageError(m('otherCourseReport', { theirs, ours: courseId }), m('otherCourseReportHint'));
    const { db } = v.rows[0] as { db: string };
    const version = Number(v.rows[0].version ?? 0);
    if (version < SUMMARIES_SINCE_VERSION) throw new EnvError(m('classOlder', { db, version, need: SUMMARIES_SINCE_VERSION }), m('classOlderHint'));
    if (version > CLASS_SCHEMA_VERSION) throw new EnvError(m('initNewer', { db, version }), m('initNewerHint'));
    // Room to sort and hash in memory; no JIT (the course's steps come in as JSON, whose size the planner
    // cannot know: it guesses costs that make compiling the query take longer than running it).
    await c.query(`SELECT set_config('work_mem', $1, true), set_config('jit', 'off', true)`, ['64MB']);
    const all = course ?? [...new Map(tracks.flatMap((t) => t.modules).map((x) => [x.id, x])).values()];
    return reportIn(c, [...tracks, { id: OVERALL, modules: all }], now);
  }, READ_SNAPSHOT);
}

/** The id of the extra "track" of every module that gives a learner's overall percent (no track id has a space). */
const OVERALL = ' overall';

async function reportIn(c: Client, tracks: readonly TrackSteps[], now: string): Promise<ClassReport> {
  const learners = (await c.query(`WITH
    tr AS (SELECT t->>'id' AS track, ord FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(t, ord)),
    tm AS (SELECT t->>'id' AS track, x.m->>'id' AS module, (x.m->'lesson') = 'true'::jsonb AS lesson,
                  (x.m->'quiz') = 'true'::jsonb AS quiz, x.m->'required' AS required, x.m->'tasks' AS tasks
           FROM jsonb_array_elements($1::jsonb) AS t, jsonb_array_elements(t->'modules') AS x(m)),
    tt AS (SELECT tm.track, tm.module, r.item, true AS required FROM tm, jsonb_array_elements_text(tm.required) r(item)
           UNION ALL
           SELECT tm.track, tm.module, a.item, false FROM tm, jsonb_array_elements_text(tm.tasks) a(item)
           WHERE NOT tm.required ? a.item),
    size AS (SELECT tr.track, (SELECT count(*) FROM tm WHERE tm.track = tr.track)::int AS modules,
                    (SELECT count(*) FROM tt WHERE tt.track = tr.track)::int AS tasks,
                    (SELECT coalesce(sum(lesson::int + quiz::int), 0) FROM tm WHERE tm.track = tr.track)::int
                      + (SELECT count(*) FROM tt WHERE tt.track = tr.track AND tt.required)::int AS steps
             FROM tr),
    mods AS (SELECT s.learner, tm.track, count(*) FILTER (WHERE s.quiz_passed_at IS NOT NULL)::int AS quizzes,
                    sum((tm.lesson AND s.lesson_at IS NOT NULL)::int + (tm.quiz AND s.quiz_passed_at IS NOT NULL)::int)::int AS done
             FROM dlpath.s_module s JOIN tm ON tm.module = s.module GROUP BY s.learner, tm.track),
    tsk AS (SELECT s.learner, tt.track, count(*) FILTER (WHERE s.passed_now)::int AS passed,
                   count(*) FILTER (WHERE tt.required AND (s.passed_now OR s.skipped_now))::int AS done
            FROM dlpath.s_task s JOIN tt ON tt.module = s.module AND tt.item = s.item GROUP BY s.learner, tt.track),
    per AS (SELECT l.role, jsonb_agg(jsonb_build_object(
              'track', size.track,
              'percent', CASE WHEN size.steps > 0 THEN round(100.0 * (coalesce(mods.done, 0) + coalesce(tsk.done, 0)) / size.steps)::int ELSE 0 END,
              'steps_done', coalesce(mods.done, 0) + coalesce(tsk.done, 0), 'steps', size.steps,
              'quizzes_passed', coalesce(mods.quizzes, 0), 'modules', size.modules,
              'tasks_passed', coalesce(tsk.passed, 0), 'tasks', size.tasks) ORDER BY tr.ord) AS tracks
            FROM dlpath.learners l CROSS JOIN tr JOIN size ON size.track = tr.track
            LEFT JOIN mods ON mods.learner = l.role AND mods.track = tr.track
            LEFT JOIN tsk ON tsk.learner = l.role AND tsk.track = tr.track GROUP BY l.role),
    stuck AS (SELECT learner, jsonb_agg(jsonb_build_object('task', item, 'failed_checks', failed_now) ORDER BY item) AS tasks
              FROM dlpath.s_task WHERE failed_now >= $4 AND NOT passed_now GROUP BY learner)
    SELECT l.name, to_char(s.last_at AT TIME ZONE 'UTC', ${ISO}) AS last_activity,
      to_char(l.revoked_at AT TIME ZONE 'UTC', ${ISO}) AS revoked_at,
      -- Idle: no activity for the idle days, counted from the learner's addition while they have none (a
      -- learner added today has not started yet; one added weeks ago who never started is idle).
      (coalesce(s.last_at, l.added_at) < $2::timestamptz - make_interval(days => $3)) AS idle,
      coalesce(per.tracks, '[]'::jsonb) AS tracks, coalesce(stuck.tasks, '[]'::jsonb) AS stuck_tasks
    FROM dlpath.learners l LEFT JOIN dlpath.s_learner s ON s.learner = l.role LEFT JOIN per ON per.role = l.role
      LEFT JOIN stuck ON stuck.learner = l.role
    ORDER BY l.name`, [JSON.stringify(tracks), now, IDLE_DAYS_STUCK, TASK_FAILS_STUCK])).rows;

  const questions = (await c.query(`WITH
    ranked AS (SELECT learner, row_number() OVER (ORDER BY score DESC, learner) AS hi,
                 row_number() OVER (ORDER BY score ASC, learner) AS lo, count(*) OVER () AS n
               FROM dlpath.s_learner WHERE answered > 0),
    grp AS (SELECT learner, CASE WHEN hi <= ceil(0.27 * n) THEN 1 WHEN lo <= ceil(0.27 * n) THEN -1 ELSE 0 END AS g FROM ranked),
    q AS (SELECT f.module, f.item, count(*) AS answered, avg(f.correct::int) AS first_try_rate,
            avg(f.correct::int) FILTER (WHERE g.g = 1) AS p_upper, avg(f.correct::int) FILTER (WHERE g.g = -1) AS p_lower
          FROM dlpath.s_first f JOIN grp g USING (learner) GROUP BY f.module, f.item),
    wrong AS (SELECT module, item, answer, count(*) AS n,
                row_number() OVER (PARTITION BY module, item ORDER BY count(*) DESC, answer::text) AS rk
              FROM dlpath.s_first WHERE NOT correct GROUP BY module, item, answer)
    SELECT q.module, q.item AS question, q.answered::int, round(q.first_try_rate, 3)::float8 AS first_try_correct_rate,
      w.answer AS most_picked_wrong, round(w.n::numeric / q.answered, 3)::float8 AS most_picked_wrong_share,
      round(q.p_upper - q.p_lower, 3)::float8 AS discrimination,
      (q.first_try_rate < 0.3 OR coalesce(q.p_upper - q.p_lower, 1) < 0.2 OR coalesce(w.n::numeric / q.answered, 0) >= 0.5) AS flagged
    FROM q LEFT JOIN wrong w ON w.module = q.module AND w.item = q.item AND w.rk = 1
    ORDER BY flagged DESC, q.first_try_rate ASC, q.module, q.item`)).rows;

  const tasks = (await c.query(`SELECT module, item AS task, count(*)::int AS learners,
      round(avg((first_pass_at IS NOT NULL)::int), 3)::float8 AS pass_rate,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY checks_to_pass) FILTER (WHERE first_pass_at IS NOT NULL) AS median_checks_to_pass,
      coalesce(sum(hint_level), 0)::int AS hints_used, (count(*) FILTER (WHERE solution_seen))::int AS solutions_seen
    FROM dlpath.s_task WHERE checks > 0
    GROUP BY module, item ORDER BY pass_rate ASC, module, item`)).rows;

  const rows: LearnerRow[] = learners.map((l: Record<string, unknown>) => {
    const tr = (l.tracks as LearnerTrack[]).filter((t) => t.track !== OVERALL);
    const overall = (l.tracks as LearnerTrack[]).find((t) => t.track === OVERALL);
    return {
      name: l.name as string, last_activity: l.last_activity as string | null, tracks: tr,
      revoked_at: l.revoked_at as string | null,
      stuck: { idle: l.idle as boolean, tasks: l.stuck_tasks as LearnerRow['stuck']['tasks'] },
      // As progress's overallPercent: every step of every module once, rounded once.
      percent: overall && overall.steps ? overall.percent : null,
    };
  });
  const active = rows.filter((l) => !l.revoked_at);
  return {
    generated_at: now,
    discrimination_index: 'upper-lower 27% (Kelley): first-try correct share of the top 27% of learners by total first-try score minus that of the bottom 27%',
    stuck_rules: { idle_days: IDLE_DAYS_STUCK, failed_checks_without_pass: TASK_FAILS_STUCK },
    summary: {
      learners: rows.length, revoked: rows.length - active.length,
      stuck: active.filter((l) => l.stuck.idle || l.stuck.tasks.length).length,
      idle: active.filter((l) => l.stuck.idle).length, stuck_on_tasks: active.filter((l) => l.stuck.tasks.length).length,
      // Added less than the idle days ago, nothing done yet: not stuck, not started either.
      not_started: active.filter((l) => !l.last_activity && !l.stuck.idle).length,
    },
    learners: rows,
    questions: questions as QuestionRow[],
    tasks: tasks as TaskRow[],
  };
}
