/**
 * The prompts a quiz asks with, over @inquirer/prompts. The package is imported only when a prompt
 * is really shown (it costs start-up time), reads ctx.stdin and writes ctx.stdout, and Ctrl-C
 * becomes a Cancelled error carrying the caller's message (e.g. "your answers so far are saved").
 */
import type { Context } from '../context.js';
import { Cancelled } from '../../core/errors.js';
import { m as hint } from '../../i18n/prompts.js';
import { sentences } from '../../i18n/index.js';

export interface PromptChoice<V> { value: V; name: string; description?: string }

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

/** The key hints, and the list of ticked choices, in the learner's language. */
const listTheme = () => ({
  prefix: PREFIX,
  style: {
    keysHelpTip: (keys: Array<[string, string]>) => keys
      .map(([key, action]) => `${key === 'space' ? hint('spaceKey') : key} ${ACTIONS.has(action) ? hint(action as 'navigate') : action}`)
      .join(' • '),
    renderSelectedChoices: (selected: Array<{ short: string }>) => selected.map((c) => c.short).join(hint('listSep')),
  },
});

/** One choice from a list (arrow keys, or the choice's number). */
export async function choose<V>(ctx: Context, message: string, choices: PromptChoice<V>[], o: PromptOptions = {}): Promise<V> {
  const { select } = await inquirer();
  return guarded(() => select<V>({ message, choices, pageSize: Math.max(7, choices.length), loop: false, theme: listTheme() }, io(ctx)),
    o.cancelMessage ?? '');
}

/** Any number of choices (space to tick, enter to confirm). */
export async function chooseMany<V>(ctx: Context, message: string, choices: PromptChoice<V>[], o: PromptOptions = {}): Promise<V[]> {
  const { checkbox } = await inquirer();
  // Nothing ticked is almost always an Enter pressed too soon: it is asked again rather than graded.
  return guarded(() => checkbox<V>({ message, choices, pageSize: Math.max(7, choices.length), loop: false,
    validate: (ticked: readonly unknown[]) => (ticked.length > 0 ? true : hint('tickOne')), theme: listTheme() }, io(ctx)),
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
