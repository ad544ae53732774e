// `make bench`: Rapport side by side with the ink web port of the same story, in one run, and how
// the engine scales. A benchmark, not a test: it prints a Markdown table (also written to
// bench/last-run.md) and always exits 0.
//
// Players, each served as a static site by the browser tests' server, each visit in a new browser
// context (nothing cached), the visits alternated between the players (the order flips each run):
//   Rapport  dist/ (the release build), `#/story/<BENCH_STORY>`, the browser's language BENCH_LANG
//   ink      bench/ink/export.mjs: the same story ported to ink, as Inky exports it for the web
//   floor    bench/floor/dist: the smallest Yew app on Rapport's stack (what a ratio cannot beat)
// Rows:
//   first visit bytes   every response the browser received for a request it started before the
//                       first reply was answerable (raw, and each body gzip -9), CPU 4x
//   first reply         painted: the frame after the first reply button enters the page;
//                       answerable: the frame after the player's own enabled reply is in the page
//   click → next frame  a play-through at CPU 1x and 4x; per click, from the click event's
//                       timestamp to a task queued in the next animation frame (it runs once that
//                       frame is rendered)
//   engine scaling      generated stories, natively (`rapport-bench engine`) and in Chromium
//                       (crates/bench's own wasm) against inkjs on the same story's ink port
// Environment: BENCH_RUNS (default 7), BENCH_STORY (default mr-santino), BENCH_LANG (default en).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { serve, launch, root, dist } from '../tests/browser/harness.mjs';
import { compile } from '../bench/ink/port.mjs';
import { measureReport } from './bench-report.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 7));
const STORY = process.env.BENCH_STORY || 'mr-santino';
const LANG = process.env.BENCH_LANG || 'en';
// The browser's language: Rapport chooses its language (and the story's) from it, as for a learner.
const LOCALE = { en: 'en-US', es: 'es-ES', pt: 'pt-BR' }[LANG] ?? LANG;
const THROTTLE = 4;
const benchTool = path.join(root, 'target/tools/rapport-bench');
const engineWasm = path.join(root, 'target/bench-engine');
const storyFile = path.join(root, 'stories', `${STORY}.json`);
const story = JSON.parse(fs.readFileSync(storyFile, 'utf8'));

