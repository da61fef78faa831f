// `dlpath validate` on fixture curricula, one per kind of problem: each must be reported with its
// exact file:line:column and message, and the exit code must say "invalid curriculum" (3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { copyFixture, dlpath, writeTree, tempDir, SHIPPED } from './helpers.mjs';

const ALPHA = 'modules/alpha/module.yaml';
const alpha = () => fs.readFileSync(path.join(copyFixture('mini'), ALPHA), 'utf8');

/** A copy of the mini fixture with some files replaced; returns the folder. */
function variant(files, edit) {
  const dir = copyFixture('mini');
  writeTree(dir, files);
  if (edit) edit(dir);
  return dir;
}

const cases = [
  {
    name: 'YAML syntax error, with line and column',
    files: { [ALPHA]: 'id: alpha\ntitle: {en: Alpha, zh: 阿尔法\ntrack: basics\n' },
    expect: ['modules/alpha/module.yaml:3:1: YAML:'],
  },
  {
    name: 'unknown key, with a did-you-mean',
    files: { [ALPHA]: alpha().replace('estimated_minutes: 10', 'estimated_minuts: 10') },
    expect: ['modules/alpha/module.yaml:4:1: estimated_minuts: unknown key "estimated_minuts" (did you mean "estimated_minutes"?)'],
  },
  {
    name: 'answer names a choice that does not exist',
    files: { [ALPHA]: alpha().replace('      answer: a\n', '      answer: e\n') },
    expect: ['modules/alpha/module.yaml:19:15: quiz.questions[0].answer: choice "e" does not exist (choices: a, b)'],
  },
  {
    name: 'negative tolerance',
    files: { [ALPHA]: alpha().replace('tolerance: {abs: 0.01}', 'tolerance: {abs: -1}') },
    expect: ['modules/alpha/module.yaml:25:24: quiz.questions[1].tolerance.abs: must be at least 0, got -1'],
  },
  {
    name: 'ordering answer that is not a permutation',
    files: { [ALPHA]: alpha().replace('    - id: alpha-numeric', [
      '    - id: alpha-order',
      '      type: ordering',
      '      prompt: Order them',
      '      choices: [{id: a, text: one}, {id: b, text: two}, {id: c, text: three}]',
      '      answer: [a, b, b]',
      '    - id: alpha-numeric'].join('\n')) },
    expect: [
      'modules/alpha/module.yaml:25:15: quiz.questions[1].answer: a choice is listed twice',
      'modules/alpha/module.yaml:25:15: quiz.questions[1].answer: the order must list every choice; missing: c',
    ],
  },
  {
    name: 'duplicate question id across modules',
    files: { 'modules/beta/module.yaml': `${fs.readFileSync(path.join(copyFixture('mini'), 'modules/beta/module.yaml'), 'utf8')}quiz:\n  questions:\n    - {id: alpha-single, type: true_false, prompt: Yes?, answer: true}\n` },
    expect: ['modules/beta/module.yaml:8:12: quiz.questions[0].id: question id "alpha-single" is already used in modules/alpha/module.yaml'],
  },
  {
    name: 'requires a module that does not exist',
    files: { 'modules/beta/module.yaml': 'id: beta\ntitle: Beta\ntrack: basics\nrequires: [alpah]\nlesson: {en: lesson.en.md, zh: lesson.zh.md}\n' },
    expect: ['modules/beta/module.yaml:4:12: requires[0]: no module "alpah" (did you mean "alpha"?)'],
  },
  {
    name: 'prerequisite cycle, printed',
    files: { [ALPHA]: alpha().replace('track: basics\n', 'track: basics\nrequires: [gamma]\n') },
    expect: ['prerequisite cycle: alpha → gamma → beta → alpha'],
  },
  {
    name: 'lesson file missing',
    files: { 'modules/beta/module.yaml': 'id: beta\ntitle: Beta\ntrack: basics\nrequires: [alpha]\nlesson: {en: lesson.en.md, zh: lessn.zh.md}\n' },
    expect: ['modules/beta/module.yaml:5:32: lesson.zh: file not found: modules/beta/lessn.zh.md'],
  },
  {
    name: 'a path that leaves the curriculum folder with ..',
    files: { 'modules/beta/module.yaml': 'id: beta\ntitle: Beta\ntrack: basics\nlesson: ../alpha/lesson.en.md\n' },
    expect: ['modules/beta/module.yaml:4:9: lesson: "../alpha/lesson.en.md" must be a path inside the module\'s folder (no absolute paths, no "..")'],
  },
  {
    name: 'a symlink that leads outside the curriculum folder',
    files: { 'modules/beta/module.yaml': 'id: beta\ntitle: Beta\ntrack: basics\nlesson: secret.md\n' },
    edit: (dir) => fs.symlinkSync('/etc/hostname', path.join(dir, 'modules/beta/secret.md')),
    expect: ['modules/beta/module.yaml:4:9: lesson: modules/beta/secret.md is a link that leads outside the curriculum folder'],
  },
  {
    name: 'ANSI escape sequence in text',
    files: { [ALPHA]: alpha().replace('summary: {en: The first module., zh: 第一个模块。}', 'summary: {en: "The \\e[31mfirst\\e[0m module.", zh: 第一个模块。}') },
    expect: ['modules/alpha/module.yaml:5:15: summary.en: text contains an ANSI escape sequence (ESC); remove it'],
  },
  {
    name: 'alias bomb',
    files: { [ALPHA]: `${alpha()}x0: &a [l, l, l, l, l, l, l, l, l, l]\nx1: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nx2: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nx3: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n` },
    expect: ['modules/alpha/module.yaml:1:1: YAML: Excessive alias count indicates a resource exhaustion attack (too many aliases: an alias bomb is refused)'],
  },
  {
    name: 'file over the size limit',
    files: { [ALPHA]: `${alpha()}# ${'x'.repeat(1100 * 1024)}\n` },
    expect: ['modules/alpha/module.yaml:1:1: file is 1.1 MiB; a curriculum file may be at most 1 MiB'],
  },
  {
    name: 'module listed in a track but its file is missing',
    edit: (dir) => fs.rmSync(path.join(dir, 'modules/gamma'), { recursive: true }),
    expect: ['curriculum.yaml:10:15: tracks[1].modules[0]: module "gamma" has no file modules/gamma/module.yaml'],
  },
  {
    name: 'module that names the wrong track',
    files: { 'modules/gamma/module.yaml': 'id: gamma\ntitle: Gamma\ntrack: basics\nrequires: [beta]\n' },
    expect: ['modules/gamma/module.yaml:3:8: track: the module is listed in track "later" of curriculum.yaml, not "basics"'],
  },
  {
    name: 'question type that does not exist',
    files: { [ALPHA]: alpha().replace('type: numeric', 'type: numerik') },
    expect: ['modules/alpha/module.yaml:22:13: quiz.questions[1].type: "numerik" is not one of single, multiple, true_false, numeric, text, ordering (did you mean numeric?)'],
  },
];

