/**
 * What a check of a coding task came to, read from the harness's report. Pure: the runner hands
 * in the report lines and how the Python process ended; this decides what the learner is told.
 */

/** One line of the harness's report (harness/dlpath_harness.py). */
export type HarnessEvent =
  | { event: 'env'; python: string; missing: string[] }
  | { event: 'load'; status: 'ok' }
  | { event: 'load'; status: 'syntax'; message: string; line: number | null; column: number | null; text: string }
  | { event: 'load'; status: 'error'; message: string; line: number | null }
  | { event: 'tests'; status: 'error'; message: string; line?: number | null; column?: number | null }
  | { event: 'plan'; tests: string[]; docs?: string[] }
  | { event: 'start'; test: string }
  | { event: 'result'; test: string; doc: string; status: 'passed' | 'failed' | 'error' | 'todo'; message?: string; line?: number | null; ms?: number }
  | { event: 'done' };

/** How the Python process ended, as the runner saw it. */
export interface ProcessEnd {
  events: HarnessEvent[];
  /** The time limit ran out and the process group was killed. */
  timedOut: boolean;
  /** Seconds. */
  timeLimit: number;
  exitCode: number | null;
  signal: string | null;
  /** The end of what Python wrote to stderr (for a harness that could not even start). */
  stderrTail: string;
}

export type TestStatus = 'passed' | 'failed' | 'error' | 'todo' | 'timeout' | 'not_run';

export interface TestResult {
  name: string;
  /** The test's docstring's first line: what the learner reads. */
  doc: string;
  status: TestStatus;
  message?: string;
  /** The line in the learner's file where it went wrong, when known. */
  line?: number;
  ms?: number;
  /** For a test Python died in: how it ended ("signal SIGSEGV", "exit code 3"). */
  ended?: string;
}

export type Outcome =
  /** Every test passed. */
  | 'passed'
  /** Tests ran and at least one did not pass (failed, error, timed out, or never ran). */
  | 'failed'
  /** The learner's file is still the starter. */
  | 'not_attempted'
  /** The task needs packages this Python lacks. */
  | 'missing_packages'
  /** The learner's file does not parse. */
  | 'syntax_error'
  /** The learner's file raised while being imported. */
  | 'load_error'
  /** The time limit ran out before any test started (a loop at the top level of the file, a slow import). */
  | 'timed_out'
  /** The task's tests file itself is broken: the curriculum's problem. */
  | 'tests_broken'
  /** Python stopped without saying why (killed, crashed, not a usable Python). */
  | 'crashed';

export interface CheckResult {
  outcome: Outcome;
  tests: TestResult[];
  passed: number;
  total: number;
  /** Packages the task needs that are missing. */
  missing: string[];
  /** For syntax_error, load_error, tests_broken, crashed: what went wrong and where. */
  problem?: { message?: string; line?: number; column?: number; text?: string; ended?: string; during?: 'start' | 'import' | 'tests' };
  timedOut: boolean;
  timeLimit: number;
  /** The Python version that ran the check. */
  python?: string;
}

/** Reads the report stream: one JSON object per line; anything else (a cut-off last line) is skipped. */
export function parseReport(text: string): HarnessEvent[] {
  const out: HarnessEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const v = JSON.parse(line) as unknown;
      if (v && typeof v === 'object' && typeof (v as { event?: unknown }).event === 'string') out.push(v as HarnessEvent);
    } catch {
      // not a report line
    }
  }
  return out;
}

/** Whether the learner's file is still the starter (line endings and trailing spaces do not count). */
export function isUntouched(learner: string, starter: string): boolean {
  const norm = (s: string) => s.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n').trim();
  return norm(learner) === norm(starter);
}

/** The package an import error names ("No module named 'torch'"), if the error is one. */
export function missingModule(message: string): string | undefined {
  const m = /ModuleNotFoundError: No module named '([^'.]+)/.exec(message);
  return m ? m[1] : undefined;
}

function ended(p: ProcessEnd): string {
  if (p.signal) return `signal ${p.signal}`;
  return `exit code ${p.exitCode ?? '?'}`;
}

