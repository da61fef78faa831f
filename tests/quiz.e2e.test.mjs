// `dlpath quiz --answers`: the real bin/dlpath, a temporary DLPATH_HOME, the quiz-basic fixture.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, dlpath, openDb, tempDir, writeTree } from './helpers.mjs';

const curriculum = path.join(FIXTURES, 'quiz-basic');

const ALL_RIGHT = `# every question of the basics module, right (choice ids as in module.yaml)
basics-single: a
basics-multiple: [c, a]
basics-tf: true
basics-numeric: "２.３０２６"
basics-text: "  Cross   Entropy. "
basics-order: [a, b, c, d]
`;
const ALL_WRONG = {
  'basics-single': 'b', 'basics-multiple': ['a', 'b'], 'basics-tf': false,
  'basics-numeric': 2.4, 'basics-text': 'mean squared error', 'basics-order': ['d', 'c', 'b', 'a'],
};

function home() { return tempDir(); }

function write(dir, name, text) {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

function quiz(h, args, opts = {}) {
  return dlpath(['quiz', 'basics', ...args], { home: h, curriculum, ...opts });
}

async function rows(h, sql, ...params) {
  if (!fs.existsSync(path.join(h, 'progress.db'))) return [];
  const db = await openDb(h);
  try { return db.prepare(sql).all(...params); } finally { db.close(); }
}

test('all answers right: exit 0, 100%, every answer stored, the quiz counts as passed', async () => {
  const h = home();
  const file = write(h, 'answers.yaml', ALL_RIGHT);
  const r = quiz(h, ['--answers', file, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.score, 1);
  assert.equal(out.percent, 100);
  assert.equal(out.passed, true);
  assert.equal(out.questions.length, 6);
  assert.ok(out.questions.every((q) => q.correct));
  assert.equal((await rows(h, 'SELECT * FROM quiz_answers')).length, 6);
  const [mp] = await rows(h, 'SELECT quiz_best, quiz_passed_at FROM module_progress WHERE module = ?', 'basics');
  assert.equal(mp.quiz_best, 1);
  assert.ok(mp.quiz_passed_at);
  const progress = JSON.parse(dlpath(['progress', '--json'], { home: h, curriculum }).stdout);
  const basics = progress.tracks[0].modules.find((mod) => mod.id === 'basics');
  assert.equal(basics.quiz_passed, true, 'dlpath progress sees the passed quiz');
  assert.equal((await rows(h, 'SELECT * FROM review_cards')).length, 6, 'every answered question gets a review card');
});

test('the text report lists each question and the score', () => {
  const h = home();
  const r = quiz(h, ['--answers', write(h, 'a.yaml', ALL_RIGHT)]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /basics-numeric/);
  assert.match(r.stdout, /Score: 6 of 6 \(100%\)/);
  assert.match(r.stdout, /Passed/);
});

test('all answers wrong: exit 1, 0%, says what the right answers were, with the feedback and explanation; not passed', async () => {
  const h = home();
  const r = quiz(h, ['--answers', '-'], { input: JSON.stringify(ALL_WRONG) });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /Score: 0 of 6 \(0%\)/);
  assert.match(r.stdout, /✘ basics-single: Which match did AlphaGo win 4–1\?\n  your answer: Against Fan Hui\n  ✘ Not quite\. The answer: Against Lee Sedol\n  That is the 5–0 against Fan Hui, not Lee Sedol\.\n  AlphaGo beat Lee Sedol 4–1 in March 2016\./);
  assert.match(r.stdout, /You left out: tanh/);
  assert.match(r.stdout, /dlpath quiz basics/);
  const [mp] = await rows(h, 'SELECT quiz_best, quiz_passed_at FROM module_progress WHERE module = ?', 'basics');
  assert.equal(mp.quiz_best, 0);
  assert.equal(mp.quiz_passed_at, null);
  const j = JSON.parse(quiz(h, ['--answers', '-', '--json'], { input: JSON.stringify(ALL_WRONG) }).stdout);
  const multi = j.questions.find((q) => q.id === 'basics-multiple');
  assert.deepEqual(multi.missed, ['c']);
  assert.deepEqual(multi.extra, ['b']);
  const single = j.questions.find((q) => q.id === 'basics-single');
  assert.deepEqual(single.feedback, ['That is the 5–0 against Fan Hui, not Lee Sedol.']);
  assert.equal(single.explanation, 'AlphaGo beat Lee Sedol 4–1 in March 2016.');
});

test('the best score of the epoch is kept, and the first pass stays recorded', async () => {
  const h = home();
  assert.equal(quiz(h, ['--answers', write(h, 'r.yaml', ALL_RIGHT)]).code, 0);
  const [first] = await rows(h, 'SELECT quiz_best, quiz_passed_at FROM module_progress');
  assert.equal(quiz(h, ['--answers', '-'], { input: JSON.stringify(ALL_WRONG) }).code, 1);
  const [after] = await rows(h, 'SELECT quiz_best, quiz_passed_at FROM module_progress');
  assert.deepEqual(after, first);
  const attempts = await rows(h, 'SELECT score, passed FROM quiz_attempts ORDER BY id');
  assert.deepEqual(attempts, [{ score: 1, passed: 1 }, { score: 0, passed: 0 }]);
});

test('a malformed answers file: exit 2 with where it is broken, and nothing stored', async () => {
  const h = home();
  const file = write(h, 'broken.yaml', 'basics-single: a\nbasics-tf: [true\n');
  const r = quiz(h, ['--answers', file]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /broken\.yaml is not valid YAML or JSON/);
  assert.match(r.stderr, /line \d+/);
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
  assert.deepEqual(await rows(h, 'SELECT * FROM quiz_attempts'), []);
  assert.deepEqual(await rows(h, 'SELECT * FROM events'), []);

  const list = quiz(h, ['--answers', '-'], { input: '- a\n- b\n' });
  assert.equal(list.code, 2);
  assert.match(list.stderr, /must be a map of question id → answer/);
});

test('unknown question ids and answers of the wrong shape: exit 2 naming each question; nothing stored', async () => {
  const h = home();
  const bad = {
    ...ALL_WRONG,
    'basics-single': 'z', 'basics-tf': 'maybe', 'basics-numeric': 'two', 'basics-order': ['a', 'b'],
    'basics-txt': 'x', 'drawn-one': true,
  };
  const r = quiz(h, ['--answers', '-'], { input: JSON.stringify(bad) });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nothing was stored/);
  assert.match(r.stderr, /basics-single: "z" is not a choice; the choices are a, b, c, d/);
  assert.match(r.stderr, /basics-tf: give true or false/);
  assert.match(r.stderr, /basics-numeric: "two" is not a number/);
  assert.match(r.stderr, /basics-order: put every choice in order; missing: c, d/);
  assert.match(r.stderr, /question "basics-txt" is not in this quiz \(Did you mean: basics-text/);
  assert.match(r.stderr, /question "drawn-one" belongs to module "drawn"/);
  assert.deepEqual(await rows(h, 'SELECT * FROM quiz_answers'), []);
  assert.deepEqual(await rows(h, 'SELECT * FROM quiz_attempts'), []);

  const missing = { ...ALL_WRONG };
  delete missing['basics-text'];
  const m = quiz(h, ['--answers', '-'], { input: JSON.stringify(missing) });
  assert.equal(m.code, 2);
  assert.match(m.stderr, /no answer for basics-text/);
  assert.deepEqual(await rows(h, 'SELECT * FROM quiz_answers'), []);
});

test('bad usage: unknown module, no terminal and no --answers, bad --seed, missing file', () => {
  const h = home();
  const unknown = quiz(h, ['--answers', '-'], { input: '{}' });
  assert.equal(unknown.code, 2);
  const typo = dlpath(['quiz', 'basic'], { home: h, curriculum });
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /no module "basic"\. Did you mean: basics\?/);
  const noTty = quiz(h, []);
  assert.equal(noTty.code, 2);
  assert.match(noTty.stderr, /terminal/);
  assert.match(noTty.stderr, /--answers/);
  const seed = quiz(h, ['--seed', 'x', '--answers', '-'], { input: ALL_RIGHT });
  assert.equal(seed.code, 2);
  assert.match(seed.stderr, /--seed must be a whole number/);
  const nofile = quiz(h, ['--answers', path.join(h, 'nope.yaml')]);
  assert.equal(nofile.code, 2);
  assert.match(nofile.stderr, /Cannot read the answers file .*nope\.yaml: no such file/);
});

