// What happens reaches every consumer once, in order: the host page's messages and the xAPI
// statements both read the reducer's events. "Replay from this decision" makes several replies in
// one render (the kept ones, reported as a new play-through); a reply taken back and answered
// differently is two replies, each reported once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { suite, newPage, root } from './harness.mjs';

const STORY = 'mr-santino';
const EXPERT = JSON.parse(fs.readFileSync(path.join(root, `tests/transcripts/${STORY}.paths.json`), 'utf8')).expert;
const LRS = 'https://lrs.invalid/xapi/';

const env = suite(before, after, { wiki: true });

/** Routes `config.json` to a configuration naming a fake LRS (after `held`, when given: a slow
 * host) and that LRS's statements resource to a list, which is returned as statements arrive. */
async function withLrs(context, held = Promise.resolve()) {
  const statements = [];
  await context.route('**/config.json', async (route) => {
    await held;
    await route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ xapi: { endpoint: LRS, auth: 'Basic dGVzdDp0ZXN0', activity_base: 'https://rapport.example/xapi/' } }),
    });
  });
  await context.route(`${LRS}statements**`, (route) => {
    const body = JSON.parse(route.request().postData() || '[]');
    const list = Array.isArray(body) ? body : [body];
    statements.push(...list);
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(list.map((s) => s.id)) });
  });
  return statements;
}

/** The wiki page framing the app, with an LRS configured; statements the LRS receives and the
 * host's messages are returned as they arrive. */
async function embedded() {
  // No service worker: its requests would pass the routes below by.
  const { server: app, wiki, browser } = env;
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const statements = await withLrs(context);
  const page = await newPage(context);
  const src = `${app.base}?embed=1&story=${STORY}&origin=${encodeURIComponent(new URL(wiki.base).origin)}`;
  await page.goto(`${wiki.base}embed.html?app=${encodeURIComponent(src)}`);
  const frame = page.frameLocator('#rapport');
  await frame.locator('[role="group"] button.choice').first().waitFor();
  const messages = async () => (await page.locator('#log').innerText()).trim().split('\n').filter(Boolean)
    .map((l) => JSON.parse(l));
  return { context, page, frame, statements, messages };
}

const replies = (statements) => statements
  .filter((s) => s.verb.id.endsWith('/answered') || s.verb.id.endsWith('/initialized') || s.verb.id.endsWith('/completed'))
  .map((s) => (s.verb.id.endsWith('/answered') ? `answered ${s.result.response}` : s.verb.id.split('/').pop()));
const choiceMessages = (messages) => messages.filter((m) => m.type === 'choice').map((m) => `${m.turn} ${m.choice}`);
/** What a host that follows the play-through hears: starts, replies and replies taken back. */
const flow = (messages) => messages.filter((m) => ['started', 'choice', 'took_back'].includes(m.type))
  .map((m) => (m.type === 'started' ? `started ${m.how}` : m.type === 'took_back' ? `took back ${m.turn}` : `${m.turn} ${m.choice}`));

/** Waits until `get()` returns a list of at least `n` items, and returns it. */
async function atLeast(page, n, get) {
  for (let i = 0; i < 100; i++) {
    const list = await get();
    if (list.length >= n) return list;
    await page.waitForTimeout(100);
  }
  return get();
}

test('a reply taken back and answered differently reaches the host and the LRS once each, in order', async () => {
  const { context, page, frame, statements, messages } = await embedded();
  const first = frame.locator('[role="group"] button.choice');
  const ids = await first.evaluateAll((buttons) => buttons.filter((b) => !b.disabled).map((b) => b.dataset.choice));
  assert.ok(ids.length >= 2, 'two replies to choose from');
  const [a, b] = ids.filter((id) => id !== EXPERT[0]).concat(EXPERT[0]).slice(0, 2);
  await frame.locator(`[data-choice="${a}"]`).click();
  await frame.getByRole('button', { name: /Take back my last reply/ }).click();
  await frame.locator(`[data-choice="${b}"]`).click();
  assert.deepEqual(choiceMessages(await atLeast(page, 2, async () => (await messages()).filter((m) => m.type === 'choice'))), [`1 ${a}`, `1 ${b}`]);
  assert.deepEqual(replies(await atLeast(page, 3, () => statements)), ['initialized', `answered ${a}`, `answered ${b}`]);
  assert.deepEqual(flow(await messages()), ['started opened', `1 ${a}`, 'took back 1', `1 ${b}`]);
  await context.close();
});

test('replaying from a decision reports every kept reply, made in one render', async () => {
  const { context, page, frame, statements, messages } = await embedded();
  for (const id of EXPERT) await frame.locator(`[data-choice="${id}"]`).click();
  await frame.locator('.debrief').waitFor();
  const played = EXPERT.length;
  await atLeast(page, 1, async () => (await messages()).filter((m) => m.type === 'completed'));
  // "Replay from this decision" on the third reply keeps the first two.
  await frame.getByRole('button', { name: 'Replay from this decision' }).nth(2).click();
  await frame.locator('[role="group"] button.choice').first().waitFor();
  const expectedMessages = [...EXPERT.map((id, i) => `${i + 1} ${id}`), `1 ${EXPERT[0]}`, `2 ${EXPERT[1]}`];
  assert.deepEqual(choiceMessages(await atLeast(page, played + 2, async () => (await messages()).filter((m) => m.type === 'choice'))), expectedMessages);
  // The host hears that a new play-through began before the kept replies.
  assert.deepEqual(flow(await messages()), ['started opened', ...EXPERT.map((id, i) => `${i + 1} ${id}`),
    'started replayed', `1 ${EXPERT[0]}`, `2 ${EXPERT[1]}`]);
  const expectedStatements = ['initialized', ...EXPERT.map((id) => `answered ${id}`), 'completed',
    'initialized', `answered ${EXPERT[0]}`, `answered ${EXPERT[1]}`];
  const got = replies(await atLeast(page, expectedStatements.length, () => statements));
  assert.deepEqual(got, expectedStatements);
  // The replayed play-through is a new registration; its replies belong to it.
  const regs = statements.map((s) => s.context.registration);
  assert.notEqual(regs[0], regs.at(-1));
  assert.equal(regs.at(-1), regs.at(-3));
  await context.close();
});

test('replies made while the LRS configuration loads are sent with the time they were made', async () => {
  // The configuration comes late (a slow host): the statements wait for it, but each keeps the
  // moment its event happened, so the class report's times per reply stay true.
  const { server: app, browser } = env;
  const context = await browser.newContext({ serviceWorkers: 'block' });
  let release;
  const statements = await withLrs(context, new Promise((ok) => { release = ok; }));
  const page = await newPage(context);
  await page.goto(`${app.base}#/story/${STORY}`);
  const opened = Date.now();
  await page.locator(`[data-choice="${EXPERT[0]}"]`).click();
  await page.locator(`[data-choice="${EXPERT[1]}"]`).click();
  const answered = Date.now();
  await page.waitForTimeout(1500);
  const released = Date.now();
  release();
  const sent = await atLeast(page, 3, () => statements);
  assert.deepEqual(replies(sent), ['initialized', `answered ${EXPERT[0]}`, `answered ${EXPERT[1]}`]);
  for (const s of sent) {
    const at = Date.parse(s.timestamp);
    assert.ok(at >= opened - 1000 && at <= answered + 100,
      `${s.verb.id} stamped ${s.timestamp}: the replies were made by ${new Date(answered).toISOString()}, the configuration came at ${new Date(released).toISOString()}`);
  }
  await context.close();
});
