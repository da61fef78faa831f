// Writes schema/curriculum.schema.json and schema/module.schema.json from src/core/schema.ts
// (compiled), so editors validate curriculum files against the loader's own definitions.
// Usage: npm run schema   (tests/schema.test.mjs fails when the committed files are stale)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { jsonSchemaFiles } = await import(path.join(root, 'dist/core/schema.js'));

export const SCHEMAS = jsonSchemaFiles();

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(path.join(root, 'schema'), { recursive: true });
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    fs.writeFileSync(path.join(root, 'schema', name), `${JSON.stringify(schema, null, 2)}\n`);
    console.log(`wrote schema/${name}`);
  }
}
