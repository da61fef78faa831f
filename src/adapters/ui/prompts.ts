/**
 * The prompts a quiz asks with, over @inquirer/prompts. The package is imported only when a prompt
 * is really shown (it costs start-up time), reads ctx.stdin and writes ctx.stdout, and Ctrl-C
 * becomes a Cancelled error carrying the caller's message (e.g. "your answers so far are saved").
 */
import type { Context } from '../context.js';
import { Cancelled } from '../../core/errors.js';
import { m as hint } from '../../i18n/prompts.js';
import { sentences } from '../../i18n/index.js';
import { displayWidth, textWidth, wrap } from './markdown.js';

export interface PromptChoice<V> { value: V; name: string; short?: string; description?: string }

type Inquirer = typeof import('@inquirer/prompts');
let loaded: Promise<Inquirer> | undefined;
const inquirer = (): Promise<Inquirer> => (loaded ??= import('@inquirer/prompts'));

async function guarded<T>(run: () => Promise<T>, cancelMessage: string): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new Cancelled(cancelMessage);
    throw e;
  }
}

export interface PromptOptions { cancelMessage?: string }

const io = (ctx: Context) => ({ input: ctx.stdin, output: ctx.stdout, clearPromptOnDone: false });

const ACTIONS = new Set(['navigate', 'select', 'submit', 'all', 'invert']);

/**
 * An answered prompt is marked › rather than inquirer's ✔, which would read as "right" next to a
 * wrong answer.
 */
const PREFIX = { idle: '?', done: '›' };

/** The columns a prompt's lines may take: the terminal's (inquirer wraps at its edge), at most textWidth. */
const room = (ctx: Context): number => Math.min(textWidth(ctx.stdout), (ctx.stdout as { columns?: number }).columns ?? 80) - 1;

/**
 * Text that starts `first` columns into a line and goes on under `indent` columns of space, broken
 * between words or Chinese characters (inquirer's own wrapping breaks only at spaces, at the edge).
 */
function hang(text: string, first: number, indent: number, width: number): string {
  const lead = Math.max(0, first - indent - 1);
  // A placeholder as wide as the first line's head takes its room, and is taken off again.
  const lines = wrap(lead ? `${'x'.repeat(lead)} ${text}` : text, width, ' '.repeat(indent));
  lines[0] = lines[0].slice(indent + (lead ? lead + 1 : 0));
  return lines.join('\n');
}

/**
 * The choices as shown: numbered as the digit keys select them, a long one wrapped under its own
 * first word (a hanging indent); `short`, the answer echoed once chosen, wrapped after the prompt.
 */
function shown<V>(ctx: Context, message: string, choices: PromptChoice<V>[], head: number): PromptChoice<V>[] {
  const width = room(ctx);
  const label = (i: number) => `${i + 1}.`.padEnd(String(choices.length).length + 2);
  const indent = head + label(0).length;
  const echoAt = displayWidth(`${PREFIX.done} ${message} `);
  return choices.map((c, i) => ({ ...c, name: label(i) + hang(c.name, indent, indent, width),
    short: hang(c.name, echoAt, 2, width) }));
}

/** Every choice on one page: inquirer counts a page in lines, and a wrapped choice takes several. */
const pageSize = (list: Array<{ name: string }>): number => Math.max(7, list.reduce((n, c) => n + c.name.split('\n').length, 0));

/** The key hints, and the list of ticked choices, in the learner's language. */
const listTheme = (ctx?: Context, message = '') => ({
  prefix: PREFIX,
  style: {
    keysHelpTip: (keys: Array<[string, string]>) => keys
      .map(([key, action]) => `${key === 'space' ? hint('spaceKey') : key} ${ACTIONS.has(action) ? hint(action as 'navigate') : action}`)
      .join(' • '),
    renderSelectedChoices: (selected: Array<{ value?: unknown; short: string }>) => {
      const text = selected.map((c) => plain.get(c.short) ?? c.short).join(hint('listSep'));
      return ctx ? hang(text, displayWidth(`${PREFIX.done} ${message} `), 2, room(ctx)) : text;
    },
  },
});

/** A ticked choice's text before it was wrapped (the ticked list is joined first, then wrapped as one). */
const plain = new Map<string, string>();

/** One choice from a list (arrow keys, or the choice's number). */
export async function choose<V>(ctx: Context, message: string, choices: PromptChoice<V>[], o: PromptOptions = {}): Promise<V> {
  const { select } = await inquirer();
  // "❯ " before each choice: two columns.
  const list = shown(ctx, message, choices, 2);
  return guarded(() => select<V>({ message, choices: list, pageSize: pageSize(list), loop: false,
    theme: listTheme() }, io(ctx)), o.cancelMessage ?? '');
}

/** Any number of choices (space to tick, enter to confirm). */
export async function chooseMany<V>(ctx: Context, message: string, choices: PromptChoice<V>[], o: PromptOptions = {}): Promise<V[]> {
  const { checkbox } = await inquirer();
  // "❯◯ " before each choice: three columns.
  const list = shown(ctx, message, choices, 3);
  list.forEach((c, i) => plain.set(c.short!, choices[i].name));
  // Nothing ticked is almost always an Enter pressed too soon: it is asked again rather than graded.
  return guarded(() => checkbox<V>({ message, choices: list, pageSize: pageSize(list), loop: false,
    validate: (ticked: readonly unknown[]) => (ticked.length > 0 ? true : hint('tickOne')), theme: listTheme(ctx, message) }, io(ctx)),
    o.cancelMessage ?? '');
}

/** A line of text; `validate` returns a message to show, or true to accept. */
export async function ask(ctx: Context, message: string, validate: (s: string) => true | string, o: PromptOptions = {}): Promise<string> {
  const { input } = await inquirer();
  return guarded(() => input({ message, validate, theme: { prefix: PREFIX } }, io(ctx)), o.cancelMessage ?? '');
}

const YES = /^(y|yes|是|是的|好|好的|对|确定|要)$/i;
const NO = /^(n|no|否|不|不要|不用|取消)$/i;

/** Yes or no: y/n, or 是/否 and their kin (inquirer's own confirm knows only y/n, and reads 是 as no). */
export async function yesNo(ctx: Context, message: string, dflt: boolean, o: PromptOptions = {}): Promise<boolean> {
  const { input } = await inquirer();
  const answer = await guarded(() => input({
    message: sentences(message, hint(dflt ? 'yesNoDefaultYes' : 'yesNoDefaultNo')),
    validate: (s) => (!s.trim() || YES.test(s.trim()) || NO.test(s.trim()) ? true : hint('yesNoAgain')),
    transformer: (s, { isFinal }) => (isFinal ? (s.trim() ? s : hint(dflt ? 'yes' : 'no')) : s),
    theme: { prefix: PREFIX },
  }, io(ctx)), o.cancelMessage ?? '');
  const s = answer.trim();
  return s ? YES.test(s) : dflt;
}
