/** Reads one YAML file into plain data, with every syntax problem and a way to place key paths. */
import fs from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node } from 'yaml';
import type { KeyPath } from '../../core/schema.js';
import type { Problem } from '../../core/checks.js';

export const MAX_FILE_BYTES = 1024 * 1024;

export interface YamlFile {
  file: string;
  data: unknown;
  /** Line and column (1-based) of a key path's value, or of its key; the nearest existing parent if absent. */
  locate(path: KeyPath, atKey?: boolean): { line: number; column: number };
}

export function readYamlFile(abs: string, rel: string, problems: Problem[]): YamlFile | undefined {
  let size: number;
  try {
    size = fs.statSync(abs).size;
  } catch {
    problems.push({ file: rel, path: [], severity: 'error', message: 'file not found', line: 1, column: 1 });
    return undefined;
  }
  if (size > MAX_FILE_BYTES) {
    problems.push({ file: rel, path: [], severity: 'error', line: 1, column: 1,
      message: `file is ${(size / 1048576).toFixed(1)} MiB; a curriculum file may be at most 1 MiB` });
    return undefined;
  }
  const src = fs.readFileSync(abs, 'utf8');
  const lc = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, strict: true });
  let ok = true;
  for (const e of doc.errors) {
    ok = false;
    const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
    problems.push({ file: rel, path: [], severity: 'error', line: pos.line, column: pos.col,
      message: `YAML: ${e.message.split('\n')[0]}` });
  }
  if (!ok) return undefined;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    problems.push({ file: rel, path: [], severity: 'error', line: 1, column: 1,
      message: `YAML: ${(e as Error).message} (too many aliases: an alias bomb is refused)` });
    return undefined;
  }
  return { file: rel, data, locate: (p, atKey) => locate(doc, lc, p, atKey) };
}

function locate(doc: Document, lc: LineCounter, path: KeyPath, atKey = false): { line: number; column: number } {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  let last: Node | undefined = (doc.contents as Node | null) ?? undefined;
  for (const seg of path) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
      last = (pair.value as Node | null) ?? keyNode;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      node = node.items[seg];
      last = node as Node;
    } else break;
  }
  const target = atKey && keyNode ? keyNode : last;
  const offset = target?.range?.[0] ?? 0;
  const pos = lc.linePos(offset);
  return { line: pos.line, column: pos.col };
}
