// The class report as a teacher of 200 learners reads it (issue #18's review as its users): one line per
// learner in columns fitted to the terminal, stuck learners first, a summary line at the top, what D means;
// the page in the same order; --json keeps its shape (fields added: summary, each learner's percent).
import test from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from './helpers.mjs';
import { pgServer, freshDb, sql } from './pg.mjs';
import { run, json } from './class-kit.mjs';

const server = await pgServer();
const skip = server.skip ?? false;
const width = (s) => [...s].reduce((a, ch) => a + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);

/** 200 learners straight into the class's tables (as the bench loads them): every 10th stuck on a task, every 7th idle. */
async function loadClass(url, prefix, now) {
  const names = Array.from({ length: 200 }, (_, i) => `learner_${String(i).padStart(3, '0')}`);
  await sql(url, [`INSERT INTO dlpath.learners (role, name) SELECT $1 || '_l_' || n, n FROM unnest($2::text[]) n`, [prefix, names]]);
  const ev = [[], [], [], [], [], [], []];
  const add = (role, ts, kind, item, data) => { for (const [i, v] of [crypto.randomUUID(), role, ts, kind, 'basics', item, data && JSON.stringify(data)].entries()) ev[i].push(v); };
  names.forEach((name, i) => {
    const role = `${prefix}_l_${name}`;
    let t = now - (i % 7 === 0 ? 10.5 : 1) * 86_400_000 + i * 1000;
    const ts = () => new Date(t += 1000).toISOString();
    add(role, ts(), 'lesson_read', null, null);
    add(role, ts(), 'quiz_answered', 'basics-single', { correct: i % 3 !== 0, answer: i % 3 ? 'a' : 'b' });
    if (i % 2) add(role, ts(), 'quiz_finished', null, { score: 1, passed: true });
    if (i % 10 === 0) for (let k = 0; k < 6; k++) add(role, ts(), 'task_checked', 'ghost_task', { outcome: 'failed', passed: 0, total: 3 });
  });
  await sql(url, [`INSERT INTO dlpath.events (uid, learner, ts, kind, module, item, data, epoch)
    SELECT u, l, t, k, m, i, d, 0 FROM unnest($1::uuid[], $2::name[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::jsonb[]) AS x(u, l, t, k, m, i, d)`, ev]);
  return names;
}

test('class report of 200 learners: fits 80 columns, stuck first, a summary line, D explained; page and --json agree', { skip }, async () => {
  const url = await freshDb(server.url, 'dlpath_t_reptext');
  const teacher = tempDir();
  const init = json(teacher, ['class', 'init', url]);
  const prefix = init.teacher.replace(/_teacher$/, '');
  const names = await loadClass(url, prefix, Date.now());
  // Two learners who have done nothing: one added today (not started: not stuck), one added 10 days ago (idle).
  await sql(url, [`INSERT INTO dlpath.learners (role, name, added_at) VALUES ($1 || '_l_learner_200', 'learner_200', now()),
    ($1 || '_l_learner_201', 'learner_201', now() - interval '10 days')`, [prefix]]);
  const onTask = names.filter((_, i) => i % 10 === 0);
  const idle = [...names.filter((_, i) => i % 7 === 0 && i % 10 !== 0), 'learner_201'];
  names.push('learner_200', 'learner_201');

  const rep = json(teacher, ['class', 'report', '--url', url]);
  // --json: the server's order (by name) and its fields as before, plus the counts and each learner's percent.
  assert.deepEqual(rep.learners.map((l) => l.name), names);
  assert.deepEqual(Object.keys(rep.learners[0]).sort(), ['last_activity', 'name', 'percent', 'revoked_at', 'stuck', 'tracks']);
  assert.deepEqual(rep.summary, { learners: 202, revoked: 0, stuck: onTask.length + idle.length, idle: names.filter((_, i) => i % 7 === 0 && i < 200).length + 1,
    stuck_on_tasks: onTask.length, not_started: 1 });
  assert.deepEqual(rep.learners.slice(-2).map((l) => [l.name, l.stuck.idle]), [['learner_200', false], ['learner_201', true]]);
  assert.equal(rep.learners[1].percent, 50, 'the quiz of basics passed: 1 of the course\'s 2 steps');
  assert.equal(rep.learners[0].percent, 0);

  const r = run(teacher, ['class', 'report', '--url', url]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  for (const line of lines) assert.ok(width(line) <= 79, `wider than the terminal: ${JSON.stringify(line)}`);
  assert.equal(lines[1], `202 learners; stuck: ${rep.summary.stuck} (${rep.summary.idle} with no activity for 7+ days, ${onTask.length} on a task failed`);
  // One line per learner, those stuck on a task first, then the idle, then the others, each by name.
  const order = lines.filter((l) => /^ {2}learner_\d{3} /.test(l)).map((l) => l.trim().split(/\s+/)[0]);
  assert.deepEqual(order, [...onTask, ...idle, ...names.filter((n) => !onTask.includes(n) && !idle.includes(n))]);
  assert.match(r.stdout, /^ {2}learner_000 +\d{4}-\d\d-\d\d +0% +One 0% +ghost_task: 6 failed, idle 10 days$/m);
  assert.match(r.stdout, /^ {2}learner_007 +\d{4}-\d\d-\d\d +50% +One 50% +idle 10 days$/m);
  assert.match(r.stdout, /^ {2}learner_001 +\d{4}-\d\d-\d\d +50% +One 50%$/m);
  assert.match(r.stdout, /^ {2}learner_200 +never +0% +One 0% +not started yet$/m);
  assert.match(r.stdout, /^ {2}learner_201 +never +0% +One 0% +never active$/m);
  assert.match(r.stdout, /5\+ times without a pass\); not started yet: 1\n/);
  assert.match(r.stdout, /D \(discrimination index\): the share right at the first try among the top 27%/);

  // The page: the same order, the same summary.
  const html = path.join(teacher, 'c.html');
  assert.equal(run(teacher, ['class', 'report', '--url', url, '--html', html]).code, 0);
  const page = fs.readFileSync(html, 'utf8');
  assert.deepEqual([...page.matchAll(/<tr><td>(learner_\d{3})<\/td>/g)].map((x) => x[1]), order);
  assert.match(page, /<p class="summary">202 learners; stuck: /);

  // In Chinese, and at 60 columns (the renderer as the command calls it with a terminal's width).
  const zh = run(teacher, ['--lang', 'zh', 'class', 'report', '--url', url]);
  assert.match(zh.stdout, new RegExp(`^202 名学员；卡住 ${rep.summary.stuck} 人（`, 'm'));
  assert.match(zh.stdout, /^ {2}学员 +最近活动 +完成 +当前方向 +卡住$/m);
  const { renderReport } = await import(path.join(ROOT, 'dist/commands/class-report.js'));
  const narrow = renderReport(rep, 60).split('\n');
  for (const line of narrow) assert.ok(width(line) <= 59, `wider than 60 columns: ${JSON.stringify(line)}`);
  assert.ok(narrow.some((l) => /answered 200 {2}first try 67% {2}D -?[\d.]+$/.test(l)), 'a question\'s figures are never cut');
  // A longer id than the fixture's: the figures go on a line of their own rather than being cut.
  const long = { ...rep, questions: [{ ...rep.questions[0], question: 'a-question-id-long-enough-to-fill-a-line' }] };
  assert.match(renderReport(long, 60), /\n {2}[! ] basics\/a-question-id-long-enough-to-fill-a-line\n {6}answered 200 {2}first try 67% {2}D -?[\d.]+\n/);
});
