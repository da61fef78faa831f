/**
 * Commander declarations only. Each action imports its command module when it runs, so a command
 * loads only what it uses.
 */
import { createRequire } from 'node:module';
import type * as CommanderModule from 'commander';
import type { Command as CommandType } from 'commander';

// commander and better-sqlite3 are CommonJS: require() loads them ~10 ms faster than import, which
// has to scan their source for named exports first (see npm run bench).
const { Command, CommanderError, InvalidArgumentError, Option } = createRequire(import.meta.url)('commander') as typeof CommanderModule;
type Command = CommandType;
import { homeFromArgv, makeContext, optionFromArgv, SHIPPED_CURRICULUM, type Context, type GlobalOptions, type InStream, type OutStream } from './commands/context.js';
import { detectLang, sentences, setLang } from './i18n/index.js';
import { m } from './i18n/cli.js';
import { m as mc } from './i18n/class.js';
import { helpAfter } from './i18n/help.js';
import { suggest } from './core/suggest.js';
import { loadColors } from './adapters/ui/theme.js';
import { displayWidth, wrap } from './adapters/ui/markdown.js';
import { readConfig } from './adapters/config.js';

export interface IO {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdin: InStream;
  stdout: OutStream;
  stderr: OutStream;
  clock?: () => Date;
}

type Action = (ctx: Context, args: unknown[], opts: Record<string, unknown>) => Promise<number>;

function langFromArgv(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice('--lang='.length) : argv[i + 1];
}

