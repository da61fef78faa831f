/** Errors a user can cause or fix; main.ts maps each to its exit code and prints only its message. */
export class DlpathError extends Error {
  constructor(message: string, readonly exitCode: number, readonly hint?: string) {
    super(message);
    this.name = new.target.name;
  }
}
/** Bad usage or bad input: unknown module, malformed answers file. Exit 2. */
export class UsageError extends DlpathError {
  constructor(message: string, hint?: string) { super(message, 2, hint); }
}
/** The curriculum is invalid. Exit 3. */
export class CurriculumError extends DlpathError {
  constructor(message: string, hint?: string) { super(message, 3, hint); }
}
/** The environment or the data folder is the problem: no Python, unreadable database. Exit 4. */
export class EnvError extends DlpathError {
  constructor(message: string, hint?: string) { super(message, 4, hint); }
}
/** The learner pressed Ctrl-C at a prompt. Exit 130. */
export class Cancelled extends DlpathError {
  constructor(message = '') { super(message, 130); }
}

export const EXIT = { ok: 0, notPassed: 1, usage: 2, curriculum: 3, env: 4, cancelled: 130 } as const;
