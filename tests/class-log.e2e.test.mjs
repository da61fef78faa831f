// No password reaches the server's log: with every statement logged (log_statement = 'all' and
// log_min_duration_statement = 0 for the class's database), a class is set up, used and a learner revoked;
// the log holds those statements (so the test can fail) and none of the generated passwords.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { tempDir } from './helpers.mjs';
import { pgServer, freshDb, sql } from './pg.mjs';
import { RIGHT, run, takeQuiz, addLearners } from './class-kit.mjs';

const server = await pgServer();

function unreadable(log) {
  if (!log) return 'the server\'s log file is not known (set DLPATH_TEST_PG_LOG beside DLPATH_TEST_PG_URL)';
  try { fs.accessSync(log, fs.constants.R_OK); return false; } catch (e) { return `cannot read the server's log ${log} (${e.code})`; }
}

test('no generated password appears in the server\'s statement log', { skip: server.skip ?? unreadable(server.log) }, async () => {
  const url = await freshDb(server.url, 'dlpath_t_log');
  await sql(url, `ALTER DATABASE dlpath_t_log SET log_statement = 'all'`, `ALTER DATABASE dlpath_t_log SET log_min_duration_statement = 0`);
  const from = fs.statSync(server.log).size;
  const teacher = tempDir();
  assert.equal(run(teacher, ['class', 'init', url]).code, 0);
  const urls = addLearners(teacher, url, ['ana']);
  let r = run(teacher, ['class', 'add-teacher', 'lin', '--url', url]);
  assert.equal(r.code, 0, r.stderr);
  const lin = r.stdout.match(/postgresql:\/\/\S+/)[0];
  const ana = tempDir();
  assert.equal(takeQuiz(ana, RIGHT).code, 0);
  assert.equal(run(ana, ['class', 'join', urls.ana]).code, 0);
  assert.equal(run(ana, ['learn', 'drawn'], { input: '' }).code, 0);
  assert.equal(run(ana, ['sync']).code, 0);
  assert.equal(run(tempDir(), ['class', 'report', '--url', lin]).code, 0);
  r = run(teacher, ['class', 'revoke', 'ana', '--url', url]);
  assert.equal(r.code, 0, r.stderr);

  const fd = fs.openSync(server.log, 'r');
  const size = fs.fstatSync(fd).size;
  const buf = Buffer.alloc(size - from);
  fs.readSync(fd, buf, 0, buf.length, from);
  fs.closeSync(fd);
  const log = buf.toString('utf8');
  const anaRole = new URL(urls.ana).username;
  // The log did record the statements that carried the passwords' verifiers, the events and the revoke.
  assert.match(log, new RegExp(`statement: CREATE ROLE "${anaRole}" LOGIN PASSWORD 'SCRAM-SHA-256\\$`));
  assert.match(log, new RegExp(`statement: CREATE ROLE "${new URL(lin).username}" LOGIN PASSWORD 'SCRAM-SHA-256\\$`));
  assert.match(log, /INSERT INTO dlpath\.events/);
  assert.match(log, /DETAIL: {2}parameters: \$1 = '\{/, 'bound parameters are logged too');
  assert.match(log, new RegExp(`statement: ALTER ROLE "${anaRole}" NOLOGIN`));
  for (const u of [urls.ana, lin]) {
    const password = decodeURIComponent(new URL(u).password);
    assert.equal(password.length, 26);
    assert.equal(log.includes(password), false, 'a generated password is in the server log');
  }
});
