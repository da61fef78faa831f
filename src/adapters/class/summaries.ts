/**
 * Summaries of the class's events, kept by the server as events arrive, so that `class report` reads a few
 * rows per learner instead of every event (4 M events: 17 s before, well under a second of reading now).
 *
 * - `s_learner`: per learner, the last activity and the first-try score (questions right at the first try).
 * - `s_module`: per learner and module, the module's last reset and, in the run since, when the lesson was
 *   read and the quiz first passed.
 * - `s_task`: per learner and task: in the run since the module's last reset, passed / skipped / failed
 *   checks; over all runs, the checks, the first pass and the checks it took, the hint level reached and
 *   whether the solution was seen.
 * - `s_first`: per learner and question, the first answer ever given (by time, then event id).
 *
 * One statement-level trigger (AFTER INSERT, with the inserted rows as a transition table) updates the
 * rows of the learners, modules, tasks and questions the statement touched, recomputed from the events
 * (not added to), so events arriving out of order or twice (ON CONFLICT DO NOTHING inserts nothing) give
 * the same summaries as one rebuild from all events. It runs as the class's owner (SECURITY DEFINER):
 * learners still write only events and read none of this. Two machines of one learner syncing at once
 * are put one after the other by the lock on the learner's row (the first statement below).
 *
 * The "current run" is that of `dlpath import`'s merge (merge.ts): an event after the module's last reset
 * (a reset and an event in the same millisecond: the reset comes last) that its machine did not begin
 * before a reset of its own (its lag, sent with it). Values come from
 * learners' JSON and are read defensively (a string where a boolean belongs is not true, never an error).
 */
import { ESSENTIAL_PACKAGES } from '../../core/check-result.js';

/** Version of the class schema that holds these summaries. */
export const SUMMARIES_SINCE_VERSION = 2;

const TABLES = ['s_learner', 's_module', 's_task', 's_first'] as const;

const essential = `ARRAY[${ESSENTIAL_PACKAGES.map((p) => {
  if (!/^[a-z0-9_.-]+$/i.test(p)) throw new Error(`unexpected package name ${p}`);
  return `'${p}'`;
}).join(', ')}]::text[]`;

/**
 * Event `e` belongs to its module's current run: no reset yet, or after the last one (by time; a reset and
 * an event in the same millisecond: the reset comes last) and not begun before a reset of its own machine
 * (merge.ts's lag, sent by sync: a quiz attempt started before a reset made in another terminal).
 */
const inRun = (resetAt: string) => `(${resetAt} IS NULL OR (e.ts > ${resetAt} AND coalesce(e.lag, 0) <= 0))`;

/** `x` is JSON true (not the string "true", not 1). */
const isTrue = (x: string) => `coalesce(${x} = 'true'::jsonb, false)`;
/** The outcome of a task check, as text (null when absent or not a string). */
const outcome = `(CASE WHEN jsonb_typeof(e.data->'outcome') = 'string' THEN e.data->>'outcome' END)`;
/** A check that found only optional packages missing (core/check-result.ts `skippable`). */
const skippable = `(${outcome} = 'missing_packages' AND jsonb_typeof(e.data->'missing') = 'array'
  AND EXISTS (SELECT 1 FROM jsonb_array_elements(e.data->'missing') x WHERE jsonb_typeof(x) = 'string')
  AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(e.data->'missing') = 'array' THEN e.data->'missing' END) x
                  WHERE x = ANY (${essential})))`;
/** A check that counts (a check that could not run for a missing package does not). */
const counted = `(e.kind = 'task_checked' AND coalesce(${outcome}, '') <> 'missing_packages')`;
const passed = `(e.kind = 'task_checked' AND coalesce(${outcome} = 'passed', false))`;

/**
 * The statements that bring the summaries up to date for what `src` (a relation of event rows: the
 * trigger's transition table, or dlpath.events itself for a rebuild) touches.
 */
