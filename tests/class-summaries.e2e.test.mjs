// The summaries the class database keeps as events arrive (src/adapters/class/summaries.ts), against a real
// PostgreSQL server: a seeded random class (resets, events arriving out of order and twice, values of the
// wrong type in learners' JSON) inserted in shuffled batches gives the same summaries as one rebuild from
// all events, and the report read from them equals a plain recomputation from the events here, in JS
// (with merge.ts's rule for the current run: after the module's last reset, and not begun before it).
// A class made by an older dlpath (schema 1, no summaries) gets them from its events on `class init`.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, dlpath, tempDir } from './helpers.mjs';
import { pgServer, freshDb, sql, pg } from './pg.mjs';

const server = await pgServer();
const skip = server.skip ?? false;
const { readClassReport } = skip ? {} : await import(path.join(ROOT, 'dist/adapters/class/report.js'));

const MODULES = ['m0', 'm1', 'm2'];
const TASKS = { m0: ['t0', 't1'], m1: ['t2'], m2: [] };
const QUESTIONS = ['q0', 'q1', 'q2', 'q3'];
// Two tracks; m1 in both. t1 is optional; m2 has only a lesson and a quiz.
const TRACKS = [
  { id: 'a', modules: [{ id: 'm0', lesson: true, quiz: true, required: ['t0'], tasks: ['t0', 't1'] }, { id: 'm1', lesson: false, quiz: true, required: ['t2'], tasks: ['t2'] }] },
  { id: 'b', modules: [{ id: 'm1', lesson: false, quiz: true, required: ['t2'], tasks: ['t2'] }, { id: 'm2', lesson: true, quiz: true, required: [], tasks: [] }] },
];

function prng(seed) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32; };
}