// ---------------------------------------------------------------------------------------------
// Statistics and formatting.
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const range = (xs) => [Math.min(...xs), Math.max(...xs)];
const kb = (n) => `${(n / 1024).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} KB`;
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 2 : 1)} ms` : '—');
const secs = (n) => `${(n / 1000).toFixed(2)} s`;
const times = (r) => (Number.isFinite(r) ? `${r.toFixed(r < 0.1 ? 3 : 2)}×` : '—');
/** "median (min–max)" of `xs` in `unit`, the range only when there are several. */
const spread = (xs, unit) => {
  const [lo, hi] = range(xs);
  return xs.length > 1 && lo !== hi ? `${unit(median(xs))} (${unit(lo)}–${unit(hi)})` : unit(median(xs));
};
/** Ratio of the medians, with the range of the ratios of paired (same-run) figures. */
const ratio = (ours, theirs) => {
  const r = median(ours) / median(theirs);
  const pairs = ours.map((x, i) => x / theirs[i]).filter(Number.isFinite);
  const [lo, hi] = range(pairs);
  return pairs.length > 1 && lo.toFixed(2) !== hi.toFixed(2) ? `${times(r)} (${times(lo)}–${times(hi)})` : times(r);
};
const verdict = (ours, theirs, goal) => (median(ours) / median(theirs) <= goal ? 'met' : 'not met');

/** Runs `fn`; on failure logs why and returns `fallback`, so one broken part leaves the rest. */
async function attempt(what, fn, fallback = null) {
  try {
    return await fn();
  } catch (e) {
    console.error(`bench: ${what} failed: ${e.stack || e}`);
    failures.push(`${what}: ${String(e.message || e).split('\n')[0]}`);
    return fallback;
  }
}
const failures = [];

// ---------------------------------------------------------------------------------------------
// The three pages, each on its own port.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
const inkDir = path.join(tmp, 'ink');
execFileSync(process.execPath, [path.join(root, 'bench/ink/export.mjs'), storyFile, LANG, inkDir], { stdio: 'ignore' });
const floorDir = path.join(root, 'bench/floor/dist');
const servers = { rapport: await serve(dist), ink: await serve(inkDir), floor: await serve(floorDir) };
const browser = await launch();

// The played path: the story's expert path when its transcripts lock one, else the first
// available reply each turn (ink hides an unavailable reply, so its first is Rapport's first
// available one). ink's buttons are found by their text, Rapport's by their reply id.
const pathsFile = path.join(root, 'tests/transcripts', `${STORY}.paths.json`);
const expert = fs.existsSync(pathsFile) ? JSON.parse(fs.readFileSync(pathsFile, 'utf8')).expert : null;
const choiceText = Object.fromEntries(story.nodes.flatMap((n) => n.choices ?? [])
  .map((c) => [c.id, (c.text?.[LANG] ?? '').replace(/\s+/g, ' ').trim()]));
const REPLIES = expert?.length ?? 10;

const players = {
  rapport: {
    name: 'Rapport',
    url: `${servers.rapport.base}#/story/${STORY}`,
    // The app's own reply (not a prerendered copy, should one come back), enabled.
    answerable: '.app:not([data-opening]) [role="group"] button.choice:not([disabled])',
    reply: (page, k) => (expert
      ? page.locator(`.app [data-choice="${expert[k]}"]:not([disabled])`)
      : page.locator('.app [role="group"] button.choice:not([disabled])').first()),
    ended: '.ending h2',
  },
  ink: {
    name: 'ink',
    url: servers.ink.base,
    answerable: 'button.choice',
    reply: async (page, k) => {
      if (!expert) return page.locator('button.choice').first();
      await page.locator('button.choice').first().waitFor();
      const want = choiceText[expert[k]];
      const i = await page.$$eval('button.choice', (bs, w) => bs.findIndex((b) => b.textContent.replace(/\s+/g, ' ').trim() === w), want);
      if (i < 0) throw new Error(`ink port: no reply "${want}"`);
      return page.locator('button.choice').nth(i);
    },
    ended: '.end',
  },
  floor: {
    name: 'floor',
    url: servers.floor.base,
    answerable: 'button.choice',
    reply: (page, k) => page.locator(`[data-choice="c${k}-0"]`),
    ended: null,
  },
};

/** A new context and page with the CPU throttled `rate` times. */
async function freshPage(rate) {
  const context = await browser.newContext({ locale: LOCALE });
  const page = await context.newPage();
  if (rate > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page };
}

// ---------------------------------------------------------------------------------------------
// First visit: bytes, first reply painted, first reply answerable.

