/** Name-based UUIDs (RFC 4122 version 5, SHA-1): the same name in the same namespace gives the same id everywhere. */
import { createRequire } from 'node:module';

/** node:crypto on first use: loading it costs about 3 ms, and a read-only command never makes an id. */
const crypto = (): typeof import('node:crypto') => createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');

function bytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function format(b: Buffer): string {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function uuidV5(name: string, namespace: string): string {
  const hash = crypto().createHash('sha1').update(bytes(namespace)).update(name, 'utf8').digest();
  const b = Buffer.from(hash.subarray(0, 16));
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  return format(b);
}

/** The namespace of dlpath's event ids made from an event's content (histories from before ids). */
export const EVENT_NAMESPACE = '5b0f6c2e-8f43-4f7a-9d51-0f3c1d2a7e11';
/** The namespace of xAPI statement ids made from event ids. */
export const XAPI_NAMESPACE = 'c7a1e5d4-2b6f-4e0a-8c3d-9e4f1a2b3c5d';

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The id of an event written before events had ids: derived from what it holds, so every copy of it gets the same one. */
export function contentUid(e: { ts: string; kind: string; module: string | null; item: string | null; epoch: number; data: string | null }): string {
  return uuidV5(JSON.stringify([e.ts, e.kind, e.module, e.item, e.epoch, e.data]), EVENT_NAMESPACE);
}
