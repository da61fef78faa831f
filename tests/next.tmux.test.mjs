// `dlpath next` in a real terminal (tmux): it walks the learner into the step — shows the lesson
// through the pager, then offers the quiz.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BIN, copyFixture, hasTmux, tempDir } from './helpers.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const tmux = (...args) => spawnSync('tmux', args, { encoding: 'utf8' });

async function waitFor(session, re, ms = 60000) {
  const end = Date.now() + ms;
  let screen = '';
  while (Date.now() < end) {
    screen = tmux('capture-pane', '-p', '-t', session).stdout;
    if (re.test(screen)) return screen;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${re} on screen:\n${screen}`);
}

test('next in a terminal shows the lesson in the pager, marks it read, then offers the quiz and goes on', { skip: !hasTmux() && 'tmux is not installed' }, async () => {
  const home = path.join(tempDir(), 'home');
  const curriculum = copyFixture('mini');
  const session = `dlpath-next-${process.pid}`;
  const env = `env -u NODE_EXTRA_CA_CERTS -u PAGER -u LESS NO_COLOR=1 LANG=en_US.UTF-8 LC_ALL= DLPATH_HOME=${home} DLPATH_CURRICULUM=${curriculum}`;
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '8', `${env} ${process.execPath} ${BIN} next; echo EXIT=$?; sleep 30`);
  try {
    // The lesson is longer than 8 rows, so it opens in the pager; G goes to the end, q leaves it read.
    await waitFor(session, /Vectors are lists of numbers/);
    tmux('send-keys', '-t', session, 'G');
    await waitFor(session, /End of the lesson/);
    tmux('send-keys', '-t', session, 'q');
    await waitFor(session, /Marked as read\. Next: dlpath quiz alpha[\s\S]*Go on to the next step\? Take the quiz: Alpha/);
    tmux('send-keys', '-t', session, 'n', 'Enter');
    await waitFor(session, /Run: dlpath quiz alpha[\s\S]*EXIT=0/);
    tmux('kill-session', '-t', session);
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '20', `${env} ${process.execPath} ${BIN} next; echo EXIT=$?; sleep 30`);
    await waitFor(session, /Take the quiz now\?/);
    tmux('send-keys', '-t', session, 'Enter');
    // The questions come in a random order: 4 for the sum, the highlighted choice for the other.
    // The sum alone reaches the pass mark (50%), so the quiz passes and the walk goes on.
    for (const n of [1, 2]) {
      const screen = await waitFor(session, new RegExp(`Question ${n} of 2[\\s\\S]*\\? Your answer`));
      const current = screen.slice(screen.lastIndexOf(`Question ${n} of 2`));
      tmux('send-keys', '-t', session, ...(/2 \+ 2/.test(current) ? ['4', 'Enter'] : ['Enter']));
    }
    const passed = await waitFor(session, /Go on to the next step\? Read the lesson: Beta/);
    // Inside the walk, the quiz does not also say "Go on with `dlpath next`": the walk asks at once.
    assert.match(passed, /Passed: the pass mark is 50%\./);
    assert.doesNotMatch(passed, /Go on with `dlpath next`/);
    tmux('send-keys', '-t', session, 'n', 'Enter');
    await waitFor(session, /Run: dlpath learn beta[\s\S]*EXIT=0/);
  } finally {
    tmux('kill-session', '-t', session);
  }
});

test('yes/no questions take 是 and 否 in Chinese (reset asks first)', { skip: !hasTmux() && 'tmux is not installed' }, async () => {
  const home = path.join(tempDir(), 'home');
  const curriculum = copyFixture('mini');
  const session = `dlpath-yn-${process.pid}`;
  const env = `env -u NODE_EXTRA_CA_CERTS NO_COLOR=1 LANG=zh_CN.UTF-8 LC_ALL= DLPATH_HOME=${home} DLPATH_CURRICULUM=${curriculum}`;
  spawnSync(process.execPath, [BIN, 'learn', 'alpha'], { env: { ...process.env, DLPATH_HOME: home, DLPATH_CURRICULUM: curriculum, PAGER: 'cat' } });
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '12', `${env} ${process.execPath} ${BIN} reset alpha; echo EXIT=$?; sleep 30`);
  try {
    await waitFor(session, /重置 1 个模块？（是\/否，直接回车为“否”）/);
    tmux('send-keys', '-t', session, '是', 'Enter');
    await waitFor(session, /已重置 1 个模块：alpha。[\s\S]*EXIT=0/);
  } finally {
    tmux('kill-session', '-t', session);
  }
});
