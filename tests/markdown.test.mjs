// The terminal Markdown renderer: plain, readable text without colour; Chinese wraps without stray spaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown, joinLines, wrap, displayWidth } from '../dist/adapters/ui/markdown.js';
import { theme } from '../dist/adapters/ui/theme.js';

const plain = theme({ color: false, env: { LANG: 'en_US.UTF-8' } });

test('headings, lists, emphasis, code and links render as readable plain text', () => {
  const out = renderMarkdown('# Title\n\nSome **bold** and *em* and `x*y*z`.\n\n- one\n- two\n\n1. first\n\n```python\nprint(1)\n```\n\n> quoted\n\nSee [NumPy](https://numpy.org).\n', plain);
  assert.match(out, /^Title\n═+\n/);
  assert.match(out, /Some bold and em and `x\*y\*z`\./);
  assert.match(out, /  • one\n  • two/);
  assert.match(out, /  1\. first/);
  assert.match(out, /    print\(1\)/);
  assert.match(out, /│ quoted/);
  assert.match(out, /See NumPy \(https:\/\/numpy\.org\)\./);
});

test('Chinese lines of one paragraph join without a space; English lines with one', () => {
  assert.equal(joinLines(['向量就是', '一列数。']), '向量就是一列数。');
  assert.equal(joinLines(['a vector', 'is a list']), 'a vector is a list');
  assert.equal(joinLines(['用 NumPy', 'broadcasting']), '用 NumPy broadcasting');
  const out = renderMarkdown('梯度指向函数\n增长最快的方向。\n', plain);
  assert.equal(out, '梯度指向函数增长最快的方向。\n');
});

test('wrapping counts Chinese characters as two columns and may break between them', () => {
  const lines = wrap('梯'.repeat(50), 40);
  assert.ok(lines.length >= 3);
  for (const l of lines) assert.ok([...l].length <= 20, l);
  assert.deepEqual(wrap('alpha beta gamma delta', 25), ['alpha beta gamma delta']);
  assert.deepEqual(wrap('alpha beta gamma delta epsilon zeta', 22), ['alpha beta gamma delta', 'epsilon zeta']);
});

test('emphasis markers inside code-like text stay as written; around words (also Chinese) they become emphasis', () => {
  assert.equal(renderMarkdown('D = (A**2).sum(1) + (B**2).sum(1) and x**y**z', plain), 'D = (A**2).sum(1) + (B**2).sum(1) and x**y**z\n');
  assert.equal(renderMarkdown('向量就是**一列数**。Some **bold** text.', plain), '向量就是一列数。Some bold text.\n');
});

test('messages pick the English word for a count: {n:one|other}', async () => {
  const { format } = await import('../dist/i18n/index.js');
  assert.equal(format('{n} {n:day|days}', { n: 1 }), '1 day');
  assert.equal(format('{n} {n:day|days}', { n: 0 }), '0 days');
  assert.equal(format('{n} review {n:question is|questions are} due', { n: 3 }), '3 review questions are due');
});

test('a code line wider than the room breaks at a space, its spacing kept, the rest indented; never inside a word', async () => {
  const { wrapCode, renderMarkdown } = await import('../dist/adapters/ui/markdown.js');
  const line = 'model B   train error 0.01  val error 0.40 -> overfitting (memorises noise, high variance)';
  const parts = wrapCode(line, 60);
  assert.deepEqual(parts, ['model B   train error 0.01  val error 0.40 -> overfitting', '  (memorises noise, high variance)']);
  assert.ok(parts.every((p) => p.length <= 60));
  assert.deepEqual(wrapCode('short  line', 60), ['short  line']);
  const md = renderMarkdown(`\`\`\`\n${line}\n\`\`\`\n`, plain, 50);
  for (const l of md.split('\n')) assert.ok(l.length <= 50, l);
  // Every word of the line is still whole somewhere in the output.
  for (const w of line.split(/\s+/)) assert.ok(md.split(/\s+/).includes(w), w);
});

