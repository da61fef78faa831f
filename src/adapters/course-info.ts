/**
 * A course's title and description for `--help`, read before any command runs: from its compiled
 * outline when there is one (JSON), else from curriculum.yaml (only the root file; only for a course
 * other than the shipped one, whose help text is dlpath's own).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LText } from '../core/model.js';
import { compiledFolder } from './curriculum/index.js';

export interface CourseBlurb { title: LText; description?: LText }

export async function courseBlurb(dir: string, home: string): Promise<CourseBlurb | undefined> {
  try {
    const o = JSON.parse(fs.readFileSync(path.join(compiledFolder(home, dir), 'outline.json'), 'utf8')) as { curriculum?: CourseBlurb };
    if (o.curriculum?.title) return { title: o.curriculum.title, description: o.curriculum.description };
  } catch { /* not compiled yet */ }
  try {
    const { parse } = await import('yaml');
    const root = parse(fs.readFileSync(path.join(dir, 'curriculum.yaml'), 'utf8').replace(/^\uFEFF/, '')) as Partial<CourseBlurb> | null;
    const ok = (t: unknown): t is LText => typeof t === 'string' || (Boolean(t) && typeof t === 'object' && !Array.isArray(t));
    if (root && ok(root.title)) return { title: root.title, description: ok(root.description) ? root.description : undefined };
  } catch { /* the command itself reports a broken course */ }
  return undefined;
}
