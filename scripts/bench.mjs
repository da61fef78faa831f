// Start-up benchmark of the read-only commands, as a ratio to bare `node -e 0` measured in the same run,
// with a fresh history and with a long one (years of activity), to show reads do not grow with history.
// Usage: npm run bench [-- --runs 15]      (unset NODE_EXTRA_CA_CERTS: it alone slows Node's start ~3x)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'dlpath');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 11;
const env = { ...process.env, NO_COLOR: '1' };
delete env.NODE_EXTRA_CA_CERTS;

function time(args) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

async function longHistory(home, events) {
  const { Store } = await import(path.join(root, 'dist/adapters/store/store.js'));
  const { markLessonRead } = await import(path.join(root, 'dist/adapters/store/progress.js'));
  let t = Date.UTC(2023, 0, 1);
  const store = Store.open(home, () => new Date(t));
  const ids = ['intro-ml', 'math-calculus', 'math-linalg', 'py-numpy', 'ml-linreg'];
  const insert = store.db.prepare('INSERT INTO events (ts, kind, module, item, epoch, data) VALUES (?, ?, ?, ?, 0, ?)');
  store.tx(() => {
    for (let i = 0; i < events; i++) {
      t += 30 * 60 * 1000;
      insert.run(new Date(t).toISOString(), 'quiz_answered', ids[i % ids.length], `q${i % 400}`, '{"correct":true}');
    }
  });
  for (const id of ids) markLessonRead(store, id);
  store.close();
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlpath-bench-'));
try {
  const fresh = path.join(tmp, 'fresh');
  const long = path.join(tmp, 'long');
  const n = 200000;
  await longHistory(long, n);
  const commands = [['next', '--json'], ['path'], ['progress', '--json'], ['--help']];
  for (const home of [fresh, long]) spawnSync(process.execPath, [bin, '--home', home, 'path'], { env }); // warm the curriculum cache
  const base = time(['-e', '0']);
  console.log(`node -e 0: ${base.toFixed(1)} ms (median of ${runs})`);
  for (const c of commands) {
    for (const [label, home] of [['fresh', fresh], [`${n} events`, long]]) {
      const ms = time([bin, '--home', home, ...c]);
      console.log(`dlpath ${c.join(' ').padEnd(16)} ${label.padEnd(14)} ${ms.toFixed(1).padStart(7)} ms  ×${(ms / base).toFixed(2)}`);
    }
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
