// The speed budgets of issue #14, measured: every case as the CPU time of the whole process (user + sys,
// children included) over that of bare `node -e 0` run just before it, the median of the per-pair ratios.
// CPU time holds far better than wall time on a busy machine. It makes its own cases: a home with a
// 1,000,000-event history, and a 10× course (340 modules) made from the shipped one.
// Usage: npm run bench [-- --runs 15] [-- --only shipped,history,10x,first,check,starter]
// The class case (issue #18: a PostgreSQL server with 4 M events) is opt-in: npm run bench -- --only class
// (NODE_EXTRA_CA_CERTS is unset for every run: it alone slows Node's start about 3×.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'dlpath');
const argOf = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const runs = Math.max(3, Number(argOf('--runs')) || 15);
const only = argOf('--only')?.split(',');
const want = (k) => !only || only.includes(k);
const env = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' };
delete env.NODE_EXTRA_CA_CERTS;
for (const k of Object.keys(env)) if (k.startsWith('DLPATH_')) delete env[k];
const python = env.DLPATH_PYTHON || 'python3';
const YAML = createRequire(import.meta.url)('yaml');
// The class at scale (a PostgreSQL server, minutes to load) runs only when asked for: --only class.
if (only?.includes('class')) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench-class.mjs'), ...process.argv.slice(2)], { stdio: 'inherit', env });
  if (only.length === 1) process.exit(r.status ?? 1);
}

/**
 * Runs pairs [base, command] `runs` times and gives the median ratio of their CPU times. The
 * measuring is done by Python's os.wait4, which returns a child's own resource usage (with its
 * waited-for children) in microseconds; Node has no such call. `prepare` (a shell command) runs
 * before each measured command, unmeasured.
 */
