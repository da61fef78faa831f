// Every command's --help: two or three examples and the global options it honours, in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, dlpath, tempDir } from './helpers.mjs';

const { displayWidth } = await import(path.join(ROOT, 'dist/adapters/ui/markdown.js'));

test('every command\'s (and class subcommand\'s) --help has 2-3 examples, names the global options it honours, and fits 80 columns in both languages; Chinese help is Chinese', () => {
  const home = tempDir();
  const top = dlpath(['--help'], { home });
  const commands = [...top.stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map((x) => x[1]).filter((c) => c !== 'help');
  assert.ok(commands.length >= 17, commands.join(' '));
  const sub = [...dlpath(['class', '--help'], { home }).stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((x) => `class ${x[1]}`).filter((c) => c !== 'class help');
  assert.ok(sub.length >= 7, sub.join(', '));
  for (const out of [top.stdout, dlpath(['--lang', 'zh', '--help'], { home }).stdout]) {
    assert.deepEqual(out.split('\n').filter((l) => displayWidth(l) > 80), [], 'dlpath --help: lines wider than 80 columns');
    assert.doesNotMatch(out, /^ {1,8}[\u4e00-\u9fff]/m, 'dlpath --help: a Chinese line out of its column');
  }
  for (const c of [...commands, ...sub]) {
    const r = dlpath([...c.split(' '), '--help'], { home });
    assert.equal(r.code, 0, c);
    const ex = r.stdout.slice(r.stdout.indexOf('Examples:'));
    const n = (ex.match(/^ {2}(?:[A-Z_]+=\S+ )?dlpath /gm) ?? []).length;
    assert.ok(n >= 2 && n <= 3, `${c}: ${n} examples (a new command gets its examples and global options in src/i18n/help.ts)`);
    assert.match(r.stdout, /Global options it honours: --/, c);
    // Laid out in terminal columns: no line wider than the 80 a help is given when not in a terminal, in
    // either language (a Chinese character takes two columns; lines break between Chinese characters).
    const zhOut = dlpath(['--lang', 'zh', ...c.split(' '), '--help'], { home }).stdout;
    for (const out of [r.stdout, zhOut]) {
      const wide = out.split('\n').filter((l) => displayWidth(l) > 80);
      assert.deepEqual(wide, [], `${c}: lines wider than 80 columns`);
    }
    // A Chinese description that goes on to a second line goes on under its own column, not under the option.
    assert.doesNotMatch(zhOut, /^ {1,8}[\u4e00-\u9fff]/m, `${c}: a Chinese line out of its column`);
  }
  const zh = dlpath(['--lang', 'zh', 'export', '--help'], { home });
  assert.match(zh.stdout, /^用法：dlpath export \[选项\]/);
  assert.match(zh.stdout, /（可选值：json、csv、xapi；默认：json）/);
  assert.doesNotMatch(zh.stdout, /\(可选值:|choices|default/);
  assert.match(zh.stdout, /示例：[\s\S]*适用的全局选项：--home、--lang、--no-color/);
});
