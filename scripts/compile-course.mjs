// Compiles the shipped course into dist/course (npm's prepare, build and test run it after tsc), so
// that a learner's first command reads a ready outline instead of parsing every YAML file. A course
// that does not validate is reported and left uncompiled: dlpath then compiles it on first use.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(process.execPath, [path.join(root, 'dist/adapters/curriculum/compile-main.js'),
  path.join(root, 'curriculum'), path.join(root, 'dist/course')], { stdio: 'inherit' });
if (r.status !== 0) console.warn('warning: the shipped course was not compiled (see above); dlpath will compile it on first use');
