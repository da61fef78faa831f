import type { Context } from '../../commands/context.js';
import type { Curriculum } from '../../core/model.js';
import type { Problem } from '../../core/checks.js';
import { UsageError } from '../../core/errors.js';

// Replaced by the task runner (issue 5).
export async function checkSolutions(_ctx: Context, _c: Curriculum): Promise<Problem[]> {
  throw new UsageError('--run-solutions is not available in this build yet.');
}
