// `dlpath task`, `hint`, `solution`, `doctor` end to end, with a temporary home.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dlpath, tempDir, openDb, FIXTURES, writeTree } from './helpers.mjs';

const CURRICULUM = path.join(FIXTURES, 'tasks-basic');
const SOLUTION = path.join(CURRICULUM, 'modules', 'tb-vectors', 'tasks', 'scale', 'solution.py');
const run = (home, args, opts = {}) => dlpath(args, { home, curriculum: CURRICULUM, ...opts });

test('task: puts the starter in the workspace, prints the path and the brief, never overwrites edits', async () => {
  const home = tempDir();
  const file = path.join(home, 'workspace', 'tb-vectors', 'scale.py');
  let r = run(home, ['task', 'scale']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes(`Your file: ${file}`));
  assert.match(r.stdout, /Write `scale\(x, k\)` that returns/);
  assert.match(fs.readFileSync(file, 'utf8'), /raise NotImplementedError/);

  fs.writeFileSync(file, '# my work\n');
  r = run(home, ['task', 'scale']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /kept as you left it/);
  assert.equal(fs.readFileSync(file, 'utf8'), '# my work\n');

  // --force without a terminal and without --yes: refused, the file untouched.
  r = run(home, ['task', 'scale', '--force']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--yes/);
  assert.equal(fs.readFileSync(file, 'utf8'), '# my work\n');

  // With --yes: a fresh starter, the old file kept as a backup.
  r = run(home, ['--yes', 'task', 'scale', '--force']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(fs.readFileSync(file, 'utf8'), /raise NotImplementedError/);
  const backups = fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak'));
  assert.equal(backups.length, 1);
  assert.equal(fs.readFileSync(path.join(path.dirname(file), backups[0]), 'utf8'), '# my work\n');

  const db = await openDb(home);
  assert.ok(db.prepare('SELECT started_at FROM task_progress WHERE task = ?').pluck().get('scale'));
  assert.equal(db.prepare("SELECT value FROM settings WHERE key = 'current_task'").pluck().get(), 'scale');
  assert.equal(db.prepare("SELECT count(*) FROM events WHERE kind = 'task_started'").pluck().get(), 3);
  db.close();
});

test('task: in Chinese the brief is the Chinese one; an unknown task is exit 2 with a suggestion', () => {
  const home = tempDir();
  let r = run(home, ['--lang', 'zh', 'task', 'scale']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /以浮点数组返回/);
  assert.match(r.stdout, /你的文件：/);
  r = run(home, ['task', 'scael']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /There is no task "scael"\. Did you mean: scale/);
});

test('hint: one more level each call, "hint 2 of 2", then the last one again; recorded', async () => {
  const home = tempDir();
  let r = run(home, ['hint', 'scale']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Hint 1 of 2 for scale/);
  assert.match(r.stdout, /Multiply\./);
  r = run(home, ['hint', 'scale']);
  assert.match(r.stdout, /Hint 2 of 2 for scale/);
  assert.match(r.stdout, /return k \* np\.asarray/);
  assert.match(r.stdout, /last hint/);
  r = run(home, ['--json', 'hint', 'scale']);
  assert.deepEqual(JSON.parse(r.stdout), { task: 'scale', level: 2, total: 2, hint: 'return k * np.asarray(x, dtype=float)', last: true });
  r = run(home, ['hint', 'spin']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /no hints/);
  const db = await openDb(home);
  assert.equal(db.prepare('SELECT hints_shown FROM task_progress WHERE task = ?').pluck().get('scale'), 2);
  assert.equal(db.prepare("SELECT count(*) FROM events WHERE kind = 'task_hint'").pluck().get(), 3);
  db.close();
});

test('solution: before a pass it needs a confirmation (--yes without a terminal) and the reveal is recorded', async () => {
  const home = tempDir();
  let r = run(home, ['solution', 'scale']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /add --yes/);
  assert.doesNotMatch(r.stdout, /return k/);
  r = run(home, ['--yes', 'solution', 'scale']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /return k \* np\.asarray\(x, dtype=np\.float64\)/);
  assert.match(r.stdout, /Recorded: you saw the solution before passing/);
  const db = await openDb(home);
  assert.ok(db.prepare('SELECT solution_seen_at FROM task_progress WHERE task = ?').pluck().get('scale'));
  const ev = db.prepare("SELECT data FROM events WHERE kind = 'task_solution'").pluck().all().map((d) => JSON.parse(d));
  assert.deepEqual(ev, [{ before_pass: true }]);
  db.close();
});

test('solution: after a pass it is shown at once, and not counted as seen before passing', async () => {
  const home = tempDir();
  run(home, ['task', 'scale']);
  fs.copyFileSync(SOLUTION, path.join(home, 'workspace', 'tb-vectors', 'scale.py'));
  assert.equal(run(home, ['check']).code, 0);
  const r = run(home, ['solution', 'scale']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Reference solution for scale/);
  assert.doesNotMatch(r.stdout, /Recorded/);
  const db = await openDb(home);
  assert.equal(db.prepare('SELECT solution_seen_at FROM task_progress WHERE task = ?').pluck().get('scale'), null);
  db.close();
});

test('doctor: all here → exit 0; the optional package a task wants is named, not fatal', () => {
  const r = run(tempDir(), ['doctor']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /✔ Python\s+3\.\d+/);
  assert.match(r.stdout, /✔ NumPy\s+\d/);
  assert.match(r.stdout, /Package dlpath_no_such_package\s+not installed: .*needs_extra/);
  assert.match(r.stdout, /Everything dlpath needs is here/);
});

test('doctor: no Python, or a Python without NumPy → exit 4 with how to fix each', () => {
  let r = run(tempDir(), ['doctor'], { env: { DLPATH_PYTHON: '/nonexistent/python3' } });
  assert.equal(r.code, 4);
  assert.match(r.stdout, /✘ Python\s+\/nonexistent\/python3: not found/);
  assert.match(r.stdout, /→ Install Python 3\.8\+/);
  // python3 -S: no site-packages, so no NumPy.
  const bin = tempDir();
  writeTree(bin, { 'py': '#!/bin/sh\nexec python3 -S "$@"\n' });
  fs.chmodSync(path.join(bin, 'py'), 0o755);
  r = run(tempDir(), ['--json', 'doctor'], { env: { DLPATH_PYTHON: path.join(bin, 'py') } });
  assert.equal(r.code, 4);
  const j = JSON.parse(r.stdout);
  assert.equal(j.ok, false);
  const numpy = j.checks.find((c) => c.id === 'numpy');
  assert.equal(numpy.ok, false);
  assert.match(numpy.fix, /-m pip install numpy/);
  assert.equal(j.checks.find((c) => c.id === 'python').ok, true);
});

test('doctor: an unwritable data folder and an invalid curriculum are essentials', () => {
  const home = path.join(tempDir(), 'file-not-folder');
  fs.writeFileSync(home, 'x');
  const bad = writeTree(tempDir(), { 'curriculum.yaml': 'format_version: 1\nid: x\n' });
  const r = dlpath(['doctor'], { home, curriculum: bad });
  assert.equal(r.code, 4);
  assert.match(r.stdout, /✘ Data folder/);
  assert.match(r.stdout, /✘ Curriculum .*error/);
  assert.match(r.stdout, /dlpath validate/);
});

test('hint and solution default to the current task, like check and watch', () => {
  const home = tempDir();
  const o = { home, curriculum: path.join(FIXTURES, 'tasks-basic') };
  assert.equal(dlpath(['task', 'scale'], o).code, 0);
  const h = dlpath(['hint'], o);
  assert.equal(h.code, 0, h.stderr);
  assert.match(h.stdout, /Hint 1 of \d+ for scale/);
  const s = dlpath(['solution', '--yes'], o);
  assert.equal(s.code, 0, s.stderr);
  assert.match(s.stdout, /def scale/);
});

test('reset sets the module\'s task files aside, so the task starts over from a fresh starter', () => {
  const home = tempDir();
  const o = { home, curriculum: path.join(FIXTURES, 'tasks-basic') };
  assert.equal(dlpath(['task', 'scale'], o).code, 0);
  const file = path.join(home, 'workspace', 'tb-vectors', 'scale.py');
  fs.copyFileSync(path.join(FIXTURES, 'tasks-basic', 'learners', 'passes.py'), file);
  assert.equal(dlpath(['check', 'scale'], o).code, 0);
  const r = dlpath(['reset', 'tb-vectors', '--yes'], o);
  assert.equal(r.code, 0, r.stderr);
  const kept = path.join(home, 'workspace', 'tb-vectors', '.attempt-0', 'scale.py');
  // The full path of the hidden folder, and that it is hidden (plain ls does not show it).
  assert.ok(r.stdout.includes(`Your task files were moved to ${path.dirname(kept)} (a hidden folder: \`ls -a\` lists it).`), r.stdout);
  assert.equal(fs.readFileSync(kept, 'utf8'), fs.readFileSync(path.join(FIXTURES, 'tasks-basic', 'learners', 'passes.py'), 'utf8'), 'the solved file is kept');
  assert.equal(fs.existsSync(file), false);
  assert.equal(dlpath(['task', 'scale'], o).code, 0);
  assert.equal(dlpath(['check', 'scale'], o).code, 1, 'the fresh starter does not pass');
});
