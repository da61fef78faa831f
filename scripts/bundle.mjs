// Bundles dist/ (tsc's output) and its pure-JS dependencies into one CommonJS file,
// dist/bundle/dlpath.cjs, which bin/dlpath loads with V8's code cache: Node 20 has no
// module.enableCompileCache (22.1+), and a code cache needs a classic script, not ES modules.
// npm's prepare, build and test run it after tsc. Measured by `npm run bench` (see README).
import fs from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'bundle', 'dlpath.cjs');

/** `createRequire(import.meta.url)('x')` (how the ES modules load CommonJS packages fast) becomes a plain require, so it is bundled or left to Node. */
const plainRequire = {
  name: 'plain-require',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => ({
      contents: fs.readFileSync(args.path, 'utf8')
        .replace(/createRequire\(import\.meta\.url\)\(/g, 'require(')
        // A dynamic import of a package left out (ESM-only ones among them) goes through bin/dlpath's own
        // import(): code run from a V8 code cache cannot use the vm's.
        .replace(/\bimport\((['"])([^.'"][^'"]*)\1\)/g, '__dlpath_import($1$2$1)'),
      loader: 'js',
    }));
  },
};

let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  // Without esbuild (a node_modules installed before it was added): bin/dlpath runs dist/main.js, only slower.
  console.warn('warning: esbuild is not installed (npm install): dlpath runs unbundled, without its code cache');
  process.exit(0);
}

/**
 * node:child_process costs about 2 ms to load, and commander (for subcommands dlpath has none of) and the
 * pager load it at start-up: in the bundle it is a module whose functions load it on first call.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      (args.namespace === 'lazy-child-process' ? { path: 'node:child_process', external: true } : { path: 'child_process', namespace: 'lazy-child-process' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork']
        .map((f) => `export function ${f}(...a) { return require('node:child_process').${f}(...a); }`).join('\n'),
      loader: 'js',
    }));
  },
};

/**
 * better-sqlite3's JavaScript (a dozen small files the CommonJS loader would find and compile on every start)
 * goes into the bundle; its native addon stays in its package, found where the \`bindings\` package looks
 * first (build/, build/Debug, build/Release), and by \`bindings\` itself otherwise.
 */
const sqliteAddon = {
  name: 'sqlite-addon',
  setup(b) {
    b.onResolve({ filter: /^bindings$/ }, (args) =>
      (/better-sqlite3/.test(args.importer) ? { path: 'bindings', namespace: 'sqlite-addon' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'sqlite-addon' }, () => ({
      contents: `const fs = require('node:fs'); const path = require('node:path');
module.exports = function bindings(name) {
  const dir = path.dirname(require.resolve('better-sqlite3/package.json'));
  for (const sub of ['build', 'build/Debug', 'build/Release']) {
    const file = path.join(dir, sub, name);
    if (fs.existsSync(file)) return require(file);
  }
  return require(require.resolve('bindings', { paths: [dir] }))(name);
};`,
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: [path.join(root, 'dist', 'main.js')],
  outfile: out,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The packages only some commands
  // load (the YAML parser for compiling a course, prompts, colours, scheduling, RE2): the bundle is the
  // hot path, and each start reads it whole.
  external: ['better-sqlite3/package.json', 'yaml', '@inquirer/prompts', 'chalk', 'ts-fsrs', 're2js', 'pg'],
  // Where the bundle lies, given by bin/dlpath: two folders below the package root, as dist/*/x.js are.
  define: { 'import.meta.url': '__dlpath_url' },
  plugins: [plainRequire, lazyChildProcess, sqliteAddon],
  logLevel: 'warning',
});

// V8's code cache for it, holding the functions the hot commands run: bin/dlpath makes it on a run without
// one, and DLPATH_WRITE_CODE_CACHE has each run below write it again with what that run compiled too. A cache
// of every function (--no-lazy) is three times larger, and deserialising it cost each start about 2 ms more
// than the functions another command compiles lazily (npm run bench). A stale cache V8 rejects is remade.
const cache = `${out}.cache`;
fs.rmSync(cache, { force: true });
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dlpath-bundle-'));
const env = { ...process.env, DLPATH_WRITE_CODE_CACHE: '1', NO_COLOR: '1', DLPATH_LANG: 'en' };
for (const k of ['DLPATH_HOME', 'DLPATH_CURRICULUM']) delete env[k];
const warm = [['--version'], ['path'], ['path', '--json'], ['progress'], ['progress', '--json'], ['next'], ['next', '--json'],
  ['task', 'pairwise_sq_dists'], ['check', 'pairwise_sq_dists'], ['path']];
try {
  for (const args of warm) {
    spawnSync(process.execPath, [path.join(root, 'bin', 'dlpath'), '--home', home, ...args], { env, stdio: 'ignore' });
  }
} finally {
  fs.rmSync(home, { recursive: true, force: true });
}
const before = fs.statSync(cache, { throwIfNoEntry: false })?.mtimeMs;
const r = spawnSync(process.execPath, [path.join(root, 'bin', 'dlpath'), '--version'], { encoding: 'utf8' });
if (before === undefined || r.status !== 0 || fs.statSync(cache).mtimeMs !== before) {
  console.warn(`warning: bin/dlpath did not accept the code cache of ${out}${r.stderr ? `:\n${r.stderr}` : ''}`);
}
