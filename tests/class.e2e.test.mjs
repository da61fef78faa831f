// A class on a real PostgreSQL server (tests/pg.mjs: .ci/run's, or a throwaway cluster), driven through the
// real bin/dlpath: a teacher inits and adds learners, learners (one with two machines) take the quiz-basic
// fixture's quiz and sync, the report's figures equal the homes' own progress, and the row-level-security
// policies stop every attempt to read or change what is not one's own; the report's page is opened in
// headless Chromium (where installed: .ci/run installs it). The other class files, run beside
// this one (each on its own databases): class-failures (a server down, a cut, a revoked account),
// class-roles (revoke, restore, a teacher login role), class-resets (several machines and resets),
// class-log (no password in the server's log).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM, FIXTURES, chromium, dlpath, tempDir } from './helpers.mjs';
import { pgServer, freshDb, sql } from './pg.mjs';
import { RIGHT, WRONG, run, json, takeQuiz, serverCount, localCount } from './class-kit.mjs';

const server = await pgServer();
const skip = server.skip ?? false;

test('init: a class in an empty database, again without change, never in a database holding something else', { skip }, async () => {
  const url = await freshDb(server.url, 'dlpath_t_init');
  const h = tempDir();
  let r = run(h, ['class', 'init', url]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /class is ready/);
  r = run(h, ['class', 'init', url]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /already set up/);
  // A class made before the columns sync's lag and class revoke need gets them from init run again.
  await sql(url, 'ALTER TABLE dlpath.events DROP COLUMN lag', 'ALTER TABLE dlpath.learners DROP COLUMN revoked_at');
  assert.equal(run(h, ['class', 'init', url]).code, 0);
  assert.deepEqual(await sql(url, `SELECT attrelid::regclass::text AS t, attname AS c FROM pg_attribute
    WHERE attrelid IN ('dlpath.events'::regclass, 'dlpath.learners'::regclass) AND attname IN ('lag', 'revoked_at') ORDER BY 2`),
  [{ t: 'dlpath.events', c: 'lag' }, { t: 'dlpath.learners', c: 'revoked_at' }]);
  const other = await freshDb(server.url, 'dlpath_t_other');
  await sql(other, 'CREATE TABLE invoices (id int)');
  r = run(h, ['class', 'init', other]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /holds other things \(public\.invoices\)/);
  assert.deepEqual(await sql(other, `SELECT to_regclass('dlpath.events') AS t`), [{ t: null }]);
  r = run(h, ['class', 'init', 'mysql://x@y/z']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /not a PostgreSQL URL/);
});

