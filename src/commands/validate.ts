/** `dlpath validate [dir]`: every problem of a curriculum, with file:line:column, then a summary. */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from './context.js';
import { loadCurriculumFiles } from '../adapters/curriculum/load.js';
import { formatProblem, sortProblems } from '../core/checks.js';
import { curriculumStats } from '../core/stats.js';
import { m } from '../i18n/curriculum.js';
import { EXIT } from '../core/errors.js';
import type { Problem } from '../core/checks.js';

export interface ValidateOptions { strict?: boolean; runSolutions?: boolean; curriculum?: string; task?: string; against?: string }

/** The nearest folder from `from` upwards that holds curriculum.yaml. */
export function courseAbove(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'curriculum.yaml'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Which course to check: the folder given; else the one --curriculum names (asked for on this very
 * command line); else the course an author is standing in (the current folder or the nearest parent
 * holding curriculum.yaml); else the course in use. Says which, unless a folder was given.
 */
function chooseDir(ctx: Context, args: unknown[], opts: ValidateOptions): { dir: string; why?: string } {
  if (args[0]) return { dir: path.resolve(ctx.cwd, String(args[0])) };
  if (opts.curriculum) return { dir: ctx.curriculumDir, why: m('checkingFlag', { dir: ctx.curriculumDir }) };
  const here = courseAbove(ctx.cwd);
  if (here) return { dir: here, why: m('checkingHere', { dir: here }) };
  return { dir: ctx.curriculumDir, why: m('checkingInUse', { dir: ctx.curriculumDir }) };
}

export async function run(ctx: Context, args: unknown[], opts: ValidateOptions): Promise<number> {
  const { dir, why } = chooseDir(ctx, args, opts);
  if (why && !ctx.json) ctx.stdout.write(`${why}\n`);
  const res = loadCurriculumFiles(dir);
  const problems: Problem[] = sortProblems(res.problems);
  if (opts.task && res.curriculum && !problems.some((p) => p.severity === 'error')) {
    return (await import('./validate-task.js')).runTask(ctx, res.curriculum, opts.task, opts.against);
  }
  if (opts.runSolutions && res.curriculum) {
    const { checkSolutions } = await import('../adapters/runner/solutions.js');
    problems.push(...(await checkSolutions(ctx, res.curriculum)));
  } else if (res.curriculum) {
    const { compileTaskFiles } = await import('../adapters/runner/solutions.js');
    problems.push(...compileTaskFiles(ctx.env, res.curriculum));
  }
  const strict = Boolean(opts.strict);
  const realErrors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  const notes = problems.filter((p) => p.severity === 'note').length;
  const errors = realErrors + (strict ? warnings : 0);
  const stats = res.curriculum ? curriculumStats(res.curriculum) : undefined;
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({
      dir, valid: errors === 0,
      problems: problems.map((p) => ({ file: p.file, line: p.line ?? 1, column: p.column ?? 1, key: p.path, severity: p.severity, message: p.message })),
      stats: stats ?? null,
    }, null, 2)}\n`);
  } else {
    for (const p of problems) ctx.stdout.write(`${formatProblem(p)}\n`);
    if (problems.length) {
      const files = new Set(problems.map((p) => p.file)).size;
      ctx.stdout.write(`\n${m('validSummary', { errors: realErrors, warnings, files })}${notes ? ` ${m('notesSummary', { notes })}` : ''}${strict && warnings ? ` ${m('strictNote')}` : ''}\n`);
    }
    if (errors === 0 && stats) {
      ctx.stdout.write(`${m('validClean', { dir, modules: stats.modules, questions: stats.questions, tasks: stats.tasks })}\n`);
    }
  }
  return errors ? EXIT.curriculum : EXIT.ok;
}