// The page reports its moments itself, on the console (polling from Playwright would run scripts
// in the page it measures). A moment is the frame after the button enters the page: a task queued
// in that frame's animation callback runs once the frame is rendered.
function moments(answerable) {
  let painted = false;
  let live = false;
  const after = (name) => requestAnimationFrame(() => setTimeout(() => console.debug(`bench-${name} ${performance.now()}`)));
  new MutationObserver((_, obs) => {
    if (!painted && document.querySelector('button.choice')) { painted = true; after('painted'); }
    if (!live && document.querySelector(answerable)) { live = true; after('answerable'); }
    if (painted && live) obs.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
}

const gzipped = new Map();
const gzip9 = (body) => {
  const key = `${body.length}:${body.subarray(0, 64).toString('hex')}:${body.subarray(-64).toString('hex')}`;
  if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(body, { level: 9 }).length);
  return gzipped.get(key);
};

/** The ok responses (a 404 favicon carries no content) whose request started by `cut` (epoch
 * ms): each file's bytes, raw and gzip -9, and whether the service worker fetched it. */
async function weigh(responses, cut = Infinity) {
  const files = [];
  for (const r of responses) {
    const started = r.request().timing().startTime;
    if (started > cut || !r.ok()) continue;
    let body = await r.body().catch(() => null);
    // Playwright gives no body for a service worker's own fetches: the same URL read again from
    // the static server gives the bytes that went over the wire.
    if (!body?.length) body = Buffer.from(await (await fetch(r.url())).arrayBuffer());
    const name = path.basename(new URL(r.url()).pathname);
    files.push({ name: name === 'rapport' || !name ? 'the page' : name, url: r.url(), started, raw: body.length, gz: gzip9(body), sw: Boolean(r.request().serviceWorker()) });
  }
  return total(files);
}
const total = (files) => ({ raw: files.reduce((s, f) => s + f.raw, 0), gz: files.reduce((s, f) => s + f.gz, 0), files });

/** One first visit of `player` at CPU 4x. With `whole`, also waits until the network is quiet
 * (nothing new for 2 s) and weighs everything the visit fetched. */
async function firstVisit(player, whole = false) {
  const { context, page } = await freshPage(THROTTLE);
  const responses = [];
  context.on('response', (r) => responses.push(r));
  await page.addInitScript(moments, player.answerable);
  const moment = (name) => page.waitForEvent('console', { predicate: (m) => m.text().startsWith(`bench-${name} `), timeout: 60000 })
    .then((m) => Number(m.text().split(' ')[1]));
  const painted = moment('painted');
  const answerable = moment('answerable');
  await page.goto(player.url, { waitUntil: 'commit' });
  const visit = { painted: await painted, answerable: await answerable };
  const origin = await page.evaluate(() => performance.timeOrigin);
  const cut = origin + visit.answerable;
  if (whole) {
    let seen = -1;
    for (let waited = 0; seen !== responses.length && waited < 30000; waited += 2000) {
      seen = responses.length;
      await page.waitForTimeout(2000);
    }
    visit.whole = await weigh(responses);
    visit.bytes = total(visit.whole.files.filter((f) => f.started <= cut));
  } else {
    visit.bytes = await weigh(responses, cut);
  }
  await context.close();
  return visit;
}

// ---------------------------------------------------------------------------------------------
// Click → next frame.

// For every click: from the event's timestamp (the input) to a task queued in the next animation
// frame, which runs once that frame is rendered. `changed` says whether the page had changed by
// that frame (a player that put its work off to a later frame would be caught here).
function clickFrames() {
  window.__frames = [];
  let mutations = 0;
  new MutationObserver((records) => { mutations += records.length; })
    .observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  addEventListener('click', (e) => {
    const before = mutations;
    requestAnimationFrame(() => {
      const changed = mutations > before;
      setTimeout(() => window.__frames.push({ ms: performance.now() - e.timeStamp, changed }));
    });
  }, { capture: true });
}

/** A play-through of `player` at CPU `rate`; run `run` shifts the reader's pauses a little, so
 * clicks fall at different points of the frame (Playwright clicks after stable frames). */
async function playThrough(player, rate, run) {
  const { context, page } = await freshPage(rate);
  await page.addInitScript(clickFrames);
  await page.goto(player.url);
  await page.locator(player.answerable).first().waitFor({ timeout: 60000 });
  for (let k = 0; k < REPLIES; k++) {
    const button = await player.reply(page, k);
    await button.waitFor({ timeout: 30000 });
    await page.waitForTimeout(100 + ((run * 7 + k * 3) % 17)); // a reader's pause: frames are idle again
    await button.click();
  }
  await page.waitForFunction((n) => window.__frames.length >= n, REPLIES, { timeout: 30000 });
  if (player.ended) await page.locator(player.ended).first().waitFor({ timeout: 30000 });
  const frames = await page.evaluate(() => window.__frames);
  await context.close();
  // The last reply of the story ends it (Rapport adds the debrief): reported on its own.
  const last = player.ended ? frames.pop() : null;
  return { replies: frames.map((f) => f.ms), late: frames.filter((f) => !f.changed).length, ending: last?.ms ?? NaN };
}

// ---------------------------------------------------------------------------------------------
// The runs, alternated: run i visits the players in one order, run i+1 in the other.
const order = ['rapport', 'ink', 'floor'];
const loads = Object.fromEntries(order.map((p) => [p, []]));
const clicks = Object.fromEntries(order.flatMap((p) => [1, THROTTLE].map((r) => [`${p}@${r}`, []])));
const loadAvg = os.loadavg()[0];
for (let run = 0; run < RUNS; run++) {
  const seq = run % 2 ? [...order].reverse() : order;
  for (const p of seq) {
    const v = await attempt(`first visit, ${p}, run ${run + 1}`, () => firstVisit(players[p], run === 0));
    if (v) loads[p].push(v);
  }
  for (const rate of [1, THROTTLE]) {
    for (const p of seq) {
      const c = await attempt(`play-through, ${p}, CPU ${rate}x, run ${run + 1}`, () => playThrough(players[p], rate, run));
      if (c) clicks[`${p}@${rate}`].push(c);
    }
  }
  process.stderr.write(`bench: run ${run + 1} of ${RUNS} done\n`);
}
const chromium = browser.version();
await browser.close();

/** Serves the files of `dir` (no subdirectories) cross-origin isolated, so that the page's clock
 * ticks in microseconds rather than 0.1 ms: a play-through of the engine takes less than 0.1 ms. */
async function serveIsolated(dir) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url, 'http://x').pathname) || 'index.html';
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { base: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

// ---------------------------------------------------------------------------------------------
// Engine scaling: generated stories, natively and in Chromium, against inkjs on their ink port.
const sizes = [1000, 10000, 100000];
const engine = await attempt('engine scaling', async () => {
  const generated = Object.fromEntries(sizes.map((n) => [n, execFileSync(benchTool, ['generate', String(n)], { maxBuffer: 1 << 30 }).toString()]));
  const native = execFileSync(benchTool, ['engine'], { maxBuffer: 1 << 26 }).toString().trim().split('\n').map((l) => JSON.parse(l));
  // inkjs's compiler runs out of a 4 GB heap within a minute on the 100,000-node port: 1,000
  // and 10,000 only.
  const inkSizes = sizes.filter((n) => n <= 10000);
  const inkJson = {};
  const compileMs = {};
  for (const n of inkSizes) {
    const t0 = performance.now();
    inkJson[n] = compile(JSON.parse(generated[n]), 'en');
    compileMs[n] = performance.now() - t0;
  }
  // A blank page of its own (no app running beside it): crates/bench's wasm and inkjs's runtime.
  const page = path.join(tmp, 'engine');
  fs.mkdirSync(page);
  for (const f of fs.readdirSync(engineWasm)) fs.copyFileSync(path.join(engineWasm, f), path.join(page, f));
  fs.copyFileSync(path.join(root, 'node_modules/inkjs/dist/ink.js'), path.join(page, 'ink.js'));
  fs.writeFileSync(path.join(page, 'index.html'), '<!doctype html><meta charset="utf-8"><title>engine</title><script src="ink.js"></script>');
  const server = await serveIsolated(page);
  const b = await launch();
  const context = await b.newContext();
  const tab = await context.newPage();
  await tab.goto(server.base);
  await tab.evaluate(async () => {
    if (!crossOriginIsolated) throw new Error('the engine page is not cross-origin isolated: its clock would tick in 0.1 ms');
    const m = await import('./rapport_bench.js');
    await m.default({ module_or_path: './rapport_bench_bg.wasm' });
    window.engine = m;
  });
  const reps = (n) => (n >= 100000 ? 3 : 7);
  const browserTimes = {};
  // One untimed round at the smallest size first, so no row times V8's first, baseline-code call.
  await tab.evaluate((text) => { window.engine.bench_load(text); window.engine.bench_play(text); }, generated[sizes[0]]);
  for (const n of sizes) {
    browserTimes[n] = await tab.evaluate(({ text, reps }) => {
      const load = [];
      const play = [];
      for (let i = 0; i < reps; i++) {
        load.push(window.engine.bench_load(text));
        play.push(window.engine.bench_play(text));
      }
      return { load, play };
    }, { text: generated[n], reps: reps(n) });
  }
  const inkTimes = {};
  await tab.evaluate((json) => { const s = new inkjs.Story(json); s.ContinueMaximally(); }, inkJson[inkSizes[0]]);
  for (const n of inkSizes) {
    inkTimes[n] = await tab.evaluate(({ json, reps }) => {
      const load = [];
      const play = [];
      let steps = 0;
      for (let i = 0; i < reps; i++) {
        const t0 = performance.now();
        const s = new inkjs.Story(json);
        load.push(performance.now() - t0);
        const t1 = performance.now();
        steps = 0;
        for (;;) {
          s.ContinueMaximally();
          if (!s.currentChoices.length) break;
          s.ChooseChoiceIndex(0);
          steps += 1;
        }
        play.push(performance.now() - t1);
      }
      return { load, play, steps };
    }, { json: inkJson[n], reps: reps(n) });
  }
  await context.close();
  await b.close();
  await server.close();
  return { native, browserTimes, inkTimes, compileMs };
});
for (const s of Object.values(servers)) await s.close();
fs.rmSync(tmp, { recursive: true, force: true });

// The class report (scripts/bench-report.mjs): 100,000 statements read from a file, CPU 1x.
const report = await attempt('class report', () => measureReport({ statements: 100_000, runs: 3 }));

// ---------------------------------------------------------------------------------------------
// The tables.
const out = [];
const table = (head, body) => {
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((r) => String(r[i] ?? '').length), 3));
  const line = (r) => `| ${r.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' | ')} |`;
  out.push(line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), '');
};
out.push(`## Rapport vs the ink web port: ${STORY} (${LANG})`, '',
  `${new Date().toISOString().slice(0, 10)}, \`make bench\`, BENCH_RUNS=${RUNS}: headless Chromium ${chromium}, ${os.cpus().length} cores `
  + `(load average ${loadAvg.toFixed(1)} at the start), node ${process.version}. Each visit and play-through in a new browser context; `
  + 'the players alternate, and the order flips each run. Figures are medians, with the range in parentheses; '
  + 'a ratio\'s range is that of the runs\' paired figures.', '');

