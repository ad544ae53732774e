// Beyond a plain tab: embedded in a wiki page, sandboxed, under the strict CSP, as a kiosk that
// resets itself, offline after the first visit, and as one HTML file opened from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite, newPage, playToEnd, root, dist } from './harness.mjs';

const STORY = 'mr-santino';
const EXPERT = JSON.parse(fs.readFileSync(path.join(root, `tests/transcripts/${STORY}.paths.json`), 'utf8')).expert;

const env = suite(before, after, { wiki: true });

async function clickPath(frameOrPage, ids) {
  for (const id of ids) await frameOrPage.locator(`[data-choice="${id}"]`).click();
}

test('the page loads no inline script and sets the strict CSP itself', () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' https: http:\/\/127\.0\.0\.1:\* http:\/\/localhost:\*">/);
  // Scripts with a src, and data blocks (never executed: the build's asset names for boot.js).
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/g)];
  assert.deepEqual(inline.map((m) => m[0]), [], 'no inline <script>');
  assert.doesNotMatch(html, /\sstyle="/, 'no inline style attribute');
});

test('a full play-through runs under the CSP with no violation', async () => {
  const context = await env.browser.newContext();
  const page = await newPage(context);
  await page.goto(`${env.server.base}#/story/${STORY}`);
  await page.locator('[role="group"] button.choice').first().waitFor();
  await playToEnd(page, 1);
  await page.locator('.debrief').waitFor();
  await page.goto(`${env.server.base}#/upload`);
  await page.locator('#paste').fill('{"format": 2}');
  await page.locator('.live').waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('embedded in a wiki page: every message type arrives and the iframe follows the height', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await newPage(context);
  const src = `${env.server.base}?embed=1&story=${STORY}&origin=${encodeURIComponent(new URL(env.wiki.base).origin)}`;
  await page.goto(`${env.wiki.base}embed.html?app=${encodeURIComponent(src)}`);
  const frame = page.frameLocator('#rapport');
  await frame.locator('[role="group"] button.choice').first().waitFor();
  assert.equal(await frame.locator('header.site').count(), 0, 'no site navigation when embedded');
  assert.equal(await frame.locator('.crumbs').count(), 0);
  await clickPath(frame, EXPERT);
  await page.locator('#done:not([hidden])').waitFor();
  const messages = (await page.locator('#log').innerText()).trim().split('\n').map((l) => JSON.parse(l));
  const types = new Set(messages.map((m) => m.type));
  for (const t of ['ready', 'choice', 'completed', 'resize']) assert.ok(types.has(t), `no ${t} message`);
  assert.equal(messages.find((m) => m.type === 'ready').story, STORY);
  const choices = messages.filter((m) => m.type === 'choice');
  assert.equal(choices.length, EXPERT.length);
  assert.deepEqual(choices.map((m) => m.choice), EXPERT);
  assert.equal(choices[0].story, STORY);
  assert.ok(Object.keys(choices[0].emotions).includes('respect'));
  const done = messages.find((m) => m.type === 'completed');
  assert.equal(done.outcome, 'success');
  assert.equal(done.score, 100);
  assert.ok(done.duration_ms > 0);
  assert.ok(Object.values(done.scores).some((s) => s === 100));
  for (const m of messages) {
    assert.equal(m.source, 'rapport');
    assert.equal(m.version, 1);
    assert.doesNotMatch(JSON.stringify(m), /Santino|Daniel/, 'no names or free text in messages');
  }
  const last = messages.filter((m) => m.type === 'resize').pop();
  const frameHeight = await page.locator('#rapport').evaluate((f) => f.getBoundingClientRect().height);
  assert.ok(Math.abs(frameHeight - last.height) <= 2, `iframe ${frameHeight}px vs content ${last.height}px`);
  assert.ok(last.height > 1200, 'the debrief made the content taller');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a wrong target origin keeps messages from reaching the host', async () => {
  const context = await env.browser.newContext();
  const page = await newPage(context);
  const src = `${env.server.base}?embed=1&story=${STORY}&origin=${encodeURIComponent('https://elsewhere.invalid')}`;
  await page.goto(`${env.wiki.base}embed.html?app=${encodeURIComponent(src)}`);
  await page.frameLocator('#rapport').locator('[role="group"] button.choice').first().click();
  await page.waitForTimeout(300);
  assert.equal((await page.locator('#log').innerText()).trim(), '');
  await context.close();
});

test('embedded in a sandboxed iframe without allow-same-origin it plays to the end in memory', async () => {
  const context = await env.browser.newContext();
  const page = await newPage(context);
  await page.goto(env.wiki.base + 'embed.html');
  await page.setContent(`<!doctype html><html lang="en"><title>wiki</title><pre id="log"></pre>
    <iframe sandbox="allow-scripts" title="Rapport" width="1000" height="800" src="${env.server.base}?embed=1&story=${STORY}"></iframe>
    <script>addEventListener('message', (e) => { if (e.data && e.data.source === 'rapport') document.getElementById('log').textContent += e.data.type + '\\n'; });</script></html>`);
  const frame = page.frameLocator('iframe');
  await clickPath(frame, EXPERT);
  await frame.locator('.ending h2').waitFor();
  await page.waitForFunction(() => document.getElementById('log').textContent.includes('completed'));
  await context.close();
});

test('kiosk: attract screen, then after the idle time a countdown, then a clean slate', async () => {
  const context = await env.browser.newContext();
  const page = await newPage(context);
  // An LRS that never answers: statements queue, and each visitor gets an anonymous id.
  await page.goto(`${env.server.base}?kiosk=1&idle=6&lrs=${encodeURIComponent('http://127.0.0.1:9/xapi/')}`);
  await page.locator('.attract-card h1').waitFor();
  assert.equal(await page.locator('a[href^="http"]').count(), 0, 'no links out');
  assert.equal(await page.locator('.own').count(), 0);
  assert.ok(await page.locator('header button', { hasText: 'Full screen' }).count());
  const first = await page.locator('.attract-card h1').innerText();
  await page.locator('.attract-card a.button').click();
  await page.locator('[role="group"] button.choice:not([disabled])').first().click();
  await page.locator('.bubble.you').first().waitFor();
  // Progress is written once the reply is painted.
  const progress = () => JSON.parse(localStorage.getItem('rapport:v1:progress') || '{"sessions":{}}');
  await page.waitForFunction(`(${progress})().sessions && Object.keys((${progress})().sessions).length === 1`, null, { timeout: 2000 });
  const visitor = () => localStorage.getItem('rapport:v1:learner-id');
  await page.waitForFunction(`(${visitor})() !== null`, null, { timeout: 4000 });
  const firstVisitor = await page.evaluate(visitor);
  await page.locator('[role="alertdialog"]').waitFor({ timeout: 8000 });
  assert.match(await page.locator('[role="alertdialog"]').innerText(), /still there/i);
  await page.locator('.attract-card').waitFor({ timeout: 8000 });
  assert.equal(await page.locator('[role="alertdialog"]').count(), 0);
  await page.waitForFunction(`Object.keys((${progress})().sessions).length === 0`, null, { timeout: 2000 });
  const after = JSON.parse(await page.evaluate(() => localStorage.getItem('rapport:v1:progress')));
  assert.deepEqual(after.sessions, {}, 'no progress of the previous visitor remains');
  assert.deepEqual(after.best, {});
  // The next visitor's statements are not the previous visitor's.
  await page.waitForFunction(`(${visitor})() !== null && (${visitor})() !== ${JSON.stringify(firstVisitor)}`, null, { timeout: 2000 });
  assert.ok(first.length > 0);
  const menu = await page.evaluate(() => {
    const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.body.dispatchEvent(e);
    return e.defaultPrevented;
  });
  assert.equal(menu, true, 'no context menu');
  await context.close();
});

test('kiosk: any touch during the countdown keeps the visit', async () => {
  const context = await env.browser.newContext();
  const page = await newPage(context);
  await page.goto(`${env.server.base}?kiosk=1&idle=6#/story/${STORY}`);
  await page.locator(`[data-choice="${EXPERT[0]}"]`).click();
  await page.locator('[role="alertdialog"] button').click({ timeout: 8000 });
  assert.equal(await page.locator('[role="alertdialog"]').count(), 0);
  assert.equal(await page.locator('.bubble.you').count(), 1, 'still in the conversation');
  await context.close();
});

test('offline: after the first visit, a reload with no network plays any story', async () => {
  const context = await env.browser.newContext();
  const page = await newPage(context);
  await page.goto(env.server.base);
  await page.locator('.card h2 a').first().waitFor();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await page.locator('.card h2 a').first().waitFor();
  assert.equal(await page.locator('.card.broken').count(), 0, 'every story came from the cache');
  await page.goto(`${env.server.base}#/story/the-email`);
  await page.locator('[role="group"] button.choice').first().waitFor();
  await playToEnd(page, 0);
  const manifest = await page.evaluate(async () => (await fetch('manifest.webmanifest')).json());
  assert.equal(manifest.short_name, 'Rapport');
  await context.close();
});

test('the one-file bundle plays to an ending from file://', async () => {
  const file = path.join(root, 'bundle/rapport.html');
  assert.ok(fs.existsSync(file), 'make bundle wrote bundle/rapport.html');
  const context = await env.browser.newContext();
  const page = await newPage(context);
  await page.goto(`${pathToFileURL(file).href}#/story/${STORY}`);
  await clickPath(page, EXPERT);
  await page.locator('.ending h2').waitFor();
  await page.goto(`${pathToFileURL(file).href}#/`);
  await page.locator('.card h2 a').nth(3).waitFor();
  assert.equal(await page.locator('.card.broken').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});