for (const c of cases) {
  test(`validate reports: ${c.name}`, () => {
    const dir = variant(c.files ?? {}, c.edit);
    const r = dlpath(['validate', dir]);
    assert.equal(r.code, 3, `exit code 3 expected\n${r.stdout}${r.stderr}`);
    for (const e of c.expect) assert.ok(r.stdout.includes(e), `expected line containing:\n  ${e}\ngot:\n${r.stdout}`);
    assert.equal(r.stderr, '', 'nothing on stderr, no stack trace');
  });
}

test('validate reports every problem, not the first, then a summary', () => {
  const dir = variant({
    [ALPHA]: alpha().replace('      answer: a\n', '      answer: e\n').replace('estimated_minutes: 10', 'estimated_minuts: 10'),
    'modules/beta/module.yaml': 'id: beta\ntitle: Beta\ntrack: basics\nrequires: [nope]\n',
  });
  const r = dlpath(['validate', dir]);
  assert.equal(r.code, 3);
  assert.match(r.stdout, /estimated_minuts/);
  assert.match(r.stdout, /choice "e" does not exist/);
  assert.match(r.stdout, /no module "nope"/);
  assert.match(r.stdout, /3 errors, 0 warnings in 2 files\./);
});

test('a broken question does not hide the cross-check problems of the rest of the module', () => {
  const dir = variant({
    [ALPHA]: alpha().replace('type: numeric', 'type: wat').replace('      answer: a\n', '      answer: e\n').replace('track: basics\n', 'track: basics\nrequires: [ghost]\n'),
  });
  const r = dlpath(['validate', dir]);
  assert.equal(r.code, 3);
  assert.match(r.stdout, /quiz\.questions\[1\]\.type: "wat" is not one of/);
  assert.match(r.stdout, /quiz\.questions\[0\]\.answer: choice "e" does not exist/);
  assert.match(r.stdout, /requires\[0\]: no module "ghost"/);
});

