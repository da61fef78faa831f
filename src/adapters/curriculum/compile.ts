/** Compiling a course: load and validate every file (load.ts), then write the compiled copy (compiled.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCurriculumFiles } from './load.js';
import { writeCompiled, type OutlineFile } from './compiled.js';
import { stampFiles } from './stamp.js';
import type { Problem } from '../../core/checks.js';

/**
 * Loads and validates the course in `dir` and writes its compiled copy into `folder`. A course that is
 * not valid gives its problems (nothing is written). When `folder` cannot be written (a read-only data
 * folder), the copy goes to the temporary folder for this run: that only costs speed.
 */
export function compileCourse(dir: string, folder: string, onModule?: () => void):
  { outline: OutlineFile } | { problems: Problem[]; tooNew?: number } {
  const res = loadCurriculumFiles(dir, onModule);
  const errors = res.problems.filter((p) => p.severity === 'error');
  if (!res.curriculum || errors.length) return { problems: res.problems, tooNew: res.tooNew };
  const stamp = stampFiles(dir, res.inputs.map((f) => path.relative(dir, f))) ?? [];
  try {
    return { outline: writeCompiled(folder, res.curriculum, stamp) };
  } catch {
    const other = fallbackFolder(folder);
    const o = writeCompiled(other, res.curriculum, stamp);
    return { outline: { ...o, contentDir: path.join(other, o.build) } };
  }
}

/** Where a compiled copy goes when the data folder cannot take it: the system's temporary folder. */
function fallbackFolder(folder: string): string {
  return path.join(os.tmpdir(), `dlpath-${process.getuid?.() ?? 'u'}-${process.pid}`, path.basename(folder));
}
