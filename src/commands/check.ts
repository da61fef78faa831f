/** `dlpath check [task]`: runs the task's tests on the learner's file, shows each test, records the attempt. */
import fs from 'node:fs';
import type { Context } from './context.js';
import { standing, stepCommand, stepTitle } from './shared.js';
import { resolveTask, type FoundTask } from './task.js';

export { resolveTask };
import type { CurriculumIndex } from '../core/model.js';
import { skippable, type CheckResult, type TestResult } from '../core/check-result.js';
import { moduleStates, nextStep } from '../core/path.js';
import { CurriculumError, EnvError, EXIT, UsageError } from '../core/errors.js';
import { checkFile, pythonCommand, readTaskFile, workspaceFile, type Captured, type HarnessRun } from '../adapters/runner/index.js';
import type { Store } from '../adapters/store/store.js';
import { readProgress } from '../adapters/store/progress.js';
import { recordCheck } from '../adapters/store/tasks.js';
import { theme, type Theme } from '../adapters/ui/theme.js';
import { displayWidth, fitColumns, textWidth } from '../adapters/ui/markdown.js';
import { sentences } from '../i18n/index.js';
import { m } from '../i18n/tasks.js';


export interface CheckRun {
  found: FoundTask;
  file: string;
  run: HarnessRun;
  firstPass: boolean;
  /** The module was reset while the check ran: it counts for the round before. */
  earlierEpoch?: boolean;
  /** What comes next on the path after a first pass. */
  next?: { what: string; cmd: string } | null;
}

/**
 * Runs and records one check. Problems the learner cannot fix in their file are thrown (exit 3 or 4).
 * Undefined when `signal` aborted the run (nothing is recorded then).
 */
export async function runCheck(ctx: Context, ix: CurriculumIndex, store: Store, found: FoundTask, signal?: AbortSignal): Promise<CheckRun | undefined> {
  const { module: mod, task } = found;
  const file = workspaceFile(ctx.home, mod, task);
  if (!fs.existsSync(file)) {
    throw new UsageError(m('noWorkspaceFile', { task: task.id, file }), m('noWorkspaceFileHint', { task: task.id }));
  }
  const starter = readTaskFile(ix.curriculum.dir, mod, task.starter);
  // The round the check belongs to is the one it began in.
  const epoch = store.epoch(mod.id);
  // The harness writes its messages, and the tests their names, in the learner's language.
  // Arrays are printed to fit the terminal, under the report's indent and label.
  const reprWidth = String(Math.max(50, Math.min(100, (ctx.stdout.columns ?? 100) - 18)));
  const run = await checkFile({ ...ctx.env, DLPATH_LANG: ctx.lang, DLPATH_REPR_WIDTH: reprWidth }, ix.curriculum.dir, mod, task, file, starter, signal);
  if (signal?.aborted) return undefined;
  const r = run.result;
  if (r.outcome === 'crashed' && r.problem?.during === 'start') {
    const cmd = pythonCommand(ctx.env);
    if (r.timedOut) throw new EnvError(m('pythonHung', { cmd, s: r.timeLimit }), m('noPythonHint'));
    throw new EnvError(`${m('pythonBroken', { cmd })}${r.problem.message ? `\n${r.problem.message}` : ''}`, m('noPythonHint'));
  }
  const { firstPass, earlierEpoch } = recordCheck(store, mod.id, task.id, {
    outcome: r.outcome, passed: r.passed, total: r.total, ms: run.ms, missing: r.missing,
    skip: r.outcome === 'missing_packages' && skippable(r.missing) }, epoch);
  if (r.outcome === 'tests_broken') {
    throw new CurriculumError(`${m('testsBroken', { task: task.id })}\n${r.problem?.message ?? ''}`,
      m('validateTaskHint', { dir: ix.curriculum.dir, task: task.id }));
  }
  let next: CheckRun['next'];
  if (earlierEpoch) return { found, file, run, firstPass: false, earlierEpoch, next: undefined };
  if (firstPass) {
    const after = nextStep(moduleStates(ix, readProgress(store)));
    next = after?.next ? { what: stepTitle(after.next, ix), cmd: stepCommand(after.next) } : null;
  }
  return { found, file, run, firstPass, next };
}

export function exitCodeOf(r: CheckResult): number {
  if (r.outcome === 'passed') return EXIT.ok;
  if (r.outcome === 'missing_packages') return EXIT.env;
  return EXIT.notPassed;
}

const secs = (ms: number) => (ms / 1000).toFixed(1);

function indent(text: string, pad: string): string {
  return text.replace(/\s+$/, '').split('\n').map((l) => `${pad}${l}`).join('\n');
}

