/**
 * `dlpath validate --task <id> [--against solution|starter|wrong|<file>]`: an author at work runs
 * one task's tests against its reference solution (the default), its starter, every file of its
 * wrong/ folder, or any file, and sees every test with its full message, as a learner's
 * `check --full` shows them. Exit 0 when the run came out as it should (the solution passes; a
 * starter or wrong file fails), 1 when not, 3 when the course or the tests cannot be used.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from './context.js';
import { findTask, type FoundTask } from './task.js';
import { renderCheck } from './check.js';
import { indexCurriculum, type Curriculum } from '../core/model.js';
import { formatProblem, sortProblems } from '../core/checks.js';
import { CurriculumError, EXIT, UsageError } from '../core/errors.js';
import { runHarness, taskFile } from '../adapters/runner/index.js';
import { pyProblemsOf, wrongFiles } from '../adapters/runner/solutions.js';
import { theme } from '../adapters/ui/theme.js';
import { m } from '../i18n/curriculum.js';
import { m as mt } from '../i18n/tasks.js';

export async function runTask(ctx: Context, c: Curriculum, id: string, against: string | undefined): Promise<number> {
  const found: FoundTask = findTask(indexCurriculum(c), id);
  const { module: mod, task } = found;
  const what = (against ?? 'solution').trim();
  let runs: Array<{ file: string; shouldPass: boolean }>;
  if (what === 'solution') runs = [{ file: taskFile(c.dir, mod, task.solution), shouldPass: true }];
  else if (what === 'starter') runs = [{ file: taskFile(c.dir, mod, task.starter), shouldPass: false }];
  else if (what === 'wrong') {
    runs = wrongFiles(c, mod, task).map((rel) => ({ file: taskFile(c.dir, mod, rel), shouldPass: false }));
    if (!runs.length) throw new UsageError(m('taskNoWrong', { task: task.id }));
  } else {
    const file = path.resolve(ctx.cwd, what);
    if (!fs.existsSync(file)) throw new UsageError(m('taskAgainstMissing', { what }), m('taskAgainstHint'));
    runs = [{ file, shouldPass: true }];
  }
  const t = theme(ctx);
  const tests = taskFile(c.dir, mod, task.tests);
  let asExpected = true;
  const report: unknown[] = [];
  for (const r of runs) {
    if (!ctx.json) ctx.stdout.write(`${t.heading(m('taskRunning', { task: task.id, tests: path.relative(ctx.cwd, tests) || tests, file: path.relative(ctx.cwd, r.file) || r.file }))}\n\n`);
    const run = await runHarness({
      env: { ...ctx.env, DLPATH_LANG: ctx.lang }, learner: r.file, tests, packages: task.packages,
      timeLimit: task.time_limit, inPlace: task.in_place,
    });
    const res = run.result;
    // Broken tests or a file that does not load: where, as file:line, then the whole message.
    const located = sortProblems(pyProblemsOf(c, mod, task, r.file, res));
    if (res.outcome === 'tests_broken') {
      if (ctx.json) ctx.stdout.write(`${JSON.stringify({ task: task.id, file: r.file, outcome: res.outcome, problems: located })}\n`);
      else {
        // The traceback from the tests' own frame on (the harness's frames above it say nothing to an author).
        const lines = (res.problem?.message ?? '').split('\n');
        const from = lines.findIndex((l) => l.includes(`"${tests}"`));
        ctx.stdout.write(`${located.map((p) => formatProblem(p)).join('\n')}\n${lines.slice(Math.max(0, from)).join('\n')}\n`);
      }
      throw new CurriculumError(m('taskTestsBroken', { task: task.id }));
    }
    const ok = (res.outcome === 'passed') === r.shouldPass;
    asExpected &&= ok;
    if (ctx.json) { report.push({ file: r.file, should_pass: r.shouldPass, as_expected: ok, result: res, problems: located }); continue; }
    // The learner's report, without what it tells a learner to do next.
    const forLearner = new Set([mt('keepGoing', { task: task.id }), mt('passedAgain')]);
    ctx.stdout.write(renderCheck(ctx, { found, file: r.file, run, firstPass: false }, true).split('\n').filter((l) => !forLearner.has(l)).join('\n'));
    if (!ok) for (const p of located) ctx.stdout.write(`${formatProblem(p)}\n`);
    ctx.stdout.write(`${ok ? t.ok(m(r.shouldPass ? 'taskPassesAsItShould' : 'taskFailsAsItShould')) : t.bad(m(r.shouldPass ? 'taskShouldPass' : 'taskShouldFail'))}\n\n`);
  }
  if (ctx.json) ctx.stdout.write(`${JSON.stringify({ task: task.id, as_expected: asExpected, runs: report }, null, 2)}\n`);
  return asExpected ? EXIT.ok : EXIT.notPassed;
}
