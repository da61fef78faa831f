// A class on a real PostgreSQL server (tests/pg.mjs: .ci/run's, or a throwaway cluster), driven through the
// real bin/dlpath: a teacher inits and adds learners, learners (one with two machines) take the quiz-basic
// fixture's quiz and sync, the report's figures equal the homes' own progress, and the row-level-security
// policies stop every attempt to read or change what is not one's own.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { FIXTURES, dlpath, dlpathAsync, tempDir } from './helpers.mjs';
import { pgServer, freshDb, sql } from './pg.mjs';

const curriculum = path.join(FIXTURES, 'quiz-basic');
const server = await pgServer();
const skip = server.skip ?? false;

const RIGHT = { 'basics-single': 'a', 'basics-multiple': ['a', 'c'], 'basics-tf': true, 'basics-numeric': 2.3026, 'basics-text': 'cross-entropy', 'basics-order': ['a', 'b', 'c', 'd'] };
const WRONG = { 'basics-single': 'b', 'basics-multiple': ['a', 'b'], 'basics-tf': false, 'basics-numeric': 2.4, 'basics-text': 'mse', 'basics-order': ['d', 'c', 'b', 'a'] };

const run = (home, args, opts = {}) => dlpath(args, { home, curriculum, ...opts });
const json = (home, args) => {
  const r = run(home, ['--json', ...args]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
};
function takeQuiz(home, answers) {
  const file = path.join(home, 'answers.json');
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(answers));
  return run(home, ['quiz', 'basics', '--answers', file]);
}
const serverCount = async (url) => Number((await sql(url, 'SELECT count(*) AS n FROM dlpath.events'))[0].n);
const localCount = (home) => json(home, ['export', '--format', 'json']).events.length;

