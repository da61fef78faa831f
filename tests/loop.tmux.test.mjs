// The learner's loop, driven in a real terminal (tmux) as a new learner would: `dlpath next` through
// a lesson (left with Ctrl-C, then read to its end), a quiz, and a coding task whose editor (a
// script that writes a solution) hands back to the watch loop, which passes it and moves on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, FIXTURES, hasTmux, tempDir, tmuxShell, dlpath } from './helpers.mjs';

const CURRICULUM = path.join(FIXTURES, 'loop');
const SOLUTION = path.join(CURRICULUM, 'modules', 'lp-one', 'tasks', 'double', 'solution.py');

test('a new learner: next → lesson (Ctrl-C, then to the end) → quiz → task in $EDITOR → watch passes it and goes on', { skip: !hasTmux() && 'tmux is not installed' }, async () => {
  const dir = tempDir();
  const home = path.join(dir, 'home');
  const editor = path.join(dir, 'editor.sh');
  fs.writeFileSync(editor, `#!/bin/sh\necho "editing $1"\ncp '${SOLUTION}' "$1"\n`, { mode: 0o755 });
  const sh = tmuxShell('loop', { width: 80, height: 16, env: { DLPATH_HOME: home, DLPATH_CURRICULUM: CURRICULUM, EDITOR: editor } });
  try {
    await sh.waitFor(/^\$/m);
    sh.type(`${process.execPath} ${BIN} next`);
    // The lesson opens in the pager; Ctrl-C leaves it unread, and the walk offers it again.
    await sh.waitFor(/Doubling a vector multiplies[\s\S]*q: leave/);
    sh.keys('C-c');
    await sh.waitFor(/Not marked as read[\s\S]*Open it again\? Read the lesson: Doubling/);
    sh.keys('Enter');
    await sh.waitFor(/q: leave/);
    sh.keys('Space');
    await sh.waitFor(/End of the lesson/);
    assert.match(sh.screen(), /The last line of the lesson\./);
    sh.keys('q');
    await sh.waitFor(/Marked as read\. Next: dlpath quiz lp-one[\s\S]*Go on to the next step\? Take the quiz: Doubling/);
    sh.keys('Enter');
    await sh.waitFor(/Question 1 of 1[\s\S]*Your answer/);
    sh.type('4');
    await sh.waitFor(/Go on to the next step\? Solve the task "Double a vector"/);
    sh.keys('Enter');
    // The brief, the file, and the editor offered.
    await sh.waitFor(new RegExp(`Write \`double\\(x\\)\`[\\s\\S]*Open it in ${editor.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\?`));
    sh.keys('Enter');
    // The editor wrote a solution; the watch loop checks it, passes it and goes on by itself.
    const screen = await sh.waitFor(/All 2 tests passed[\s\S]*Go on to the next step\? Read the lesson: After doubling/);
    assert.match(screen, /Task double done!/);
    assert.match(fs.readFileSync(path.join(home, 'workspace', 'lp-one', 'double.py'), 'utf8'), /return 2 \* np\.asarray/);
    sh.type('n');
    await sh.waitFor(/Run: dlpath learn lp-two[\s\S]*^\$/m);
    // The shell is clean: canonical mode and echo are back, the next line arrives whole, nothing is left running.
    sh.type('clear; stty -a | tr " " "\\n" | grep -x -e icanon -e echo | sort | tr "\\n" ,; echo; echo clean-$((2+3))');
    const after = await sh.waitFor(/^clean-5$/m);
    assert.match(after, /^echo,icanon,$/m);
    const json = JSON.parse(dlpath(['progress', '--json'], { home, curriculum: CURRICULUM }).stdout);
    const one = json.tracks[0].modules.find((x) => x.id === 'lp-one');
    assert.deepEqual([one.lesson_read, one.quiz_passed, one.tasks_passed, one.status], [true, true, 1, 'done']);
  } finally {
    sh.close();
  }
});

test('watch: e opens the editor, the save it makes is checked, and a pass offers the next step', { skip: !hasTmux() && 'tmux is not installed' }, async () => {
  const dir = tempDir();
  const home = path.join(dir, 'home');
  const editor = path.join(dir, 'editor.sh');
  fs.writeFileSync(editor, `#!/bin/sh\ncp '${SOLUTION}' "$1"\n`, { mode: 0o755 });
  assert.equal(dlpath(['task', 'double'], { home, curriculum: CURRICULUM }).code, 0);
  const sh = tmuxShell('watch-e', { width: 80, height: 24, env: { DLPATH_HOME: home, DLPATH_CURRICULUM: CURRICULUM, EDITOR: editor } });
  try {
    await sh.waitFor(/^\$/m);
    sh.type(`${process.execPath} ${BIN} watch double; echo EXIT=$?`);
    await sh.waitFor(/Not attempted yet[\s\S]*e: edit it in /);
    sh.keys('e');
    await sh.waitFor(/All 2 tests passed[\s\S]*n: go on to the next step/);
    sh.keys('q');
    await sh.waitFor(/Stopped watching\.\s*\nEXIT=0/);
  } finally {
    sh.close();
  }
});
