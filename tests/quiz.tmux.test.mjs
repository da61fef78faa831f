// The interactive quiz in a real terminal (tmux): answer two questions, press Ctrl-C, and find both
// answers in the store; then run it again and go on where it stopped.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BIN, FIXTURES, hasTmux, openDb, tempDir, testEnv } from './helpers.mjs';
import { loadCurriculum } from '../dist/adapters/curriculum/index.js';

const curriculum = path.join(FIXTURES, 'quiz-basic');

const skip = hasTmux() ? false : 'tmux is not installed: the real-terminal quiz test needs it (apt-get install tmux)';

function tmux(socket, ...args) {
  const r = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

function screen(socket) {
  return tmux(socket, 'capture-pane', '-p', '-J', '-S', '-500', '-t', 'quiz');
}

async function waitFor(socket, pattern, what, timeoutMs = 60000) {
  const end = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < end) {
    last = screen(socket);
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (${pattern}); the terminal shows:\n${last}`);
}

/** The keys that answer a question of this type (any answer will do: the test is about storing it). */
function keysFor(type) {
  switch (type) {
    case 'single': case 'true_false': return [['Enter']];
    case 'multiple': return [['Space'], ['Enter']];
    case 'numeric': return [['-l', '2.3'], ['Enter']];
    case 'text': return [['-l', 'entropy'], ['Enter']];
    case 'ordering': return [['Enter'], ['Enter'], ['Enter']];
    default: throw new Error(type);
  }
}

async function answer(socket, q, i, n) {
  await waitFor(socket, new RegExp(`Question ${i} of ${n}[\\s\\S]*\\?`), `question ${i}`);
  for (const keys of keysFor(q.type)) {
    tmux(socket, 'send-keys', '-t', 'quiz', ...keys);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function start(socket, home) {
  const env = testEnv({ DLPATH_HOME: home, DLPATH_CURRICULUM: curriculum, TERM: 'xterm-256color' });
  const vars = ['DLPATH_HOME', 'DLPATH_CURRICULUM', 'NO_COLOR', 'LANG', 'LC_ALL', 'TERM', 'PATH', 'HOME']
    .filter((k) => env[k] !== undefined).map((k) => `${k}='${env[k]}'`).join(' ');
  const cmd = `env ${vars} '${process.execPath}' '${BIN}' quiz basics; echo "EXIT:$?"; sleep 60`;
  tmux(socket, 'new-session', '-d', '-s', 'quiz', '-x', '110', '-y', '40', cmd);
}

test('interactive quiz: two answers, Ctrl-C, both stored; the next run offers to go on', { skip, timeout: 90000 }, async (t) => {
  const home = tempDir();
  const socket = `dlpath-test-${process.pid}`;
  t.after(() => spawnSync('tmux', ['-L', socket, 'kill-server']));
  const ix = await loadCurriculum(curriculum, home);
  const quiz = ix.module('basics').quiz;
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));

  // No --seed, as a learner runs it: the plan the run stored says which question types come first.
  start(socket, home);
  await waitFor(socket, /Question 1 of 6/, 'the first question');
  const db0 = await openDb(home);
  const plan = JSON.parse(db0.prepare('SELECT plan FROM quiz_attempts ORDER BY id DESC LIMIT 1').pluck().get());
  db0.close();
  const asked = plan.questions.map((p) => byId.get(p.id));
  await answer(socket, asked[0], 1, 6);
  await answer(socket, asked[1], 2, 6);
  await waitFor(socket, /Question 3 of 6[\s\S]*\?/, 'the third question');
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
