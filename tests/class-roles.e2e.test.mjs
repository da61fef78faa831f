// A class's roles against a real server: a teacher revokes a learner (no login, no writing even on a
// connection already open; their events stay and stay in the report), restores them, and adds a teacher
// login role that reads the report and can change nothing.
import test from 'node:test';
import assert from 'node:assert/strict';
import { tempDir } from './helpers.mjs';
import { pg, pgServer, freshDb, sql } from './pg.mjs';
import { RIGHT, WRONG, run, json, takeQuiz, addLearners, serverCount, localCount } from './class-kit.mjs';

const server = await pgServer();
const skip = server.skip ?? false;
const insertAs = (role) => [`INSERT INTO dlpath.events (uid, learner, ts, kind, module, item, epoch)
  VALUES (gen_random_uuid(), $1, now(), 'lesson_read', 'basics', NULL, 0)`, [role]];

test('class revoke (by a teacher who is not a superuser): no more logins or writes, events kept; twice says so; unknown names; restore', { skip }, async () => {
  // The class is made by a role with CREATEROLE that owns the database, not by a superuser: it may not end
  // the learner's connections, so leaving the learners group is what stops an open one.
  const db = 'dlpath_t_revoke';
  const admin = await freshDb(server.url, db);
  const owner = new URL(admin);
  owner.username = `dlpath_${db}_owner`;
  owner.password = `pw${Math.random().toString(36).slice(2)}`;
  // (Roles are the server's: the one a previous run made goes first; freshDb dropped what it owned.)
  await sql(admin, `DROP ROLE IF EXISTS ${owner.username}`, `CREATE ROLE ${owner.username} LOGIN CREATEROLE PASSWORD '${owner.password}'`,
    `ALTER DATABASE ${db} OWNER TO ${owner.username}`);
  const url = owner.toString();
  const teacher = tempDir();
  assert.equal(run(teacher, ['class', 'init', url]).code, 0);
  const urls = addLearners(teacher, url, ['ana', 'ben']);
  const ana = tempDir(); const ben = tempDir();
  assert.equal(takeQuiz(ana, RIGHT).code, 0);
  assert.equal(takeQuiz(ben, WRONG).code, 1);
  for (const [h, u] of [[ana, urls.ana], [ben, urls.ben]]) assert.equal(run(h, ['class', 'join', u]).code, 0);
  const benRole = new URL(urls.ben).username;
  const kept = localCount(ben);

  // A connection ben (or a pool) holds open across the revoke can no longer insert.
  const open = new pg.Client({ connectionString: urls.ben });
  open.on('error', () => { /* ended by the revoke */ });
  await open.connect();
  await open.query(...insertAs(benRole));
  const rev = json(teacher, ['class', 'revoke', 'ben', '--url', url]);
  assert.equal(rev.revoked, true);
  assert.equal(rev.already_revoked, false);
  assert.equal(rev.events_kept, kept + 1);
  assert.equal(rev.sessions_ended, null, 'a role that is not a superuser may not end them');
  await assert.rejects(open.query(...insertAs(benRole)), /permission denied/);
  await assert.rejects(open.query('SELECT count(*) FROM dlpath.events'), /permission denied/);
  await open.end();
  assert.deepEqual(await sql(url, [`SELECT revoked_at IS NOT NULL AS revoked FROM dlpath.learners WHERE name = $1`, ['ben']]), [{ revoked: true }]);

  let r = run(teacher, ['class', 'revoke', 'ben', '--url', url]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^ben was already revoked \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); nothing changed\.$/m);
  r = run(teacher, ['class', 'revoke', 'bem', '--url', url]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /There is no learner called bem in this class\.\nDid you mean: ben\?/);
  r = run(teacher, ['class', 'revoke', 'xavier', '--url', url]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Its learners: ana, ben\./);

  // ben's sync: exit 4 with the revoked-account message, in both languages; nothing lost locally.
  assert.equal(takeQuiz(ben, RIGHT).code, 0);
  const before = localCount(ben);
  r = run(ben, ['sync']);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /no longer lets this account in \(role "[a-z0-9_]+_l_ben" is not permitted to log in\)\.\nAsk your teacher whether this account was revoked/);
  r = run(ben, ['--lang', 'zh', 'sync']);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /已不再允许这个账号登录（role .* is not permitted to log in）。\n请问老师这个账号是否已被撤销/);
  assert.equal(localCount(ben), before);

  // His events stay on the server and in the report.
  const rep = json(teacher, ['class', 'report', '--url', url]);
  assert.deepEqual(rep.learners.map((l) => l.name), ['ana', 'ben']);
  assert.deepEqual(rep.learners.map((l) => Boolean(l.revoked_at)), [false, true], 'the report says who is revoked');
  // In the text, revoked learners come last, said so in the last column.
  assert.match(run(teacher, ['class', 'report', '--url', url]).stdout, /^ {2}ana .*\n {2}ben .* revoked \d{4}-\d\d-\d\d\n/m);
  assert.equal(rep.questions.find((q) => q.question === 'basics-single').answered, 2);
  assert.equal(Number((await sql(url, [`SELECT count(*) AS n FROM dlpath.events WHERE learner = $1`, [benRole]]))[0].n), kept + 1);

  // restore: the URL he had works again, and his next sync sends what he did meanwhile.
  r = run(teacher, ['class', 'restore', 'ben', '--url', url]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Restored ben/);
  assert.match(run(teacher, ['class', 'restore', 'ben', '--url', url]).stdout, /ben is not revoked; nothing changed/);
  r = run(ben, ['sync']);
  assert.equal(r.code, 0, r.stderr);
  // (His home now also holds the event the open connection sent before the revoke.)
  assert.equal(localCount(ben), before + 1);
  assert.equal(await serverCount(url), localCount(ana) + localCount(ben));
});

