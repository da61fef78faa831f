/**
 * Reads an answers file (`--answers <file|->`): a YAML or JSON map of question id → answer.
 * Only the file's syntax is checked here; the command checks each answer against its question.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from './context.js';
import { UsageError } from '../core/errors.js';
import { m } from '../i18n/quiz.js';

const MAX_BYTES = 1024 * 1024;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    size += b.length;
    if (size > MAX_BYTES) throw new UsageError(m('answersTooBig', { file: 'stdin' }));
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The answers as a map, in the file's order. `example` is a question id to show in messages. */
export async function readAnswersFile(ctx: Context, where: string, example: string): Promise<{ file: string; answers: Map<string, unknown> }> {
  let text: string;
  let file: string;
  if (where === '-') {
    file = 'stdin';
    text = await readAll(ctx.stdin);
  } else {
    file = where;
    const abs = path.resolve(ctx.cwd, where);
    try {
      const st = fs.statSync(abs);
      if (st.isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
      if (st.size > MAX_BYTES) throw new UsageError(m('answersTooBig', { file }));
      text = fs.readFileSync(abs, 'utf8');
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const err = e as NodeJS.ErrnoException;
      const reason = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a folder' : err.message;
      throw new UsageError(m('answersUnreadable', { file, reason }));
    }
  }
  const { LineCounter, parseDocument } = await import('yaml');
  const lc = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
    throw new UsageError(m('answersMalformed', { file, reason: e.message.split('\n')[0], line: pos.line, column: pos.col }),
      m('answersHint'));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new UsageError(m('answersMalformed', { file, reason: (e as Error).message, line: 1, column: 1 }));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(m('answersNotMap', { file, example }), m('answersHint'));
  }
  return { file, answers: new Map(Object.entries(data as Record<string, unknown>)) };
}
