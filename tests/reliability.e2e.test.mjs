// Reliability (issue #12): output errors, work across a reset, two terminals on one attempt, storage
// failures and their messages, refused databases left untouched, read-only homes, locks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dlpath, dlpathAsync, tempDir, openDb, testEnv, BIN, ROOT, FIXTURES } from './helpers.mjs';
import { checkDatabase } from './dbcheck.mjs';

const TASKS = path.join(FIXTURES, 'tasks-basic');
const QUIZ = path.join(FIXTURES, 'quiz-basic');
const PASSES = path.join(TASKS, 'learners', 'passes.py');
const FAILS = path.join(TASKS, 'learners', 'fails.py');
const run = (home, args, opts = {}) => dlpath(args, { home, curriculum: TASKS, ...opts });
const WRONG = JSON.stringify({
  'basics-single': 'b', 'basics-multiple': ['a', 'b'], 'basics-tf': false,
  'basics-numeric': 2.4, 'basics-text': 'mean squared error', 'basics-order': ['d', 'c', 'b', 'a'],
});
const RIGHT = JSON.stringify({
  'basics-single': 'a', 'basics-multiple': ['c', 'a'], 'basics-tf': true,
  'basics-numeric': 2.3026, 'basics-text': 'cross entropy', 'basics-order': ['a', 'b', 'c', 'd'],
});
const dist = (p) => import(path.join(ROOT, 'dist', p));
const sha = (f) => (fs.existsSync(f) ? crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex') : null);

/** Runs bin/dlpath through bash (pipes, limits): returns bash's stdout/stderr and status. */
function sh(script, env) {
  const r = spawnSync('bash', ['-c', script], { env: testEnv({ DLPATH_BIN: BIN, NODE: process.execPath, ...env }), encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A small tmpfs when this runs as root and may mount; else undefined. */
function smallTmpfs(kib, t) {
  if (process.getuid?.() !== 0) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlpath-tmpfs-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir]).status !== 0) { fs.rmdirSync(dir); return undefined; }
  // Unmounted when the test ends (and at exit, should the test be cut short).
  const done = () => { spawnSync('umount', ['-l', dir]); fs.rmSync(dir, { recursive: true, force: true }); };
  t.after(done);
  process.on('exit', () => { if (fs.existsSync(dir) && spawnSync('mountpoint', ['-q', dir]).status === 0) done(); });
  return dir;
}

// ------------------------------------------------------------------ D3: stdout

test('D3: a write error on stdout (/dev/full) is exit 4 with a message; a closed pipe keeps the exit code', { skip: !fs.existsSync('/dev/full') && 'no /dev/full' }, () => {
  const home = tempDir();
  assert.equal(run(home, ['task', 'scale']).code, 0);
  let r = sh('"$NODE" "$DLPATH_BIN" export > /dev/full', { DLPATH_HOME: home, DLPATH_CURRICULUM: TASKS });
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /Could not write the output \(ENOSPC\)/);

  // A failing check through `head -1`: still exit 1 (and recorded).
  fs.copyFileSync(FAILS, path.join(home, 'workspace', 'tb-vectors', 'scale.py'));
  r = sh('"$NODE" "$DLPATH_BIN" check scale | head -1; echo "rc=${PIPESTATUS[0]}"', { DLPATH_HOME: home, DLPATH_CURRICULUM: TASKS });
  assert.match(r.stdout, /^Checking scale/);
  assert.match(r.stdout, /rc=1$/m);
  assert.doesNotMatch(r.stderr, /Could not write/);
  // A failing quiz through `head -1`: exit 1.
  const qhome = tempDir();
  r = sh(`printf '%s' '${WRONG}' | "$NODE" "$DLPATH_BIN" quiz basics --answers - | head -1; echo "rc=\${PIPESTATUS[1]}"`, { DLPATH_HOME: qhome, DLPATH_CURRICULUM: QUIZ });
  assert.match(r.stdout, /rc=1$/m, r.stderr);
});

test('D3: watch stops when nobody reads its output any more (watch | head -1)', async () => {
  const home = tempDir();
  assert.equal(run(home, ['task', 'scale']).code, 0);
  fs.copyFileSync(FAILS, path.join(home, 'workspace', 'tb-vectors', 'scale.py'));
  const p = spawn(process.execPath, [BIN, 'watch'], { env: testEnv({ DLPATH_HOME: home, DLPATH_CURRICULUM: TASKS }), stdio: ['pipe', 'pipe', 'pipe'] });
  const closed = new Promise((res) => p.on('close', (code) => res(code)));
  await new Promise((res) => p.stdout.once('data', res));
  p.stdout.destroy(); // the reader goes away, as head does after its line
  const timer = setTimeout(() => p.kill('SIGKILL'), 30000);
  const code = await closed;
  clearTimeout(timer);
  assert.equal(code, 0, 'watch ended by itself');
});

