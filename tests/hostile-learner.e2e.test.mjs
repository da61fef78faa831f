// Hostile learner files (review D9, D10): `dlpath check` must report a fail for each (none solves the
// task) and leave no process running. The learner files are in tests/fixtures/hostile; each writes the
// pids of what it starts to DLPATH_TEST_PIDFILE. The time limit is generous and no assertion depends on
// the machine's speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dlpath, tempDir, FIXTURES, ROOT } from './helpers.mjs';

const HOSTILE = path.join(FIXTURES, 'hostile');
const TESTS_REL = path.join('modules', 'tb-vectors', 'tasks', 'scale', 'tests.py');

/** Landlock features of this kernel, as the harness sees them (0: none). */
const LANDLOCK = Number(spawnSync('python3', ['-c', [
  'import sys; sys.path.insert(0, sys.argv[1])',
  'import ctypes; libc = ctypes.CDLL(None, use_errno=True); libc.syscall.restype = ctypes.c_long',
  'print(max(0, libc.syscall(444, None, ctypes.c_size_t(0), ctypes.c_uint32(1))) if sys.platform.startswith("linux") else 0)',
].join('\n'), path.join(ROOT, 'harness')], { encoding: 'utf8' }).stdout.trim() || 0);

/** A private copy of the tasks-basic course (a hostile file may try to rewrite it). */
function course() {
  const dir = path.join(tempDir(), 'course');
  fs.cpSync(path.join(FIXTURES, 'tasks-basic'), dir, { recursive: true });
  return dir;
}

