// `make bundle`: one self-contained HTML file (wasm, JS, CSS and every story inlined) that plays
// when opened straight from disk (file://), with no server: the copy for a kiosk's USB stick.
import fs from 'node:fs';
import path from 'node:path';

const dist = process.argv[2] || 'dist';
const out = process.argv[3] || path.join('bundle', 'rapport.html');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const pick = (re, what) => {
  const m = html.match(re);
  if (!m) throw new Error(`bundle: no ${what} in ${dist}/index.html (run make dist first)`);
  return m[1];
};
const cssFile = pick(/href="\.\/(style-[^"]+\.css)"/, 'stylesheet');
const bootFile = pick(/src="\.\/(boot-[^"]+\.js)"/, 'loader');
const boot = fs.readFileSync(path.join(dist, bootFile), 'utf8');
const jsFile = boot.match(/from '\.\/([^']+\.js)'/)[1];
const wasmFile = boot.match(/new URL\('\.\/([^']+\.wasm)'/)[1];

// Text inside <script> must never contain "</script"; "<\/" is the same text to JS and JSON.
const safe = (text) => text.replace(/<\//g, '<\\/');
const stories = fs.readdirSync(path.join(dist, 'stories'))
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .map((f) => `<script type="application/json" id="story-${f.slice(0, -5)}">${safe(fs.readFileSync(path.join(dist, 'stories', f), 'utf8'))}</script>`)
  .join('\n');
const css = fs.readFileSync(path.join(dist, cssFile), 'utf8');
const glue = fs.readFileSync(path.join(dist, jsFile), 'utf8');
const wasm = fs.readFileSync(path.join(dist, wasmFile)).toString('base64');
const head = html.slice(html.indexOf('<head>') + 6, html.indexOf('</head>'))
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '')
  .replace(/<script[\s\S]*?<\/script>\s*/g, '')
  .replace(/<link[^>]*>\s*/g, '');

// Data blocks go in <head>: the app renders into <body> and replaces what is there.
const page = `<!doctype html>
<html lang="en">
<head>${head}<style>${css}</style>
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
