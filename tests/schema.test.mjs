// The JSON Schemas in schema/ are generated from the loader's own schema, are up to date, and agree
// with the loader on real files; every shipped YAML file points editors at them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
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
  for (const dir of [SHIPPED, path.join(FIXTURES, 'mini'), path.join(FIXTURES, 'regex-course')]) {
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

test('the schemas compile in ajv\'s strict mode and carry a stable $id naming the format version', async () => {
  const { FORMAT_VERSION } = await import('../dist/core/model.js');
  const ajv = new Ajv({ allErrors: true, strict: true });
  for (const s of Object.values(SCHEMAS)) ajv.compile(s);
  assert.equal(SCHEMAS['curriculum.schema.json'].$id, `urn:dlpath:format-${FORMAT_VERSION}:curriculum`);
  assert.equal(SCHEMAS['module.schema.json'].$id, `urn:dlpath:format-${FORMAT_VERSION}:module`);
});

test('a question\'s type picks its branch: one mistake gives one error, about that mistake', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const mod = ajv.compile(SCHEMAS['module.schema.json']);
  const base = { id: 'a', title: 'A', track: 't' };
  const two = [{ id: 'a', text: 'x' }, { id: 'b', text: 'y' }];
  const cases = [
    [{ id: 'q', type: 'single', prompt: 'p', choices: two, answer: ['a', 'b'] }, '/quiz/questions/0/answer', 'must be string'],
    [{ id: 'q', type: 'numeric', prompt: 'p', answer: '0.5' }, '/quiz/questions/0/answer', 'must be number'],
    [{ id: 'q', type: 'numeric', prompt: 'p', answer: 1, explaination: 'x' }, '/quiz/questions/0', 'must NOT have additional properties'],
    [{ id: 'q', type: 'numeric', prompt: 'p', answer: 1, tolerance: { rel: -1 } }, '/quiz/questions/0/tolerance/rel', 'must be >= 0'],
    [{ id: 'q', type: 'truefalse', prompt: 'p', answer: true }, '/quiz/questions/0/type', 'must be equal to one of the allowed values'],
  ];
  for (const [q, where, message] of cases) {
    assert.equal(mod({ ...base, quiz: { questions: [q] } }), false, JSON.stringify(q));
    // ajv adds 'must match "then" schema' above the real error; what is left is one error, the right one.
    const real = mod.errors.filter((e) => e.keyword !== 'if');
    assert.deepEqual(real.map((e) => [e.instancePath, e.message]), [[where, message]], JSON.stringify(q));
  }
});

test('schema and loader agree on format_version: the current one passes both, a newer one fails both', async () => {
  const { FORMAT_VERSION } = await import('../dist/core/model.js');
  const { loadCurriculumFiles } = await import('../dist/adapters/curriculum/load.js');
  const ajv = new Ajv({ allErrors: true, strict: false });
  const root = ajv.compile(SCHEMAS['curriculum.schema.json']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlpath-schema-'));
  try {
    fs.cpSync(path.join(FIXTURES, 'mini'), dir, { recursive: true });
    const file = path.join(dir, 'curriculum.yaml');
    const text = fs.readFileSync(file, 'utf8');
    for (const v of [0, FORMAT_VERSION, FORMAT_VERSION + 1]) {
      fs.writeFileSync(file, text.replace(/format_version: \d+/, `format_version: ${v}`));
      const loaderOk = loadCurriculumFiles(dir).problems.filter((p) => p.severity === 'error').length === 0;
      const schemaOk = root(YAML.parse(fs.readFileSync(file, 'utf8')));
      assert.equal(schemaOk, loaderOk, `format_version ${v}: schema ${schemaOk}, loader ${loaderOk}`);
      assert.equal(loaderOk, v === FORMAT_VERSION);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
