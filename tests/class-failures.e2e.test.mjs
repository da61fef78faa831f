// A class's failures against a real server: a wrong password, a server that is down, a connection cut in
// the middle of a sync, a sync that forgot how far it had sent, and an account the teacher revoked: each
// a clear message and exit 4, nothing lost locally, and the next sync completes without duplicates.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { dlpathAsync, tempDir } from './helpers.mjs';
import { pg, pgServer, freshDb, sql } from './pg.mjs';
import { RIGHT, WRONG, curriculum, run, takeQuiz, addLearners, serverCount, localCount, closedPort } from './class-kit.mjs';

const server = await pgServer();

test('failures: wrong password, server down, a cut mid-sync, a forgotten position, a revoked account', { skip: server.skip ?? false }, async () => {
  const url = await freshDb(server.url, 'dlpath_t_fail');
  const teacher = tempDir();
  assert.equal(run(teacher, ['class', 'init', url]).code, 0);
  const urls = addLearners(teacher, url, ['cy']);
  // This class is one made by an older dlpath (schema 1: no summaries, events without their lag), whose
  // teacher has not run init again since: sync works with it as it is, and everything below goes through
  // that path; at the end, the report asks for init, and init upgrades the class.
  await sql(url, 'DROP TRIGGER events_summarise ON dlpath.events', 'ALTER TABLE dlpath.events DROP COLUMN lag',
    'DROP TABLE dlpath.s_learner, dlpath.s_module, dlpath.s_task, dlpath.s_first', `UPDATE dlpath.meta SET value = '1' WHERE key = 'schema_version'`);
  const cy = tempDir();
  assert.notEqual(takeQuiz(cy, { ...RIGHT, 'basics-single': 'b', 'basics-numeric': 3 }).code, 0);
  assert.equal(takeQuiz(cy, RIGHT).code, 0);
  assert.equal(run(cy, ['class', 'join', urls.cy]).code, 0);

  // Failures: exit 4, a clear message, nothing lost; the next sync completes without duplicates.
  const wrong = new URL(urls.cy); wrong.password = 'nottheone';
  let r = run(tempDir(), ['class', 'join', wrong.toString()]);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /refused the password\.\nAsk your teacher for a new class URL/);
  assert.doesNotMatch(r.stderr, /nottheone/);
  // The teacher's own command with a wrong password: a hint for the teacher, not the learner's.
  const wrongOwner = new URL(url); wrongOwner.password = 'nottheone';
  r = run(teacher, ['class', 'report', '--url', wrongOwner.toString()]);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /refused the password\.\nCheck the user name and password in the URL/);
  // Joining the same class again says so, and syncs.
  r = run(cy, ['class', 'join', urls.cy]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Already in the class at \S+; syncing\.\n/);
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
  assert.equal(await serverCount(url), before);

  // An account that lost the learners group but can still log in (what a connection opened before a
  // revoke meets): said as a revoked account is, for sync and for join.
  const group = (await sql(url, `SELECT value FROM dlpath.meta WHERE key = 'learner_role'`))[0].value;
  const cyRole = new URL(urls.cy).username;
  await sql(url, `REVOKE "${group}" FROM "${cyRole}"`);
  r = run(cy, ['sync']);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /no longer lets this account in \(permission denied/);
  assert.match(run(tempDir(), ['class', 'join', urls.cy]).stderr, /no longer lets this account in \(permission denied/);
  await sql(url, `GRANT "${group}" TO "${cyRole}"`);

  // A revoked account (dlpath class revoke; tests/class-roles.e2e.test.mjs covers it in full). The
  // teacher here is a superuser: the connections cy has open are ended too.
  const open = new pg.Client({ connectionString: urls.cy });
  open.on('error', () => { /* ended by the revoke */ });
  await open.connect();
  r = run(teacher, ['--json', 'class', 'revoke', 'cy', '--url', url]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).sessions_ended, 1);
  await assert.rejects(open.query('SELECT 1'), /terminat/i);
  await open.end().catch(() => undefined);
  r = run(cy, ['sync']);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /no longer lets this account in/);
  assert.equal(localCount(cy), before);

  // The older class's report: init first (exit 4, said how); init keeps every event and builds the summaries.
  r = run(teacher, ['class', 'report', '--url', url]);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /set up by an older dlpath \(schema 1\)[\s\S]*dlpath class init <url>/);
  assert.equal(run(teacher, ['class', 'init', url]).code, 0);
  const rep = JSON.parse(run(teacher, ['--json', 'class', 'report', '--url', url]).stdout);
  assert.equal(await serverCount(url), before);
  assert.equal(rep.questions.find((q) => q.question === 'basics-single').answered, 1);
  assert.equal(rep.learners.find((l) => l.name === 'cy').tracks[0].quizzes_passed, 1);
});

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
