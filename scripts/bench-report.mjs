// `make bench`'s class-report row: statements aggregated per second in Chromium, CPU 1x (no
// throttling). A class of learners plays the real app (tests/browser/class.mjs: its statements
// are the app's own), their play-throughs are copied as new learners up to STATEMENTS, and the
// file is read by the report page (#/report); the page times its own reading and summing up
// (`data-aggregate-ms`: parsing every statement, the tally, replaying each play-through through
// the engine, the summary), not the file picker.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, dist } from '../tests/browser/harness.mjs';
import { playClass, multiply, random, BASE } from '../tests/browser/class.mjs';

/** Measures `runs` readings of a `statements`-statement file; returns the figures. */
export async function measureReport({ statements = 100_000, runs = 3 } = {}) {
  const server = await serve(dist);
  const browser = await launch();
  try {
    const next = random(7);
    const sample = await playClass(browser, server.base, ['mr-santino', 'bad-news', 'the-email'].flatMap((story) =>
      Array.from({ length: 4 }, () => ({ story, pick: () => (next() < 0.5 ? 0 : Math.floor(next() * 4)) }))));
    const all = multiply(sample, statements);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-report-'));
    const file = path.join(dir, 'statements.json');
    fs.writeFileSync(file, JSON.stringify(all));
    const bytes = fs.statSync(file).size;
    const times = [];
    let counts;
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${server.base}#/report`);
      await page.locator('#report-base').fill(BASE);
      await page.locator('#report-file:not([disabled])').setInputFiles(file);
      const note = page.locator('.report-counts[data-aggregate-ms]:not([data-aggregate-ms=""])');
      await note.waitFor({ timeout: 120_000 });
      times.push(Number(await note.getAttribute('data-aggregate-ms')));
      counts = { read: Number(await note.getAttribute('data-read')), used: Number(await note.getAttribute('data-used')) };
      await context.close();
    }
    fs.rmSync(dir, { recursive: true, force: true });
    return { statements, bytes, times, counts, plays: new Set(all.map((s) => s.context.registration)).size };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureReport({ statements: Number(process.argv[2] || 100_000) })));
}
