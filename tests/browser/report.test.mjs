// The class report against a real LRS (ralph, tests/browser/lrs.mjs). Twelve learners play two
// stories in the real app (each in a fresh browser context: a new anonymous learner), with known
// replies, and the app sends its statements to the LRS as it does for any deployment. The report,
// opened on that LRS, must show every count, outcome and per-reply number that this test counts
// from the statements read back directly; the same from a file of those statements; a file with
// malformed and foreign statements shows how many were skipped and the same numbers; a wrong
// password says to check the credentials; and the report never writes to the LRS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, newPage, root, audit } from './harness.mjs';
import { startLrs, AUTH } from './lrs.mjs';

const BASE = 'https://rapport.example/xapi/';
const STORIES = ['mr-santino', 'bad-news'];
const paths = Object.fromEntries(STORIES.map((id) => [id, JSON.parse(fs.readFileSync(path.join(root, `tests/transcripts/${id}.paths.json`), 'utf8'))]));
// Six learners a story: two experts, the worst path, two recoveries, one who stops after three.
const CLASS = STORIES.flatMap((story) => [
  paths[story].expert, paths[story].expert, paths[story].worst,
  paths[story].recovery, paths[story].recovery, paths[story].expert.slice(0, 3),
].map((replies) => ({ story, replies })));
const WAIT = 60_000;

let server; let browser; let lrs; let config; const read = {};

/** A new context (a new learner, or the trainer) whose config.json names the LRS. */
async function context() {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  await ctx.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
  return ctx;
}

before(async () => {
  server = await serve();
  lrs = await startLrs(new URL(server.base).origin);
  config = { xapi: { endpoint: lrs.url, auth: AUTH, activity_base: BASE } };
  browser = await launch();
  const expected = Object.fromEntries(STORIES.map((s) => [s, 0]));
  for (const learner of CLASS) {
    const ctx = await context();
    const page = await newPage(ctx);
    await page.goto(`${server.base}#/story/${learner.story}`);
    for (const id of learner.replies) await page.locator(`[data-choice="${id}"]`).click({ timeout: WAIT });
    const ended = learner.replies.length === paths[learner.story].expert.length
      || learner.replies === paths[learner.story].worst || learner.replies === paths[learner.story].recovery;
    if (ended) await page.locator('.debrief').waitFor({ timeout: WAIT });
    // initialized, a statement a reply, completed at an ending: wait until the LRS has them all.
    expected[learner.story] += 1 + learner.replies.length + (ended ? 1 : 0);
    const iri = `${BASE}stories/${learner.story}`;
    for (let i = 0; (await lrs.statements(iri)).length < expected[learner.story]; i++) {
      assert.ok(i < 300, `the LRS did not receive ${learner.story}'s statements`);
      await page.waitForTimeout(200);
    }
    assert.deepEqual(page.errors, []);
    await ctx.close();
  }
  for (const story of STORIES) read[story] = await lrs.statements(`${BASE}stories/${story}`);
});

after(async () => {
  await browser?.close();
  await lrs?.stop();
  await server?.close();
});

/** What a trainer counts by hand from the statements of one story. */
function count(statements) {
  const plays = new Set(); const learners = new Set(); const outcomes = {}; const picks = {};
  for (const s of statements) {
    plays.add(s.context.registration);
    learners.add(JSON.stringify(s.actor.account ?? s.actor.mbox));
    const verb = s.verb.id.split('/').pop();
    if (verb === 'completed') {
      const o = s.result.extensions[`${BASE}ext/outcome`];
      outcomes[o] = (outcomes[o] ?? 0) + 1;
    }
    if (verb === 'answered') {
      const key = `${s.object.id.split('/').pop()} ${s.result.response}`;
      picks[key] = (picks[key] ?? 0) + 1;
    }
  }
  const completions = Object.values(outcomes).reduce((a, b) => a + b, 0);
  return { plays: plays.size, learners: learners.size, completions, outcomes, picks };
}

/** Checks the report on screen against the statements of every story. */
async function checkReport(page) {
  for (const story of STORIES) {
    const want = count(read[story]);
    const section = page.locator(`.report-story[data-story="${story}"]`);
    await section.waitFor({ timeout: WAIT });
    const figure = async (key) => Number(await section.locator(`[data-figure="${key}"] dd`).textContent());
    assert.equal(await figure('learners'), want.learners, `${story}: learners`);
    assert.equal(await figure('plays'), want.plays, `${story}: play-throughs`);
    assert.equal(await figure('completions'), want.completions, `${story}: completions`);
    for (const outcome of ['success', 'partial', 'failure']) {
      const shown = Number(await section.locator(`.report-outcomes li[data-outcome="${outcome}"] strong`).textContent());
      assert.equal(shown, want.outcomes[outcome] ?? 0, `${story}: ${outcome}`);
    }
    // Every reply row of every decision: the picks shown, zeros included.
    const rows = await section.locator('details.decision tr[data-choice]').evaluateAll((trs) => trs.map((tr) => ({
      node: tr.closest('details').dataset.node, choice: tr.dataset.choice, picks: Number(tr.querySelector('.n').textContent),
    })));
    const shown = Object.fromEntries(rows.filter((r) => r.picks > 0).map((r) => [`${r.node} ${r.choice}`, r.picks]));
    assert.deepEqual(shown, want.picks, `${story}: picks per reply`);
  }
}

