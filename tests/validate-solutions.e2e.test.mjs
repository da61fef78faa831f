// `dlpath validate --run-solutions`: reference solutions must pass, starters must fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { dlpath, tempDir, FIXTURES } from './helpers.mjs';

test('a passing starter and a failing solution are errors at their place in module.yaml', () => {
  const home = tempDir();
  const r = dlpath(['validate', '--run-solutions', path.join(FIXTURES, 'tasks-broken')], { home });
  assert.equal(r.code, 3, r.stdout + r.stderr);
  const lines = r.stdout.split('\n');
  const at = (re) => lines.find((l) => re.test(l)) ?? assert.fail(`no line matches ${re}\n${r.stdout}`);
  assert.match(at(/tasks\[0\]\.starter/), /^modules\/tbb\/module\.yaml:7:14: tasks\[0\]\.starter: the starter already passes all 1 tests/);
  assert.match(at(/tasks\[1\]\.solution/), /^modules\/tbb\/module\.yaml:15:15: tasks\[1\]\.solution: the reference solution does not pass its tests: test_double \(failed\): double\(21\) should be 42, got 23/);
  // A package this machine lacks: a note that names it, not an error.
  assert.match(at(/tasks\[2\]\.packages/), /note: tasks\[2\]\.packages: not run: this Python lacks dlpath_no_such_package/);
  assert.match(at(/tasks\[3\]\.tests/), /tasks\[3\]\.tests: the tests cannot be loaded: NameError/);
  assert.match(r.stdout, /3 errors, 0 warnings in 1 file\. 1 note on what this machine could not run\./);
  // The good parts raise nothing: no complaint about the failing starters of the other tasks.
  assert.doesNotMatch(r.stdout, /tasks\[1\]\.starter|tasks\[0\]\.solution/);
});

test('a sound curriculum passes, in --json too; a task this machine cannot run is a note that even --strict does not count', () => {
  const home = tempDir();
  const dir = path.join(FIXTURES, 'tasks-basic');
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
