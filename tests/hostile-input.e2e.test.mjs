// Hostile input (review D8): answers files and course files that used to hang dlpath or eat memory.
// Every run has a generous time limit: a run that hangs is killed and fails, a finished one is judged
// by its exit code and message, never by how long it took.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dlpath, tempDir, FIXTURES } from './helpers.mjs';

const QUIZ = path.join(FIXTURES, 'quiz-basic');
const LIMIT = 60000; // far above any honest run; before the fixes these runs took minutes or for ever

function run(args, opts = {}) {
  return dlpath(args, { home: tempDir(), curriculum: QUIZ, timeout: LIMIT, ...opts });
}

/** The events the quiz stored: none, for a refused answers file. */
function storedAnswers(home) {
  const r = dlpath(['export'], { home, curriculum: QUIZ });
  return JSON.parse(r.stdout).events.filter((e) => e.type === 'quiz_answered').length;
}

/** Lines `<indent>k0: 1`, `<indent>k1: 1` … up to about maxBytes. */
function manyKeys(maxBytes, indent = '') {
  let s = '';
  for (let i = 0; s.length < maxBytes - 32; i++) s += `${indent}k${i}: 1\n`;
  return s;
}

test('/dev/zero and /dev/urandom as the answers file are refused as too large (the cap holds for devices)', () => {
  for (const dev of ['/dev/zero', '/dev/urandom']) {
    const home = tempDir();
    const r = run(['quiz', 'basics', '--answers', dev], { home });
    assert.equal(r.code, 2, `${dev}: ${r.stderr}`);
    assert.match(r.stderr, /larger than 1 MiB/);
    assert.equal(storedAnswers(home), 0);
  }
});

test('a pipe as the answers file is read with the same cap; a FIFO with no writer does not block', () => {
  const dir = tempDir();
  const big = path.join(dir, 'big.fifo');
  execFileSync('mkfifo', [big]);
  // A writer that would go on for ever: dlpath stops reading after 1 MiB.
  const writer = spawn('sh', ['-c', `exec yes 'k: 1' > '${big}'`], { stdio: 'ignore' });
  try {
    const r = run(['quiz', 'basics', '--answers', big]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /larger than 1 MiB/);
  } finally {
    writer.kill('SIGKILL');
  }
  const lonely = path.join(dir, 'lonely.fifo');
  execFileSync('mkfifo', [lonely]);
  const r2 = run(['quiz', 'basics', '--answers', lonely]);
  assert.equal(r2.code, 2, r2.stderr);
  assert.match(r2.stderr, /must be a map of question id/);
});

test('a 1 MiB answers file of tiny keys is refused at once, with what is wrong', () => {
  const dir = tempDir();
  const file = path.join(dir, 'keys.yaml');
  fs.writeFileSync(file, manyKeys(1024 * 1024 - 8));
  const home = tempDir();
  const r = run(['quiz', 'basics', '--answers', file], { home });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /more than 20,000 YAML separators/);
  assert.ok(r.stderr.length < 2000, 'one message, not a list of 100,000 problems');
  assert.equal(storedAnswers(home), 0);
});

test('a key given twice in an answers file is refused with its line and column', () => {
  const dir = tempDir();
  const file = path.join(dir, 'dup.yaml');
  fs.writeFileSync(file, 'basics-tf: true\nbasics-numeric: 2\nbasics-tf: false\n');
  const r = run(['quiz', 'basics', '--answers', file]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /the key "basics-tf" appears twice \(line 3, column 1\)/);
});

/** A copy of the quiz fixture with `edit` applied to the basics module.yaml. */
function courseWith(edit) {
  const dir = path.join(tempDir(), 'course');
  fs.cpSync(QUIZ, dir, { recursive: true });
  const file = path.join(dir, 'modules', 'basics', 'module.yaml');
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
  return dir;
}