test('--seed fixes the order of questions; without it, orders differ between runs', () => {
  const h = home();
  const order = (args) => JSON.parse(quiz(h, ['--answers', '-', '--json', ...args], { input: ALL_RIGHT }).stdout)
    .questions.map((q) => q.id).join();
  assert.equal(order(['--seed', '11']), order(['--seed', '11']));
  const seen = new Set();
  for (let i = 0; i < 6; i++) seen.add(order([]));
  assert.ok(seen.size > 1, 'unseeded runs shuffle');
});

test('a quiz with draw asks N questions drawn from its bank', () => {
  const h = home();
  const r = dlpath(['quiz', 'drawn', '--answers', '-', '--json'], { home: h, curriculum,
    input: 'drawn-one: true\ndrawn-two: false\ndrawn-three: 3\n' });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.total, 2);
  assert.equal(out.passed, true);
});

test('in Chinese, the report and the errors are in Chinese', () => {
  const h = home();
  const r = quiz(h, ['--answers', '-'], { input: JSON.stringify(ALL_WRONG), env: { DLPATH_LANG: 'zh' } });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /得分：6 题中答对 0 题/);
  assert.match(r.stdout, /正确答案：对李世石/);
  const bad = quiz(h, ['--answers', '-'], { input: 'basics-tf: maybe\n', env: { DLPATH_LANG: 'zh' } });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /请写 true 或 false/);
});

