// The progress store: migrations, refusal of foreign, damaged and newer databases, hot query plans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, APPLICATION_ID } from '../dist/adapters/store/db.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../dist/adapters/store/migrations/index.js';
import { Store } from '../dist/adapters/store/store.js';
import { markLessonRead, readProgress, resetModules, streak } from '../dist/adapters/store/progress.js';
import { tempDir, dlpath, copyFixture } from './helpers.mjs';

test('migrations: an in-memory database is brought to the latest version', () => {
  const db = openDatabase(':memory:');
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.equal(db.pragma('application_id', { simple: true }), APPLICATION_ID);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
  for (const t of ['events', 'module_progress', 'task_progress', 'quiz_attempts', 'quiz_answers', 'activity_days']) assert.ok(tables.includes(t), t);
  db.close();
});

test('migrations: a database at version 1 is migrated forward, keeping its data', () => {
  const file = path.join(tempDir(), 'progress.db');
  const v1 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
  v1.prepare("INSERT INTO events (ts, kind, module) VALUES ('2026-01-01T00:00:00Z', 'lesson_read', 'a')").run();
  v1.close();
  const db = openDatabase(file);
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.equal(db.prepare('SELECT count(*) FROM events').pluck().get(), 1);
  db.close();
});

test('a database newer than the code is refused (exit 4) and left untouched', () => {
  const home = tempDir();
  const file = path.join(home, 'progress.db');
  openDatabase(file).close();
  const raw = new Database(file);
  raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  raw.close();
  const before = fs.readFileSync(file);
  assert.throws(() => openDatabase(file), (e) => e.exitCode === 4 && /newer dlpath/.test(e.message));
  const r = dlpath(['progress'], { home, curriculum: copyFixture('mini') });
  assert.equal(r.code, 4);
  assert.match(r.stderr, /written by a newer dlpath/);
  assert.match(r.stderr, /Upgrade dlpath/);
  assert.deepEqual(fs.readFileSync(file), before);
});

