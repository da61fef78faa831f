/**
 * Opens progress.db: pragmas, identity and version checks, migrations.
 * A file that is not ours, is damaged or is newer than this code is reported and never touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type DatabaseType from 'better-sqlite3';

// CommonJS: require() skips the export scan an ESM import of it costs (see src/cli.ts).
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof DatabaseType;
import { EnvError } from '../../core/errors.js';
import { makeDirs } from '../dirs.js';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations/index.js';
import { m } from '../../i18n/store.js';

export type DB = DatabaseType.Database;

/** 'dlpa': marks the file as a dlpath database (PRAGMA application_id). */
export const APPLICATION_ID = 0x646c7061;

export interface OpenOptions {
  migrations?: readonly Migration[];
}

let lastOpened: string | undefined;

/** The database file opened last in this process, for messages about failures met later in a query. */
export function lastOpenedFile(): string | undefined {
  return lastOpened;
}

export function openDatabase(file: string, opts: OpenOptions = {}): DB {
  const migrations = opts.migrations ?? MIGRATIONS;
  const known = migrations.length ? migrations[migrations.length - 1].version : 0;
  if (file !== ':memory:') {
    const dir = path.dirname(file);
    try {
      makeDirs(dir);
      fs.accessSync(dir, fs.constants.W_OK);
    } catch {
      throw new EnvError(m('homeUnwritable', { path: dir }), m('homeUnwritableHint'));
    }
  }
  lastOpened = file;
  let db: DB;
  try {
    db = new Database(file, { timeout: 5000 });
  } catch (e) {
    throw new EnvError(m('openFailed', { path: file, reason: (e as Error).message }), m('damagedHint', { path: file }));
  }
  try {
    // Reading the header first: a file that is not SQLite fails here, before anything is written.
    // One read transaction, so that another dlpath creating the database cannot commit in between.
    const { appId, version, tables } = db.transaction(() => ({
      appId: db.pragma('application_id', { simple: true }) as number,
      version: db.pragma('user_version', { simple: true }) as number,
      tables: db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number },
    }))();
    if (appId !== APPLICATION_ID && !(appId === 0 && version === 0 && tables.n === 0)) {
      throw new EnvError(m('notOurs', { path: file }), m('notOursHint'));
    }
    if (version > known) {
      throw new EnvError(m('tooNew', { path: file, version, known }), m('tooNewHint'));
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
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

function migrate(db: DB, migrations: readonly Migration[], seen: number): void {
  db.transaction(() => {
    // Another dlpath may have migrated between our first look and taking the write lock.
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from < seen) throw new Error(`user_version went back from ${seen} to ${from}`);
    for (const mig of migrations) if (mig.version > from) db.exec(mig.sql);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${migrations[migrations.length - 1].version}`);
  }).immediate();
}

/** Maps SQLite's failures on a damaged or foreign file to an exit-4 error that names the file. */
export function storeError(e: unknown, file: string): unknown {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') return new EnvError(m('notOurs', { path: file }), m('notOursHint'));
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_IOERR')) {
    return new EnvError(m('damaged', { path: file }), m('damagedHint', { path: file }));
  }
  if (code.startsWith('SQLITE_READONLY') && fs.existsSync(file)) {
    return new EnvError(m('readOnly', { path: file }), m('readOnlyHint', { path: file }));
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new EnvError(m('homeUnwritable', { path: path.dirname(file) }), m('homeUnwritableHint'));
  }
  if (code === 'SQLITE_BUSY') return new EnvError(m('busy', { path: file }));
  return e;
}

export { SCHEMA_VERSION };