test('a class: three learners, one with two machines; the report equals their progress; RLS', { skip }, async () => {
  const url = await freshDb(server.url, 'dlpath_t_class');
  const teacher = tempDir();
  assert.equal(run(teacher, ['class', 'init', url]).code, 0);
  const urls = {};
  for (const name of ['ana', 'ben', 'cy']) {
    const r = run(teacher, ['class', 'add-learner', name, '--url', url]);
    assert.equal(r.code, 0, r.stderr);
    urls[name] = r.stdout.match(/postgresql:\/\/\S+/)[0];
    assert.match(urls[name], new RegExp(`_l_${name}:[A-Za-z0-9]{26}@`));
  }
  let r = run(teacher, ['class', 'add-learner', 'ana', '--url', url]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /already a learner called ana/);
  assert.equal(run(teacher, ['class', 'add-learner', 'Robert"; DROP', '--url', url]).code, 2);

  // A home on another course cannot join (nothing saved); the class's course is readable, nobody's data.
  const elsewhere = tempDir();
  r = dlpath(['class', 'join', urls.cy], { home: elsewhere, curriculum: path.join(FIXTURES, 'tasks-basic') });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /follows the course "quiz-basic"/);
  assert.equal(fs.existsSync(path.join(elsewhere, 'class.json')), false);
  // ana on her first machine passes the quiz, syncs; her second machine joins and gets it.
  const ana1 = tempDir(); const ana2 = tempDir(); const ben = tempDir(); const cy = tempDir();
  assert.equal(takeQuiz(ana1, RIGHT).code, 0);
  r = run(ana1, ['class', 'join', urls.ana]);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stdout + r.stderr, new RegExp(new URL(urls.ana).password));
  assert.equal((fs.statSync(path.join(ana1, 'class.json')).mode & 0o777), 0o600);
  r = run(ana2, ['class', 'join', urls.ana]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /received \d+ events/);
  assert.deepEqual(json(ana2, ['progress']).tracks, json(ana1, ['progress']).tracks);
  // ana's second machine reads the lesson of drawn; ben fails the quiz twice; cy fails once, then passes.
  assert.equal(run(ana2, ['learn', 'drawn'], { input: '' }).code, 0);
  assert.notEqual(takeQuiz(ben, WRONG).code, 0);
  assert.notEqual(takeQuiz(ben, { ...WRONG, 'basics-tf': true }).code, 0);
  assert.notEqual(takeQuiz(cy, { ...RIGHT, 'basics-single': 'b', 'basics-numeric': 3 }).code, 0);
  assert.equal(takeQuiz(cy, RIGHT).code, 0);
  for (const [h, u] of [[ben, urls.ben], [cy, urls.cy]]) assert.equal(run(h, ['class', 'join', u]).code, 0);
  for (const h of [ana2, ana1, ana2]) { const s = run(h, ['sync']); assert.equal(s.code, 0, s.stderr); }
  const progress = { ana: json(ana1, ['progress']), ben: json(ben, ['progress']), cy: json(cy, ['progress']) };
  assert.deepEqual(progress.ana.tracks, json(ana2, ['progress']).tracks);
  // progress and next say when the last sync was, read locally.
  assert.match(progress.ana.class.last_sync, /^\d{4}-\d\d-\d\dT/);
  assert.match(run(ana1, ['next']).stdout, /Last sync: \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
  const everyone = localCount(ana1) + localCount(ben) + localCount(cy);
  assert.equal(await serverCount(url), everyone);
  assert.equal(localCount(ana2), localCount(ana1));

  // The report's figures are those of each learner's own progress --json.
  const rep = json(teacher, ['class', 'report', '--url', url]);
  assert.deepEqual(rep.learners.map((l) => l.name), ['ana', 'ben', 'cy']);
  for (const name of ['ana', 'ben', 'cy']) {
    const mine = progress[name];
    const row = rep.learners.find((l) => l.name === name);
    // Per track: the percent of steps done, quizzes passed and modules, as the learner's own progress says.
    assert.deepEqual(row.tracks.map((t) => [t.track, t.percent, t.quizzes_passed, t.modules]),
      mine.tracks.map((t) => [t.id, t.percent, t.modules.filter((m) => m.quiz_passed).length, t.modules.length]), name);
    assert.equal(row.stuck.idle, false);
    // And the whole course's share, as their own progress's "Overall".
    assert.equal(row.percent, mine.percent, name);
  }
  const single = rep.questions.find((q) => q.question === 'basics-single');
  assert.equal(single.answered, 3);
  assert.equal(single.first_try_correct_rate, 0.333); // ana right; ben and cy first picked b
  assert.equal(single.most_picked_wrong, 'b');
  assert.equal(single.most_picked_wrong_share, 0.667);
  assert.equal(single.flagged, true);
  assert.equal(rep.questions[0].flagged, true, 'flagged questions come first');
  const tf = rep.questions.find((q) => q.question === 'basics-tf');
  assert.equal(tf.first_try_correct_rate, 0.667); // ben first said false
  // ana (top) right, ben (bottom) wrong: D = 1 − 0.
  assert.equal(tf.discrimination, 1);
  r = run(teacher, ['class', 'report', '--url', url]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /! basics\/basics-single\s+answered 3\s+first try 33%.*\n {6}Which match did AlphaGo win 4–1\?\n {6}most-picked wrong \(67%\): "b" Against Fan Hui\n/);
  const html = path.join(teacher, 'class.html');
  r = run(teacher, ['class', 'report', '--url', url, '--html', html]);
  assert.equal(r.code, 0, r.stderr);
  const page = fs.readFileSync(html, 'utf8');
  // The question's prompt and the wrong choice's text come from the course.
  assert.match(page, /<tr class="flag"><td>basics\/basics-single<div class="prompt">Which match did AlphaGo win 4–1\?<\/div><\/td><td>3<\/td><td>33%<\/td><td>&#34;b&#34; Against Fan Hui \(67%\)<\/td>/);
  assert.match(page, /<td>ana<\/td>/);
  assert.doesNotMatch(page, /<script|https?:/);
  // In a real browser: the three tables render with the figures, the console stays clean (the page's
  // policy would log any attempt to load something), and the page prints.
  if (CHROMIUM) {
    const dom = chromium(['--dump-dom', `file://${html}`]);
    assert.equal(dom.status, 0, dom.stderr.slice(-2000));
    assert.equal((dom.stdout.match(/<table>/g) ?? []).length, 3);
    assert.match(dom.stdout, /<tr class="flag"><td>basics\/basics-single<div class="prompt">/);
    assert.deepEqual(dom.consoleLines, []);
    const pdf = path.join(teacher, 'class.pdf');
    assert.equal(chromium([`--print-to-pdf=${pdf}`, '--no-pdf-header-footer', `file://${html}`]).status, 0);
    assert.match(fs.readFileSync(pdf).subarray(0, 5).toString(), /^%PDF-/);
  }
  r = run(teacher, ['--lang', 'zh', 'class', 'report', '--url', url]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /! basics\/basics-single  作答 3 人  首次答对 33%/);
  // A teacher whose course is another one: said (exit 2), not a report of wrong percentages.
  r = dlpath(['class', 'report', '--url', url], { home: teacher, curriculum: path.join(FIXTURES, 'tasks-basic') });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /This class follows the course "quiz-basic"; the course here is "tasks-basic"/);

  // Row-level security, with the learners' own credentials against the real server.
  const benUrl = urls.ben;
  const anaRole = new URL(urls.ana).username;
  const benRows = await sql(benUrl, 'SELECT DISTINCT learner FROM dlpath.events');
  assert.deepEqual(benRows.map((x) => x.learner), [new URL(benUrl).username], 'ben sees only his own events');
  const refused = async (q, params, re) => {
    await assert.rejects(sql(benUrl, params ? [q, params] : q), re, q);
  };
  await refused(`INSERT INTO dlpath.events (uid, learner, ts, kind, module, item, epoch) VALUES (gen_random_uuid(), $1, now(), 'lesson_read', 'basics', NULL, 0)`,
    [anaRole], /row-level security/);
  await refused(`UPDATE dlpath.events SET epoch = 9`, null, /permission denied/);
  await refused(`DELETE FROM dlpath.events`, null, /permission denied/);
  await refused(`TRUNCATE dlpath.events`, null, /permission denied/);
  await refused(`SELECT * FROM dlpath.learners`, null, /permission denied/);
  // The summaries the report reads hold everyone's figures: the teacher's only.
  for (const t of ['s_learner', 's_module', 's_task', 's_first']) await refused(`SELECT * FROM dlpath.${t}`, null, /permission denied/);
  await refused(`SELECT dlpath.rebuild_summaries()`, null, /permission denied/);
  await refused(`ALTER TABLE dlpath.events DISABLE ROW LEVEL SECURITY`, null, /must be owner/);
  await refused(`CREATE TABLE dlpath.mine (x int)`, null, /permission denied/);
  r = run(ben, ['class', 'report', '--url', benUrl]);
  assert.equal(r.code, 4, 'a learner cannot read the class report');
  assert.match(r.stderr, /refused the request/);
  assert.equal(await serverCount(url), everyone, 'nothing changed');
});
