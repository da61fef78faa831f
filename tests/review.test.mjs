// `dlpath review` with a fixed clock: cards from quiz answers, FSRS ratings, due counts, --limit,
// --answers validation, and reset. Runs the compiled commands in-process with an injected clock.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { FIXTURES, openDb, tempDir } from './helpers.mjs';
import { makeContext } from '../dist/commands/context.js';
import { run as quiz } from '../dist/commands/quiz.js';
import { run as review } from '../dist/commands/review.js';
import { Store } from '../dist/adapters/store/store.js';
import { dueCount } from '../dist/adapters/store/review.js';
import { resetModules } from '../dist/adapters/store/progress.js';

const curriculum = path.join(FIXTURES, 'quiz-basic');
const T0 = Date.parse('2025-03-01T09:00:00Z');
const DAY = 86400000;

/** A learner's machine whose clock the test moves. */
function machine() {
  const home = tempDir();
  let now = T0;
  const clock = () => new Date(now);
  const exec = async (cmd, args, opts, input = '') => {
    let out = '';
    const stdout = new Writable({ write(c, _e, cb) { out += c; cb(); } });
    const stderr = new Writable({ write(_c, _e, cb) { cb(); } });
    const ctx = makeContext({ json: true, curriculum, home }, {
      env: { NO_COLOR: '1', LANG: 'en_US.UTF-8' }, cwd: home, stdin: Readable.from([input]), stdout, stderr, clock,
    });
    const code = await cmd(ctx, args, opts);
    return { code, json: out ? JSON.parse(out) : undefined };
  };
  const due = () => {
    const store = Store.open(home, clock);
    try { return dueCount(store); } finally { store.close(); }
  };
  return { home, clock, exec, due, at: (days) => { now = T0 + days * DAY; } };
}

const QUIZ_ONE_MISSED = JSON.stringify({
  'basics-single': 'b', 'basics-multiple': ['a', 'c'], 'basics-tf': true,
  'basics-numeric': 2.3026, 'basics-text': 'cross entropy', 'basics-order': ['a', 'b', 'c', 'd'],
});

test('quiz answers become cards; a miss comes back the next day and a right answer after it is rated Hard', async () => {
  const pc = machine();
  const q = await pc.exec(quiz, ['basics'], { answers: '-' }, QUIZ_ONE_MISSED);
  assert.equal(q.code, 0, '5 of 6 passes the 80% mark');
  assert.equal(pc.due(), 0, 'nothing is due right after the quiz');

  const none = await pc.exec(review, [], {});
  assert.equal(none.code, 0);
  assert.equal(none.json.due, 0);
  assert.equal(none.json.next_due, new Date(T0 + DAY).toISOString(), 'the missed question is due a day later');

  pc.at(1);
  assert.equal(pc.due(), 1);
  const r = await pc.exec(review, [], { answers: '-' }, 'basics-single: a\n');
  assert.equal(r.code, 0);
  assert.equal(r.json.due, 1);
  assert.deepEqual(r.json.reviewed.map((x) => [x.id, x.correct, x.rating]), [['basics-single', true, 'hard']]);
  assert.ok(Date.parse(r.json.reviewed[0].next_review) > T0 + 2 * DAY, 'the card moves further out');
  assert.equal(pc.due(), 0);

  // The questions answered right in the quiz (rated Good) fall due a few days later, with the relearnt one.
  pc.at(2.9);
  assert.equal(pc.due(), 0);
  pc.at(3);
  assert.equal(pc.due(), 6);
});

test('--limit takes the longest-overdue N; a wrong answer is Again (due tomorrow), a right one Good', async () => {
  const pc = machine();
  await pc.exec(quiz, ['basics'], { answers: '-' }, QUIZ_ONE_MISSED);
  pc.at(40);
  assert.equal(pc.due(), 6);
  const r = await pc.exec(review, [], { answers: '-', limit: '2' },
    JSON.stringify({ 'basics-tf': true, 'basics-multiple': ['a'], 'basics-single': 'a' }));
  assert.equal(r.code, 0);
  assert.equal(r.json.due, 6);
  assert.deepEqual(r.json.reviewed.map((x) => [x.id, x.correct, x.rating]),
    [['basics-single', true, 'hard'], ['basics-multiple', false, 'again']], 'the miss was due first, then by id');
  assert.equal(r.json.reviewed[1].next_review, new Date(T0 + 41 * DAY).toISOString());
  assert.equal(r.json.still_due, 4);
  pc.at(41);
  // basics-tf has been due since day 3, basics-multiple since today: the longest overdue comes first.
  const again = await pc.exec(review, [], { answers: '-' }, JSON.stringify({ 'basics-tf': 'true', 'basics-multiple': 'a, c' }));
  assert.deepEqual(again.json.reviewed.map((x) => [x.id, x.rating]), [['basics-tf', 'good'], ['basics-multiple', 'hard']]);
});

test('review --answers is checked before anything is stored: unknown, wrong shape → exit 2; not due → left for its day', async () => {
  const pc = machine();
  await pc.exec(quiz, ['basics'], { answers: '-' }, QUIZ_ONE_MISSED);
  pc.at(1);
  const count = async () => {
    const db = await openDb(pc.home);
    try { return db.prepare("SELECT count(*) FROM events WHERE kind = 'review'").pluck().get(); } finally { db.close(); }
  };
  for (const [input, message] of [
    ['basics-single: a\nbasics-sngle: a\n', /there is no question "basics-sngle" \(Did you mean: basics-single\?\)/],
    ['basics-single: z\n', /basics-single: "z" is not a choice/],
  ]) {
    await assert.rejects(pc.exec(review, [], { answers: '-' }, input), (e) => e.exitCode === 2 && message.test(e.message));
  }
  assert.equal(await count(), 0);
  await assert.rejects(pc.exec(review, [], { limit: '0' }), (e) => e.exitCode === 2 && /--limit/.test(e.message));
  assert.equal(pc.due(), 1, 'the card is still due');
  // Without answers and without a terminal, --json lists what is due, for a script to answer.
  const list = await pc.exec(review, [], {});
  assert.deepEqual(list.json.questions.map((q) => q.id), ['basics-single']);
  assert.ok(list.json.questions[0].choices.length >= 2);
  // A question that exists but is not due yet is left for its day; the due one is reviewed.
  const r = await pc.exec(review, [], { answers: '-' }, 'basics-single: a\nbasics-tf: true\n');
  assert.deepEqual(r.json.not_due, ['basics-tf']);
  assert.deepEqual(r.json.reviewed.map((x) => x.id), ['basics-single']);
});

test('resetting a module resets its cards; the review history stays', async () => {
  const pc = machine();
  await pc.exec(quiz, ['basics'], { answers: '-' }, QUIZ_ONE_MISSED);
  pc.at(30);
  assert.equal(pc.due(), 6);
  const store = Store.open(pc.home, pc.clock);
  resetModules(store, ['basics']);
  store.close();
  assert.equal(pc.due(), 0);
  const r = await pc.exec(review, [], {});
  assert.equal(r.json.next_due, null);
  const db = await openDb(pc.home);
  assert.equal(db.prepare('SELECT count(*) FROM review_cards').pluck().get(), 6, 'old cards are history, not deleted');
  db.close();
  // Answering again in the new epoch starts new cards.
  await pc.exec(quiz, ['basics'], { answers: '-' }, QUIZ_ONE_MISSED);
  pc.at(31);
  assert.equal(pc.due(), 1);
});