// ------------------------------------------------------------------ D4: work that began before a reset

test('D4: a check that began before a reset is recorded in the round it began in, and says so', async () => {
  const home = tempDir();
  assert.equal(run(home, ['task', 'scale']).code, 0);
  const started = path.join(home, 'workspace', 'tb-vectors', 'started'); // where learner code may write
  const go = path.join(home, 'go');
  // The learner's file says it is being imported, then waits until the test has reset the module.
  fs.writeFileSync(path.join(home, 'workspace', 'tb-vectors', 'scale.py'),
    `import os, time\nopen(${JSON.stringify(started)}, 'w').close()\nwhile not os.path.exists(${JSON.stringify(go)}):\n    time.sleep(0.02)\n${fs.readFileSync(PASSES, 'utf8')}`);
  const check = dlpathAsync(['check', 'scale'], { home, curriculum: TASKS });
  for (let i = 0; i < 1500 && !fs.existsSync(started); i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(fs.existsSync(started), 'the check started');
  const reset = run(home, ['reset', 'tb-vectors', '--yes']);
  assert.equal(reset.code, 0, reset.stderr);
  fs.writeFileSync(go, '');
  const r = await check;
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /was reset while this check ran: it counts for the round before the reset/);
  assert.doesNotMatch(r.stdout, /Task scale done!/);
  const db = await openDb(home);
  assert.deepEqual(db.prepare("SELECT epoch FROM events WHERE kind = 'task_checked'").pluck().all(), [0]);
  assert.equal(db.prepare('SELECT count(*) FROM task_progress WHERE epoch = 1').pluck().get(), 0);
  assert.ok(db.prepare("SELECT passed_at FROM task_progress WHERE task = 'scale' AND epoch = 0").pluck().get());
  db.close();
  assert.deepEqual(await checkDatabase(home), []);
  // The new round shows the task as not done.
  assert.match(run(home, ['--json', 'progress']).stdout, /"tasks_passed": 0/);
});

test('D4: quiz answers given after a reset stay in the attempt\'s round; its score does not pass the new round', async () => {
  const { Store } = await dist('adapters/store/store.js');
  const { startAttempt, recordAnswer, finishAttempt } = await dist('adapters/store/quiz.js');
  const { resetModules, readProgress } = await dist('adapters/store/progress.js');
  const home = tempDir();
  const a = Store.open(home);
  const b = Store.open(home);
  const qs = ['q1', 'q2', 'q3', 'q4', 'q5'];
  const attempt = startAttempt(a, 'm0', { questions: qs.map((id) => ({ id })) }, 1);
  for (const q of qs.slice(0, 2)) recordAnswer(a, { attempt, module: 'm0', question: q, answer: true, correct: true });
  resetModules(b, ['m0']); // another terminal
  for (const q of qs.slice(2)) recordAnswer(a, { attempt, module: 'm0', question: q, answer: true, correct: true });
  const { earlierEpoch } = finishAttempt(a, { attempt, module: 'm0', score: 1, passed: true, correct: 5, total: 5 });
  assert.equal(earlierEpoch, true);
  assert.equal(readProgress(b).modules.m0?.quizPassed ?? false, false);
  assert.deepEqual(a.db.prepare("SELECT DISTINCT epoch FROM events WHERE kind LIKE 'quiz_%'").pluck().all(), [0]);
  a.close(); b.close();
  assert.deepEqual(await checkDatabase(home), []);
});

// ------------------------------------------------------------------ D5: every crash point of reset