test('a file that is not a dlpath database is reported (exit 4) and never overwritten', () => {
  const home = tempDir();
  const file = path.join(home, 'progress.db');
  fs.writeFileSync(file, 'my notes, not a database\n'.repeat(100));
  const before = fs.readFileSync(file);
  const r = dlpath(['next'], { home, curriculum: copyFixture('mini') });
  assert.equal(r.code, 4);
  assert.match(r.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a dlpath progress database`));
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
  assert.deepEqual(fs.readFileSync(file), before);
  // Another program's SQLite database is not ours either.
  const other = path.join(tempDir(), 'progress.db');
  const o = new Database(other);
  o.exec('CREATE TABLE notes (t TEXT)');
  o.close();
  assert.throws(() => openDatabase(other), (e) => e.exitCode === 4 && /not a dlpath progress database/.test(e.message));
});

test('an unwritable home is reported with its path (exit 4)', () => {
  const parent = tempDir();
  fs.writeFileSync(path.join(parent, 'file'), 'x');
  const home = path.join(parent, 'file', 'home');
  const r = dlpath(['next'], { home, curriculum: copyFixture('mini') });
  assert.equal(r.code, 4);
  assert.match(r.stderr, /cannot be created or written/);
  assert.ok(r.stderr.includes(home));
});

test('reset opens a new epoch: progress starts over, history stays', () => {
  const store = Store.open(tempDir(), () => new Date('2026-03-02T10:00:00Z'));
  markLessonRead(store, 'a');
  assert.equal(readProgress(store).modules.a.lessonRead, true);
  resetModules(store, ['a']);
  assert.equal(readProgress(store).modules.a, undefined);
  const kinds = [...store.events()].map((e) => `${e.kind}@${e.epoch}`);
  assert.deepEqual(kinds, ['lesson_read@0', 'reset@0']);
  markLessonRead(store, 'a');
  assert.equal([...store.events()].at(-1).epoch, 1);
  store.close();
});

test('streak counts consecutive local days ending today or yesterday', () => {
  let now = new Date(2026, 2, 1, 12);
  const store = Store.open(tempDir(), () => now);
  for (const day of [1, 2, 3, 5, 6]) { now = new Date(2026, 2, day, 12); markLessonRead(store, `m${day}`); }
  now = new Date(2026, 2, 6, 20);
  assert.equal(streak(store), 2);
  now = new Date(2026, 2, 7, 9);
  assert.equal(streak(store), 2, 'yesterday still counts');
  now = new Date(2026, 2, 8, 9);
  assert.equal(streak(store), 0);
  store.close();
});

test('hot queries use indexes, not scans of the event history', () => {
  const db = openDatabase(':memory:');
  const plan = (sql, ...args) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args).map((r) => r.detail).join(' | ');
  const progress = plan(`SELECT p.module FROM module_progress p LEFT JOIN module_epoch e ON e.module = p.module WHERE p.epoch = coalesce(e.epoch, 0)`);
  assert.doesNotMatch(progress, /events/);
  assert.match(plan('SELECT epoch FROM module_epoch WHERE module = ?', 'a'), /SEARCH module_epoch USING PRIMARY KEY/);
  assert.match(plan('SELECT day FROM activity_days ORDER BY day DESC'), /SCAN activity_days/);
  assert.doesNotMatch(plan('SELECT day FROM activity_days ORDER BY day DESC'), /TEMP B-TREE/);
  db.close();
});

test('a database damaged after it was made: every command says so (exit 4) and leaves it as it is', () => {
  const home = tempDir();
  const curriculum = copyFixture('mini');
  for (let i = 0; i < 20; i++) assert.equal(dlpath(['learn', 'alpha'], { home, curriculum }).code, 0);
  const file = path.join(home, 'progress.db');
  const bytes = fs.readFileSync(file);
  for (let page = 1; page < 5 && (page + 1) * 4096 <= bytes.length; page++) bytes.fill(0xff, page * 4096, (page + 1) * 4096);
  fs.writeFileSync(file, bytes);
  for (const args of [['progress'], ['path'], ['export'], ['learn', 'alpha']]) {
    const r = dlpath(args, { home, curriculum });
    assert.equal(r.code, 4, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /progress\.db is damaged/);
    assert.doesNotMatch(r.stderr, /internal error/);
  }
  assert.deepEqual(fs.readFileSync(file), bytes);
});

test('a home where no folder can be made (under /proc) is refused at once, not a hang', { skip: !fs.existsSync('/proc/self') && 'no /proc' }, () => {
  const r = dlpath(['progress'], { home: '/proc/dlpath-cannot-exist/home', curriculum: copyFixture('mini'), timeout: 15000 });
  assert.equal(r.code, 4);
  assert.match(r.stderr, /cannot be created or written/);
});

test('migration 005: every stored event gets a stable id derived from its content; new events get random ones; days count events', () => {
  const file = path.join(tempDir(), 'progress.db');
  const v3 = openDatabase(file, { migrations: MIGRATIONS.filter((x) => x.version <= 3) });
  const ins = v3.prepare("INSERT INTO events (ts, kind, module, epoch, data) VALUES (?, 'lesson_read', ?, 0, NULL)");
  ins.run('2026-01-01T10:00:00.000Z', 'a');
  ins.run('2026-01-01T10:00:00.000Z', 'a'); // the same in every field: still two ids
  ins.run('2026-01-02T10:00:00.000Z', 'b');
  v3.prepare("INSERT INTO activity_days (day) VALUES ('2026-01-01'), ('2026-01-02')").run();
  v3.close();
  const copy = path.join(tempDir(), 'progress.db');
  fs.copyFileSync(file, copy);
  const db = openDatabase(file);
  const uids = db.prepare('SELECT uid FROM events ORDER BY id').pluck().all();
  assert.equal(uids.length, 3);
  for (const u of uids) assert.match(u, /^[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(new Set(uids).size, 3, 'unique');
  assert.match(uids[0], /^.{14}5/, 'derived from the content: UUID v5');
  // The same history migrated on another copy gets the same ids (so an old export matches this database).
  const db2 = openDatabase(copy);
  assert.deepEqual(db2.prepare('SELECT uid FROM events ORDER BY id').pluck().all().filter((u) => u[14] === '5'), uids.filter((u) => u[14] === '5'));
  db2.close();
  assert.throws(() => db.prepare('UPDATE events SET uid = ? WHERE id = 3').run(uids[0]), /UNIQUE/);
  const days = db.prepare('SELECT sum(events) FROM activity_days').pluck().get();
  assert.equal(days, 3);
  db.close();
  const store = Store.open(path.dirname(file), () => new Date('2026-01-03T10:00:00Z'));
  markLessonRead(store, 'c');
  const last = store.db.prepare('SELECT uid FROM events ORDER BY id DESC LIMIT 1').pluck().get();
  assert.match(last, /^.{14}4/, 'a new event: a random UUID (v4)');
  store.close();
});
