import type { Migration } from './index.js';
import type { DB } from '../db.js';
import { contentUid } from '../uuid.js';

/**
 * Every event gets a stable id (a UUID) so that histories from two machines can be merged without
 * counting an event twice. Events written from now on get a random one (crypto.randomUUID); the events
 * already stored get one derived from their content (UUID v5), so that an export made before this
 * version, imported elsewhere, names each event with the same id as this database does.
 * activity_days counts the events of each day (the activity calendar reads at most 26 weeks of rows),
 * and an index on the time serves bounded ranges of the history.
 */
export const migration005: Migration = {
  version: 5,
  sql: `
ALTER TABLE events ADD COLUMN uid TEXT;
ALTER TABLE activity_days ADD COLUMN events INTEGER NOT NULL DEFAULT 0;
CREATE INDEX events_ts ON events(ts);
`,
  run(db: DB): void {
    const rows = db.prepare('SELECT id, ts, kind, module, item, epoch, data FROM events WHERE uid IS NULL ORDER BY id').iterate() as
      IterableIterator<{ id: number; ts: string; kind: string; module: string | null; item: string | null; epoch: number; data: string | null }>;
    const seen = new Set<string>();
    const set = db.prepare('UPDATE events SET uid = ? WHERE id = ?');
    const updates: Array<[string, number]> = [];
    for (const r of rows) {
      let uid = contentUid(r);
      // Two events alike in every field (same millisecond): the second gets a random id.
      if (seen.has(uid)) uid = crypto.randomUUID();
      seen.add(uid);
      updates.push([uid, r.id]);
    }
    for (const [uid, id] of updates) set.run(uid, id);
    db.exec('CREATE UNIQUE INDEX events_uid ON events(uid)');
    // Events per local day, from the history (SQLite's localtime: the time zone of this process).
    db.exec(`INSERT INTO activity_days (day, events)
      SELECT date(ts, 'localtime') AS d, count(*) FROM events WHERE true GROUP BY d
      ON CONFLICT(day) DO UPDATE SET events = excluded.events`);
  },
};
