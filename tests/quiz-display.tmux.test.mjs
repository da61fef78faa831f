// The quiz as a learner sees it in a real 60-column terminal (tmux): `dlpath quiz` names the current
// module; choices are numbered (the digit keys pick them) and a long one wraps under its own text;
// the chosen answer's echo wraps between Chinese characters; Ctrl-C before any answer does not claim
// answers were saved; a retake of a passed quiz says the best score is kept.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { BIN, dlpath, hasTmux, tempDir, tmuxShell, writeTree } from './helpers.mjs';

const skip = hasTmux() ? false : 'tmux is not installed (apt-get install tmux)';

const LONG_EN = 'A product of many numbers below one shrinks towards zero, while a sum of their logarithms stays a well-behaved number';
const LONG_ZH = '用标注了零到九的手写数字图片训练一个分类器，再用它识别从未见过的新图片里的数字';

function course() {
  const dir = tempDir();
  return writeTree(dir, {
    'curriculum.yaml': 'format_version: 1\nid: display\ntitle: {en: Display, zh: 显示}\ntracks:\n  - id: one\n    title: {en: One, zh: 一}\n    modules: [long, many]\n',
    'modules/long/module.yaml': `id: long
title: {en: Long choices, zh: 长选项}
track: one
quiz:
  pass_mark: 0.5
  questions:
    - id: long-one
      type: single
      prompt: {en: Why sum log-probabilities?, zh: 哪一项是监督学习？}
      choices:
        - {id: a, text: {en: "${LONG_EN}", zh: "${LONG_ZH}"}}
        - {id: b, text: {en: Because it is faster to type, zh: 把图片随机分成几组}}
      answer: a
`,
    'modules/many/module.yaml': `id: many
title: {en: Many, zh: 多选}
track: one
quiz:
  questions:
    - id: many-one
      type: multiple
      prompt: {en: Which reduce overfitting?, zh: 哪些能减轻过拟合？}
      choices:
        - {id: a, text: {en: "Getting more training data, which is the most reliable cure when it can be had", zh: 更多训练数据}}
        - {id: b, text: {en: "Adding regularisation, such as an L2 penalty on the weights of every layer", zh: 正则化}}
        - {id: c, text: {en: "Using a simpler model, with fewer parameters to fit the noise of the data", zh: 更简单的模型}}
        - {id: d, text: {en: "Training for many more epochs, long after the validation loss has started to rise", zh: 训练更多轮}}
      answer: [a, b, c]
`,
  });
}

test('quiz in a 60-column terminal: current module named, numbered choices with a hanging indent, honest Ctrl-C, retake notice', { skip, timeout: 120000 }, async () => {
  const curriculum = course();
  const home = tempDir();
  const env = { DLPATH_HOME: home, DLPATH_CURRICULUM: curriculum, NO_COLOR: '1', TERM: 'xterm-256color' };
  const sh = tmuxShell('quizdisp', { width: 60, height: 40, env });
  try {
    await sh.waitFor(/^\$/m);
    sh.type(`${process.execPath} ${BIN} quiz; echo "EXIT:$?"`);
    let screen = await sh.waitFor(/Your answer/);
    assert.match(screen, /The quiz of your current module, Long choices \(long\)/);
    assert.match(screen, /Long choices: quiz of 1 question, pass mark 50%/);
    const lines = screen.split('\n');
    const first = lines.findIndex((l) => /^. [12]\. A product/.test(l));
    assert.ok(first >= 0, screen);
    // Wrapped within the width, every continuation under the choice's first word (column 5).
    const choice = [];
    for (let i = first; i < lines.length && lines[i].trim() && (i === first || !/^. [12]\. /.test(lines[i])); i++) choice.push(lines[i]);
    assert.ok(choice.length >= 2, `the long choice wraps:\n${screen}`);
    assert.ok(choice.every((l) => l.length <= 60), screen);
    assert.ok(choice.slice(1).every((l) => /^ {5}\S/.test(l)), `hanging indent:\n${choice.join('\n')}`);
    assert.equal(choice.map((l, i) => (i ? l.trim() : l.slice(5))).join(' '), LONG_EN);
    assert.match(screen, /^. [12]\. Because it is faster to type$/m);

    // The prompt is drawn once it reads the keys; a moment more, so Ctrl-C reaches it on a busy machine too.
    await new Promise((r) => setTimeout(r, 300));
    sh.keys('C-c');
    screen = await sh.waitFor(/EXIT:130/);
    assert.match(screen, /Stopped before the first answer; nothing was recorded\. Run\s+`dlpath quiz long` to start again\./);
    assert.doesNotMatch(screen, /answers so far are saved/);

    // Four choices that wrap take 8 lines and more: all are on the one page (inquirer counts a page in lines).
    sh.clear();
    sh.type(`${process.execPath} ${BIN} quiz many; echo "EXIT:$?"`);
    screen = await sh.waitFor(/Select all that apply[\s\S]*navigate/);
    for (const n of [1, 2, 3, 4]) assert.match(screen, new RegExp(`^.. ${n}\\. \\S`, 'm'), screen);
    sh.keys('1');
    await new Promise((r) => setTimeout(r, 200));
    sh.keys('2');
    await new Promise((r) => setTimeout(r, 200));
    sh.keys('Enter');
    screen = await sh.waitFor(/EXIT:\d/);
    // The ticked choices (every one holds a comma, whichever two the shuffle puts first) are echoed apart
    // with " · ", as the right answer is.
    assert.match(screen.replace(/\n +/g, ' '), /› Select all that apply[^\n]*? [^·\n]+, [^·\n]+ · [^·\n]+, /);
    assert.match(screen.replace(/\s+/g, ' '), /The answer: Getting more training data, [^·]+ · Adding regularisation, [^·]+ · Using a simpler model, [^·]+ You left out/);

    // Passed (scripted), then retaken in the terminal, in Chinese: the notice, and the chosen answer
    // echoed on lines broken between characters, not left ragged at spaces.
    assert.equal(dlpath(['quiz', 'long', '--answers', '-'], { home, curriculum, input: 'long-one: a\n' }).code, 0);
    sh.clear();
    sh.type(`DLPATH_LANG=zh ${process.execPath} ${BIN} quiz long; echo "EXIT:$?"`);
    screen = await sh.waitFor(/你的答案[\s\S]*\. 用标注/);
    assert.match(screen, /这个测验你已经通过了（最高分 100%）。这次是重做/);
    // The digit shown before the choice picks it.
    sh.keys(/^. ([12])\. 用标注/m.exec(screen)[1]);
    await new Promise((r) => setTimeout(r, 300));
    sh.keys('Enter');
    screen = await sh.waitFor(/EXIT:0/);
    const echo = screen.split('\n').findIndex((l) => l.startsWith('› 你的答案 '));
    assert.ok(echo >= 0, screen);
    const echoed = [];
    const all = screen.split('\n');
    for (let i = echo; i < all.length && (i === echo || /^ {2}\S/.test(all[i])); i++) echoed.push(all[i]);
    assert.equal(echoed.map((l, i) => (i ? l.trim() : l.replace('› 你的答案 ', ''))).join(''), LONG_ZH);
    // Each line but the last is filled to within a character of the edge.
    const cols = (s) => [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    assert.ok(echoed.length >= 2 && echoed.slice(0, -1).every((l) => cols(l) >= 56 && cols(l) <= 60), echoed.join('\n'));
    // Outside `dlpath next`, a passed quiz still points on.
    assert.match(screen, /运行 `dlpath next` 继续。/);
  } finally {
    sh.close();
  }
});
