/**
 * Process-wide settings main.ts gives the adapters: where to say things in passing (a wait for
 * another dlpath) and how long a write may wait for other dlpath processes (DLPATH_LOCK_WAIT, seconds).
 */
let sink: (text: string) => void = () => {};
let lockWaitMs = 60_000;

export function setNoticeSink(fn: (text: string) => void): void {
  sink = fn;
}

export function notice(text: string): void {
  sink(text);
}

export function setLockWait(seconds: string | undefined): void {
  const s = Number(seconds);
  if (seconds !== undefined && seconds.trim() !== '' && Number.isFinite(s) && s >= 0) lockWaitMs = Math.round(s * 1000);
}

export function lockWait(): number {
  return lockWaitMs;
}
