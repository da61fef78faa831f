/**
 * `dlpath import <file>`: merges an export (`dlpath export --format json`) from another machine.
 * Events are matched by their ids, so importing a file twice adds nothing, and importing in either
 * direction gives both machines the same progress (summaries are rebuilt from the merged events).
 * A damaged file, one from another course, or one from a newer dlpath is refused before anything is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from './context.js';
import { Store } from '../adapters/store/store.js';
import { EnvError, UsageError } from '../core/errors.js';
import { loadCurriculum } from '../adapters/curriculum/index.js';
import { EVENT_KINDS, EXPORT_FORMAT, EXPORT_VERSION } from '../adapters/store/export-format.js';
import { mergeInto, newEvents, readHistory, type HistoryEvent } from '../adapters/store/merge.js';
import { contentUid, UUID_RE } from '../adapters/store/uuid.js';
import { m } from '../i18n/carry.js';

const TS_RE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function lineCol(text: string, pos: number): { line: number; column: number } {
  const before = text.slice(0, pos).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The export's events, checked field by field; throws a UsageError (exit 2) or EnvError (exit 4, newer format). */
export function parseExport(text: string, file: string): { course: string | null | undefined; events: HistoryEvent[] } {
  const damaged = (reason: string) => new UsageError(m('importDamaged', { file, reason }), m('importDamagedHint'));
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const pos = /position (\d+)/.exec(msg);
    const at = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : lineCol(text, pos ? Number(pos[1]) : text.length);
    throw damaged(m('importNotJson', at));
  }
  if (!doc || typeof doc !== 'object' || !Array.isArray((doc as { events?: unknown }).events)) throw damaged(m('importNotExport'));
  const d = doc as { format?: unknown; format_version?: unknown; course?: unknown; events: unknown[] };
  const legacy = d.format === undefined && d.format_version === undefined;
  if (!legacy) {
    if (d.format !== EXPORT_FORMAT || typeof d.format_version !== 'number' || !Number.isInteger(d.format_version) || d.format_version < 1) {
      throw damaged(m('importNotExport'));
    }
    if (d.format_version > EXPORT_VERSION) {
      throw new EnvError(m('importNewer', { file, version: d.format_version, known: EXPORT_VERSION }), m('importNewerHint'));
    }
    if (d.course !== null && typeof d.course !== 'string') throw damaged(m('importNotExport'));
  }
  const seen = new Set<string>();
  const events = d.events.map((raw, i): HistoryEvent => {
    const bad = (field: string) => damaged(m('importBadEvent', { n: i + 1, field }));
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad('event');
    const e = raw as Record<string, unknown>;
    if (typeof e.ts !== 'string' || !TS_RE.test(e.ts) || Number.isNaN(Date.parse(e.ts))) throw bad('ts');
    if (typeof e.kind !== 'string' || !EVENT_KINDS.includes(e.kind as HistoryEvent['kind'])) throw bad('kind');
    if (e.module !== null && (typeof e.module !== 'string' || !e.module)) throw bad('module');
    if (e.item !== null && e.item !== undefined && typeof e.item !== 'string') throw bad('item');
    if (typeof e.epoch !== 'number' || !Number.isInteger(e.epoch) || e.epoch < 0) throw bad('epoch');
    if (e.kind !== 'lesson_read' && e.kind !== 'reset' && e.module === null) throw bad('module');
    const data = e.data === undefined ? null : e.data;
    let uid: string;
    if (legacy && e.uid === undefined) {
      // An export from before events had ids: the id their database gave them when it was migrated.
      uid = contentUid({ ts: e.ts, kind: e.kind, module: e.module as string | null, item: (e.item ?? null) as string | null,
        epoch: e.epoch, data: data === null ? null : JSON.stringify(data) });
    } else {
      if (typeof e.uid !== 'string' || !UUID_RE.test(e.uid)) throw bad('uid');
      uid = e.uid;
    }
    if (seen.has(uid)) throw damaged(m('importDuplicate', { n: i + 1, uid }));
    seen.add(uid);
    return { uid, ts: e.ts, kind: e.kind as HistoryEvent['kind'], module: e.module as string | null,
      item: (e.item ?? null) as string | null, epoch: e.epoch, data };
  });
  return { course: legacy ? undefined : (d.course as string | null), events };
}

export async function run(ctx: Context, args: unknown[], opts: { dryRun?: boolean }): Promise<number> {
  const given = String(args[0]);
  const file = path.resolve(ctx.cwd, given);
  let text: string;
  try {
    if (fs.statSync(file).isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(m('importMissing', { file: given, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }), m('importMissingHint'));
  }
  const { course, events } = parseExport(text, given);
  const ix = await loadCurriculum(ctx.curriculumDir, ctx.home, { stderr: ctx.stderr });
  const ours = ix.curriculum.id;
  if (course !== undefined && course !== ours) {
    throw new UsageError(m('importOtherCourse', { file: given, theirs: course ?? '?', ours }), m('importOtherCourseHint', { file: given }));
  }
  if (course === undefined) {
    // An export from before files named their course: every module it names must be one of this course's.
    const unknown = [...new Set(events.map((e) => e.module).filter((x): x is string => x !== null && !ix.module(x)))];
    if (unknown.length) {
      throw new UsageError(m('importOtherCourseModules', { file: given, modules: unknown.slice(0, 5).join(', ') }), m('importOtherCourseHint', { file: given }));
    }
  }
  if (opts.dryRun && !fs.existsSync(path.join(ctx.home, 'progress.db'))) {
    // A dry run in a new data folder: everything would be added, and no database is made.
    return report(ctx, given, file, events, { added: events, present: 0, total: 0 }, true);
  }
  const store = Store.open(ctx.home, ctx.clock);
  try {
    // Nothing is written on a dry run, or when every event is here already (importing a file twice).
    const added = newEvents(readHistory(store), events);
    let result: { added: HistoryEvent[]; present: number; total: number };
    if (opts.dryRun || !added.length) {
      result = { added, present: events.length - added.length, total: 0 };
    } else {
      result = store.tx(() => mergeInto(store, events));
    }
    return report(ctx, given, file, events, result, Boolean(opts.dryRun));
  } finally {
    store.close();
  }
}

function report(ctx: Context, given: string, file: string, events: HistoryEvent[],
  result: { added: HistoryEvent[]; present: number; total: number }, dryRun: boolean): number {
  const kinds: Record<string, number> = {};
  for (const e of result.added) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ file, added: result.added.length, present: result.present, dry_run: dryRun, kinds }, null, 2)}\n`);
    return 0;
  }
  const vars = { file: given, added: result.added.length, present: result.present, total: result.total, n: events.length };
  if (!result.added.length) ctx.stdout.write(`${m('importNothing', vars)}\n`);
  else ctx.stdout.write(`${m(dryRun ? 'importWould' : 'importDone', vars)}\n`);
  if (result.added.length) for (const [kind, n] of Object.entries(kinds)) ctx.stdout.write(`${m('importKinds', { kind, n })}\n`);
  return 0;
}
