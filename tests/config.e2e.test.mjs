// `dlpath config`: settings kept in the data folder, and their place in the precedence
// flag > environment > config > LANG.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, dlpath, FIXTURES, hasTmux, tempDir, tmuxShell } from './helpers.mjs';

const MINI = path.join(FIXTURES, 'mini');

test('config set/get/list/unset: lang, curriculum (stored absolute) and editor, with flag > env > config > LANG', () => {
  const home = tempDir();
  const run = (args, o = {}) => dlpath(args, { home, ...o });
  let r = run(['config', 'set', 'lang', 'zh']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Saved: lang = zh/);
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(home, 'config.json'), 'utf8')), { lang: 'zh' });
  // Saved beats LANG; DLPATH_LANG beats saved; --lang beats both.
  assert.match(run(['--curriculum', MINI, 'next']).stdout, /路径已完成/);
  assert.match(run(['--curriculum', MINI, 'next'], { env: { DLPATH_LANG: 'en' } }).stdout, /of the path done/);
  assert.match(run(['--curriculum', MINI, '--lang', 'en', 'next'], { env: { DLPATH_LANG: 'zh' } }).stdout, /of the path done/);
  assert.match(run(['--help']).stdout, /用法：/);

  // A relative curriculum is resolved against the working folder when set, and stored absolute.
  r = run(['config', 'set', 'curriculum', 'mini'], { cwd: FIXTURES });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(run(['config', 'get', 'curriculum']).stdout, `${MINI}\n`);
  assert.match(run(['path', '--lang', 'en']).stdout, /Alpha/);
  assert.match(run(['path', '--lang', 'en'], { curriculum: path.join(FIXTURES, 'tasks-basic') }).stdout, /tb-vectors/);
  r = run(['config', 'set', 'curriculum', 'nowhere'], { cwd: FIXTURES });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /没有 curriculum\.yaml|no curriculum\.yaml/);

  r = run(['--lang', 'en', 'config', 'set', 'editor', 'nano -w']);
  assert.equal(r.code, 0, r.stderr);
  const list = JSON.parse(run(['config', 'list', '--json'], { env: { EDITOR: 'vi' } }).stdout);
  assert.deepEqual(list.saved, { lang: 'zh', curriculum: MINI, editor: 'nano -w' });
  assert.equal(list.effective.editor, 'nano -w', 'the saved editor comes before EDITOR');
  assert.equal(JSON.parse(run(['config', 'list', '--json'], { env: { DLPATH_EDITOR: 'code -w' } }).stdout).effective.editor, 'code -w');
  r = run(['--lang', 'en', 'config', 'list']);
  assert.match(r.stdout, /lang\s+zh\s+in effect: en \(from --lang\)/);

  r = run(['--lang', 'en', 'config', 'unset', 'lang']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(run(['next']).stdout, /of the path done/);
  assert.equal(run(['config', 'get', 'lang']).stdout, '');
});

test('config: an unknown setting, a bad value and a damaged file are clear errors', () => {
  const home = tempDir();
  let r = dlpath(['config', 'set', 'langg', 'zh'], { home });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /There is no setting "langg"\. Did you mean: lang\?/);
  r = dlpath(['config', 'set', 'lang', 'fr'], { home });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot be "fr": use en or zh/);
  r = dlpath(['config', 'frobnicate'], { home });
  assert.equal(r.code, 2);
  fs.writeFileSync(path.join(home, 'config.json'), '{"lang": ');
  r = dlpath(['next'], { home });
  assert.equal(r.code, 4);
  assert.match(r.stderr, /config\.json is not valid JSON/);
  assert.doesNotMatch(r.stderr, /at .*\.js/);
});

test('running once with --lang zh in a terminal offers to keep Chinese', { skip: !hasTmux() && 'tmux is not installed' }, async () => {
  const home = path.join(tempDir(), 'home');
  const sh = tmuxShell('lang', { width: 80, height: 12, env: { DLPATH_HOME: home, DLPATH_CURRICULUM: MINI } });
  try {
    await sh.waitFor(/^\$/m);
    sh.type(`${process.execPath} ${BIN} --lang zh path`);
    await sh.waitFor(/以后都用中文，不用再加 --lang 吗？/);
    sh.type('是');
    await sh.waitFor(/已保存。可以用 `dlpath config set lang en` 改回。/);
    sh.type(`clear; ${process.execPath} ${BIN} path; echo EXIT=$?`);
    await sh.waitFor(/EXIT=0/);
    assert.match(sh.screen(), /阿尔法|Alpha/);
    assert.match(sh.screen(), /已完成|可开始/);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(home, 'config.json'), 'utf8')), { lang: 'zh' });
  } finally {
    sh.close();
  }
});