function testLine(t: Theme, r: CheckResult, x: TestResult): string {
  const name = x.doc || x.name;
  switch (x.status) {
    case 'passed': return `  ${t.ok(t.sym.pass)} ${name}`;
    case 'failed': return `  ${t.bad(t.sym.fail)} ${name}`;
    case 'error': return `  ${t.bad(t.sym.error)} ${name}`;
    case 'timeout': return `  ${t.bad(t.sym.error)} ${name} ${t.bad(m('paren', { text: m('testTimeout', { s: r.timeLimit }) }))}`;
    case 'todo': return `  ${t.warn(t.sym.skip)} ${name} ${t.dim(m('paren', { text: m('testTodo') }))}`;
    case 'not_run': return `  ${t.dim(t.sym.skip)} ${t.dim(`${name} ${m('paren', { text: r.timedOut ? m('testNotRun') : m('testNotRunCrash') })}`)}`;
  }
}

/** Lines and characters of the learner's output shown in the report (all of it is in --json, up to the capture limit). */
const SHOWN_LINES = 30;
const SHOWN_CHARS = 4000;

function outputBlock(t: Theme, title: string, c: Captured): string {
  if (!c.bytes) return '';
  let text = c.text.replace(/\s+$/, '');
  let cut = c.truncated;
  const lines = text.split('\n');
  if (lines.length > SHOWN_LINES) { text = lines.slice(0, SHOWN_LINES).join('\n'); cut = true; }
  if (text.length > SHOWN_CHARS) { text = text.slice(0, SHOWN_CHARS); cut = true; }
  let s = `\n${t.dim(title)}\n${indent(text, t.dim('  │ '))}\n`;
  if (cut) s += `${t.dim(`  ${m('outputCut', { shown: Buffer.byteLength(text), bytes: c.bytes })}`)}\n`;
  return s;
}

/**
 * NumPy's repr of a 2-D array continues under "array([", which sits further right once a label such
 * as "expected: " or "期望：" is in front of it: the continuation lines get the label's width too.
 */