test('the class played: the LRS holds twelve learners on two stories', () => {
  assert.equal(count(read['mr-santino']).learners + count(read['bad-news']).learners, 12);
});

test('the report read from the LRS shows every count, outcome and per-reply number', async () => {
  const ctx = await context();
  const methods = [];
  ctx.on('request', (r) => { if (r.url().startsWith(lrs.url)) methods.push(r.method()); });
  const page = await newPage(ctx);
  await page.goto(`${server.base}#/report`);
  // The configured endpoint fills the field once config.json has been read.
  await page.waitForFunction((url) => document.querySelector('#report-endpoint')?.value === url, lrs.url, { timeout: WAIT });
  await page.getByRole('button', { name: 'Read from the LRS' }).click();
  await page.locator('main.report[aria-busy="false"] .report-counts').waitFor({ timeout: WAIT });
  await checkReport(page);
  const counts = page.locator('.report-counts');
  assert.equal(await counts.getAttribute('data-skipped'), '0');
  // The top hotspot of the first story is the worst path's opening: the worst learner picked it,
  // and so did both who recovered (their path starts with it).
  const top = page.locator('.report-story[data-story="mr-santino"] .hotspots li').first();
  assert.equal(await top.getAttribute('data-harmful'), '3');
  assert.match(await top.innerText(), /3 of 6 \(50%\)/);
  // Where the one who stopped stands.
  const stopped = page.locator('.report-story[data-story="mr-santino"] .stopped li');
  assert.equal(await stopped.count(), 1);
  assert.equal(await stopped.first().getAttribute('data-count'), '1');
  assert.deepEqual([...new Set(methods)].filter((m) => m !== 'OPTIONS'), ['GET'], 'the report only reads');
  assert.deepEqual(page.errors, []);
  await ctx.close();
});

test('the same report from a file of the statements', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-report-'));
  const file = path.join(dir, 'statements.json');
  fs.writeFileSync(file, JSON.stringify([...read['mr-santino'], ...read['bad-news']]));
  const ctx = await context();
  const page = await newPage(ctx);
  await page.goto(`${server.base}#/report`);
  await page.locator('#report-file:not([disabled])').setInputFiles(file);
  await checkReport(page);
  assert.equal(await page.locator('.report-counts').getAttribute('data-skipped'), '0');
  // The whole report open (every decision), audited for accessibility.
  await page.locator('details.decision').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
  assert.deepEqual(await audit(page), []);
  assert.deepEqual(page.errors, []);
  await ctx.close();
});

test('a file with malformed and foreign statements shows the skipped count and the right numbers', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-report-'));
  const file = path.join(dir, 'mixed.jsonl');
  const good = [...read['mr-santino'], ...read['bad-news']];
  const foreign = { ...good[1], id: undefined, object: { id: 'https://elsewhere.example/course/7' } };
  const otherVerb = { ...good[0], verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' } };
  // JSON lines, as ralph's own store and some exports write them, with four bad ones mixed in.
  const lines = [...good.map((s) => JSON.stringify(s)), '{"actor": {"mbox": "mailto:x@example.com"}}',
    'not json at all', JSON.stringify(foreign), JSON.stringify(otherVerb)];
  fs.writeFileSync(file, lines.join('\n'));
  const ctx = await context();
  const page = await newPage(ctx);
  await page.goto(`${server.base}#/report`);
  await page.locator('#report-file:not([disabled])').setInputFiles(file);
  await checkReport(page);
  const counts = page.locator('.report-counts');
  assert.equal(await counts.getAttribute('data-skipped'), '4');
  assert.match(await counts.innerText(), /4 skipped \(2 malformed, 1 about other activities, 1 of unknown shape\)/);
  assert.deepEqual(page.errors, []);
  await ctx.close();
});

test('a wrong password says to check the credentials, and nothing breaks', async () => {
  const ctx = await context();
  const page = await newPage(ctx);
  await page.goto(`${server.base}#/report`);
  await page.locator('#report-user').fill('rapport-trainer');
  await page.locator('#report-password').fill('wrong');
  await page.getByRole('button', { name: 'Read from the LRS' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: WAIT });
  assert.match(await alert.innerText(), /refused these credentials.*Check the user and password.*HTTP 401/s);
  // An unreachable endpoint says to check the address.
  await page.locator('#report-user').fill('');
  await page.locator('#report-password').fill('');
  await page.locator('#report-endpoint').fill('http://127.0.0.1:9/xAPI/');
  await page.getByRole('button', { name: 'Read from the LRS' }).click();
  await page.getByText('could not be reached').waitFor({ timeout: WAIT });
  assert.match(await page.getByRole('alert').innerText(), /Check the endpoint address/);
  await ctx.close();
});

test('a kiosk and an embedded story never show the report', async () => {
  const ctx = await context();
  const page = await newPage(ctx);
  for (const query of ['?kiosk=1', '?embed=1&story=mr-santino']) {
    await page.goto(`${server.base}${query}#/report`);
    await page.locator('body > .app:not([data-opening])').waitFor({ timeout: WAIT });
    await page.waitForTimeout(300);
    assert.equal(await page.locator('main.report').count(), 0, `${query}: no report`);
  }
  await ctx.close();
});
