// `dlpath check` end to end: the real bin/dlpath, the real Python, one learner file per outcome.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { dlpath, tempDir, openDb, FIXTURES, ROOT, copyFixture, writeTree, testEnv } from './helpers.mjs';

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
  return dlpath(['check', ...args], { home, curriculum: CURRICULUM, env });
}

/**
 * No assertion here depends on the machine's speed: the time limit (2 s for spin) is the runner's,
 * and what ran out is read from its report. On a machine so busy that Python cannot even import
 * NumPy within 2 s, the report says the file did not finish importing, and the per-test lines
 * cannot be asserted; that case is checked for what it says, and the test reports it.
 */
function importTooSlow(r) {
  if (!/did not finish importing within 2 s/.test(r.stdout)) return false;
  assert.doesNotMatch(r.stdout, /✔/);
  process.stdout.write('# the machine took more than 2 s to import NumPy: only the import time-out was checked\n');
  return true;
}

/** Whether a process still runs, waiting up to 10 s for a killed one to go (a zombie counts as gone). */
function alive(pid) {
  const deadline = Date.now() + 10000;
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
  const { home } = started('spin', 'loops');
  const pidfile = path.join(home, 'workspace', 'tb-vectors', 'pid'); // where learner code may write
  const r = check(home, ['spin'], { DLPATH_TEST_PIDFILE: pidfile });
  assert.equal(r.code, 1);
  if (importTooSlow(r)) return;
  assert.match(r.stdout, /scale\(\[1, 2, 3\], 2\) is \[2, 4, 6\] \(timed out after 2 s\)/);
  assert.match(r.stdout, /not run: the time limit ran out first/);
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
  assert.ok(r.stdout.length < 20000, `printed ${r.stdout.length} characters`);
  if (importTooSlow(r)) return;
  assert.match(r.stdout, /timed out after 2 s/);
  assert.match(r.stdout, /Your program printed:\n.*spam spam/);
  assert.match(r.stdout, /\(cut: \d+ of \d+ bytes shown\)/);
});

test('a file that forks: the check completes and the forked child does not outlive it', () => {
  const { home } = started('scale', 'forks');
  const pidfile = path.join(home, 'workspace', 'tb-vectors', 'pid'); // where learner code may write
  const r = check(home, ['scale'], { DLPATH_TEST_PIDFILE: pidfile });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /All 3 tests passed/); // and it came back: it did not wait for the 600 s child
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
  // Recognised by its content, before any Python starts: even an interpreter that does not exist is not needed.
  const again = check(home, ['scale'], { DLPATH_PYTHON: '/nonexistent/python3' });
  assert.equal(again.code, 1, again.stderr);
  assert.match(again.stdout, /Not attempted yet/);
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

test('a function that changes its argument fails with the argument named, in both languages; in_place: true turns the check off', () => {
  const { home } = started('scale', 'clears_input');
  let r = check(home, ['scale']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  // Only the call with a 1-D array is changed: that test fails, naming `x` and the line of the def.
  assert.match(r.stdout, /✘ scale\(\[1, 2, 3\], 2\) is \[2, 4, 6\]\n[\s\S]*your function changed its argument `x` \(in scale\)/);
  assert.match(r.stdout, /✔ keeps the shape of a \(2, 3\) input/);
  assert.match(r.stdout, /2 of 3 tests passed/);
  r = dlpath(['--lang', 'zh', 'check', 'scale'], { home, curriculum: CURRICULUM });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /你的函数修改了它的参数 `x`（在 scale 中）/);

  const dir = copyFixture('tasks-basic');
  const yaml = path.join(dir, 'modules', 'tb-vectors', 'module.yaml');
  fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace('    packages: [numpy]\n', '    packages: [numpy]\n    in_place: true\n'));
  r = dlpath(['check', 'scale'], { home, curriculum: dir });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /All 3 tests passed/);
});

