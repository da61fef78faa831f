// Two terminals resuming the same unfinished quiz (issue #12 D6), in real terminals (tmux): the one that
// answers a question second is told so clearly (exit 4), the first answer is kept, nothing is lost.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { BIN, hasTmux, openDb, tempDir, testEnv } from './helpers.mjs';
import { answer, answerFirstTwo, curriculum, start, tmux, waitFor } from './quiz-tmux.mjs';

const skip = hasTmux() ? false : 'tmux is not installed: the real-terminal quiz test needs it (apt-get install tmux)';

test('two terminals resume one quiz: the second answer to a question gets a clear message (exit 4), the first is kept', { skip, timeout: 120000 }, async (t) => {
  const home = tempDir();
  const socket = `dlpath-test-two-${process.pid}`;
  t.after(() => spawnSync('tmux', ['-L', socket, 'kill-server']));
  // Two answers, then Ctrl-C: an unfinished attempt.
  const asked = await answerFirstTwo(socket, home);
  tmux(socket, 'send-keys', '-t', 'quiz', 'C-c');
  await waitFor(socket, /EXIT:130/, 'the first run to stop');
  tmux(socket, 'kill-session', '-t', 'quiz');

  // Two terminals both go on with it and both reach question 3.
  for (const s of ['one', 'two']) {
    start(socket, home, s);
    await waitFor(socket, /unfinished quiz here \(2 of 6 answered\)/, `the offer to resume in ${s}`, 60000, s);
    tmux(socket, 'send-keys', '-t', s, 'Enter');
    await waitFor(socket, /Question 3 of 6[\s\S]*\?/, `question 3 in ${s}`, 60000, s);
  }
  await answer(socket, asked[2], 3, 6, 'one');
  await waitFor(socket, /Question 4 of 6/, 'question 4 in the first terminal', 60000, 'one');
  await answer(socket, asked[2], 3, 6, 'two');
  const out = await waitFor(socket, /EXIT:\d+/, 'the second terminal to stop', 60000, 'two');
  assert.match(out, /EXIT:4/);
  assert.match(out, /answered in another dlpath meanwhile; that answer is kept/);
  assert.match(out, /dlpath quiz basics/);
  assert.doesNotMatch(out, /internal error|UNIQUE|at .*\.js:\d+/);

  // The first terminal goes on to the end.
  for (let i = 3; i < 6; i++) await answer(socket, asked[i], i + 1, 6, 'one');
  assert.match(await waitFor(socket, /EXIT:\d+/, 'the first terminal to finish', 60000, 'one'), /EXIT:[01]/);
  const db = await openDb(home);
  assert.deepEqual(db.prepare('SELECT question FROM quiz_answers ORDER BY ts').pluck().all(), asked.map((q) => q.id));
  assert.equal(db.prepare("SELECT count(*) FROM events WHERE kind = 'quiz_answered'").pluck().get(), 6);
  assert.equal(db.prepare("SELECT count(*) FROM events WHERE kind = 'quiz_finished'").pluck().get(), 1);
  db.close();
});

test('a reset in another terminal during a quiz: the attempt stays in its own round and does not pass the new one', { skip, timeout: 120000 }, async (t) => {
  const home = tempDir();
  const socket = `dlpath-test-reset-${process.pid}`;
  t.after(() => spawnSync('tmux', ['-L', socket, 'kill-server']));
  const asked = await answerFirstTwo(socket, home);
  const reset = spawnSync(process.execPath, [BIN, 'reset', 'basics', '--yes'], { env: testEnv({ DLPATH_HOME: home, DLPATH_CURRICULUM: curriculum }), encoding: 'utf8' });
  assert.equal(reset.status, 0, reset.stderr);
  for (let i = 2; i < 6; i++) await answer(socket, asked[i], i + 1, 6);
  const out = await waitFor(socket, /EXIT:\d+/, 'the quiz to finish');
  assert.match(out, /was reset while this quiz ran: this attempt counts for the round before the reset/);
  const db = await openDb(home);
  assert.deepEqual(db.prepare("SELECT DISTINCT epoch FROM events WHERE kind LIKE 'quiz_%'").pluck().all(), [0]);
  assert.equal(db.prepare("SELECT count(*) FROM module_progress WHERE module = 'basics' AND epoch = 1 AND quiz_best IS NOT NULL").pluck().get(), 0);
  db.close();
});
