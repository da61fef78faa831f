/** Opens a file in the learner's editor and waits for it (a terminal editor takes the terminal meanwhile). */
import { spawn } from 'node:child_process';
import type { Context } from '../context.js';

/** Quotes a path for sh. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Runs `<editor> <file>` through the shell; true when it ran and ended well. */
export async function openInEditor(ctx: Context, editor: string, file: string): Promise<boolean> {
  // A terminal editor reads the keyboard itself; dlpath stops reading and leaves Ctrl-C to it.
  ctx.stdin.pause();
  const ignore = () => { /* the editor handles Ctrl-C */ };
  process.on('SIGINT', ignore);
  try {
    return await new Promise<boolean>((resolve) => {
      const child = spawn(`${editor} ${shellQuote(file)}`, { shell: true, stdio: 'inherit', env: ctx.env, cwd: ctx.cwd });
      child.on('error', () => resolve(false));
      child.on('close', (code) => resolve(code === 0));
    });
  } finally {
    process.off('SIGINT', ignore);
  }
}
