/**
 * Merging histories from several machines. An event is named by its uid, so a set of events is the
 * same set whatever order it was gathered in; everything else (each event's epoch, every summary
 * table) is computed from that set alone, so two machines holding the same events show the same progress.
 *
 * Epochs by time: an event belongs to the epoch that the resets of its module before it (in time, on
 * any machine) have brought it to, less its own `lag`: how many of its own machine's resets came
 * between the start of its work and its recording (a quiz answered after a reset made in another
 * terminal stays in the epoch its attempt began in). The lag is read off any consistent history
 * that holds the event, and does not change when histories are merged.
 */
import { createEmptyCard, type Card } from 'ts-fsrs';
import type { Store, EventKind, StoredEvent } from './store.js';
import { localDay } from './store.js';
import { scheduler, ratingFor } from './review.js';
import { skippable } from '../../core/check-result.js';
import { contentUid } from './uuid.js';

export { EXPORT_FORMAT, EXPORT_VERSION, EVENT_KINDS } from './export-format.js';

/** An event as it travels between machines: a stored event without its local row id. */
export type HistoryEvent = Omit<StoredEvent, 'id'>;

/** Within one millisecond: the order work happens in (a start before its answers, a reset last). */
const RANK: Record<EventKind, number> = {
  lesson_read: 0, quiz_started: 1, task_started: 1, quiz_answered: 2, review: 2, task_hint: 2,
  quiz_finished: 3, task_checked: 3, task_solution: 4, reset: 9,
};

