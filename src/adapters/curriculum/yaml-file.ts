/** Reads one YAML file into plain data, with every syntax problem and a way to place key paths. */
import fs from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, isDocument, isAlias, type Document, type Node } from 'yaml';
import type { KeyPath } from '../../core/schema.js';
import type { Problem } from '../../core/checks.js';

import { MAX_FILE_BYTES, readCapped } from './files.js';

export { MAX_FILE_BYTES, readCapped };
/**
 * Most separators (line breaks, `:` `,` `-` `?` brackets, `&` `*` `!` `|` `>` `#`) a course's YAML file may
 * hold: every YAML token needs one, so this bounds the parse's work. The largest shipped module.yaml has
 * about 1,500; a 1 MiB file of tiny keys has about 400,000, which would take seconds to parse.
 */
export const MAX_YAML_SEPARATORS = 50_000;

/** How many YAML separators the text holds, counted up to `stop` (a linear scan, no parse). */
export function countSeparators(text: string, stop = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= stop; i++) {
    switch (text.charCodeAt(i)) {
      case 10: case 44: case 58: case 45: case 63: case 91: case 93: case 123: case 125:
      case 38: case 42: case 33: case 124: case 62: case 35:
        n++;
    }
  }
  return n;
}

/**
 * Keys repeated within one map, found in linear time (the yaml package's own `uniqueKeys` check compares
 * every key with every other one: minutes for 100,000 keys). Each: the key's text and its offset.
 */
export function duplicateKeys(doc: Document): Array<{ key: string; offset: number }> {
  const out: Array<{ key: string; offset: number }> = [];
  const stack: unknown[] = [isDocument(doc) ? doc.contents : doc];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const k = pair.key;
        if (isScalar(k)) {
          if (seen.has(k.value)) out.push({ key: String(k.value), offset: k.range?.[0] ?? 0 });
          else seen.add(k.value);
        } else if (k !== null && k !== undefined && !isAlias(k)) stack.push(k);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const it of node.items) stack.push(it);
    }
  }
  return out;
}

export interface YamlFile {
  file: string;
  data: unknown;
  /** Line and column (1-based) of a key path's value, or of its key; the nearest existing parent if absent. */
  locate(path: KeyPath, atKey?: boolean): { line: number; column: number };
}

export function readYamlFile(abs: string, rel: string, problems: Problem[]): YamlFile | undefined {
  const fail = (message: string) => {
    problems.push({ file: rel, path: [], severity: 'error', line: 1, column: 1, message });
    return undefined;
  };
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    return fail('file not found');
  }
  // A device or a pipe reports size 0 and never ends: only a regular file is read.
  if (!st.isFile()) return fail('not a regular file (a folder, device or pipe); a curriculum file must be a plain file');
  if (st.size > MAX_FILE_BYTES) return fail(`file is ${(st.size / 1048576).toFixed(1)} MiB; a curriculum file may be at most 1 MiB`);
  let src: string;
  try {
    const r = readCapped(abs, MAX_FILE_BYTES);
    if (r.tooBig) return fail('file is larger than 1 MiB; a curriculum file may be at most 1 MiB');
    src = r.text;
  } catch (e) {
    return fail(`cannot be read: ${(e as Error).message}`);
  }
  const seps = countSeparators(src, MAX_YAML_SEPARATORS);
  if (seps > MAX_YAML_SEPARATORS) {
    return fail(`file has more than ${MAX_YAML_SEPARATORS.toLocaleString('en')} YAML separators (lines, ":", ",", "-", brackets …); `
      + 'split it into smaller modules');
  }
  const lc = new LineCounter();
  // merge: YAML merge keys (`<<: *base`) work, as they do in most YAML tools.
  const doc = parseDocument(src, { lineCounter: lc, uniqueKeys: false, prettyErrors: false, strict: true, merge: true });
  let ok = true;
  // The first syntax error only: the parser's later ones mostly follow from it (a tab gives four more).
  const first = doc.errors[0];
  if (first) {
    ok = false;
    const pos = first.linePos?.[0] ?? lc.linePos(first.pos[0]);
    const more = doc.errors.length - 1;
    problems.push({ file: rel, path: [], severity: 'error', line: pos.line, column: pos.col,
      message: `YAML: ${first.message.split('\n')[0]}${more ? ` (${more} more YAML ${more === 1 ? 'error follows' : 'errors follow'}, most likely from this one: fix it and validate again)` : ''}` });
  }
  if (ok) {
    for (const d of duplicateKeys(doc)) {
      ok = false;
      const pos = lc.linePos(d.offset);
      problems.push({ file: rel, path: [], severity: 'error', line: pos.line, column: pos.col,
        message: `YAML: Map keys must be unique ("${d.key}" appears twice)` });
    }
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
