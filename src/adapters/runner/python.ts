/**
 * Runs dlpath's Python harness in a child process: its own process group (so a time limit or a
 * learner's fork is ended as a whole), output capped but always drained, the report read from fd 3.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { PACKAGE_ROOT } from '../context.js';
import { EnvError } from '../../core/errors.js';
import { interpret, parseReport, type CheckResult } from '../../core/check-result.js';
import { m } from '../../i18n/tasks.js';

export const HARNESS = path.join(PACKAGE_ROOT, 'harness', 'dlpath_harness.py');

/** Bytes of the learner's stdout (and of stderr) that are kept; the rest is read and dropped. */
export const OUTPUT_LIMIT = 64 * 1024;
/** Bytes of report kept: far more than any honest report (the harness cuts each message). */
const REPORT_LIMIT = 8 * 1024 * 1024;
/** After Python exits, how long its pipes may stay open (a child that escaped the group) before they are cut. */
const DRAIN_GRACE_MS = 300;
/** After the time limit, how long the harness has to end what the learner's code started before it is killed. */
const END_GRACE_MS = 2000;

/**
 * The report's lines that the harness signed: each is `<hmac> <json>`, with the HMAC-SHA256 of
 * `<line number>\n<json>` under this run's key. The first line that is not the next signed one ends the
 * report, so nothing written by another process (the learner's code) counts.
 */
export function verifiedReport(text: string, key: string): string {
  const out: string[] = [];
  let seq = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    const space = line.indexOf(' ');
    const mac = Buffer.from(line.slice(0, space), 'hex');
    const body = line.slice(space + 1);
    const want = createHmac('sha256', key).update(`${seq}\n${body}`).digest();
    if (space < 0 || mac.length !== want.length || !timingSafeEqual(mac, want)) break;
    out.push(body);
    seq++;
  }
  return out.join('\n');
}

/** The interpreter: DLPATH_PYTHON, else python3 on PATH. */
export function pythonCommand(env: NodeJS.ProcessEnv): string {
  return env.DLPATH_PYTHON && env.DLPATH_PYTHON.trim() ? env.DLPATH_PYTHON.trim() : 'python3';
}

export function noPython(cmd: string, reason?: string): EnvError {
  return new EnvError(m('noPython', { cmd, reason: reason ?? '' }).trim(), m('noPythonHint'));
}

/** What was captured of one stream. */
export interface Captured {
  text: string;
  /** Bytes written in all, kept or not. */
  bytes: number;
  truncated: boolean;
}

export interface HarnessRun {
  result: CheckResult;
  stdout: Captured;
  stderr: Captured;
  ms: number;
}

export interface HarnessOptions {
  env: NodeJS.ProcessEnv;
  learner: string;
  tests: string;
  packages: string[];
  /** Seconds for the whole run. */
  timeLimit: number;
  outputLimit?: number;
  /** The task's functions change their arguments by contract: no check that they leave them alone. */
  inPlace?: boolean;
  /** Aborting kills the run's process group (the learner quit `dlpath watch`). */
  signal?: AbortSignal;
}

class Capture {
  private chunks: Buffer[] = [];
  private kept = 0;
  bytes = 0;
  constructor(private readonly limit: number) {}
  add(b: Buffer): void {
    this.bytes += b.length;
    if (this.kept >= this.limit) return;
    const part = b.length > this.limit - this.kept ? b.subarray(0, this.limit - this.kept) : b;
    this.chunks.push(part);
    this.kept += part.length;
  }
  result(): Captured {
    // A multi-byte character cut at the limit decodes to U+FFFD; drop it.
    let text = Buffer.concat(this.chunks).toString('utf8');
    const truncated = this.bytes > this.kept;
    if (truncated) text = text.replace(/\uFFFD$/, '');
    return { text, bytes: this.bytes, truncated };
  }
}

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}

