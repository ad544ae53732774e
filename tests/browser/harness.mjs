// Shared browser-test harness: a static server for dist/ under a sub-path, headless Chromium
// launched with the flags this machine needs, console-error capture and an axe-core audit.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = path.join(root, 'dist');
export const SUBPATH = '/training/rapport/';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.png': 'image/png',
};

/** Serves `dir` under SUBPATH on a free loopback port; only files, no rewrites. */
export async function serve(dir = dist, subpath = SUBPATH) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(subpath)) { res.writeHead(404); res.end('not here'); return; }
    let rel = decodeURIComponent(url.pathname.slice(subpath.length)) || 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end('not found'); return;
    }
    // Opaque-origin (sandboxed) frames load modules and stories cross-origin; most static hosts allow it.
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'access-control-allow-origin': '*' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}${subpath}`;
  return { base, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launch() {
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-chromium-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${userDir}`].filter((a) => !a.startsWith('--user-data-dir')),
  });
  return browser;
}

/** A page that records console errors and uncaught exceptions into `errors`. */
export async function newPage(context) {
  const page = await context.newPage();
  // Any Content-Security-Policy violation is reported as an error (the app must run under it).
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) =>
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`)));
  page.errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  return page;
}

const axeSource = fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core; returns the serious and critical violations. */
export async function audit(page) {
  // Let entrance animations finish: axe measures contrast on what is painted now.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))));
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Meter values by label, read from the client panel. */
export async function meters(page) {
  return page.$$eval('[role="meter"]', (els) => Object.fromEntries(els.map((el) => [
    document.getElementById(el.getAttribute('aria-labelledby'))?.textContent ?? '?',
    Number(el.getAttribute('aria-valuenow')),
  ])));
}

/** Clicks the first available reply until an ending heading shows; returns the number of replies. */
export async function playToEnd(page, pick = 0, max = 60) {
  for (let turn = 0; turn < max; turn++) {
    if (await page.locator('.ending h2').count()) return turn;
    // The running app's replies: a click on the prerendered opening's is held until it runs.
    const buttons = page.locator('body > .app:not([data-opening]) [role="group"] button.choice:not([disabled])');
    await buttons.first().waitFor();
    const n = await buttons.count();
    await buttons.nth(Math.min(pick, n - 1)).click();
  }
  throw new Error('no ending reached');
}

/**
 * Registers before/after hooks that start the static server and Chromium for a test file, and
 * returns an object whose `server` and `browser` (and with `wiki`, the example host pages'
 * server `wiki`) are set once they run.
 */
export function suite(before, after, { wiki = false } = {}) {
  const env = { server: undefined, browser: undefined, wiki: undefined };
  before(async () => {
    env.server = await serve();
    // The example host pages on another port: another origin, as a wiki embedding the app is.
    if (wiki) env.wiki = await serve(path.join(root, 'examples'), '/wiki/');
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
    await env.wiki?.close();
  });
  return env;
}
