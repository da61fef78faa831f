/** The entry point: runs the CLI, maps errors to exit codes; the only place that knows about process. */
import { runCli } from './cli.js';
import { DlpathError } from './core/errors.js';

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
    return reportError(e, process.stderr, process.env);
  }
}

export function reportError(e: unknown, stderr: NodeJS.WritableStream, env: NodeJS.ProcessEnv): number {
  if (e instanceof DlpathError) {
    if (e.message) stderr.write(`dlpath: ${e.message}\n`);
    if (e.hint) stderr.write(`${e.hint}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  stderr.write(`dlpath: internal error: ${err?.message ?? String(e)}\n`);
  stderr.write('This is a bug in dlpath, not something you did. Please report it with the command you ran.\n');
  if (env.DLPATH_DEBUG) stderr.write(`${err?.stack ?? ''}\n`);
  return 70;
}