function refreshSql(src: string): string[] {
  return [
    // Per learner: the last activity only grows; the score is recounted after s_first below.
    // First, and for a reason: this upsert locks the learner's row until the statement's transaction ends,
    // so a second machine of the same learner syncing at once waits here, and then (READ COMMITTED: each
    // statement of the function takes a new snapshot) recomputes from the events the first one committed.
    `INSERT INTO dlpath.s_learner AS s (learner, last_at)
       SELECT learner, max(ts) FROM ${src} GROUP BY learner
     ON CONFLICT (learner) DO UPDATE SET last_at = greatest(s.last_at, excluded.last_at)`,
    // First answers only ever move earlier.
    `INSERT INTO dlpath.s_first AS s (learner, module, item, ts, uid, correct, answer)
       SELECT DISTINCT ON (learner, module, item) learner, module, item, ts, uid, data->'correct' = 'true'::jsonb, data->'answer'
       FROM ${src} WHERE kind = 'quiz_answered' AND module IS NOT NULL AND item IS NOT NULL
         AND jsonb_typeof(data->'correct') = 'boolean'
       ORDER BY learner, module, item, ts, uid
     ON CONFLICT (learner, module, item) DO UPDATE SET ts = excluded.ts, uid = excluded.uid, correct = excluded.correct, answer = excluded.answer
       WHERE (excluded.ts, excluded.uid) < (s.ts, s.uid)`,
    `UPDATE dlpath.s_learner s SET answered = f.answered, score = f.score
       FROM (SELECT f.learner, count(*)::int AS answered, (count(*) FILTER (WHERE f.correct))::int AS score
             FROM dlpath.s_first f WHERE f.learner IN (SELECT DISTINCT learner FROM ${src} WHERE kind = 'quiz_answered')
             GROUP BY f.learner) f
       WHERE s.learner = f.learner`,
    // Modules: recomputed from the events of each (learner, module) the statement touched.
    `INSERT INTO dlpath.s_module AS s (learner, module, reset_at, lesson_at, quiz_passed_at)
       SELECT k.learner, k.module, r.at,
         (SELECT min(e.ts) FROM dlpath.events e WHERE e.learner = k.learner AND e.module = k.module AND e.kind = 'lesson_read'
            AND ${inRun('r.at')}),
         (SELECT min(e.ts) FROM dlpath.events e WHERE e.learner = k.learner AND e.module = k.module AND e.kind = 'quiz_finished'
            AND ${isTrue(`e.data->'passed'`)} AND ${inRun('r.at')})
       FROM (SELECT DISTINCT learner, module FROM ${src} WHERE module IS NOT NULL) k
       CROSS JOIN LATERAL (SELECT max(e.ts) AS at FROM dlpath.events e
                           WHERE e.learner = k.learner AND e.module = k.module AND e.kind = 'reset') r
     ON CONFLICT (learner, module) DO UPDATE SET reset_at = excluded.reset_at, lesson_at = excluded.lesson_at,
       quiz_passed_at = excluded.quiz_passed_at`,
    // Tasks: those the statement touched, and every task of a module it reset (their current run changed).
    `INSERT INTO dlpath.s_task AS s (learner, module, item, checks, first_pass_at, checks_to_pass, hint_level, solution_seen,
         passed_now, skipped_now, failed_now)
       SELECT k.learner, k.module, k.item, a.checks, a.first_pass, b.checks_to_pass, a.hint_level, a.solution_seen,
         a.passed_now, a.skipped_now, a.failed_now
       FROM (SELECT learner, module, item FROM ${src}
               WHERE kind IN ('task_started', 'task_checked', 'task_hint', 'task_solution') AND module IS NOT NULL AND item IS NOT NULL
             UNION
             SELECT t.learner, t.module, t.item FROM dlpath.s_task t
               JOIN (SELECT DISTINCT learner, module FROM ${src} WHERE kind = 'reset') r ON r.learner = t.learner AND r.module = t.module) k
       LEFT JOIN dlpath.s_module m ON m.learner = k.learner AND m.module = k.module
       CROSS JOIN LATERAL (
         SELECT (count(*) FILTER (WHERE ${counted}))::int AS checks,
           min(e.ts) FILTER (WHERE ${passed}) AS first_pass,
           max(CASE WHEN e.kind = 'task_hint' AND jsonb_typeof(e.data->'level') = 'number' THEN (e.data->>'level')::numeric END) AS hint_level,
           coalesce(bool_or(e.kind = 'task_solution'), false) AS solution_seen,
           coalesce(bool_or(${passed} AND ${inRun('m.reset_at')}), false) AS passed_now,
           coalesce(bool_or(e.kind = 'task_checked' AND ${skippable} AND ${inRun('m.reset_at')}), false) AS skipped_now,
           (count(*) FILTER (WHERE ${counted} AND NOT ${passed} AND ${inRun('m.reset_at')}))::int AS failed_now
         FROM dlpath.events e WHERE e.learner = k.learner AND e.module = k.module AND e.item = k.item
           AND e.kind IN ('task_checked', 'task_hint', 'task_solution')) a
       CROSS JOIN LATERAL (
         SELECT (count(*) FILTER (WHERE ${counted} AND e.ts <= a.first_pass))::int AS checks_to_pass
         FROM dlpath.events e WHERE a.first_pass IS NOT NULL AND e.learner = k.learner AND e.module = k.module
           AND e.item = k.item AND e.kind = 'task_checked' AND e.ts <= a.first_pass) b
     ON CONFLICT (learner, module, item) DO UPDATE SET checks = excluded.checks, first_pass_at = excluded.first_pass_at,
       checks_to_pass = excluded.checks_to_pass, hint_level = excluded.hint_level, solution_seen = excluded.solution_seen,
       passed_now = excluded.passed_now, skipped_now = excluded.skipped_now, failed_now = excluded.failed_now`,
  ];
}

