// The quiz without a module name (the current one), --template (an answers file without the answers),
// the standard input named as such, and the CSV export's flat columns: the real bin/dlpath, a
// temporary DLPATH_HOME, the quiz-basic fixture.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, dlpath, openDb, tempDir } from './helpers.mjs';

const curriculum = path.join(FIXTURES, 'quiz-basic');
const run = (h, args, opts = {}) => dlpath(args, { home: h, curriculum, ...opts });

const RIGHT = 'basics-single: a\nbasics-multiple: [c, a]\nbasics-tf: true\nbasics-numeric: 2.3026\nbasics-text: cross entropy\nbasics-order: [a, b, c, d]\n';

async function count(h, sql) {
  if (!fs.existsSync(path.join(h, 'progress.db'))) return 0;
  const db = await openDb(h);
  try { return db.prepare(sql).pluck().get(); } finally { db.close(); }
}

test('quiz --template without a module: the current module, said so on stderr; every question and its choices as comments, no answer', async () => {
  const h = tempDir();
  const r = run(h, ['quiz', '--template']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^The quiz of your current module, Basics \(basics\): the one `dlpath next` takes\s+you to\./);
  assert.ok(r.stderr.split('\n').every((l) => l.length <= 80), 'the note is wrapped to the width');
  const lines = r.stdout.split('\n');
  // Every question id, each with nothing after the colon; everything else a comment or blank.
  const keys = lines.filter((l) => l && !l.startsWith('#'));
  assert.deepEqual(keys, ['basics-single:', 'basics-multiple:', 'basics-tf:', 'basics-numeric:', 'basics-text:', 'basics-order:']);
  assert.match(r.stdout, /^# Which match did AlphaGo win 4–1\?$/m);
  for (const c of ['a: Against Lee Sedol', 'b: Against Fan Hui', 'c: Against Ke Jie', 'd: None of the above']) {
    assert.match(r.stdout, new RegExp(`^#   ${c}$`, 'm'));
  }
  assert.match(r.stdout, /^#   → a number, in nats$/m);
  assert.doesNotMatch(r.stdout, /2\.30|explanation|accept/i, 'no answer is given away');

  // Sent back unfilled: every question is named as unanswered, nothing is stored.
  const file = path.join(h, 'answers.yaml');
  fs.writeFileSync(file, r.stdout);
  const back = run(h, ['quiz', 'basics', '--answers', file]);
  assert.equal(back.code, 2);
  assert.match(back.stderr, /The answers file .*answers\.yaml has 6 problems; nothing was stored/);
  assert.equal((back.stderr.match(/: no answer given/g) ?? []).length, 6);
  assert.equal(await count(h, 'SELECT count(*) FROM quiz_answers'), 0);

  // Filled in, it is taken as any answers file.
  fs.writeFileSync(file, r.stdout.replace(/^(basics-[a-z]+):$/gm, (_l, id) => RIGHT.split('\n').find((x) => x.startsWith(`${id}:`))));
  const ok = run(h, ['quiz', 'basics', '--answers', file, '--json']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).percent, 100);

  // Basics passed: the current module is now the next one, in Chinese too.
  const zh = run(h, ['--lang', 'zh', 'quiz', '--template']);
  assert.equal(zh.code, 0, zh.stderr);
  assert.match(zh.stderr.replace(/\n/g, ''), /这是你当前模块「抽题」（drawn）的测验/);
  assert.match(zh.stdout, /^# 「抽题」（drawn）测验的答案，共 \d+ 题。/);
  assert.match(zh.stdout, /^drawn-one:$/m);
});

test('quiz with no module and no terminal: names the current module before saying it needs a terminal', () => {
  const h = tempDir();
  const r = run(h, ['quiz']);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /The quiz of your current module, Basics \(basics\)/);
  assert.match(r.stderr, /needs? .*terminal|not one/);
  const both = run(h, ['quiz', '--template', '--answers', 'x.yaml']);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /--template prints an answers file to fill in; give it without --answers\./);
});

test('answers from stdin are called the standard input, not "the answers file stdin"', () => {
  const h = tempDir();
  const en = run(h, ['quiz', 'basics', '--answers', '-'], { input: 'basics-single: z\n' });
  assert.equal(en.code, 2);
  assert.match(en.stderr, /^dlpath: The standard input \(your answers\) has 2 problems; nothing was stored:/m);
  assert.doesNotMatch(en.stderr, /file stdin/);
  const zh = run(h, ['--lang', 'zh', 'quiz', 'basics', '--answers', '-'], { input: 'basics-single: [a\n' });
  assert.equal(zh.code, 2);
  assert.match(zh.stderr, /标准输入中的答案不是有效的 YAML 或 JSON/);
});

test('export --format csv: the answer, whether it was right, the rating and the score in columns of their own; data, whole, last', () => {
  const h = tempDir();
  const file = path.join(h, 'a.yaml');
  fs.writeFileSync(file, RIGHT.replace('basics-text: cross entropy', 'basics-text: "=HYPERLINK(1)"').replace('basics-tf: true', 'basics-tf: false'));
  assert.equal(run(h, ['quiz', 'basics', '--answers', file, '--seed', '3']).code, 1);
  const csv = run(h, ['export', '--format', 'csv']).stdout.trim().split('\n');
  const head = csv[0].split(',');
  assert.deepEqual(head.slice(0, 6), ['id', 'ts', 'kind', 'module', 'item', 'epoch']);
  assert.equal(head.at(-1), 'data');
  const row = (kind, item) => {
    const line = csv.find((l) => l.includes(`,${kind},basics,${item},`));
    assert.ok(line, `a ${kind} row for ${item}`);
    // The cells before data hold no quotes here; data is the rest of the line.
    const cells = line.slice(0, line.indexOf(',"{')).split(',');
    return Object.fromEntries(head.slice(0, -1).map((c, i) => [c, cells[i]]));
  };
  const multiple = row('quiz_answered', 'basics-multiple');
  assert.equal(multiple.answer, 'c|a');
  assert.equal(multiple.correct, 'true');
  assert.equal(multiple.rating, 'good');
  assert.match(multiple.next_review, /^\d{4}-\d\d-\d\dT/);
  const text = row('quiz_answered', 'basics-text');
  assert.equal(text.answer, "'=HYPERLINK(1)", 'a formula-like answer is not run by a spreadsheet');
  assert.equal(text.correct, 'false');
  assert.equal(text.rating, 'again');
  const done = row('quiz_finished', '');
  assert.equal(Number(done.score).toFixed(4), (4 / 6).toFixed(4));
  assert.equal(done.passed, 'false');
  assert.equal(done.correct, '4');
  assert.equal(done.total, '6');
  assert.match(csv.find((l) => l.includes(',quiz_answered,basics,basics-text,')), /,"\{""attempt"":1,""answer"":""=HYPERLINK\(1\)"",.*\}"$/);
});
