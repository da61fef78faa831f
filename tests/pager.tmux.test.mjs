// The lesson pager in a real terminal (tmux): Ctrl-C leaves it cleanly and loses no keystroke,
// PAGER=less shows colours rather than escape codes, and a lesson counts as read only at its end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BIN, copyFixture, dlpath, hasTmux, tempDir, tmuxShell } from './helpers.mjs';

const skip = !hasTmux() && 'tmux is not installed';
const lessonRead = (home, curriculum) =>
  JSON.parse(dlpath(['progress', '--json'], { home, curriculum }).stdout).tracks.flatMap((t) => t.modules).find((x) => x.id === 'alpha').lesson_read;
const noPager = () => !/\bless\b/.test(spawnSync('ps', ['-eo', 'ppid,comm'], { encoding: 'utf8' }).stdout
  .split('\n').filter((l) => /\bless$/.test(l)).join('\n'));

test('the built-in pager: Ctrl-C leaves it with the lesson unread and the next keystroke intact; the end marks it read', { skip }, async () => {
  const home = path.join(tempDir(), 'home');
  const curriculum = copyFixture('mini');
  const sh = tmuxShell('pager', { width: 60, height: 6, env: { DLPATH_HOME: home, DLPATH_CURRICULUM: curriculum, PAGER: undefined } });
  try {
    await sh.waitFor(/^\$/m);
    sh.type(`${process.execPath} ${BIN} learn alpha`);
    await sh.waitFor(/Vectors are lists of numbers[\s\S]*q: leave/);
    sh.keys('C-c');
    await sh.waitFor(/Not marked as read: you left before the end\./);
    sh.type('echo one-$((1+1))');
    // The whole line reached the shell: no pager is left to swallow its first key.
    await sh.waitFor(/^one-2$/m);
    assert.equal(lessonRead(home, curriculum), false);
    sh.type(`${process.execPath} ${BIN} learn alpha`);
    await sh.waitFor(/q: leave/);
    sh.keys('Space');
    await sh.waitFor(/End of the lesson/);
    sh.keys('Space');
    await sh.waitFor(/Marked as read\. Next: dlpath quiz alpha/);
    assert.equal(lessonRead(home, curriculum), true);
  } finally {
    sh.close();
  }
});

test('PAGER=less with a LESS that lacks -R shows colours, not escape codes; Ctrl-C leaves no less behind', { skip }, async () => {
  const home = path.join(tempDir(), 'home');
  const curriculum = copyFixture('mini');
  // Colour on (no NO_COLOR), as in a learner's terminal.
  const sh = tmuxShell('less', { width: 60, height: 6, env: { DLPATH_HOME: home, DLPATH_CURRICULUM: curriculum, NO_COLOR: undefined, PAGER: 'less', LESS: '-i' } });
  try {
    await sh.waitFor(/^\$/m);
    sh.type(`${process.execPath} ${BIN} learn alpha`);
    const screen = await sh.waitFor(/Vectors are lists of numbers/);
    assert.doesNotMatch(screen, /ESC\[|\[1m|\[22m/);
    sh.keys('q');
    // less cannot tell dlpath whether the end was reached: the learner is asked.
    await sh.waitFor(/Did you read "Alpha" to the end\? Mark it as read\?/);
    sh.type('n');
    await sh.waitFor(/Not marked as read/);
    assert.equal(lessonRead(home, curriculum), false);
    sh.type(`LESS= ${process.execPath} ${BIN} learn alpha`);
    await sh.waitFor(/Vectors are lists of numbers[\s\S]*:\s*$/);
    sh.keys('C-c');
    await sh.waitFor(/Not marked as read[\s\S]*^\$/m);
    assert.ok(noPager(), 'a less process was left running');
    sh.type('echo two-$((1+1))');
    await sh.waitFor(/^two-2$/m);
  } finally {
    sh.close();
  }
});