for (const point of ['reset:after-move', 'reset:before-commit', 'reset:after-commit']) {
  test(`D5: reset killed at ${point}: no solved file in the new round, no file lost, a second reset finishes`, async () => {
    const home = tempDir();
    const dir = path.join(home, 'workspace', 'tb-vectors');
    assert.equal(run(home, ['task', 'scale']).code, 0);
    assert.equal(run(home, ['task', 'spin']).code, 0);
    fs.copyFileSync(PASSES, path.join(dir, 'scale.py'));
    assert.equal(run(home, ['check', 'scale']).code, 0);
    fs.writeFileSync(path.join(dir, 'spin.py'), '# my spin\n');
    const r = run(home, ['reset', 'tb-vectors', '--yes'], { env: { DLPATH_CRASH_AT: point } });
    assert.equal(r.code, null, 'killed'); // by SIGKILL
    const db = await openDb(home);
    const epoch = db.prepare("SELECT epoch FROM module_epoch WHERE module = 'tb-vectors'").pluck().get() ?? 0;
    db.close();
    assert.deepEqual(await checkDatabase(home), []);
    // A new round never starts with the solved file in place; no file is lost.
    if (epoch === 1) assert.ok(!fs.existsSync(path.join(dir, 'scale.py')));
    const all = (name) => [path.join(dir, name), ...fs.readdirSync(dir).filter((d) => d.startsWith('.attempt-')).map((d) => path.join(dir, d, name))]
      .filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8'));
    assert.ok(all('scale.py').includes(fs.readFileSync(PASSES, 'utf8')));
    assert.ok(all('spin.py').includes('# my spin\n'));
    if (epoch === 0) {
      // Not committed: running reset again finishes it.
      const again = run(home, ['reset', 'tb-vectors', '--yes']);
      assert.equal(again.code, 0, again.stderr);
    }
    const c = run(home, ['check', 'scale']);
    assert.equal(c.code, 2, 'the new round has no file to check');
    assert.deepEqual(await checkDatabase(home), []);
  });
}

// ------------------------------------------------------------------ D6: two terminals, one attempt

test('D6: two terminals resuming one attempt: the second answer to a question is refused clearly, the first is kept', async () => {
  const { Store } = await dist('adapters/store/store.js');
  const { startAttempt, recordAnswer, finishAttempt, attemptAnswers } = await dist('adapters/store/quiz.js');
  const home = tempDir();
  const one = Store.open(home);
  const two = Store.open(home);
  const attempt = startAttempt(one, 'm0', { questions: [{ id: 'q1' }, { id: 'q2' }] }, 1);
  recordAnswer(one, { attempt, module: 'm0', question: 'q1', answer: true, correct: true });
  assert.throws(() => recordAnswer(two, { attempt, module: 'm0', question: 'q1', answer: false, correct: false }),
    (e) => e.exitCode === 4 && /answered in another dlpath meanwhile; that answer is kept/.test(e.message) && /dlpath quiz m0/.test(e.hint));
  recordAnswer(two, { attempt, module: 'm0', question: 'q2', answer: true, correct: true });
  finishAttempt(two, { attempt, module: 'm0', score: 1, passed: true, correct: 2, total: 2 });
  assert.throws(() => finishAttempt(one, { attempt, module: 'm0', score: 1, passed: true, correct: 2, total: 2 }),
    (e) => e.exitCode === 4 && /finished in another dlpath/.test(e.message));
  assert.deepEqual(attemptAnswers(one, attempt).map((a) => [a.question, a.answer]), [['q1', true], ['q2', true]]);
  one.close(); two.close();
  assert.deepEqual(await checkDatabase(home), []);
});

// ------------------------------------------------------------------ D7: each failure its own message

test('D7: export of a history with a bad row exports the rest and names the row (exit 4)', async () => {
  const home = tempDir();
  assert.equal(run(home, ['task', 'scale']).code, 0);
  assert.equal(run(home, ['hint', 'scale']).code, 0);
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(home, 'progress.db'));
  const id = db.prepare("SELECT id FROM events WHERE kind = 'task_hint'").pluck().get();
  db.prepare('UPDATE events SET data = ? WHERE id = ?').run('{not json', id);
  db.close();
  const r = run(home, ['export']);
  assert.equal(r.code, 4);
  assert.match(r.stderr, new RegExp(`event id ${id}\\); it was exported with the data as text`));
  const out = JSON.parse(r.stdout);
  assert.equal(out.events.length, 2);
  assert.equal(out.events.find((e) => e.id === id).data, '{not json');
  assert.equal(run(home, ['export', '--format', 'csv']).stdout.trim().split('\n').length, 3);
});

