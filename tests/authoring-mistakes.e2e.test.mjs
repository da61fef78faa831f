// The 22 authoring mistakes of the course author's review (shared/reviews/authoring-2026-12.md),
// each made in a fresh copy of the foreign fixture course (tests/fixtures/regex-course): validate
// must catch each at its file:line:column with a message that says what to do, or accept what is
// legitimate. One small mutation per row.
import { describe, it as test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dlpathAsync as dlpath, tempDir, FIXTURES } from './helpers.mjs';

const BASICS = 'modules/re-basics/module.yaml';
const GROUPS = 'modules/re-groups/module.yaml';
const TASK = 'modules/re-groups/tasks/find_dates';

function course() {
  const dir = path.join(tempDir('dlpath-mistake-'), 'course');
  fs.cpSync(path.join(FIXTURES, 'regex-course'), dir, { recursive: true });
  return dir;
}
const read = (dir, f) => fs.readFileSync(path.join(dir, f), 'utf8');
const write = (dir, f, text) => { fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true }); fs.writeFileSync(path.join(dir, f), text); };
/** Replaces `from` (which must be there) in file f. */
function edit(dir, f, from, to) {
  const text = read(dir, f);
  assert.ok(text.includes(from), `${f} holds ${JSON.stringify(from)}`);
  write(dir, f, text.replace(from, to));
}

