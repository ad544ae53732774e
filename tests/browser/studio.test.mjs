// Studio as a trainer uses it: a story written through the forms only, in two languages, then
// play-tested and downloaded for storycheck; every shipped story opened and downloaded unchanged;
// a reload mid-edit; storage blocked in a sandboxed frame; undo and redo from the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { suite, newPage, audit, meters, root } from './harness.mjs';

const env = suite(before, after);
const STORYCHECK = path.join(root, 'target/tools/storycheck');
const SHIPPED = fs.readdirSync(path.join(root, 'stories')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));

/** The input of the value at a JSON pointer (Studio's field ids are `f` + the pointer). */
const field = (scope, pointer) => scope.locator(`[id="f${pointer}"]`);

async function studio(context) {
  const page = await newPage(context);
  await page.goto(`${env.server.base}studio/index.html#/studio`);
  await page.locator('#new-story').waitFor();
  return page;
}

/** Clicks the download button and returns the file's text. */
async function download(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  const where = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'studio-')), file.suggestedFilename());
  await file.saveAs(where);
  return { where, text: fs.readFileSync(where, 'utf8') };
}

/** Fills both locales of a text. */
async function both(page, pointer, en, es) {
  await field(page, `${pointer}/en`).fill(en);
  await field(page, `${pointer}/es`).fill(es);
}

const node = (page, id) => page.locator(`.node-list button[data-node="${id}"]`).click();