test('D7: a dropped table, a stray file where a folder should be, a circular alias: each its message and exit code, no "internal error"', async () => {
  // A dropped table.
  let home = tempDir();
  assert.equal(run(home, ['task', 'scale']).code, 0);
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(home, 'progress.db'));
  db.exec('DROP TABLE task_progress');
  db.close();
  let r = run(home, ['progress']);
  assert.equal(r.code, 4);
  assert.match(r.stderr, /lacks part of dlpath's structure \(no such table: task_progress\)/);

  // A file where the module's workspace folder should be.
  home = tempDir();
  fs.mkdirSync(path.join(home, 'workspace'), { recursive: true });
  fs.writeFileSync(path.join(home, 'workspace', 'tb-vectors'), 'stray');
  r = run(home, ['task', 'scale']);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /is a file where dlpath needs a folder|a file, not a folder/);
  assert.doesNotMatch(r.stderr, /internal error/);
  assert.equal(fs.readFileSync(path.join(home, 'workspace', 'tb-vectors'), 'utf8'), 'stray');

  // A self-referencing anchor in an answers file.
  home = tempDir();
  r = dlpath(['quiz', 'basics', '--answers', '-'], { home, curriculum: QUIZ, input: 'basics-multiple: &m [a, *m]\n' });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /has an alias that contains itself/);
  assert.ok(!fs.existsSync(path.join(home, 'progress.db')) || (await checkDatabase(home)).length === 0);
});

test('D7: a damaged curriculum cache is rebuilt silently', () => {
  const home = tempDir();
  assert.equal(run(home, ['path']).code, 0);
  const files = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) (e.isDirectory() ? walk : (f) => files.push(f))(path.join(d, e.name)); };
  walk(path.join(home, 'cache'));
  assert.ok(files.some((f) => f.endsWith('.json')), 'the cache has files');
  for (const damage of ['{"v":1,', 'null', '{"v":1,"dir":5,"stamp":7}', '[]', '\u0000\u0001garbage', '']) {
    for (const f of files) fs.writeFileSync(f, damage);
    for (const args of [['path'], ['hint', 'scale']]) {
      const r = run(home, args);
      assert.equal(r.code, 0, `${JSON.stringify(damage)} ${args}: ${r.stderr}`);
      assert.equal(r.stderr, '');
    }
  }
  // A file where the cache folder should be: the course is read without a cache.
  fs.rmSync(path.join(home, 'cache'), { recursive: true });
  fs.writeFileSync(path.join(home, 'cache'), 'stray');
  const r = run(home, ['path']);
  assert.equal(r.code, 0, r.stderr);
});

test('D7, D12: a full disk during a quiz is named as such (exit 4); a file-size limit is not called damage', async (t) => {
  // The file-size limit (ulimit -f) works for everyone: the database's writes fail part-way.
  const home = tempDir();
  assert.equal(dlpath(['quiz', 'basics', '--answers', '-'], { home, curriculum: QUIZ, input: RIGHT }).code, 0);
  let r = sh(`ulimit -f 1; printf '%s' '${RIGHT}' | "$NODE" "$DLPATH_BIN" quiz basics --answers -`, { DLPATH_HOME: home, DLPATH_CURRICULUM: QUIZ });
  assert.equal(r.code, 4, r.stderr);
  assert.doesNotMatch(r.stderr, /is damaged|internal error|\.recover/);
  assert.match(r.stderr, /file-size limit|ulimit -f/);
  assert.deepEqual(await checkDatabase(home, { scripted: true }), []);
  assert.equal(dlpath(['progress'], { home, curriculum: QUIZ }).code, 0);

  const disk = smallTmpfs(2048, t);
  if (!disk) { t.diagnostic('the real full disk needs root and mount: skipped'); return; }
  const h2 = path.join(disk, 'home');
  assert.equal(dlpath(['quiz', 'basics', '--answers', '-'], { home: h2, curriculum: QUIZ, input: RIGHT }).code, 0);
  // Fill the disk, leaving a little room.
  const filler = path.join(disk, 'filler');
  const fd = fs.openSync(filler, 'w');
  try { for (;;) fs.writeSync(fd, Buffer.alloc(4096)); } catch { /* full */ }
  fs.closeSync(fd);
  let saw = false;
  for (let i = 0; i < 20 && !saw; i++) {
    r = dlpath(['quiz', 'basics', '--answers', '-'], { home: h2, curriculum: QUIZ, input: RIGHT });
    assert.doesNotMatch(r.stderr, /internal error|is damaged/);
    if (r.code === 4) { saw = true; assert.match(r.stderr, /disk .*is full|No space left/); }
  }
  assert.ok(saw, 'the full disk was met');
  fs.rmSync(filler);
  assert.deepEqual(await checkDatabase(h2, { scripted: true }), []);
  assert.equal(dlpath(['progress'], { home: h2, curriculum: QUIZ }).code, 0);
});

