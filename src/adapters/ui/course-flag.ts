/**
 * Commands dlpath prints for the learner to type must work when copied as printed. When the course
 * in use came from --curriculum (and is neither the shipped course nor the one remembered with
 * `dlpath config set curriculum`), a copied `dlpath learn x` would open the shipped course instead:
 * every printed `dlpath <command>` gets `--curriculum <dir>` after `dlpath`. DLPATH_CURRICULUM needs
 * none: exported, it holds for every command typed in that shell.
 * Done on the output streams (and on error messages), so no message needs to know about it.
 */
import type { OutStream } from '../context.js';

const COMMANDS = 'next|path|learn|quiz|review|tasks|task|check|hint|solution|watch|progress|reset|config|validate|doctor|export|schema';
// `dlpath <command>` where a command starts: after a backtick, a quote, a space, "Run: ", or a line's start;
// not doctor's heading (`dlpath doctor` alone on its line).
const PRINTED = new RegExp(`(^|[\\s\`'"(:：（]|\\x1b\\[[0-9;]*m)dlpath (?=(?:${COMMANDS})(?![\\w-]))(?!doctor(?:\\x1b\\[[0-9;]*m)*$)`, 'gm');

/** A folder as the shell takes it: bare when it has only safe characters, else in single quotes. */
export function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The text with `--curriculum <dir>` in every printed dlpath command. */
export function addCourseFlag(text: string, dir: string): string {
  const flag = `--curriculum ${shellWord(dir)} `;
  return text.replace(PRINTED, (_m, before: string) => `${before}dlpath ${flag}`);
}

/** The stream, writing every text through addCourseFlag; everything else is the stream's own. */
export function courseFlagStream<T extends OutStream>(stream: T, dir: string): T {
  return new Proxy(stream, {
    get(target, prop) {
      if (prop === 'write') {
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...a: unknown[]) => boolean)(typeof chunk === 'string' ? addCourseFlag(chunk, dir) : chunk, ...rest);
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