test('a newer format_version is refused with a message to upgrade dlpath', () => {
  const dir = variant({ 'curriculum.yaml': fs.readFileSync(path.join(copyFixture('mini'), 'curriculum.yaml'), 'utf8').replace('format_version: 1', 'format_version: 2') });
  const r = dlpath(['validate', dir]);
  assert.equal(r.code, 3);
  assert.match(r.stdout, /curriculum\.yaml:1:17: format_version: this curriculum uses format version 2, but this dlpath reads format 1: upgrade dlpath/);
  const n = dlpath(['next'], { curriculum: dir, home: path.join(dir, 'home') });
  assert.equal(n.code, 3);
  assert.match(n.stderr, /format version 2.*\n.*Upgrade dlpath/);
});

test('a missing language is a warning; --strict makes it an error', () => {
  const dir = variant({ 'modules/gamma/module.yaml': 'id: gamma\ntitle: {en: Gamma}\ntrack: later\nrequires: [beta]\n' });
  const loose = dlpath(['validate', dir]);
  assert.equal(loose.code, 0);
  assert.match(loose.stdout, /modules\/gamma\/module\.yaml:2:8: warning: title: no Chinese \(zh\) text/);
  const strict = dlpath(['validate', dir, '--strict']);
  assert.equal(strict.code, 3);
  assert.match(strict.stdout, /--strict: warnings count as errors/);
});

test('a test without a Chinese name (no "zh:" line in its docstring) is a warning at its def line', () => {
  const dir = copyFixture('tasks-basic');
  const tests = path.join(dir, 'modules/tb-vectors/tasks/scale/tests.py');
  fs.writeFileSync(tests, fs.readFileSync(tests, 'utf8').replace('\n    zh: 整数列表得到浮点数', ''));
  const r = dlpath(['validate', dir]);
  assert.equal(r.code, 0);
  const line = fs.readFileSync(tests, 'utf8').split('\n').findIndex((l) => l.startsWith('def test_ints')) + 1;
  assert.match(r.stdout, new RegExp(`modules/tb-vectors/tasks/scale/tests\\.py:${line}:1: warning: test_ints has no Chinese name: add a line "zh: \\.\\.\\." to its docstring`));
  assert.equal(dlpath(['validate', dir, '--strict']).code, 3);
});

test('validate --json gives problems and stats', () => {
  const ok = JSON.parse(dlpath(['validate', copyFixture('mini'), '--json']).stdout);
  assert.equal(ok.valid, true);
  assert.deepEqual(ok.problems, []);
  assert.equal(ok.stats.modules, 3);
  assert.equal(ok.stats.tracks, 2);
  assert.deepEqual(ok.stats.lessons, { en: 2, zh: 2 });
  assert.equal(ok.stats.questions_by_type.single, 1);
  assert.equal(ok.stats.questions_by_type.numeric, 1);
  assert.equal(ok.stats.coverage.zh_percent, 100);
  const bad = JSON.parse(dlpath(['validate', variant({ [ALPHA]: alpha().replace('      answer: a\n', '      answer: e\n') }), '--json']).stdout);
  assert.equal(bad.valid, false);
  assert.deepEqual(bad.problems[0], { file: ALPHA, line: 19, column: 15, key: ['quiz', 'questions', 0, 'answer'],
    severity: 'error', message: 'choice "e" does not exist (choices: a, b)' });
});

test('validate on a folder that is not a curriculum is bad usage (exit 2)', () => {
  const r = dlpath(['validate', '/tmp']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /has no curriculum\.yaml/);
});

test('the shipped curriculum is valid with --strict', () => {
  const r = dlpath(['validate', SHIPPED, '--strict']);
  assert.equal(r.code, 0, r.stdout);
});