/** Runs the harness on one learner file and the task's tests. Throws EnvError when Python cannot be started. */
export function runHarness(opts: HarnessOptions): Promise<HarnessRun> {
  const cmd = pythonCommand(opts.env);
  const limit = opts.outputLimit ?? OUTPUT_LIMIT;
  const args = ['-B', HARNESS, '--learner', opts.learner, '--tests', opts.tests, '--report-fd', '3', '--report-key'];
  const key = randomBytes(32).toString('hex');
  // The learner's code gets a temporary folder of its own (its TMPDIR); made and removed here, so that
  // it goes even when the harness is killed.
  let tmp: string | undefined;
  try {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlpath-check-'));
    args.push('--tmp', tmp);
  } catch { /* the harness makes its own */ }
  const dropTmp = () => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); };
  for (const p of opts.packages) args.push('--require', p);
  if (opts.inPlace) args.push('--in-place');
  const env: NodeJS.ProcessEnv = {
    ...opts.env,
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONIOENCODING: 'utf-8',
    PYTHONUTF8: '1',
    PYTHONUNBUFFERED: '1',
    // One BLAS thread: tasks are small, and a learner's check must not take every core.
    OMP_NUM_THREADS: opts.env.OMP_NUM_THREADS ?? '1',
    OPENBLAS_NUM_THREADS: opts.env.OPENBLAS_NUM_THREADS ?? '1',
    MKL_NUM_THREADS: opts.env.MKL_NUM_THREADS ?? '1',
  };
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: path.dirname(opts.learner),
      env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    // The key reaches the harness alone, before any of the learner's code runs.
    child.stdin!.on('error', () => { /* Python did not start */ });
    child.stdin!.end(`${key}\n`);
    const out = new Capture(limit);
    const err = new Capture(limit);
    const rep = new Capture(REPORT_LIMIT);
    const report = child.stdio[3] as NodeJS.ReadableStream;
    child.stdout!.on('data', (b: Buffer) => out.add(b));
    child.stderr!.on('data', (b: Buffer) => err.add(b));
    report.on('data', (b: Buffer) => rep.add(b));

    let timedOut = false;
    let exit: { code: number | null; signal: string | null } | undefined;
    let settled = false;
    // The harness ends everything below it (however it detached) when told to stop; killed after a grace.
    let backstop: NodeJS.Timeout | undefined;
    const stop = () => {
      try {
        if (child.pid) process.kill(child.pid, 'SIGTERM');
      } catch { /* gone */ }
      backstop ??= setTimeout(() => killGroup(child.pid), END_GRACE_MS);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, Math.round(opts.timeLimit * 1000));

    const abort = () => stop();
    opts.signal?.addEventListener('abort', abort, { once: true });
    if (opts.signal?.aborted) abort();

    const finish = () => {
      if (settled || !exit) return;
      settled = true;
      opts.signal?.removeEventListener('abort', abort);
      clearTimeout(timer);
      clearTimeout(grace);
      clearTimeout(backstop);
      dropTmp();
      const ms = performance.now() - t0;
      const stderr = err.result();
      const result = interpret({
        events: parseReport(verifiedReport(rep.result().text, key)),
        timedOut,
        timeLimit: opts.timeLimit,
        exitCode: exit.code,
        signal: exit.signal,
        stderrTail: stderr.text.slice(-2000),
      });
      resolve({ result, stdout: out.result(), stderr, ms });
    };
    let grace: NodeJS.Timeout | undefined;
    let open = 3;
    const streamClosed = () => { if (--open === 0) finish(); };
    for (const s of [child.stdout!, child.stderr!, report]) {
      s.on('close', streamClosed);
      s.on('error', () => { /* a pipe broken by the kill */ });
    }

    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      clearTimeout(backstop);
      dropTmp();
      opts.signal?.removeEventListener('abort', abort);
      if (settled) return;
      settled = true;
      reject(noPython(cmd, e.code === 'ENOENT' ? m('notFound') : e.message));
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // Whatever the learner forked is ended with the harness.
      killGroup(child.pid);
      if (open === 0) return finish();
      grace = setTimeout(() => {
        for (const s of [child.stdout!, child.stderr!, report]) (s as unknown as { destroy(): void }).destroy();
        finish();
      }, DRAIN_GRACE_MS);
    });
  });
}

export interface PythonInfo {
  command: string;
  executable: string;
  version: string;
  /** [major, minor] */
  versionTuple: [number, number];
  /** Version of each probed package, or null when it is missing. */
  packages: Record<string, string | null>;
}

/**
 * Asks the interpreter about itself and the given packages (without importing them all: find_spec
 * first, then the version from package metadata). Undefined with a reason when it cannot run.
 */
export function probePython(env: NodeJS.ProcessEnv, packages: string[]): { info?: PythonInfo; error?: string } {
  const cmd = pythonCommand(env);
  const code = [
    'import sys, json, importlib.util',
    'out = {"executable": sys.executable, "version": sys.version.split()[0], "tuple": list(sys.version_info[:2]), "packages": {}}',
    'for name in sys.argv[1:]:',
    '    v = None',
    '    try:',
    '        if importlib.util.find_spec(name) is not None:',
    '            v = "?"',
    '            try:',
    '                from importlib import metadata',
    '                v = metadata.version({"sklearn": "scikit-learn", "cv2": "opencv-python", "PIL": "pillow"}.get(name, name))',
    '            except Exception:',
    '                mod = __import__(name)',
    '                v = str(getattr(mod, "__version__", "?"))',
    '    except Exception:',
    '        v = None',
    '    out["packages"][name] = v',
    'print(json.dumps(out))',
  ].join('\n');
  const r = spawnSync(cmd, ['-B', '-c', code, ...packages], { env, encoding: 'utf8', timeout: 20000 });
  if (r.error) {
    const e = r.error as NodeJS.ErrnoException;
    return { error: e.code === 'ENOENT' ? m('notFound') : e.message };
  }
  if (r.status !== 0) return { error: (r.stderr || '').trim().split('\n').slice(-1)[0] || `exit code ${r.status}` };
  try {
    const v = JSON.parse(r.stdout.trim().split('\n').pop()!) as { executable: string; version: string; tuple: [number, number]; packages: Record<string, string | null> };
    return { info: { command: cmd, executable: v.executable, version: v.version, versionTuple: v.tuple, packages: v.packages } };
  } catch {
    return { error: m('notPython', { cmd }) };
  }
}
