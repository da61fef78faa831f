// `dlpath check` on failure: the first failing test in full, matrices aligned, then every test on a line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dlpath, tempDir, FIXTURES } from './helpers.mjs';

const CURRICULUM = path.join(FIXTURES, 'tasks-basic');

test('check leads with the first failure (expected vs got, 2-D rows aligned), then one line per test; --full shows all', () => {
  const home = tempDir();
  const run = (args) => dlpath(args, { home, curriculum: CURRICULUM });
  assert.equal(run(['task', 'scale']).code, 0);
  fs.copyFileSync(path.join(CURRICULUM, 'learners', 'fails.py'), path.join(home, 'workspace', 'tb-vectors', 'scale.py'));
  let r = run(['check']);
  assert.equal(r.code, 1);
  const lines = r.stdout.split('\n');
  const firstFail = lines.findIndex((l) => /✘/.test(l));
  assert.match(lines[firstFail], /✘ scale\(\[1, 2, 3\], 2\) is \[2, 4, 6\]$/);
  assert.match(lines[firstFail + 2], /worst at \(0,\): expected 2\.0, got 3\.0/);
  assert.match(r.stdout, /All the tests:\n  ✘ scale\(\[1, 2, 3\], 2\) is \[2, 4, 6\] · shown above\n  ✘ keeps the shape of a \(2, 3\) input · result is not close/);
  // The second failure's arrays are not spelled out in the compact report.
  assert.doesNotMatch(r.stdout, /-4\.5, -6\./);
  assert.match(r.stdout, /Every failure in full: `dlpath check --full`/);

  r = run(['check', '--full']);
  assert.equal(r.code, 1);
  // A 2-D array's second row starts under its first, past the label.
  const exp = r.stdout.split('\n').findIndex((l) => /expected: array\(\[\[/.test(l));
  const row1 = r.stdout.split('\n')[exp];
  const row2 = r.stdout.split('\n')[exp + 1];
  assert.equal(row2.indexOf('['), row1.indexOf('[[') + 1, `${row1}\n${row2}`);
  assert.match(r.stdout, /-4\.5, -6\./);
});