function pairs(cases) {
  const script = `
import json, os, subprocess, sys, statistics, time
cases = json.load(sys.stdin)
env = dict(os.environ)
def cpu(argv, cwd=None, fds=False):
    kw = {"pass_fds": (3,)} if fds else {}
    if fds:  # the report pipe on fd 3, as dlpath gives it to the harness
        r0, w0 = os.pipe()
        r, w = os.dup2(r0, 40), os.dup2(w0, 41)
        os.close(r0); os.close(w0)
        os.dup2(w, 3)
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    if fds:
        os.close(3); os.close(w)
        while os.read(r, 65536): pass
        os.close(r)
    _, status, ru = os.wait4(p.pid, 0)
    return ru.ru_utime + ru.ru_stime, os.waitstatus_to_exitcode(status), time.perf_counter() - t0
out = []
for c in cases:
    ratios, walls, base_ms, cmd_ms = [], [], [], []
    for i in range(c["runs"]):
        if c.get("prepare"):
            subprocess.run(c["prepare"], shell=True, check=True, env=env)
        b, _, bw = cpu(c["base"], c.get("cwd"), c.get("base_fd3", False))
        if c.get("prepare"):
            subprocess.run(c["prepare"], shell=True, check=True, env=env)
        t, code, tw = cpu(c["argv"], c.get("cwd"))
        if code not in c.get("codes", [0]):
            sys.exit("%s: exit code %s" % (" ".join(c["argv"]), code))
        ratios.append(t / b); walls.append(tw / bw); base_ms.append(b * 1000); cmd_ms.append(t * 1000)
    out.append({"ratio": statistics.median(ratios), "wall": statistics.median(walls), "base": statistics.median(base_ms), "ms": statistics.median(cmd_ms)})
print(json.dumps(out))
`;
  const r = spawnSync(python, ['-c', script], { env, input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`measuring failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** A course ten times the shipped one: every module, question and task copied with a suffix. */
function tenfold(dest) {
  const src = path.join(root, 'curriculum');
  const rootYaml = YAML.parse(fs.readFileSync(path.join(src, 'curriculum.yaml'), 'utf8'));
  const ids = rootYaml.tracks.flatMap((t) => t.modules);
  const tracks = [];
  for (let k = 0; k < 10; k++) {
    const sfx = k === 0 ? '' : `-x${k}`;
    for (const t of rootYaml.tracks) tracks.push({ ...t, id: `${t.id}${sfx}`, modules: t.modules.map((id) => `${id}${sfx}`) });
    for (const id of ids) {
      const dir = path.join(dest, 'modules', `${id}${sfx}`);
      fs.cpSync(path.join(src, 'modules', id), dir, { recursive: true });
      const mod = YAML.parse(fs.readFileSync(path.join(dir, 'module.yaml'), 'utf8'));
      mod.id = `${id}${sfx}`;
      mod.track = `${mod.track}${sfx}`;
      mod.requires = (mod.requires ?? []).map((r) => `${r}${sfx}`);
      for (const q of mod.quiz?.questions ?? []) q.id = `${q.id}${sfx}`;
      for (const t of mod.tasks ?? []) t.id = `${t.id}${sfx.replace('-', '_')}`;
      fs.writeFileSync(path.join(dir, 'module.yaml'), YAML.stringify(mod));
    }
  }
  fs.writeFileSync(path.join(dest, 'curriculum.yaml'), YAML.stringify({ ...rootYaml, tracks }));
  return { modules: ids.length * 10 };
}

async function longHistory(home, events) {
  const { Store } = await import(path.join(root, 'dist/adapters/store/store.js'));
  const { markLessonRead } = await import(path.join(root, 'dist/adapters/store/progress.js'));
  let t = Date.UTC(2020, 0, 1);
  const store = Store.open(home, () => new Date(t));
  const ids = ['intro-ml', 'math-calculus', 'math-linalg', 'py-numpy', 'ml-linreg'];
  const insert = store.db.prepare('INSERT INTO events (ts, kind, module, item, epoch, data) VALUES (?, ?, ?, ?, 0, ?)');
  store.tx(() => {
    for (let i = 0; i < events; i++) {
      t += 3 * 60 * 1000;
      insert.run(new Date(t).toISOString(), 'quiz_answered', ids[i % ids.length], `q${i % 400}`, '{"correct":true}');
    }
  });
  for (const id of ids) markLessonRead(store, id);
  store.close();
}

const dl = (home, ...args) => spawnSync(process.execPath, [bin, '--home', home, ...args], { env, encoding: 'utf8' });
const base = [process.execPath, '-e', '0'];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlpath-bench-'));
const rows = [];
const budget = {};
try {
  const commands = [['next', '--json'], ['progress', '--json'], ['path']];
  const cases = [];
  const label = [];
  if (want('shipped')) {
    const home = path.join(tmp, 'shipped');
    dl(home, 'path');
    for (const c of commands) { cases.push({ base, argv: [process.execPath, bin, '--home', home, ...c], runs }); label.push([`${c.join(' ')}, shipped course`, 2.5]); }
  }
  if (want('history')) {
    const home = path.join(tmp, 'history');
    process.stderr.write('writing a 1,000,000-event history…\n');
    await longHistory(home, 1_000_000);
    dl(home, 'path');
    for (const c of commands) { cases.push({ base, argv: [process.execPath, bin, '--home', home, ...c], runs }); label.push([`${c.join(' ')}, 1,000,000 events`, 2.5]); }
  }
  if (want('10x')) {
    const cur = path.join(tmp, 'course-10x');
    const { modules } = tenfold(cur);
    const home = path.join(tmp, 'home-10x');
    const first = dl(home, '--curriculum', cur, 'path');
    if (first.status !== 0) throw new Error(`the 10× course does not load: ${first.stderr}`);
    for (const c of commands) { cases.push({ base, argv: [process.execPath, bin, '--home', home, '--curriculum', cur, ...c], runs }); label.push([`${c.join(' ')}, 10× course (${modules} modules)`, 3]); }
  }
  if (want('first')) {
    // As installed: a copy of the package (new file times and inodes, as npm gives them), a new data folder each run.
    const pkg = path.join(tmp, 'installed');
    for (const d of ['bin', 'dist', 'curriculum', 'harness', 'schema', 'package.json']) fs.cpSync(path.join(root, d), path.join(pkg, d), { recursive: true });
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(pkg, 'node_modules'));
    const home = path.join(tmp, 'first');
    cases.push({ base, argv: [process.execPath, path.join(pkg, 'bin', 'dlpath'), '--home', home, 'next', '--json'], runs, prepare: `rm -rf '${home}'` });
    label.push(['first command in a fresh data folder, installed copy (next --json)', 4]);
  }
  if (want('check') || want('starter')) {
    const home = path.join(tmp, 'check');
    const task = 'pairwise_sq_dists';
    const mod = 'py-numpy';
    const r = dl(home, 'task', task);
    if (r.status !== 0) throw new Error(`dlpath task ${task}: ${r.stderr}`);
    const y = YAML.parse(fs.readFileSync(path.join(root, 'curriculum', 'modules', mod, 'module.yaml'), 'utf8'));
    const t = y.tasks.find((x) => x.id === task);
    const ws = path.join(home, 'workspace', mod, `${task}.py`);
    const starterCopy = path.join(tmp, 'starter.py');
    fs.copyFileSync(ws, starterCopy);
    if (want('starter')) {
      cases.push({ base, argv: [process.execPath, bin, '--home', home, 'check', task], runs, codes: [1], prepare: `cp '${starterCopy}' '${ws}'` });
      label.push(['check on an untouched starter, no Python (vs node -e 0)', 2.5]);
    }
    if (want('check')) {
      const solution = path.join(root, 'curriculum', 'modules', mod, t.solution);
      const tests = path.join(root, 'curriculum', 'modules', mod, t.tests);
      const harness = [python, '-B', path.join(root, 'harness', 'dlpath_harness.py'), '--learner', ws, '--tests', tests, '--report-fd', '3',
        ...(t.packages ?? []).flatMap((p) => ['--require', p])];
      cases.push({ base: harness, base_fd3: true, cwd: path.dirname(ws), argv: [process.execPath, bin, '--home', home, 'check', task], runs,
        prepare: `cp '${solution}' '${ws}'` });
      label.push(['check on the reference solution (vs the harness run directly)', 1.2]);
    }
  }
  const out = pairs(cases);
  out.forEach((o, i) => rows.push({ case: label[i][0], ...o, budget: label[i][1] }));
  const w = Math.max(...rows.map((r) => r.case.length));
  console.log(`CPU time (user + sys, children included) as a ratio to the baseline run just before it; median of ${runs} pairs.`);
  console.log(`(wall: the same ratio of elapsed times, which a busy machine blurs)`);
  console.log(`${'case'.padEnd(w)}  ratio  budget   wall  CPU ms (baseline)`);
  for (const r of rows) {
    const ok = r.ratio <= r.budget ? ' ' : '!';
    console.log(`${r.case.padEnd(w)}  ${r.ratio.toFixed(2).padStart(5)}× ${ok}≤${String(r.budget).padEnd(4)} ${r.wall.toFixed(2).padStart(5)}×  ${r.ms.toFixed(0).padStart(4)} (${r.base.toFixed(0)})`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
