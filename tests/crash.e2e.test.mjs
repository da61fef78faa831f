// Crash consistency (issue #12): scripted quiz, check, reset and export runs of the real bin/dlpath are
// killed with SIGKILL after seeded random delays, several homes in parallel; after every run the
// database checker's invariants hold, no learner file is lost, a file from an earlier round is never in
// the workspace of a later one, and an export file is whole or absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, FIXTURES, copyFixture, dlpath, tempDir, testEnv } from './helpers.mjs';
import { checkDatabase } from './dbcheck.mjs';

const QUESTIONS = 30;
const WORKERS = 4;
const KILLS_PER_WORKER = 25; // 4 × 25 = 100 kills in all
const MAX_RUNS_PER_WORKER = 120; // the runs go on until a worker has its kills, at most this many
const PASSES = fs.readFileSync(path.join(FIXTURES, 'tasks-basic', 'learners', 'passes.py'), 'utf8');

/** tasks-basic with a 30-question quiz in tb-vectors, so that a reset touches a quiz and tasks. */
function curriculum() {
  const dir = copyFixture('tasks-basic');
  const qs = Array.from({ length: QUESTIONS }, (_, i) => `    - id: q${i}
      type: true_false
      prompt: {en: "Statement ${i}.", zh: "陈述 ${i}。"}
      answer: ${i % 2 === 0}`).join('\n');
  fs.appendFileSync(path.join(dir, 'modules', 'tb-vectors', 'module.yaml'), `quiz:\n  pass_mark: 0.5\n  questions:\n${qs}\n`);
  return dir;
}

/** mulberry32: a seeded generator, so a failing run can be repeated. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs bin/dlpath and kills it after delayMs (undefined: never). Resolves { code, signal }. */
function runKilled(args, env, input, delayMs) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'ignore', 'ignore'] });
    p.stdin.on('error', () => {});
    p.stdin.end(input ?? '');
    const timer = delayMs === undefined ? undefined : setTimeout(() => p.kill('SIGKILL'), delayMs);
    p.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal }); });
  });
}

async function epochNow(home) {
  if (!fs.existsSync(path.join(home, 'progress.db'))) return 0;
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(home, 'progress.db'), { readonly: true });
  try { return db.prepare("SELECT epoch FROM module_epoch WHERE module = 'tb-vectors'").pluck().get() ?? 0; } finally { db.close(); }
}