/** Runs the harness itself on a learner and a tests file; returns the report's result events. */
function harness(files, { env = {}, args = [] } = {}) {
  const dir = writeTree(tempDir(), files);
  const r = spawnSync('python3', [path.join(ROOT, 'harness', 'dlpath_harness.py'), '--learner', path.join(dir, 'learner.py'),
    '--tests', path.join(dir, 'tests.py'), '--report-fd', '3', ...args],
  { env: { ...testEnv(), ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'], timeout: 30000 });
  const events = String(r.output[3]).split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return { events, results: Object.fromEntries(events.filter((e) => e.event === 'result').map((e) => [e.test, e])), stderr: r.stderr };
}

test('the argument check: arrays inside lists and dicts, keyword arguments, a test that swallows the failure; the function stays itself', () => {
  const { results: res } = harness({
    'learner.py': [
      'import numpy as np',
      'def mean_grads(grads):',
      '    grads[0] += 0  # a no-op: not a change',
      '    out = grads[0]',
      '    out /= 1.0',
      '    for g in grads[1:]:',
      '        out += g',
      '    return out / len(grads)',
      'def step(params, lr=0.1, *, grads):',
      '    params["w"] = params["w"] - lr * grads["w"]',
      '    return params',
      'def tidy(xs, scale=1):',
      '    xs.sort()',
      '    return [x * scale for x in xs]',
      'def pure(x, rng):',
      '    return x + rng.normal(size=x.shape)',
      '',
    ].join('\n'),
    'tests.py': [
      'import inspect',
      'import numpy as np',
      'def test_list_of_arrays(m):',
      '    m.mean_grads([np.ones(2), np.ones(2)])',
      'def test_dict_keyword(m):',
      '    m.step({"w": np.ones(2)}, grads={"w": np.ones(2)})',
      'def test_swallowed(m):',
      '    try:',
      '        m.tidy([3, 1, 2], scale=2)',
      '    except Exception:',
      '        pass',
      'def test_pure_and_itself(m):',
      '    x = np.ones(3)',
      '    m.pure(x, np.random.default_rng(0))',
      '    assert "return x + rng" in inspect.getsource(m.pure)',
      '    assert m.pure.__name__ == "pure" and m.np is np',
      '',
    ].join('\n'),
  });
  assert.match(res.test_list_of_arrays.message, /changed its argument `grads` \(in mean_grads\)/);
  assert.equal(res.test_list_of_arrays.line, 2);
  assert.match(res.test_dict_keyword.message, /changed its argument `params` \(in step\)/);
  assert.match(res.test_swallowed.message, /changed its argument `xs` \(in tidy\)/);
  assert.equal(res.test_pure_and_itself.status, 'passed', res.test_pure_and_itself.message);
});

test('without NumPy (its import blocked), the helpers compare numbers and nested lists, with the same messages', () => {
  const shim = writeTree(tempDir(), {
    'sitecustomize.py': [
      'import sys',
      'class _NoNumpy:',
      '    def find_spec(self, name, path=None, target=None):',
      '        if name == "numpy" or name.startswith("numpy."):',
      '            raise ModuleNotFoundError("No module named %r (blocked by the test)" % name)',
      'sys.meta_path.insert(0, _NoNumpy())',
      '',
    ].join('\n'),
  });
  const { results: res, events } = harness({
    'learner.py': 'def square_all(xs):\n    return [[v * v for v in row] for row in xs]\ndef f(x):\n    return sum(v ** 3 for v in x)\ndef blow(x):\n    import math\n    return math.exp(x)\n',
    'tests.py': [
      'import sys, warnings',
      'from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, no_warnings',
      'def test_close(m):',
      '    assert_close(m.square_all([[1, 2], [3, 4]]), [[1, 4], [9, 16.0000000001]])',
      '    assert_shape(m.square_all([[1, 2, 3]]), (1, 3))',
      '    assert_close(2.0, 2, what="x")',
      '    assert_close({"w": [1.0, 2.0], "b": (0.5,)}, {"w": [1, 2], "b": [0.5]})',
      'def test_dict(m):',
      '    assert_close({"w": [1.0, 2.5], "b": 0.5}, {"w": [1, 2], "b": 0.5}, what="params")',
      'def test_far(m):',
      '    assert_close(m.square_all([[1, 2], [3, 4]]), [[1, 4], [9, 15]])',
      'def test_shape(m):',
      '    assert_shape([[1, 2], [3]], (2, 2))',
      'def test_nan(m):',
      '    assert_close([1.0, float("nan")], [1.0, 2.0])',
      'def test_grad(m):',
      '    grad_check(m.f, [1.0, -2.0], [3.0, 12.0])',
      '    grad_check(m.f, [1.0, -2.0], [3.0, 11.0])',
      'def test_warns(m):',
      '    with no_warnings("blow"):',
      '        warnings.warn("overflow encountered", RuntimeWarning)',
      'def test_still_no_numpy(m):',
      '    assert_true("numpy" not in sys.modules, "a helper imported NumPy")',
      '',
    ].join('\n'),
  }, { env: { PYTHONPATH: shim } });
  assert.equal(events.find((e) => e.event === 'load')?.status, 'ok', JSON.stringify(events));
  assert.equal(res.test_close.status, 'passed', res.test_close.message);
  assert.match(res.test_far.message, /1 of 4 elements off[\s\S]*worst at \(1, 1\): expected 15\.0, got 16\.0/);
  assert.match(res.test_shape.message, /ragged/);
  assert.match(res.test_dict.message, /^params\['w'\] is not close enough[\s\S]*worst at \(1,\): expected 2\.0, got 2\.5/);
  assert.match(res.test_nan.message, /NaN where none was expected, at index \(1,\)/);
  assert.match(res.test_grad.message, /gradient check failed: relative error [\d.e-]+ > 1e-06 at index \(1,\)/);
  assert.match(res.test_warns.message, /blow emitted a warning: RuntimeWarning: overflow encountered/);
  assert.equal(res.test_still_no_numpy.status, 'passed', res.test_still_no_numpy.message);
});
