// The path commands end to end: the real bin/dlpath, a temporary DLPATH_HOME, the mini fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { copyFixture, dlpath, dlpathAsync, tempDir } from './helpers.mjs';

const setup = () => ({ home: path.join(tempDir(), 'data'), curriculum: copyFixture('mini') });

test('learn → progress shows it read → reset --yes → unread → export still has the first read', () => {
  const o = setup();
  const learn = dlpath(['learn', 'alpha'], o);
  assert.equal(learn.code, 0, learn.stderr);
  assert.match(learn.stdout, /Vectors are lists of numbers/);
  assert.match(learn.stdout, /Marked as read\. Next: dlpath quiz alpha/);
  assert.ok(fs.existsSync(path.join(o.home, 'progress.db')), 'the data folder and database are created');

  let p = JSON.parse(dlpath(['progress', '--json'], o).stdout);
  let alpha = p.tracks[0].modules.find((x) => x.id === 'alpha');
  assert.equal(alpha.lesson_read, true);
  assert.equal(alpha.status, 'in_progress');

  const reset = dlpath(['reset', 'alpha', '--yes'], o);
  assert.equal(reset.code, 0, reset.stderr);
  assert.match(reset.stdout, /Reset 1 module: alpha/);

  p = JSON.parse(dlpath(['progress', '--json'], o).stdout);
  alpha = p.tracks[0].modules.find((x) => x.id === 'alpha');
  assert.equal(alpha.lesson_read, false);
  assert.equal(alpha.status, 'available');

  const exp = JSON.parse(dlpath(['export'], o).stdout);
  assert.deepEqual(exp.events.map((e) => [e.kind, e.module, e.epoch]), [['lesson_read', 'alpha', 0], ['reset', 'alpha', 0]]);
  const csv = dlpath(['export', '--format', 'csv'], o).stdout.trim().split('\n');
  assert.equal(csv[0], 'id,ts,kind,module,item,epoch,attempt,answer,correct,rating,next_review,score,passed,total,outcome,hint_level,uid,data');
  assert.match(csv[1], /^1,[^,]+,lesson_read,alpha,,0,{11}[0-9a-f-]{36},$/);
  const xapi = JSON.parse(dlpath(['export', '--format', 'xapi'], o).stdout);
  assert.equal(xapi[0].verb.id, 'http://adlnet.gov/expapi/verbs/experienced');
});

test('next: prints the step when not in a terminal, and --json gives {module, step, title, command}', () => {
  const o = setup();
  const r = dlpath(['next'], o);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Next on your path: Read the lesson: Alpha/);
  assert.match(r.stdout, /Run: dlpath learn alpha/);
  const j = JSON.parse(dlpath(['next', '--json'], o).stdout);
  assert.deepEqual({ module: j.module, step: j.step, command: j.command }, { module: 'alpha', step: 'lesson', command: 'dlpath learn alpha' });
  assert.equal(j.title, 'Read the lesson: Alpha');
  const zh = JSON.parse(dlpath(['next', '--json', '--lang', 'zh'], o).stdout);
  assert.equal(zh.title, '学习「阿尔法」的讲义');
  const bare = dlpath([], o);
  assert.equal(bare.code, 0);
  assert.match(bare.stdout, /0% of the path done/);
});

test('path shows status symbols and what a locked module needs', () => {
  const o = setup();
  dlpath(['learn', 'alpha'], o);
  const r = dlpath(['path'], o);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /◐ alpha +Alpha 50%/);
  assert.match(r.stdout, /⊘ beta +Beta \(needs alpha\)/);
  assert.match(r.stdout, /… gamma +Gamma \(coming soon\)/);
  const j = JSON.parse(dlpath(['path', '--json'], o).stdout);
  assert.deepEqual(j.tracks[0].modules.map((x) => [x.id, x.status, x.percent]), [['alpha', 'in_progress', 50], ['beta', 'locked', 0]]);
});

test('learn --json gives the lesson\'s Markdown and the module\'s resources', () => {
  const j = JSON.parse(dlpath(['learn', 'alpha', '--json'], setup()).stdout);
  assert.match(j.markdown, /^# Alpha/);
  assert.deepEqual(j.resources, [{ title: 'NumPy broadcasting', url: 'https://numpy.org/doc/stable/user/basics.broadcasting.html' }]);
});

test('a locked lesson can still be read, with a note of what is missing', () => {
  const r = dlpath(['learn', 'beta'], setup());
  assert.equal(r.code, 0);
  assert.match(r.stdout, /beta needs alpha first\. You can read on anyway/);
});

test('Chinese: the lesson and messages come in Chinese', () => {
  const r = dlpath(['learn', 'alpha'], { ...setup(), env: { LANG: 'zh_CN.UTF-8' } });
  assert.match(r.stdout, /向量就是一列数/);
  assert.match(r.stdout, /已标记为读过/);
});

test('unknown module or command: exit 2 with a did-you-mean, no stack trace', () => {
  const o = setup();
  const r = dlpath(['learn', 'alpah'], o);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /There is no module "alpah"\. Did you mean: alpha\?/);
  const reset = dlpath(['reset', 'betta', '--yes'], o);
  assert.equal(reset.code, 2);
  assert.match(reset.stderr, /Did you mean: beta/);
  const c = dlpath(['lern', 'alpha'], o);
  assert.equal(c.code, 2);
  assert.match(c.stderr, /There is no command "lern"\. Did you mean: learn/);
  assert.doesNotMatch(r.stderr + c.stderr, /\n\s+at /);
});

