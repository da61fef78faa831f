// Reliability of what dlpath writes (issue #12): reset's set-aside folders, export --out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { dlpath, tempDir, openDb, testEnv, BIN, FIXTURES } from './helpers.mjs';

const TASKS = path.join(FIXTURES, 'tasks-basic');
const run = (home, args, opts = {}) => dlpath(args, { home, curriculum: TASKS, ...opts });

test('D1: reset never replaces an earlier set-aside attempt, even when the database started over', () => {
  const home = tempDir();
  const file = path.join(home, 'workspace', 'tb-vectors', 'scale.py');
  assert.equal(run(home, ['task', 'scale']).code, 0);
  fs.writeFileSync(file, '# v1: my first solved attempt\n');
  let r = run(home, ['reset', 'tb-vectors', '--yes']);
  assert.equal(r.code, 0, r.stderr);
  const first = path.join(home, 'workspace', 'tb-vectors', '.attempt-0', 'scale.py');
  assert.equal(fs.readFileSync(first, 'utf8'), '# v1: my first solved attempt\n');

  // The database is moved away (what dlpath's own message for a foreign file suggests): epochs start over.
  fs.renameSync(path.join(home, 'progress.db'), path.join(home, 'progress.db.moved-away'));
  assert.equal(run(home, ['task', 'scale']).code, 0);
  fs.writeFileSync(file, '# v2: second attempt\n');
  r = run(home, ['reset', 'tb-vectors', '--yes', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const second = path.join(home, 'workspace', 'tb-vectors', '.attempt-0-2');
  assert.deepEqual(JSON.parse(r.stdout).files_moved_to, [second]);
  assert.equal(fs.readFileSync(first, 'utf8'), '# v1: my first solved attempt\n');
  assert.equal(fs.readFileSync(path.join(second, 'scale.py'), 'utf8'), '# v2: second attempt\n');
  assert.ok(!fs.existsSync(file));
});

test('D1: a file the learner put in the attempt folder by hand is not replaced either', () => {
  const home = tempDir();
  const dir = path.join(home, 'workspace', 'tb-vectors');
  assert.equal(run(home, ['task', 'scale']).code, 0);
  fs.mkdirSync(path.join(dir, '.attempt-0'));
  fs.writeFileSync(path.join(dir, '.attempt-0', 'scale.py'), '# mine\n');
  fs.writeFileSync(path.join(dir, 'scale.py'), '# work\n');
  assert.equal(run(home, ['reset', 'tb-vectors', '--yes']).code, 0);
  assert.equal(fs.readFileSync(path.join(dir, '.attempt-0', 'scale.py'), 'utf8'), '# mine\n');
  assert.equal(fs.readFileSync(path.join(dir, '.attempt-0-2', 'scale.py'), 'utf8'), '# work\n');
});

test('D2: export --out refuses the live database, its WAL/SHM, and any SQLite file; the files stay as they were', async () => {
  const home = tempDir();
  assert.equal(run(home, ['task', 'scale']).code, 0);
  const db = path.join(home, 'progress.db');
  const before = fs.readFileSync(db);
  for (const target of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) {
    const r = run(home, ['export', '--out', target]);
    assert.equal(r.code, 2, `${target}: ${r.stderr}`);
    assert.match(r.stderr, /is your progress database \(or one of its files\).*Nothing was written/);
  }
  // Through a link, and by a relative path.
  const link = path.join(home, 'link.db');
  fs.symlinkSync(db, link);
  assert.equal(run(home, ['export', '--out', link]).code, 2);
  assert.equal(run(home, ['export', '--out', 'progress.db'], { cwd: home }).code, 2);
  assert.deepEqual(fs.readFileSync(db), before);
  // Another SQLite database (a copy of a backup, say) is refused too.
  const other = path.join(home, 'backup.db');
  fs.copyFileSync(db, other);
  const r = run(home, ['export', '--out', other]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /is a SQLite database/);
  assert.deepEqual(fs.readFileSync(other), before);
  // A folder.
  assert.equal(run(home, ['export', '--out', home]).code, 2);
  // And the database still works.
  const h = await openDb(home);
  assert.equal(h.prepare("SELECT count(*) FROM events WHERE kind = 'task_started'").pluck().get(), 1);
  h.close();
});

test('D2: export --out replaces an earlier export whole (temporary file, then rename); no temporary file left', () => {
  const home = tempDir();
  assert.equal(run(home, ['task', 'scale']).code, 0);
  const out = path.join(home, 'backup.json');
  fs.writeFileSync(out, 'an earlier export\n');
  const r = run(home, ['export', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).events.length, 1);
  assert.deepEqual(fs.readdirSync(home).filter((f) => f.includes('.tmp')), []);
});

/** Adds n hint events straight into the database (a long history, quickly). */
async function addEvents(home, n) {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(home, 'progress.db'));
  const ins = db.prepare("INSERT INTO events (ts, kind, module, item, epoch, data) VALUES (?, 'task_hint', 'tb-vectors', 'scale', 0, ?)");
  db.transaction(() => { for (let i = 0; i < n; i++) ins.run(new Date(0).toISOString(), JSON.stringify({ level: 1, of: 2, pad: 'p'.repeat(40) })); })();
  db.close();
}

/** A small tmpfs (a real full disk) when this runs as root and may mount; else undefined. */
export function smallTmpfs(kib, t) {
  if (process.getuid?.() !== 0) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlpath-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir]);
  if (r.status !== 0) { fs.rmdirSync(dir); return undefined; }
  // Unmounted when the test ends (and at exit, should the test be cut short).
  const done = () => { spawnSync('umount', ['-l', dir]); fs.rmSync(dir, { recursive: true, force: true }); };
  t.after(done);
  process.on('exit', () => { if (fs.existsSync(dir) && spawnSync('mountpoint', ['-q', dir]).status === 0) done(); });
  return dir;
}

