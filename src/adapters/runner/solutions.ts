/**
 * `dlpath validate --run-solutions`: every reference solution must pass its tests, and every
 * starter and every known wrong implementation (`wrong/*.py` beside the solution) must fail them,
 * run through the same harness a learner's check uses, two at a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import type { Curriculum, Module, Task } from '../../core/model.js';
import type { Problem } from '../../core/checks.js';
import type { KeyPath } from '../../core/schema.js';
import type { CheckResult } from '../../core/check-result.js';
import { readYamlFile, type YamlFile } from '../curriculum/yaml-file.js';
import { spawnSync } from 'node:child_process';
import { pythonCommand, runHarness } from './python.js';
import { taskFile } from './index.js';
import { m } from '../../i18n/tasks.js';

/** Python processes at once: enough to halve the wait, few enough for a 2-core CI machine. */
export const WORKERS = 2;

type Role = 'solution' | 'starter' | 'wrong';

interface Job {
  mod: Module;
  task: Task;
  index: number;
  role: Role;
  /** The file run, relative to the module's folder. */
  rel: string;
}

/** Fewer wrong implementations than this is a warning: the tests have not shown they reject much. */
export const MIN_WRONG = 3;

/** The task's known wrong implementations: `wrong/*.py` in the solution's folder, relative to the module's folder. */
export function wrongFiles(c: Curriculum, mod: Module, task: Task): string[] {
  const rel = path.posix.join(path.posix.dirname(task.solution.split(path.sep).join('/')), 'wrong');
  let names: string[];
  try {
    names = fs.readdirSync(taskFile(c.dir, mod, rel));
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.py')).sort().map((n) => path.posix.join(rel, n));
}

/** The bug a wrong file is about: its first comment line, without the "#". */
export function bugLine(text: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t) continue;
    if (!t.startsWith('#')) return undefined;
    if (t.startsWith('#!') || /^#.*coding[:=]/.test(t)) continue;
    const bug = t.replace(/^#+\s*/, '').trim();
    if (bug) return bug;
  }
  return undefined;
}

interface Done extends Job {
  result: CheckResult;
  ms: number;
}

/** Runs fn over items with at most `workers` running at once; results in the items' order. */
export async function pool<T, R>(items: T[], workers: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, items.length) }, worker));
  return out;
}

function firstLine(s: string | undefined): string {
  return (s ?? '').trim().split('\n').find((l) => l.trim()) ?? '';
}

/** Why a run that should have passed did not, in one line. */
function whyNot(r: CheckResult): string {
  switch (r.outcome) {
    case 'syntax_error': return m('solSyntax', { line: r.problem?.line ?? '?', message: r.problem?.message ?? '' });
    case 'load_error': return m('solLoad', { message: lastLine(r.problem?.message) });
    case 'timed_out': return m('solTimedOut', { s: r.timeLimit });
    case 'crashed': return m('solCrashed', { message: r.problem?.message ? lastLine(r.problem.message) : r.problem?.ended ?? '' });
    default: {
      const bad = r.tests.filter((t) => t.status !== 'passed');
      if (r.timedOut) return m('solTimedOut', { s: r.timeLimit });
      const first = bad[0];
      const detail = first
        ? `${first.name} (${first.status})${first.message ? `: ${lastLine(first.message)}` : first.ended ? `: ${first.ended}` : ''}${bad.length > 1 ? ` (+${bad.length - 1} more)` : ''}`
        : '';
      return m('solFails', { detail });
    }
  }
}

/** The message's most telling line: the exception line of a traceback, else the first line. */
function lastLine(s: string | undefined): string {
  const lines = (s ?? '').trim().split('\n').map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return '';
  const exc = [...lines].reverse().find((l) => /^[A-Za-z_.]*(Error|Exception|Exit|Interrupt)\b/.test(l));
  return exc ?? firstLine(s);
}

/** A path as validate prints it: relative to the course when inside it. */
function courseRel(c: Curriculum, abs: string): string {
  const r = path.relative(c.dir, abs);
  return r.startsWith('..') || path.isAbsolute(r) ? abs : r.split(path.sep).join('/');
}

/** The line of `def <name>(` in a tests file, if it is there. */
function defLine(file: string, name: string): number | undefined {
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch { return undefined; }
  const re = new RegExp(`^def\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\(`);
  const i = text.split(/\r?\n/).findIndex((l) => re.test(l));
  return i < 0 ? undefined : i + 1;
}

/**
 * What went wrong in one run, at the .py file and line it is about: broken tests at their line
 * in tests.py; a file that does not compile or import at its own line; each failing test at the
 * line of the run file where it went wrong, else at the test's `def` in tests.py.
 */