test('a module.yaml padded to 1 MiB with keys is refused at once (validate exits 3, naming the file)', () => {
  const course = courseWith((y) => y + 'padding:\n' + manyKeys(1024 * 1024 - Buffer.byteLength(y) - 64, '  '));
  const r = dlpath(['validate', course], { home: tempDir(), timeout: LIMIT });
  assert.equal(r.code, 3, r.stderr + r.stdout);
  assert.match(r.stdout + r.stderr, /modules\/basics\/module\.yaml.*more than 50,000 YAML separators/);
});

test('a repeated key in a module.yaml is reported with its line', () => {
  const course = courseWith((y) => y.replace('id: basics\n', 'id: basics\nid: basics\n'));
  const r = dlpath(['validate', course], { home: tempDir(), timeout: LIMIT });
  assert.equal(r.code, 3);
  assert.match(r.stdout + r.stderr, /module\.yaml:2:1.*"id" appears twice/);
});

test('a module.yaml that is a device is refused, not read for ever', () => {
  const course = courseWith((y) => y);
  const file = path.join(course, 'modules', 'basics', 'module.yaml');
  fs.rmSync(file);
  fs.symlinkSync('/dev/zero', file);
  const r = dlpath(['validate', course], { home: tempDir(), timeout: LIMIT });
  assert.equal(r.code, 3, r.stderr + r.stdout);
  assert.match(r.stdout + r.stderr, /not a regular file/);
});

test('a catastrophic pattern cannot hang grading: ^(a+)+b$ against 40 a\'s and a "!" is graded wrong', () => {
  const course = courseWith((y) => y.replace('pattern: "^cross[- ]?entropy( loss)?$"', 'pattern: "^(a+)+b$"'));
  assert.equal(dlpath(['validate', course], { home: tempDir() }).code, 0, 'the pattern is valid');
  const dir = tempDir();
  const file = path.join(dir, 'a.yaml');
  fs.writeFileSync(file, [
    `basics-text: "${'a'.repeat(40)}!"`, 'basics-single: a', 'basics-multiple: [a, c]', 'basics-tf: true',
    'basics-numeric: 0', 'basics-order: [a, b, c, d]', '',
  ].join('\n'));
  const r = run(['--json', 'quiz', 'basics', '--answers', file], { curriculum: course });
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.questions.find((q) => q.id === 'basics-text').correct, false);
});

test('validate refuses a pattern that needs backtracking (backreference, lookahead), saying why', () => {
  for (const pattern of ['^(a)\\\\1$', '^a(?=b)']) {
    const course = courseWith((y) => y.replace('pattern: "^cross[- ]?entropy( loss)?$"', `pattern: "${pattern}"`));
    const r = dlpath(['validate', course], { home: tempDir() });
    assert.equal(r.code, 3, pattern);
    assert.match(r.stdout + r.stderr, /pattern: not a valid pattern: .*linear time \(RE2 syntax\)/, pattern);
  }
});

test('a text answer with escape sequences is echoed with them shown, not sent to the terminal (D11)', () => {
  const dir = tempDir();
  const file = path.join(dir, 'ansi.json');
  const evil = '\u001b]0;PWNED-TITLE\u0007\u001b[31mRED\u001b]52;c;SGVsbG8=\u0007\u001b[2J\u009b\u202e';
  fs.writeFileSync(file, JSON.stringify({
    'basics-text': evil, 'basics-single': 'a', 'basics-multiple': ['a', 'c'], 'basics-tf': true,
    'basics-numeric': 0, 'basics-order': ['a', 'b', 'c', 'd'],
  }));
  const r = run(['quiz', 'basics', '--answers', file]);
  assert.equal(r.code, 1, r.stderr);
  assert.doesNotMatch(r.stdout + r.stderr, /[\u001b\u0007\u009b\u202e]/, 'no control character reaches the terminal');
  assert.match(r.stdout, /your answer: <U\+001B>\]0;PWNED-TITLE<U\+0007><U\+001B>\[31mRED/);
});
