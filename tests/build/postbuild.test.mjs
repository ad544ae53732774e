// The Trunk post-build hook on a staging directory shaped like Trunk's: the loader moved into a
// file, the CSP set, openings written for the valid stories, and a broken story not failing it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** A staging directory as Trunk leaves it (its inline loader included), with these story files;
 * the hook is run on it. */
function runHook(stories) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-staging-'));
  for (const [name, text] of Object.entries(stories)) {
    fs.mkdirSync(path.join(dir, 'stories'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stories', name), text);
  }
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8">
<script type="module">
import init, * as bindings from './rapport-0123456789abcdef.js';
const wasm = await init({ module_or_path: './rapport-0123456789abcdef_bg.wasm' });
</script></head><body></body></html>`);
  const run = spawnSync('node', [path.join(root, 'scripts/postbuild.mjs'), dir], { cwd: root, encoding: 'utf8' });
  return { dir, run };
}

test('the build hook writes openings for valid stories and is not failed by a broken one', () => {
  const { dir, run } = runHook({
    'mini.json': fs.readFileSync(path.join(root, 'tests/fixtures/mini.json'), 'utf8'),
    'broken.json': '{"format": 1, "nodes": [',
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr + run.stdout, /no opening for a broken story/);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'openings')).sort(),
    ['mini.en.embed.html', 'mini.en.html', 'mini.es.embed.html', 'mini.es.html', 'mini.pt.embed.html', 'mini.pt.html']);
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /<script type="module">/, 'no inline script left');
  assert.match(html, /<script src="\.\/opening-[0-9a-f]{16}\.js"><\/script>\n<script type="module" async src="\.\/boot-[0-9a-f]{16}\.js">/);
  assert.match(html, /http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"/);
  const opening = fs.readFileSync(path.join(dir, html.match(/src="\.\/(opening-[0-9a-f]+\.js)"/)[1]), 'utf8');
  assert.match(opening, /const LANGS = \["en","es","pt"\];/);
  assert.doesNotMatch(opening, /^\s*\/\//m, 'shipped without comments');
  assert.match(fs.readFileSync(path.join(dir, 'sw.js'), 'utf8'), /openings\/mini\.en\.html/, 'the service worker precaches them');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('with no stories at all (an upload-only site) the build hook still succeeds', () => {
  const { dir, run } = runHook({});
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'openings')), []);
  fs.rmSync(dir, { recursive: true, force: true });
});
