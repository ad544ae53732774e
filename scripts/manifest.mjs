// Trunk post-build hook (also runnable as `node scripts/manifest.mjs DIR`): writes `build.json`,
// the build's manifest, beside index.html. It lists what Trunk wrote; it reads and rewrites no
// file's content. `make bundle`, `make bench`, the tests and the service worker (web/sw.js) read
// the asset names and the story list from it instead of searching the page.
//
//   {"version": "<hash of every file>", "app": {"js", "wasm", "css"}, "stories": ["id", …],
//    "files": ["every file of the build, relative to it", …]}
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist';
const sha = (data) => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);

/** Every file below `dir`, relative to it, sorted; the manifest itself left out. */
function listFiles() {
  const files = [];
  (function walk(sub) {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (rel !== 'build.json') files.push(rel);
    }
  })('');
  return files.sort();
}

/** The one file at the top of the build that `test` picks; the build is broken without it. */
function one(files, what, test) {
  const found = files.filter((f) => !f.includes('/') && test(f));
  if (found.length !== 1) throw new Error(`manifest: expected one ${what} in ${dir}, found ${found.length}: ${found.join(', ')}`);
  return found[0];
}

const files = listFiles();
// wasm-bindgen names its glue after the wasm: `<name>.js` beside `<name>_bg.wasm`.
const wasm = one(files, 'wasm', (f) => f.endsWith('_bg.wasm'));
const js = `${wasm.slice(0, -'_bg.wasm'.length)}.js`;
if (!files.includes(js)) throw new Error(`manifest: no ${js} beside ${wasm}`);
const css = one(files, 'stylesheet', (f) => f.startsWith('style-') && f.endsWith('.css'));
const stories = files.filter((f) => f.startsWith('stories/') && f.endsWith('.json'))
  .map((f) => f.slice('stories/'.length, -'.json'.length));
const version = sha(files.map((f) => f + sha(fs.readFileSync(path.join(dir, f)))).join('\n'));

const manifest = { version, app: { js, wasm, css }, stories, files };
fs.writeFileSync(path.join(dir, 'build.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`manifest: build ${version}, ${files.length} files, ${stories.length} stories`);
