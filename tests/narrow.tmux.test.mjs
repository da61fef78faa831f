// 60-column terminals: path, progress and tasks fit the width and never break a word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, hasTmux, tempDir, tmuxShell } from './helpers.mjs';

test('path, progress and tasks at 60 columns: no line wraps at the edge, titles wrap between words', { skip: !hasTmux() && 'tmux is not installed' }, async () => {
  const home = path.join(tempDir(), 'home');
  for (const lang of ['en', 'zh']) {
    const sh = tmuxShell(`narrow-${lang}`, { width: 60, height: 200, env: { DLPATH_HOME: home, PAGER: 'cat', DLPATH_LANG: lang } });
    try {
      await sh.waitFor(/^\$/m);
      sh.type(`clear; for c in path progress tasks; do ${process.execPath} ${BIN} $c; done; echo DONE`);
      await sh.waitFor(/^DONE$/m);
      const raw = spawnSync('tmux', ['capture-pane', '-p', '-t', sh.session, '-S', '0', '-E', '199'], { encoding: 'utf8' }).stdout;
      const joined = spawnSync('tmux', ['capture-pane', '-p', '-J', '-t', sh.session, '-S', '0', '-E', '199'], { encoding: 'utf8' }).stdout;
      // -J joins the lines the terminal wrapped: equal captures mean nothing reached the edge.
      assert.equal(joined.replace(/\s+$/, ''), raw.replace(/\s+$/, ''), `a line wrapped at the edge (${lang})`);
      if (lang === 'en') {
        assert.match(raw, /module\s+status\s+lesson\s+best quiz\s+tasks/);
        // A locked module's long title goes on under itself.
        assert.match(raw, /^ {4,}\S.*\)$/m);
      } else {
        assert.doesNotMatch(raw, / （/, 'no space before a full-width parenthesis');
      }
    } finally {
      sh.close();
    }
  }
});
