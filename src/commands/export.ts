/** `dlpath export`: every event of every epoch, as JSON, CSV or xAPI statements. */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Context } from './context.js';
import { Store, type StoredEvent } from '../adapters/store/store.js';
import { EnvError, UsageError } from '../core/errors.js';
import { looksLikeSqlite, realPathLoose, writeFileAtomic } from '../adapters/files.js';
import { m } from '../i18n/path.js';
import { uuidV5, XAPI_NAMESPACE } from '../adapters/store/uuid.js';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../adapters/store/export-format.js';
import { loadCurriculum } from '../adapters/curriculum/index.js';

/**
 * The CSV, one row per event, for a spreadsheet: the event's own columns, then its data's common fields
 * as columns of their own (empty when the event has none), then uid, and last the data whole as JSON.
 * An answer that is a list (select-all, ordering) is its ids joined by "|".
 */
const CSV_EVENT = ['id', 'ts', 'kind', 'module', 'item', 'epoch'] as const;
const CSV_DATA: Array<[column: string, field: string]> = [
  ['attempt', 'attempt'], ['answer', 'answer'], ['correct', 'correct'], ['rating', 'rating'], ['next_review', 'due'],
  ['score', 'score'], ['passed', 'passed'], ['total', 'total'], ['outcome', 'outcome'], ['hint_level', 'level'],
];
export const CSV_HEADER = [...CSV_EVENT, ...CSV_DATA.map(([c]) => c), 'uid', 'data'];

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  // A cell a spreadsheet would take for a formula (=, +, -, @ first) is quoted with a leading '.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvRow(e: StoredEvent): string {
  const data = (e.data !== null && typeof e.data === 'object' && !Array.isArray(e.data) ? e.data : {}) as Record<string, unknown>;
  const field = (f: string): unknown => (Array.isArray(data[f]) ? (data[f] as unknown[]).join('|') : data[f]);
  return [...CSV_EVENT.map((c) => e[c]), ...CSV_DATA.map(([, f]) => field(f)), e.uid, e.data].map(csvCell).join(',');
}

const VERBS: Record<string, string> = {
  lesson_read: 'http://adlnet.gov/expapi/verbs/experienced',
  quiz_started: 'http://adlnet.gov/expapi/verbs/attempted',
  quiz_answered: 'http://adlnet.gov/expapi/verbs/answered',
  quiz_finished: 'http://adlnet.gov/expapi/verbs/completed',
  review: 'http://adlnet.gov/expapi/verbs/answered',
  task_started: 'http://adlnet.gov/expapi/verbs/attempted',
  task_checked: 'http://adlnet.gov/expapi/verbs/attempted',
  task_hint: 'http://adlnet.gov/expapi/verbs/interacted',
  task_solution: 'http://adlnet.gov/expapi/verbs/interacted',
  reset: 'http://adlnet.gov/expapi/verbs/initialized',
};

function xapi(e: StoredEvent, learner: string): unknown {
  const data = (e.data ?? {}) as Record<string, unknown>;
  const statement: Record<string, unknown> = {
    // Derived from the event's id (UUID v5): the same event sent twice to a Learning Record Store is stored once.
    id: uuidV5(e.uid, XAPI_NAMESPACE),
    actor: { objectType: 'Agent', account: { homePage: 'urn:dlpath', name: learner } },
    verb: { id: VERBS[e.kind] ?? 'http://adlnet.gov/expapi/verbs/interacted', display: { 'en-US': e.kind } },
    object: { objectType: 'Activity', id: `urn:dlpath:${e.module ?? 'path'}${e.item ? `:${e.item}` : ''}` },
    timestamp: e.ts,
    context: { extensions: { 'urn:dlpath:epoch': e.epoch, 'urn:dlpath:event': e.uid } },
  };
  if (typeof data.correct === 'boolean') statement.result = { success: data.correct };
  if (typeof data.score === 'number') statement.result = { score: { scaled: data.score }, success: Boolean(data.passed) };
  return statement;
}

