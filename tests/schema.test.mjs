// The JSON Schemas in schema/ are generated from the loader's own schema, are up to date, and agree
// with the loader on real files; every shipped YAML file points editors at them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, SHIPPED, FIXTURES } from './helpers.mjs';
import { SCHEMAS } from '../scripts/gen-schema.mjs';

const require = createRequire(import.meta.url);
const YAML = require('yaml');
const Ajv = require('ajv');

test('schema/*.json match what the loader\'s schema generates (run `npm run schema` if not)', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', name), 'utf8'));
    assert.deepEqual(committed, schema, `schema/${name} is stale`);
  }
});

function yamlFiles(dir) {
  const out = [path.join(dir, 'curriculum.yaml')];
  for (const m of fs.readdirSync(path.join(dir, 'modules'))) {
    const f = path.join(dir, 'modules', m, 'module.yaml');
    if (fs.existsSync(f)) out.push(f);
  }
  return out;
}

test('every shipped YAML file carries the yaml-language-server $schema line, and the path resolves', () => {
  for (const f of yamlFiles(SHIPPED)) {
    const first = fs.readFileSync(f, 'utf8').split('\n')[0];
    const mt = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    assert.ok(mt, `${path.relative(ROOT, f)} starts with the $schema line`);
    assert.ok(fs.existsSync(path.resolve(path.dirname(f), mt[1])), `${mt[1]} exists from ${path.relative(ROOT, f)}`);
  }
});

test('the JSON Schemas accept the shipped curriculum and the valid fixture, as the loader does', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const root = ajv.compile(SCHEMAS['curriculum.schema.json']);
  const mod = ajv.compile(SCHEMAS['module.schema.json']);
  for (const dir of [SHIPPED, path.join(FIXTURES, 'mini')]) {
    for (const f of yamlFiles(dir)) {
      const data = YAML.parse(fs.readFileSync(f, 'utf8'));
      const check = f.endsWith('curriculum.yaml') ? root : mod;
      assert.ok(check(data), `${path.relative(ROOT, f)}: ${ajv.errorsText(check.errors)}`);
    }
  }
});

test('the JSON Schema rejects what the loader rejects: unknown keys, wrong question shapes', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const mod = ajv.compile(SCHEMAS['module.schema.json']);
  const base = { id: 'a', title: 'A', track: 't' };
  assert.equal(mod({ ...base, estimated_minuts: 3 }), false);
  assert.equal(mod({ ...base, quiz: { questions: [{ id: 'q', type: 'numeric', prompt: 'p', answer: 'four' }] } }), false);
  assert.equal(mod({ ...base, quiz: { questions: [{ id: 'q', type: 'numeric', prompt: 'p', answer: 4, tolerance: { abs: 0.1 } }] } }), true);
  assert.equal(mod({ ...base, quiz: { questions: [{ id: 'q', type: 'single', prompt: 'p', answer: 'a', choices: [{ id: 'a', text: 'x' }] }] } }), false, 'single needs two choices');
});
