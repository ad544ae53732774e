// The committed JSON Schema (generated from the Rust types) checked by a standard validator, ajv,
// against the engine: both accept every story, both reject every structurally broken fixture.
// Reference problems (dangling `next`, unknown emotion, missing translation) are beyond what a
// schema can express: there the engine alone rejects, and this test pins that split.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schema/story.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const storycheck = path.join(root, 'target/tools/storycheck');

function engineOk(file) {
  try {
    const out = execFileSync(storycheck, ['--json', '--no-analysis', file], { encoding: 'utf8' });
    return JSON.parse(out.trim()).ok;
  } catch (e) {
    return JSON.parse(String(e.stdout).trim()).ok;
  }
}
function ajvOk(file) {
  let data;
  try { data = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return false; }
  return validate(data);
}

const stories = fs.readdirSync(path.join(root, 'stories'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => path.join(root, 'stories', f));
const broken = (name) => path.join(root, 'tests/fixtures/broken', `${name}.json`);
const STRUCTURAL = ['wrong-type', 'unknown-field', 'two-structural', 'not-object', 'syntax', 'empty'];
const SEMANTIC = ['dangling-next', 'duplicate-node', 'missing-locale', 'unknown-emotion', 'unknown-flag',
  'unknown-speaker', 'bad-start', 'no-default-mood', 'stuck-node', 'many-problems'];

test('every story and the example are valid for both ajv and the engine', () => {
  for (const file of [...stories, path.join(root, 'tests/fixtures/mini.json')]) {
    assert.equal(ajvOk(file), true, `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    assert.equal(engineOk(file), true, file);
  }
});

test('structurally broken fixtures are rejected by both', () => {
  for (const name of STRUCTURAL) {
    assert.equal(ajvOk(broken(name)), false, `ajv accepted ${name}`);
    assert.equal(engineOk(broken(name)), false, `engine accepted ${name}`);
  }
});

test('reference problems pass the schema and are caught by the engine alone', () => {
  for (const name of SEMANTIC) {
    assert.equal(ajvOk(broken(name)), true, `ajv rejected ${name}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
    assert.equal(engineOk(broken(name)), false, `engine accepted ${name}`);
  }
});