test('reset starts the quiz and its review cards over; the old answers stay in history', async () => {
  const h = home();
  assert.equal(quiz(h, ['--answers', write(h, 'r.yaml', ALL_RIGHT)]).code, 0);
  const reset = dlpath(['reset', 'basics', '--yes'], { home: h, curriculum });
  assert.equal(reset.code, 0, reset.stderr);
  const progress = JSON.parse(dlpath(['progress', '--json'], { home: h, curriculum }).stdout);
  assert.equal(progress.tracks[0].modules.find((mod) => mod.id === 'basics').quiz_passed, false);
  const review = JSON.parse(dlpath(['review', '--json'], { home: h, curriculum }).stdout);
  assert.equal(review.next_due, null, 'no review cards in the new epoch');
  assert.equal((await rows(h, 'SELECT * FROM quiz_answers')).length, 6, 'answers are kept');
  assert.equal((await rows(h, 'SELECT * FROM review_cards')).length, 6, 'old cards are kept as history');
});

test('a near miss in spelling counts as right, shows the right spelling, and the event records it', async () => {
  const h = home();
  const answers = ALL_RIGHT.replace('basics-text: "  Cross   Entropy. "', 'basics-text: "cross-entorpy"');
  const r = quiz(h, ['--answers', write(h, 'a.yaml', answers)]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /✔ basics-text: .*\n  Accepted, but mind the spelling: cross-entropy/);
  assert.match(r.stdout, /Score: 6 of 6/);
  const [ev] = await rows(h, "SELECT data FROM events WHERE kind = 'quiz_answered' AND item = 'basics-text'");
  const data = JSON.parse(ev.data);
  assert.equal(data.correct, true);
  assert.equal(data.near_miss, 'cross-entropy');
  const [exact] = (await rows(h, "SELECT data FROM events WHERE kind = 'quiz_answered' AND item = 'basics-single'")).map((e) => JSON.parse(e.data));
  assert.equal('near_miss' in exact, false, 'an exact answer records no near miss');
  const zh = dlpath(['--lang', 'zh', 'quiz', 'basics', '--answers', write(h, 'b.yaml', answers), '--json'], { home: h, curriculum });
  assert.equal(JSON.parse(zh.stdout).questions.find((q) => q.id === 'basics-text').near_miss, 'cross-entropy');
});

test('decimals: N: dlpath writes "(N decimals)" in the learner\'s language, and the tolerance is half a unit of the last decimal', () => {
  const dir = writeTree(tempDir(), {
    'curriculum.yaml': 'format_version: 1\nid: dec\ntitle: Decimals\ntracks:\n  - {id: one, title: One, modules: [dec]}\n',
    'modules/dec/module.yaml': [
      'id: dec', 'title: {en: Decimals, zh: 小数}', 'track: one', 'quiz:', '  questions:',
      '    - id: dec-bayes', '      type: numeric',
      '      prompt: {en: "Someone tests positive. What is the probability that they are sick?", zh: "某人检测呈阳性，他患病的概率是多少？"}',
      '      answer: 0.166667', '      decimals: 3',
      '    - id: dec-memory', '      type: numeric',
      '      prompt: {en: "How many GB does each GPU hold?", zh: "每块 GPU 存放多少 GB？"}',
      '      answer: 1.875', '      decimals: 1', '      unit: {en: GB, zh: GB}', '',
    ].join('\n'),
  });
  const run = (answers, lang = 'en') => dlpath(['--lang', lang, 'quiz', 'dec', '--answers', '-'], { home: tempDir(), curriculum: dir, input: JSON.stringify(answers) });
  // The classic Bayes error (0.165) is wrong; the course's own rounding (1.9 GB) is right.
  let r = run({ 'dec-bayes': 0.165, 'dec-memory': '1.9 GB' });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /✘ dec-bayes: Someone tests positive\. What is the probability that they are sick\? \(3 decimals\)/);
  assert.match(r.stdout, /The answer: 0\.167\b/);
  assert.match(r.stdout, /✔ dec-memory: How many GB does each GPU hold\? \(1 decimal\)/);
  for (const [bayes, right] of [[0.167, true], [0.1667, true], [0.166, false], [0.17, false]]) {
    assert.equal(run({ 'dec-bayes': bayes, 'dec-memory': 1.875 }).code === 0, right, String(bayes));
  }
  assert.equal(run({ 'dec-bayes': 0.167, 'dec-memory': 1.8 }).code, 1, '1.8 is not 1.875 to one decimal');
  r = run({ 'dec-bayes': 0.165, 'dec-memory': 1.9 }, 'zh');
  assert.match(r.stdout, /他患病的概率是多少？（保留 3 位小数）/);
  assert.match(r.stdout, /每块 GPU 存放多少 GB？（保留 1 位小数）/);

  // A question that gives both, or still says the decimals itself, is reported by validate.
  const yaml = path.join(dir, 'modules/dec/module.yaml');
  fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace('      decimals: 3', '      decimals: 3\n      tolerance: {abs: 0.002}')
    .replace('hold?", zh', 'hold? (1 decimal)", zh'));
  r = dlpath(['validate', dir]);
  assert.equal(r.code, 3, r.stdout);
  assert.match(r.stdout, /quiz\.questions\[0\]\.tolerance: decimals: 3 already sets the tolerance/);
  assert.match(r.stdout, /warning: quiz\.questions\[1\]\.prompt: the prompt states the decimals itself/);
});
