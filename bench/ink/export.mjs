// `node bench/ink/export.mjs STORY.json LOCALE OUTDIR`: the ink port of a story as Inky exports a
// story for the web (index.html, style.css, main.js, ink.js, story.js), for `make bench`.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { compile } from './port.mjs';

const [file, locale = 'en', out] = process.argv.slice(2);
if (!file || !out) {
  console.error('usage: node bench/ink/export.mjs STORY.json LOCALE OUTDIR');
  process.exit(2);
}
const here = path.dirname(new URL(import.meta.url).pathname);
const story = JSON.parse(fs.readFileSync(file, 'utf8'));
fs.mkdirSync(out, { recursive: true });
for (const f of ['index.html', 'style.css', 'main.js']) fs.copyFileSync(path.join(here, 'page', f), path.join(out, f));
// The runtime alone (not the compiler), as Inky ships it.
const runtime = createRequire(import.meta.url).resolve('inkjs') // dist/ink.js;
fs.copyFileSync(runtime, path.join(out, 'ink.js'));
fs.writeFileSync(path.join(out, 'story.js'), `var storyContent = ${compile(story, locale)};\n`);
console.log(`ink export of ${path.basename(file)} (${locale}) in ${out}`);