// ------------------------------------------------------------------ D12: messages that say what is wrong

test('D12: a home that is a file, a path too long, .nan, a hanging Python, doctor on a foreign file: each named for what it is', async () => {
  const parent = tempDir();
  const file = path.join(parent, 'home');
  fs.writeFileSync(file, 'x');
  let r = run(file, ['progress']);
  assert.equal(r.code, 4);
  assert.match(r.stderr, /is a file, not a folder/);
  assert.doesNotMatch(r.stderr, /damaged|\.recover/);

  const long = path.join(tempDir(), ...Array.from({ length: 5 }, () => 'd'.repeat(100)));
  r = run(long, ['progress']);
  assert.equal(r.code, 4);
  assert.match(r.stderr, /too long/);
  assert.doesNotMatch(r.stderr, /damaged|\.recover/);

  for (const v of ['.nan', '.inf', '-.inf', '1e309']) {
    r = dlpath(['quiz', 'basics', '--answers', '-'], { home: tempDir(), curriculum: QUIZ, input: RIGHT.replace('2.3026', `"__"`).replace('"__"', v) });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /is not a finite number/);
    assert.doesNotMatch(r.stderr, /"null"/);
  }

  // An interpreter that never starts: the environment's problem (exit 4), not recorded as the learner's.
  const home = tempDir();
  assert.equal(run(home, ['task', 'spin']).code, 0);
  fs.copyFileSync(PASSES, path.join(home, 'workspace', 'tb-vectors', 'spin.py'));
  const hang = path.join(home, 'hang.sh');
  fs.writeFileSync(hang, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
  r = run(home, ['check', 'spin'], { env: { DLPATH_PYTHON: hang } });
  assert.equal(r.code, 4, r.stdout + r.stderr);
  assert.match(r.stderr, /did not start within 2 s/);
  assert.doesNotMatch(r.stdout + r.stderr, /Is there a loop|did not finish importing/);
  const db = await openDb(home);
  assert.equal(db.prepare("SELECT count(*) FROM events WHERE kind = 'task_checked'").pluck().get(), 0);
  db.close();

  const foreign = tempDir();
  const { default: Database } = await import('better-sqlite3');
  const f = new Database(path.join(foreign, 'progress.db'));
  f.exec('CREATE TABLE notes (t TEXT)');
  f.close();
  r = run(foreign, ['--json', 'doctor']);
  const home2 = JSON.parse(r.stdout).checks?.find?.((c) => c.id === 'home') ?? JSON.parse(r.stdout).find?.((c) => c.id === 'home');
  assert.ok(home2, r.stdout);
  assert.match(home2.detail, /is not a dlpath progress database/);
  assert.doesNotMatch(`${home2.detail} ${home2.fix}`, /cannot be written|permissions/);
});

// ------------------------------------------------------------------ D13: a refused database is left exactly as it was

test('D13: a foreign or newer database with an un-checkpointed -wal, or a hot journal, keeps its bytes and its -wal/-shm', () => {
  const maker = (mode) => `
    const D = require(${JSON.stringify(path.join(ROOT, 'node_modules', 'better-sqlite3'))});
    const db = new D(process.argv[1]);
    if (${JSON.stringify(mode)} === 'journal') {
      db.exec("create table notes(t); insert into notes values ('precious')");
      db.exec('begin; delete from notes; insert into notes select randomblob(5000) from (with recursive c(x) as (select 1 union all select x+1 from c where x<200) select x from c);');
      db.pragma('cache_size = 1'); db.exec('insert into notes select randomblob(5000) from notes');
    } else {
      db.pragma('journal_mode=WAL'); db.pragma('wal_autocheckpoint=0');
      if (${JSON.stringify(mode)} === 'foreign') db.exec("create table notes(t); insert into notes values ('precious')");
      else { db.exec('create table events(id)'); db.pragma('application_id = 1684828257'); db.pragma('user_version = 99'); }
    }
    process.kill(process.pid, 'SIGKILL');`;
  for (const [mode, msg] of [['foreign', /not a dlpath progress database/], ['future', /written by a newer dlpath/], ['journal', /not a dlpath progress database/]]) {
    const home = tempDir();
    const db = path.join(home, 'progress.db');
    spawnSync(process.execPath, ['-e', maker(mode), db]);
    const files = ['', '-wal', '-shm', '-journal'].map((x) => `${db}${x}`);
    const before = files.map(sha);
    assert.ok(before[1] || before[3], `${mode}: a -wal or -journal was left`);
    for (const args of [['progress'], ['export'], ['task', 'scale'], ['reset', 'tb-vectors', '--yes']]) {
      const r = run(home, args);
      assert.equal(r.code, 4, `${mode} ${args}: ${r.stderr}`);
      assert.match(r.stderr, msg);
      assert.deepEqual(files.map(sha), before, `${mode} ${args[0]}: the files changed`);
    }
  }
});