// Each row: the mistake, how to make it, the validate flags, the exit code, lines that must be in the output.
const rows = [
  { n: 1, name: 'tab indentation: one error, at the tab, not four more from the parser',
    make: (d) => edit(d, BASICS, '\n  pass_mark', '\n\tpass_mark'), code: 3,
    expect: [/^modules\/re-basics\/module\.yaml:12:1: YAML: Tabs are not allowed as indentation \(\d+ more YAML errors? follows?, most likely from this one/m],
    absent: [/Nested mappings/] },
  { n: 2, name: 'a question id used twice: both places, with line and column',
    make: (d) => edit(d, GROUPS, 'id: re-fullmatch-date', 'id: re-match-start'), code: 3,
    expect: [/^modules\/re-groups\/module\.yaml:10:11: quiz\.questions\[0\]\.id: question id "re-match-start" is already used in modules\/re-basics\/module\.yaml:14:11$/m] },
  { n: 3, name: 'an answer that names no choice',
    make: (d) => edit(d, BASICS, '      answer: a\n', '      answer: e\n'), code: 3,
    expect: [/^modules\/re-basics\/module\.yaml:\d+:15: quiz\.questions\[0\]\.answer: choice "e" does not exist \(choices: a, b, c\)$/m] },
  { n: 4, name: 'single choice with two answers: says to use type: multiple',
    make: (d) => edit(d, BASICS, '      answer: a\n', '      answer: [a, b]\n'), code: 3,
    expect: [/quiz\.questions\[0\]\.answer: expected a string, got a list \(for several right answers use type: multiple\)$/m] },
  { n: 5, name: 'a numeric answer written as a string',
    make: (d) => edit(d, BASICS, '      answer: 3\n', '      answer: "3"\n'), code: 3,
    expect: [/quiz\.questions\[2\]\.answer: expected a number, got a string$/m] },
  { n: 6, name: 'a numeric answer that is not whole, with no tolerance: a warning that --strict counts',
    make: (d) => edit(d, BASICS, '      answer: 3\n', '      answer: 1.8333333\n'), flags: ['--strict'], code: 3,
    expect: [/^modules\/re-basics\/module\.yaml:\d+:15: warning: quiz\.questions\[2\]\.answer: 1\.8333333 is not a whole number and the question has no tolerance.*Add decimals: N/m] },
  { n: 7, name: 'an ordering answer that leaves a choice out',
    make: (d) => edit(d, GROUPS, 'answer: [b, c, a]', 'answer: [b, c]'), code: 3,
    expect: [/quiz\.questions\[1\]\.answer: the order must list every choice; missing: a$/m] },
  { n: 8, name: 'a module that requires itself: reported once',
    make: (d) => edit(d, GROUPS, 'requires: [re-basics]', 'requires: [re-groups]'), code: 3,
    expect: [/^modules\/re-groups\/module\.yaml:5:12: requires\[0\]: a module cannot require itself$/m], absent: [/prerequisite cycle/] },
  { n: 9, name: 'a prerequisite cycle: printed whole',
    make: (d) => edit(d, BASICS, 'track: basics\n', 'track: basics\nrequires: [re-groups]\n'), code: 3,
    expect: [/requires: prerequisite cycle: re-(basics|groups) → re-(groups|basics) → re-\1$/m] },
  { n: 10, name: 'a module listed in two tracks',
    make: (d) => edit(d, 'curriculum.yaml', 'modules: [re-groups]', 'modules: [re-groups, re-basics]'), code: 3,
    expect: [/^curriculum\.yaml:\d+:\d+: tracks\[1\]\.modules\[1\]: module "re-basics" is already listed in track "basics"$/m] },
  { n: 11, name: 'a module folder no track lists: warned, and its contents validated in full',
    make: (d) => write(d, 'modules/re-draft/module.yaml', 'id: re-draft\ntitle: Draft\ntrack: nowhere\nrequires: [nope]\nquiz:\n  questions:\n    - id: d1\n      type: single\n'), code: 3,
    expect: [/^modules\/re-draft:1:1: warning: this module folder is not listed in any track of curriculum\.yaml/m,
      /^modules\/re-draft\/module\.yaml:3:8: track: there is no track "nowhere" in curriculum\.yaml$/m,
      /^modules\/re-draft\/module\.yaml:4:12: requires\[0\]: no module "nope"$/m,
      /^modules\/re-draft\/module\.yaml:7:7: quiz\.questions\[0\]: missing required key "prompt"$/m] },
  { n: 12, name: 'a lesson file name that does not exist: did you mean',
    make: (d) => edit(d, BASICS, 'zh: lesson.zh.md', 'zh: lessson.zh.md'), code: 3,
    expect: [/^modules\/re-basics\/module\.yaml:\d+:\d+: lesson\.zh: file not found: modules\/re-basics\/lessson\.zh\.md \(did you mean lesson\.zh\.md/m] },
  { n: 13, name: 'a misspelled key: did you mean',
    make: (d) => edit(d, GROUPS, '      explanation: {en: "re.fullmatch', '      explaination: {en: "re.fullmatch'), code: 3,
    expect: [/quiz\.questions\[0\]\.explaination: unknown key "explaination" \(did you mean "explanation"\?\)$/m] },
  { n: 14, name: 'Chinese missing from one prompt: a warning',
    make: (d) => edit(d, GROUPS, ', zh: 把模式 (a(b)(c)) 的分组按编号排序，第 1 组在前。}', '}'), flags: ['--strict'], code: 3,
    expect: [/warning: quiz\.questions\[1\]\.prompt: no Chinese \(zh\) text$/m] },
  { n: '14b', name: 'a prompt written as a plain English string in a course in both languages: a warning',
    make: (d) => edit(d, GROUPS, 'prompt: {en: "Put the groups of the pattern (a(b)(c)) in the order of their numbers, group 1 first.", zh: 把模式 (a(b)(c)) 的分组按编号排序，第 1 组在前。}',
      'prompt: Put these groups in the order of their numbers, group one first.'), flags: ['--strict'], code: 3,
    expect: [/warning: quiz\.questions\[1\]\.prompt: plain English text in a course written in both languages: a Chinese learner reads it in English/m],
    json: (j) => assert.ok(j.stats.coverage.zh < j.stats.coverage.en, 'counted as one language') },
  { n: 15, name: 'the reference solution fails: at module.yaml and at the test it fails, every failure',
    make: (d) => fs.copyFileSync(path.join(d, TASK, 'wrong/no_boundary.py'), path.join(d, TASK, 'solution.py')), flags: ['--run-solutions'], code: 3,
    expect: [/tasks\[0\]\.solution: the reference solution does not pass its tests: test_longer_number/m,
      /^modules\/re-groups\/tasks\/find_dates\/tests\.py:24:1: test_longer_number fails with solution\.py: expected \[\(2024, 5, 1\)\], got/m] },
  { n: 16, name: 'the starter already passes',
    make: (d) => fs.copyFileSync(path.join(d, TASK, 'solution.py'), path.join(d, TASK, 'starter.py')), flags: ['--run-solutions'], code: 3,
    expect: [/tasks\[0\]\.starter: the starter already passes all 5 tests: a learner would be done before starting \(make it raise NotImplementedError\)$/m] },
  { n: 17, name: 'a syntax error in tests.py: found by plain validate, at its line and column',
    make: (d) => edit(d, `${TASK}/tests.py`, 'def test_none(m):', 'def test_none(m)'), code: 3,
    expect: [/^modules\/re-groups\/tasks\/find_dates\/tests\.py:31:17: SyntaxError: expected ':'$/m] },
  { n: 18, name: 'the reference solution never ends: the time limit says so',
    make: (d) => {
      write(d, `${TASK}/solution.py`, 'def find_dates(text):\n    while True:\n        pass\n');
      edit(d, GROUPS, 'time_limit: 10', 'time_limit: 1');
    }, flags: ['--run-solutions'], code: 3,
    expect: [/tasks\[0\]\.solution: the reference solution timed out after 1 s \(time_limit: 1\)/m] },
  { n: 19, name: 'anchors, aliases and merge keys: legitimate, and they work',
    make: (d) => {
      edit(d, BASICS, '    - id: re-findall-group\n', '    - &tf\n      id: re-findall-group\n');
      fs.appendFileSync(path.join(d, BASICS), '    - <<: *tf\n      id: re-findall-group-again\n');
    }, code: 0, expect: [/valid\. 2 modules, 7 questions, 1 tasks\./] },
  { n: 20, name: 'a newer format_version: the upgrade hint is a command that exists',
    make: (d) => edit(d, 'curriculum.yaml', 'format_version: 1', 'format_version: 2'), code: 3,
    expect: [/^curriculum\.yaml:2:17: format_version: this curriculum uses format version 2, but this dlpath reads format 1: upgrade dlpath \((cd \S+ && git pull && npm install|a newer dlpath in place of .+)\)$/m],
    absent: [/npm install -g/] },
  { n: 21, name: 'CRLF line ends and byte-order marks: legitimate, and the lesson keeps its heading',
    make: (d) => {
      for (const f of ['curriculum.yaml', BASICS, GROUPS, 'modules/re-basics/lesson.en.md', `${TASK}/tests.py`, `${TASK}/solution.py`]) {
        write(d, f, `\uFEFF${read(d, f).replace(/\n/g, '\r\n')}`);
      }
    }, code: 0, expect: [/valid\. 2 modules, 6 questions, 1 tasks\./],
    then: async (d, home) => {
      const r = await dlpath(['--curriculum', d, 'learn', 're-basics'], { home });
      assert.match(r.stdout, /^Matching and searching\n═+$/m, 'the first heading is a heading');
      assert.doesNotMatch(r.stdout, /# Matching|\uFEFF/);
    } },
  { n: 22, name: 'an empty module.yaml: says it is empty and what it needs',
    make: (d) => write(d, GROUPS, '# yaml-language-server: $schema=../../schema/module.schema.json\n'), code: 3,
    expect: [/^modules\/re-groups\/module\.yaml:1:1: the file is empty: it needs at least id, title, track$/m] },
];

// Two at a time: each row is its own course copy and data folder.
describe('the 22 mistakes', { concurrency: 2 }, () => {
  for (const row of rows) {
    test(`mistake ${row.n}: ${row.name}`, async () => {
      const dir = course();
      const home = tempDir();
      row.make(dir);
      const r = await dlpath(['validate', ...(row.flags ?? []), dir], { home });
      assert.equal(r.code, row.code, r.stdout + r.stderr);
      for (const re of row.expect) assert.match(r.stdout, re);
      for (const re of row.absent ?? []) assert.doesNotMatch(r.stdout + r.stderr, re);
      if (row.json) row.json(JSON.parse((await dlpath(['--json', 'validate', dir], { home })).stdout));
      if (row.then) await row.then(dir, home);
    });
  }
});

test('the Markdown the terminal cannot show (a table, LaTeX, raw HTML) is reported by --strict, at its line; **A**tomicity renders', async () => {
  const dir = course();
  const home = tempDir();
  fs.appendFileSync(path.join(dir, 'modules/re-basics/lesson.en.md'),
    '\n| pattern | matches |\n| --- | --- |\n| \\d | a digit |\n\n$$\\frac{a}{b}$$\n\nA <b>bold</b> claim, and **A**tomicity.\n');
  let r = await dlpath(['validate', dir], { home });
  assert.equal(r.code, 0, 'warnings only');
  r = await dlpath(['validate', '--strict', dir], { home });
  assert.equal(r.code, 3);
  assert.match(r.stdout, /^modules\/re-basics\/lesson\.en\.md:11:1: warning: a Markdown table/m);
  assert.match(r.stdout, /^modules\/re-basics\/lesson\.en\.md:15:1: warning: LaTeX math/m);
  assert.match(r.stdout, /^modules\/re-basics\/lesson\.en\.md:17:1: warning: raw HTML \(<b>\)/m);
  const learn = await dlpath(['--curriculum', dir, 'learn', 're-basics'], { home });
  assert.match(learn.stdout, /and Atomicity\./, 'intraword bold renders (no asterisks left)');
});
