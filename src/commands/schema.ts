/**
 * `dlpath schema --out <dir>`: writes the JSON Schemas of the curriculum format into <dir>, so that a
 * course kept in its own repository can point its `# yaml-language-server: $schema=...` lines at
 * files of its own. Says which lines to put at the top of curriculum.yaml and of each module.yaml.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from './context.js';
import { PACKAGE_ROOT } from './context.js';
import { jsonSchemaFiles } from '../core/schema.js';
import { EnvError } from '../core/errors.js';
import { courseAbove } from './validate.js';
import { theme } from '../adapters/ui/theme.js';
import { m } from '../i18n/curriculum.js';

const rel = (from: string, to: string) => path.relative(from, to).split(path.sep).join('/');

export async function run(ctx: Context, _args: unknown[], opts: { out?: string }): Promise<number> {
  const t = theme(ctx);
  const files = jsonSchemaFiles();
  if (!opts.out) {
    const dir = path.join(PACKAGE_ROOT, 'schema');
    if (ctx.json) ctx.stdout.write(`${JSON.stringify({ dir, files: Object.keys(files) })}\n`);
    else ctx.stdout.write(`${m('schemaWhere', { dir })}\n${m('schemaOutHint')}\n`);
    return 0;
  }
  const out = path.resolve(ctx.cwd, opts.out);
  try {
    fs.mkdirSync(out, { recursive: true });
    for (const [name, schema] of Object.entries(files)) fs.writeFileSync(path.join(out, name), `${JSON.stringify(schema, null, 2)}\n`);
  } catch (e) {
    throw new EnvError(m('schemaCannotWrite', { dir: out, reason: (e as Error).message }));
  }
  // The lines to use: relative to the course the folder belongs to (else to the working folder's).
  const course = courseAbove(out) ?? courseAbove(ctx.cwd);
  const lines = course ? {
    curriculum: `# yaml-language-server: $schema=${rel(course, path.join(out, 'curriculum.schema.json'))}`,
    module: `# yaml-language-server: $schema=${rel(path.join(course, 'modules', 'x'), path.join(out, 'module.schema.json'))}`,
  } : undefined;
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ dir: out, files: Object.keys(files), course: course ?? null, lines: lines ?? null })}\n`);
    return 0;
  }
  ctx.stdout.write(`${t.ok(m('schemaWritten', { dir: out, files: Object.keys(files).join(', ') }))}\n`);
  if (lines) ctx.stdout.write(`${m('schemaLines', { course: course! })}\n  ${t.code(lines.curriculum)}    (curriculum.yaml)\n  ${t.code(lines.module)}    (modules/*/module.yaml)\n`);
  return 0;
}
