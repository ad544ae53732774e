// A first visit downloads what it shows: the opened story in one language (no other story, no
// other language, no catalog), the library its catalog (no story file), the other language only
// when the learner switches to it, and the service worker's precache only once the story is on
// screen. Every request the page makes is recorded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { suite, newPage, root } from './harness.mjs';

const env = suite(before, after);
const STORY = 'mr-santino';
const EXPERT = JSON.parse(fs.readFileSync(path.join(root, `tests/transcripts/${STORY}.paths.json`), 'utf8')).expert;
const WHOLE = JSON.parse(fs.readFileSync(path.join(root, `stories/${STORY}.json`), 'utf8'));
const REPLY = '[role="group"] button.choice:not([disabled])';

/** The build's files the page asks for (relative to the app), in order, recorded from now on. */
function record(page) {
  const files = [];
  page.on('request', (r) => {
    if (r.url().startsWith(env.server.base)) files.push(new URL(r.url()).pathname.slice(new URL(env.server.base).pathname.length));
  });
  return files;
}

/** Resolves once the page has made no request for `ms`. */
function quiet(page, ms = 1000) {
  return new Promise((ok) => {
    let timer;
    const reset = () => { clearTimeout(timer); timer = setTimeout(ok, ms); };
    page.on('request', reset);
    reset();
  });
}

const storyFiles = (files) => files.filter((f) => f.startsWith('stories/') || f === 'catalog.json');

test('a first visit to a story fetches that story in one language, and registers the worker once it shows', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await newPage(context);
  // When the first reply enters the page, by the page's own clock.
  await page.addInitScript((selector) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector)) {
        window.answerableAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  }, REPLY);
  const files = record(page);
  await page.goto(`${env.server.base}#/story/${STORY}`);
  await page.locator(REPLY).first().waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await quiet(page);
  assert.deepEqual(storyFiles(files), [`stories/${STORY}.en.json`], 'no other story, no other language, no catalog');
  // Nor anything of the authoring app or the LMS app (each its own wasm), not even in the
  // worker's precache.
  assert.deepEqual(files.filter((f) => f.startsWith('studio/')), []);
  assert.deepEqual(files.filter((f) => f.startsWith('lms/')), []);
  // The worker (whose install downloads every file of the build) is registered only after the
  // first reply was on screen: the app reads build.json for its version just before.
  const order = await page.evaluate(() => ({
    answerable: window.answerableAt,
    manifest: performance.getEntriesByType('resource').find((r) => r.name.endsWith('/build.json'))?.startTime,
  }));
  assert.ok(order.answerable > 0 && order.manifest > order.answerable, JSON.stringify(order));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the library draws its cards from the catalog and fetches no story file, progress included', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await newPage(context);
  await page.goto(`${env.server.base}#/story/${STORY}`);
  await page.locator(`[data-choice="${EXPERT[0]}"]`).click();
  await page.locator('.bubble.you').first().waitFor();
  // Saved once painted; then a new visit to the library.
  await page.waitForFunction(() => (localStorage.getItem('rapport:v1:progress') || '').includes('"history":[{'));
  const files = record(page);
  await page.goto(env.server.base);
  await page.locator('.card h2 a').nth(3).waitFor();
  await quiet(page);
  assert.deepEqual(storyFiles(files), ['catalog.json'], 'the catalog, and no story file');
  const card = page.locator('.card', { has: page.locator(`a[href="#/story/${STORY}"]`) }).first();
  assert.match(await card.locator('.status').innerText(), /In progress/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('switching the language mid-story fetches that language only and keeps the conversation', async () => {
  const context = await env.browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  const page = await newPage(context);
  const files = record(page);
  await page.goto(`${env.server.base}#/story/${STORY}`);
  await page.locator(`[data-choice="${EXPERT[0]}"]`).click();
  await page.locator(`[data-choice="${EXPERT[1]}"]`).click();
  await page.waitForFunction(() => document.querySelectorAll('.bubble.you').length === 2);
  await page.selectOption('header select', 'es');
  // The learner's first reply, now in Spanish: the whole conversation is shown in the new language.
  const first = WHOLE.nodes.find((n) => n.id === WHOLE.start).choices.find((c) => c.id === EXPERT[0]);
  await page.locator('.bubble.you', { hasText: first.text.es }).first().waitFor();
  assert.equal(await page.locator('.bubble.you').count(), 2, 'the same two replies');
  assert.equal(await page.locator('[role="group"]').getAttribute('aria-label'), 'Tu respuesta');
  await page.locator(`[data-choice="${EXPERT[2]}"]`).click();
  await page.waitForFunction(() => document.querySelectorAll('.bubble.you').length === 3);
  await quiet(page);
  assert.deepEqual(storyFiles(files), [`stories/${STORY}.en.json`, `stories/${STORY}.es.json`]);
  // The saved session is the same conversation, whatever the language.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('rapport:v1:progress')));
  assert.deepEqual(saved.sessions[STORY].history.map((t) => t.choice), EXPERT.slice(0, 3));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the authoring pages are the authoring app\'s: a library link or an old #/upload link opens it, with its own wasm', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await newPage(context);
  await page.goto(env.server.base);
  const trainers = page.locator('nav.own a');
  assert.deepEqual(await trainers.evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ['studio/index.html#/studio', 'studio/index.html#/upload', 'studio/index.html#/report']);
  const files = record(page);
  await page.goto(`${env.server.base}#/upload`);
  await page.locator('#paste').waitFor();
  assert.match(page.url(), /\/studio\/index\.html#\/upload$/);
  assert.ok(files.some((f) => /^studio\/rapport-studio-[0-9a-f]+_bg\.wasm$/.test(f)), files.join('\n'));
  // Its way back leads to the learner's library.
  await page.goto(`${env.server.base}studio/index.html`);
  await page.locator('.author-home a[href="../index.html#/"]').click();
  await page.locator('.card h2 a').first().waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('an LMS launch of the learner\'s page (a package made before the LMS app) opens the LMS app with the same query', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await newPage(context);
  const files = record(page);
  await page.goto(`${env.server.base}index.html?story=${STORY}&lms=scorm12`);
  await page.locator(REPLY).first().waitFor();
  assert.match(page.url(), new RegExp(`/lms/index\\.html\\?story=${STORY}&lms=scorm12$`));
  assert.ok(files.some((f) => /^lms\/rapport-lms-[0-9a-f]+_bg\.wasm$/.test(f)), files.join('\n'));
  // It reads the story from the build's root; with no LMS around, it plays and says so.
  assert.ok(files.includes(`stories/${STORY}.en.json`), files.join('\n'));
  assert.deepEqual(page.errors, []);
  await context.close();
});
