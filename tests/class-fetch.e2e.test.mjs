// What sync reads from the server: only what arrived since its last fetch (a mark kept in class.json), not
// the learner's whole history; a transaction still open during a fetch is read by the next one (never
// lost); a database replaced under class.json starts over; a class made before the mark existed is read
// whole; a learner cannot set the mark's column.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './helpers.mjs';
import { pg, pgServer, freshDb, sql } from './pg.mjs';
import { RIGHT, WRONG, run, json, takeQuiz, addLearners, localCount } from './class-kit.mjs';

const server = await pgServer();

test('sync fetches what is new since its last fetch, and misses nothing still being written', { skip: server.skip ?? false }, async () => {
  const url = await freshDb(server.url, 'dlpath_t_fetch');
  const teacher = tempDir();
  assert.equal(run(teacher, ['class', 'init', url]).code, 0);
  const { ana, ben } = addLearners(teacher, url, ['ana', 'ben']);
  const a = tempDir(); const b = tempDir();
  const sync = (h) => { const r = run(h, ['--json', 'sync']); assert.equal(r.code, 0, r.stderr); return JSON.parse(r.stdout); };
  assert.equal(takeQuiz(a, RIGHT).code, 0);
  assert.equal(run(a, ['class', 'join', ana]).code, 0);
  const all = localCount(a);
  assert.equal(run(b, ['class', 'join', ana]).code, 0);
  assert.equal(localCount(b), all, 'a new machine gets everything');
  // Nothing new: nothing read. B's work: A reads just that (and B re-reads only its own last batch at most).
  assert.deepEqual(sync(a), { sent: 0, received: 0, fetched: 0 });
  assert.equal(takeQuiz(b, WRONG).code, 1);
  const fromB = localCount(b) - all;
  assert.equal(sync(b).sent, fromB);
  const got = sync(a);
  assert.equal(got.received, fromB);
  assert.ok(got.fetched >= fromB && got.fetched < all + fromB, `fetched ${got.fetched}: the new events, not the whole history`);
  assert.equal(sync(a).fetched, 0);

  // An event written by a transaction that began before others that committed, and is still open while A
  // fetches: A's next fetch reads it.
  const open = new pg.Client({ connectionString: ana });
  await open.connect();
  try {
    await open.query('BEGIN');
    await open.query(`INSERT INTO dlpath.events (uid, ts, kind, module, item, epoch, data, lag)
      VALUES ('00000000-0000-4000-8000-00000000f00d', '2026-11-30T10:00:00.000Z', 'lesson_read', 'basics', NULL, 0, NULL, 0)`);
    // Another learner's sync commits after that transaction began (ana's own would wait for it).
    const other = tempDir();
    assert.equal(takeQuiz(other, RIGHT).code, 0);
    assert.equal(run(other, ['class', 'join', ben]).code, 0);
    assert.equal(sync(a).received, 0, 'not committed: not seen');
    await open.query('COMMIT');
  } finally {
    await open.end();
  }
  assert.equal(sync(a).received, 1, 'committed after the fetch: read by the next one');
  assert.ok(json(a, ['export', '--format', 'json']).events.some((e) => e.uid === '00000000-0000-4000-8000-00000000f00d'));

  // The database replaced under class.json (deleted, or restored from a backup): the marks name events it
  // does not hold where they say, so the next sync sends and fetches everything again; nothing is skipped.
  const ownOnServer = async () => Number((await sql(ana, 'SELECT count(*) AS n FROM dlpath.events'))[0].n);
  for (const f of fs.readdirSync(a)) if (f.startsWith('progress.db')) fs.rmSync(path.join(a, f));
  assert.equal(takeQuiz(a, WRONG).code, 1);
  const fresh = localCount(a);
  const onServer = await ownOnServer();
  const r = sync(a);
  assert.equal(r.sent, fresh, 'every event of the new database is sent (their ids start from 1 again)');
  assert.equal(await ownOnServer(), onServer + fresh);
  assert.equal(localCount(a), onServer + fresh, 'and the history comes back from the server');

  // The mark is the server's to set: a learner cannot write the column (nor hide events from their own fetches).
  await assert.rejects(sql(ana, `INSERT INTO dlpath.events (uid, ts, kind, module, epoch, xid) VALUES (gen_random_uuid(), now(), 'lesson_read', 'basics', 0, '1')`),
    /permission denied/);

  // A class made before the mark existed (its teacher has not run init again): sync reads the whole history.
  await sql(url, 'ALTER TABLE dlpath.events DROP COLUMN xid');
  const c = tempDir();
  assert.equal(run(c, ['class', 'join', ana]).code, 0);
  assert.equal(localCount(c), localCount(a));
  assert.equal(sync(c).fetched, localCount(a));
  assert.equal(JSON.parse(fs.readFileSync(path.join(c, 'class.json'), 'utf8')).fetched_from, undefined);
  // init adds it back; the next sync reads everything once, then only what is new.
  assert.equal(run(teacher, ['class', 'init', url]).code, 0);
  assert.equal(sync(c).fetched, localCount(a));
  assert.equal(sync(c).fetched, 0);
});
