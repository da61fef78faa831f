// The interactive quiz in a real terminal (tmux): answer two questions, press Ctrl-C, and find both
// answers in the store; then run it again and go on where it stopped.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { hasTmux, openDb, tempDir } from './helpers.mjs';
import { answerFirstTwo, start, tmux, waitFor } from './quiz-tmux.mjs';

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