export function pyProblemsOf(c: Curriculum, mod: Module, task: Task, file: string, r: CheckResult): Problem[] {
  const tests = taskFile(c.dir, mod, task.tests);
  const out: Problem[] = [];
  const push = (abs: string, line: number | undefined, column: number | undefined, message: string) =>
    out.push({ file: courseRel(c, abs), path: [], severity: 'error', line: line ?? 1, column: column ?? 1, message });
  switch (r.outcome) {
    case 'tests_broken':
      push(tests, r.problem?.line, r.problem?.column, m('testsBrokenProblem', { message: lastLine(r.problem?.message) }));
      break;
    case 'syntax_error':
      push(file, r.problem?.line, r.problem?.column, `SyntaxError: ${r.problem?.message ?? ''}`);
      break;
    case 'load_error':
      push(file, r.problem?.line, undefined, lastLine(r.problem?.message));
      break;
    case 'failed':
      for (const x of r.tests) {
        if (x.status !== 'failed' && x.status !== 'error' && x.status !== 'timeout') continue;
        const message = m('testFailsWith', { test: x.name, file: path.basename(file), message: x.status === 'timeout' ? m('solTimedOut', { s: r.timeLimit }) : lastLine(x.message ?? x.ended) });
        if (x.line) push(file, x.line, undefined, message);
        else push(tests, defLine(tests, x.name), undefined, message);
      }
      break;
    default:
      break;
  }
  return out;
}

/**
 * Plain `validate` (no --run-solutions): every task's Python files are compiled, in one Python
 * process, so a syntax error in tests.py or solution.py shows at its file:line:column without
 * running anything. Without a Python, nothing is reported here (doctor says so).
 */
export function compileTaskFiles(env: NodeJS.ProcessEnv, c: Curriculum): Problem[] {
  const files: string[] = [];
  for (const mod of c.modules) for (const task of mod.tasks) {
    for (const rel of [task.tests, task.solution, task.starter, ...wrongFiles(c, mod, task)]) {
      const abs = taskFile(c.dir, mod, rel);
      if (!files.includes(abs) && fs.existsSync(abs)) files.push(abs);
    }
  }
  if (!files.length) return [];
  const code = [
    'import sys, json',
    'out = []',
    'for f in sys.argv[1:]:',
    '    try:',
    '        with open(f, "rb") as fh: compile(fh.read(), f, "exec", dont_inherit=True)',
    '    except SyntaxError as e:',
    '        out.append({"file": f, "line": e.lineno, "column": e.offset, "message": "%s: %s" % (type(e).__name__, e.msg)})',
    '    except Exception:',
    '        pass',
    'print(json.dumps(out))',
  ].join('\n');
  const r = spawnSync(pythonCommand(env), ['-B', '-c', code, ...files], { env, encoding: 'utf8', timeout: 30000 });
  if (r.error || r.status !== 0) return [];
  let found: Array<{ file: string; line: number | null; column: number | null; message: string }>;
  try { found = JSON.parse(r.stdout.trim().split('\n').pop() ?? '[]'); } catch { return []; }
  return found.map((x) => ({ file: courseRel(c, x.file), path: [], severity: 'error' as const, line: x.line ?? 1, column: x.column ?? 1, message: x.message }));
}

