/**
 * Fail points for crash-consistency tests: with DLPATH_CRASH_AT=<name>, the process kills itself
 * (SIGKILL, as a power cut would stop it) when it reaches that point. Unset, this does nothing.
 */
export function crashPoint(env: NodeJS.ProcessEnv, name: string): void {
  if (env.DLPATH_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
