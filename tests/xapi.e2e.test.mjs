// `export --format xapi`: every statement passes Learning Locker's xAPI 1.0.3 statement validator
// (@learninglocker/xapi-validation), and carries an id derived from its event's id: exporting twice, or
// from another machine the history was imported into, gives the same statement ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { dlpath, tempDir, copyFixture } from './helpers.mjs';

const validate = createRequire(import.meta.url)('@learninglocker/xapi-validation').default;
const curriculum = copyFixture('loop');

test('xAPI statements validate, and their ids are stable across exports and machines', () => {
  const h = tempDir();
  const run = (args, home = h) => { const r = dlpath(args, { home, curriculum }); assert.ok(r.code <= 1, r.stderr); return r; };
  const answers = path.join(tempDir(), 'a.yaml');
  fs.writeFileSync(answers, 'lp-sum: 5\n');
  run(['learn', 'lp-one']);
  run(['quiz', 'lp-one', '--answers', answers]);
  fs.writeFileSync(answers, 'lp-sum: 4\n');
  run(['quiz', 'lp-one', '--answers', answers]);
  run(['task', 'double']);
  run(['check', 'double']);
  run(['hint', 'double']);
  run(['solution', 'double', '--yes']);
  run(['reset', 'lp-one', '--yes']);
  const statements = JSON.parse(run(['export', '--format', 'xapi']).stdout);
  const events = JSON.parse(run(['export']).stdout).events;
  assert.equal(statements.length, events.length);
  assert.ok(new Set(events.map((e) => e.kind)).size >= 8, 'most kinds of event');
  for (const s of statements) assert.deepEqual(validate(s), [], JSON.stringify(s));
  // The validator is live: a statement with a broken id or score is rejected.
  assert.notDeepEqual(validate({ ...statements[0], id: 'not-a-uuid' }), []);
  assert.notDeepEqual(validate({ ...statements[0], result: { score: { scaled: 2 } } }), []);
  const ids = statements.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length, 'one id per statement');
  assert.deepEqual(JSON.parse(run(['export', '--format', 'xapi']).stdout).map((s) => s.id), ids, 'the same ids when sent again');
  assert.deepEqual(statements.map((s) => s.context.extensions['urn:dlpath:event']), events.map((e) => e.uid));
  // Another machine that imported this history names the same events with the same statement ids.
  const file = path.join(tempDir(), 'x.json');
  fs.writeFileSync(file, run(['export']).stdout);
  const other = tempDir();
  run(['learn', 'lp-two'], other);
  run(['import', file], other);
  const there = new Map(JSON.parse(run(['export', '--format', 'xapi'], other).stdout).map((s) => [s.context.extensions['urn:dlpath:event'], s]));
  // The whole statement is the same (the learner too: named after the history's first event, not the machine),
  // so a Learning Record Store sent both copies keeps one and finds no conflict.
  for (const s of statements) assert.deepEqual(there.get(s.context.extensions['urn:dlpath:event']), s);
  assert.equal(new Set(statements.map((s) => s.actor.account.name)).size, 1);
});
