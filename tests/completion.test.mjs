// `dlpath completion bash|zsh|fish`: the scripts parse in their shells, and a Tab after `dlpath quiz ml-`
// offers the module ids of the course in use (through `dlpath __complete`, which reads the compiled outline).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, FIXTURES, dlpath, tempDir, testEnv } from './helpers.mjs';

const has = (sh) => spawnSync(sh, ['-c', 'exit 0']).status === 0;

/** One data folder for every test here: the course is compiled once. */
const HOME = path.join(tempDir(), 'home');

/** A folder with a `dlpath` on it that runs this checkout. */
function setup() {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'dlpath'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`, { mode: 0o755 });
  const env = { ...testEnv(), PATH: `${dir}:${process.env.PATH}`, DLPATH_HOME: HOME };
  return { dir, env };
}

const mlModules = () => JSON.parse(dlpath(['path', '--json'], { home: HOME }).stdout)
  .tracks.flatMap((t) => t.modules.map((x) => x.id)).filter((id) => id.startsWith('ml-')).sort();

for (const shell of ['bash', 'zsh', 'fish']) {
  test(`the ${shell} script parses (${shell} -n)`, { skip: !has(shell) && `${shell} is not installed` }, () => {
    const { dir } = setup();
    const r = dlpath(['completion', shell]);
    assert.equal(r.code, 0, r.stderr);
    const file = path.join(dir, `script.${shell}`);
    fs.writeFileSync(file, r.stdout);
    const check = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });
}

test('bash: `dlpath quiz ml-` completes to the module ids; commands, options, task ids and config keys too', () => {
  const { dir, env } = setup();
  const file = path.join(dir, 'dlpath.bash');
  fs.writeFileSync(file, dlpath(['completion', 'bash']).stdout);
  const tab = (...words) => {
    const script = `source '${file}'; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _dlpath; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['-c', script], { env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.split('\n').filter(Boolean).sort();
  };
  assert.deepEqual(tab('dlpath', 'quiz', 'ml-'), mlModules());
  assert.deepEqual(tab('dlpath', 'tas'), ['task', 'tasks']);
  assert.deepEqual(tab('dlpath', 'check', '--fu'), ['--full']);
  assert.deepEqual(tab('dlpath', 'export', '--format', ''), ['csv', 'json', 'xapi']);
  assert.deepEqual(tab('dlpath', 'config', 'set', 'l'), ['lang']);
  // The course a command line names is the one completed from.
  assert.deepEqual(tab('dlpath', '--curriculum', path.join(FIXTURES, 'tasks-basic'), 'hint', 's'), ['scale', 'spin']);
});

test('fish: `dlpath quiz ml-` completes to the module ids', { skip: !has('fish') && 'fish is not installed' }, () => {
  const { dir, env } = setup();
  const file = path.join(dir, 'dlpath.fish');
  fs.writeFileSync(file, dlpath(['completion', 'fish']).stdout);
  const r = spawnSync('fish', ['-c', `source '${file}'; complete -C 'dlpath quiz ml-'`], { env, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]).sort(), mlModules());
});

test('__complete prints nothing (exit 0) when the course cannot be read; an unknown shell is exit 2', () => {
  const r = dlpath(['__complete', 'modules', '--curriculum', '/nonexistent']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, '');
  const bad = dlpath(['completion', 'powershell']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /There is no completion for "powershell"\.[\s\S]*bash, zsh or fish/);
});

