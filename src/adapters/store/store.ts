/**
 * The progress store: an append-only event history plus summary tables kept in step with it,
 * so that reading progress costs the same whatever the length of the history.
 */
import path from 'node:path';
import { openDatabase, storeError, type DB } from './db.js';

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
}

export interface StoredEvent {
  id: number;
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
      'INSERT INTO events (ts, kind, module, item, epoch, data) VALUES (?, ?, ?, ?, ?, ?)');
    this.dayStmt = db.prepare('INSERT OR IGNORE INTO activity_days (day) VALUES (?)');
  }

  static open(home: string, clock?: () => Date): Store {
    const file = path.join(home, 'progress.db');
    return new Store(openDatabase(file), file, clock);
  }

  close(): void { this.db.close(); }

  now(): string { return this.clock().toISOString(); }

  /** Runs fn in one write transaction (BEGIN IMMEDIATE, so two processes queue instead of failing). */
  tx<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  epoch(module: string): number {
    return (this.epochStmt.get(module) as number | undefined) ?? 0;
  }

  /** Appends an event (in the module's current epoch) and returns its id. Call inside tx(). */
  record(e: EventInput): number {
    const now = this.clock();
    const epoch = e.module ? this.epoch(e.module) : 0;
    const info = this.insertStmt.run(now.toISOString(), e.kind, e.module ?? null, e.item ?? null, epoch,
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

  /** Every event, oldest first, streamed. */
  *events(): IterableIterator<StoredEvent> {
    const it = this.db.prepare('SELECT id, ts, kind, module, item, epoch, data FROM events ORDER BY id').iterate();
    for (const r of it as IterableIterator<Omit<StoredEvent, 'data'> & { data: string | null }>) {
      yield { ...r, data: r.data === null ? null : JSON.parse(r.data) };
    }
  }
}
