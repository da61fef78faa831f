// Start-up stays lean: once the course is compiled, the read-only commands and a check of an untouched
// starter load neither the YAML parser nor the prompt library (NODE_DEBUG=module lists every package
// file Node loads). Speed itself is measured by `npm run bench`, not here: no assertion on time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dlpath, tempDir, copyFixture } from './helpers.mjs';

const loaded = (r) => [...r.stderr.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].map((x) => x[1]);

test('next, path, progress and a check of an untouched starter load no YAML parser and no prompts', () => {
  const o = { home: tempDir(), curriculum: copyFixture('tasks-basic') };
  assert.equal(dlpath(['task', 'scale'], o).code, 0); // compiles the course (that may load the parser)
  for (const args of [['next', '--json'], ['path'], ['progress', '--json'], ['check', 'scale']]) {
    const r = dlpath(args, { ...o, env: { NODE_DEBUG: 'module' } });
    assert.ok(r.code === 0 || (args[0] === 'check' && r.code === 1), `${args.join(' ')}: ${r.code}`);
    const pkgs = new Set(loaded(r));
    assert.ok(!pkgs.has('yaml') && !pkgs.has('@inquirer/prompts'), `${args.join(' ')} loaded ${[...pkgs].join(', ')}`);
    assert.ok(!pkgs.has('pg'), `${args.join(' ')} loaded node-postgres`);
    // better-sqlite3's JavaScript comes from the bundle: only its native addon is loaded from the package.
    assert.doesNotMatch(r.stderr, /better-sqlite3[\\/]lib[\\/]/, `${args.join(' ')} loaded better-sqlite3's files one by one`);
    assert.match(r.stderr, /better_sqlite3\.node/);
  }
  // The same listing does show the parser where it is needed: validating a course.
  const v = dlpath(['validate', o.curriculum], { ...o, env: { NODE_DEBUG: 'module' } });
  assert.equal(v.code, 0, v.stdout);
  assert.ok(loaded(v).includes('yaml'));
  // and node-postgres where a class server is reached (a closed port: the command fails, having loaded it).
  const s = dlpath(['class', 'init', 'postgresql://x:y@127.0.0.1:1/z'], { ...o, env: { NODE_DEBUG: 'module' } });
  assert.equal(s.code, 4, s.stderr);
  assert.ok(loaded(s).includes('pg'));
});

test('a copy of the package whose files got new times in any order still runs the bundle; a tsc run after it does not', async () => {
  const { ROOT, testEnv } = await import('./helpers.mjs');
  const fs = await import('node:fs');
  const path = await import('node:path');
  const { spawnSync } = await import('node:child_process');
  // The bundle and what it needs, and dist/main.js alone: the unbundled dist/ would fail to start here.
  const pkg = tempDir();
  for (const d of ['bin', 'dist/bundle', 'dist/course', 'dist/main.js', 'curriculum', 'package.json']) {
    fs.cpSync(path.join(ROOT, d), path.join(pkg, d), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
  const bundle = path.join(pkg, 'dist', 'bundle', 'dlpath.cjs');
  const run = (mainLater) => {
    const t = fs.statSync(bundle).mtime;
    fs.utimesSync(path.join(pkg, 'dist', 'main.js'), t, new Date(t.getTime() + mainLater));
    return spawnSync(process.execPath, [path.join(pkg, 'bin', 'dlpath'), '--home', tempDir(), 'path', '--json'], { env: testEnv(), encoding: 'utf8' });
  };
  // Copied after the bundle, a moment later: the bundle runs.
  const copied = run(200);
  assert.equal(copied.status, 0, copied.stderr);
  assert.equal(JSON.parse(copied.stdout).tracks.length > 0, true);
  // Written by tsc well after the bundle: dist/ runs unbundled (here it cannot: its modules were not copied).
  const stale = run(10_000);
  assert.notEqual(stale.status, 0);
  assert.match(stale.stderr, /dist[\\/](cli|commands|adapters|core|i18n)/);
});