test('Chinese prose gets “” for ASCII quotes around Chinese words and no space after full-width punctuation; code keeps both', () => {
  const out = renderMarkdown('把"学习"变成可测量的事。一个例子， eps = 0.1。`"x"，  y`\n\n```\na，  b = "学"\n```\n', plain, 80);
  assert.match(out, /把“学习”变成可测量的事。一个例子，eps = 0\.1。`"x"，\s+y`/);
  assert.match(out, /a，  b = "学"/);
  assert.match(renderMarkdown('Say "hello" here.\n', plain, 80), /Say "hello" here\./);
});

test('a short formula is not split across lines; a learner reading the brief sees ‖x − Px‖² whole', () => {
  const s = 'Check: the columns of U; ‖x‖² = ‖Px‖² + ‖x − Px‖²; vectors already in the subspace do not move; a batch';
  for (let w = 40; w <= 100; w++) {
    const lines = wrap(s, w);
    assert.ok(lines.some((l) => l.includes('‖x‖² = ‖Px‖² + ‖x − Px‖²')), `width ${w}: ${JSON.stringify(lines)}`);
    assert.ok(lines.every((l) => l.length <= w), `width ${w}`);
  }
  // Long terms either side are not glued: an ordering answer still wraps at its arrows and spaces.
  assert.ok(wrap('Compute the loss of the batch = Backward pass through every layer', 30).length > 2);
});

test('an indented block after a list item stays under the item (numerical_grad: "and eᵢ is …" keeps its indent)', () => {
  const md = '- Return `g`, where every element is\n\n  ```\n  g[i] = f(x)\n  ```\n\n  and eᵢ is the array that is 1 at i.\n\nRules:\n\n- one\n';
  const out = renderMarkdown(md, plain, 80);
  assert.match(out, /^  • Return `g`, where every element is\n\n    g\[i\] = f\(x\)\n\n    and eᵢ is the array that is 1 at i\.\n\nRules:\n\n  • one\n$/);
  // A paragraph at the margin after a list is at the margin.
  assert.match(renderMarkdown('- item\n\nNext paragraph.\n', plain, 80), /\n\nNext paragraph\.\n$/);
});

test('a line that fits comes back as written only when wrapping would change nothing; widths count columns', () => {
  assert.deepEqual(wrap('Linear regression (needs: a, b)', 60, '    '), ['    Linear regression (needs: a, b)']);
  // Doubled, leading and trailing spaces are still folded, as on a line that wraps.
  assert.deepEqual(wrap(' alpha  beta ', 60, '  '), ['  alpha beta']);
  assert.deepEqual(wrap('alpha\tbeta', 60), ['alpha beta']);
  assert.deepEqual(wrap('线性回归（需要：微积分）', 60, '  '), ['  线性回归（需要：微积分）']);
  assert.equal(displayWidth('path 42%'), 8);
  assert.equal(displayWidth('线性 ab'), 7);
  assert.equal(displayWidth('\u001b[2m42%\u001b[22m'), 3);
});

test('a block quote written over several source lines is one paragraph, wrapped as a whole; a bare > parts paragraphs', () => {
  const en = renderMarkdown('> A computer program is said to learn from experience E with respect to some class of tasks T and\n> performance measure P, if its performance improves with experience E.\n>\n> Tom Mitchell, 1997\n', plain, 60);
  // Wrapped at 58 columns (60 less the bar and its space), across the source's line break.
  assert.equal(en, [
    '│ A computer program is said to learn from experience E with',
    '│ respect to some class of tasks T and performance measure',
    '│ P, if its performance improves with experience E.',
    '│',
    '│ Tom Mitchell, 1997',
    '',
  ].join('\n'));
  // Chinese source lines join without a space, so a sentence never breaks where the source line did.
  const zh = renderMarkdown('> 对于某类任务 T 和性能度量 P，如果一个计算机程序在 T 上以 P 衡量的性能随着经验 E 而提高，\n> 就称这个程序从经验 E 中学习。\n', plain, 80);
  assert.doesNotMatch(zh, /提高，\n│ 就称/);
  assert.match(zh, /^│ .*\n│ .*就称这个程序从经验 E 中学习。\n$/);
});
