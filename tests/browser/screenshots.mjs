// Takes screenshots of every screen at desktop and phone width, light and dark, for a human look.
// Usage: node tests/browser/screenshots.mjs [story-id]   → tests/browser/artifacts/*.png
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, playToEnd, root } from './harness.mjs';

const out = path.join(root, 'tests/browser/artifacts');
fs.mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
const story = process.argv[2];
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
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
