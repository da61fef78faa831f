// `dlpath review` in a real terminal: a question answered wrong comes back at the end of the round
// (as Anki's relearning steps), dates read "tomorrow" / "in 3 days", and nothing due says what next.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { BIN, copyFixture, dlpath, hasTmux, openDb, tempDir, tmuxShell } from './helpers.mjs';

test('review asks a missed question again in the same round; relative dates; nothing due points to next', { skip: !hasTmux() && 'tmux is not installed' }, async () => {
  const home = path.join(tempDir(), 'home');
  const curriculum = copyFixture('mini');
  const q = dlpath(['quiz', 'alpha', '--answers', '-'], { home, curriculum, input: 'alpha-single: a\nalpha-numeric: 5\n' });
  assert.equal(q.code, 0, q.stderr);
  let r = dlpath(['review'], { home, curriculum });
  assert.match(r.stdout, /No reviews due\. The next one is due tomorrow\. Meanwhile, go on with `dlpath next`\./);
  r = dlpath(['--lang', 'zh', 'review'], { home, curriculum });
  assert.match(r.stdout, /下一道题的复习时间：明天。现在可以用 `dlpath next` 继续学习。/);
  // Both cards fall due now (as if days had passed).
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(home, 'progress.db'));
  db.prepare('UPDATE review_cards SET due = ?').run(new Date(Date.now() - 3600e3).toISOString());
  db.close();

  const sh = tmuxShell('review', { width: 80, height: 30, env: { DLPATH_HOME: home, DLPATH_CURRICULUM: curriculum } });
  try {
    await sh.waitFor(/^\$/m);
    // Ctrl-C at the first question: nothing was answered, and it says so (not "answers so far are saved").
    sh.type(`${process.execPath} ${BIN} review; echo EXIT=$?`);
    await sh.waitFor(/\? Your answer/);
    // The prompt is drawn once it reads the keys; a moment more, so Ctrl-C reaches it on a busy machine too.
    await new Promise((r) => setTimeout(r, 300));
    sh.keys('C-c');
    const stopped = await sh.waitFor(/EXIT=130/);
    assert.match(stopped, /Stopped before the first answer; nothing was recorded\./);
    assert.doesNotMatch(stopped, /so far are saved/);
    sh.clear();
    sh.type(`${process.execPath} ${BIN} review; echo EXIT=$?`);
    await sh.waitFor(/2 review questions due\./);
    let wrongOnce = false;
    // A prompt is waiting when its "? Your answer" comes after the last answered one (›); an answer
    // has been taken when the count of answered prompts grows.
    const waiting = (x) => x.lastIndexOf('? Your answer') > x.lastIndexOf('›');
    const answered = (x) => x.split('› Your answer').length - 1;
    for (let step = 0; step < 8; step++) {
      const screen = await sh.waitFor({ test: (x) => /EXIT=\d/.test(x) || waiting(x) });
      if (/EXIT=\d/.test(screen)) break;
      const before = answered(screen);
      const tail = screen.slice(Math.max(screen.lastIndexOf('Question'), screen.lastIndexOf('Once more')));
      if (/2 \+ 2/.test(tail)) {
        // The sum: wrong the first time, right when asked again.
        sh.type(wrongOnce ? '4' : '5');
        wrongOnce = true;
        await sh.waitFor({ test: (x) => answered(x) > before });
      } else {
        // The vector, [1, 2], wherever the shuffle put it: Down to it, then Enter. A list prompt takes
        // keys once it is listening, a moment after it is drawn: Enter until it answers.
        const choices = tail.slice(tail.lastIndexOf('? Your answer')).split('\n').slice(1);
        const downs = Math.max(0, choices.findIndex((l) => l.includes('[1, 2]')));
        for (let i = 0; i < 40 && answered(sh.screen()) === before; i++) {
          if (i === 0) for (let d = 0; d < downs; d++) sh.keys('Down');
          sh.keys('Enter');
          await sh.waitFor({ test: (x) => answered(x) > before }, 1500).catch(() => {});
        }
      }
    }
    const screen = await sh.waitFor(/EXIT=0/);
    assert.match(screen, /Once more \(answered wrong earlier in this review\) · alpha/);
    // A right answer is only right (not also "Not quite").
    assert.doesNotMatch(screen, /✔ Right\.\n✘/);
    assert.match(screen, /Reviewed 2: 1 right\.\n1 was right when asked again\./);
    assert.match(screen, /Next review of this question: (tomorrow|in \d+ days \(\d{4}-\d\d-\d\d\))\./);
    const check = await openDb(home);
    const reviews = check.prepare("SELECT item, json_extract(data, '$.correct') AS ok FROM events WHERE kind = 'review' ORDER BY id").all();
    check.close();
    assert.deepEqual(reviews.filter((x) => x.item === 'alpha-numeric').map((x) => x.ok), [0, 1]);
  } finally {
    sh.close();
  }
});