/** The tables, the trigger and the rebuild function; every statement can run again (class init is idempotent). */
export function summarySchemaSql(teacher: string): string[] {
  const body = (src: string) => refreshSql(src).map((s) => `  ${s};`).join('\n');
  return [
    `CREATE TABLE IF NOT EXISTS dlpath.s_learner (learner name PRIMARY KEY, last_at timestamptz,
      answered integer NOT NULL DEFAULT 0, score integer NOT NULL DEFAULT 0)`,
    `CREATE TABLE IF NOT EXISTS dlpath.s_module (learner name NOT NULL, module text NOT NULL, reset_at timestamptz,
      lesson_at timestamptz, quiz_passed_at timestamptz, PRIMARY KEY (learner, module))`,
    `CREATE TABLE IF NOT EXISTS dlpath.s_task (learner name NOT NULL, module text NOT NULL, item text NOT NULL,
      checks integer NOT NULL, first_pass_at timestamptz, checks_to_pass integer, hint_level numeric,
      solution_seen boolean NOT NULL, passed_now boolean NOT NULL, skipped_now boolean NOT NULL, failed_now integer NOT NULL,
      PRIMARY KEY (learner, module, item))`,
    `CREATE TABLE IF NOT EXISTS dlpath.s_first (learner name NOT NULL, module text NOT NULL, item text NOT NULL,
      ts timestamptz NOT NULL, uid uuid NOT NULL, correct boolean NOT NULL, answer jsonb, PRIMARY KEY (learner, module, item))`,
    // What the trigger looks up: one learner's events of one module (of one kind, of one item, in time).
    'CREATE INDEX IF NOT EXISTS events_learner_module ON dlpath.events (learner, module, kind, item, ts)',
    // The report no longer scans events by kind.
    'DROP INDEX IF EXISTS dlpath.events_kind_item',
    `CREATE OR REPLACE FUNCTION dlpath.summarise() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
${body('new_rows')}
  RETURN NULL;
END $fn$`,
    'DROP TRIGGER IF EXISTS events_summarise ON dlpath.events',
    `CREATE TRIGGER events_summarise AFTER INSERT ON dlpath.events REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION dlpath.summarise()`,
    `CREATE OR REPLACE FUNCTION dlpath.rebuild_summaries() RETURNS void LANGUAGE plpgsql
      SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
  LOCK TABLE dlpath.events IN SHARE MODE;
  TRUNCATE ${TABLES.map((t) => `dlpath.${t}`).join(', ')};
${body('dlpath.events')}
END $fn$`,
    'REVOKE ALL ON FUNCTION dlpath.summarise(), dlpath.rebuild_summaries() FROM PUBLIC',
    `GRANT SELECT ON ${TABLES.map((t) => `dlpath.${t}`).join(', ')} TO ${teacher}`,
  ];
}
