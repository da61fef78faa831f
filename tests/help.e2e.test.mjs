// Every command's --help: two or three examples and the global options it honours, in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dlpath, tempDir } from './helpers.mjs';

test('every command\'s (and class subcommand\'s) --help has 2-3 examples and names the global options it honours; Chinese help is Chinese', () => {
  const home = tempDir();
  const top = dlpath(['--help'], { home });
  const commands = [...top.stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map((x) => x[1]).filter((c) => c !== 'help');
  assert.ok(commands.length >= 17, commands.join(' '));
  const sub = [...dlpath(['class', '--help'], { home }).stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((x) => `class ${x[1]}`).filter((c) => c !== 'class help');
  assert.ok(sub.length >= 7, sub.join(', '));
  for (const c of [...commands, ...sub]) {
    const r = dlpath([...c.split(' '), '--help'], { home });
    assert.equal(r.code, 0, c);
    const ex = r.stdout.slice(r.stdout.indexOf('Examples:'));
    const n = (ex.match(/^ {2}(?:[A-Z_]+=\S+ )?dlpath /gm) ?? []).length;
    assert.ok(n >= 2 && n <= 3, `${c}: ${n} examples (a new command gets its examples and global options in src/i18n/help.ts)`);
    assert.match(r.stdout, /Global options it honours: --/, c);
  }
  const zh = dlpath(['--lang', 'zh', 'export', '--help'], { home });
  assert.match(zh.stdout, /^用法：dlpath export \[选项\]/);
  assert.match(zh.stdout, /（可选值：json、csv、xapi；默认：json）/);
  assert.doesNotMatch(zh.stdout, /\(可选值:|choices|default/);
  assert.match(zh.stdout, /示例：[\s\S]*适用的全局选项：--home、--lang、--no-color/);
});
