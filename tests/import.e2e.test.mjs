// `dlpath import`: two homes (a laptop and a GPU machine) walk different parts of the loop fixture, one
// resets a module in between; each imports the other's export in both orders and twice, and all end with
// the same progress. Damaged, newer and other-course files are refused with nothing written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dlpath, tempDir, copyFixture, openDb } from './helpers.mjs';

const curriculum = copyFixture('loop');

function home() { return tempDir('dlpath-import-'); }
function run(h, args, extra = {}) { return dlpath(args, { home: h, curriculum, ...extra }); }
function ok(h, args, extra) {
  const r = run(h, args, extra);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}${r.stdout}`);
  return r;
}
function exportOf(h) {
  const file = path.join(tempDir(), 'export.json');
  ok(h, ['export', '--out', file]);
  return file;
}
function progress(h) { return JSON.parse(ok(h, ['progress', '--json']).stdout); }
function review(h) { return JSON.parse(ok(h, ['review', '--json']).stdout); }
function clone(h) { const d = home(); fs.cpSync(h, d, { recursive: true }); return d; }
async function count(h) { const db = await openDb(h); try { return db.prepare('SELECT count(*) FROM events').pluck().get(); } finally { db.close(); } }
function answers(text) { const f = path.join(tempDir(), 'answers.yaml'); fs.writeFileSync(f, text); return f; }
function sleep(ms) { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms); }

/** The two machines: A passes lp-one's quiz; B then resets lp-one and reads it again; then A solves the task. */
function walk() {
  const a = home();
  const b = home();
  ok(a, ['learn', 'lp-one']);
  const q = run(a, ['quiz', 'lp-one', '--answers', answers('lp-sum: 4\n')]);
  assert.equal(q.code, 0, q.stderr);
  sleep(5);
  ok(b, ['learn', 'lp-one']);
  assert.equal(run(b, ['quiz', 'lp-one', '--answers', answers('lp-sum: 5\n')]).code, 1);
  ok(b, ['reset', 'lp-one', '--yes']);
  ok(b, ['learn', 'lp-one']);
  sleep(5);
  ok(a, ['task', 'double']);
  fs.copyFileSync(path.join(curriculum, 'modules/lp-one/tasks/double/solution.py'), path.join(a, 'workspace/lp-one/double.py'));
  ok(a, ['check', 'double']);
  ok(a, ['hint', 'double']);
  return { a, b };
}

test('two machines, imported into each other in both orders and twice: the same progress everywhere, resets by time', async () => {
  const { a, b } = walk();
  const fileA = exportOf(a);
  const fileB = exportOf(b);
  const exp = JSON.parse(fs.readFileSync(fileA, 'utf8'));
  assert.equal(exp.format, 'dlpath-export');
  assert.equal(exp.course, 'loop');
  const nA = exp.events.length;
  const nB = JSON.parse(fs.readFileSync(fileB, 'utf8')).events.length;

  // Rebuilt from the events alone, a history gives what the machine that lived it shows.
  for (const [h, f] of [[a, fileA], [b, fileB]]) {
    const fresh = home();
    ok(fresh, ['import', f]);
    assert.deepEqual(progress(fresh), progress(h));
    assert.deepEqual(review(fresh), review(h));
  }

  // A dry run says what would come, and writes nothing.
  const dry = ok(clone(a), ['import', fileB, '--dry-run']);
  assert.match(dry.stdout, new RegExp(`Would import ${nB} events .*Nothing was written`));
  assert.match(dry.stdout, /reset: 1/);
  const empty = home();
  assert.match(ok(empty, ['import', fileB, '--dry-run']).stdout, new RegExp(`Would import ${nB} events .*\\(0 are here already\\)`));
  assert.ok(!fs.existsSync(path.join(empty, 'progress.db')), 'a dry run makes no database');

  // Order 1: B's file into A, then A's (now merged) export into B.
  const a1 = clone(a); const b1 = clone(b);
  const r1 = ok(a1, ['import', fileB]);
  assert.match(r1.stdout, new RegExp(`Imported ${nB} events`));
  ok(b1, ['import', exportOf(a1)]);
  // Order 2: A's file into B, then B's export into A.
  const a2 = clone(a); const b2 = clone(b);
  ok(b2, ['import', fileA]);
  ok(a2, ['import', exportOf(b2)]);
  // Directly crossed: each original file into the other home.
  const a3 = clone(a); const b3 = clone(b);
  ok(a3, ['import', fileB]);
  ok(b3, ['import', fileA]);

  const homes = [a1, b1, a2, b2, a3, b3];
  const want = progress(a1);
  for (const h of homes) {
    assert.deepEqual(progress(h), want, `progress of ${h}`);
    assert.deepEqual(review(h), review(a1));
    assert.equal(await count(h), nA + nB);
  }
  // Twice: nothing added, nothing changed.
  for (const [h, f] of [[a1, fileB], [b1, fileA], [a3, fileB], [a3, fileA]]) {
    const again = ok(h, ['import', f]);
    assert.match(again.stdout, /Nothing to import .*here already/);
    assert.equal(await count(h), nA + nB);
  }
  assert.deepEqual(progress(a1), want);

  // What the merged progress says: B's reset (after A passed the quiz) starts lp-one over; B read it again;
  // A's task pass came after the reset, so it counts in the new round.
  const one = want.tracks[0].modules.find((x) => x.id === 'lp-one');
  assert.equal(one.lesson_read, true);
  assert.equal(one.quiz_best, null, "A's quiz pass was before B's reset");
  assert.equal(one.quiz_passed, false);
  assert.equal(one.tasks_passed, 1, "A's task pass was after B's reset");
  // Before the import, A had the quiz passed (its own history, no reset).
  assert.equal(progress(a).tracks[0].modules.find((x) => x.id === 'lp-one').quiz_passed, true);
  // The events keep their ids across machines.
  const merged = JSON.parse(fs.readFileSync(exportOf(a1), 'utf8')).events;
  const uids = new Set(merged.map((e) => e.uid));
  for (const e of exp.events) assert.ok(uids.has(e.uid));
});

test('a damaged file, one from a newer dlpath, and one from another course are refused; nothing is written', async () => {
  const h = home();
  ok(h, ['learn', 'lp-one']);
  const good = JSON.parse(fs.readFileSync(exportOf(home()), 'utf8'));
  const other = home();
  ok(other, ['learn', 'lp-two']);
  const src = JSON.parse(fs.readFileSync(exportOf(other), 'utf8'));
  const write = (doc) => { const f = path.join(tempDir(), 'x.json'); fs.writeFileSync(f, typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2)); return f; };
  const before = await count(h);
  const cases = [
    [write(JSON.stringify(src, null, 2).slice(0, 200)), 2, /not a readable dlpath export: it is not valid JSON \(line \d+, column \d+\)/],
    [write({ ...src, format_version: 99 }), 4, /written by a newer dlpath \(export format 99; this one reads up to 1\)/],
    [write({ ...src, course: 'mini' }), 2, /holds progress in the course "mini"; this course is "loop"/],
    [write({ ...src, events: [{ ...src.events[0], uid: 'x' }] }), 2, /event 1 has a bad or missing uid/],
    [write({ ...src, events: [src.events[0], src.events[0]] }), 2, /event 2 repeats the id/],
    [write({ ...src, events: [{ ...src.events[0], ts: 'yesterday' }] }), 2, /event 1 has a bad or missing ts/],
    [write({ hello: 1 }), 2, /it has no list of events/],
    [path.join(tempDir(), 'missing.json'), 2, /Cannot read .*ENOENT/],
  ];
  for (const [f, code, re] of cases) {
    const r = run(h, ['import', f]);
    assert.equal(r.code, code, `${re}: ${r.stderr}`);
    assert.match(r.stderr, re);
    assert.match(r.stderr, /Nothing was imported|export/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
    assert.equal(await count(h), before);
  }
  // An export from before files named their course or their events' ids: ids from the content, so twice adds nothing;
  // a module this course lacks marks it as another course's.
  const legacy = { exported_at: src.exported_at, events: src.events.map(({ uid, ...e }) => e) };
  assert.match(ok(h, ['import', write(legacy)]).stdout, /Imported 1 event/);
  assert.match(ok(h, ['import', write(legacy)]).stdout, /Nothing to import/);
  const foreign = { exported_at: src.exported_at, events: [{ ...legacy.events[0], module: 'alpha' }] };
  const r = run(h, ['import', write(foreign)]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /modules this course does not have \(alpha\)/);
  assert.ok(good.events.length === 0);
  // In Chinese.
  const zh = run(h, ['import', write({ ...src, course: 'mini' }), '--lang', 'zh']);
  assert.match(zh.stderr, /记录的是课程“mini”的进度；当前课程是“loop”。没有导入任何内容。/);
});