test('reset without --yes and without a terminal asks for --yes and changes nothing', () => {
  const o = setup();
  dlpath(['learn', 'alpha'], o);
  const r = dlpath(['reset', '--all'], o);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /add --yes/);
  const p = JSON.parse(dlpath(['progress', '--json'], o).stdout);
  assert.equal(p.tracks[0].modules[0].lesson_read, true);
});

test('two dlpath processes writing at once both succeed (no SQLITE_BUSY)', async () => {
  const o = setup();
  dlpath(['path'], o);
  const runs = await Promise.all(Array.from({ length: 6 }, (_, i) => dlpathAsync(['learn', i % 2 ? 'alpha' : 'beta'], o)));
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
  const exp = JSON.parse(dlpath(['export'], o).stdout);
  assert.equal(exp.events.length, 6);
});

test('an invalid curriculum stops learner commands with exit 3 and points to validate', () => {
  const o = setup();
  fs.writeFileSync(path.join(o.curriculum, 'modules/beta/module.yaml'), 'id: beta\ntitle: Beta\ntrack: basics\nrequires: [zzz]\n');
  const r = dlpath(['next'], o);
  assert.equal(r.code, 3);
  assert.match(r.stderr, /modules\/beta\/module\.yaml:4:12: requires\[0\]: no module "zzz"/);
  assert.match(r.stderr, /Run `dlpath validate/);
});

test('the compiled curriculum cache follows edits to the YAML files', () => {
  const o = setup();
  assert.match(dlpath(['next'], o).stdout, /Alpha/);
  const file = path.join(o.curriculum, 'modules/alpha/module.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: {en: Alpha, zh: 阿尔法}', 'title: {en: Alpha Prime, zh: 阿尔法}'));
  assert.match(dlpath(['next'], o).stdout, /Alpha Prime/);
});

test('several dlpath processes starting at once on a new data folder all succeed', async () => {
  const o = setup();
  const runs = await Promise.all(Array.from({ length: 4 }, () => dlpathAsync(['learn', 'alpha'], o)));
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(dlpath(['export'], o).stdout).events.length, 4);
});

test('usage mistakes: one "dlpath:" line in the learner\'s language, where to look, exit 2', () => {
  const o = setup();
  const opt = dlpath(['quiz', 'alpha', '--seeed', '3'], o);
  assert.equal(opt.code, 2);
  assert.equal(opt.stderr, 'dlpath: There is no option --seeed. Did you mean: --seed?\nRun `dlpath quiz --help` to see its options and examples.\n');
  const zh = dlpath(['--lang', 'zh', 'import'], o);
  assert.equal(zh.code, 2);
  assert.equal(zh.stderr, 'dlpath: 这个命令需要参数 file。\n运行 `dlpath import --help` 查看它的选项和示例。\n');
  const unknown = dlpath(['list'], o);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /There is no command "list"\. Did you mean: tasks/);
  const choice = dlpath(['export', '--format', 'xml'], o);
  assert.equal(choice.code, 2);
  assert.match(choice.stderr, /^dlpath: --format <format> cannot be "xml": use one of json, csv, xapi\./);
});

test('a locked module\'s quiz can be taken, with a note of what is missing', () => {
  const o = setup();
  fs.appendFileSync(path.join(o.curriculum, 'modules/beta/module.yaml'),
    'quiz:\n  questions:\n    - {id: beta-tf, type: true_false, prompt: {en: Yes?, zh: 是吗？}, answer: true, explanation: {en: Yes., zh: 是。}}\n');
  const r = dlpath(['quiz', 'beta', '--answers', '-'], { ...o, input: 'beta-tf: true\n' });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Note: beta needs alpha first\. You can take its quiz anyway/);
  const j = dlpath(['quiz', 'beta', '--answers', '-', '--json'], { ...o, input: 'beta-tf: true\n' });
  assert.doesNotThrow(() => JSON.parse(j.stdout), 'the note stays off stdout with --json');
  assert.match(j.stderr, /needs alpha first/);
});
