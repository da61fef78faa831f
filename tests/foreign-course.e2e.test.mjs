// A course that is not the shipped one, kept in its own folder outside this repository
// (tests/fixtures/regex-course, copied to a temporary folder): an author validates it from inside
// its folder, and a learner walks it with the commands dlpath itself prints, copied as printed,
// checking its standard-library task under a Python that has no NumPy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { BIN, FIXTURES, ROOT, tempDir, testEnv } from './helpers.mjs';

/** The fixture course, copied outside the repository. */
function course() {
  const dir = path.join(tempDir('dlpath-course-'), 'regex-course');
  fs.cpSync(path.join(FIXTURES, 'regex-course'), dir, { recursive: true });
  assert.ok(!path.relative(ROOT, dir).match(/^[^.]/), 'the copy is outside the repository');
  return dir;
}

/** `dlpath ...` as a shell would run it: the words after `dlpath`, from `cwd`. */
function run(words, { cwd, home, env = {}, input = '' }) {
  const r = spawnSync(process.execPath, [BIN, ...words], {
    cwd, input, encoding: 'utf8', timeout: 60000, env: testEnv({ DLPATH_HOME: home, ...env }),
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}

/** The words of a command line as the shell splits them (bare words and '...' quoting). */
function shellWords(line) {
  return [...line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((w) => (w[1] !== undefined ? w[1].replace(/'\\''/g, "'") : w[2]));
}

/** The last `dlpath <command> ...` dlpath printed for the learner to type (in backticks, after "Run:", or in parentheses). */
function printed(out, command) {
  const all = [...out.matchAll(/dlpath ((?:--curriculum (?:'[^']*'|\S+) )?(?:learn|quiz|task|check|hint|solution|review|path|next)\b[^`)\n]*)/g)];
  const hits = command ? all.filter((h) => shellWords(h[1]).includes(command)) : all;
  assert.ok(hits.length, `dlpath printed a ${command ?? ''} command:\n${out}`);
  return shellWords(hits[hits.length - 1][1].trim());
}

/** A Python without NumPy: a fresh virtual environment (no site-packages of the system). */
function pythonWithoutNumpy() {
  const venv = path.join(tempDir('dlpath-venv-'), 'py');
  const made = spawnSync('python3', ['-m', 'venv', '--without-pip', venv], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const py = path.join(venv, 'bin', 'python');
  assert.notEqual(spawnSync(py, ['-c', 'import numpy']).status, 0, 'numpy cannot be imported there');
  return py;
}

test('validate with no folder, from inside the course, checks that course and says so', () => {
  const dir = course();
  const home = tempDir();
  const r = run(['validate', '--strict'], { cwd: path.join(dir, 'modules', 're-groups'), home });
  assert.equal(r.code, 0, r.out);
  assert.match(r.stdout, new RegExp(`^Checking the course in ${dir} \\(the nearest folder from here that holds curriculum\\.yaml\\)`));
  assert.match(r.stdout, /regex-course: valid\. 2 modules, 6 questions, 1 tasks\./);
  // A mistake in the course shows: it really is this course that was checked, not the one in use.
  fs.appendFileSync(path.join(dir, 'modules', 're-basics', 'module.yaml'), 'colour: red\n');
  const bad = run(['validate'], { cwd: dir, home });
  assert.equal(bad.code, 3, bad.out);
  assert.match(bad.stdout, /modules\/re-basics\/module\.yaml:\d+:1: colour: unknown key "colour"/);
  // Outside any course, it falls back to the course in use and says that instead.
  const away = run(['validate'], { cwd: tempDir(), home, env: { DLPATH_CURRICULUM: dir } });
  assert.match(away.stdout, new RegExp(`^Checking the course in use, ${dir} \\(no curriculum\\.yaml`));
});

test('dlpath schema --out writes the schemas beside the course: its own $schema lines resolve, and the files pass them', () => {
  const dir = course();
  const r = run(['schema', '--out', 'schema'], { cwd: dir, home: tempDir() });
  assert.equal(r.code, 0, r.out);
  assert.match(r.stdout, /# yaml-language-server: \$schema=schema\/curriculum\.schema\.json +\(curriculum\.yaml\)/);
  assert.match(r.stdout, /# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/module\.schema\.json +\(modules\/\*\/module\.yaml\)/);
  const require = createRequire(import.meta.url);
  const YAML = require('yaml');
  const ajv = new (require('ajv'))({ allErrors: true, strict: false });
  const files = ['curriculum.yaml', 'modules/re-basics/module.yaml', 'modules/re-groups/module.yaml'];
  for (const f of files) {
    const abs = path.join(dir, f);
    const line = /^# yaml-language-server: \$schema=(\S+)$/.exec(fs.readFileSync(abs, 'utf8').split('\n')[0]);
    assert.ok(line, `${f} has the $schema line`);
    const schemaFile = path.resolve(path.dirname(abs), line[1]);
    assert.ok(fs.existsSync(schemaFile), `${line[1]} resolves from ${f}`);
    const check = ajv.getSchema(JSON.parse(fs.readFileSync(schemaFile, 'utf8')).$id) ?? ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
    assert.ok(check(YAML.parse(fs.readFileSync(abs, 'utf8'))), `${f}: ${ajv.errorsText(check.errors)}`);
  }
});

test('a learner walks the course with the commands dlpath prints, copied as printed; its task passes under a Python without NumPy', () => {
  const dir = course();
  const home = tempDir();
  const elsewhere = tempDir(); // the learner's shell is not in the course folder
  const py = pythonWithoutNumpy();
  const opts = { cwd: elsewhere, home, env: { DLPATH_PYTHON: py } };

  // --help and doctor name the course; doctor does not ask for NumPy, which no task lists.
  const help = run(['--curriculum', dir, '--help'], opts);
  assert.match(help.stdout, /Regular expressions with Python's re: a course in the dlpath terminal tutor\.\s+Match, search/);
  const doctor = run(['--curriculum', dir, 'doctor'], opts);
  assert.equal(doctor.code, 0, doctor.out);
  assert.match(doctor.stdout, /NumPy +not installed; no task of this course lists it/);
  assert.match(doctor.stdout, /Curriculum +Regular expressions with Python's re · /);

  // The course is given once; from then on every command comes from dlpath's own output.
  let r = run(['--curriculum', dir, 'next'], opts);
  assert.match(r.stdout, /^Regular expressions with Python's re\nMatch, search/, 'the welcome names the course');
  const answers = {
    're-basics': { 're-match-start': 'a', 're-findall-group': true, 're-findall-count': 3, 're-raw-prefix': 'r 前缀' },
    're-groups': { 're-fullmatch-date': ['a', 'c'], 're-group-numbers': ['b', 'c', 'a'] },
  };
  const seen = [];
  for (let step = 0; step < 12 && !/You have finished the whole path/.test(r.out); step++) {
    const words = printed(r.out);
    assert.deepEqual(words.slice(0, 2), ['--curriculum', dir], `the printed command carries the course: ${words.join(' ')}`);
    const [command, id] = words.slice(2);
    seen.push(id ? `${command} ${id}` : command);
    if (command === 'review') {
      r = run(words, opts);
      assert.equal(r.code, 0, r.out);
      break;
    }
    if (command === 'quiz') {
      const file = path.join(home, `${id}.json`);
      fs.writeFileSync(file, JSON.stringify(answers[id]));
      r = run([...words, '--answers', file], opts);
    } else if (command === 'task') {
      r = run(words, opts);
      assert.equal(r.code, 0, r.out);
      const file = r.stdout.match(/Your file: (\S+)/)[1];
      // The learner's first attempt forgets \b; then writes it right.
      fs.copyFileSync(path.join(dir, 'modules/re-groups/tasks/find_dates/wrong/no_boundary.py'), file);
      const check = printed(r.out, 'check');
      const failed = run(check, opts);
      assert.equal(failed.code, 1, failed.out);
      assert.match(failed.stdout, /✘ no date inside a longer run of digits/);
      assert.doesNotMatch(failed.out, /numpy|NumPy/);
      fs.copyFileSync(path.join(dir, 'modules/re-groups/tasks/find_dates/solution.py'), file);
      r = run(check, opts); // the same command again, as a learner would
      assert.equal(r.code, 0, r.out);
      assert.match(r.stdout, /All 5 tests passed/);
      continue;
    } else {
      r = run(words, opts);
    }
    assert.equal(r.code, 0, `${words.join(' ')}\n${r.out}`);
  }
  assert.deepEqual(seen, ['learn re-basics', 'quiz re-basics', 'next', 'learn re-groups', 'quiz re-groups', 'next', 'task find_dates', 'review']);
  const progress = run(['--curriculum', dir, 'progress'], opts);
  assert.match(progress.stdout, /100%/);
  // A printed command without the course would have opened the shipped one: that is what it guards against.
  assert.equal(run(['learn', 're-basics'], opts).code, 2);
  // Typed inside the course's folder, the mistake says which course is here and how to use it.
  const inside = run(['learn', 're-basics'], { ...opts, cwd: path.join(dir, 'modules') });
  assert.equal(inside.code, 2);
  assert.match(inside.stderr, new RegExp(`The course in ${dir} is not the one in use: add \`--curriculum ${dir}\``));
});
