/** `dlpath validate [dir]`: every problem of a curriculum, with file:line:column, then a summary. */
import path from 'node:path';
import type { Context } from './context.js';
import { loadCurriculumFiles } from '../adapters/curriculum/load.js';
import { formatProblem, sortProblems } from '../core/checks.js';
import { curriculumStats } from '../core/stats.js';
import { m } from '../i18n/curriculum.js';
import { EXIT } from '../core/errors.js';
import type { Problem } from '../core/checks.js';

export interface ValidateOptions { strict?: boolean; runSolutions?: boolean }

export async function run(ctx: Context, args: unknown[], opts: ValidateOptions): Promise<number> {
  const dir = args[0] ? path.resolve(ctx.cwd, String(args[0])) : ctx.curriculumDir;
  const res = loadCurriculumFiles(dir);
  const problems: Problem[] = sortProblems(res.problems);
  if (opts.runSolutions && res.curriculum) {
    const { checkSolutions } = await import('../adapters/runner/solutions.js');
    problems.push(...(await checkSolutions(ctx, res.curriculum)));
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
