// Real-browser tests of the built app (dist/), served under a sub-path in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, newPage, audit, meters, playToEnd } from './harness.mjs';

const env = suite(before, after);


test('the library lists every story from a sub-path', async () => {
  const context = await env.browser.newContext();
  const page = await newPage(context);
  await page.goto(env.server.base);
  await page.locator('.card h2 a').first().waitFor();
  const titles = await page.locator('.card h2 a').allTextContents();
  assert.ok(titles.length >= 1, 'at least one story card');
  assert.equal(await page.locator('.card.broken').count(), 0, 'no story failed to load');
  assert.deepEqual(await audit(page), [], 'axe: library');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a story plays to an ending by clicking, and the meters move', async () => {
  const context = await env.browser.newContext();
  const page = await newPage(context);
  await page.goto(env.server.base);
  await page.locator('.card h2 a').first().click();
  await page.locator('[role="group"] button.choice').first().waitFor();
  assert.match(await page.locator('[role="group"]').getAttribute('aria-label'), /\S/);
  const start = await meters(page);
  assert.ok(Object.keys(start).length >= 2, 'a meter per emotion');
  assert.deepEqual(await audit(page), [], 'axe: conversation');
  await page.locator('[role="group"] button.choice:not([disabled])').last().click();
  await page.waitForFunction((s) => {
    const now = [...document.querySelectorAll('[role="meter"]')].map((m) => m.getAttribute('aria-valuenow'));
    return JSON.stringify(now) !== s;
  }, JSON.stringify(Object.values(start).map(String)));
  assert.notDeepEqual(await meters(page), start, 'a reply changed a meter');
  const turns = await playToEnd(page);
  assert.ok(turns >= 1);
  assert.match(await page.locator('.ending h2').textContent(), /\S/);
  await page.locator('.debrief').waitFor();
  assert.deepEqual(await audit(page), [], 'axe: ending and debrief');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a catalog or story that cannot be read shows its problems instead of a blank page', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await newPage(context);
  const broken = (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"format": 1, "nodes": [' });
  await page.route('**/catalog.json', broken);
  await page.goto(env.server.base);
  await page.locator('.card.broken').first().waitFor();
  let text = await page.locator('.card.broken').first().textContent();
  assert.match(text, /catalog\.json:1:\d+/, 'file and line:column shown');
  assert.match(text, /EOF while parsing/);
  await page.route('**/stories/*.json', broken);
  await page.goto(`${env.server.base}#/story/the-email`);
  await page.locator('main.page-message h1').waitFor();
  text = await page.locator('main.page-message').textContent();
  assert.match(text, /stories\/the-email\.en\.json:1:\d+/, 'the file the page fetched, and where');
  assert.match(text, /EOF while parsing/);
  await context.close();
});

test('a story opened directly reports a missing or broken file', async () => {
  // No service worker: its own fetches would bypass the routes below after the first load.
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await newPage(context);
  // The server has no file of the story: the page says which file it lacks.
  await page.route('**/stories/the-email*.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${env.server.base}#/story/the-email`);
  await page.locator('main.page-message h1').waitFor();
  assert.match(await page.locator('main.page-message').textContent(), /stories\/the-email\.en\.json.*404/s);
  await page.unroute('**/stories/the-email*.json');
  await page.route('**/stories/the-email.en.json', (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: '{"format": 1, "nodes": [',
  }));
  await page.reload();
  await page.locator('main.page-message h1').waitFor();
  assert.match(await page.locator('main.page-message').textContent(), /stories\/the-email\.en\.json:1:\d+/);
  // The library is a click away, and its cards do not depend on any story file.
  await page.locator('main.page-message a').click();
  await page.locator('.card:not(.broken)').first().waitFor();
  await context.close();
});

test('a story without the language shown plays in the fallback its card names', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await newPage(context);
  // A build whose the-email has no Portuguese.
  await page.route('**/stories/the-email.pt.json', (route) => route.fulfill({ status: 404, body: 'none' }));
  await page.route('**/catalog.json', async (route) => {
    const catalog = await (await route.fetch()).json();
    catalog.stories.find((c) => c.id === 'the-email').locales = ['en', 'es'];
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(catalog) });
  });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/training/rapport/')[1]));
  await page.goto(`${env.server.base}?lang=pt#/story/the-email`);
  await page.locator('[role="group"] button.choice').first().waitFor();
  const stories = fetched.filter((f) => f.startsWith('stories/') || f === 'catalog.json');
  assert.deepEqual(stories, ['stories/the-email.pt.json', 'catalog.json', 'stories/the-email.en.json']);
  assert.equal(await page.locator('[role="group"]').getAttribute('aria-label'), 'Sua resposta', 'the interface stays Portuguese');
  assert.equal(await page.locator('main.player').getAttribute('lang'), 'en', 'the story is marked English');
  assert.deepEqual(page.errors.filter((e) => !/404/.test(e)), []);
  await context.close();
});