export async function runCli(argv: string[], io: IO): Promise<number> {
  // A Tab in the learner's shell: ids only, before anything else is set up.
  if (argv[0] === '__complete') return (await import('./commands/completion.js')).complete(argv.slice(1), io);
  // The help text is written before a command runs: its language comes from the same places.
  let saved: string | undefined;
  try { saved = readConfig(homeFromArgv(argv, io.env, io.cwd)).lang; } catch { /* reported when a command runs */ }
  setLang(detectLang(langFromArgv(argv), io.env, saved));
  let code = 0;
  const program = new Command('dlpath');
  const wantsHelp = argv[0] === 'help' || argv.some((a) => a === '-h' || a === '--help');
  program
    .description((wantsHelp && await courseDescription(argv, io)) || m('description'))
    .usage('[options] [command]')
    .version(VERSION, '-V, --version', m('optVersion'))
    .helpOption('-h, --help', m('optHelp'))
    .helpCommand('help [command]', m('cmdHelp'))
    .option('--curriculum <dir>', m('optCurriculum'))
    .option('--home <dir>', m('optHome'))
    .addOption(new Option('--lang <lang>', m('optLang')).choices(['en', 'zh']).argParser(oneOf(['en', 'zh'])))
    .option('--json', m('optJson'))
    .option('--no-color', m('optNoColor'))
    .option('-y, --yes', m('optYes'))
    .showSuggestionAfterError(true)
    // Choices and defaults in the learner's language and punctuation: (choices: a, b; default: a) or（可选值：a、b；默认：a）.
    // Widths in terminal columns (a Chinese character takes two), lines broken between Chinese characters too.
    .configureHelp({ optionDescription: (o) => describeOption(o as unknown as OptionLike), helpWidth: helpColumns(io),
      displayWidth, boxWrap: (text: string, width: number) => boxWrap(text, width) })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(fitHelp(localizeHelp(s), helpColumns(io))),
      writeErr: (s) => io.stderr.write(fitHelp(localizeError(s, commandIn(argv, program)), helpColumns(io))),
    });

  const action = (load: () => Promise<{ run: Action }>) => async (...all: unknown[]) => {
    const cmd = all[all.length - 1] as Command;
    const opts = cmd.optsWithGlobals() as GlobalOptions & Record<string, unknown>;
    const args = all.slice(0, -2);
    const ctx = makeContext(opts, io);
    const [mod] = await Promise.all([load(), loadColors(ctx), ctx.courseFlag ? carryCourseFlag(ctx) : undefined]);
    try {
      code = await mod.run(ctx, args, opts);
    } catch (e) {
      if (ctx.courseFlag && e instanceof Error) await carryCourseFlagInError(e, ctx.courseFlag);
      else if (e instanceof Error && (e as { exitCode?: number }).exitCode === 2) await hintCourseHere(e, ctx);
      throw e;
    }
    if (opts.lang && cmd.name() !== 'config') await (await import('./commands/config.js')).offerToKeepLang(ctx, String(opts.lang));
  };

  program.command('next').description(m('cmdNext'))
    .action(action(() => import('./commands/next.js')));
  program.command('path').description(m('cmdPath'))
    .action(action(() => import('./commands/path.js')));
  program.command('learn').description(m('cmdLearn')).argument('[module]', m('argModuleNext'))
    .action(action(() => import('./commands/learn.js')));
  program.command('quiz').description(m('cmdQuiz')).argument('[module]', m('argModuleNext'))
    .option('--answers <file>', m('optAnswers'))
    .option('--template', m('optTemplate'))
    .option('--seed <n>', m('optSeed'))
    .action(action(() => import('./commands/quiz.js')));
  program.command('review').description(m('cmdReview'))
    .option('--limit <n>', m('optLimit'))
    .option('--answers <file>', m('optAnswers'))
    .option('--seed <n>', m('optSeed'))
    .action(action(() => import('./commands/review.js')));
  program.command('tasks').description(m('cmdTasks')).argument('[module]', m('argModuleFilter'))
    .action(action(() => import('./commands/tasks.js')));
  program.command('task').description(m('cmdTask')).argument('[task]', m('argTaskNext'))
    .option('--force', m('optForce'))
    .action(action(() => import('./commands/task.js')));
  program.command('check').description(m('cmdCheck')).argument('[task]', m('argTaskCurrent'))
    .option('--full', m('optFull'))
    .action(action(() => import('./commands/check.js')));
  program.command('hint').description(m('cmdHint')).argument('[task]', m('argTaskCurrent'))
    .option('--all', m('optHintAll'))
    .action(action(() => import('./commands/hint.js')));
  program.command('solution').description(m('cmdSolution')).argument('[task]', m('argTaskCurrent'))
    .action(action(() => import('./commands/solution.js')));
  program.command('watch').description(m('cmdWatch')).argument('[task]', m('argTaskCurrent'))
    .action(action(() => import('./commands/watch.js')));
  program.command('progress').description(m('cmdProgress'))
    .action(action(() => import('./commands/progress.js')));
  program.command('reset').description(m('cmdReset')).argument('[modules...]', m('argModule'))
    .option('--all', m('optAll'))
    .action(action(() => import('./commands/reset.js')));
  program.command('config').description(m('cmdConfig'))
    .argument('[action]', m('argConfigAction')).argument('[key]', m('argConfigKey')).argument('[value]', m('argConfigValue'))
    .action(action(() => import('./commands/config.js')));
  program.command('validate').description(m('cmdValidate')).argument('[dir]')
    .option('--strict', m('optStrict'))
    .option('--run-solutions', m('optRunSolutions'))
    .option('--task <id>', m('optValidateTask'))
    .option('--against <what>', m('optAgainst'))
    .action(action(() => import('./commands/validate.js')));
  program.command('schema').description(m('cmdSchema'))
    .option('--out <dir>', m('optSchemaOut'))
    .action(action(() => import('./commands/schema.js')));
  program.command('doctor').description(m('cmdDoctor'))
    .action(action(() => import('./commands/doctor.js')));
  program.command('export').description(m('cmdExport'))
    .addOption(new Option('--format <format>', m('optFormat')).choices(['json', 'csv', 'xapi']).argParser(oneOf(['json', 'csv', 'xapi'])).default('json'))
    .option('--out <file>', m('optOut'))
    .action(action(() => import('./commands/export.js')));
  program.command('report').description(m('cmdReport'))
    .requiredOption('--html <file>', m('optHtml'))
    .action(action(() => import('./commands/report.js')));
  program.command('import').description(m('cmdImport')).argument('<file>', m('argImportFile'))
    .option('--dry-run', m('optDryRun'))
    .action(action(() => import('./commands/import.js')));
  // A class on a PostgreSQL server: pg is loaded by these commands only.
  const klass = program.command('class').description(mc('cmdClass'));
  klass.command('init').description(mc('cmdClassInit')).argument('<url>', mc('argUrl'))
    .action(action(async () => ({ run: (await import('./commands/class.js')).init })));
  klass.command('add-learner').description(mc('cmdClassAdd')).argument('<name>', mc('argLearner'))
    .option('--url <url>', mc('optUrl'))
    .action(action(async () => ({ run: (await import('./commands/class.js')).addLearnerCmd })));
  klass.command('add-teacher').description(mc('cmdClassAddTeacher')).argument('<name>', mc('argTeacher'))
    .option('--url <url>', mc('optUrl'))
    .action(action(async () => ({ run: (await import('./commands/class.js')).addTeacherCmd })));
  klass.command('revoke').description(mc('cmdClassRevoke')).argument('<name>', mc('argLearner'))
    .option('--url <url>', mc('optUrl'))
    .action(action(async () => ({ run: (await import('./commands/class.js')).revokeCmd })));
  klass.command('restore').description(mc('cmdClassRestore')).argument('<name>', mc('argLearner'))
    .option('--url <url>', mc('optUrl'))
    .action(action(async () => ({ run: (await import('./commands/class.js')).restoreCmd })));
  klass.command('join').description(mc('cmdClassJoin')).argument('<url>', mc('argLearnerUrl'))
    .action(action(async () => ({ run: (await import('./commands/class.js')).join })));
  klass.command('leave').description(mc('cmdClassLeave'))
    .action(action(async () => ({ run: (await import('./commands/class.js')).leave })));
  klass.command('report').description(mc('cmdClassReport'))
    .option('--url <url>', mc('optUrl'))
    .option('--html <file>', mc('optClassHtml'))
    .action(action(async () => ({ run: (await import('./commands/class.js')).reportCmd })));
  // `dlpath class` alone, or with a command it does not have: its help and what is missing (exit 2), not
  // commander's help squeezed into one error line.
  klass.usage('[options] [command]').helpCommand('help [command]', m('cmdHelp')).argument('[command]').argument('[args...]').action(async (name: string | undefined) => {
    const names = klass.commands.map((c) => c.name()).filter((n) => n !== 'help');
    if (name === undefined) {
      io.stderr.write(localizeHelp(klass.helpInformation()));
      io.stderr.write(`\ndlpath: ${mc('classNeedsCommand', { names: names.join(mc('listSep')) })}\n`);
    } else {
      const hint = suggest(name, names).slice(0, 3);
      io.stderr.write(`dlpath: ${sentences(mc('classUnknownCommand', { name }), hint.length ? m('didYouMean', { names: hint.join(', ') }) : '')}\n`);
      io.stderr.write(`${m('commandHelp', { command: 'class' })}\n`);
    }
    code = 2;
  });
  program.command('sync').description(mc('cmdSync'))
    .action(action(() => import('./commands/sync.js')));
  // `dlpath` alone: a short status and the next step.
  program.argument('[command]').argument('[args...]').action(async (name: string | undefined, _rest: unknown, _o: unknown, cmd: Command) => {
    if (name !== undefined) {
      const names = program.commands.map((c) => c.name());
      const synonym = SYNONYMS[name.toLowerCase()];
      const hint = [...new Set([...(synonym ? [synonym] : []), ...suggest(name, names)])].slice(0, 3);
      io.stderr.write(`dlpath: ${sentences(m('unknownCommand', { name }), hint.length ? m('didYouMean', { names: hint.join(', ') }) : '')}\n`);
      io.stderr.write(`${m('unknownOption')}\n`);
      code = 2;
      return;
    }
    await action(() => import('./commands/status.js'))(cmd.opts(), cmd);
  });

  program.command('completion').description(m('cmdCompletion')).argument('<shell>', m('argShell'))
    .action(async (_shell: string, _o: unknown, cmd: Command) => {
      const spec = {
        commands: program.commands.map((c) => ({
          name: c.name(), description: c.description(),
          options: c.options.map((o) => ({ long: o.long!, value: o.required || o.optional })).filter((o) => o.long),
          // `dlpath class <Tab>`: its subcommands, each with its options.
          subcommands: c.commands.map((sc) => ({ name: sc.name(), description: sc.description(),
            options: sc.options.map((o) => ({ long: o.long!, value: o.required || o.optional })).filter((o) => o.long) })),
        })),
        globals: program.options.map((o) => ({ long: o.long!, value: o.required || o.optional })).filter((o) => o.long),
      };
      const ctx = makeContext(cmd.optsWithGlobals() as GlobalOptions, io);
      code = await (await import('./commands/completion.js')).run(ctx, [_shell], {}, spec);
    });

  // Every command's --help ends with examples and the global options it honours.
  for (const c of [...program.commands, ...klass.commands]) {
    const after = helpAfter(c.parent === klass ? `class ${c.name()}` : c.name());
    if (after) c.addHelpText('after', after);
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    throw e;
  }
  return code;
}

