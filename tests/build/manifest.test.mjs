// The build's manifest (scripts/manifest.mjs, Trunk's post-build hook) on a staging directory
// shaped like Trunk's, and the page's own scripts (web/) as the source files they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const hook = path.join(root, 'scripts/manifest.mjs');

/** A staging directory with these files (name → content); the hook is run on it. */
function runHook(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-staging-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const run = spawnSync('node', [hook, dir], { cwd: root, encoding: 'utf8' });
  return { dir, run };
}
const manifestOf = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'build.json'), 'utf8'));

const TRUNK = {
  'index.html': '<!doctype html><title>x</title>',
  'boot.js': '// boot',
  'sw.js': '// sw',
  'rapport-0123456789abcdef.js': 'export default function init() {}',
  'rapport-0123456789abcdef_bg.wasm': 'wasm',
  'style-fedcba9876543210.css': 'body{}',
  'icon-1111111111111111.png': 'png',
  'stories/mini.json': '{}',
  'stories/mini.en.json': '{}',
  'stories/bad-news.json': '{}',
  'stories/bad-news.en.json': '{}',
  'stories/bad-news.es.json': '{}',
  'catalog.json': '{"stories": []}',
};

test('the manifest names the app files, the stories and every file, with a version', () => {
  const { dir, run } = runHook(TRUNK);
  assert.equal(run.status, 0, run.stderr);
  const build = manifestOf(dir);
  assert.deepEqual(build.app, {
    js: 'rapport-0123456789abcdef.js', wasm: 'rapport-0123456789abcdef_bg.wasm', css: 'style-fedcba9876543210.css',
  });
  assert.deepEqual(build.stories, ['bad-news', 'mini']);
  assert.deepEqual(build.split, {
    'bad-news': { en: 'stories/bad-news.en.json', es: 'stories/bad-news.es.json' },
    mini: { en: 'stories/mini.en.json' },
  });
  assert.equal(build.catalog, 'catalog.json');
  assert.deepEqual(build.files, Object.keys(TRUNK).sort());
  assert.match(build.version, /^[0-9a-f]{16}$/);
  // Any change to any file is a new version, so a new service worker.
  const again = runHook({ ...TRUNK, 'stories/mini.json': '{"changed": true}' });
  assert.notEqual(manifestOf(again.dir).version, build.version);
  // Rerun on its own output, it lists the same files: the manifest never lists itself.
  assert.equal(spawnSync('node', [hook, dir]).status, 0);
  assert.deepEqual(manifestOf(dir).files, build.files);
});

test('a build without its wasm fails and says what is missing', () => {
  const files = { ...TRUNK };
  delete files['rapport-0123456789abcdef_bg.wasm'];
  const { run } = runHook(files);
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /expected one wasm/);
});

test('a build without the catalog or a story\'s split files fails and says what writes them', () => {
  const noCatalog = { ...TRUNK };
  delete noCatalog['catalog.json'];
  let { run } = runHook(noCatalog);
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /no catalog\.json .*storycheck build-stories/);
  const unsplit = { ...TRUNK };
  delete unsplit['stories/mini.en.json'];
  ({ run } = runHook(unsplit));
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /stories\/mini\.json has no file per locale/);
  ({ run } = runHook({ ...TRUNK, 'stories/other.en.json': '{}' }));
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /stories\/other\.en\.json is neither a story nor one of its locales/);
});

test('the post-build hook refuses to run without the prebuilt storycheck, and says how to build it', () => {
  // A project folder with no target/: as on a fresh clone before `make tools`.
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-project-'));
  const run = spawnSync('sh', [path.join(root, 'scripts/post-build.sh'), path.join(project, 'dist')], { cwd: project, encoding: 'utf8' });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /target\/tools\/storycheck is missing: run `make tools`/);
  assert.equal(fs.existsSync(path.join(project, 'dist', 'build.json')), false);
});

test('the page scripts are valid JavaScript of their kind', () => {
  // The service worker is a classic script; boot.js a module (it awaits at the top level).
  const sw = spawnSync('node', ['--check', path.join(root, 'web/sw.js')], { encoding: 'utf8' });
  assert.equal(sw.status, 0, sw.stderr);
  const boot = spawnSync('node', ['--input-type=module', '--check'], {
    input: fs.readFileSync(path.join(root, 'web/boot.js'), 'utf8'), encoding: 'utf8',
  });
  assert.equal(boot.status, 0, boot.stderr);
});

test('the source page has no inline script and states its CSP itself', () => {
  const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /<script/, 'Trunk adds the only scripts, from Trunk.toml');
  assert.match(html, /http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  const trunk = fs.readFileSync(path.join(root, 'Trunk.toml'), 'utf8');
  assert.match(trunk, /pattern_script = """<script type="application\/json" id="rapport-build">/);
});

test('another app in a folder of its own (the authoring app, the LMS app) is listed apart from the learner\'s files', () => {
  const studio = {
    'studio/index.html': '<!doctype html><title>studio</title>',
    'studio/rapport-studio-0123456789abcdef.js': 'export default function init() {}',
    'studio/rapport-studio-0123456789abcdef_bg.wasm': 'wasm',
  };
  const lms = {
    'lms/index.html': '<!doctype html><title>Rapport</title>',
    'lms/rapport-lms-0123456789abcdef.js': 'export default function init() {}',
    'lms/rapport-lms-0123456789abcdef_bg.wasm': 'wasm',
  };
  const { dir, run } = runHook({ ...TRUNK, ...studio, ...lms });
  assert.equal(run.status, 0, run.stderr);
  const build = manifestOf(dir);
  // The learner's files, which the service worker precaches and the bundle inlines, are unchanged.
  assert.deepEqual(build.files, Object.keys(TRUNK).sort());
  assert.deepEqual(build.app.wasm, 'rapport-0123456789abcdef_bg.wasm');
  assert.deepEqual(build.apps, { 'lms/': Object.keys(lms).sort(), 'studio/': Object.keys(studio).sort() });
  // The authoring app is part of the build: changing it is a new version.
  const again = runHook({ ...TRUNK, ...studio, ...lms, 'studio/rapport-studio-0123456789abcdef_bg.wasm': 'other' });
  assert.notEqual(manifestOf(again.dir).version, build.version);
});
