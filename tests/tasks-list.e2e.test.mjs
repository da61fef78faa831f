// `dlpath tasks` and `dlpath task` without an id: finding a task, with the real bin/dlpath.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dlpath, tempDir, FIXTURES } from './helpers.mjs';

const CURRICULUM = path.join(FIXTURES, 'tasks-basic');
const SOLUTION = path.join(CURRICULUM, 'modules', 'tb-vectors', 'tasks', 'scale', 'solution.py');
const run = (home, args, opts = {}) => dlpath(args, { home, curriculum: CURRICULUM, ...opts });
const statuses = (home) => Object.fromEntries(JSON.parse(run(home, ['tasks', '--json']).stdout).tasks.map((x) => [x.id, x.status]));

test('tasks lists every task with module and status; task without an id starts the current, then the next one', () => {
  const home = tempDir();
  let r = run(home, ['tasks']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Coding tasks \(0 of 3 passed\)/);
  assert.match(r.stdout, /tb-vectors[\s\S]*scale\s+not started[\s\S]*spin\s+not started[\s\S]*needs_extra\s+not started.*\(optional\)/);
  assert.deepEqual(statuses(home), { scale: 'not_started', spin: 'not_started', needs_extra: 'not_started' });

  // No id: the first required task on the path.
  r = run(home, ['task']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Starting scale \(the next one on your path\)/);
  assert.equal(statuses(home).scale, 'started');
  r = run(home, ['task']);
  assert.match(r.stdout, /Starting scale \(the task you started last\)/);

  // The solution seen before a pass, then a pass.
  run(home, ['--yes', 'solution', 'scale']);
  assert.equal(statuses(home).scale, 'solution_seen');
  fs.copyFileSync(SOLUTION, path.join(home, 'workspace', 'tb-vectors', 'scale.py'));
  r = run(home, ['check', 'scale']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(statuses(home).scale, 'passed');
  r = run(home, ['tasks', 'TB-VECTORS']);
  assert.match(r.stdout, /Coding tasks \(1 of 3 passed\)/);
  assert.match(r.stdout, /▸ ✔ scale\s+passed/);

  // The current task passed: the next one on the path.
  r = run(home, ['task']);
  assert.match(r.stdout, /Starting spin \(the next one on your path\)/);
  const json = JSON.parse(run(home, ['tasks', '--json']).stdout);
  assert.equal(json.current, 'spin');
  assert.deepEqual(json.tasks.map((x) => [x.id, x.module, x.optional]), [['scale', 'tb-vectors', false], ['spin', 'tb-vectors', false], ['needs_extra', 'tb-vectors', true]]);
});

test('an unknown task lists close ones (by id or title) and points to dlpath tasks; ids match in any case', () => {
  const home = tempDir();
  let r = run(home, ['task', 'scal']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /There is no task "scal"\. Did you mean: scale/);
  assert.match(r.stderr, /Run `dlpath tasks` to list every task\./);
  r = run(home, ['task', 'SCALE']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Your file: .*scale\.py/);
  r = run(home, ['learn', 'TB-After']);
  assert.equal(r.code, 0, r.stderr);
  r = run(home, ['tasks', 'nope']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /There is no module "nope"/);
  r = run(home, ['export', '--format', 'CSV']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^id,ts,kind/);
  r = run(home, ['export', '--format', 'yaml']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--format <format> cannot be "yaml": use one of json, csv, xapi/);
});

test('hint --all shows again the hints seen so far, without giving a new one', () => {
  const home = tempDir();
  let r = run(home, ['hint', 'scale', '--all']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /You have not asked for a hint for scale yet/);
  run(home, ['hint', 'scale']);
  run(home, ['hint', 'scale']);
  r = run(home, ['hint', 'scale', '--all']);
  assert.match(r.stdout, /Hint 1 of 2 for scale:\s+Multiply\.[\s\S]*Hint 2 of 2 for scale:\s+return k \* np\.asarray/);
  const j = JSON.parse(run(home, ['hint', 'scale', '--all', '--json']).stdout);
  assert.deepEqual([j.seen, j.total, j.hints.length], [2, 2, 2]);
});

test('did-you-mean puts a candidate the mistyped name begins first', async () => {
  const { suggest } = await import('../dist/core/suggest.js');
  assert.equal(suggest('calc-gradient-dir', ['calc-gradient-sign', 'calc-gradient-dim', 'calc-gradient-direction'])[0], 'calc-gradient-direction');
  assert.deepEqual(suggest('mth-calculus', ['math-calculus', 'math-linalg']), ['math-calculus']);
});
