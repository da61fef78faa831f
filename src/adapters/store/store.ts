/**
 * The progress store: an append-only event history plus summary tables kept in step with it,
 * so that reading progress costs the same whatever the length of the history.
 */
import path from 'node:path';
import { openDatabase, storeError, withBusyRetry, type DB } from './db.js';

export type EventKind =
  | 'lesson_read'
  | 'quiz_started' | 'quiz_answered' | 'quiz_finished'
  | 'review'
  | 'task_started' | 'task_checked' | 'task_hint' | 'task_solution'
  | 'reset';

export interface EventInput {
  kind: EventKind;
  module?: string | null;
  item?: string | null;
  data?: unknown;
  /** The epoch the work belongs to (when it began before a reset); default: the module's current one. */
  epoch?: number;
}

export interface StoredEvent {
  id: number;
  /** The event's stable id (a UUID), the same on every machine its history is carried to. */
  uid: string;
  ts: string;
  kind: EventKind;
  module: string | null;
  item: string | null;
  epoch: number;
  data: unknown;
}

/** A calendar day in the learner's local time zone, YYYY-MM-DD. */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export class Store {
  private readonly epochStmt;
  private readonly insertStmt;
  private readonly dayStmt;

  constructor(readonly db: DB, readonly file: string, readonly clock: () => Date = () => new Date()) {
    this.epochStmt = db.prepare('SELECT epoch FROM module_epoch WHERE module = ?').pluck();
    this.insertStmt = db.prepare(
      'INSERT INTO events (uid, ts, kind, module, item, epoch, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.dayStmt = db.prepare('INSERT INTO activity_days (day, events) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET events = events + 1');
  }

  /** readOnlyOk: a reading command, which reads a snapshot when the data folder cannot be written. */
  static open(home: string, clock?: () => Date, opts: { readOnlyOk?: boolean } = {}): Store {
    const file = path.join(home, 'progress.db');
    return new Store(openDatabase(file, opts), file, clock);
  }

  close(): void { this.db.close(); }

  /** Inside tx(): the moment the transaction began, so that an event and the summaries it updates carry one time. */
  private frozen: Date | undefined;

  /** The time to record: inside tx() the transaction's one moment, else the clock's. */
  time(): Date { return this.frozen ?? this.clock(); }

  now(): string { return this.time().toISOString(); }

  /**
   * Runs fn in one write transaction (BEGIN IMMEDIATE), waiting (bounded, and said) while other
   * processes write. fn must touch nothing but the database: it may run more than once.
   */
  tx<T>(fn: () => T): T {
    try {
      // One moment for everything the transaction writes: the summaries are then exactly what the events say
      // (dlpath import rebuilds them from the events).
      const timed = () => {
        if (this.frozen) return fn();
        this.frozen = this.clock();
        try { return fn(); } finally { this.frozen = undefined; }
      };
      return withBusyRetry(this.file, () => this.db.transaction(timed).immediate());
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  epoch(module: string): number {
    return (this.epochStmt.get(module) as number | undefined) ?? 0;
  }

  /** Appends an event (in the module's current epoch) and returns its id. Call inside tx(). */
  record(e: EventInput): number {
    const now = this.time();
    const epoch = e.epoch ?? (e.module ? this.epoch(e.module) : 0);
    const info = this.insertStmt.run(crypto.randomUUID(), now.toISOString(), e.kind, e.module ?? null, e.item ?? null, epoch,
      e.data === undefined ? null : JSON.stringify(e.data));
    this.dayStmt.run(localDay(now));
    return Number(info.lastInsertRowid);
  }

  getSetting(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
    return row;
  }

  setSetting(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  /**
   * Every event, oldest first, streamed. A row whose data is not JSON (changed by something other
   * than dlpath) comes with its data as the raw text and `unreadable: true`, so the rest still reads.
   */
  *events(): IterableIterator<StoredEvent & { unreadable?: boolean }> {
    const it = this.db.prepare('SELECT id, uid, ts, kind, module, item, epoch, data FROM events ORDER BY id').iterate();
    for (const r of it as IterableIterator<Omit<StoredEvent, 'data'> & { data: unknown }>) {
      if (r.data === null) { yield { ...r, data: null }; continue; }
      try {
        if (typeof r.data !== 'string') throw new Error('not text');
        yield { ...r, data: JSON.parse(r.data) };
      } catch {
        yield { ...r, data: typeof r.data === 'string' ? r.data : String(r.data), unreadable: true };
      }
    }
  }
}
