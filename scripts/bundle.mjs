// `make bundle`: one self-contained HTML file (wasm, JS, CSS, the catalog and every whole story
// inlined) that plays when opened straight from disk (file://), with no server: the copy for a
// kiosk's USB stick. The whole stories, not their split files: one copy of each story serves
// every language, and nothing is downloaded anyway.
import fs from 'node:fs';
import path from 'node:path';

const dist = process.argv[2] || 'dist';
const out = process.argv[3] || path.join('bundle', 'rapport.html');
// Asset names and the story list from the build's manifest (scripts/manifest.mjs).
let build;
try {
  build = JSON.parse(fs.readFileSync(path.join(dist, 'build.json'), 'utf8'));
} catch (error) {
  throw new Error(`bundle: no readable ${dist}/build.json (run make dist first): ${error.message}`);
}

// Text inside <script> must never contain "</script"; "<\/" is the same text to JS and JSON.
const safe = (text) => text.replace(/<\//g, '<\\/');
const stories = build.stories
  .map((id) => `<script type="application/json" id="story-${id}">${safe(fs.readFileSync(path.join(dist, 'stories', `${id}.json`), 'utf8'))}</script>`)
  .join('\n');
const catalog = `<script type="application/json" id="rapport-catalog">${safe(fs.readFileSync(path.join(dist, build.catalog), 'utf8'))}</script>`;
const css = fs.readFileSync(path.join(dist, build.app.css), 'utf8');
const glue = fs.readFileSync(path.join(dist, build.app.js), 'utf8');
const wasm = fs.readFileSync(path.join(dist, build.app.wasm)).toString('base64');

// Data blocks go in <head>: the app renders into <body> and replaces what is there.
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Rapport — rehearse client conversations</title>
<style>${css}</style>
${catalog}
${stories}
<script type="application/octet-stream" id="rapport-wasm">${wasm}</script>
<script type="text/plain" id="rapport-glue">${safe(glue)}</script>
</head>
<body>
<noscript>Rapport needs JavaScript and WebAssembly to run.</noscript>
<script type="module">
// file:// cannot fetch: the wasm comes from base64 above, the JS glue from a blob URL.
const text = (id) => document.getElementById(id).textContent;
const bytes = Uint8Array.from(atob(text('rapport-wasm')), (c) => c.charCodeAt(0));
const glue = URL.createObjectURL(new Blob([text('rapport-glue')], { type: 'text/javascript' }));
const { default: init } = await import(glue);
await init({ module_or_path: bytes });
</script>
</body>
</html>
`;
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, page);
console.log(`bundle: ${out} (${(page.length / 1024).toFixed(0)} KB, ${stories.split('<script').length - 1} stories)`);
