// What a first visit downloads, as a browser makes the requests: `node scripts/first-visit.mjs
// [DIST] [ROUTE]` (default dist/ and `#/story/mr-santino`). A fresh Chromium context opens the
// page from a local server; every request the page makes is recorded, until the first reply is
// answerable and then until the network has been quiet for a second. Each file is weighed as
// served and as gzip -9 (what a compressing host would send). The service worker's precache is
// its own row: it is what a visit downloads for later, once the worker is registered.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch } from '../tests/browser/harness.mjs';

/** Records a first visit to `route` of the build in `dir`; returns the rows and totals. */
export async function firstVisit(dir, route = '#/story/mr-santino') {
  const server = await serve(path.resolve(dir));
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = [];
    const worker = [];
    const file = (url) => decodeURIComponent(new URL(url).pathname.slice(new URL(server.base).pathname.length)) || 'index.html';
    // Requests from the page, and (Chromium reports them on the context) from its service worker.
    context.on('request', (request) => {
      if (!request.url().startsWith(server.base)) return;
      const entry = { file: file(request.url()), url: request.url() };
      if (request.serviceWorker()) worker.push(entry);
      else seen.push(entry);
    });
    let quiet;
    const idle = () => new Promise((ok) => {
      const reset = () => { clearTimeout(quiet); quiet = setTimeout(ok, 1000); };
      context.on('request', reset);
      reset();
    });
    const ready = route.startsWith('#/story/')
      ? '[role="group"] button.choice:not([disabled])'
      : '.card h2 a';
    // The moment the app's first reply (or card) enters the page, taken in the page itself, so
    // each request is placed before or after it by the browser's own clock.
    await page.addInitScript((selector) => {
      new MutationObserver((_, observer) => {
        if (document.querySelector(selector)) {
          window.rapportAnswerable = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true, attributes: true });
    }, ready);
    await page.goto(`${server.base}${route}`);
    await page.locator(ready).first().waitFor();
    await idle();
    const started = await page.evaluate(() => ({
      at: window.rapportAnswerable,
      resources: performance.getEntriesByType('resource').map((r) => [r.name, r.startTime]),
    }));
    for (const entry of seen) {
      const timing = started.resources.find(([name]) => name === entry.url);
      entry.before = !timing || timing[1] < started.at;
    }
    await context.close();
    const weigh = (entries) => entries.map((e) => {
      const where = path.join(dir, e.file);
      const data = fs.existsSync(where) && fs.statSync(where).isFile() ? fs.readFileSync(where) : Buffer.alloc(0);
      return { ...e, raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
    });
    const sum = (rows, key) => rows.reduce((n, r) => n + r[key], 0);
    const page_ = weigh(seen);
    const sw = weigh(worker);
    return {
      rows: page_,
      worker: sw,
      before: { raw: sum(page_.filter((r) => r.before), 'raw'), gzip: sum(page_.filter((r) => r.before), 'gzip') },
      total: { raw: sum(page_, 'raw'), gzip: sum(page_, 'gzip') },
      precache: { raw: sum(sw, 'raw'), gzip: sum(sw, 'gzip') },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', route] = process.argv.slice(2);
  const result = await firstVisit(dir, route);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const r of result.rows) {
    console.log(`${r.before ? 'before' : 'after '}  ${r.file.padEnd(40)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} gzip`);
  }
  console.log(`until the first reply is answerable: ${kb(result.before.raw)} (${kb(result.before.gzip)} gzip)`);
  console.log(`the page's requests, all:            ${kb(result.total.raw)} (${kb(result.total.gzip)} gzip)`);
  console.log(`then the service worker's precache:  ${kb(result.precache.raw)} (${kb(result.precache.gzip)} gzip, ${result.worker.length} requests)`);
}
