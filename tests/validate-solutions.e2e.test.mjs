// `dlpath validate --run-solutions`: reference solutions must pass; starters and wrong implementations must fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { dlpath, tempDir, FIXTURES, copyFixture, writeTree } from './helpers.mjs';

test('a passing starter and a failing solution are errors at their place in module.yaml', () => {
  const home = tempDir();
  const r = dlpath(['validate', '--run-solutions', copyFixture('tasks-broken', { timeLimit: 60 })], { home });
  assert.equal(r.code, 3, r.stdout + r.stderr);
  const lines = r.stdout.split('\n');
  const at = (re) => lines.find((l) => re.test(l)) ?? assert.fail(`no line matches ${re}\n${r.stdout}`);
  assert.match(at(/tasks\[0\]\.starter/), /^modules\/tbb\/module\.yaml:7:14: tasks\[0\]\.starter: the starter already passes all 1 tests/);
  assert.match(at(/tasks\[1\]\.solution/), /^modules\/tbb\/module\.yaml:15:15: tasks\[1\]\.solution: the reference solution does not pass its tests: test_double \(failed\): double\(21\) should be 42, got 23/);
  // A package this machine lacks: a note that names it, not an error.
  assert.match(at(/tasks\[2\]\.packages/), /note: tasks\[2\]\.packages: not run: this Python lacks dlpath_no_such_package/);
  assert.match(at(/tasks\[3\]\.tests/), /tasks\[3\]\.tests: the tests cannot be loaded: NameError/);
  // Two tasks whose tests ran have no wrong implementations: a warning each (the broken tests are error enough).
  assert.match(at(/tasks\[0\]\.id/), /warning: tasks\[0\]\.id: 0 wrong implementations in tasks\/too_easy\/wrong\/: a task needs at least 3/);
  assert.doesNotMatch(r.stdout, /tasks\[[23]\]\.id/);
  // ... and at the .py file and line each is about: the failing test's def, the line the tests break at.
  assert.match(r.stdout, /^modules\/tbb\/tasks\/wrong_ref\/tests\.py:1:1: test_double fails with solution\.py: double\(21\) should be 42, got 23$/m);
  assert.match(r.stdout, /^modules\/tbb\/tasks\/bad_tests\/tests\.py:3:1: the tests cannot be loaded: NameError: name 'this' is not defined$/m);
  assert.match(r.stdout, /5 errors, 2 warnings in 3 files\. 1 note on what this machine could not run\./);
  // The good parts raise nothing: no complaint about the failing starters of the other tasks.
  assert.doesNotMatch(r.stdout, /tasks\[1\]\.starter|tasks\[0\]\.solution/);
});

test('a sound curriculum passes, in --json too; a task this machine cannot run is a note that even --strict does not count', () => {
  const home = tempDir();
  const dir = copyFixture('tasks-basic', { timeLimit: 60 });
  let r = dlpath(['validate', '--run-solutions', dir], { home });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /note: tasks\[2\]\.packages: not run: this Python lacks dlpath_no_such_package/);
  r = dlpath(['--json', 'validate', '--run-solutions', dir], { home });
  assert.equal(r.code, 0);
  const j = JSON.parse(r.stdout);
  assert.equal(j.valid, true);
  assert.deepEqual(j.problems.map((p) => [p.severity, p.key]), [['note', ['tasks', 2, 'packages']]]);
  r = dlpath(['validate', '--strict', '--run-solutions', dir], { home });
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /1 note on what this machine could not run/);
});

test('no Python: exit 4 with how to fix it, not a list of failures', () => {
  const r = dlpath(['validate', '--run-solutions', path.join(FIXTURES, 'tasks-basic')],
    { home: tempDir(), env: { DLPATH_PYTHON: '/nonexistent/python3' } });
  assert.equal(r.code, 4);
  assert.match(r.stderr, /Cannot run Python/);
});

