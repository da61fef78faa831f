/** `dlpath config [get|set|unset|list] [key] [value]`: settings kept in the data folder. */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from './context.js';
import { CONFIG_KEYS, configFile, readConfig, writeConfig, type Config, type ConfigKey } from '../adapters/config.js';
import { UsageError } from '../core/errors.js';
import { suggest } from '../core/suggest.js';
import { theme } from '../adapters/ui/theme.js';
import { detectLang, sentences } from '../i18n/index.js';
import { m } from '../i18n/config.js';

function checkKey(key: unknown, action: string): ConfigKey {
  if (key === undefined || key === null || key === '') throw new UsageError(m('needsKey', { action, keys: CONFIG_KEYS.join(', ') }));
  const k = String(key).toLowerCase();
  if ((CONFIG_KEYS as readonly string[]).includes(k)) return k as ConfigKey;
  const hint = suggest(k, CONFIG_KEYS);
  throw new UsageError(sentences(m('unknownKey', { key: String(key) }), hint.length ? m('didYouMean', { names: hint.join(', ') }) : ''),
    m('keys', { keys: CONFIG_KEYS.join(', ') }));
}

/** The value a setting would be stored as; relative curriculum paths are taken from the working folder, now. */
function normalize(ctx: Context, key: ConfigKey, value: string): string {
  switch (key) {
    case 'lang': {
      const v = value.trim().toLowerCase();
      if (v.startsWith('zh')) return 'zh';
      if (v.startsWith('en')) return 'en';
      throw new UsageError(m('badLang', { value }));
    }
    case 'curriculum': {
      const dir = path.resolve(ctx.cwd, value);
      if (!fs.existsSync(path.join(dir, 'curriculum.yaml'))) throw new UsageError(m('noCurriculum', { dir }), m('noCurriculumHint'));
      return dir;
    }
    case 'editor':
      return value.trim();
  }
}

/** Where the value in effect comes from, and the value. */
function inEffect(ctx: Context, key: ConfigKey): { value: string; source: string } {
  switch (key) {
    case 'lang': {
      const flag = ctx.lang !== detectLang(undefined, ctx.env, ctx.config.lang);
      if (flag) return { value: ctx.lang, source: m('sourceFlag', { key }) };
      if (ctx.env.DLPATH_LANG) return { value: ctx.lang, source: m('sourceEnv', { name: 'DLPATH_LANG' }) };
      if (ctx.config.lang) return { value: ctx.lang, source: m('sourceConfig') };
      return { value: ctx.lang, source: m('sourceEnv', { name: 'LANG' }) };
    }
    case 'curriculum': {
      if (ctx.env.DLPATH_CURRICULUM && ctx.curriculumDir === path.resolve(ctx.cwd, ctx.env.DLPATH_CURRICULUM)) {
        return { value: ctx.curriculumDir, source: m('sourceEnv', { name: 'DLPATH_CURRICULUM' }) };
      }
      if (ctx.config.curriculum && ctx.curriculumDir === ctx.config.curriculum) return { value: ctx.curriculumDir, source: m('sourceConfig') };
      return { value: ctx.curriculumDir, source: m('sourceDefault') };
    }
    case 'editor': {
      const from = ctx.env.DLPATH_EDITOR?.trim() ? 'DLPATH_EDITOR' : ctx.config.editor ? '' : ctx.env.VISUAL?.trim() ? 'VISUAL' : ctx.env.EDITOR?.trim() ? 'EDITOR' : undefined;
      if (from === undefined) return { value: '', source: m('notSet') };
      return { value: ctx.editor ?? '', source: from ? m('sourceEnv', { name: from }) : m('sourceConfig') };
    }
  }
}

export async function run(ctx: Context, args: unknown[]): Promise<number> {
  const action = args[0] === undefined ? 'list' : String(args[0]).toLowerCase();
  const file = configFile(ctx.home);
  const t = theme(ctx);
  const cfg: Config = readConfig(ctx.home);
  switch (action) {
    case 'list': {
      if (ctx.json) {
        const effective = Object.fromEntries(CONFIG_KEYS.map((k) => [k, inEffect(ctx, k).value || null]));
        ctx.stdout.write(`${JSON.stringify({ file, saved: Object.fromEntries(CONFIG_KEYS.map((k) => [k, cfg[k] ?? null])), effective }, null, 2)}\n`);
        return 0;
      }
      ctx.stdout.write(`${t.heading(m('listHeader', { file }))}\n`);
      for (const k of CONFIG_KEYS) {
        const e = inEffect(ctx, k);
        const saved = cfg[k] ?? t.dim(m('notSet'));
        const effect = e.value && e.value !== cfg[k] ? `  ${t.dim(m('inEffect', { value: e.value, source: e.source }))}` : '';
        ctx.stdout.write(`  ${k.padEnd(11)} ${saved}${effect}\n`);
      }
      return 0;
    }
    case 'get': {
      const key = checkKey(args[1], action);
      const value = cfg[key];
      if (ctx.json) ctx.stdout.write(`${JSON.stringify({ key, value: value ?? null, effective: inEffect(ctx, key).value || null })}\n`);
      else if (value !== undefined) ctx.stdout.write(`${value}\n`);
      return 0;
    }
    case 'set': {
      const key = checkKey(args[1], action);
      if (args[2] === undefined || String(args[2]).trim() === '') throw new UsageError(m('needsValue', { key }));
      const value = normalize(ctx, key, String(args[2]));
      writeConfig(ctx.home, { ...cfg, [key]: value });
      if (ctx.json) ctx.stdout.write(`${JSON.stringify({ key, value, file })}\n`);
      else ctx.stdout.write(`${t.ok(m('saved', { key, value, file }))}\n`);
      return 0;
    }
    case 'unset': {
      const key = checkKey(args[1], action);
      const next = { ...cfg };
      delete next[key];
      writeConfig(ctx.home, next);
      if (ctx.json) ctx.stdout.write(`${JSON.stringify({ key, value: null, file })}\n`);
      else ctx.stdout.write(`${m('removed', { key })}\n`);
      return 0;
    }
    default:
      throw new UsageError(m('unknownAction', { action: String(args[0]) }));
  }
}

/**
 * After a command run with --lang in a terminal: when that language is not what dlpath would pick
 * by itself, offer to keep it. Asked once per language (a no is remembered too).
 */
export async function offerToKeepLang(ctx: Context, flag: string): Promise<void> {
  if (!ctx.interactive || ctx.json) return;
  const lang = ctx.lang;
  if (flag.toLowerCase() !== lang) return;
  let cfg: Config;
  try { cfg = readConfig(ctx.home); } catch { return; }
  if (detectLang(undefined, ctx.env, cfg.lang) === lang || cfg.declined_lang === lang || ctx.env.DLPATH_LANG) return;
  const { yesNo } = await import('../adapters/ui/prompts.js');
  const t = theme(ctx);
  let keep: boolean;
  try {
    ctx.stdout.write('\n');
    keep = await yesNo(ctx, m(lang === 'zh' ? 'keepLang' : 'keepLangEn'), true);
  } catch {
    return;
  }
  if (keep) {
    writeConfig(ctx.home, { ...cfg, lang, declined_lang: undefined });
    ctx.stdout.write(`${t.dim(m('keptLang', { other: lang === 'zh' ? 'en' : 'zh' }))}\n`);
  } else {
    writeConfig(ctx.home, { ...cfg, declined_lang: lang });
    ctx.stdout.write(`${t.dim(m('notKeptLang', { lang }))}\n`);
  }
}