// ------------------------------------------------------------------ a read-only home

test('a read-only home (a read-only mount, as root) still shows progress and exports; writing commands refuse with exit 4', async (t) => {
  const disk = smallTmpfs(2048, t);
  if (!disk) { t.skip('needs root and mount for a read-only tmpfs'); return; }
  const home = path.join(disk, 'home');
  assert.equal(run(home, ['task', 'scale']).code, 0);
  fs.copyFileSync(PASSES, path.join(home, 'workspace', 'tb-vectors', 'scale.py'));
  assert.equal(run(home, ['check', 'scale']).code, 0);
  const before = fs.readdirSync(home).sort();
  assert.equal(spawnSync('mount', ['-o', 'remount,ro', disk]).status, 0);
  try {
    let r = run(home, ['--json', 'progress']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).tasks_passed, 1);
    r = run(home, ['export']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).events.map((e) => e.kind), ['task_started', 'task_checked']);
    r = run(home, ['hint', 'scale']);
    assert.equal(r.code, 4);
    assert.match(r.stderr, /cannot be created or written/);
    assert.deepEqual(fs.readdirSync(home).sort(), before);
  } finally {
    spawnSync('mount', ['-o', 'remount,rw', disk]);
  }
});

// ------------------------------------------------------------------ D14: many writers

test('D14: a write waits for a lock held by another process, says so, and gives up after DLPATH_LOCK_WAIT (exit 4), nothing lost', async () => {
  const home = tempDir();
  assert.equal(run(home, ['task', 'scale']).code, 0);
  const holder = spawn(process.execPath, ['-e', `
    const D = require(${JSON.stringify(path.join(ROOT, 'node_modules', 'better-sqlite3'))});
    const db = new D(process.argv[1]); db.exec('BEGIN IMMEDIATE'); console.log('locked');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, 60000);`, path.join(home, 'progress.db')], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((res) => holder.stdout.once('data', res));
  try {
    const r = await dlpathAsync(['hint', 'scale'], { home, curriculum: TASKS, env: { DLPATH_LOCK_WAIT: '1.5' } });
    assert.equal(r.code, 4);
    assert.match(r.stderr, /Another dlpath is writing the progress database; waiting for it \(at most 2 s\)/);
    assert.match(r.stderr, /stayed locked by another dlpath for \d+ s; nothing was lost/);
  } finally {
    holder.kill();
  }
  assert.equal(run(home, ['hint', 'scale']).code, 0);
  assert.deepEqual(await checkDatabase(home), []);
});

test('D14: 16 writers at once on one home (quizzes, checks, hints, progress): none gives up, every recount matches', async () => {
  const home = tempDir();
  assert.equal(run(home, ['task', 'scale']).code, 0);
  fs.copyFileSync(FAILS, path.join(home, 'workspace', 'tb-vectors', 'scale.py'));
  const quizHome = home;
  const jobs = [];
  for (let i = 0; i < 16; i++) {
    const kind = i % 4;
    if (kind === 0 || kind === 1) jobs.push(dlpathAsync(['quiz', 'basics', '--answers', '-'], { home: quizHome, curriculum: QUIZ, input: kind ? WRONG : RIGHT }).then((r) => ['quiz', kind ? 1 : 0, r]));
    else if (kind === 2) jobs.push(dlpathAsync(['hint', 'scale'], { home, curriculum: TASKS }).then((r) => ['hint', 0, r]));
    else jobs.push(dlpathAsync(['check', 'scale'], { home, curriculum: TASKS }).then((r) => ['check', 1, r]));
  }
  const results = await Promise.all(jobs);
  for (const [what, want, r] of results) assert.equal(r.code, want, `${what}: ${r.stderr}`);
  assert.deepEqual(await checkDatabase(home, { scripted: true }), []);
  const db = await openDb(home);
  assert.equal(db.prepare('SELECT count(*) FROM quiz_answers').pluck().get(), 8 * 6);
  assert.equal(db.prepare("SELECT count(*) FROM events WHERE kind = 'task_checked'").pluck().get(), 4);
  db.close();
});
