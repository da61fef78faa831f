// A scripted quiz of the quiz-basic fixture in real terminals (tmux, its own server per test through -L):
// start a session, read its screen, wait for text, answer a question of any type.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BIN, FIXTURES, openDb, testEnv } from './helpers.mjs';
import { loadCurriculum } from '../dist/adapters/curriculum/index.js';

export const curriculum = path.join(FIXTURES, 'quiz-basic');

export function tmux(socket, ...args) {
  let r = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  // The first command on a new socket starts its server; on a loaded machine that start can lose a race
  // with the client ("server exited unexpectedly", seen once in CI): tried again, as a person would.
  for (let i = 0; i < 2 && r.status !== 0 && args[0] === 'new-session' && /server exited unexpectedly/.test(r.stderr); i++) {
    r = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  }
  if (r.status !== 0) throw new Error(`tmux ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

export function screen(socket, s = 'quiz') {
  return tmux(socket, 'capture-pane', '-p', '-J', '-S', '-500', '-t', s);
}

/** Polls session `s` until `pattern` shows, with a deadline generous enough for a loaded machine. */
export async function waitFor(socket, pattern, what, timeoutMs = 60000, s = 'quiz') {
  const end = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < end) {
    last = screen(socket, s);
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (${pattern}); the terminal shows:\n${last}`);
}

/** The keys that answer a question of this type (any answer will do: the tests are about storing it). */
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

export async function answer(socket, q, i, n, s = 'quiz') {
  await waitFor(socket, new RegExp(`Question ${i} of ${n}[\\s\\S]*\\?`), `question ${i}`, 60000, s);
  for (const keys of keysFor(q.type)) {
    tmux(socket, 'send-keys', '-t', s, ...keys);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Starts `dlpath quiz basics` (of the quiz-basic fixture, or of `course`) in a new session `s`; the session stays open a minute after it ends. */
export function start(socket, home, s = 'quiz', course = curriculum) {
  const env = testEnv({ DLPATH_HOME: home, DLPATH_CURRICULUM: course, TERM: 'xterm-256color' });
  const vars = ['DLPATH_HOME', 'DLPATH_CURRICULUM', 'NO_COLOR', 'LANG', 'LC_ALL', 'TERM', 'PATH', 'HOME']
    .filter((k) => env[k] !== undefined).map((k) => `${k}='${env[k]}'`).join(' ');
  const cmd = `env ${vars} '${process.execPath}' '${BIN}' quiz basics; echo "EXIT:$?"; sleep 60`;
  tmux(socket, 'new-session', '-d', '-s', s, '-x', '110', '-y', '40', cmd);
}

/**
 * Starts the quiz (no --seed, as a learner runs it), answers its first two questions and waits at the
 * third. Returns the questions in the order this run asks them, read from the plan it stored.
 */
export async function answerFirstTwo(socket, home) {
  const ix = await loadCurriculum(curriculum, home);
  const byId = new Map(ix.module('basics').quiz.questions.map((q) => [q.id, q]));
  start(socket, home);
  await waitFor(socket, /Question 1 of 6/, 'the first question');
  const db = await openDb(home);
  const plan = JSON.parse(db.prepare('SELECT plan FROM quiz_attempts ORDER BY id DESC LIMIT 1').pluck().get());
  db.close();
  const asked = plan.questions.map((p) => byId.get(p.id));
  await answer(socket, asked[0], 1, 6);
  await answer(socket, asked[1], 2, 6);
  await waitFor(socket, /Question 3 of 6[\s\S]*\?/, 'the third question');
  return asked;
}
