/**
 * Language choice and message catalogues. Each domain keeps its strings in its own file under
 * src/i18n/, defined with `messages({en: {...}, zh: {...}})`; the type checker makes sure the
 * Chinese catalogue has every key the English one has.
 */
export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

let current: Lang = 'en';

export function setLang(lang: Lang): void { current = lang; }
export function getLang(): Lang { return current; }

/** --lang, then DLPATH_LANG, then the saved setting, then LC_ALL / LC_MESSAGES / LANG (zh_* gives zh), else en. */
export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv, saved?: string): Lang {
  const explicit = flag ?? (env.DLPATH_LANG || undefined) ?? saved;
  if (explicit) {
    const l = explicit.toLowerCase();
    if (l.startsWith('zh')) return 'zh';
    if (l.startsWith('en')) return 'en';
    return 'en';
  }
  for (const v of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (v) return v.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }
  return 'en';
}

export type Vars = Record<string, string | number>;

const plurals = new Intl.PluralRules('en');

/**
 * Fills {name} from vars; {name:one|other} gives the word for that count ("{n} {n:day|days}"), for
 * the languages that inflect (Chinese messages do not need it).
 */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template
    .replace(/\{(\w+):([^|{}]*)\|([^|{}]*)\}/g, (m, k: string, one: string, other: string) =>
      (k in vars ? (plurals.select(Number(vars[k])) === 'one' ? one : other) : m))
    .replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function messages<T extends Record<string, string>>(cat: { en: T; zh: { [K in keyof T]: string } }) {
  return (key: keyof T & string, vars?: Vars): string => format(cat[current][key] ?? cat.en[key], vars);
}

/** Sentences one after another: a space between English ones, none after Chinese punctuation. */
export function sentences(...parts: string[]): string {
  // Colour codes at the end of a part do not count as its last character.
  const ends = (s: string) => /[。！？：；）」』]$/.test(s.replace(/\u001b\[[0-9;]*m/g, ''));
  // A full-width opening parenthesis brings its own space: none before it.
  const opens = (s: string) => /^（/.test(s.replace(/\u001b\[[0-9;]*m/g, ''));
  return parts.filter(Boolean).reduce((acc, s) => (!acc ? s : ends(acc) || opens(s) ? acc + s : `${acc} ${s}`), '');
}

/** A curriculum text: a plain string, or one per language. */
export type LText = string | { en?: string; zh?: string };

/** The text in the current language, else the other one. */
export function pick(text: LText | undefined, lang: Lang = current): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text[lang === 'en' ? 'zh' : 'en'] ?? '';
}
