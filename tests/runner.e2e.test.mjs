// `dlpath check` end to end: the real bin/dlpath, the real Python, one learner file per outcome.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { dlpath, tempDir, openDb, FIXTURES } from './helpers.mjs';

const CURRICULUM = path.join(FIXTURES, 'tasks-basic');
const LEARNERS = path.join(CURRICULUM, 'learners');

/** A fresh home with the task started and the given learner file in the workspace. */
function started(task, learner) {
  const home = tempDir();
  const r = dlpath(['task', task], { home, curriculum: CURRICULUM });
  assert.equal(r.code, 0, r.stderr);
  const file = path.join(home, 'workspace', 'tb-vectors', `${task}.py`);
  if (learner) fs.copyFileSync(path.join(LEARNERS, `${learner}.py`), file);
  return { home, file };
}

function check(home, args = [], env = {}) {
  const t0 = Date.now();
  const r = dlpath(['check', ...args], { home, curriculum: CURRICULUM, env });
  return { ...r, ms: Date.now() - t0 };
}

/** Whether a process still runs, waiting up to 3 s for a killed one to go (a zombie counts as gone). */
function alive(pid) {
  const deadline = Date.now() + 3000;
  for (;;) {
    let running;
    try {
      process.kill(pid, 0);
      running = fs.existsSync('/proc/self') ? !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')) : true;
    } catch {
      running = false;
    }
    if (!running || Date.now() > deadline) return running;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}

test('a passing file: exit 0, every test shown, the pass recorded, the next step named', async () => {
  const { home } = started('scale', 'passes');
  const r = check(home); // the current task, set by `dlpath task`
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /✔ scale\(\[1, 2, 3\], 2\) is \[2, 4, 6\]/);
  assert.match(r.stdout, /✔ keeps the shape of a \(2, 3\) input/);
  assert.match(r.stdout, /All 3 tests passed/);
  assert.match(r.stdout, /Task scale done!/);
  assert.match(r.stdout, /Next: .*dlpath task spin/);
  // The learner's print output is shown apart from the results.
  assert.match(r.stdout, /Your program printed:\n.*computing 2/);
  const db = await openDb(home);
  const row = db.prepare('SELECT * FROM task_progress WHERE task = ?').get('scale');
  assert.ok(row.passed_at);
  assert.equal(row.best_passed, 3);
  assert.equal(row.total, 3);
  assert.equal(row.checks, 1);
  const ev = db.prepare("SELECT data FROM events WHERE kind = 'task_checked'").all().map((e) => JSON.parse(e.data));
  assert.deepEqual(ev.map((e) => [e.outcome, e.passed, e.total]), [['passed', 3, 3]]);
  db.close();
  const again = check(home, ['scale']);
  assert.equal(again.code, 0);
  assert.match(again.stdout, /Passed again/);
  assert.doesNotMatch(again.stdout, /Task scale done!/);
});

test('a failing assertion: exit 1, expected vs got, nothing marked passed', async () => {
  const { home } = started('scale', 'fails');
  const r = check(home, ['scale']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /✘ scale\(\[1, 2, 3\], 2\) is \[2, 4, 6\]/);
  assert.match(r.stdout, /worst at \(0,\): expected 2\.0, got 3\.0/);
  assert.match(r.stdout, /0 of 3 tests passed/);
  const db = await openDb(home);
  const row = db.prepare('SELECT * FROM task_progress WHERE task = ?').get('scale');
  assert.equal(row.passed_at, null);
  assert.equal(row.best_passed, 0);
  assert.equal(row.checks, 1);
  db.close();
});

test('an exception: the traceback is trimmed to the learner\'s own lines', () => {
  const { home } = started('scale', 'raises');
  const r = check(home, ['scale']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /line 5, in helper\n\s+return x\["k"\]/);
  assert.match(r.stdout, /IndexError/);
  assert.doesNotMatch(r.stdout, /dlpath_harness|tests\.py|Traceback/);
});

test('a syntax error: the line, the column and the message, no harness traceback', () => {
  const { home } = started('scale', 'syntax');
  const r = check(home, ['scale']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /syntax error at line 4, column \d+: /);
  assert.match(r.stdout, /4 \| def scale\(x, k\)\n\s+\^/);
  assert.doesNotMatch(r.stdout, /Traceback|dlpath_harness/);
});

test('an endless loop: timed out after the task\'s limit, the Python process is gone', () => {
  const pidfile = path.join(tempDir(), 'pid');
  const { home } = started('spin', 'loops');
  const r = check(home, ['spin'], { DLPATH_TEST_PIDFILE: pidfile });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /scale\(\[1, 2, 3\], 2\) is \[2, 4, 6\] \(timed out after 2 s\)/);
  assert.match(r.stdout, /not run: the time limit ran out first/);
  assert.ok(r.ms < 8000, `took ${r.ms} ms`);
  const pid = Number(fs.readFileSync(pidfile, 'utf8'));
  assert.equal(alive(pid), false, 'the looping Python process was killed');
});

test('a loop at the top level of the file: said so, not a wall of failures', () => {
  const { home } = started('spin', 'top_loop');
  const r = check(home, ['spin']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /did not finish importing within 2 s/);
});

test('printing without end: contained, cut, and dlpath answers within the time limit', () => {
  const { home } = started('spin', 'prints');
  const r = check(home, ['spin']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /timed out after 2 s/);
  assert.match(r.stdout, /Your program printed:\n.*spam spam/);
  assert.match(r.stdout, /\(cut: \d+ of \d+ bytes shown\)/);
  assert.ok(r.stdout.length < 20000, `printed ${r.stdout.length} characters`);
  assert.ok(r.ms < 8000, `took ${r.ms} ms`);
});

