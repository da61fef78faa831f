/** The entry point: runs the CLI, maps errors to exit codes; the only place that knows about process. */
import { runCli } from './cli.js';
import { DlpathError } from './core/errors.js';
import { m } from './i18n/cli.js';
import { setLockWait, setNoticeSink } from './adapters/notice.js';

export async function main(argv: string[]): Promise<number> {
  // A write error on stdout is remembered, not fatal: the command finishes (and records what it did).
  // A closed pipe (`dlpath check | head -1`) keeps the command's own exit code; any other failure
  // (a full disk, /dev/full) is an error of its own: exit 4, said on stderr.
  let outError: NodeJS.ErrnoException | undefined;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { outError ??= e; });
  process.stderr.on('error', () => { /* nowhere left to say anything */ });
  setNoticeSink((text) => { process.stderr.write(text); });
  setLockWait(process.env.DLPATH_LOCK_WAIT);
  let code: number;
  try {
    code = await runCli(argv, {
      env: process.env, cwd: process.cwd(),
      get stdin() { return process.stdin; }, stdout: process.stdout, stderr: process.stderr,
    });
  } catch (e) {
    code = reportError(await explain(e), process.stderr, process.env);
  }
  await flushed(process.stdout);
  if (outError && outError.code !== 'EPIPE') {
    process.stderr.write(`dlpath: ${m('stdoutFailed', { reason: outError.code ?? outError.message })}\n${m('stdoutFailedHint')}\n`);
    if (code === 0 || code === 1) code = 4;
  }
  return code;
}

/** Resolves when everything written to the stream so far has been handed to the system (or failed). */
function flushed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    try {
      if ((stream as { destroyed?: boolean }).destroyed) { resolve(); return; }
      stream.write('', () => resolve());
    } catch {
      resolve();
    }
  });
}

/** Failures of the storage (SQLite, the file system) become exit-4 errors that say what and where. */
async function explain(e: unknown): Promise<unknown> {
  if (e instanceof DlpathError) return e;
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string') return e;
  const { classifyError } = await import('./adapters/classify.js');
  return classifyError(e);
}

export function reportError(e: unknown, stderr: NodeJS.WritableStream, env: NodeJS.ProcessEnv): number {
  if (e instanceof DlpathError) {
    if (e.message) stderr.write(`dlpath: ${e.message}\n`);
    if (e.hint) stderr.write(`${e.hint}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  stderr.write(`dlpath: ${m('internalError', { message: err?.message ?? String(e) })}\n`);
  stderr.write(`${m('internalErrorHint')}\n`);
  if (env.DLPATH_DEBUG) stderr.write(`${err?.stack ?? ''}\n`);
  return 70;
}