export function compareEvents(a: HistoryEvent, b: HistoryEvent): number {
  if (a.ts !== b.ts) return a.ts < b.ts ? -1 : 1;
  if (RANK[a.kind] !== RANK[b.kind]) return RANK[a.kind] - RANK[b.kind];
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

/** For each event of a consistent history: resets of its module before it, less its epoch. */
export function lagsOf(events: readonly HistoryEvent[]): Map<string, number> {
  const sorted = [...events].sort(compareEvents);
  const resets = new Map<string, number>();
  const lags = new Map<string, number>();
  for (const e of sorted) {
    if (e.module === null) { lags.set(e.uid, 0); continue; }
    const before = resets.get(e.module) ?? 0;
    lags.set(e.uid, before - e.epoch);
    if (e.kind === 'reset') resets.set(e.module, before + 1);
  }
  return lags;
}

/** The events (sorted by time) with their epochs in the merged history. */
export function assignEpochs(events: readonly HistoryEvent[], lags: ReadonlyMap<string, number>): HistoryEvent[] {
  const sorted = [...events].sort(compareEvents);
  const resets = new Map<string, number>();
  return sorted.map((e) => {
    if (e.module === null) return { ...e, epoch: 0 };
    const before = resets.get(e.module) ?? 0;
    const epoch = Math.max(0, Math.min(before, before - (lags.get(e.uid) ?? 0)));
    if (e.kind === 'reset') resets.set(e.module, before + 1);
    return { ...e, epoch };
  });
}

type Row = { id: number; uid: string; ts: string; kind: EventKind; module: string | null; item: string | null; epoch: number; data: string | null };

export function readHistory(store: Store): Array<HistoryEvent & { id: number }> {
  const rows = store.db.prepare('SELECT id, uid, ts, kind, module, item, epoch, data FROM events').all() as Row[];
  return rows.map((r) => {
    let data: unknown = r.data;
    if (r.data !== null) { try { data = JSON.parse(r.data); } catch { /* kept as text */ } }
    // A row written by something other than dlpath may lack an id: the one its content gives.
    return { ...r, uid: r.uid ?? contentUid(r), data };
  });
}

export interface MergeResult { added: HistoryEvent[]; present: number; total: number }

/** Which of `incoming` this history lacks (by uid). */
export function newEvents(local: readonly HistoryEvent[], incoming: readonly HistoryEvent[]): HistoryEvent[] {
  const have = new Set(local.map((e) => e.uid));
  return incoming.filter((e) => !have.has(e.uid));
}

/**
 * Adds the incoming events this history lacks, gives every event its epoch in the merged history,
 * and rebuilds every summary from the events. Call inside store.tx().
 * `incomingLags`: the incoming events' lags when `incoming` is not one consistent history that they can be
 * read off (a class server holds each event with the epoch its machine gave it when it was sent, before
 * that machine knew of resets made elsewhere: sync passes the lags each machine sent).
 */
export function mergeInto(store: Store, incoming: readonly HistoryEvent[], incomingLags?: ReadonlyMap<string, number>): MergeResult {
  const local = readHistory(store);
  if (store.db.prepare('SELECT 1 FROM events WHERE uid IS NULL LIMIT 1').get()) {
    const fill = store.db.prepare('UPDATE events SET uid = ? WHERE id = ? AND uid IS NULL');
    for (const e of local) fill.run(e.uid, e.id);
  }
  const added = newEvents(local, incoming);
  if (!added.length) return { added, present: incoming.length, total: local.length };
  const lags = new Map([...lagsOf(local), ...(incomingLags ?? lagsOf(incoming))]);
  const ins = store.db.prepare('INSERT INTO events (uid, ts, kind, module, item, epoch, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const e of added) {
    ins.run(e.uid, e.ts, e.kind, e.module, e.item, e.epoch, e.data === null || e.data === undefined ? null : JSON.stringify(e.data));
  }
  const merged = assignEpochs([...local, ...added], lags);
  const setEpoch = store.db.prepare('UPDATE events SET epoch = ? WHERE uid = ? AND epoch <> ?');
  for (const e of merged) setEpoch.run(e.epoch, e.uid, e.epoch);
  // Unfinished attempts here move with the resets that came in before they began.
  const newResets = added.filter((e) => e.kind === 'reset');
  if (newResets.length) {
    const attempts = store.db.prepare('SELECT id, module, epoch, started_at FROM quiz_attempts').all() as
      Array<{ id: number; module: string; epoch: number; started_at: string }>;
    const upd = store.db.prepare('UPDATE quiz_attempts SET epoch = ? WHERE id = ?');
    for (const a of attempts) {
      const delta = newResets.filter((r) => r.module === a.module && r.ts < a.started_at).length;
      if (delta) upd.run(a.epoch + delta, a.id);
    }
  }
  rebuildSummaries(store, merged);
  return { added, present: incoming.length - added.length, total: merged.length };
}

const max = (a: string | null, b: string) => (a === null || b > a ? b : a);
const min = (a: string | null, b: string) => (a === null || b < a ? b : a);

/** Every summary table, from the events (sorted by time, with their epochs). Call inside store.tx(). */
export function rebuildSummaries(store: Store, events: readonly HistoryEvent[]): void {
  type MP = { lesson: string | null; best: number | null; passedAt: string | null; last: string | null };
  type TP = { module: string; started: string | null; passedAt: string | null; best: number | null; total: number | null;
    checks: number; hints: number; solution: string | null; skipped: string | null; last: string | null };
  type CardState = { card: Card; lastCorrect: boolean };
  const epochs = new Map<string, number>();
  const mods = new Map<string, MP>();
  const tasks = new Map<string, TP>();
  const cards = new Map<string, CardState & { module: string; question: string; epoch: number }>();
  const days = new Map<string, number>();
  const modRow = (module: string, epoch: number) => {
    const k = JSON.stringify([module, epoch]);
    let r = mods.get(k);
    if (!r) mods.set(k, r = { lesson: null, best: null, passedAt: null, last: null });
    return r;
  };
  const taskRow = (module: string, task: string, epoch: number) => {
    const k = JSON.stringify([task, epoch]);
    let r = tasks.get(k);
    if (!r) tasks.set(k, r = { module, started: null, passedAt: null, best: null, total: null, checks: 0, hints: 0, solution: null, skipped: null, last: null });
    return r;
  };
  for (const e of events) {
    const day = localDay(new Date(e.ts));
    days.set(day, (days.get(day) ?? 0) + 1);
    if (e.module === null) continue;
    const d = (e.data && typeof e.data === 'object' ? e.data : {}) as Record<string, unknown>;
    if (e.kind === 'reset') {
      epochs.set(e.module, Math.max(epochs.get(e.module) ?? 0, e.epoch + 1));
      continue;
    }
    const mp = modRow(e.module, e.epoch);
    mp.last = max(mp.last, e.ts);
    switch (e.kind) {
      case 'lesson_read': mp.lesson = min(mp.lesson, e.ts); break;
      case 'quiz_finished':
        if (typeof d.score === 'number') mp.best = Math.max(mp.best ?? 0, d.score);
        if (d.passed === true) mp.passedAt = min(mp.passedAt, e.ts);
        break;
      case 'quiz_answered': case 'review': {
        if (!e.item || typeof d.correct !== 'boolean') break;
        const k = JSON.stringify([e.module, e.item, e.epoch]);
        const now = new Date(e.ts);
        const c = cards.get(k);
        const rating = ratingFor(d.correct, c ? c.lastCorrect : undefined);
        const card = scheduler.next(c ? c.card : createEmptyCard(now), now, rating).card;
        cards.set(k, { card, lastCorrect: d.correct, module: e.module, question: e.item, epoch: e.epoch });
        break;
      }
      default: {
        if (!e.item) break;
        const tp = taskRow(e.module, e.item, e.epoch);
        tp.last = max(tp.last, e.ts);
        if (e.kind === 'task_started') tp.started = min(tp.started, e.ts);
        if (e.kind === 'task_hint' && typeof d.level === 'number') tp.hints = Math.max(tp.hints, d.level);
        if (e.kind === 'task_solution' && !tp.passedAt) tp.solution = min(tp.solution, e.ts);
        if (e.kind === 'task_checked') {
          tp.started = min(tp.started, e.ts);
          const missing = Array.isArray(d.missing) ? d.missing.filter((x): x is string => typeof x === 'string') : [];
          if (d.outcome === 'missing_packages') {
            if (skippable(missing)) tp.skipped = min(tp.skipped, e.ts);
          } else {
            tp.checks++;
            if (typeof d.passed === 'number') tp.best = Math.max(tp.best ?? 0, d.passed);
            if (typeof d.total === 'number' && d.total > 0) tp.total = d.total;
            if (d.outcome === 'passed') tp.passedAt = min(tp.passedAt, e.ts);
          }
        }
      }
    }
  }
  const db = store.db;
  for (const t of ['module_epoch', 'module_progress', 'task_progress', 'review_cards', 'activity_days']) db.exec(`DELETE FROM ${t}`);
  const ep = db.prepare('INSERT INTO module_epoch (module, epoch) VALUES (?, ?)');
  for (const [module, epoch] of epochs) ep.run(module, epoch);
  const mp = db.prepare('INSERT INTO module_progress (module, epoch, lesson_read_at, quiz_best, quiz_passed_at, last_activity) VALUES (?, ?, ?, ?, ?, ?)');
  for (const [k, r] of mods) { const [module, epoch] = JSON.parse(k) as [string, number]; mp.run(module, epoch, r.lesson, r.best, r.passedAt, r.last); }
  const tp = db.prepare(`INSERT INTO task_progress (task, epoch, module, started_at, passed_at, best_passed, total, checks,
    hints_shown, solution_seen_at, skipped_at, last_activity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const [k, r] of tasks) {
    const [task, epoch] = JSON.parse(k) as [string, number];
    tp.run(task, epoch, r.module, r.started, r.passedAt, r.best, r.total, r.checks, r.hints, r.solution, r.skipped, r.last);
  }
  const cp = db.prepare(`INSERT INTO review_cards (module, question, epoch, due, stability, difficulty, elapsed_days,
    scheduled_days, learning_steps, reps, lapses, state, last_review, last_correct) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const c of cards.values()) {
    const k = c.card;
    cp.run(c.module, c.question, c.epoch, k.due.toISOString(), k.stability, k.difficulty, k.elapsed_days, k.scheduled_days,
      k.learning_steps, k.reps, k.lapses, k.state, k.last_review ? k.last_review.toISOString() : null, c.lastCorrect ? 1 : 0);
  }
  const dp = db.prepare('INSERT INTO activity_days (day, events) VALUES (?, ?)');
  for (const [day, n] of days) dp.run(day, n);
}