/**
 * --out must not name the progress database, its -wal/-shm/-journal companions, any other SQLite
 * database, or a folder: an export replaces the file it names.
 */
function refuseTarget(file: string, dbFile: string): void {
  const target = realPathLoose(file);
  const db = realPathLoose(dbFile);
  if (['', '-wal', '-shm', '-journal'].some((x) => target === `${db}${x}`)) {
    throw new UsageError(m('exportIsDatabase', { file }), m('exportIsDatabaseHint'));
  }
  let st: fs.Stats | undefined;
  try { st = fs.statSync(file); } catch { /* a new file */ }
  if (st?.isDirectory()) throw new UsageError(m('exportIsFolder', { file }), m('exportIsDatabaseHint'));
  if (st && looksLikeSqlite(file)) throw new UsageError(m('exportIsSqlite', { file }), m('exportIsDatabaseHint'));
}

export async function run(ctx: Context, _args: unknown[], opts: { format?: string; out?: string }): Promise<number> {
  // Reading only: a data folder that cannot be written (a backup, a read-only disk) still exports.
  const format = opts.format ?? 'json';
  // The course the history belongs to (import refuses another course's); an export still works when the course cannot be read.
  let course: string | null = null;
  if (format === 'json') {
    try { course = (await loadCurriculum(ctx.curriculumDir, ctx.home, { stderr: ctx.stderr })).curriculum.id; } catch { /* null */ }
  }
  const store = Store.open(ctx.home, ctx.clock, { readOnlyOk: true });
  const chunks: string[] = [];
  const unreadable: number[] = [];
  let n = 0;
  // A row whose data is not JSON is exported with its data as text, and named afterwards.
  const events = function* () {
    for (const e of store.events()) {
      if (e.unreadable) { unreadable.push(e.id); delete e.unreadable; }
      yield e;
    }
  };
  try {
    if (format === 'csv') {
      chunks.push(`${CSV_HEADER.join(',')}\n`);
      for (const e of events()) { chunks.push(`${csvRow(e)}\n`); n++; }
    } else {
      const list: unknown[] = [];
      // The learner is named by a digest of the history's first event (by time, then id): the same on every
      // machine that holds the same history (after dlpath import), and nothing personal in it.
      const first = format === 'xapi' ? store.db.prepare('SELECT uid FROM events ORDER BY ts, uid LIMIT 1').pluck().get() as string | undefined : undefined;
      const learner = `learner-${createHash('sha256').update(first ?? '').digest('hex').slice(0, 16)}`;
      for (const e of events()) { list.push(format === 'xapi' ? xapi(e, learner) : e); n++; }
      chunks.push(`${JSON.stringify(format === 'xapi' ? list
        : { format: EXPORT_FORMAT, format_version: EXPORT_VERSION, course, exported_at: ctx.clock().toISOString(), events: list }, null, 2)}\n`);
    }
  } finally {
    store.close();
  }
  if (opts.out) {
    const file = path.resolve(ctx.cwd, opts.out);
    refuseTarget(file, store.file);
    try {
      writeFileAtomic(file, chunks.join(''));
    } catch (e) {
      throw new EnvError(m('exportCantWrite', { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }), m('exportCantWriteHint'));
    }
    ctx.stderr.write(`${m('exportWritten', { n, file })}\n`);
  } else {
    for (const c of chunks) ctx.stdout.write(c);
  }
  if (unreadable.length) {
    const ids = unreadable.length > 20 ? `${unreadable.slice(0, 20).join(', ')}, …` : unreadable.join(', ');
    ctx.stderr.write(`dlpath: ${m('exportUnreadable', { n: unreadable.length, ids, file: store.file })}\n${m('exportUnreadableHint')}\n`);
    return 4;
  }
  return 0;
}
