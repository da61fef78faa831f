/**
 * Opens progress.db: identity and version checks, pragmas, migrations.
 * A file that is not ours, or is newer than this code, is recognised from its bytes (and those of its
 * -wal) before SQLite opens it, so that it, its -wal and its -shm are left exactly as they were.
 * A data folder that cannot be written is read from a snapshot in memory (reading commands still work).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type DatabaseType from 'better-sqlite3';

// CommonJS: require() skips the export scan an ESM import of it costs (see src/cli.ts).
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof DatabaseType;
import { EnvError } from '../../core/errors.js';
import { makeDirs } from '../dirs.js';
import { lockWait, notice } from '../notice.js';
import { upgradeCommand } from '../context.js';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations/index.js';
import { m } from '../../i18n/store.js';

export type DB = DatabaseType.Database;

/** 'dlpa': marks the file as a dlpath database (PRAGMA application_id). */
export const APPLICATION_ID = 0x646c7061;

/** After how long a write waiting for other dlpath processes says that it is waiting (the limit: lockWait()). */
const BUSY_NOTICE_MS = 2_000;

export interface OpenOptions {
  migrations?: readonly Migration[];
  /** A reading command: if the file or its folder cannot be written, read a snapshot instead of failing. */
  readOnlyOk?: boolean;
}

let lastOpened: string | undefined;

/** The database file opened last in this process, for messages about failures met later in a query. */
export function lastOpenedFile(): string | undefined {
  return lastOpened;
}

// ------------------------------------------------------------------ identity from the file's bytes

interface Header { appId: number; version: number; cookie: number }

function headerOf(page: Buffer): Header {
  return { cookie: page.readUInt32BE(40), version: page.readInt32BE(60), appId: page.readUInt32BE(68) };
}

/** The newest committed copy of page 1 in the -wal file, if any (frames of the current salt only). */
function walPageOne(file: string): Buffer | undefined {
  let fd: number;
  try { fd = fs.openSync(`${file}-wal`, 'r'); } catch { return undefined; }
  try {
    const head = Buffer.alloc(32);
    if (fs.readSync(fd, head, 0, 32, 0) < 32) return undefined;
    const magic = head.readUInt32BE(0);
    if (magic !== 0x377f0682 && magic !== 0x377f0683) return undefined;
    const pageSize = head.readUInt32BE(8);
    if (pageSize < 512 || pageSize > 65536) return undefined;
    const salt1 = head.readUInt32BE(16);
    const salt2 = head.readUInt32BE(20);
    const frame = Buffer.alloc(24);
    let pending: Buffer | undefined;
    let committed: Buffer | undefined;
    for (let off = 32; ; off += 24 + pageSize) {
      if (fs.readSync(fd, frame, 0, 24, off) < 24) break;
      if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break;
      if (frame.readUInt32BE(0) === 1) {
        const p = Buffer.alloc(100);
        if (fs.readSync(fd, p, 0, 100, off + 24) < 100) break;
        pending = p;
      }
      if (frame.readUInt32BE(4) !== 0 && pending) { committed = pending; pending = undefined; }
      else if (frame.readUInt32BE(4) !== 0) pending = undefined;
    }
    return committed;
  } finally {
    fs.closeSync(fd);
  }
}

type Identity = 'new' | 'ours' | { notOurs: true } | { tooNew: number };

/** What the file is, read from its header (and its -wal's newest page 1) without opening it with SQLite. */
export function identify(file: string, known: number): Identity {
  let st: fs.Stats;
  try { st = fs.statSync(file); } catch { return 'new'; }
  if (!st.isFile()) return 'ours'; // a folder or a device: SQLite's own error says what is wrong
  let page: Buffer | undefined = walPageOne(file);
  if (!page) {
    if (st.size === 0) return 'new';
    const b = Buffer.alloc(100);
    const fd = fs.openSync(file, 'r');
    let n: number;
    try { n = fs.readSync(fd, b, 0, 100, 0); } finally { fs.closeSync(fd); }
    if (n < 100 || b.toString('latin1', 0, 16) !== 'SQLite format 3\0') return { notOurs: true };
    page = b;
  }
  const h = headerOf(page);
  if (h.appId === APPLICATION_ID) return h.version > known ? { tooNew: h.version } : 'ours';
  if (h.appId === 0 && h.version === 0 && h.cookie === 0) return 'new';
  return { notOurs: true };
}

