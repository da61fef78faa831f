// Unit tests of the pure interpretation of the harness's report (dist/core/check-result.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpret, parseReport, isUntouched } from '../dist/core/check-result.js';

const env = { event: 'env', python: '3.11.7', missing: [] };
const ok = { event: 'load', status: 'ok' };
const plan = { event: 'plan', tests: ['test_a', 'test_b', 'test_c'], docs: ['a works', 'b works', 'c works'] };
const res = (test, status, extra = {}) => ({ event: 'result', test, doc: `${test.slice(5)} works`, status, ...extra });
const end = (events, more = {}) => interpret({ events, timedOut: false, timeLimit: 10, exitCode: 0, signal: null, stderrTail: '', ...more });

test('every test passed → passed', () => {
  const r = end([env, ok, plan, res('test_a', 'passed'), res('test_b', 'passed'), res('test_c', 'passed'), { event: 'done' }]);
  assert.equal(r.outcome, 'passed');
  assert.equal(r.passed, 3);
  assert.equal(r.total, 3);
  assert.equal(r.python, '3.11.7');
});

test('a failure keeps its message and line; the count is of passes', () => {
  const r = end([env, ok, plan, res('test_a', 'passed'), res('test_b', 'failed', { message: 'expected 2, got 3', line: 4 }),
    res('test_c', 'error', { message: 'ZeroDivisionError', line: 7 }), { event: 'done' }]);
  assert.equal(r.outcome, 'failed');
  assert.equal(r.passed, 1);
  assert.deepEqual(r.tests.map((t) => [t.status, t.line ?? null]), [['passed', null], ['failed', 4], ['error', 7]]);
  assert.equal(r.tests[1].message, 'expected 2, got 3');
});

test('the time limit during a test: that test timed out, the rest did not run', () => {
  const r = end([env, ok, plan, res('test_a', 'passed'), { event: 'start', test: 'test_b' }],
    { timedOut: true, exitCode: null, signal: 'SIGKILL', timeLimit: 2 });
  assert.equal(r.outcome, 'failed');
  assert.deepEqual(r.tests.map((t) => t.status), ['passed', 'timeout', 'not_run']);
  assert.equal(r.tests[1].doc, 'b works');
  assert.equal(r.timeLimit, 2);
});

test('the time limit while importing the learner\'s file → timed_out', () => {
  assert.equal(end([env], { timedOut: true, signal: 'SIGKILL', exitCode: null }).outcome, 'timed_out');
});

test('Python dying in a test (no time-out) → that test is an error saying how it ended', () => {
  const r = end([env, ok, plan, { event: 'start', test: 'test_a' }], { exitCode: null, signal: 'SIGSEGV' });
  assert.equal(r.outcome, 'failed');
  assert.equal(r.tests[0].status, 'error');
  assert.equal(r.tests[0].ended, 'signal SIGSEGV');
});

test('a syntax error carries line, column and text', () => {
  const r = end([env, { event: 'load', status: 'syntax', message: "expected ':'", line: 4, column: 16, text: 'def f(x)' }, { event: 'done' }]);
  assert.equal(r.outcome, 'syntax_error');
  assert.deepEqual(r.problem, { message: "expected ':'", line: 4, column: 16, text: 'def f(x)' });
});

test('missing packages; a learner\'s own bad import is a load error, a tests file\'s is a missing package', () => {
  assert.deepEqual(end([{ ...env, missing: ['torch'] }, { event: 'done' }]).missing, ['torch']);
  const own = end([env, { event: 'load', status: 'error', message: "ModuleNotFoundError: No module named 'nunpy'", line: 1 }]);
  assert.equal(own.outcome, 'load_error');
  const tests = end([env, ok, { event: 'tests', status: 'error', message: "ModuleNotFoundError: No module named 'torch.nn'" }]);
  assert.equal(tests.outcome, 'missing_packages');
  assert.deepEqual(tests.missing, ['torch']);
  const broken = end([env, ok, { event: 'tests', status: 'error', message: 'NameError: x' }]);
  assert.equal(broken.outcome, 'tests_broken');
});

test('no report at all: crashed, with the end of stderr', () => {
  const r = end([], { exitCode: 1, stderrTail: 'Traceback...\nSyntaxError: invalid syntax' });
  assert.equal(r.outcome, 'crashed');
  assert.equal(r.problem.during, 'start');
  assert.match(r.problem.message, /SyntaxError/);
});

test('zero tests never count as a pass', () => {
  assert.equal(end([env, ok, { event: 'plan', tests: [] }, { event: 'done' }]).outcome, 'failed');
});

test('parseReport skips what is not a report line (a cut-off last line, noise)', () => {
  const ev = parseReport('{"event":"env","python":"3.8","missing":[]}\nnot json\n{"no_event":1}\n{"event":"done"}\n{"event":"pl');
  assert.deepEqual(ev.map((e) => e.event), ['env', 'done']);
});

test('isUntouched ignores line endings and trailing spaces, not real edits', () => {
  const starter = 'def f(x):\n    raise NotImplementedError\n';
  assert.equal(isUntouched('def f(x):\r\n    raise NotImplementedError   \r\n\r\n', starter), true);
  assert.equal(isUntouched('def f(x):\n    return x\n', starter), false);
});
