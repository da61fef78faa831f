import fs from 'node:fs';
import path from 'node:path';

/**
 * Creates a folder and its missing parents one level at a time: fs.mkdirSync's recursive mode
 * loops forever under /proc and similar places where a parent exists but takes no new entries.
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (!fs.existsSync(at)) {
    missing.unshift(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const d of missing) fs.mkdirSync(d);
}
