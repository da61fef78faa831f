/**
 * Reads an answers file (`--answers <file|->`): a YAML or JSON map of question id → answer.
 * Only the file's syntax is checked here; the command checks each answer against its question.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from './context.js';
import { UsageError } from '../core/errors.js';
import { m } from '../i18n/quiz.js';
import { countSeparators, duplicateKeys, readCapped } from './curriculum/yaml-file.js';

const MAX_BYTES = 1024 * 1024;
/**
 * Most YAML separators (line breaks, `:`, `,`, `-`, brackets …) an answers file may hold: this bounds the
 * parse's work (a 1 MiB file of tiny keys would take seconds), and is far above any quiz's answers.
 */
const MAX_SEPARATORS = 20_000;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    size += b.length;
    if (size > MAX_BYTES) throw new UsageError(m('answersTooBig', { file: m('answersSourceStdin') }));
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A named pipe or `<(…)`, read as it is written, at most MAX_BYTES + 1 bytes. Opened without waiting for a
 * writer: with none it reads as empty (a clear "must be a map" message) instead of blocking for ever.
 */
async function readPipe(abs: string): Promise<{ text: string; tooBig: boolean }> {
  const fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const buf = Buffer.allocUnsafe(MAX_BYTES + 1);
    let got = 0;
    while (got <= MAX_BYTES) {
      let n: number;
      try {
        n = fs.readSync(fd, buf, got, MAX_BYTES + 1 - got, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        await new Promise((r) => setTimeout(r, 10)); // a writer is there, nothing written yet
        continue;
      }
      if (n === 0) break; // no writer (left)
      got += n;
    }
    return { text: buf.subarray(0, Math.min(got, MAX_BYTES)).toString('utf8'), tooBig: got > MAX_BYTES };
  } finally {
    fs.closeSync(fd);
  }
}

/** The answers as a map, in the file's order. `example` is a question id to show in messages. */
export async function readAnswersFile(ctx: Context, where: string, example: string): Promise<{ file: string; answers: Map<string, unknown> }> {
  let text: string;
  let file: string;
  if (where === '-') {
    file = m('answersSourceStdin');
    text = await readAll(ctx.stdin);
  } else {
    // Messages begin with where the answers came from: "The answers file a.yaml …", "The answers on standard input …".
    file = m('answersSourceFile', { file: where });
    const abs = path.resolve(ctx.cwd, where);
    try {
      const st = fs.statSync(abs);
      if (st.isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
      if (st.size > MAX_BYTES) throw new UsageError(m('answersTooBig', { file }));
      // stat's size is 0 for a device or a pipe (/dev/zero, <(…)): the cap holds while reading.
      const r = st.isFIFO() ? await readPipe(abs) : readCapped(abs, MAX_BYTES);
      if (r.tooBig) throw new UsageError(m('answersTooBig', { file }));
      text = r.text;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const err = e as NodeJS.ErrnoException;
      const reason = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a folder' : err.message;
      throw new UsageError(m('answersUnreadable', { file: where, reason }));
    }
  }
  const { LineCounter, parseDocument } = await import('yaml');
  const lc = new LineCounter();
  const seps = countSeparators(text, MAX_SEPARATORS);
  if (seps > MAX_SEPARATORS) throw new UsageError(m('answersTooComplex', { file, max: MAX_SEPARATORS.toLocaleString('en') }), m('answersHint'));
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lc, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
    throw new UsageError(m('answersMalformed', { file, reason: e.message.split('\n')[0], line: pos.line, column: pos.col }),
      m('answersHint'));
  }
  const dup = duplicateKeys(doc)[0];
  if (dup) {
    const pos = lc.linePos(dup.offset);
    throw new UsageError(m('answersMalformed', { file, reason: m('answersDuplicate', { key: dup.key }), line: pos.line, column: pos.col }),
      m('answersHint'));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new UsageError(m('answersMalformed', { file, reason: (e as Error).message, line: 1, column: 1 }));
  }
  // An alias that contains itself (`a: &x [1, *x]`) makes a structure without end.
  try { JSON.stringify(data); } catch {
    throw new UsageError(m('answersCircular', { file }), m('answersHint'));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(m('answersNotMap', { file, example }), m('answersHint'));
  }
  return { file, answers: new Map(Object.entries(data as Record<string, unknown>)) };
}