test('a file that forks: the check completes and the forked child does not outlive it', () => {
  const pidfile = path.join(tempDir(), 'pid');
  const { home } = started('scale', 'forks');
  const r = check(home, ['scale'], { DLPATH_TEST_PIDFILE: pidfile });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /All 3 tests passed/);
  assert.ok(r.ms < 8000, `took ${r.ms} ms`);
  const child = Number(fs.readFileSync(pidfile, 'utf8'));
  assert.ok(child > 0);
  assert.equal(alive(child), false, 'the forked child was killed with the harness');
});

test('an untouched starter: "not attempted yet", not a wall of failures', () => {
  const { home, file } = started('scale');
  const r = check(home, ['scale']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /Not attempted yet/);
  assert.ok(r.stdout.includes(file));
  assert.doesNotMatch(r.stdout, /✘|NotImplementedError\n/);
});

test('a missing package: the task names it, exit 4, on stderr', () => {
  const { home } = started('needs_extra');
  const r = check(home, ['needs_extra']);
  assert.equal(r.code, 4);
  assert.match(r.stderr, /needs dlpath_no_such_package/);
  assert.match(r.stderr, /pip install dlpath_no_such_package/);
  assert.match(r.stderr, /it is optional/);
});

test('a learner importing a module that does not exist reads the import error', () => {
  const { home } = started('scale', 'missing_import');
  const r = check(home, ['scale']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /raised an error while being imported/);
  assert.match(r.stdout, /No module named 'dlpath_no_such_package'/);
});

test('no Python: exit 4 saying how to install it or set DLPATH_PYTHON', () => {
  const { home } = started('scale', 'passes');
  const r = check(home, ['scale'], { DLPATH_PYTHON: '/nonexistent/python3' });
  assert.equal(r.code, 4);
  assert.match(r.stderr, /Cannot run Python \(\/nonexistent\/python3\): not found/);
  assert.match(r.stderr, /DLPATH_PYTHON/);
  assert.doesNotMatch(r.stderr, /at .*\.js/);
});

test('bad usage: unknown task (with a suggestion), no current task, task not started', () => {
  const home = tempDir();
  let r = dlpath(['check', 'scal'], { home, curriculum: CURRICULUM });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /There is no task "scal"\. Did you mean: scale/);
  r = dlpath(['check'], { home, curriculum: CURRICULUM });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /You have not started a coding task yet: `dlpath next` leads you to the next one/);
  r = dlpath(['check', 'spin'], { home, curriculum: CURRICULUM });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /There is no file .*spin\.py for task "spin"\.\nRun `dlpath task spin`/);
});

test('--json: the same facts, machine-readable, nothing else on stdout', () => {
  const { home } = started('scale', 'fails');
  const r = dlpath(['--json', 'check', 'scale'], { home, curriculum: CURRICULUM });
  assert.equal(r.code, 1);
  const j = JSON.parse(r.stdout);
  assert.equal(j.outcome, 'failed');
  assert.equal(j.total, 3);
  assert.deepEqual(j.tests.map((t) => t.status), ['failed', 'failed', 'failed']);
  assert.match(j.tests[0].message, /expected 2\.0, got 3\.0/);
});

test('Chinese: the report in Chinese, test names and the harness\'s explanations included', () => {
  const { home } = started('scale', 'fails');
  const r = dlpath(['--lang', 'zh', 'check', 'scale'], { home, curriculum: CURRICULUM });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /3 个测试中通过了 0 个/);
  assert.match(r.stdout, /✘ scale\(\[1, 2, 3\], 2\) 等于 \[2, 4, 6\]/);
  assert.match(r.stdout, /结果与期望值不够接近[\s\S]*差得最多的位置 \(0,\)：期望 2\.0，得到 3\.0/);
  assert.doesNotMatch(r.stdout, /is not close enough|worst at/);
});

test('a Python without NumPy: exit 4 saying to install it, and the task is not skipped', async () => {
  const venv = path.join(tempDir(), 'venv');
  const made = spawnSync('python3', ['-m', 'venv', '--without-pip', venv]);
  assert.equal(made.status, 0, String(made.stderr));
  const python = path.join(venv, 'bin', 'python');
  const { home } = started('scale', 'passes');
  const r = check(home, ['scale'], { DLPATH_PYTHON: python });
  assert.equal(r.code, 4, r.stdout + r.stderr);
  assert.match(r.stderr, /needs numpy[\s\S]*Every task needs it, so nothing is skipped/);
  const db = await openDb(home);
  const row = db.prepare('SELECT skipped_at FROM task_progress WHERE task = ?').get('scale');
  assert.equal(row.skipped_at, null);
  db.close();
});

test('a Python older than 3.8 is named as the problem (exit 4)', { skip: !fs.existsSync(path.join(process.env.HOME ?? '', '.pyenv/versions/3.6.15/bin/python')) && 'no Python 3.6 here' }, () => {
  const { home } = started('scale', 'passes');
  const r = check(home, ['scale'], { DLPATH_PYTHON: path.join(process.env.HOME, '.pyenv/versions/3.6.15/bin/python') });
  assert.equal(r.code, 4);
  assert.match(r.stderr, /Python 3\.6 is too old: dlpath's tasks need Python 3\.8 or newer/);
});