// ------------------------------------------------------------------ opening

function writable(p: string): boolean {
  try { fs.accessSync(p, fs.constants.W_OK); return true; } catch { return false; }
}

/** A snapshot of the file in memory (its -wal included when SQLite can read it), for a folder that cannot be written. */
function snapshot(file: string): DB {
  let buf: Buffer;
  try {
    const ro = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    try { buf = ro.serialize(); } finally { ro.close(); }
  } catch {
    buf = fs.readFileSync(file);
  }
  // In memory there is no -wal: mark the copy as a rollback-journal database.
  if (buf.length >= 20) { buf[18] = 1; buf[19] = 1; }
  return new Database(buf);
}

export function openDatabase(file: string, opts: OpenOptions = {}): DB {
  const migrations = opts.migrations ?? MIGRATIONS;
  const known = migrations.length ? migrations[migrations.length - 1].version : 0;
  lastOpened = file;
  let readOnly = false;
  if (file !== ':memory:') {
    const dir = path.dirname(file);
    let dirOk = true;
    try {
      makeDirs(dir);
    } catch (e) {
      dirOk = false;
      if ((e as NodeJS.ErrnoException).code === 'ENOTDIR' || (e as NodeJS.ErrnoException).code === 'EEXIST') throw notAFolder(dir);
    }
    if (dirOk && !fs.statSync(dir).isDirectory()) throw notAFolder(dir);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      throw new EnvError(m('fsIsDir', { path: file, code: 'EISDIR' }), m('fsIsDirHint', { path: file }));
    }
    const exists = fs.existsSync(file);
    if (!dirOk || !writable(dir) || (exists && !writable(file))) {
      // Read-only only for a database that exists: an empty view of a folder that cannot be made would mislead.
      if (!opts.readOnlyOk || !exists) {
        if (exists && dirOk && writable(dir)) throw new EnvError(m('readOnly', { path: file }), m('readOnlyHint', { path: file }));
        throw new EnvError(m('homeUnwritable', { path: dir }), m('homeUnwritableHint'));
      }
      readOnly = true;
    }
    const id = identify(file, known);
    if (typeof id === 'object' && 'notOurs' in id) throw new EnvError(m('notOurs', { path: file }), m('notOursHint'));
    if (typeof id === 'object') throw new EnvError(m('tooNew', { path: file, version: id.tooNew, known }), m('tooNewHint', { cmd: upgradeCommand() }));
    if (readOnly && id === 'new') return migrated(new Database(':memory:'), migrations, 0);
  }
  let db: DB;
  try {
    db = readOnly ? snapshot(file) : new Database(file, { timeout: 1000 });
  } catch (e) {
    throw storeError(e, file);
  }
  try {
    // The header once more, inside SQLite: another dlpath may have created the file since we looked.
    const { appId, version, tables } = withBusyRetry(file, () => db.transaction(() => ({
      appId: db.pragma('application_id', { simple: true }) as number,
      version: db.pragma('user_version', { simple: true }) as number,
      tables: db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number },
    }))());
    if (appId !== APPLICATION_ID && !(appId === 0 && version === 0 && tables.n === 0)) {
      throw new EnvError(m('notOurs', { path: file }), m('notOursHint'));
    }
    if (version > known) {
      throw new EnvError(m('tooNew', { path: file, version, known }), m('tooNewHint', { cmd: upgradeCommand() }));
    }
    if (!readOnly) {
      withBusyRetry(file, () => db.pragma('journal_mode = WAL'));
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    if (version < known) {
      if (version > 0) {
        const check = db.pragma('quick_check', { simple: true });
        if (check !== 'ok') throw new EnvError(m('damaged', { path: file }), m('damagedHint', { path: file }));
      }
      migrate(db, migrations, version);
    }
    return db;
  } catch (e) {
    db.close();
    if (e instanceof EnvError) throw e;
    throw storeError(e, file);
  }
}

function migrated(db: DB, migrations: readonly Migration[], from: number): DB {
  migrate(db, migrations, from);
  return db;
}

function notAFolder(dir: string): EnvError {
  // The first part of the path that exists and is not a folder.
  let at = path.resolve(dir);
  for (let up = at; ; up = path.dirname(up)) {
    try { if (!fs.statSync(up).isDirectory()) at = up; } catch { /* missing */ }
    if (path.dirname(up) === up) break;
  }
  return new EnvError(m('homeNotDir', { home: dir, path: at }), m('homeNotDirHint'));
}

