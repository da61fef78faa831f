/**
 * `dlpath validate --run-solutions`: every reference solution must pass its tests and every
 * starter must fail them, run through the same harness a learner's check uses, two at a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import type { Curriculum, Module, Task } from '../../core/model.js';
import type { Problem } from '../../core/checks.js';
import type { KeyPath } from '../../core/schema.js';
import type { CheckResult } from '../../core/check-result.js';
import { readYamlFile, type YamlFile } from '../curriculum/yaml-file.js';
import { runHarness } from './python.js';
import { taskFile } from './index.js';
import { m } from '../../i18n/tasks.js';

/** Python processes at once: enough to halve the wait, few enough for a 2-core CI machine. */
export const WORKERS = 2;

type Role = 'solution' | 'starter';

interface Job {
  mod: Module;
  task: Task;
  index: number;
  role: Role;
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

export async function checkSolutions(ctx: Context, c: Curriculum): Promise<Problem[]> {
  const jobs: Job[] = [];
  for (const mod of c.modules) {
    mod.tasks.forEach((task, index) => {
      for (const role of ['solution', 'starter'] as const) {
        const rel = role === 'solution' ? task.solution : task.starter;
        // Missing files are already reported by the loader.
        if (fs.existsSync(taskFile(c.dir, mod, rel)) && fs.existsSync(taskFile(c.dir, mod, task.tests))) {
          jobs.push({ mod, task, index, role });
        }
      }
    });
  }
  const done = await pool(jobs, WORKERS, async (job): Promise<Done> => {
    const rel = job.role === 'solution' ? job.task.solution : job.task.starter;
    const run = await runHarness({
      env: ctx.env,
      learner: taskFile(c.dir, job.mod, rel),
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

  for (const d of done) {
    const r = d.result;
    if (r.outcome === 'missing_packages') {
      add(d, 'packages', 'note', m('skippedMissing', { packages: r.missing.join(', ') }));
      continue;
    }
    if (r.outcome === 'tests_broken') {
      add(d, 'tests', 'error', m('testsBrokenProblem', { message: lastLine(r.problem?.message) }));
      continue;
    }
    if ((r.outcome === 'passed' || r.outcome === 'failed') && r.total === 0) {
      add(d, 'tests', 'error', m('noTests'));
      continue;
    }
    if (d.role === 'solution') {
      // No "too slow" warning: timings on a busy CI machine would make `validate --strict` flaky.
      if (r.outcome !== 'passed') add(d, 'solution', 'error', whyNot(r));
    } else {
      if (r.outcome === 'passed') add(d, 'starter', 'error', m('starterPasses', { total: r.total }));
      else if (r.outcome === 'syntax_error') {
        add(d, 'starter', 'error', m('starterSyntax', { line: r.problem?.line ?? '?', message: r.problem?.message ?? '' }));
      }
    }
  }
  return problems;
}