export async function checkSolutions(ctx: Context, c: Curriculum): Promise<Problem[]> {
  const jobs: Job[] = [];
  const fewWrong: Array<{ mod: Module; index: number; n: number; dir: string }> = [];
  for (const mod of c.modules) {
    mod.tasks.forEach((task, index) => {
      // Missing files are already reported by the loader.
      if (!fs.existsSync(taskFile(c.dir, mod, task.tests))) return;
      const wrong = wrongFiles(c, mod, task);
      if (wrong.length < MIN_WRONG) {
        fewWrong.push({ mod, index, n: wrong.length, dir: path.posix.join(path.posix.dirname(task.solution), 'wrong') });
      }
      const files: Array<[Role, string]> = [['solution', task.solution], ['starter', task.starter], ...wrong.map((w): [Role, string] => ['wrong', w])];
      for (const [role, rel] of files) {
        if (fs.existsSync(taskFile(c.dir, mod, rel))) jobs.push({ mod, task, index, role, rel });
      }
    });
  }
  const done = await pool(jobs, WORKERS, async (job): Promise<Done> => {
    const run = await runHarness({
      env: ctx.env,
      learner: taskFile(c.dir, job.mod, job.rel),
      tests: taskFile(c.dir, job.mod, job.task.tests),
      packages: job.task.packages,
      timeLimit: job.task.time_limit,
      inPlace: job.task.in_place,
    });
    return { ...job, result: run.result, ms: run.ms };
  });

  const files = new Map<string, YamlFile | undefined>();
  const at = (mod: Module, p: KeyPath): { line: number; column: number } => {
    if (!files.has(mod.file)) files.set(mod.file, readYamlFile(path.join(c.dir, mod.file), mod.file, []));
    return files.get(mod.file)?.locate(p) ?? { line: 1, column: 1 };
  };
  const problems: Problem[] = [];
  const add = (d: Done, key: string, severity: Problem['severity'], message: string) => {
    const p: KeyPath = ['tasks', d.index, key];
    if (!problems.some((x) => x.file === d.mod.file && x.path.join('.') === p.join('.') && x.message === message)) {
      problems.push({ file: d.mod.file, path: p, severity, message, ...at(d.mod, p) });
    }
  };

  /** A problem in a wrong file itself: its path relative to the curriculum, at its first line. */
  const addFile = (d: Done, severity: Problem['severity'], message: string) => {
    problems.push({ file: path.posix.join(path.posix.dirname(d.mod.file), d.rel), path: [], severity, message, line: 1, column: 1 });
  };
  /** Tasks whose tests did not run (a missing package, broken tests): no count of wrong files for them. */
  const skipped = new Set<string>();

  for (const d of done) {
    const r = d.result;
    if (r.outcome === 'missing_packages') {
      add(d, 'packages', 'note', m('skippedMissing', { packages: r.missing.join(', ') }));
      skipped.add(`${d.mod.id}/${d.index}`);
      continue;
    }
    if (r.outcome === 'tests_broken') {
      skipped.add(`${d.mod.id}/${d.index}`);
      add(d, 'tests', 'error', m('testsBrokenProblem', { message: lastLine(r.problem?.message) }));
      // ... and at the line of tests.py where they break (once per task, whichever file ran first).
      for (const p of pyProblemsOf(c, d.mod, d.task, taskFile(c.dir, d.mod, d.rel), r)) {
        if (!problems.some((x) => x.file === p.file && x.line === p.line && x.message === p.message)) problems.push(p);
      }
      continue;
    }
    if ((r.outcome === 'passed' || r.outcome === 'failed') && r.total === 0) {
      add(d, 'tests', 'error', m('noTests'));
      continue;
    }
    if (d.role === 'wrong') {
      const bug = bugLine(fs.readFileSync(taskFile(c.dir, d.mod, d.rel), 'utf8'));
      if (!bug) addFile(d, 'warning', m('wrongNoBug'));
      const named = bug ?? m('wrongUnnamed');
      if (r.outcome === 'passed') addFile(d, 'error', m('wrongPasses', { total: r.total, bug: named }));
      else if (r.outcome === 'syntax_error') addFile(d, 'error', m('wrongSyntax', { line: r.problem?.line ?? '?', message: r.problem?.message ?? '' }));
      else if (r.outcome === 'load_error') addFile(d, 'error', m('wrongLoad', { message: lastLine(r.problem?.message) }));
      else if (r.outcome === 'failed' && r.tests.every((t) => t.status === 'passed' || t.status === 'todo')) {
        addFile(d, 'error', m('wrongTodo'));
      }
    } else if (d.role === 'solution') {
      // No "too slow" warning: timings on a busy CI machine would make `validate --strict` flaky.
      if (r.outcome !== 'passed') {
        add(d, 'solution', 'error', whyNot(r));
        // Every failing test, at the line of solution.py (or tests.py) it is about: no "(+1 more)".
        problems.push(...pyProblemsOf(c, d.mod, d.task, taskFile(c.dir, d.mod, d.rel), r));
      }
    } else {
      if (r.outcome === 'passed') add(d, 'starter', 'error', m('starterPasses', { total: r.total }));
      else if (r.outcome === 'syntax_error') {
        add(d, 'starter', 'error', m('starterSyntax', { line: r.problem?.line ?? '?', message: r.problem?.message ?? '' }));
      }
    }
  }
  for (const f of fewWrong) {
    if (skipped.has(`${f.mod.id}/${f.index}`)) continue;
    const p: KeyPath = ['tasks', f.index, 'id'];
    problems.push({ file: f.mod.file, path: p, severity: 'warning', message: m('fewWrong', { n: f.n, min: MIN_WRONG, dir: f.dir }), ...at(f.mod, p) });
  }
  return problems;
}
