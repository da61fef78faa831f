/**
 * Settings the learner chose to keep (`dlpath config set`), in <data folder>/config.json. Read
 * synchronously on every run (a small file; no YAML, no SQLite). They come after flags and dlpath's
 * own environment variables, and before LANG, VISUAL and EDITOR.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EnvError } from '../core/errors.js';
import { makeDirs } from './dirs.js';
import { m } from '../i18n/config.js';
import { writeFileAtomic } from './files.js';

export interface Config {
  lang?: 'en' | 'zh';
  /** An absolute path (relative ones are resolved against the working folder when set). */
  curriculum?: string;
  editor?: string;
  /** A language `--lang` was used with and the learner said not to keep: not offered again. */
  declined_lang?: string;
}

export const CONFIG_KEYS = ['lang', 'curriculum', 'editor'] as const;
export type ConfigKey = typeof CONFIG_KEYS[number];

export function configFile(home: string): string {
  return path.join(home, 'config.json');
}

export function readConfig(home: string): Config {
  const file = configFile(home);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return {};
    throw new EnvError(m('cannotRead', { file, reason: (e as Error).message }), m('fixHint', { file }));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new EnvError(m('notJson', { file, reason: (e as Error).message }), m('fixHint', { file }));
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new EnvError(m('notObject', { file }), m('fixHint', { file }));
  const d = data as Record<string, unknown>;
  const cfg: Config = {};
  if (d.lang === 'en' || d.lang === 'zh') cfg.lang = d.lang;
  if (typeof d.curriculum === 'string' && d.curriculum) cfg.curriculum = d.curriculum;
  if (typeof d.editor === 'string' && d.editor) cfg.editor = d.editor;
  if (typeof d.declined_lang === 'string') cfg.declined_lang = d.declined_lang;
  return cfg;
}

/** Writes the whole file at once (a temporary file renamed over it), so a crash never leaves half of it. */
export function writeConfig(home: string, cfg: Config): void {
  const file = configFile(home);
  try {
    makeDirs(home);
    writeFileAtomic(file, `${JSON.stringify(cfg, null, 2)}\n`);
  } catch (e) {
    throw new EnvError(m('cannotWrite', { file, reason: (e as Error).message }), m('cannotWriteHint'));
  }
}

/** The editor command: DLPATH_EDITOR, then the configured one, then VISUAL, then EDITOR. */
export function editorCommand(env: NodeJS.ProcessEnv, cfg: Config): string | undefined {
  for (const v of [env.DLPATH_EDITOR, cfg.editor, env.VISUAL, env.EDITOR]) if (v && v.trim()) return v.trim();
  return undefined;
}
