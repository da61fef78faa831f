// Shared by the class tests (tests/class*.test.mjs, which node --test runs side by side, each file on its
// own databases): the quiz-basic fixture's right and wrong answers, and running dlpath in a learner's home.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { FIXTURES, dlpath } from './helpers.mjs';
import { sql } from './pg.mjs';

export const curriculum = path.join(FIXTURES, 'quiz-basic');

export const RIGHT = { 'basics-single': 'a', 'basics-multiple': ['a', 'c'], 'basics-tf': true, 'basics-numeric': 2.3026, 'basics-text': 'cross-entropy', 'basics-order': ['a', 'b', 'c', 'd'] };
export const WRONG = { 'basics-single': 'b', 'basics-multiple': ['a', 'b'], 'basics-tf': false, 'basics-numeric': 2.4, 'basics-text': 'mse', 'basics-order': ['d', 'c', 'b', 'a'] };

export const run = (home, args, opts = {}) => dlpath(args, { home, curriculum, ...opts });

/** `dlpath --json <args>` in that home: must exit 0; returns the parsed output. */
export const json = (home, args) => {
  const r = run(home, ['--json', ...args]);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};

export function takeQuiz(home, answers) {
  const file = path.join(home, 'answers.json');
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(answers));
  return run(home, ['quiz', 'basics', '--answers', file]);
}

/** Adds learners as the teacher; returns { name: url }. */
export function addLearners(teacher, url, names) {
  const urls = {};
  for (const name of names) {
    const r = run(teacher, ['class', 'add-learner', name, '--url', url]);
    assert.equal(r.code, 0, r.stderr);
    urls[name] = r.stdout.match(/postgresql:\/\/\S+/)[0];
  }
  return urls;
}

export const serverCount = async (url) => Number((await sql(url, 'SELECT count(*) AS n FROM dlpath.events'))[0].n);
export const localCount = (home) => json(home, ['export', '--format', 'json']).events.length;

export function closedPort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}
