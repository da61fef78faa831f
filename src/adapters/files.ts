/**
 * Every file dlpath writes goes through here, so that no write can leave half a file or replace
 * something the learner wrote:
 * - writeFileAtomic: a temporary file beside the target, flushed, then renamed over it. A crash or a
 *   full disk leaves the previous file whole; a temporary file left by a killed process is removed
 *   by the next write of the same file.
 * - moveNoReplace: moves a file to a name that must not exist yet (never replaces what is there).
 * - freshDir: creates a folder whose name did not exist before (`name`, `name-2`, `name-3`, …).
 */
import fs from 'node:fs';
import path from 'node:path';

let counter = 0;

function tempName(file: string): string {
  const rand = Math.floor(Math.random() * 0x7fffffff).toString(36);
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${rand}${counter++}.tmp`);
}

/** Removes temporary files of `file` left by dlpath processes that were killed mid-write. */
function sweepStale(file: string): void {
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try { names = fs.readdirSync(path.dirname(file)); } catch { return; }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) continue;
    try { process.kill(pid, 0); continue; } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ESRCH') continue; }
    try { fs.unlinkSync(path.join(path.dirname(file), name)); } catch { /* gone already */ }
  }
}

/** Writes `data` to `file` atomically: readers see the old file or the new one, never a part. */
export function writeFileAtomic(file: string, data: string | Uint8Array, opts: { mode?: number } = {}): void {
  sweepStale(file);
  const tmp = tempName(file);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', opts.mode ?? 0o644);
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) try { fs.closeSync(fd); } catch { /* already failing */ }
    try { fs.unlinkSync(tmp); } catch { /* never created, or already gone */ }
    throw e;
  }
  // The rename itself is made durable by flushing the folder (not possible everywhere: best effort).
  try {
    const dfd = fs.openSync(path.dirname(file), 'r');
    try { fs.fsyncSync(dfd); } finally { fs.closeSync(dfd); }
  } catch { /* some file systems refuse fsync on a folder */ }
}

/**
 * Moves `from` to `to`, failing with EEXIST when `to` exists: a hard link then an unlink, so that the
 * file is in one place or both, never in neither. File systems without hard links fall back to a
 * checked rename.
 */
export function moveNoReplace(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'EMLINK') throw e;
    if (fs.existsSync(to)) throw Object.assign(new Error(`EEXIST: file already exists, rename '${from}' -> '${to}'`), { code: 'EEXIST', path: to });
    fs.renameSync(from, to);
    return;
  }
  fs.unlinkSync(from);
}

/** Creates a new folder in `parent` named `name`, or `name-2`, `name-3`, … if taken; returns its path. */
export function freshDir(parent: string, name: string): string {
  for (let i = 1; ; i++) {
    const dir = path.join(parent, i === 1 ? name : `${name}-${i}`);
    try {
      fs.mkdirSync(dir);
      return dir;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || i > 10000) throw e;
    }
  }
}

/** The first bytes of every SQLite database file. */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether `file` exists and starts like a SQLite database. */
export function looksLikeSqlite(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const b = Buffer.alloc(16);
    return fs.readSync(fd, b, 0, 16, 0) === 16 && b.equals(SQLITE_MAGIC);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The path with every existing part resolved through links (a missing last part is kept as is). */
export function realPathLoose(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}
