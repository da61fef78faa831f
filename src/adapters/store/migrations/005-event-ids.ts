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
    // One UPDATE with the id computed by a function of ours: no round trip per row.
    db.function('dlpath_content_uid', { deterministic: true },
      (ts, kind, module, item, epoch, data) => contentUid({ ts: ts as string, kind: kind as string, module: module as string | null,
        item: item as string | null, epoch: Number(epoch), data: data as string | null }));
    db.exec('UPDATE events SET uid = dlpath_content_uid(ts, kind, module, item, epoch, data) WHERE uid IS NULL');
    try {
      db.exec('CREATE UNIQUE INDEX events_uid ON events(uid)');
    } catch {
      // Two events alike in every field (the same millisecond): each but the first gets a random id.
      db.function('dlpath_random_uid', { deterministic: false }, () => crypto.randomUUID());
      db.exec('UPDATE events SET uid = dlpath_random_uid() WHERE id NOT IN (SELECT min(id) FROM events GROUP BY uid)');
      db.exec('CREATE UNIQUE INDEX events_uid ON events(uid)');
    }
    // Events per local day, from the history (SQLite's localtime: the time zone of this process).
    db.exec(`INSERT INTO activity_days (day, events)
      SELECT date(ts, 'localtime') AS d, count(*) FROM events WHERE true GROUP BY d
      ON CONFLICT(day) DO UPDATE SET events = excluded.events`);
  },
};