test('a 4-moment, 2-ending story written through the forms in English and Spanish plays, downloads and passes storycheck', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await studio(context);
  await page.locator('#new-story').click();
  await both(page, '/title', 'The late delivery', 'La entrega tardía');
  await both(page, '/summary', 'A client whose order is late calls.', 'Llama una clienta cuyo pedido llega tarde.');

  // The first moment: its line, a reply to a new moment, and a second reply to the ending.
  await node(page, 'start');
  await both(page, '/nodes/0/lines/0/text', 'My order is late again.', 'Mi pedido vuelve a llegar tarde.');
  await page.locator('[id="f/nodes/0/choices/0/next"]').selectOption({ label: '＋ A new moment' });
  await both(page, '/nodes/0/choices/0/text', 'Let me check where it is.', 'Déjeme ver dónde está.');
  await page.getByRole('button', { name: 'Add a reply' }).click();
  await both(page, '/nodes/0/choices/1/text', 'That is not my problem.', 'Ese no es mi problema.');
  await both(page, '/nodes/0/choices/1/feedback/text', 'Dismissive.', 'Despectivo.');
  await page.locator('[id="f/nodes/0/choices/1/feedback/rating"]').selectOption('bad');
  await field(page, '/nodes/0/choices/1/effects/trust').fill('-30');

  // The new moment: renamed, a line, a reply to the ending and one to another new moment.
  await node(page, 'node');
  await field(page, '/nodes/2/id').fill('check');
  await both(page, '/nodes/2/lines/0/text', 'So where is it?', '¿Y dónde está?');
  await page.getByRole('button', { name: 'Add a reply' }).click();
  await both(page, '/nodes/2/choices/0/text', 'It ships today; I will send you the tracking.', 'Sale hoy; le envío el seguimiento.');
  await both(page, '/nodes/2/choices/0/feedback/text', 'A plain answer and a next step.', 'Una respuesta clara y un siguiente paso.');
  await field(page, '/nodes/2/choices/0/effects/trust').fill('10');
  await page.getByRole('button', { name: 'Add a reply' }).click();
  await page.locator('[id="f/nodes/2/choices/1/next"]').selectOption({ label: '＋ A new moment' });
  await both(page, '/nodes/2/choices/1/text', 'No idea.', 'Ni idea.');
  await both(page, '/nodes/2/choices/1/feedback/text', 'No answer at all.', 'Ninguna respuesta.');
  await page.locator('[id="f/nodes/2/choices/1/feedback/rating"]').selectOption('bad');

  // The fourth moment is the second ending, a failure.
  await node(page, 'node');
  await both(page, '/nodes/3/lines/0/text', 'I am cancelling the order.', 'Cancelo el pedido.');
  await page.getByLabel('An ending').check();
  await page.locator('[id="f/nodes/3/ending/outcome"]').selectOption('failure');
  await both(page, '/nodes/3/ending/title', 'The client cancels', 'La clienta cancela');
  await both(page, '/nodes/3/ending/debrief', 'You had no answer.', 'No tenías respuesta.');

  // No errors left: the problems pane says so once the check has run.
  await page.waitForFunction(() => /· 0 errors/.test(document.querySelector('#problems-heading')?.textContent ?? ''));
  assert.equal(await page.locator('.node-list button').count(), 4);
  assert.deepEqual(await audit(page), []);

  // Play-test from the second moment, in Spanish, with trust at 20.
  await page.locator('#pt-node').selectOption('check');
  await page.locator('#pt-locale').selectOption('es');
  await page.locator('#pt-emotion-trust').fill('20');
  await page.locator('#pt-emotion-trust').dispatchEvent('change');
  await page.getByRole('button', { name: 'Play from here' }).click();
  const pane = page.locator('.player.pane');
  await pane.locator('.transcript').waitFor();
  assert.match(await pane.locator('.transcript').innerText(), /¿Y dónde está\?/);
  assert.equal((await meters(page)).Confianza, 20);
  await pane.locator('button.choice', { hasText: 'Sale hoy' }).click();
  await pane.locator('.ending h2').waitFor();
  assert.match(await pane.locator('.ending h2').innerText(), /El cliente se siente escuchado/);
  assert.equal((await meters(page)).Confianza, 30);

  // The download is a story storycheck accepts, in both languages.
  const { where, text } = await download(page);
  assert.equal(path.basename(where), 'my-story.json');
  const story = JSON.parse(text);
  assert.equal(story.nodes.length, 4);
  assert.equal(story.nodes.filter((n) => n.ending).length, 2);
  assert.equal(story.nodes[2].id, 'check');
  assert.equal(story.nodes[0].choices[0].next, 'check', 'the rename followed the link');
  assert.equal(story.title.es, 'La entrega tardía');
  execFileSync(STORYCHECK, [where], { stdio: 'pipe' });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('each shipped story opened in Studio and downloaded unchanged equals its file', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await studio(context);
  for (const id of SHIPPED) {
    await page.locator(`button[data-story="${id}"]`).click();
    await page.locator('#download').waitFor();
    const { where, text } = await download(page);
    assert.equal(path.basename(where), `${id}.json`);
    assert.equal(text, fs.readFileSync(path.join(root, 'stories', `${id}.json`), 'utf8'), id);
    await page.locator('#close-draft').click();
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('renaming an emotion or a flag renames every reply and condition that names it', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await studio(context);
  const id = 'mr-santino';
  const file = JSON.parse(fs.readFileSync(path.join(root, 'stories', `${id}.json`), 'utf8'));
  const [emotion] = file.emotions.map((e) => e.id);
  const [flag] = file.flags;
  assert.ok(emotion && flag, `${id} has an emotion and a flag`);
  await page.locator(`button[data-story="${id}"]`).click();
  await page.getByRole('button', { name: 'Emotions and moods', exact: true }).click();
  await field(page, '/emotions/0/id').fill(`${emotion}-x`);
  await page.getByRole('button', { name: 'Flags and rules', exact: true }).click();
  await field(page, '/flags/0').fill(`${flag}-x`);
  await page.waitForFunction(() => /· 0 errors/.test(document.querySelector('#problems-heading')?.textContent ?? ''));
  const { where, text } = await download(page);
  // Every place the story named them now names the new ids, and nothing else changed.
  const expected = JSON.stringify(file)
    .replaceAll(`"${emotion}"`, `"${emotion}-x"`)
    .replaceAll(`"${flag}"`, `"${flag}-x"`);
  assert.notEqual(expected, JSON.stringify(file));
  assert.equal(JSON.stringify(JSON.parse(text)), expected);
  execFileSync(STORYCHECK, [where], { stdio: 'pipe' });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a reload mid-edit loses nothing: the draft is offered back as it was', async () => {
  const context = await env.browser.newContext();
  const page = await studio(context);
  await page.locator('#new-story').click();
  await field(page, '/title/en').fill('Halfway through');
  await field(page, '/minutes').fill('12');
  await page.reload();
  await page.getByRole('button', { name: 'Continue the draft' }).click();
  assert.equal(await field(page, '/title/en').inputValue(), 'Halfway through');
  assert.equal(await field(page, '/minutes').inputValue(), '12');
  assert.deepEqual(await audit(page), []);
  // Closed, it is offered back under its title as it now is; discarded, it is gone.
  await field(page, '/title/en').fill('Nearly done');
  await page.locator('#close-draft').click();
  assert.match(await page.locator('.saved-draft').innerText(), /Nearly done/);
  await page.getByRole('button', { name: 'Discard it' }).click();
  assert.equal(await page.locator('.saved-draft').count(), 0);
  await context.close();
});

test('undo and redo: buttons, and Ctrl+Z / Shift+Z outside a text field; one step per field', async () => {
  const context = await env.browser.newContext();
  const page = await studio(context);
  await page.locator('#new-story').click();
  const title = field(page, '/title/en');
  await title.press('End');
  await title.pressSequentially('!!!');
  await field(page, '/minutes').fill('9');
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  assert.equal(await field(page, '/minutes').inputValue(), '5');
  await page.keyboard.press('Control+z');
  assert.equal(await title.inputValue(), 'A new conversation', 'three keystrokes, one step');
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await title.inputValue(), 'A new conversation!!!');
  await page.locator('#undo').click();
  assert.equal(await title.inputValue(), 'A new conversation');
  await page.locator('#redo').click();
  assert.equal(await title.inputValue(), 'A new conversation!!!');
  await context.close();
});

test('a problem is a button that shows and focuses its field', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await studio(context);
  await page.locator('#new-story').click();
  await node(page, 'end');
  await field(page, '/nodes/1/lines/0/text/es').fill('');
  await page.getByRole('button', { name: 'Story', exact: true }).click();
  const problem = page.locator('.problem-list .error .problem').first();
  await problem.waitFor();
  await problem.click();
  await page.waitForFunction(() => document.activeElement?.id === 'f/nodes/1/lines/0/text/es');
  await context.close();
});

