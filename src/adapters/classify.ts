/**
 * One classifier for failures of the storage: SQLite's result codes and the file system's errno codes
 * become exit-4 errors that say what happened and where, never "internal error".
 */
import { EnvError } from '../core/errors.js';
import { m } from '../i18n/store.js';
import { lastOpenedFile, storeError } from './store/db.js';

type Key = Parameters<typeof m>[0];

const FS_CODES: Record<string, Key> = {
  ENOSPC: 'fsNoSpace', EDQUOT: 'fsNoSpace', EFBIG: 'fsTooBig', EROFS: 'fsReadOnly', EACCES: 'fsDenied', EPERM: 'fsDenied',
  ENOTDIR: 'fsNotDir', EISDIR: 'fsIsDir', ENAMETOOLONG: 'fsNameTooLong', EIO: 'fsIo', EMFILE: 'fsTooManyOpen',
  ENFILE: 'fsTooManyOpen', ELOOP: 'fsLoop', ENOENT: 'fsMissing', EEXIST: 'fsExists', ENOMEM: 'fsNoMemory', EBUSY: 'fsBusy',
  ETXTBSY: 'fsBusy', ENXIO: 'fsMissing', ENODEV: 'fsMissing', ESTALE: 'fsIo',
};

/** An errno failure of the file system, as an exit-4 error naming the path; undefined if not one. */
export function fsError(e: unknown): EnvError | undefined {
  const err = e as NodeJS.ErrnoException;
  const key = typeof err?.code === 'string' ? FS_CODES[err.code] : undefined;
  if (!key) return undefined;
  const where = err.path ?? (err as { dest?: string }).dest ?? '';
  return new EnvError(m(key, { path: where, code: err.code! }), m(`${key}Hint` as Key, { path: where }));
}

/** The error to report for e: SQLite and file-system failures classified, anything else unchanged. */
export function classifyError(e: unknown, dbFile?: string): unknown {
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string') return e;
  if (code.startsWith('SQLITE_')) return storeError(e, dbFile ?? lastOpenedFile() ?? 'progress.db');
  return fsError(e) ?? e;
}