export const VERSION = '0.1.0';

/** For --help, when the course in use is not the shipped one: its title and description. */
async function courseDescription(argv: string[], io: IO): Promise<string | undefined> {
  let ctx: Context;
  try {
    ctx = makeContext({ curriculum: optionFromArgv(argv, '--curriculum'), home: optionFromArgv(argv, '--home'), lang: langFromArgv(argv) }, io);
  } catch {
    return undefined;
  }
  if (ctx.curriculumDir === SHIPPED_CURRICULUM) return undefined;
  const { courseBlurb } = await import('./adapters/course-info.js');
  const blurb = await courseBlurb(ctx.curriculumDir, ctx.home);
  if (!blurb) return undefined;
  const { pick } = await import('./i18n/index.js');
  const text = m('descriptionCourse', { title: pick(blurb.title), description: blurb.description ? pick(blurb.description) : '' }).replace(/ {2,}/g, ' ');
  return ctx.courseFlag ? (await import('./adapters/ui/course-flag.js')).addCourseFlag(text, ctx.courseFlag) : text;
}

/** Commands printed while a course given by --curriculum is in use carry that course (course-flag.ts). */
async function carryCourseFlag(ctx: Context): Promise<void> {
  const { courseFlagStream } = await import('./adapters/ui/course-flag.js');
  ctx.stdout = courseFlagStream(ctx.stdout, ctx.courseFlag!);
  ctx.stderr = courseFlagStream(ctx.stderr, ctx.courseFlag!);
}