test('with storage blocked (sandboxed frame) edits stay in memory, a notice says so, and download works', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1300, height: 900 } });
  const page = await newPage(context);
  await page.setContent(`<!doctype html><html lang="en"><title>host</title>
    <iframe sandbox="allow-scripts allow-downloads" title="Rapport Studio" width="1280" height="860" src="${env.server.base}studio/index.html#/studio"></iframe></html>`);
  const frame = page.frameLocator('iframe');
  await frame.locator('.studio-notice .notice').waitFor();
  assert.match(await frame.locator('.studio-notice .notice').innerText(), /does not let Studio save/);
  await frame.locator('#new-story').click();
  await field(frame, '/title/en').fill('Kept in memory');
  await frame.locator('#minutes, [id="f/minutes"]').fill('7');
  assert.equal(await field(frame, '/title/en').inputValue(), 'Kept in memory');
  const [file] = await Promise.all([page.waitForEvent('download'), frame.locator('#download').click()]);
  const where = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'studio-')), 'sandboxed.json');
  await file.saveAs(where);
  assert.equal(JSON.parse(fs.readFileSync(where, 'utf8')).title.en, 'Kept in memory');
  execFileSync(STORYCHECK, [where], { stdio: 'pipe' });
  const uncaught = page.errors.filter((e) => !/localStorage|SecurityError|storage/i.test(e));
  assert.deepEqual(uncaught, []);
  await context.close();
});

test('a shipped story\'s busiest moment fits the window: nothing scrolls sideways at 1440 or 390 px', async () => {
  for (const width of [1440, 390]) {
    const context = await env.browser.newContext({ viewport: { width, height: 900 } });
    const page = await studio(context);
    await page.locator('button[data-story="bad-news"]').click();
    await page.locator('#undo').waitFor();
    // A moment with replies, effects and the folded flag changes (a hidden legend once stretched
    // the page to 1,526 px).
    await page.locator('.node-list button').nth(3).click();
    await page.locator('.flag-changes').first().waitFor();
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(sideways <= 0, `${width} px: the page is ${sideways} px wider than the window`);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});
