// The compiled course (the data folder's cache of a course): edits after the first load are seen, the
// file rules hold on every file a command shows whether the course came from the cache or not, a
// damaged cache is rebuilt without a word, and commands that need only the outline read only it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dlpath, tempDir, copyFixture } from './helpers.mjs';

const ESC = '\n\x1b]0;PWNED-TITLE\x07\x1b[2J\x1b[31mInjected lesson line\x1b[0m\n';

function fresh(name) {
  const curriculum = copyFixture(name);
  const home = tempDir();
  const o = { home, curriculum };
  const r = dlpath(['path'], o); // compiles the course into the data folder
  assert.equal(r.code, 0, r.stderr);
  return o;
}

function compiledFolder(home) {
  const dirs = fs.readdirSync(path.join(home, 'cache')).filter((d) => d.startsWith('course-'));
  assert.equal(dirs.length, 1, `one compiled course in ${home}/cache`);
  return path.join(home, 'cache', dirs[0]);
}

test('a lesson or brief edited after the course was compiled still obeys the rules: escape sequences → exit 3 with file:line:column, nothing shown', () => {
  const o = fresh('mini');
  fs.appendFileSync(path.join(o.curriculum, 'modules', 'alpha', 'lesson.en.md'), ESC);
  const r = dlpath(['learn', 'alpha'], o);
  assert.equal(r.code, 3, r.stdout + r.stderr);
  assert.doesNotMatch(r.stdout + r.stderr, /\x1b|PWNED/);
  assert.match(r.stderr, /modules\/alpha\/lesson\.en\.md:\d+:1 cannot be used: contains an ANSI escape sequence \(ESC\); remove it/);
  // Not marked read.
  assert.equal(JSON.parse(dlpath(['progress', '--json'], o).stdout).tracks[0].modules[0].lesson_read, false);

  const t = fresh('tasks-basic');
  fs.appendFileSync(path.join(t.curriculum, 'modules', 'tb-vectors', 'tasks', 'scale', 'brief.en.md'), ESC);
  const b = dlpath(['task', 'scale'], t);
  assert.equal(b.code, 3, b.stdout + b.stderr);
  assert.doesNotMatch(b.stdout + b.stderr, /\x1b|PWNED/);
  assert.match(b.stderr, /brief\.en\.md:\d+:1 cannot be used/);
});

test('a lesson replaced by a link out of the course, or grown past 1 MiB, after compiling: refused (exit 3), the outside file never shown', () => {
  const o = fresh('mini');
  const secret = path.join(tempDir(), 'secret.md');
  fs.writeFileSync(secret, 'SECRET-OUTSIDE-FILE\n');
  const lesson = path.join(o.curriculum, 'modules', 'alpha', 'lesson.en.md');
  fs.rmSync(lesson);
  fs.symlinkSync(secret, lesson);
  let r = dlpath(['learn', 'alpha'], o);
  assert.equal(r.code, 3, r.stdout + r.stderr);
  assert.doesNotMatch(r.stdout, /SECRET/);
  assert.match(r.stderr, /lesson\.en\.md is a link that leads outside the curriculum folder/);

  fs.rmSync(lesson);
  fs.writeFileSync(lesson, `# Big\n\n${'word '.repeat(230_000)}\n`);
  r = dlpath(['learn', 'alpha'], o);
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /lesson\.en\.md is larger than 1 MiB/);
});

test('a task file turned into a link out of the course: check refuses it before Python reads it', () => {
  const t = fresh('tasks-basic');
  assert.equal(dlpath(['task', 'scale'], t).code, 0);
  const tests = path.join(t.curriculum, 'modules', 'tb-vectors', 'tasks', 'scale', 'tests.py');
  const outside = path.join(tempDir(), 'tests.py');
  fs.copyFileSync(tests, outside);
  fs.rmSync(tests);
  fs.symlinkSync(outside, tests);
  const r = dlpath(['check', 'scale'], t);
  assert.equal(r.code, 3, r.stdout + r.stderr);
  assert.match(r.stderr, /tests\.py is a link that leads outside the curriculum folder/);
});

test('module.yaml itself may not be a link out of the course, before or after compiling', () => {
  const o = fresh('mini');
  const file = path.join(o.curriculum, 'modules', 'beta', 'module.yaml');
  const outside = path.join(tempDir(), 'module.yaml');
  fs.copyFileSync(file, outside);
  fs.rmSync(file);
  fs.symlinkSync(outside, file);
  for (const home of [o.home, tempDir()]) {
    const r = dlpath(['path'], { ...o, home });
    assert.equal(r.code, 3, r.stdout + r.stderr);
    assert.match(r.stderr, /modules\/beta\/module\.yaml:1:1: modules\/beta\/module\.yaml is a link that leads outside the curriculum folder/);
  }
  const v = dlpath(['validate', o.curriculum]);
  assert.equal(v.code, 3, v.stdout);
});

test('an edit to module.yaml after compiling is seen by the next command', () => {
  const o = fresh('mini');
  const file = path.join(o.curriculum, 'modules', 'alpha', 'module.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: {en: Alpha, zh: 阿尔法}', 'title: {en: Alpha Renamed, zh: 阿尔法}'));
  const r = dlpath(['path'], o);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Alpha Renamed/);
});

test('a damaged compiled course is rebuilt without a word: the outline, or one module\'s questions', () => {
  const o = fresh('mini');
  const folder = compiledFolder(o.home);
  fs.writeFileSync(path.join(folder, 'outline.json'), '{"v": 2, "build": "x", "stamp": [');
  let r = dlpath(['next', '--json'], o);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(JSON.parse(r.stdout).module, 'alpha');
  const outline = JSON.parse(fs.readFileSync(path.join(folder, 'outline.json'), 'utf8'));
  fs.writeFileSync(path.join(folder, outline.build, 'alpha.json'), 'garbage');
  r = dlpath(['quiz', 'alpha', '--answers', '-', '--json'], { ...o, input: JSON.stringify({ 'alpha-single': 'a', 'alpha-numeric': 4 }) });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(JSON.parse(r.stdout).score, 1);
});

test('next, path and progress read only the outline: they run with every module file of the compiled course gone', () => {
  const o = fresh('mini');
  const folder = compiledFolder(o.home);
  const { build } = JSON.parse(fs.readFileSync(path.join(folder, 'outline.json'), 'utf8'));
  fs.rmSync(path.join(folder, build), { recursive: true });
  for (const args of [['next', '--json'], ['path'], ['progress', '--json']]) {
    const r = dlpath(args, o);
    assert.equal(r.code, 0, r.stderr);
  }
  assert.equal(fs.existsSync(path.join(folder, build)), false, 'nothing was compiled again');
  assert.equal(JSON.parse(fs.readFileSync(path.join(folder, 'outline.json'), 'utf8')).build, build);
});