const L = (p) => loads[p];
const bytes = (p, k) => L(p).map((v) => v.bytes[k]);
const at = (p, k) => L(p).map((v) => v[k]);
const rows = [];
if (L('rapport').length && L('ink').length) {
  const floorRatio = (xs, ink) => (L('floor').length ? times(median(xs) / median(ink)) : '—');
  const fb = (k, unit) => (L('floor').length ? spread(bytes('floor', k), unit) : '—');
  rows.push(
    ['**First visit, gzip -9**: every response until the first reply is answerable (CPU 4x)', spread(bytes('rapport', 'gz'), kb), spread(bytes('ink', 'gz'), kb),
      ratio(bytes('rapport', 'gz'), bytes('ink', 'gz')), '≤ 3×', verdict(bytes('rapport', 'gz'), bytes('ink', 'gz'), 3),
      fb('gz', kb), floorRatio(bytes('floor', 'gz'), bytes('ink', 'gz'))],
    ['  the same, raw', spread(bytes('rapport', 'raw'), kb), spread(bytes('ink', 'raw'), kb),
      ratio(bytes('rapport', 'raw'), bytes('ink', 'raw')), '', '', fb('raw', kb), floorRatio(bytes('floor', 'raw'), bytes('ink', 'raw'))],
  );
  const whole = (p) => L(p)[0]?.whole;
  if (whole('rapport') && whole('ink')) {
    const w = (p) => (whole(p) ? `${kb(whole(p).gz)} (${kb(whole(p).raw)} raw)` : '—');
    rows.push(['  the whole first visit, until the network is quiet (first run), gzip (raw)', w('rapport'), w('ink'),
      times(whole('rapport').gz / whole('ink').gz), '', '', w('floor'), '']);
  }
  for (const [k, label, goal] of [
    ['painted', '**First reply painted** (CPU 4x, from navigation start)', '≤ 1×'],
    ['answerable', '**First reply answerable**: the player\'s own enabled reply, painted (CPU 4x)', '≤ 1×'],
  ]) {
    rows.push([label, spread(at('rapport', k), secs), spread(at('ink', k), secs), ratio(at('rapport', k), at('ink', k)), goal,
      verdict(at('rapport', k), at('ink', k), 1), L('floor').length ? spread(at('floor', k), secs) : '—', floorRatio(at('floor', k), at('ink', k))]);
  }
}
for (const rate of [1, THROTTLE]) {
  const c = (p) => clicks[`${p}@${rate}`];
  if (!c('rapport').length || !c('ink').length) continue;
  const all = (p) => c(p).flatMap((x) => x.replies);
  const perRun = (p) => c(p).map((x) => median(x.replies));
  const cell = (p) => {
    const [lo, hi] = range(perRun(p));
    return lo === hi ? ms(median(all(p))) : `${ms(median(all(p)))} (${ms(lo)}–${ms(hi)})`;
  };
  const pairs = perRun('rapport').map((x, i) => x / perRun('ink')[i]).filter(Number.isFinite);
  const r = median(all('rapport')) / median(all('ink'));
  rows.push([`**Click → next frame**, CPU ${rate}x: ${REPLIES - 1} replies × ${c('rapport').length} play-through${c('rapport').length === 1 ? '' : 's'}`, cell('rapport'), cell('ink'),
    pairs.length > 1 ? `${times(r)} (${times(Math.min(...pairs))}–${times(Math.max(...pairs))})` : times(r), '≤ 1×', r <= 1 ? 'met' : 'not met',
    c('floor').length ? cell('floor') : '—', c('floor').length ? times(median(all('floor')) / median(all('ink'))) : '']);
  const endings = (p) => c(p).map((x) => x.ending);
  rows.push([`  the last reply → the ending (Rapport: with its debrief), CPU ${rate}x`, spread(endings('rapport'), ms), spread(endings('ink'), ms),
    ratio(endings('rapport'), endings('ink')), '', '', '', '']);
}
table(['measure', 'Rapport', 'ink port (inkjs 2.4.0)', 'Rapport / ink', 'goal', 'goal met', 'floor: smallest Yew app', 'floor / ink'], rows);
const late = order.map((p) => [p, [1, THROTTLE].reduce((s, r) => s + clicks[`${p}@${r}`].reduce((t, x) => t + x.late, 0), 0)]).filter(([, n]) => n);
if (late.length) out.push(`Replies whose page had not changed by the next frame (their time understates the reply): ${late.map(([p, n]) => `${p} ${n}`).join(', ')}.`, '');