/**
 * A usage error (no such module or task) while the shell stands in another course's folder: the
 * learner probably meant that course. Says how to use it.
 */
async function hintCourseHere(e: Error, ctx: Context): Promise<void> {
  const { courseAbove } = await import('./commands/validate.js');
  const here = courseAbove(ctx.cwd);
  if (!here || here === ctx.curriculumDir) return;
  const withHint = e as Error & { hint?: string };
  const { shellWord } = await import('./adapters/ui/course-flag.js');
  const more = m('courseHere', { dir: here, flag: shellWord(here) });
  Object.defineProperty(e, 'hint', { value: withHint.hint ? `${withHint.hint}\n${more}` : more });
}

async function carryCourseFlagInError(e: Error, dir: string): Promise<void> {
  const { addCourseFlag } = await import('./adapters/ui/course-flag.js');
  e.message = addCourseFlag(e.message, dir);
  const withHint = e as Error & { hint?: string };
  if (typeof withHint.hint === 'string') Object.defineProperty(e, 'hint', { value: addCourseFlag(withHint.hint, dir) });
}

/** A choice matched case-insensitively (`--format CSV`); commander's own message when none matches. */
function oneOf(choices: string[]): (value: string) => string {
  return (value) => {
    const v = value.toLowerCase();
    if (!choices.includes(v)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return v;
  };
}

/** The command a command line names (its first word that is not an option or an option's value). */
function commandIn(argv: string[], program: Command): string | undefined {
  const names = new Set(program.commands.map((c) => c.name()));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (['--home', '--curriculum', '--lang'].includes(a)) { i++; continue; }
    if (a.startsWith('-')) continue;
    return names.has(a) ? a : undefined;
  }
  return undefined;
}

/** Words learners try for a command dlpath calls otherwise. */
const SYNONYMS: Record<string, string> = {
  list: 'tasks', ls: 'tasks', exercises: 'tasks', lang: 'config', language: 'config', settings: 'config', set: 'config',
  start: 'next', continue: 'next', lesson: 'learn', read: 'learn', test: 'check', verify: 'check', run: 'check',
  solve: 'task', stats: 'progress', status: 'progress', history: 'export', complete: 'completion',
};