/** A class of learners × events; every kind the summaries read, some values of the wrong type. */
function makeEvents(rand, learners, perLearner) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const events = [];
  let n = 0;
  const uid = () => { n++; return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`; };
  const t0 = Date.parse('2026-10-01T00:00:00Z');
  for (const learner of learners) {
    let t = t0;
    for (let i = 0; i < perLearner; i++) {
      // Several events in one millisecond now and then (a reset and work in the same ms among them).
      if (rand() < 0.8) t += 1 + Math.floor(rand() * 600_000);
      const ts = new Date(t).toISOString();
      const module = pick(MODULES);
      const r = rand();
      let e;
      if (r < 0.35) {
        const correct = rand() < 0.55;
        const data = rand() < 0.03 ? { correct: 'yes', answer: 'z' } : { correct, answer: correct ? 'a' : pick(['b', 'c', ['a', 'b']]) };
        e = { kind: 'quiz_answered', module, item: pick(QUESTIONS), data };
      } else if (r < 0.45) {
        e = { kind: 'quiz_finished', module, item: null, data: rand() < 0.05 ? { passed: 'true' } : { score: rand(), passed: rand() < 0.4 } };
      } else if (r < 0.5) {
        e = { kind: 'lesson_read', module, item: null, data: null };
      } else if (r < 0.53) {
        e = { kind: 'reset', module, item: null, data: null };
      } else if (TASKS[module].length) {
        const item = pick(TASKS[module]);
        const k = rand();
        if (k < 0.6) {
          const o = rand();
          const data = o < 0.08 ? { outcome: 'missing_packages', missing: pick([['torch'], ['numpy'], ['torch', 'numpy'], [], 'torch']) }
            : o < 0.1 ? { outcome: 7 } : o < 0.1 + 0.3 ? { outcome: 'passed', passed: 4, total: 4 } : { outcome: 'failed', passed: 1, total: 4 };
          e = { kind: 'task_checked', module, item, data };
        } else if (k < 0.8) e = { kind: 'task_hint', module, item, data: rand() < 0.1 ? { level: 'x' } : { level: 1 + Math.floor(rand() * 3) } };
        else if (k < 0.9) e = { kind: 'task_solution', module, item, data: null };
        else e = { kind: 'task_started', module, item, data: rand() < 0.1 ? [1, 2] : {} };
      } else {
        e = { kind: 'lesson_read', module, item: null, data: null };
      }
      // A few begun before a reset of their own machine (merge.ts's lag): not in the run after it.
      events.push({ uid: uid(), learner, ts, epoch: 0, lag: rand() < 0.06 ? 1 : 0, ...e });
    }
  }
  // The edges, for the last two learners: a lesson read in the reset's millisecond (before it: not read now);
  // a task that could not run for a missing essential package (not skipped) or only an optional one (skipped).
  const [x, y] = learners.slice(-2);
  const at = (s) => `2026-11-20T10:00:0${s}.000Z`;
  for (const [learner, ts, kind, module, item, data] of [
    [x, at(0), 'lesson_read', 'm2', null, null], [x, at(0), 'reset', 'm2', null, null],
    [y, at(0), 'lesson_read', 'm2', null, null], [y, at(1), 'reset', 'm2', null, null], [y, at(1), 'lesson_read', 'm2', null, null],
    [x, at(0), 'reset', 'm0', null, null], [y, at(0), 'reset', 'm0', null, null],
    [x, at(1), 'task_checked', 'm0', 't0', { outcome: 'missing_packages', missing: ['torch', 'numpy'] }],
    [y, at(1), 'task_checked', 'm0', 't0', { outcome: 'missing_packages', missing: ['torch'] }],
    // Stuck: five failed checks since a reset (and one more begun before it, which does not count).
    [x, at(2), 'reset', 'm1', null, null],
    ...[3, 4, 5, 6, 7].map((k) => [x, at(k), 'task_checked', 'm1', 't2', { outcome: 'failed', passed: 0, total: 4 }]),
  ]) events.push({ uid: uid(), learner, ts, epoch: 0, lag: 0, kind, module, item, data });
  events.push({ uid: uid(), learner: x, ts: at(8), epoch: 0, lag: 1, kind: 'task_checked', module: 'm1', item: 't2', data: { outcome: 'passed' } });
  return events;
}

async function insert(client, batch) {
  await client.query(`INSERT INTO dlpath.events (uid, learner, ts, kind, module, item, epoch, data, lag)
    SELECT * FROM unnest($1::uuid[], $2::name[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::int[], $8::jsonb[], $9::int[])
    ON CONFLICT (uid) DO NOTHING`, [batch.map((e) => e.uid), batch.map((e) => e.learner), batch.map((e) => e.ts), batch.map((e) => e.kind),
    batch.map((e) => e.module), batch.map((e) => e.item), batch.map((e) => e.epoch), batch.map((e) => (e.data === null ? null : JSON.stringify(e.data))),
    batch.map((e) => e.lag ?? null)]);
}

const SNAPSHOT = ['s_learner ORDER BY learner', 's_module ORDER BY learner, module', 's_task ORDER BY learner, module, item', 's_first ORDER BY learner, module, item'];
async function snapshot(client) {
  const out = {};
  for (const q of SNAPSHOT) out[q.split(' ')[0]] = (await client.query(`SELECT * FROM dlpath.${q}`)).rows.map((r) => JSON.stringify(r));
  return out;
}

// ------------------------------------------------------------------ the report, recomputed in JS from the events

const RANK = { lesson_read: 0, quiz_started: 1, task_started: 1, quiz_answered: 2, review: 2, task_hint: 2, quiz_finished: 3, task_checked: 3, task_solution: 4, reset: 9 };
const round3 = (x) => Math.round(x * 1000) / 1000;

function expected(events, roles, now) {
  const byLearner = new Map(roles.map((r) => [r, []]));
  for (const e of events) byLearner.get(e.learner).push(e);
  const isObj = (d) => d !== null && typeof d === 'object' && !Array.isArray(d);
  const outcome = (e) => (isObj(e.data) && typeof e.data.outcome === 'string' ? e.data.outcome : null);
  const counted = (e) => e.kind === 'task_checked' && outcome(e) !== 'missing_packages';
  const passed = (e) => e.kind === 'task_checked' && outcome(e) === 'passed';
  const skipped = (e) => e.kind === 'task_checked' && outcome(e) === 'missing_packages' && Array.isArray(e.data.missing)
    && e.data.missing.some((x) => typeof x === 'string') && !e.data.missing.includes('numpy');
  const first = new Map(); // learner|module|item -> event
  const learners = [];
  const taskRows = new Map(); // module|item -> [{passed, checksToPass, hint, solution}]
  for (const [learner, evs] of byLearner) {
    evs.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : RANK[a.kind] - RANK[b.kind] || (a.uid < b.uid ? -1 : 1)));
    const resetAt = {};
    for (const e of evs) if (e.kind === 'reset') resetAt[e.module] = e.ts;
    const now_ = (e) => !resetAt[e.module] || (e.ts > resetAt[e.module] && !(e.lag > 0));
    for (const e of evs) {
      if (e.kind !== 'quiz_answered' || !isObj(e.data) || typeof e.data.correct !== 'boolean') continue;
      const k = `${learner}|${e.module}|${e.item}`;
      const f = first.get(k);
      if (!f || e.ts < f.ts || (e.ts === f.ts && e.uid < f.uid)) first.set(k, e);
    }
    const stuck = [];
    const tasksDone = new Map();
    for (const mod of MODULES) for (const item of TASKS[mod]) {
      const te = evs.filter((e) => e.module === mod && e.item === item && e.kind.startsWith('task_'));
      if (!te.length) continue;
      const checks = te.filter(counted);
      const firstPass = te.filter(passed).map((e) => e.ts).sort()[0];
      const failedNow = checks.filter((e) => !passed(e) && now_(e)).length;
      const passedNow = te.some((e) => passed(e) && now_(e));
      tasksDone.set(item, { passedNow, done: passedNow || te.some((e) => skipped(e) && now_(e)) });
      if (failedNow >= 5 && !passedNow) stuck.push({ task: item, failed_checks: failedNow });
      if (!checks.length) continue;
      const hints = te.filter((e) => e.kind === 'task_hint' && isObj(e.data) && typeof e.data.level === 'number').map((e) => e.data.level);
      const row = { passed: firstPass !== undefined, checksToPass: firstPass ? checks.filter((e) => e.ts <= firstPass).length : null,
        hint: hints.length ? Math.max(...hints) : 0, solution: te.some((e) => e.kind === 'task_solution') };
      const key = `${mod}|${item}`;
      if (!taskRows.has(key)) taskRows.set(key, []);
      taskRows.get(key).push(row);
    }
    const lesson = (mod) => evs.some((e) => e.module === mod && e.kind === 'lesson_read' && now_(e));
    const quiz = (mod) => evs.some((e) => e.module === mod && e.kind === 'quiz_finished' && isObj(e.data) && e.data.passed === true && now_(e));
    const tracks = TRACKS.map((t) => {
      let done = 0; let steps = 0;
      for (const m of t.modules) {
        steps += Number(m.lesson) + Number(m.quiz) + m.required.length;
        done += Number(m.lesson && lesson(m.id)) + Number(m.quiz && quiz(m.id)) + m.required.filter((k) => tasksDone.get(k)?.done).length;
      }
      return { track: t.id, percent: steps ? Math.round((100 * done) / steps) : 0, steps_done: done, steps,
        quizzes_passed: t.modules.filter((m) => quiz(m.id)).length, modules: t.modules.length,
        tasks_passed: t.modules.flatMap((m) => m.tasks).filter((k) => tasksDone.get(k)?.passedNow).length, tasks: t.modules.flatMap((m) => m.tasks).length };
    });
    const last = evs.length ? evs[evs.length - 1].ts : null;
    // Overall: every module once (m1 is in both tracks), as progress's summary counts.
    const mods = [...new Map(TRACKS.flatMap((t) => t.modules).map((m) => [m.id, m])).values()];
    const allSteps = mods.reduce((a, m) => a + Number(m.lesson) + Number(m.quiz) + m.required.length, 0);
    const allDone = mods.reduce((a, m) => a + Number(m.lesson && lesson(m.id)) + Number(m.quiz && quiz(m.id)) + m.required.filter((k) => tasksDone.get(k)?.done).length, 0);
    learners.push({ name: learner, last_activity: last, tracks, revoked_at: null, percent: Math.round((100 * allDone) / allSteps),
      stuck: { idle: !last || Date.parse(last) < Date.parse(now) - 7 * 86_400_000, tasks: stuck.sort((a, b) => (a.task < b.task ? -1 : 1)) } });
  }
  // Questions: first answers, the upper and lower 27% by first-try score.
  const score = new Map();
  for (const f of first.values()) score.set(f.learner, (score.get(f.learner) ?? 0) + Number(f.data.correct));
  const ranked = [...score.keys()].sort((a, b) => score.get(b) - score.get(a) || (a < b ? -1 : 1));
  const g = Math.ceil(0.27 * ranked.length);
  const upper = new Set(ranked.slice(0, g));
  const lower = new Set([...score.keys()].sort((a, b) => score.get(a) - score.get(b) || (a < b ? -1 : 1)).slice(0, g).filter((x) => !upper.has(x)));
  const byQ = new Map();
  for (const f of first.values()) {
    const k = `${f.module}|${f.item}`;
    if (!byQ.has(k)) byQ.set(k, []);
    byQ.get(k).push(f);
  }
  const questions = [...byQ].map(([k, fs]) => {
    const [module, question] = k.split('|');
    const rate = fs.filter((f) => f.data.correct).length / fs.length;
    const share = (set) => { const xs = fs.filter((f) => set.has(f.learner)); return xs.length ? xs.filter((f) => f.data.correct).length / xs.length : null; };
    const wrong = new Map();
    for (const f of fs) if (!f.data.correct) { const a = JSON.stringify(f.data.answer); wrong.set(a, (wrong.get(a) ?? 0) + 1); }
    return { module, question, answered: fs.length, first_try_correct_rate: round3(rate), wrongCounts: wrong,
      discrimination: share(upper) === null || share(lower) === null ? null : round3(share(upper) - share(lower)) };
  });
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const h = s.length / 2; return s.length % 2 ? s[Math.floor(h)] : (s[h - 1] + s[h]) / 2; };
  const tasks = [...taskRows].map(([k, rows]) => {
    const [module, task] = k.split('|');
    const ps = rows.filter((r) => r.passed);
    return { module, task, learners: rows.length, pass_rate: round3(ps.length / rows.length), median_checks_to_pass: ps.length ? median(ps.map((r) => r.checksToPass)) : null,
      hints_used: rows.reduce((a, r) => a + r.hint, 0), solutions_seen: rows.filter((r) => r.solution).length };
  });
  return { learners, questions, tasks };
}

test('summaries kept by the trigger equal a rebuild, and the report equals a recomputation from the events', { skip }, async () => {
  const url = await freshDb(server.url, 'dlpath_t_summaries');
  const home = tempDir();
  const r = dlpath(['--home', home, '--json', 'class', 'init', url]);
  assert.equal(r.code, 0, r.stderr);
  const { teacher } = JSON.parse(r.stdout);
  const prefix = teacher.replace(/_teacher$/, '');
  const roles = Array.from({ length: 12 }, (_, i) => `${prefix}_l_p${i}`);
  await sql(url, [`INSERT INTO dlpath.learners (role, name) SELECT r, 'p' || (row_number() OVER () - 1) FROM unnest($1::name[]) r`, [roles]]);
  const rand = prng(20261205);
  const events = makeEvents(rand, roles, 220);
  // Shuffled, in batches of 1 to 300; a fifth of the batches sent again.
  const shuffled = [...events];
  for (let i = shuffled.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]]; }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < shuffled.length;) {
      const n = 1 + Math.floor(rand() * 300);
      const batch = shuffled.slice(i, i + n);
      await insert(client, batch);
      if (rand() < 0.2) await insert(client, batch);
      i += n;
    }
    assert.equal(Number((await client.query('SELECT count(*) AS n FROM dlpath.events')).rows[0].n), events.length);
    const kept = await snapshot(client);
    assert.ok(kept.s_task.length > 20 && kept.s_first.length > 30, 'the class exercises every summary');
    await client.query('SELECT dlpath.rebuild_summaries()');
    assert.deepEqual(await snapshot(client), kept, 'the summaries kept by the trigger are those a rebuild makes');

    const now = '2026-12-05T00:00:00.000Z';
    const got = await readClassReport(client, TRACKS, now);
    const want = expected(events, roles, now);
    const names = new Map(roles.map((role, i) => [role, `p${i}`]));
    assert.deepEqual(got.learners, want.learners.map((l) => ({ ...l, name: names.get(l.name) })).sort((a, b) => (a.name < b.name ? -1 : 1)));
    assert.ok(got.learners.some((l) => l.stuck.tasks.length), 'some learner is stuck on a task');
    assert.ok(got.learners.some((l) => l.tracks.some((t) => t.percent > 0 && t.percent < 100)), 'some progress is partial');
    const byKey = (xs, k) => Object.fromEntries(xs.map((x) => [`${x.module}|${x[k]}`, x]));
    const gq = byKey(got.questions, 'question');
    assert.equal(got.questions.length, want.questions.length);
    for (const w of want.questions) {
      const g = gq[`${w.module}|${w.question}`];
      assert.deepEqual([g.answered, g.first_try_correct_rate, g.discrimination], [w.answered, w.first_try_correct_rate, w.discrimination], `${w.module}/${w.question}`);
      const top = Math.max(0, ...w.wrongCounts.values());
      if (top === 0) assert.equal(g.most_picked_wrong, null);
      else {
        assert.equal(w.wrongCounts.get(JSON.stringify(g.most_picked_wrong)), top, 'the wrong answer picked most');
        assert.equal(g.most_picked_wrong_share, round3(top / w.answered));
      }
    }
    assert.deepEqual(Object.values(byKey(got.tasks, 'task')).sort((a, b) => (a.task < b.task ? -1 : 1)),
      want.tasks.sort((a, b) => (a.task < b.task ? -1 : 1)));

    // A class made before the summaries existed (schema 1): `class init` makes them from its events.
    await client.query(`TRUNCATE dlpath.s_learner, dlpath.s_module, dlpath.s_task, dlpath.s_first`);
    await client.query(`UPDATE dlpath.meta SET value = '1' WHERE key = 'schema_version'`);
    const again = dlpath(['--home', home, 'class', 'init', url]);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(await snapshot(client), kept, 'an older class gets its summaries on init');
    assert.equal((await client.query(`SELECT value FROM dlpath.meta WHERE key = 'schema_version'`)).rows[0].value, '2');
  } finally {
    await client.end();
  }
});

test('two machines of one learner syncing at once: the summaries hold both', { skip }, async () => {
  const url = await freshDb(server.url, 'dlpath_t_summaries_race');
  const r = dlpath(['--home', tempDir(), 'class', 'init', url]);
  assert.equal(r.code, 0, r.stderr);
  const ev = (n, ts, kind) => ({ uid: `00000000-0000-4000-8000-00000000000${n}`, learner: 'l1', ts, epoch: 0, kind, module: 'm0', item: null, data: null });
  const a = new pg.Client({ connectionString: url });
  const b = new pg.Client({ connectionString: url });
  await a.connect(); await b.connect();
  try {
    // Machine A resets the module at 11:00; machine B sends a lesson read at 10:00 while A's sync is open.
    await a.query('BEGIN');
    await insert(a, [ev(1, '2026-11-01T11:00:00.000Z', 'reset')]);
    const bPid = (await b.query('SELECT pg_backend_pid() AS p')).rows[0].p;
    const bDone = insert(b, [ev(2, '2026-11-01T10:00:00.000Z', 'lesson_read')]);
    for (let i = 0; ; i++) {
      const w = await a.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [bPid]);
      if (w.rows[0]?.wait_event_type === 'Lock') break;
      assert.ok(i < 500, 'the second sync waits for the first');
      await new Promise((res) => setTimeout(res, 10));
    }
    await a.query('COMMIT');
    await bDone;
    // B's summary counts A's reset: the lesson was read before it, so not in the current run.
    const row = (await a.query(`SELECT to_char(reset_at AT TIME ZONE 'UTC', 'HH24:MI') AS reset_at, lesson_at FROM dlpath.s_module WHERE learner = 'l1' AND module = 'm0'`)).rows[0];
    assert.deepEqual(row, { reset_at: '11:00', lesson_at: null });
  } finally {
    await a.end(); await b.end();
  }
});