test('init: a class in an empty database, again without change, never in a database holding something else', { skip }, async () => {
  const url = await freshDb(server.url, 'dlpath_t_init');
  const h = tempDir();
  let r = run(h, ['class', 'init', url]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /class is ready/);
  r = run(h, ['class', 'init', url]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /already set up/);
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

test('a class: three learners, one with two machines; the report equals their progress; RLS; failures', { skip }, async () => {
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
  assert.deepEqual(json(ana1, ['progress']).tracks, json(ana2, ['progress']).tracks);
  // progress and next say when the last sync was, read locally.
  assert.match(json(ana1, ['progress']).class.last_sync, /^\d{4}-\d\d-\d\dT/);
  assert.match(run(ana1, ['next']).stdout, /Last sync: \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
  assert.equal(await serverCount(url), localCount(ana1) + localCount(ben) + localCount(cy));
  assert.equal(localCount(ana1), localCount(ana2));

  // The report's figures are those of each learner's own progress --json.
  const rep = json(teacher, ['class', 'report', '--url', url]);
  assert.deepEqual(rep.learners.map((l) => l.name), ['ana', 'ben', 'cy']);
  for (const [name, home] of [['ana', ana1], ['ben', ben], ['cy', cy]]) {
    const mine = json(home, ['progress']);
    const row = rep.learners.find((l) => l.name === name);
    assert.deepEqual(row.tracks.map((t) => [t.track, t.quizzes_passed, t.modules]),
      mine.tracks.map((t) => [t.id, t.modules.filter((m) => m.quiz_passed).length, t.modules.length]), name);
    assert.equal(row.stuck.idle, false);
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
  assert.match(r.stdout, /! basics\/basics-single\s+answered 3\s+first try 33%/);
  const html = path.join(teacher, 'class.html');
  r = run(teacher, ['class', 'report', '--url', url, '--html', html]);
  assert.equal(r.code, 0, r.stderr);
  const page = fs.readFileSync(html, 'utf8');
  assert.match(page, /<tr class="flag"><td>basics\/basics-single<\/td><td>3<\/td><td>33%<\/td><td>&#34;b&#34; \(67%\)<\/td>/);
  assert.match(page, /<td>ana<\/td>/);
  assert.doesNotMatch(page, /<script|https?:/);
  r = run(teacher, ['--lang', 'zh', 'class', 'report', '--url', url]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /! basics\/basics-single  作答 3 人  首次答对 33%/);

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
  await refused(`ALTER TABLE dlpath.events DISABLE ROW LEVEL SECURITY`, null, /must be owner/);
  await refused(`CREATE TABLE dlpath.mine (x int)`, null, /permission denied/);
  r = run(ben, ['class', 'report', '--url', benUrl]);
  assert.equal(r.code, 4, 'a learner cannot read the class report');
  assert.match(r.stderr, /refused the request/);
  assert.equal(await serverCount(url), localCount(ana1) + localCount(ben) + localCount(cy), 'nothing changed');

  // Failures: exit 4, a clear message, nothing lost; the next sync completes without duplicates.
  const wrong = new URL(urls.cy); wrong.password = 'nottheone';
  r = run(tempDir(), ['class', 'join', wrong.toString()]);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /refused the password/);
  assert.doesNotMatch(r.stderr, /nottheone/);
  const down = new URL(urls.cy); down.port = String(await closedPort());
  r = run(tempDir(), ['class', 'join', down.toString()]);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /Cannot reach the class database/);

  // A network cut mid-sync (a proxy that drops the connection after some of the events went through).
  assert.equal(takeQuiz(cy, WRONG).code, 1);
  const state = JSON.parse(fs.readFileSync(path.join(cy, 'class.json'), 'utf8'));
  const proxy = await cuttingProxy(new URL(urls.cy).port, 900);
  const viaProxy = new URL(urls.cy); viaProxy.port = String(proxy.port);
  fs.writeFileSync(path.join(cy, 'class.json'), JSON.stringify({ ...state, url: viaProxy.toString() }));
  const before = localCount(cy);
  r = await dlpathAsync(['sync'], { home: cy, curriculum, env: { DLPATH_SYNC_BATCH: '1' } });
  proxy.close();
  assert.equal(r.code, 4, r.stderr + r.stdout);
  assert.match(r.stderr, /connection .* was cut|Cannot reach/);
  assert.equal(localCount(cy), before, 'nothing lost locally');
  const partial = JSON.parse(fs.readFileSync(path.join(cy, 'class.json'), 'utf8'));
  fs.writeFileSync(path.join(cy, 'class.json'), JSON.stringify({ ...partial, url: urls.cy }));
  r = run(cy, ['sync']);
  assert.equal(r.code, 0, r.stderr);
  // Forgetting how far it had sent (a kill between the server's commit and the local note): no duplicates.
  fs.writeFileSync(path.join(cy, 'class.json'), JSON.stringify({ ...partial, url: urls.cy, sent_through: 0 }));
  r = run(cy, ['--json', 'sync']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).sent, 0);
  assert.equal(await serverCount(url), localCount(ana1) + localCount(ben) + localCount(cy));

  // A revoked role.
  await sql(url, `ALTER ROLE "${new URL(urls.ben).username}" NOLOGIN`);
  r = run(ben, ['sync']);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /no longer lets this account in/);
  assert.equal(localCount(ben) > 0, true);
});

function closedPort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** A TCP proxy to the server that cuts every connection once the client has sent `limit` bytes. */
function cuttingProxy(port, limit) {
  return new Promise((resolve) => {
    const socks = new Set();
    const srv = net.createServer((client) => {
      const up = net.connect(Number(port), '127.0.0.1');
      socks.add(client); socks.add(up);
      let sent = 0;
      client.on('data', (d) => {
        sent += d.length;
        if (sent > limit) { client.destroy(); up.destroy(); return; }
        up.write(d);
      });
      up.on('data', (d) => client.write(d));
      const end = () => { client.destroy(); up.destroy(); };
      client.on('error', end); up.on('error', end); client.on('close', end); up.on('close', end);
    });
    srv.listen(0, '127.0.0.1', () => resolve({ port: srv.address().port, close: () => { for (const s of socks) s.destroy(); srv.close(); } }));
  });
}
