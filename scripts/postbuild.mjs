// Trunk post-build hook (also runnable as `node scripts/postbuild.mjs DIR`):
//  1. writes each story's opening screen, prerendered by the app's own components
//     (`storycheck openings`), for the loader to show while the wasm compiles;
//  2. moves Trunk's inline loader into a file, so the page runs under a CSP with no inline script;
//  3. sets that Content-Security-Policy on the page itself, allowing `connect-src` to the LRS
//     named in the deployment's config.json (if any); rerun it after editing config.json;
//  4. writes sw.js, a service worker that precaches exactly this build (versioned by its content).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist';
const BASE_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** The policy for this deployment: the base, plus the configured LRS origin for connect-src. */
function policy() {
  let endpoint;
  try {
    endpoint = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))?.xapi?.endpoint;
  } catch { /* no config: nothing leaves the browser */ }
  if (!endpoint) return BASE_CSP;
  const origin = new URL(endpoint).origin;
  return `${BASE_CSP}; connect-src 'self' ${origin}`;
}
const sha = (data) => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);

const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (inline) {
  // 1. Openings: <story>.<lang>.html for every story shipped and every interface language
  // (only in the build itself: rerunning this script after editing config.json needs no cargo).
  const storyFiles = (fs.existsSync(path.join(dir, 'stories')) ? fs.readdirSync(path.join(dir, 'stories')) : [])
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .map((f) => path.join(dir, 'stories', f));
  const openingsDir = path.join(dir, 'openings');
  fs.rmSync(openingsDir, { recursive: true, force: true });
  fs.mkdirSync(openingsDir);
  // A broken story gets no opening (status 1) but must not fail the build: the app lists its
  // problems when it is opened, and an author running `make serve` sees them there.
  const run = storyFiles.length === 0 ? { status: 0 } : spawnSync('cargo', ['run', '--quiet', '--bin', 'storycheck', '--', 'openings', openingsDir, ...storyFiles],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (run.error || (run.status !== 0 && run.status !== 1)) {
    throw new Error(`postbuild: storycheck openings failed (${run.error ?? `status ${run.status}`})`);
  }
  if (run.status === 1) console.warn(`postbuild: no opening for a broken story:\n${run.stdout}`);
  // <id>.<lang>.html or <id>.<lang>.embed.html
  const openingLangs = [...new Set(fs.readdirSync(openingsDir).map((f) => f.replace(/(\.embed)?\.html$/, '').split('.').at(-1)))].sort();
  const js = inline[1].match(/from '\.\/([^']+\.js)'/)?.[1];
  const wasm = inline[1].match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
  if (!js || !wasm) throw new Error('postbuild: unexpected Trunk loader; update scripts/postbuild.mjs');
  const boot = `// Starts Rapport. A file rather than an inline script, so the page can forbid inline scripts.
import init from './${js}';
const url = new URL('./${wasm}', import.meta.url);
// Compiling starts now (the download began with the page's preload link) ...
const wasm = WebAssembly.compileStreaming(fetch(url))
  .catch(() => fetch(url).then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b)));
// ... and so does the story the page opens on. The app takes it from here
// (src/platform/stories.rs); arrived before the wasm is compiled (as it usually does), it is the
// app's first render instead of a "loading" page.
// Which story that is, the opening's script (scripts/opening.js, run before this one) has read.
const opened = self.__rapportOpened;
if (opened) {
  const entry = { id: opened, ready: null };
  entry.bytes = fetch(\`stories/\${opened}.json\`).then((r) => (r.ok ? r.arrayBuffer() : null), () => null);
  self.__rapportPrefetch = entry;
  // Waiting a little for it once the wasm is ready still beats drawing a "loading" page first;
  // on a slow network the app starts without it and takes it when it comes.
  const grace = wasm.then(() => new Promise((done) => setTimeout(done, 500)), () => null);
  entry.ready = await Promise.race([entry.bytes, grace.then(() => null)]);
}
// An async module runs before the page is parsed; the app mounts on the body.
if (document.readyState === 'loading') await new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }));
try {
  await init({ module_or_path: await wasm.catch(() => url) });
} catch (error) {
  // No app after all (a browser without WebAssembly): the opening must not stay with replies
  // that answer nothing (scripts/opening.js).
  dispatchEvent(new Event('rapport:failed'));
  throw error;
}
`;
  const bootName = `boot-${sha(boot)}.js`;
  fs.writeFileSync(path.join(dir, bootName), boot);
  let langsFilled = false;
  // The opening's script first: a classic script with no imports, it runs before the module graph
  // of the app has loaded.
  const opening = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'opening.js'), 'utf8')
    .replace("const LANGS = ['en'];", () => {
      langsFilled = true;
      return `const LANGS = ${JSON.stringify(openingLangs)};`;
    })
    .replace(/^\s*\/\/.*\n/gm, ''); // its comments are for this repository, not for every visit
  if (!langsFilled) throw new Error('postbuild: no `const LANGS` in scripts/opening.js to fill in');
  const openingName = `opening-${sha(opening)}.js`;
  fs.writeFileSync(path.join(dir, openingName), opening);
  html = html.replace(inline[0], `<script src="./${openingName}"></script>\n<script type="module" async src="./${bootName}"></script>`);
}
const csp = `<meta http-equiv="Content-Security-Policy" content="${policy()}">`;
if (html.includes('http-equiv="Content-Security-Policy"')) {
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, csp);
} else {
  html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  ${csp}`);
}
fs.writeFileSync(indexPath, html);

// The service worker: every file of the build, and a version that changes with any of them.
const files = [];
(function walk(sub) {
  for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(rel);
    else if (rel !== 'sw.js') files.push(rel);
  }
})('');
files.sort();
const version = sha(files.map((f) => f + sha(fs.readFileSync(path.join(dir, f)))).join('\n'));
const sw = `// Generated by scripts/postbuild.mjs for build ${version}. Do not edit.
// Precaches this build; on activation removes every older Rapport cache. Hashed assets are
// served from the cache; pages and stories from the network when it answers, else from the cache.
const CACHE = 'rapport-${version}';
const ASSETS = ${JSON.stringify(['./', ...files], null, 0)};
const HASHED = /(-[0-9a-f]{12,16}(_bg)?\\.(js|wasm|css|svg))$/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(ASSETS.map((a) => new URL(a, self.registration.scope))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('rapport-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (HASHED.test(url.pathname)) {
    event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match(
    request.mode === 'navigate' ? new URL('./', self.registration.scope) : request, { ignoreSearch: true },
  )).then((hit) => hit || Response.error())));
});
`;
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
console.log(`postbuild: loader in a file, CSP "${policy()}", sw.js precaches ${files.length + 1} files (build ${version})`);
