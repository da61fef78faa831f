// The interactive quiz in a real terminal (tmux): answer two questions, press Ctrl-C, and find both
// answers in the store; then run it again and go on where it stopped.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { copyFixture, hasTmux, openDb, tempDir, ROOT } from './helpers.mjs';
import { answer, answerFirstTwo, start, tmux, waitFor } from './quiz-tmux.mjs';
import { loadCurriculum } from '../dist/adapters/curriculum/index.js';

const skip = hasTmux() ? false : 'tmux is not installed: the real-terminal quiz test needs it (apt-get install tmux)';

test('interactive quiz: two answers, Ctrl-C, both stored; the next run offers to go on', { skip, timeout: 90000 }, async (t) => {
  const home = tempDir();
  const socket = `dlpath-test-${process.pid}`;
  t.after(() => spawnSync('tmux', ['-L', socket, 'kill-server']));
  // No --seed, as a learner runs it: the plan the run stored says which question types come first.
  const asked = await answerFirstTwo(socket, home);
  tmux(socket, 'send-keys', '-t', 'quiz', 'C-c');
  const out = await waitFor(socket, /EXIT:\d+/, 'the quiz to exit');
  assert.match(out, /EXIT:130/);
  assert.match(out, /Your answers so far are saved/);
  assert.doesNotMatch(out, /internal error|at .*\.js:\d+/);

  const db = await openDb(home);
  const stored = db.prepare('SELECT question FROM quiz_answers ORDER BY ts').pluck().all();
  const attempt = db.prepare('SELECT finished_at FROM quiz_attempts').all();
  db.close();
  assert.deepEqual(stored, [asked[0].id, asked[1].id], 'both answers are in the store');
  assert.equal(attempt.length, 1);
  assert.equal(attempt[0].finished_at, null, 'the attempt is left open to resume');

  // Run again: it offers to go on, and goes on at question 3.
  tmux(socket, 'kill-session', '-t', 'quiz');
  start(socket, home);
  await waitFor(socket, /unfinished quiz here \(2 of 6 answered\)/, 'the offer to resume');
  tmux(socket, 'send-keys', '-t', 'quiz', 'Enter');
  await waitFor(socket, /Going on: 2 of 6 already answered[\s\S]*Question 3 of 6/, 'question 3 after resuming');
  tmux(socket, 'send-keys', '-t', 'quiz', 'C-c');
  assert.match(await waitFor(socket, /EXIT:\d+/, 'the second exit'), /EXIT:130/);
});

test('a quiz resumed after the course relabelled its choice ids keeps the verdict each stored answer was given', { skip, timeout: 90000 }, async (t) => {
  const home = tempDir();
  const course = copyFixture('quiz-basic');
  const socket = `dlpath-test-relabel-${process.pid}`;
  t.after(() => spawnSync('tmux', ['-L', socket, 'kill-server']));
  const ix = await loadCurriculum(course, home);
  const questions = ix.module('basics').quiz.questions;
  // Before the upgrade: the attempt asked basics-single first, and the learner picked its right choice, "a".
  const { Store } = await import(path.join(ROOT, 'dist/adapters/store/store.js'));
  const { startAttempt, recordAnswer } = await import(path.join(ROOT, 'dist/adapters/store/quiz.js'));
  const order = ['basics-single', ...questions.map((q) => q.id).filter((id) => id !== 'basics-single')];
  const plan = { questions: order.map((id) => {
    const q = questions.find((x) => x.id === id);
    return q.choices ? { id, choices: q.choices.map((c) => c.id) } : { id };
  }) };
  const store = Store.open(home, () => new Date());
  try {
    const attempt = startAttempt(store, 'basics', plan, 7);
    recordAnswer(store, { attempt, module: 'basics', question: 'basics-single', answer: 'a', correct: true });
  } finally { store.close(); }
  // The upgrade relabels basics-single: its right choice is now "c", and "a" names a wrong one.
  const file = path.join(course, 'modules/basics/module.yaml');
  const src = fs.readFileSync(file, 'utf8');
  const relabelled = src.replace('{id: a, text: {en: Against Lee Sedol', '{id: x, text: {en: Against Lee Sedol')
    .replace('{id: c, text: {en: Against Ke Jie', '{id: a, text: {en: Against Ke Jie')
    .replace('{id: x, text: {en: Against Lee Sedol', '{id: c, text: {en: Against Lee Sedol')
    .replace(/(id: basics-single[\s\S]*?\n\s+answer: )a\n/, '$1c\n');
  assert.notEqual(relabelled, src);
  assert.match(relabelled, /\{id: c, text: \{en: Against Lee Sedol[\s\S]*\{id: a, text: \{en: Against Ke Jie[\s\S]*answer: c\n/);
  fs.writeFileSync(file, relabelled);

  start(socket, home, 'quiz', course);
  await waitFor(socket, /unfinished quiz here \(1 of 6 answered\)/, 'the offer to resume');
  tmux(socket, 'send-keys', '-t', 'quiz', 'Enter');
  for (let i = 2; i <= 6; i++) await answer(socket, questions.find((q) => q.id === order[i - 1]), i, 6);
  const out = await waitFor(socket, /EXIT:\d+/, 'the quiz to end');
  const db = await openDb(home);
  const stored = db.prepare('SELECT correct FROM quiz_answers ORDER BY ts').pluck().all();
  const score = db.prepare('SELECT score FROM quiz_attempts').pluck().get();
  db.close();
  assert.equal(stored.length, 6);
  assert.equal(stored[0], 1, 'the answer given before the upgrade was stored as right');
  const right = stored.filter((c) => c === 1).length;
  assert.equal(score, right / 6, 'the score counts every answer as it was graded when given');
  assert.match(out, new RegExp(`Score: ${right} of 6`));
});