// What the first visit fetched until the first reply was answerable, by file, largest first
// (first run); then what the visit fetched after that, until the network was quiet.
const fileRows = [];
const byName = (files) => {
  const groups = new Map();
  for (const f of files) {
    const name = f.name.replace(/-[0-9a-f]{12,16}(?=[._])/, '-…');
    const g = groups.get(name) ?? { name, raw: 0, gz: 0, by: new Set() };
    g.raw += f.raw;
    g.gz += f.gz;
    g.by.add(f.sw ? 'service worker' : 'page');
    groups.set(name, g);
  }
  return [...groups.values()].sort((a, b) => b.gz - a.gz);
};
for (const p of order) {
  const v = L(p)[0];
  if (!v) continue;
  for (const g of byName(v.bytes.files)) fileRows.push([players[p].name, g.name, [...g.by].join(' + '), kb(g.raw), kb(g.gz)]);
  const later = v.whole?.files.filter((f) => !v.bytes.files.includes(f)) ?? [];
  if (later.length) {
    const sum = (k) => later.reduce((s, f) => s + f[k], 0);
    const names = byName(later).map((g) => g.name);
    fileRows.push([players[p].name, `after it, ${later.length} more: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`, [...new Set(later.map((f) => (f.sw ? 'service worker' : 'page')))].join(' + '), kb(sum('raw')), kb(sum('gz'))]);
  }
}
if (fileRows.length) {
  out.push('What each first visit fetched until its first reply was answerable (first run; a file fetched twice counts twice):', '');
  table(['player', 'response', 'fetched by', 'raw', 'gzip -9'], fileRows);
}