test('wrong implementations: one that passes is an error naming the file and its bug; one that does not load proves nothing; fewer than 3 is a warning', () => {
  const dir = copyFixture('tasks-basic', { timeLimit: 60 });
  const tasks = path.join(dir, 'modules', 'tb-vectors', 'tasks');
  writeTree(tasks, {
    // Right after all: the tests cannot tell it from the solution.
    'scale/wrong/rounds.py': '# rounds the result to 6 decimals\nimport numpy as np\n\n\ndef scale(x, k):\n    return np.round(k * np.asarray(x, dtype=float), 6)\n',
    'scale/wrong/broken.py': '# forgets numpy\ndef scale(x, k):\n    return k * np.asarray(x)\nraise ImportError("nothing")\n',
    'scale/wrong/silent.py': 'import numpy as np\n\n\ndef scale(x, k):\n    return np.asarray(x, dtype=float) - k\n',
    'scale/wrong/todo.py': '# not written yet\ndef scale(x, k):\n    raise NotImplementedError\n',
  });
  fs.rmSync(path.join(tasks, 'spin', 'wrong', 'adds.py'));
  const r = dlpath(['validate', '--run-solutions', dir], { home: tempDir() });
  assert.equal(r.code, 3, r.stdout + r.stderr);
  assert.match(r.stdout, /^modules\/tb-vectors\/tasks\/scale\/wrong\/rounds\.py:1:1: this wrong implementation passes all 3 tests, so they miss its bug: "rounds the result to 6 decimals"/m);
  assert.match(r.stdout, /^modules\/tb-vectors\/tasks\/scale\/wrong\/broken\.py:1:1: this wrong implementation raised while being imported: ImportError: nothing; it must fail the tests/m);
  assert.match(r.stdout, /^modules\/tb-vectors\/tasks\/scale\/wrong\/silent\.py:1:1: warning: a wrong implementation starts with a comment that names its bug/m);
  assert.match(r.stdout, /^modules\/tb-vectors\/module\.yaml:\d+:\d+: warning: tasks\[1\]\.id: 2 wrong implementations in tasks\/spin\/wrong\/: a task needs at least 3/m);
  // The fixture's own wrong files (in place, integer truncation, adding) fail, and say nothing.
  assert.doesNotMatch(r.stdout, /in_place\.py|keeps_int\.py|adds\.py/);
  assert.match(r.stdout, /^modules\/tb-vectors\/tasks\/scale\/wrong\/todo\.py:1:1: this wrong implementation only raises NotImplementedError/m);
  assert.match(r.stdout, /3 errors, 2 warnings/);
});

test('plain validate compiles every task file: a syntax error in tests.py shows at its line and column, without --run-solutions', () => {
  const dir = copyFixture('tasks-broken', { timeLimit: 60 });
  writeTree(dir, { 'modules/tbb/tasks/bad_tests/tests.py': 'def test_a(m):\n    """a\n    zh: 甲"""\n    if True\n        pass\n' });
  const r = dlpath(['validate', dir], { home: tempDir() });
  assert.equal(r.code, 3, r.stdout + r.stderr);
  assert.match(r.stdout, /^modules\/tbb\/tasks\/bad_tests\/tests\.py:4:12: SyntaxError: expected ':'$/m);
});

test('validate --task runs one task with every test in full; --against starter, wrong or a file; exit 0 when it comes out as it should', () => {
  const home = tempDir();
  const course = path.join(FIXTURES, 'regex-course');
  let r = dlpath(['validate', '--task', 'find_dates', course], { home });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /The tests of find_dates \(.*tests\.py\) against .*solution\.py/);
  assert.match(r.stdout, /All 5 tests passed/);
  assert.match(r.stdout, /Passes, as it should\./);
  r = dlpath(['validate', '--task', 'find_dates', '--against', 'wrong', course], { home });
  assert.equal(r.code, 0, r.stdout);
  assert.equal(r.stdout.match(/Fails, as it should\./g).length, 3, 'each of the three wrong files');
  // Full output: every failing test with its whole message, not the first one and "(+3 more)".
  assert.match(r.stdout, /✘ gives ints, not strings\n +expected \[\(1999, 9, 9\)\] with ints, got \[\('1999', '09', '09'\)\]/);
  assert.match(r.stdout, /✘ no date inside a longer run of digits\n +expected \[\(2024, 5, 1\)\], got \[\(2024, 5, 1\), \(2024, 5, 1\)\]/);
  // A file of the author's: the solution's tests fail on it, each at its test's line in tests.py.
  const mine = path.join(tempDir(), 'mine.py');
  fs.writeFileSync(mine, 'def find_dates(text):\n    return []\n');
  r = dlpath(['validate', '--task', 'find_dates', '--against', mine, course], { home });
  assert.equal(r.code, 1, r.stdout);
  assert.match(r.stdout, /tests\.py:4:1: test_middle fails with mine\.py: /);
  assert.match(r.stdout, /Does not pass: it should\./);
  r = dlpath(['validate', '--task', 'find_dat', course], { home });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /find_dates/, 'did you mean');
  // Broken tests: at tests.py's line, with the traceback from the tests' own frame; exit 3.
  r = dlpath(['validate', '--task', 'bad_tests', path.join(FIXTURES, 'tasks-broken')], { home });
  assert.equal(r.code, 3);
  assert.match(r.stdout, /^modules\/tbb\/tasks\/bad_tests\/tests\.py:3:1: the tests cannot be loaded: NameError/m);
  assert.doesNotMatch(r.stdout, /dlpath_harness\.py/);
});