/** Runs bin/dlpath under `ulimit -f` (a file-size limit: writes past it fail with EFBIG, like a full disk). */
function runLimited(home, blocks, args) {
  const env = testEnv({ DLPATH_HOME: home, DLPATH_CURRICULUM: TASKS });
  const r = spawnSync('bash', ['-c', `ulimit -f ${blocks}; exec "$0" "$@"`, process.execPath, BIN, ...args], { env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('D2: a write that fails part-way (file-size limit) leaves the previous export whole and exits 4', async () => {
  const home = tempDir();
  assert.equal(run(home, ['task', 'scale']).code, 0);
  await addEvents(home, 2000);
  const out = path.join(home, 'backup.csv');
  const previous = 'x'.repeat(3000);
  fs.writeFileSync(out, previous);
  const r = runLimited(home, 200, ['export', '--format', 'csv', '--out', out]); // 100 KiB, the export is larger
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /Cannot write .*backup\.csv \(EFBIG\)/);
  assert.equal(fs.readFileSync(out, 'utf8'), previous);
  assert.deepEqual(fs.readdirSync(home).filter((f) => f.includes('.tmp')), []);
});

test('D2: a full disk (a real full tmpfs when run as root) leaves the previous export whole and exits 4', async (t) => {
  const disk = smallTmpfs(64, t);
  if (!disk) { t.skip('needs root and mount for a small tmpfs'); return; }
  const home = tempDir();
  assert.equal(run(home, ['task', 'scale']).code, 0);
  await addEvents(home, 200);
  const out = path.join(disk, 'backup.json');
  fs.writeFileSync(out, 'previous export\n');
  fs.writeFileSync(path.join(disk, 'filler'), Buffer.alloc(60 * 1024 - 10 * 1024));
  const r = run(home, ['export', '--out', out]);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /\(ENOSPC\)/);
  assert.equal(fs.readFileSync(out, 'utf8'), 'previous export\n');
  assert.deepEqual(fs.readdirSync(disk).sort(), ['backup.json', 'filler']);
});