test('class add-teacher: a login role that reads the report (same figures) and can change nothing', { skip }, async () => {
  const url = await freshDb(server.url, 'dlpath_t_teacher');
  const teacher = tempDir();
  assert.equal(run(teacher, ['class', 'init', url]).code, 0);
  const urls = addLearners(teacher, url, ['ana']);
  const ana = tempDir();
  assert.equal(takeQuiz(ana, WRONG).code, 1);
  assert.equal(run(ana, ['class', 'join', urls.ana]).code, 0);
  let r = run(teacher, ['class', 'add-teacher', 'lin', '--url', url]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /shown only this once/);
  const lin = r.stdout.match(/postgresql:\/\/\S+/)[0];
  assert.match(lin, /_t_lin:[A-Za-z0-9]{26}@/);
  assert.equal(run(teacher, ['class', 'add-teacher', 'lin', '--url', url]).code, 2);

  const strip = (x) => { delete x.generated_at; return x; };
  const theirs = strip(json(tempDir(), ['class', 'report', '--url', lin]));
  assert.deepEqual(theirs, strip(json(teacher, ['class', 'report', '--url', url])));
  assert.equal(theirs.questions.find((q) => q.question === 'basics-single').most_picked_wrong, 'b');

  const anaRole = new URL(urls.ana).username;
  const refused = (q, re) => assert.rejects(sql(lin, q), re, Array.isArray(q) ? q[0] : q);
  await refused(insertAs(anaRole), /permission denied/);
  await refused(`UPDATE dlpath.events SET epoch = 9`, /permission denied/);
  await refused(`DELETE FROM dlpath.events`, /permission denied/);
  await refused(`UPDATE dlpath.learners SET name = 'x'`, /permission denied/);
  await refused(`SELECT rolpassword FROM pg_authid`, /permission denied/);
  await refused(`DROP POLICY learner_select ON dlpath.events`, /must be owner/);
  await refused(`ALTER TABLE dlpath.events DISABLE ROW LEVEL SECURITY`, /must be owner/);
  assert.deepEqual((await sql(lin, `SELECT DISTINCT rolpassword FROM pg_roles WHERE rolname LIKE 'dlpath%'`)).map((x) => x.rolpassword), ['********']);
  // Nor can it add or revoke learners.
  r = run(tempDir(), ['class', 'revoke', 'ana', '--url', lin]);
  assert.equal(r.code, 4, r.stderr);
  r = run(tempDir(), ['class', 'add-learner', 'eve', '--url', lin]);
  assert.equal(r.code, 4, r.stderr);
  assert.equal(await serverCount(url), localCount(ana));
});