function running(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Checks the hostile file `name` on the scale task; returns the run, the pids it started and the course. */
function checkHostile(name) {
  const home = tempDir();
  const curriculum = course();
  const started = dlpath(['task', 'scale'], { home, curriculum });
  assert.equal(started.code, 0, started.stderr);
  // In the learner's own folder: the one place (with its private TMPDIR) its code may write.
  const pidfile = path.join(home, 'workspace', 'tb-vectors', 'pids');
  fs.writeFileSync(pidfile, '');
  const env = { DLPATH_TEST_PIDFILE: pidfile };
  fs.copyFileSync(path.join(HOSTILE, `${name}.py`), path.join(home, 'workspace', 'tb-vectors', 'scale.py'));
  const r = dlpath(['--json', 'check', 'scale'], { home, curriculum, env, timeout: 120000 });
  const pids = fs.readFileSync(pidfile, 'utf8').split('\n').filter(Boolean).map(Number);
  return { r, pids, curriculum, home };
}

function assertFailed(r, name) {
  assert.equal(r.code, 1, `${name}: exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  const out = JSON.parse(r.stdout);
  assert.notEqual(out.outcome, 'passed', name);
  assert.ok(out.passed < out.total || out.total === 0, `${name}: ${out.passed}/${out.total} passed`);
}

for (const name of ['patch_helpers', 'report_channel', 'patch_json', 'patch_numpy']) {
  test(`D9: ${name}.py cannot make check pass`, () => {
    const { r } = checkHostile(name);
    assertFailed(r, name);
  });
}

test('D9: rewrite_tests.py fails, and the course\'s tests.py is what it was (unwritable to learner code with Landlock)', (t) => {
  const { r, curriculum } = checkHostile('rewrite_tests');
  assertFailed(r, 'rewrite_tests');
  const now = fs.readFileSync(path.join(curriculum, TESTS_REL), 'utf8');
  const before = fs.readFileSync(path.join(FIXTURES, 'tasks-basic', TESTS_REL), 'utf8');
  if (!LANDLOCK) {
    t.diagnostic('this kernel has no Landlock: only the run itself is protected (the tests were read before the learner\'s code ran)');
    return;
  }
  assert.equal(now, before, 'tests.py unchanged');
});

for (const name of ['setsid_sleeper', 'double_fork', 'keep_stdout']) {
  test(`D10: ${name}.py fails and leaves no process running`, () => {
    const { r, pids } = checkHostile(name);
    assertFailed(r, name);
    assert.ok(pids.length > 0, `${name} started a process`);
    for (const pid of pids) assert.equal(running(pid), false, `${name}: pid ${pid} still runs after check`);
  });
}

test('D10: kill_judge.py fails; with Landlock signal scoping it cannot kill the harness, so its sleeper is ended too', (t) => {
  const { r, pids } = checkHostile('kill_judge');
  assert.equal(r.code, 1, r.stderr);
  assert.ok(pids.length > 0);
  const survivors = pids.filter(running);
  for (const pid of survivors) process.kill(pid, 'SIGKILL');
  if (LANDLOCK < 6) {
    t.diagnostic('this kernel has no Landlock signal scoping (ABI 6): a learner file may kill the harness');
    return;
  }
  assert.deepEqual(survivors, [], 'no process left');
});

test('D9: the report counts only lines the harness signed, in order; a line written by anyone else ends it', async () => {
  const { verifiedReport } = await import('../dist/adapters/runner/python.js');
  const { createHmac } = await import('node:crypto');
  const key = 'k'.repeat(64);
  const sign = (seq, body) => `${createHmac('sha256', key).update(`${seq}\n${body}`).digest('hex')} ${body}`;
  const a = '{"event":"env","python":"3","missing":[]}';
  const b = '{"event":"load","status":"ok"}';
  const fake = '{"event":"done"}';
  assert.equal(verifiedReport(`${sign(0, a)}\n${sign(1, b)}\n`, key), `${a}\n${b}`);
  assert.equal(verifiedReport(`${sign(0, a)}\n${fake}\n${sign(1, b)}\n`, key), a, 'an unsigned line ends the report');
  assert.equal(verifiedReport(`${sign(0, a)}\n${sign(0, a)}\n`, key), a, 'a replayed line does not count');
  assert.equal(verifiedReport(`${sign(1, b)}\n`, key), '', 'nor a line out of order');
  assert.equal(verifiedReport(`${sign(0, a)}\n`, 'another key'), '');
});

test('learner_steps and learner_modules measure the learner\'s own process', () => {
  const dir = fs.mkdtempSync(path.join(tempDir(), 'h-'));
  fs.writeFileSync(path.join(dir, 'learner.py'), 'import fractions\ndef f(n):\n    for i in range(n):\n        pass\n');
  fs.writeFileSync(path.join(dir, 'tests.py'), [
    'import sys',
    'from dlpath_harness import learner_steps, learner_modules, assert_true',
    'def test_steps(m):',
    '    few, many = learner_steps(m.f, 2), learner_steps(m.f, 200)',
    '    assert_true(many > few + 100, "steps %d %d" % (few, many))',
    'def test_modules(m):',
    '    assert_true("fractions" in learner_modules() and "fractions" not in sys.modules, "modules")',
    '',
  ].join('\n'));
  const r = spawnSync('python3', [path.join(ROOT, 'harness', 'dlpath_harness.py'), '--learner', path.join(dir, 'learner.py'),
    '--tests', path.join(dir, 'tests.py'), '--report-fd', '3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'], timeout: 60000 });
  const results = String(r.output[3]).split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((e) => e.event === 'result');
  assert.deepEqual(results.map((e) => [e.test, e.status, e.message]), [['test_steps', 'passed', undefined], ['test_modules', 'passed', undefined]]);
});

test('a child the learner\'s function forks, returning into the harness, does not answer for it (fork_returns.py passes)', () => {
  const { r } = checkHostile('fork_returns');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.outcome, 'passed');
  assert.equal(out.passed, 3);
});

test('a learner file that is a device, or larger than 1 MiB, is refused (exit 2), never read whole', () => {
  for (const [what, make, message] of [
    ['device', (f) => fs.symlinkSync('/dev/zero', f), /is not a regular file/],
    ['2 MiB', (f) => fs.writeFileSync(f, `x = 1\n${'#'.repeat(2 * 1024 * 1024)}\n`), /is larger than 1 MiB/],
  ]) {
    const home = tempDir();
    assert.equal(dlpath(['task', 'scale'], { home, curriculum: path.join(FIXTURES, 'tasks-basic') }).code, 0);
    const file = path.join(home, 'workspace', 'tb-vectors', 'scale.py');
    fs.rmSync(file);
    make(file);
    const r = dlpath(['check', 'scale'], { home, curriculum: path.join(FIXTURES, 'tasks-basic'), timeout: 60000 });
    assert.equal(r.code, 2, `${what}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, message, what);
  }
});

test('D9: write_progress.py cannot mark its task passed in the progress database (with Landlock)', (t) => {
  const { r, home } = checkHostile('write_progress');
  assertFailed(r, 'write_progress');
  const p = dlpath(['tasks', '--json'], { home, curriculum: path.join(FIXTURES, 'tasks-basic') });
  if (!LANDLOCK) {
    t.diagnostic('this kernel has no Landlock: learner code may write the progress database');
    return;
  }
  assert.equal(p.code, 0, p.stderr);
  const scale = JSON.parse(p.stdout).tasks.find((task) => task.id === 'scale');
  assert.notEqual(scale.status, 'passed');
});
