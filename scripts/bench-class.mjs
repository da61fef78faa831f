// The class at scale (issue #18), opt-in: `npm run bench -- --only class [--learners 2000 --events 2000]`.
// A class of learners × events (loaded with COPY through psql) in a throwaway local server
// (tests/pg.mjs: DLPATH_TEST_PG_URL, or a cluster of its own); then the wall time of `dlpath class
// report --json` over it, and of `dlpath sync` sending 10,000 new events from one home.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pgServer, freshDb, sql } from '../tests/pg.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'dlpath');
const argOf = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const LEARNERS = Number(argOf('--learners')) || 2000;
const EVENTS = Number(argOf('--events')) || 2000;
const SYNC_EVENTS = 10_000;
const env = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' };
delete env.NODE_EXTRA_CA_CERTS;
for (const k of Object.keys(env)) if (k.startsWith('DLPATH_') && k !== 'DLPATH_TEST_PG_URL') delete env[k];

const server = await pgServer();
if (server.skip) { console.log(`class bench skipped: ${server.skip}`); process.exit(0); }
const url = await freshDb(server.url, 'dlpath_bench');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlpath-bench-class-'));
const run = (args, opts = {}) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { env: { ...env, ...opts.env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return { ...r, ms };
};
try {
  run(['--home', tmp, 'class', 'init', url]);
  const { prefix } = JSON.parse(run(['--home', tmp, '--json', 'class', 'init', url]).stdout).teacher.match(/^(?<prefix>.*)_teacher$/).groups;
  await sql(url, [`INSERT INTO dlpath.learners (role, name) SELECT $1 || '_l_b' || i, 'b' || i FROM generate_series(1, $2::int) i`, [prefix, LEARNERS]]);
  // COPY: learners × events rows of the kinds the report reads, over 8 modules, 400 questions and 16 tasks
  // (the summaries the report reads are made by the server's trigger as the rows arrive).
  const t0 = Date.now();
  const psql = spawn('psql', [url, '-q', '-v', 'ON_ERROR_STOP=1', '-c',
    '\\copy dlpath.events (uid, learner, ts, kind, module, item, epoch, data) FROM STDIN WITH (FORMAT csv)'], { stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise((resolve, reject) => psql.on('close', (c) => (c === 0 ? resolve() : reject(new Error(`psql exit ${c}`)))));
  const hex = (n, w) => n.toString(16).padStart(w, '0');
  let seq = 0;
  const start = Date.parse('2026-09-01T00:00:00Z');
  for (let l = 1; l <= LEARNERS; l++) {
    const role = `${prefix}_l_b${l}`;
    const lines = [];
    for (let e = 0; e < EVENTS; e++) {
      seq++;
      const uid = `${hex(Math.floor(seq / 0x10000), 8)}-${hex(seq & 0xffff, 4)}-4000-8000-${hex(l, 12)}`;
      const ts = new Date(start + l * 1000 + e * 60_000).toISOString();
      const mod = `m${e % 8}`;
      const r = (l * 7919 + e * 104729) % 100;
      // Mostly first and later answers to 400 questions, task checks, hints and quiz ends; now and then a
      // lesson read, a skipped task (torch missing), a solution seen, and a reset of the module.
      let row;
      if (e % 5 < 3) {
        const ok = r < 40 + (l % 50);
        row = [uid, role, ts, 'quiz_answered', mod, `q${e % 400}`, 0, JSON.stringify({ correct: ok, answer: ok ? 'a' : ['b', 'c', 'd'][r % 3] })];
      } else if (e % 5 === 3) {
        const kind = e % 97 === 3 ? 'task_solution' : 'task_checked';
        const data = e % 89 === 3 ? { outcome: 'missing_packages', missing: ['torch'] } : { outcome: r < 30 ? 'passed' : 'failed', passed: r % 4, total: 4 };
        row = [uid, role, ts, kind, mod, `t${e % 16}`, 0, kind === 'task_checked' ? JSON.stringify(data) : ''];
      } else if (e % 250 === 4) {
        row = [uid, role, ts, 'reset', mod, '', 0, ''];
      } else if (e % 50 === 4) {
        row = [uid, role, ts, 'lesson_read', mod, '', 0, ''];
      } else {
        row = [uid, role, ts, e % 2 ? 'task_hint' : 'quiz_finished', mod, e % 2 ? `t${e % 16}` : '', 0,
          JSON.stringify(e % 2 ? { level: 1 + (r % 3) } : { score: r / 100, passed: r >= 80 })];
      }
      lines.push(row.map((v) => (v === '' ? '' : `"${String(v).replace(/"/g, '""')}"`)).join(','));
    }
    if (!psql.stdin.write(`${lines.join('\n')}\n`)) await new Promise((res) => psql.stdin.once('drain', res));
  }
  psql.stdin.end();
  await done;
  await sql(url, 'ANALYZE dlpath.events');
  const loadS = (Date.now() - t0) / 1000;
  const n = Number((await sql(url, 'SELECT count(*) AS n FROM dlpath.events'))[0].n);

  // --statements: the server's own time for each statement of the report (from its log; own cluster only).
  const explain = process.argv.includes('--statements') && server.log;
  if (explain) await sql(url, `ALTER DATABASE dlpath_bench SET log_min_duration_statement = 0`);
  const logFrom = explain ? fs.statSync(server.log).size : 0;
  const rep = run(['--home', tmp, '--json', 'class', 'report', '--url', url]);
  if (explain) {
    const text = fs.readFileSync(server.log, 'utf8').slice(logFrom);
    for (const x of text.matchAll(/duration: ([\d.]+) ms\s+(?:statement|execute [^:]*): ([^\n]{0,80})/g)) if (Number(x[1]) > 50) console.log(`  ${x[1].padStart(9)} ms  ${x[2]}`);
  }
  const report = JSON.parse(rep.stdout);

  // One home with 10,000 events, written through dlpath's own store, then synced.
  const home = path.join(tmp, 'learner');
  const { Store } = await import(path.join(root, 'dist/adapters/store/store.js'));
  const store = Store.open(home, () => new Date());
  store.tx(() => { for (let i = 0; i < SYNC_EVENTS; i++) store.record({ kind: 'lesson_read', module: `m${i % 8}` }); });
  store.close();
  const added = JSON.parse(run(['--home', tmp, '--json', 'class', 'add-learner', `s${process.pid}`, '--url', url]).stdout);
  fs.writeFileSync(path.join(home, 'class.json'), JSON.stringify({ url: added.url, sent_through: 0, last_sync: null }), { mode: 0o600 });
  const sync = run(['--home', home, '--json', 'sync']);
  const sent = JSON.parse(sync.stdout).sent;
  // Then ten more, with those 10,000 already on the server: what a day's sync costs.
  const again = Store.open(home, () => new Date());
  again.tx(() => { for (let i = 0; i < 10; i++) again.record({ kind: 'lesson_read', module: `m${i % 8}` }); });
  again.close();
  const small = run(['--home', home, '--json', 'sync']);
  const smallOut = JSON.parse(small.stdout);

  console.log(`class bench: ${LEARNERS} learners × ${EVENTS} events = ${n} rows loaded with COPY in ${loadS.toFixed(1)} s`);
  console.log(`class report --json: ${(rep.ms / 1000).toFixed(2)} s (budget 5 s)${rep.ms > 5000 ? ' !' : ''}; ${report.learners.length} learners, ${report.questions.length} questions, ${report.tasks.length} tasks`);
  console.log(`sync of ${sent} new events: ${(sync.ms / 1000).toFixed(2)} s (budget 2 s)${sync.ms > 2000 ? ' !' : ''}`);
  console.log(`sync of ${smallOut.sent} new events after those: ${(small.ms / 1000).toFixed(2)} s (${smallOut.fetched} rows read from the server)`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
