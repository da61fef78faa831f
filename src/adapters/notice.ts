/** Where adapters say things in passing (a wait for another dlpath): stderr, set by main.ts; silent in tests that build no CLI. */
let sink: (text: string) => void = () => {};

export function setNoticeSink(fn: (text: string) => void): void {
  sink = fn;
}

export function notice(text: string): void {
  sink(text);
}
