/**
 * What every command gets: resolved global options, streams, environment and clock.
 * Tests build one directly; main.ts builds it from process.*.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import { detectLang, setLang, type Lang } from '../i18n/index.js';
import { editorCommand, readConfig, type Config } from './config.js';

export interface GlobalOptions {
  curriculum?: string;
  home?: string;
  lang?: string;
  json?: boolean;
  color?: boolean;
  yes?: boolean;
}

export type OutStream = Writable & { isTTY?: boolean; columns?: number };
export type InStream = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

export interface Context {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdin: InStream;
  stdout: OutStream;
  stderr: OutStream;
  /** Both stdin and stdout are terminals: prompts and walking the learner through are allowed. */
  interactive: boolean;
  home: string;
  curriculumDir: string;
  lang: Lang;
  json: boolean;
  color: boolean;
  yes: boolean;
  clock: () => Date;
  /** The settings saved with `dlpath config set`. */
  config: Config;
  /** The command that opens a file for editing (DLPATH_EDITOR, config, VISUAL, EDITOR), if any. */
  editor?: string;
  /**
   * The course folder printed commands must carry (`dlpath --curriculum <dir> learn x`): set when the
   * course in use came from --curriculum and is neither the shipped course nor the remembered one,
   * so that a command copied as printed opens the same course.
   */
  courseFlag?: string;
}

/** The package's root folder (holds curriculum/, harness/, schema/). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The command that upgrades this dlpath: it is installed from a clone (README), so a pull and an
 * install in its folder; a copy that is not a clone is upgraded the way it was installed.
 */
export function upgradeCommand(): string {
  const git = fs.existsSync(path.join(PACKAGE_ROOT, '.git'));
  return git ? `cd ${/^[\w@%+=:,./-]+$/.test(PACKAGE_ROOT) ? PACKAGE_ROOT : `'${PACKAGE_ROOT}'`} && git pull && npm install` : `a newer dlpath in place of ${PACKAGE_ROOT}`;
}

export function defaultHome(env: NodeJS.ProcessEnv): string {
  if (env.DLPATH_HOME) return path.resolve(env.DLPATH_HOME);
  const base = env.XDG_DATA_HOME ? env.XDG_DATA_HOME : path.join(env.HOME || os.homedir(), '.local', 'share');
  return path.join(base, 'dlpath');
}

/** The data folder a command line names (--home), else the environment's, before commander has parsed it. */
export function homeFromArgv(argv: string[], env: NodeJS.ProcessEnv, cwd: string): string {
  const v = optionFromArgv(argv, '--home');
  return v ? path.resolve(cwd, v) : defaultHome(env);
}

/** The value of a global option (`--home x`, `--home=x`) as the command line gives it, before commander has parsed it. */
export function optionFromArgv(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  return i < 0 ? undefined : argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
}

/** The shipped course's folder. */
export const SHIPPED_CURRICULUM = path.join(PACKAGE_ROOT, 'curriculum');

export function makeContext(
  opts: GlobalOptions,
  io: { env: NodeJS.ProcessEnv; cwd: string; stdin: InStream; stdout: OutStream; stderr: OutStream; clock?: () => Date },
): Context {
  const { env } = io;
  const home = opts.home ? path.resolve(io.cwd, opts.home) : defaultHome(env);
  // Precedence everywhere: flag > dlpath's environment variable > saved setting > LANG / the default.
  const config = readConfig(home);
  const lang = detectLang(opts.lang, env, config.lang);
  setLang(lang);
  const shipped = SHIPPED_CURRICULUM;
  const curriculumDir = opts.curriculum
    ? path.resolve(io.cwd, opts.curriculum)
    : env.DLPATH_CURRICULUM ? path.resolve(io.cwd, env.DLPATH_CURRICULUM)
      : config.curriculum ? path.resolve(home, config.curriculum) : shipped;
  const remembered = config.curriculum ? path.resolve(home, config.curriculum) : shipped;
  // DLPATH_CURRICULUM, exported, holds for every command of the shell; --curriculum only for its own.
  const courseFlag = opts.curriculum && curriculumDir !== remembered ? curriculumDir : undefined;
  const noColor = opts.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  const color = !noColor && (Boolean(io.stdout.isTTY) || env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0');
  return {
    env, cwd: io.cwd, stdout: io.stdout, stderr: io.stderr,
    // process.stdin costs a few ms to set up: touched only by a command that reads it, or to ask isTTY
    // when stdout is a terminal.
    get stdin() { return io.stdin; },
    interactive: Boolean(io.stdout.isTTY && io.stdin.isTTY) && !opts.json,
    home, curriculumDir, lang, json: Boolean(opts.json), color, yes: Boolean(opts.yes),
    clock: io.clock ?? testClock(env) ?? (() => new Date()),
    config, editor: editorCommand(env, config), courseFlag,
  };
}

/**
 * For tests only: DLPATH_TEST_NOW (an ISO time) sets the clock's start; time then passes as usual.
 * Lets a test in a real terminal show a calendar or a due date for a day it chose.
 */
function testClock(env: NodeJS.ProcessEnv): (() => Date) | undefined {
  const t0 = env.DLPATH_TEST_NOW ? Date.parse(env.DLPATH_TEST_NOW) : NaN;
  if (Number.isNaN(t0)) return undefined;
  const start = Date.now();
  return () => new Date(t0 + (Date.now() - start));
}
