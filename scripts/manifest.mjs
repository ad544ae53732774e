// The last step of Trunk's post-build hook (scripts/post-build.sh; also runnable as
// `node scripts/manifest.mjs DIR`): writes `build.json`, the build's manifest, beside index.html.
// It lists what Trunk and `storycheck build-stories` wrote, by file name; it reads and rewrites no
// file's content. `make bundle`, `make bench`, the tests and the service worker (web/sw.js) read
// the asset names and the story list from it instead of searching the page.
//
//   {"version": "<hash of every file>", "app": {"js", "wasm", "css"},
//    "stories": ["id", …]                      each whole story, stories/<id>.json
//    "split": {"id": {"en": "stories/id.en.json", …}, …}   each story's file per locale
//    "catalog": "catalog.json",                 the library's cards
//    "files": ["every file of the learner's app, relative to the build", …],
//    "apps": {"lms/": ["each other app's files", …], "studio/": […]}}
// Another app is a folder with an index.html of its own (the authoring app, `studio/`, and the LMS
// app, `lms/`, each copied in from its own Trunk build): its files are not the learner's, so the
// service worker does not precache them and the one-file bundle leaves them out.
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

const all = listFiles();
const appDirs = all.filter((f) => f.endsWith('/index.html')).map((f) => f.slice(0, -'index.html'.length));
const apps = Object.fromEntries(appDirs.map((d) => [d, all.filter((f) => f.startsWith(d))]));
const files = all.filter((f) => !appDirs.some((d) => f.startsWith(d)));
// wasm-bindgen names its glue after the wasm: `<name>.js` beside `<name>_bg.wasm`.
const wasm = one(files, 'wasm', (f) => f.endsWith('_bg.wasm'));
const js = `${wasm.slice(0, -'_bg.wasm'.length)}.js`;
if (!files.includes(js)) throw new Error(`manifest: no ${js} beside ${wasm}`);
const css = one(files, 'stylesheet', (f) => f.startsWith('style-') && f.endsWith('.css'));
// A story id has no dot (storycheck refuses one), so `stories/<id>.json` is a whole story and
// `stories/<id>.<locale>.json` one of its split files.
const named = files.filter((f) => f.startsWith('stories/') && f.endsWith('.json'))
  .map((f) => [f, f.slice('stories/'.length, -'.json'.length).split('.')]);
const stories = named.filter(([, parts]) => parts.length === 1).map(([, [id]]) => id);
const split = Object.fromEntries(stories.map((id) => [id, {}]));
for (const [file, parts] of named.filter(([, p]) => p.length !== 1)) {
  if (parts.length !== 2 || !split[parts[0]]) throw new Error(`manifest: ${file} is neither a story nor one of its locales`);
  split[parts[0]][parts[1]] = file;
}
for (const id of stories) {
  if (!Object.keys(split[id]).length) throw new Error(`manifest: stories/${id}.json has no file per locale (storycheck build-stories writes them)`);
}
const catalog = 'catalog.json';
if (!files.includes(catalog)) throw new Error(`manifest: no ${catalog} in ${dir} (storycheck build-stories writes it)`);
const version = sha(all.map((f) => f + sha(fs.readFileSync(path.join(dir, f)))).join('\n'));

const manifest = { version, app: { js, wasm, css }, stories, split, catalog, files, apps };
fs.writeFileSync(path.join(dir, 'build.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`manifest: build ${version}, ${files.length} files, ${stories.length} stories`);
