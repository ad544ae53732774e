// Takes screenshots of every screen at desktop and phone width, light and dark, for a human look.
// Usage: node tests/browser/screenshots.mjs [story-id]   → tests/browser/artifacts/*.png
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, playToEnd, root } from './harness.mjs';
import { playClass, random, BASE } from './class.mjs';

const out = path.join(root, 'tests/browser/artifacts');
fs.mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
const story = process.argv[2];
// The class report: 16 learners on one story, each reply picked at random but leaning towards
// the first offered (so the class shares some mistakes), some stopping part way.
const next = random(21);
const reportStory = story || 'mr-santino';
const classStatements = await playClass(browser, server.base, Array.from({ length: 16 }, (_, i) => ({
  story: reportStory,
  pick: (ids, turn) => (i % 5 === 4 && turn === 3 ? -1 : next() < 0.45 ? 0 : Math.floor(next() * ids.length)),
})));
const classFile = path.join(out, 'class-statements.json');
fs.writeFileSync(classFile, JSON.stringify(classStatements));
const sizes = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };
for (const scheme of ['light', 'dark']) {
  for (const [name, viewport] of Object.entries(sizes)) {
    const context = await browser.newContext({ viewport, colorScheme: scheme, reducedMotion: 'reduce', deviceScaleFactor: 1 });
    const page = await context.newPage();
    const shot = (what, full = false) => page.screenshot({ path: path.join(out, `${what}-${name}-${scheme}.png`), fullPage: full });
    await page.goto(server.base);
    await page.locator('.card h2 a').first().waitFor();
    await shot('library', true);
    if (story) await page.goto(`${server.base}#/story/${story}`);
    else await page.locator('.card h2 a').first().click();
    await page.locator('[role="group"] button.choice').first().waitFor();
    await page.locator('[role="group"] button.choice:not([disabled])').nth(1).click();
    await page.locator('[role="group"] button.choice:not([disabled])').first().click();
    await page.waitForTimeout(100);
    await shot('conversation');
    await playToEnd(page, 0);
    await page.waitForTimeout(100);
    await shot('ending', true);
    await page.goto(`${server.base}studio/index.html#/report`);
    await page.locator('#report-base').fill(BASE);
    await page.locator('#report-file:not([disabled])').setInputFiles(classFile);
    await page.locator('.report-story').first().waitFor();
    await page.waitForTimeout(100);
    await shot('report', true);

    // Studio: every screen of it, on the shipped story given (or the first) and the template.
    await page.goto(`${server.base}studio/index.html#/studio`);
    await page.locator('button[data-story]').first().waitFor();
    await shot('studio-open', true);
    await page.locator('#new-story').click();
    await page.locator('#undo').waitFor();
    await page.waitForTimeout(500);
    await shot('studio-story', true);
    for (const [tab, name] of [['Client', 'client'], ['Emotions and moods', 'feelings'], ['Flags and rules', 'logic'], ['Languages', 'languages']]) {
      await page.getByRole('button', { name: tab, exact: true }).click();
      await page.waitForTimeout(100);
      await shot(`studio-${name}`, true);
    }
    await page.locator('.node-list button[data-node="start"]').click();
    await shot('studio-moment', true);
    await page.locator('.node-list button[data-node="end"]').click();
    await shot('studio-ending', true);
    await page.getByRole('button', { name: 'Play from here' }).click();
    await page.locator('.player.pane .ending').waitFor();
    await page.locator('.playtest').scrollIntoViewIfNeeded();
    await shot('studio-playtest');
    await page.locator('#close-draft').click();
    await page.locator(story ? `button[data-story="${story}"]` : 'button[data-story]').first().click();
    await page.locator('#undo').waitFor();
    await page.locator('.node-list button').nth(3).click();
    await page.waitForTimeout(800);
    await shot('studio-shipped', true);
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