export function alignReprs(msg: string): string {
  const lines = msg.split('\n');
  let pad = '';
  for (let i = 0; i < lines.length; i++) {
    const label = /^(.*?\S.*?)array\(/.exec(lines[i]);
    if (label && !/^\s+\[/.test(lines[i])) { pad = ' '.repeat(displayWidth(label[1])); continue; }
    if (pad && /^\s+\[/.test(lines[i])) lines[i] = pad + lines[i];
    else pad = '';
  }
  return lines.join('\n');
}

function firstLine(s: string): string {
  return s.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
}

/** The line said as a check starts, before the tests run (they may take up to the time limit). */
export function checkingLine(ctx: Context, found: FoundTask): string {
  const t = theme(ctx);
  return `${t.dim(m('checking', { task: found.task.id, file: t.file(workspaceFile(ctx.home, found.module, found.task)) }))}\n\n`;
}

/** The learner-facing report of one check (after checkingLine). */
export function renderCheck(ctx: Context, c: CheckRun, full = false): string {
  const t = theme(ctx);
  const { task } = c.found;
  const r = c.run.result;
  let out = '';
  switch (r.outcome) {
    case 'not_attempted':
      out += `${t.warn(m('notAttempted', { file: c.file }))}\n${m('notAttemptedHint', { task: task.id })}\n`;
      return out;
    case 'missing_packages': {
      const packages = r.missing.join(' ');
      out += `${t.warn(m('missingPackages', { task: task.id, packages: r.missing.join(', '), python: r.python ?? pythonCommand(ctx.env) }))}\n`;
      out += skippable(r.missing)
        ? `${m('missingPackagesHint', { cmd: pythonCommand(ctx.env), packages, optional: task.optional ? m('optionalNote') : '' })}\n`
        : `${m('missingEssential', { cmd: pythonCommand(ctx.env), packages })}\n`;
      return out;
    }
    case 'syntax_error': {
      const p = r.problem!;
      out += `${t.bad(p.line ? m('syntaxError', { line: p.line, column: p.column ?? 1, message: p.message ?? '' }) : m('syntaxErrorNoPos', { message: p.message ?? '' }))}\n`;
      if (p.text && p.line) {
        const gutter = `${p.line} | `;
        out += `\n  ${t.dim(gutter)}${p.text}\n`;
        if (p.column) out += `  ${' '.repeat(gutter.length + Math.max(0, p.column - 1))}${t.bad('^')}\n`;
      }
      break;
    }
    case 'load_error':
      out += `${t.bad(m('loadError'))}\n${indent(r.problem?.message ?? '', '  ')}\n`;
      break;
    case 'timed_out':
      out += `${t.bad(m('loadTimedOut', { s: r.timeLimit }))}\n`;
      break;
    case 'crashed':
      out += `${t.bad(r.problem?.during === 'import' ? m('crashedImport', { how: r.problem?.ended ?? '' }) : m('crashedTests', { how: r.problem?.ended ?? '' }))}\n`;
      break;
    case 'tests_broken':
      break;
    case 'passed':
    case 'failed': {
      // What to fix comes first: the first failing test in full (expected vs got), then every test
      // on one line each, other failures with the first line of their message only (--json and
      // `check --full` have every message in full).
      const msgOf = (x: TestResult) => (x.ended ? m('testCrashed', { how: x.ended }) : x.message ?? '');
      const failing = r.tests.filter((x) => x.status === 'failed' || x.status === 'error');
      const first = failing[0];
      const width = Math.min(textWidth(ctx.stdout), (ctx.stdout.columns ?? 80) - 1);
      if (first && !full) {
        out += `${testLine(t, r, first)}\n`;
        if (msgOf(first)) out += `${indent(alignReprs(msgOf(first)), '      ')}\n`;
        if (r.tests.length > 1) out += `\n${t.dim(m('allTests'))}\n`;
      }
      let previous = '';
      for (const x of r.tests) {
        if (first && !full && r.tests.length === 1) break;
        let line = testLine(t, r, x);
        if (x.status === 'failed' || x.status === 'error') {
          const msg = msgOf(x);
          if (full) {
            out += `${line}\n`;
            // One mistake often fails every test the same way: its traceback is shown once.
            if (msg && msg === previous) out += `${t.dim(indent(m('sameAsAbove'), '      '))}\n`;
            else if (msg) out += `${indent(alignReprs(msg), '      ')}\n`;
            previous = msg;
            continue;
          }
          const short = x === first ? m('shownAbove') : msg === msgOf(first!) ? m('sameAsFirst') : firstLine(msg);
          if (short) {
            const room = width - displayWidth(line) - 3;
            if (room >= 12) line += t.dim(` · ${fitColumns(short, room)}`);
          }
        }
        out += `${line}\n`;
      }
      if (!full && failing.length > 1) out += `${t.dim(m('fullHint'))}\n`;
      if (r.tests.some((x) => x.status === 'timeout')) out += `\n${t.warn(m('timeoutHint'))}\n`;
      break;
    }
  }
  out += outputBlock(t, m('printed'), c.run.stdout);
  out += outputBlock(t, m('printedErr'), c.run.stderr);
  out += '\n';
  if (c.earlierEpoch) out += `${t.warn(m('resetWhileChecking', { module: c.found.module.id }))}\n`;
  if (r.outcome === 'passed') {
    out += `${t.ok(m('allPassed', { total: r.total, s: secs(c.run.ms) }))}\n`;
    if (c.earlierEpoch) return out;
    if (c.firstPass) {
      out += `${sentences(t.ok(t.em(m('firstPass', { task: task.id }))), m('seeSolution', { task: task.id }))}\n`;
      if (c.next) out += `${m('nextIs', { what: c.next.what, cmd: t.cmd(c.next.cmd) })}\n`;
      else if (c.next === null) out += `${m('pathDone')}\n`;
    } else out += `${m('passedAgain')}\n`;
    return out;
  }
  if (r.outcome === 'failed') {
    out += `${m('summary', { passed: r.passed, total: r.total, s: secs(c.run.ms) })}\n`;
    if (r.tests.length && r.tests.every((x) => x.status === 'todo')) out += `${t.warn(m('allTodo'))}\n`;
  }
  out += `${m('keepGoing', { task: task.id })}\n`;
  return out;
}

/** The check as JSON: the same facts, for scripts and editors. */
export function checkJson(c: CheckRun): unknown {
  const r = c.run.result;
  return {
    task: c.found.task.id, module: c.found.module.id, file: c.file,
    outcome: r.outcome, passed: r.passed, total: r.total, ms: Math.round(c.run.ms),
    time_limit: r.timeLimit, timed_out: r.timedOut, python: r.python ?? null,
    tests: r.tests, missing: r.missing, problem: r.problem ?? null,
    stdout: c.run.stdout.text, stdout_truncated: c.run.stdout.truncated,
    stderr: c.run.stderr.text, stderr_truncated: c.run.stderr.truncated,
    first_pass: c.firstPass, next: c.next ?? null, ...(c.earlierEpoch ? { counted_for_earlier_round: true } : {}),
  };
}

export async function run(ctx: Context, args: unknown[], opts: { full?: boolean } = {}): Promise<number> {
  const { ix, store } = await standing(ctx);
  try {
    const found = resolveTask(ix, store, args[0]);
    if (!ctx.json) ctx.stdout.write(checkingLine(ctx, found));
    const c = (await runCheck(ctx, ix, store, found))!;
    if (ctx.json) ctx.stdout.write(`${JSON.stringify(checkJson(c), null, 2)}\n`);
    // A missing package is an environment problem: said on stderr, like every exit-4 message.
    else (c.run.result.outcome === 'missing_packages' ? ctx.stderr : ctx.stdout).write(renderCheck(ctx, c, Boolean(opts.full)));
    return exitCodeOf(c.run.result);
  } finally {
    store.close();
  }
}