if (engine) {
  const { native, browserTimes, inkTimes, compileMs } = engine;
  const per = (t, n) => `${ms(t)} (${(t * 1000 / n).toFixed(2)} µs/node)`;
  const erows = sizes.map((n) => {
    const nat = native.find((r) => r.nodes === n) ?? {};
    const bt = browserTimes[n];
    const it = inkTimes[n];
    return [`${n.toLocaleString('en-US')} nodes`,
      per(nat.load_ms, n), `${ms(nat.play_ms)}, ${nat.steps} replies`, `${ms(nat.analysis_ms)} (${nat.states} states${nat.truncated ? ', bounded' : ''})`,
      per(median(bt.load), n), ms(median(bt.play)),
      it ? per(median(it.load), n) : 'not run', it ? `${ms(median(it.play))}, ${it.steps} replies` : '',
      it ? `${times(median(bt.load) / median(it.load))} / ${times(median(bt.play) / median(it.play))}` : '',
      compileMs[n] ? ms(compileMs[n]) : ''];
  });
  const growth = (f) => sizes.slice(1).map((n, i) => times(f(n) / f(sizes[i]))).join(' / ');
  erows.push(['time per 10× nodes (linear = 10×)',
    growth((n) => native.find((r) => r.nodes === n)?.load_ms), growth((n) => native.find((r) => r.nodes === n)?.play_ms), '',
    growth((n) => median(browserTimes[n].load)), growth((n) => median(browserTimes[n].play)),
    growth((n) => (inkTimes[n] ? median(inkTimes[n].load) : NaN)), growth((n) => (inkTimes[n] ? median(inkTimes[n].play) : NaN)), '', '']);
  out.push('## Engine scaling: generated stories (`rapport-bench generate N`), no budget', '');
  table(['story', 'native load + validate', 'native play-through', 'native exhaustive analysis',
    'Chromium load + validate', 'Chromium play-through', 'inkjs load', 'inkjs play-through', 'Rapport / inkjs (load / play)', 'ink compile (node)'], erows);
}
if (report) {
  const t = median(report.times);
  out.push('## Class report: statements aggregated in Chromium, CPU 1x (scripts/bench-report.mjs)', '');
  table(['statements (file)', 'play-throughs', 'parse + aggregate (median, range)', 'statements per second', 'goal', 'goal met'],
    [[`${report.statements.toLocaleString('en-US')} (${(report.bytes / 1048576).toFixed(0)} MB)`, report.plays.toLocaleString('en-US'),
      spread(report.times, ms), Math.round(report.statements / (t / 1000)).toLocaleString('en-US'), '100,000 in < 2 s', t < 2000 ? 'yes' : 'no']]);
}
if (failures.length) out.push('Not measured this run:', '', ...failures.map((f) => `- ${f}`), '');

const text = out.join('\n');
console.log(`\n${text}`);
fs.writeFileSync(path.join(root, 'bench/last-run.md'), `${text}\n`);