test('a text question with one accepted form, or none in Chinese script, is a warning; code, formulas and commands need no Chinese form', () => {
  const q = (id, accept, extra = '') => `    - {id: ${id}, type: text, prompt: {en: "Name it.", zh: "叫什么？"}, accept: ${accept}${extra}}`;
  const dir = writeTree(tempDir(), {
    'curriculum.yaml': 'format_version: 1\nid: tf\ntitle: Text forms\ntracks:\n  - {id: one, title: One, modules: [tf]}\n',
    'modules/tf/module.yaml': [
      'id: tf', 'title: {en: Text forms, zh: 文本答案}', 'track: one', 'quiz:', '  questions:',
      q('tf-one', '[交叉熵]'),
      q('tf-no-zh', '[all-reduce, allreduce]'),
      q('tf-good', '[all-reduce, 全归约]'),
      q('tf-one-with-pattern', '[交叉熵]', ', pattern: "^交叉熵(损失)?$"'),
      q('tf-code', '[detach, "detach()"]'),
      q('tf-formula', '["1 - a^2", "1-a²"]'),
      q('tf-command', '[conda activate dl, source activate dl]'), '',
    ].join('\n'),
  });
  const r = dlpath(['validate', dir]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const warned = [...r.stdout.matchAll(/questions\[(\d)\]\.accept: (only one accepted form|no accepted form in Chinese script)/g)].map((x) => [Number(x[1]), x[2]]);
  assert.deepEqual(warned, [[0, 'only one accepted form'], [1, 'no accepted form in Chinese script']]);
  assert.equal(dlpath(['validate', dir, '--strict']).code, 3);
});

test('a quiz whose single-choice answers lean on one choice id is a warning at the quiz, in both languages; --strict fails on it', () => {
  const single = (mod, i, answer) => `    - {id: ${mod}-s${i}, type: single, prompt: {en: "Which?", zh: "哪个？"}, choices: [{id: a, text: {en: One, zh: 一}}, {id: b, text: {en: Two, zh: 二}}, {id: c, text: {en: Three, zh: 三}}], answer: ${answer}}`;
  const quiz = (mod, answers) => ['id: ' + mod, `title: {en: Lean ${mod}, zh: 偏向 ${mod}}`, 'track: one', '# the quiz', 'quiz:', '  questions:',
    ...answers.map((a, i) => single(mod, i, a)),
    `    - {id: ${mod}-tf, type: true_false, prompt: {en: "True?", zh: "对吗？"}, answer: true}`, ''].join('\n');
  const dir = writeTree(tempDir(), {
    'curriculum.yaml': 'format_version: 1\nid: lean\ntitle: Lean\ntracks:\n  - {id: one, title: One, modules: [leans, half, few]}\n',
    // 4 of 6 on "c": more than half, and at least 4.
    'modules/leans/module.yaml': quiz('leans', ['c', 'a', 'c', 'b', 'c', 'c']),
    // 4 of 8 on "a": half, not more.
    'modules/half/module.yaml': quiz('half', ['a', 'b', 'a', 'c', 'a', 'b', 'a', 'c']),
    // 3 of 3 on "a": too few questions to say.
    'modules/few/module.yaml': quiz('few', ['a', 'a', 'a']),
  });
  const r = dlpath(['validate', dir]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const warned = r.stdout.split('\n').filter((l) => /single-choice/.test(l));
  assert.deepEqual(warned, ['modules/leans/module.yaml:5:1: warning: quiz: the right answer of 4 of the 6 single-choice questions of this quiz is choice "c": '
    + 'a learner who writes "c" for each of them in an answers file (dlpath quiz --answers) passes them without reading. '
    + 'Spread the right answers over the choice ids (change the ids, not the order of the choices)']);
  const zh = dlpath(['validate', dir, '--strict'], { env: { DLPATH_LANG: 'zh' } });
  assert.equal(zh.code, 3, zh.stdout + zh.stderr);
  assert.match(zh.stdout, /modules\/leans\/module\.yaml:5:1: .*本测验的 6 道单选题中有 4 道的正确答案是选项“c”/);
  assert.doesNotMatch(zh.stdout, /modules\/(half|few)\//);
});

test('an ordering question whose right order is its ids in alphabetical order is a warning at its answer', () => {
  const order = (id, ids, answer) => `    - {id: ${id}, type: ordering, prompt: {en: "Order them.", zh: "排序。"}, choices: [${ids.map((c, i) => `{id: ${c}, text: {en: Step ${i}, zh: 第 ${i} 步}}`).join(', ')}], answer: [${answer.join(', ')}]}`;
  const dir = writeTree(tempDir(), {
    'curriculum.yaml': 'format_version: 1\nid: ord\ntitle: Orders\ntracks:\n  - {id: one, title: One, modules: [ord]}\n',
    'modules/ord/module.yaml': ['id: ord', 'title: {en: Orders, zh: 排序}', 'track: one', 'quiz:', '  questions:',
      order('ord-abc', ['c', 'a', 'b'], ['a', 'b', 'c']),
      order('ord-gap', ['b', 'e', 'a', 'c'], ['a', 'b', 'c', 'e']),
      order('ord-bac', ['a', 'b', 'c'], ['b', 'a', 'c']),
      order('ord-two', ['a', 'b'], ['a', 'b']), ''].join('\n'),
  });
  const r = dlpath(['validate', dir]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const warned = [...r.stdout.matchAll(/^modules\/ord\/module\.yaml:(\d+):\d+: warning: quiz\.questions\[(\d)\]\.answer: the right order is the choice ids in alphabetical order \(([a-z, ]+)\)/gm)]
    .map((x) => [Number(x[1]), Number(x[2]), x[3]]);
  assert.deepEqual(warned, [[6, 0, 'a, b, c'], [7, 1, 'a, b, c, e']]);
  assert.equal(dlpath(['validate', dir, '--strict']).code, 3);
});
