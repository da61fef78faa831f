// Shared helpers for the end-to-end tests: run the real bin/dlpath with a temporary home.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'dlpath');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const SHIPPED = path.join(ROOT, 'curriculum');

const made = [];
process.on('exit', () => { for (const dir of made) fs.rmSync(dir, { recursive: true, force: true }); });

/** A fresh temporary folder, removed when the process exits (one exit listener for all of them). */
export function tempDir(prefix = 'dlpath-test-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** The environment a test run gets: no colour, English, no inherited dlpath settings. */
export function testEnv(extra = {}) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('DLPATH_')) delete env[k];
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.FORCE_COLOR;
  return { ...env, NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: '', ...extra };
}

/**
 * Runs bin/dlpath synchronously. opts: home, curriculum, input (stdin text), env, cwd.
 * Returns { code, stdout, stderr }.
 */
export function dlpath(args, opts = {}) {
  const env = testEnv(opts.env);
  if (opts.home) env.DLPATH_HOME = opts.home;
  if (opts.curriculum) env.DLPATH_CURRICULUM = opts.curriculum;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env, cwd: opts.cwd ?? ROOT, input: opts.input ?? '', encoding: 'utf8', timeout: opts.timeout ?? 60000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Like dlpath(), asynchronously, for runs that overlap. */
export function dlpathAsync(args, opts = {}) {
  const env = testEnv(opts.env);
  if (opts.home) env.DLPATH_HOME = opts.home;
  if (opts.curriculum) env.DLPATH_CURRICULUM = opts.curriculum;
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { env, cwd: opts.cwd ?? ROOT });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
    p.stdin.end(opts.input ?? '');
  });
}

/**
 * Copies a fixture curriculum to a temporary folder (so a test may change it) and returns the copy.
 * `timeLimit` (seconds) replaces every task's time_limit: a test that needs reference solutions to
 * pass, and does not test the time limit itself, injects a generous one, so that a busy machine
 * (where importing NumPy alone can take seconds) cannot fail it.
 */
export function copyFixture(name, { timeLimit } = {}) {
  const dest = path.join(tempDir(), name);
  fs.cpSync(path.join(FIXTURES, name), dest, { recursive: true });
  if (timeLimit !== undefined) {
    const modules = path.join(dest, 'modules');
    for (const id of fs.readdirSync(modules)) {
      const file = path.join(modules, id, 'module.yaml');
      if (fs.existsSync(file)) fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/time_limit: \d+/g, `time_limit: ${timeLimit}`));
    }
  }
  return dest;
}

/** Writes files (relative path → content) under dir, creating folders. */
export function writeTree(dir, files) {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return dir;
}

/** Opens a dlpath progress.db read-only with better-sqlite3 (for asserting what was stored). */
export async function openDb(home) {
  const { default: Database } = await import('better-sqlite3');
  return new Database(path.join(home, 'progress.db'), { readonly: true, fileMustExist: true });
}

/** Whether tmux can be used for a real-terminal test. */
export function hasTmux() {
  return spawnSync('tmux', ['-V']).status === 0;
}

/**
 * A shell in a tmux session, for driving dlpath as a person would. `env` is exported in the shell;
 * `screen()` reads the pane, `waitFor(re)` polls it with a generous deadline (busy machines),
 * `keys(...)` types, `close()` ends the session.
 */
export function tmuxShell(name, { width = 100, height = 24, env = {} } = {}) {
  const session = `dlpath-${name}-${process.pid}`;
  const run = (...args) => spawnSync('tmux', args, { encoding: 'utf8' });
  const vars = { ...testEnv(), ...env };
  run('new-session', '-d', '-s', session, '-x', String(width), '-y', String(height),
    'env', '-i', ...Object.entries(vars).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`), 'PS1=$ ',
    'bash', '--norc', '--noprofile');
  const screen = () => run('capture-pane', '-p', '-J', '-t', session).stdout;
  return {
    session,
    screen,
    keys: (...k) => run('send-keys', '-t', session, ...k),
    /** Types a line literally and presses Enter. */
    type: (line) => { run('send-keys', '-t', session, '-l', line); run('send-keys', '-t', session, 'Enter'); },
    async waitFor(re, ms = 60000) {
      const end = Date.now() + ms;
      let s = '';
      while (Date.now() < end) {
        s = screen();
        if (re.test(s)) return s;
        await new Promise((r) => setTimeout(r, 150));
      }
      throw new Error(`timed out waiting for ${re} on screen:\n${s}`);
    },
    clear: () => { run('send-keys', '-t', session, 'clear', 'Enter'); run('clear-history', '-t', session); },
    close: () => run('kill-session', '-t', session),
  };
}

/** Debian's Chromium, for the tests that open a page in a real browser (.ci/run installs it); undefined when missing. */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

/** Headless Chromium with a profile of its own; the page's console lines (errors, CSP violations) as consoleLines. */
export function chromium(args) {
  const profile = tempDir('dlpath-chromium-');
  const r = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0', ...args],
  { encoding: 'utf8', timeout: 120000, maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  const consoleLines = r.stderr.split('\n').filter((l) => /:CONSOLE[:(]/.test(l));
  return { ...r, consoleLines };
}