/** Commander's usage errors: prefixed like every dlpath message, in the learner's language, with where to look. */
function localizeError(s: string, command?: string): string {
  const rules: Array<[RegExp, (...g: string[]) => string]> = [
    [/^error: unknown option '([^']+)'/, (o) => m('errUnknownOption', { option: o })],
    [/^\(Did you mean (.+)\?\)/, (x) => m('didYouMean', { names: x })],
    [/^error: missing required argument '([^']+)'/, (a) => m('errMissingArgument', { arg: a })],
    [/^error: option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\./,
      (o, v, c) => m('errInvalidChoice', { option: o, value: v, choices: c })],
    [/^error: too many arguments for '([^']+)'\. Expected (\d+) arguments? but got (\d+)\./,
      (c, want, got) => m('errTooMany', { command: c, want, got })],
    [/^error: option '([^']+)' argument missing/, (o) => m('errOptionArgument', { option: o })],
  ];
  const lines = s.replace(/\n$/, '').split('\n').map((line) => {
    for (const [re, say] of rules) {
      const hit = re.exec(line);
      if (hit) return say(...hit.slice(1));
    }
    return line.replace(/^error: /, '');
  });
  return `dlpath: ${sentences(...lines)}\n${command ? m('commandHelp', { command }) : m('unknownOption')}\n`;
}

interface OptionLike { description: string; argChoices?: string[]; defaultValue?: unknown; defaultValueDescription?: string; negate?: boolean }

function describeOption(o: OptionLike): string {
  const zh = m('choicesWord') !== 'choices';
  const [open, close, colon, sep, semi] = zh ? ['（', '）', '：', '、', '；'] : [' (', ')', ': ', ', ', '; '];
  const extra: string[] = [];
  if (o.argChoices) extra.push(`${m('choicesWord')}${colon}${o.argChoices.join(sep)}`);
  if (o.defaultValue !== undefined && !o.negate) extra.push(`${m('defaultWord')}${colon}${o.defaultValueDescription ?? String(o.defaultValue)}`);
  return extra.length ? `${o.description}${open}${extra.join(semi)}${close}` : o.description;
}

/** Commander's own headings, in the learner's language. */
/** The width help is laid out in: the terminal's (80 when not a terminal), at least 40. */
function helpColumns(io: IO): number {
  return Math.max(40, (io.stdout as { columns?: number }).columns ?? 80);
}

/** commander's wrapping of a description, in terminal columns and between Chinese characters; each line keeps its indent. */
function boxWrap(text: string, width: number): string {
  if (width < 40) return text;
  return text.split('\n').map((line) => (displayWidth(line) <= width ? line : wrap(line.trimStart(), width, /^\s*/.exec(line)![0]).join('\n'))).join('\n');
}

/**
 * Lines commander does not lay out (the examples and notes after a command's help) fitted to the width:
 * an example's comment goes on under its own column; any other line wraps under its own indent.
 */
function fitHelp(text: string, width: number): string {
  return text.split('\n').map((line) => {
    if (displayWidth(line) <= width) return line;
    const ex = /^(\s+\S.*?\s+# )(.*)$/.exec(line);
    if (ex && displayWidth(ex[1]) <= width - 20) {
      const lead = ' '.repeat(displayWidth(ex[1]) - 2);
      return wrap(ex[2], width - displayWidth(ex[1])).map((l, i) => (i ? `${lead}# ${l}` : ex[1] + l)).join('\n');
    }
    return boxWrap(line, width);
  }).join('\n');
}

function localizeHelp(s: string): string {
  if (m('choicesWord') !== 'choices') s = s.replace(/^(Usage: .*)$/m, (line) => line.replace('[options]', '[选项]').replace('[command]', '[命令]'));
  return s.replace(/^(Usage|Options|Commands|Arguments):( ?)/gm, (_m, h: string, space: string) => {
    const heading = m(`heading${h}` as 'headingUsage');
    return heading.endsWith('：') ? heading : heading + space;
  })
    .replace(/\(default:(\s)/g, (_m, sp: string) => `(${m('defaultWord')}:${sp}`)
    .replace(/\(choices:(\s)/g, (_m, sp: string) => `(${m('choicesWord')}:${sp}`);
}
