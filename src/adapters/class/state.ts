/**
 * The learner's link to a class, in <data folder>/class.json (mode 0600: it holds the class URL and its
 * password): the URL, how far the local events have been sent (the last local event id the server holds),
 * and when the last sync finished. Read locally by `next` and `progress`, which never touch the network.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EnvError } from '../../core/errors.js';
import { makeDirs } from '../dirs.js';
import { writeFileAtomic } from '../files.js';
import { m } from '../../i18n/class.js';
import type { DB } from '../store/db.js';
import { sentences } from '../../i18n/index.js';

export interface ClassState {
  url: string;
  /** Local events.id up to which everything is on the server. */
  sent_through: number;
  last_sync: string | null;
  /** The mark of the last fetch from the server (pg.ts fetchOwnEvents): the next one reads what came after. */
  fetched_from?: string;
  /**
   * The id (uid) of the local event sent_through names: a data folder whose database was replaced (deleted,
   * restored from a backup) no longer has it there, and its sync then starts over instead of skipping events.
   */
  sent_uid?: string;
}

export function classFile(home: string): string {
  return path.join(home, 'class.json');
}

export function readClassState(home: string): ClassState | undefined {
  const file = classFile(home);
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EnvError(m('stateUnreadable', { file, reason: (e as Error).message }), m('stateHint'));
  }
  try {
    const d = JSON.parse(text) as Partial<ClassState>;
    if (typeof d.url !== 'string') throw new Error('no url');
    return { url: d.url, sent_through: Number.isInteger(d.sent_through) ? d.sent_through as number : 0,
      last_sync: typeof d.last_sync === 'string' ? d.last_sync : null,
      ...(typeof d.fetched_from === 'string' && /^\d{1,20}$/.test(d.fetched_from) ? { fetched_from: d.fetched_from } : {}),
      ...(typeof d.sent_uid === 'string' ? { sent_uid: d.sent_uid } : {}) };
  } catch (e) {
    throw new EnvError(m('stateUnreadable', { file, reason: (e as Error).message }), m('stateHint'));
  }
}

export function writeClassState(home: string, s: ClassState): void {
  const file = classFile(home);
  try {
    makeDirs(home);
    writeFileAtomic(file, `${JSON.stringify(s, null, 2)}\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  } catch (e) {
    throw new EnvError(m('stateUnwritable', { file, reason: (e as Error).message }), m('stateHint'));
  }
}

/** How many of this machine's events the class does not hold yet (those after the last one sent). */
export function unsentCount(db: DB, state: ClassState): number {
  return db.prepare('SELECT count(*) FROM events WHERE id > ?').pluck().get(state.sent_through) as number;
}

/** This machine in its class, as `next` and `progress` show it (and `progress --json` prints it). */
export interface ClassStanding { joined: true; last_sync: string | null; unsent: number }

/**
 * When this machine last synced with its class, and how many of its events the class does not have yet,
 * read once from class.json and the open database: undefined when not in a class, or when class.json cannot
 * be read (then no class line; sync says what is wrong). Never the network.
 */
export function classStanding(home: string, db: DB): ClassStanding | undefined {
  try {
    const s = readClassState(home);
    return s ? { joined: true, last_sync: s.last_sync, unsent: unsentCount(db, s) } : undefined;
  } catch {
    return undefined;
  }
}

/** The line `next` and `progress` show about it: when, and how many events are still to send. */
export function classLine(s: ClassStanding | undefined): string | undefined {
  if (!s) return undefined;
  const when = s.last_sync ? m('lastSync', { when: `${s.last_sync.slice(0, 16).replace('T', ' ')} UTC` }) : m('neverSynced');
  return s.unsent ? sentences(when, m('unsent', { n: s.unsent })) : when;
}