async function worker(id, cur, seed) {
  const random = rng(seed);
  const home = tempDir(`dlpath-crash-${id}-`);
  const env = testEnv({ DLPATH_HOME: home, DLPATH_CURRICULUM: cur });
  const ws = path.join(home, 'workspace', 'tb-vectors');
  const file = path.join(ws, 'scale.py');
  const out = path.join(home, 'export.csv');
  const answers = JSON.stringify(Object.fromEntries(Array.from({ length: QUESTIONS }, (_, i) => [`q${i}`, random() < 0.7 ? i % 2 === 0 : i % 2 !== 0])));
  const markers = new Map(); // marker → epoch it was written in
  let marker = 0;
  const ops = {
    quiz: { args: ['quiz', 'tb-vectors', '--answers', '-'], input: answers },
    check: { args: ['check', 'scale'] },
    reset: { args: ['reset', 'tb-vectors', '--yes'] },
    export: { args: ['export', '--format', 'csv', '--out', out] },
  };
  // Each operation's length, measured once without a kill: the kills fall within it.
  const length = {};
  fs.mkdirSync(ws, { recursive: true });
  for (const [name, op] of Object.entries(ops)) {
    if ((name === 'check' || name === 'reset') && !fs.existsSync(file)) { fs.writeFileSync(file, `${PASSES}# marker ${++marker}\n`); markers.set(marker, await epochNow(home)); }
    const t0 = Date.now();
    const r = await runKilled(op.args, env, op.input);
    assert.ok([0, 1].includes(r.code), `${name} ran: ${r.code}`);
    length[name] = Date.now() - t0;
  }
  let kills = 0;
  const problems = [];
  for (let i = 0; kills < KILLS_PER_WORKER && i < MAX_RUNS_PER_WORKER; i++) {
    const name = ['quiz', 'check', 'reset', 'export'][Math.floor(random() * 4)];
    if ((name === 'check' || name === 'reset') && !fs.existsSync(file)) {
      fs.writeFileSync(file, `${PASSES}# marker ${++marker}\n`);
      markers.set(marker, await epochNow(home));
    }
    const t0 = Date.now();
    const r = await runKilled(ops[name].args, env, ops[name].input, Math.floor(random() * length[name] * 0.9));
    if (r.signal === 'SIGKILL') kills++;
    else {
      // A run that ended before its kill shows the operation is shorter now (a machine that got less busy):
      // later delays fall within the shorter length, so the number of kills does not depend on the load.
      length[name] = Math.min(length[name], Date.now() - t0);
      if (![0, 1].includes(r.code)) problems.push(`${name} exited ${r.code}`);
    }
    // The database.
    for (const p of await checkDatabase(home, { scripted: true })) problems.push(`after ${name} #${i}: ${p}`);
    // Learner files: none lost; none from an earlier round left in the workspace.
    const epoch = await epochNow(home);
    const places = [file, ...fs.readdirSync(ws).filter((d) => d.startsWith('.attempt-')).map((d) => path.join(ws, d, 'scale.py'))];
    const found = new Set(places.filter((f) => fs.existsSync(f)).map((f) => Number(/# marker (\d+)/.exec(fs.readFileSync(f, 'utf8'))?.[1])));
    for (const k of markers.keys()) if (!found.has(k)) problems.push(`after ${name} #${i}: learner file ${k} lost`);
    if (fs.existsSync(file)) {
      const k = Number(/# marker (\d+)/.exec(fs.readFileSync(file, 'utf8'))?.[1]);
      if (markers.get(k) !== epoch) problems.push(`after ${name} #${i}: the file of round ${markers.get(k)} is in the workspace of round ${epoch}`);
    }
    // An export is whole or absent.
    if (fs.existsSync(out)) {
      const text = fs.readFileSync(out, 'utf8');
      if (!text.startsWith('id,ts,kind,module,item,epoch,attempt,') || !text.endsWith('\n')) problems.push(`after ${name} #${i}: export.csv is partial (${text.length} bytes)`);
    }
    if (problems.length) break;
  }
  // The home still works, and the next export sweeps away the temporary files of killed ones.
  const p = dlpath(['progress'], { home, curriculum: cur });
  if (p.code !== 0) problems.push(`progress exited ${p.code}: ${p.stderr}`);
  const e = dlpath(['export', '--format', 'csv', '--out', out], { home, curriculum: cur });
  if (e.code !== 0) problems.push(`export exited ${e.code}: ${e.stderr}`);
  const left = fs.readdirSync(home).filter((f) => f.endsWith('.tmp'));
  if (left.length) problems.push(`temporary files left: ${left.join(', ')}`);
  return { kills, problems };
}

test(`crash consistency: quiz/check/reset/export runs in ${WORKERS} homes killed at random moments until ${WORKERS * KILLS_PER_WORKER} kills`, { timeout: 240000 }, async (t) => {
  const cur = curriculum();
  const seed = Number(process.env.DLPATH_CRASH_SEED ?? Date.now() % 100000);
  t.diagnostic(`seed ${seed} (DLPATH_CRASH_SEED=${seed} repeats this run)`);
  const results = await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i, cur, seed + i)));
  const kills = results.reduce((n, r) => n + r.kills, 0);
  t.diagnostic(`${kills} processes killed mid-run`);
  assert.deepEqual(results.flatMap((r) => r.problems), []);
  assert.ok(kills >= 100, `only ${kills} kills`);
});