test('zsh: the function offers the module ids after `dlpath quiz` (zsh keeps those that match ml-)', { skip: !has('zsh') && 'zsh is not installed' }, () => {
  const { dir, env } = setup();
  const file = path.join(dir, '_dlpath');
  fs.writeFileSync(file, dlpath(['completion', 'zsh']).stdout);
  // compadd is stood in for by a function that prints what it is given (zsh itself filters by the prefix).
  const script = `compdef() { :; }; compadd() { local a; for a in "$@"; do [[ $a == -* ]] || print -r -- $a; done; }; source '${file}'; words=(dlpath quiz ml-); CURRENT=3; PREFIX=ml-; _dlpath`;
  const r = spawnSync('zsh', ['-f', '-c', script], { env, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.split('\n').filter((x) => x.startsWith('ml-')).sort(), mlModules());
  assert.ok(!r.stdout.split('\n').includes('numerical_grad'), 'module ids, not task ids');
});

const CLASS_SUBCOMMANDS = ['add-learner', 'add-teacher', 'init', 'join', 'leave', 'report', 'restore', 'revoke'];

test('bash: `dlpath class <Tab>` offers its subcommands, their options (--url, --html <file>); `dlpath sy<Tab>` is sync', () => {
  const { dir, env } = setup();
  const file = path.join(dir, 'dlpath.bash');
  fs.writeFileSync(file, dlpath(['completion', 'bash']).stdout);
  fs.writeFileSync(path.join(dir, 'class-report.html'), '');
  const tab = (...words) => {
    const script = `cd '${dir}'; source '${file}'; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _dlpath; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['-c', script], { env, encoding: 'utf8' });
    return r.stdout.split('\n').filter(Boolean).sort();
  };
  assert.deepEqual(tab('dlpath', 'sy'), ['sync']);
  assert.deepEqual(tab('dlpath', 'class', ''), CLASS_SUBCOMMANDS);
  assert.deepEqual(tab('dlpath', 'class', 'add-'), ['add-learner', 'add-teacher']);
  assert.deepEqual(tab('dlpath', '--lang', 'zh', 'class', 're'), ['report', 'restore', 'revoke']);
  assert.deepEqual(tab('dlpath', 'class', 'report', '--u'), ['--url']);
  assert.deepEqual(tab('dlpath', 'class', 'report', '--h'), ['--help', '--home', '--html']);
  assert.deepEqual(tab('dlpath', 'class', 'report', '--html', 'class-'), ['class-report.html']);
  assert.deepEqual(tab('dlpath', 'class', 'add-learner', '--url', 'postgresql://x', '--u'), ['--url']);
  assert.deepEqual(tab('dlpath', 'class', 'join', '--u'), [], 'join takes no --url');
  // After a subcommand, no more subcommands are offered.
  assert.deepEqual(tab('dlpath', 'class', 'report', ''), []);
});

test('zsh: `dlpath class <Tab>` offers its subcommands; `dlpath class report --<Tab>` its options', { skip: !has('zsh') && 'zsh is not installed' }, () => {
  const { dir, env } = setup();
  const file = path.join(dir, '_dlpath');
  fs.writeFileSync(file, dlpath(['completion', 'zsh']).stdout);
  const tab = (words, prefix = '') => {
    // compadd and _describe are stood in for by functions that print what they are given.
    const script = `compdef() { :; }; compadd() { local a; for a in "$@"; do [[ $a == -* && $a != --* ]] || print -r -- $a; done; }
_describe() { local -a a; a=("\${(@P)4}"); print -rl -- "\${a[@]%%:*}"; }
source '${file}'; words=(${words.map((w) => `'${w}'`).join(' ')}); CURRENT=${words.length}; PREFIX='${prefix}'; _dlpath`;
    const r = spawnSync('zsh', ['-f', '-c', script], { env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.split('\n').filter(Boolean);
  };
  assert.deepEqual(tab(['dlpath', 'class', '']).sort(), CLASS_SUBCOMMANDS);
  const opts = tab(['dlpath', 'class', 'report', '--'], '--');
  assert.ok(opts.includes('--url') && opts.includes('--html'), opts.join(' '));
  assert.ok(!tab(['dlpath', 'class', 'join', '--'], '--').includes('--url'));
});

test('fish: `dlpath class <Tab>` offers its subcommands, `dlpath class report --` their options', { skip: !has('fish') && 'fish is not installed' }, () => {
  const { dir, env } = setup();
  const file = path.join(dir, 'dlpath.fish');
  fs.writeFileSync(file, dlpath(['completion', 'fish']).stdout);
  const tab = (line) => {
    const r = spawnSync('fish', ['-c', `source '${file}'; complete -C '${line}'`], { env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]).sort();
  };
  assert.deepEqual(tab('dlpath class '), CLASS_SUBCOMMANDS);
  assert.deepEqual(tab('dlpath sy'), ['sync']);
  assert.deepEqual(tab('dlpath class report --u'), ['--url']);
  assert.deepEqual(tab('dlpath class report --ht'), ['--html']);
  assert.deepEqual(tab('dlpath class report '), [], 'no subcommand after one');
});