/** Interprets a finished harness run. */
export function interpret(p: ProcessEnd): CheckResult {
  const base = { tests: [] as TestResult[], passed: 0, total: 0, missing: [] as string[], timedOut: p.timedOut, timeLimit: p.timeLimit };
  const env = p.events.find((e): e is Extract<HarnessEvent, { event: 'env' }> => e.event === 'env');
  const python = env?.python;
  if (!env) {
    // The interpreter never got as far as the harness's first line (before the learner's file is
    // touched): the environment's problem (a hanging interpreter), not the learner's.
    if (p.timedOut) return { ...base, python, outcome: 'crashed', problem: { ended: `no sign of life within ${p.timeLimit} s`, during: 'start' } };
    const tail = p.stderrTail.trim().split('\n').slice(-5).join('\n');
    return { ...base, python, outcome: 'crashed', problem: { message: tail || undefined, ended: ended(p), during: 'start' } };
  }
  if (env.missing.length) return { ...base, python, outcome: 'missing_packages', missing: env.missing };

  const load = p.events.find((e): e is Extract<HarnessEvent, { event: 'load' }> => e.event === 'load');
  if (!load) {
    if (p.timedOut) return { ...base, python, outcome: 'timed_out' };
    return { ...base, python, outcome: 'crashed', problem: { ended: ended(p), during: 'import' } };
  }
  if (load.status === 'syntax') {
    return { ...base, python, outcome: 'syntax_error', problem: {
      message: load.message, line: load.line ?? undefined, column: load.column ?? undefined, text: load.text } };
  }
  if (load.status === 'error') {
    // A learner's own `import nunpy` is their error to read, not a package to install: only the
    // task's declared packages (checked above) and its tests' imports count as missing packages.
    return { ...base, python, outcome: 'load_error', problem: { message: load.message, line: load.line ?? undefined } };
  }

  const broken = p.events.find((e): e is Extract<HarnessEvent, { event: 'tests' }> => e.event === 'tests');
  if (broken) {
    const pkg = missingModule(broken.message);
    if (pkg) return { ...base, python, outcome: 'missing_packages', missing: [pkg] };
    return { ...base, python, outcome: 'tests_broken', problem: { message: broken.message,
      ...(broken.line ? { line: broken.line } : {}), ...(broken.column ? { column: broken.column } : {}) } };
  }

  const plan = p.events.find((e): e is Extract<HarnessEvent, { event: 'plan' }> => e.event === 'plan');
  if (!plan) {
    if (p.timedOut) return { ...base, python, outcome: 'timed_out' };
    return { ...base, python, outcome: 'crashed', problem: { ended: ended(p), during: 'tests' } };
  }
  const done = p.events.some((e) => e.event === 'done');
  const results = new Map<string, Extract<HarnessEvent, { event: 'result' }>>();
  const started = new Set<string>();
  for (const e of p.events) {
    if (e.event === 'result') results.set(e.test, e);
    if (e.event === 'start') started.add(e.test);
  }
  const tests: TestResult[] = plan.tests.map((name, i) => {
    const r = results.get(name);
    const doc = plan.docs?.[i] ?? '';
    if (r) {
      const t: TestResult = { name, doc: r.doc, status: r.status };
      if (r.message !== undefined) t.message = r.message;
      if (r.line !== undefined && r.line !== null) t.line = r.line;
      if (r.ms !== undefined) t.ms = r.ms;
      return t;
    }
    if (started.has(name) && !done) {
      return p.timedOut
        ? { name, doc, status: 'timeout' }
        : { name, doc, status: 'error', ended: ended(p) };
    }
    return { name, doc, status: 'not_run' };
  });
  const passed = tests.filter((t) => t.status === 'passed').length;
  const total = tests.length;
  const allPassed = done && total > 0 && passed === total;
  return { ...base, python, outcome: allPassed ? 'passed' : 'failed', tests, passed, total };
}

/** The result a check gives without running Python: the learner's file is still the starter. */
export function notAttempted(timeLimit: number): CheckResult {
  return { outcome: 'not_attempted', tests: [], passed: 0, total: 0, missing: [], timedOut: false, timeLimit };
}

/** Packages every task may use: without them dlpath's tasks cannot run at all, so none is skipped for them. */
export const ESSENTIAL_PACKAGES: readonly string[] = ['numpy'];

/** A task whose only missing packages are optional extras (torch, ...) is skipped; a missing essential is not. */
export function skippable(missing: readonly string[]): boolean {
  return missing.length > 0 && missing.every((p) => !ESSENTIAL_PACKAGES.includes(p));
}
