/** The entry point: runs the CLI, maps errors to exit codes; the only place that knows about process. */
import { runCli } from './cli.js';
import { DlpathError } from './core/errors.js';
import { m } from './i18n/cli.js';

export async function main(argv: string[]): Promise<number> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  try {
    return await runCli(argv, {
      env: process.env, cwd: process.cwd(),
      stdin: process.stdin, stdout: process.stdout, stderr: process.stderr,
    });
  } catch (e) {
    return reportError(await explainStoreFailure(e), process.stderr, process.env);
  }
}

/** SQLite failures met in a query (a damaged file, a read-only one) become the store's exit-4 errors. */
async function explainStoreFailure(e: unknown): Promise<unknown> {
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return e;
  const { storeError, lastOpenedFile } = await import('./adapters/store/db.js');
  return storeError(e, lastOpenedFile() ?? 'progress.db');
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