function migrate(db: DB, migrations: readonly Migration[], seen: number): void {
  withBusyRetry(db.name, () => db.transaction(() => {
    // Another dlpath may have migrated between our first look and taking the write lock.
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from < seen) throw new Error(`user_version went back from ${seen} to ${from}`);
    for (const mig of migrations) if (mig.version > from) { db.exec(mig.sql); mig.run?.(db); }
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${migrations[migrations.length - 1].version}`);
  }).immediate());
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs fn (a write transaction that starts with BEGIN IMMEDIATE) again while another process holds the
 * write lock, for at most limitMs (DLPATH_LOCK_WAIT, 60 s by default), with short random pauses so that no writer is starved; says
 * once that it is waiting. Nothing of fn is kept when it fails, so running it again is safe.
 */
export function withBusyRetry<T>(file: string, fn: () => T, limitMs = lockWait()): T {
  const start = Date.now();
  let said = false;
  for (;;) {
    try {
      return fn();
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (code !== 'SQLITE_BUSY' && code !== 'SQLITE_BUSY_SNAPSHOT' && code !== 'SQLITE_LOCKED') throw e;
      const waited = Date.now() - start;
      if (waited >= limitMs) throw new EnvError(m('busy', { path: file, s: Math.round(waited / 1000) }));
      if (!said && waited >= Math.min(BUSY_NOTICE_MS, limitMs / 2)) {
        said = true;
        notice(`dlpath: ${m('busyWaiting', { s: Math.round(limitMs / 1000) })}\n`);
      }
      sleep(5 + Math.floor(Math.random() * 40));
    }
  }
}

/** Whether the disk holding the file has (almost) no room left: SQLite reports that as an I/O error at times. */
function diskNearlyFull(file: string): boolean {
  try {
    const st = fs.statfsSync(path.dirname(file));
    return st.bavail * st.bsize < 256 * 1024;
  } catch {
    return false;
  }
}

/** Maps SQLite's failures to exit-4 errors that name the file and say what is wrong (damaged only when it is). */
export function storeError(e: unknown, file: string): unknown {
  if (e instanceof EnvError) return e;
  const code = (e as { code?: string }).code ?? '';
  const reason = (e as Error).message ?? String(e);
  if (!code.startsWith('SQLITE_')) return e;
  if (code === 'SQLITE_NOTADB') return new EnvError(m('notOurs', { path: file }), m('notOursHint'));
  if (code.startsWith('SQLITE_CORRUPT')) return new EnvError(m('damaged', { path: file }), m('damagedHint', { path: file }));
  if (code === 'SQLITE_FULL' || (code.startsWith('SQLITE_IOERR') && diskNearlyFull(file))) {
    return new EnvError(m('diskFull', { path: file }), m('diskFullHint'));
  }
  if (code.startsWith('SQLITE_IOERR')) return new EnvError(m('ioFailed', { path: file, code }), m('ioFailedHint'));
  if (code === 'SQLITE_ERROR' && /no such (table|column)|has no column/.test(reason)) {
    return new EnvError(m('structure', { path: file, reason }), m('damagedHint', { path: file }));
  }
  if (code.startsWith('SQLITE_READONLY') && fs.existsSync(file)) {
    return new EnvError(m('readOnly', { path: file }), m('readOnlyHint', { path: file }));
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
    const dir = path.dirname(file);
    if (Buffer.byteLength(file) > 500) return new EnvError(m('pathTooLong', { path: file, n: Buffer.byteLength(file) }), m('pathTooLongHint'));
    try { if (!fs.statSync(dir).isDirectory()) return notAFolder(dir); } catch { /* missing: below */ }
    if (!writable(dir)) return new EnvError(m('homeUnwritable', { path: dir }), m('homeUnwritableHint'));
    return new EnvError(m('cantOpen', { path: file, reason }), m('cantOpenHint'));
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new EnvError(m('busy', { path: file, s: Math.round(lockWait() / 1000) }));
  if (code === 'SQLITE_NOMEM') return new EnvError(m('noMemory', { path: file }), m('noMemoryHint'));
  return new EnvError(m('sqliteOther', { path: file, reason, code }), m('sqliteOtherHint', { path: file }));
}

export { SCHEMA_VERSION };
