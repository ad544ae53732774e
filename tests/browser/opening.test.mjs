// The prerendered opening: a first visit to a story sees its first screen while the wasm
// compiles, the app takes over the very same screen, and nothing picked in between is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, newPage, audit } from './harness.mjs';

const env = suite(before, after);
const STORY = 'the-email';
const LIVE = 'body > .app:not([data-opening]) [role="group"] button.choice';

/** A page whose wasm arrives `delay` ms late, recording whether an opening was ever shown. */
async function slowStart(context, delay = 2000) {
  const page = await newPage(context);
  await page.addInitScript(() => {
    window.__openingSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-opening]')) window.__openingSeen = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.route('**/*.wasm', async (route) => {
    await new Promise((done) => setTimeout(done, delay));
    await route.continue();
  });
  return page;
}

const markup = (page, selector) => page.$eval(selector, (el) => {
  const copy = el.cloneNode(true);
  copy.removeAttribute('data-opening');
  return copy.outerHTML;
});

const CASES = [
  ['en-GB', 'en', 'Your reply', `#/story/${STORY}`],
  ['es-ES', 'es', 'Tu respuesta', `#/story/${STORY}`],
  ['en-GB', 'en', 'Your reply', `?embed=1&story=${STORY}`],
];
for (const [locale, lang, label, url] of CASES) {
  test(`a first visit (${locale}, ${url}) shows the opening at once, and the app takes over the same screen`, async () => {
    const context = await env.browser.newContext({ locale });
    const page = await slowStart(context);
    await page.goto(`${env.server.base}${url}`);
    await page.locator('[data-opening] [role="group"] button.choice').first().waitFor();
    assert.equal(await page.locator(LIVE).count(), 0, 'the app is not running yet');
    assert.equal(await page.locator('[data-opening] [role="group"]').getAttribute('aria-label'), label);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.deepEqual(await audit(page), [], 'axe: the opening');
    const opening = await markup(page, '[data-opening]');
    await page.locator(LIVE).first().waitFor();
    assert.equal(await page.locator('[data-opening]').count(), 0, 'the opening is gone');
    assert.equal(await markup(page, 'body > .app'), opening, 'the app drew exactly the opening');
    assert.equal(await page.locator('header.site').count(), url.includes('embed') ? 0 : 1);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

const byClick = (page, n) => page.locator('[data-opening] button.choice').nth(n).click();
const byDigit = (page, n) => page.keyboard.press(String(n + 1));
for (const [how, pick] of [['clicked', byClick], ['keyed as a digit', byDigit]]) {
  test(`a reply ${how} on the opening is played once the app runs, once`, async () => {
    const context = await env.browser.newContext();
    const page = await slowStart(context);
    await page.goto(`${env.server.base}#/story/${STORY}`);
    const reply = page.locator('[data-opening] button.choice').nth(1);
    const text = await reply.locator('span').textContent();
    await pick(page, 1);
    assert.equal(await reply.getAttribute('data-pending'), '', 'the reply shows it was taken');
    // A second pick before the app runs is not a second reply.
    await pick(page, 2);
    await page.locator('.bubble.you').first().waitFor();
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('rapport:v1:progress') || '{}')
      .sessions?.['the-email']?.history?.length === 1);
    await page.waitForTimeout(300);
    assert.deepEqual(await page.locator('.bubble.you p').allTextContents(), [text]);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('a language picked on the opening is applied by the app', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await slowStart(context);
  await page.goto(`${env.server.base}#/story/${STORY}`);
  await page.locator('[data-opening] header select').selectOption('pt');
  await page.locator(LIVE).first().waitFor();
  await page.waitForFunction(() => document.documentElement.lang === 'pt');
  assert.equal(await page.locator('[role="group"]').getAttribute('aria-label'), 'Sua resposta');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('no opening where the app starts on something else: a story under way, a kiosk', async () => {
  const context = await env.browser.newContext();
  const page = await newPage(context);
  await page.goto(`${env.server.base}#/story/${STORY}`);
  await page.locator(LIVE).first().click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('rapport:v1:progress') || '{}')
    .sessions?.['the-email']?.history?.length === 1);
  const resumed = await slowStart(context, 800);
  await resumed.goto(`${env.server.base}#/story/${STORY}`);
  await resumed.locator('.bubble.you').first().waitFor();
  assert.equal(await resumed.evaluate(() => window.__openingSeen), false, 'no opening for a story under way');
  assert.deepEqual(resumed.errors, []);
  await context.close();
  for (const url of [`?kiosk=1#/story/${STORY}`]) {
    const fresh = await env.browser.newContext();
    const slow = await slowStart(fresh, 800);
    await slow.goto(`${env.server.base}${url}`);
    await slow.locator(LIVE).first().waitFor();
    assert.equal(await slow.evaluate(() => window.__openingSeen), false, `no opening for ${url}`);
    assert.deepEqual(slow.errors, []);
    await fresh.close();
  }
});

test('without an app (the wasm fails), the opening does not stay with replies that answer nothing', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await newPage(context);
  await page.route('**/*.wasm', async (route) => {
    await new Promise((done) => setTimeout(done, 800));
    await route.fulfill({ status: 404, body: 'gone' });
  });
  await page.goto(`${env.server.base}#/story/${STORY}`);
  await page.locator('[data-opening] button.choice').first().waitFor();
  await page.locator('[data-opening]').waitFor({ state: 'detached' });
  assert.equal(await page.locator('button.choice').count(), 0);
  await context.close();
});

