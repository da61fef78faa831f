// `dlpath watch`: checks again when the file is saved (also when an editor replaces it), q quits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, dlpath, tempDir, testEnv, hasTmux, FIXTURES } from './helpers.mjs';

const CURRICULUM = path.join(FIXTURES, 'tasks-basic');
const LEARNERS = path.join(CURRICULUM, 'learners');

function startedHome() {
  const home = tempDir();
  assert.equal(dlpath(['task', 'scale'], { home, curriculum: CURRICULUM }).code, 0);
  const file = path.join(home, 'workspace', 'tb-vectors', 'scale.py');
  fs.copyFileSync(path.join(LEARNERS, 'fails.py'), file);
  return { home, file };
}

/** Saves like many editors do: write a new file beside it, then rename it over the old one. */
function saveByRename(file, content) {
  const tmp = `${file}.swp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(get, re, ms = 60000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (re.test(get())) return;
    await sleep(50);
  }
  assert.fail(`timed out waiting for ${re}; got:\n${get()}`);
}

test('watch (no terminal): re-checks on a save by rename, "q" and Enter stops it, exit 0', async () => {
  const { home, file } = startedHome();
  const env = { ...testEnv(), DLPATH_HOME: home, DLPATH_CURRICULUM: CURRICULUM };
  const p = spawn(process.execPath, [BIN, 'watch'], { env });
  let out = '';
  p.stdout.on('data', (d) => { out += d; });
  p.stderr.on('data', (d) => { out += d; });
  const exited = new Promise((resolve) => p.on('close', resolve));
  try {
  await until(() => out, /0 of 3 tests passed[\s\S]*Watching/);
  saveByRename(file, fs.readFileSync(path.join(LEARNERS, 'passes.py'), 'utf8'));
  await until(() => out, /All 3 tests passed[\s\S]*is still watched/);
  assert.match(out, /Task scale done!/);
  // One save is one check, whatever burst of events the rename caused.
  await sleep(400);
  assert.equal(out.match(/Checking scale/g).length, 2);
  p.stdin.write('q\n');
  assert.equal(await exited, 0);
  assert.match(out, /Stopped watching\./);
  } finally {
    p.kill('SIGKILL');
  }
});

test('watch in a real terminal: clears the screen between runs, q quits', { skip: !hasTmux() && 'tmux is not installed' }, async () => {
  const { home, file } = startedHome();
  const session = `dlpath-watch-${process.pid}`;
  const done = path.join(tempDir(), 'exit-code');
  const cmd = `DLPATH_HOME='${home}' DLPATH_CURRICULUM='${CURRICULUM}' NO_COLOR=1 LANG=en_US.UTF-8 '${process.execPath}' '${BIN}' watch scale; echo $? > '${done}'; sleep 30`;
  assert.equal(spawnSync('tmux', ['new-session', '-d', '-s', session, '-x', '120', '-y', '50', cmd]).status, 0);
  const screen = () => spawnSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' }).stdout ?? '';
  try {
    await until(screen, /0 of 3 tests passed[\s\S]*q or Ctrl-C: stop/);
    fs.writeFileSync(file, fs.readFileSync(path.join(LEARNERS, 'passes.py'), 'utf8'));
    await until(screen, /All 3 tests passed/);
    // The screen was cleared: the failing run is no longer on it.
    assert.doesNotMatch(screen(), /0 of 3 tests passed/);
    spawnSync('tmux', ['send-keys', '-t', session, 'q']);
    await until(() => (fs.existsSync(done) ? fs.readFileSync(done, 'utf8') : ''), /^\d+/);
    assert.equal(fs.readFileSync(done, 'utf8').trim(), '0');
    assert.match(screen(), /Stopped watching/);
  } finally {
    spawnSync('tmux', ['kill-session', '-t', session]);
  }
});

test('watch on a passed task says so and n goes on to the next step; h shows a hint', async () => {
  const { home, file } = startedHome();
  fs.copyFileSync(path.join(LEARNERS, 'passes.py'), file);
  assert.equal(dlpath(['check', 'scale'], { home, curriculum: CURRICULUM }).code, 0);
  const env = { ...testEnv(), DLPATH_HOME: home, DLPATH_CURRICULUM: CURRICULUM };
  const p = spawn(process.execPath, [BIN, 'watch'], { env });
  let out = '';
  p.stdout.on('data', (d) => { out += d; });
  p.stderr.on('data', (d) => { out += d; });
  const exited = new Promise((resolve) => p.on('close', resolve));
  try {
    await until(() => out, /You have already passed scale\.[\s\S]*Type n and Enter to go on to the next step/);
    assert.doesNotMatch(out, /Checking scale/, 'nothing changed since the pass: no check is run');
    p.stdin.write('h\n');
    await until(() => out, /Hint 1 of 2 for scale:[\s\S]*Multiply\./);
    p.stdin.write('n\n');
    assert.equal(await exited, 0);
    assert.match(out, /Next on your path: Solve the task "Scale, with a short time limit"[\s\S]*Run: dlpath task spin/);
  } finally {
    p.kill('SIGKILL');
  }
});

test('paths are OSC 8 links where the terminal supports them, plain text otherwise', () => {
  const home = tempDir();
  const file = path.join(home, 'workspace', 'tb-vectors', 'scale.py');
  let r = dlpath(['task', 'scale'], { home, curriculum: CURRICULUM, env: { NO_COLOR: '', FORCE_COLOR: '1', FORCE_HYPERLINK: '1' } });
  assert.ok(r.stdout.includes(`\u001b]8;;file://`), r.stdout);
  assert.ok(r.stdout.includes(`${encodeURI(file)}\u001b\\${file}\u001b]8;;\u001b\\`));
  r = dlpath(['task', 'scale'], { home, curriculum: CURRICULUM, env: { NO_COLOR: '', FORCE_COLOR: '1', TMUX: '/tmp/x' } });
  assert.doesNotMatch(r.stdout, /\u001b\]8;/);
  assert.ok(r.stdout.includes(file));
});
