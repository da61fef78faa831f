/** Checking a coding task: where the learner's file lives, and running the task's tests on it. */
import fs from 'node:fs';
import path from 'node:path';
import type { Module, Task } from '../../core/model.js';
import { ESSENTIAL_PACKAGES, isUntouched, notAttempted } from '../../core/check-result.js';
import { CurriculumError, UsageError } from '../../core/errors.js';
import { runHarness, type HarnessRun } from './python.js';
import { m } from '../../i18n/tasks.js';
import { readCapped, serveCourseFile } from '../curriculum/files.js'; // not yaml-file.js: it loads the YAML parser

/** Bytes a learner's file may have: a device (/dev/zero) or a runaway generator must not be read whole. */
export const MAX_LEARNER_BYTES = 1024 * 1024;

/** The learner's file, if it is a regular file of at most 1 MiB (exit 2 otherwise). */
export function readLearnerFile(file: string): string {
  if (!fs.statSync(file).isFile()) throw new UsageError(m('learnerNotFile', { file }));
  const r = readCapped(file, MAX_LEARNER_BYTES);
  if (r.tooBig) throw new UsageError(m('learnerTooBig', { file }));
  return r.text;
}

export { runHarness, probePython, pythonCommand, HARNESS, OUTPUT_LIMIT, type HarnessRun, type Captured, type PythonInfo } from './python.js';

/** `$DLPATH_HOME/workspace/<module>/<task>.py` */
export function workspaceFile(home: string, mod: Module, task: Task): string {
  return path.join(home, 'workspace', mod.id, `${task.id}.py`);
}

/** A file of the task, by its path relative to the module's folder. */
export function taskFile(curriculumDir: string, mod: Module, rel: string): string {
  return path.join(curriculumDir, 'modules', mod.id, rel);
}

/** A task file's text, read under the course's file rules (exit 3 when one is broken, or the file is missing). */
export function readTaskFile(curriculumDir: string, mod: Module, rel: string): string {
  const file = taskFile(curriculumDir, mod, rel);
  if (!fs.existsSync(file)) throw new CurriculumError(m('taskFileMissing', { file }), m('validateHint', { dir: curriculumDir }));
  return serveCourseFile(curriculumDir, path.relative(curriculumDir, file));
}

/**
 * Runs the task's tests against a Python file. `starter`: the starter's text; a learner file equal
 * to it is reported as not attempted (unless a package is missing).
 */
export async function checkFile(
  env: NodeJS.ProcessEnv, curriculumDir: string, mod: Module, task: Task, file: string, starter?: string,
  signal?: AbortSignal,
): Promise<HarnessRun> {
  const tests = taskFile(curriculumDir, mod, task.tests);
  readTaskFile(curriculumDir, mod, task.tests); // the tests file obeys the file rules before Python reads it
  const text = readLearnerFile(file);
  const untouched = starter !== undefined && isUntouched(text, starter);
  // An untouched starter is answered at once, without starting Python; unless the task needs an
  // optional package beyond NumPy, which is then said first (the task may be skipped for it).
  if (untouched && task.packages.every((p) => ESSENTIAL_PACKAGES.includes(p))) {
    const none = { text: '', bytes: 0, truncated: false };
    return { result: notAttempted(task.time_limit), stdout: none, stderr: none, ms: 0 };
  }
  const run = await runHarness({ env, learner: file, tests, packages: task.packages, timeLimit: task.time_limit, inPlace: task.in_place, signal });
  if (untouched && run.result.outcome !== 'missing_packages') return { ...run, result: notAttempted(task.time_limit) };
  return run;
}