test('keyboard focus on a reply of the opening stays on that reply in the app', async () => {
  const context = await env.browser.newContext();
  const page = await slowStart(context);
  await page.goto(`${env.server.base}#/story/${STORY}`);
  await page.locator('[data-opening] button.choice').nth(1).focus();
  const id = await page.locator('[data-opening] button.choice').nth(1).getAttribute('data-choice');
  await page.locator(LIVE).first().waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('body > .app:not([data-opening])'));
  assert.equal(await page.evaluate(() => document.activeElement.dataset.choice), id);
  assert.equal(await page.locator('.bubble.you').count(), 0, 'focus alone answers nothing');
  await context.close();
});

test('a greyed-out reply cannot be picked on the opening, as in the app', async () => {
  const context = await env.browser.newContext();
  const page = await slowStart(context);
  // This story's first replies are all available: grey out the second one of its opening.
  await page.route('**/openings/*.html', async (route) => {
    const body = (await (await route.fetch()).text()).replace('data-choice="walk_over"', 'data-choice="walk_over" disabled');
    await route.fulfill({ status: 200, contentType: 'text/html', body });
  });
  await page.goto(`${env.server.base}#/story/${STORY}`);
  await page.locator('[data-opening] button.choice').first().waitFor();
  await page.keyboard.press('2');
  assert.equal(await page.locator('[data-opening] [data-pending]').count(), 0, 'nothing held');
  const first = await page.locator('[data-opening] button.choice').first().locator('span').textContent();
  await page.keyboard.press('1');
  await page.locator('.bubble.you').first().waitFor();
  assert.deepEqual(await page.locator('.bubble.you p').allTextContents(), [first]);
  await context.close();
});

test('"skip to content" moves focus and stays on the story, on the opening and in the app', async () => {
  const context = await env.browser.newContext();
  const page = await slowStart(context);
  await page.goto(`${env.server.base}#/story/${STORY}`);
  // A keyboard user's path: the link shows when focused.
  await page.locator('[data-opening] a.skip').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => location.hash), `#/story/${STORY}`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.locator(LIVE).first().waitFor();
  await page.locator('a.skip').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => location.hash), `#/story/${STORY}`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.equal(await page.locator('[role="group"] button.choice').count(), 4, 'still the conversation');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('embedded in a sandboxed frame (no storage), the opening shows and hands over', async () => {
  const context = await env.browser.newContext();
  const page = await slowStart(context);
  await page.goto(env.server.base + `openings/${STORY}.en.html`); // a page of the site's origin, for the host
  await page.setContent(`<!doctype html><html lang="en"><title>wiki</title>
    <iframe sandbox="allow-scripts" title="Rapport" width="1000" height="800" src="${env.server.base}?embed=1&story=${STORY}"></iframe></html>`);
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-opening] button.choice').nth(1).click();
  await frame.locator('.bubble.you').first().waitFor();
  assert.equal(await frame.locator('.bubble.you').count(), 1);
  assert.equal(await frame.locator('[data-opening]').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});
