/** Stamps of a course's YAML files: what the compiled outline is checked against (no YAML parser needed). */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { StampEntry } from './compiled.js';

/** The stamp of each file (or folder: its sorted names) relative to the course folder; undefined if one is gone. */
export function stampFiles(dir: string, rels: string[]): StampEntry[] | undefined {
  const out: StampEntry[] = [];
  for (const rel of rels) {
    const abs = path.join(dir, rel);
    try {
      const st = fs.statSync(abs);
      const body = st.isDirectory() ? fs.readdirSync(abs).sort().join('\n') : fs.readFileSync(abs);
      out.push([rel, st.mtimeMs, st.size, st.ino, st.ctimeMs, createHash('sha1').update(body).digest('hex')]);
    } catch {
      return undefined;
    }
  }
  return out;
}

