// The player as a learner uses it: progress across reloads, hostile storage, languages, keyboard,
// loading their own story, the debrief chart, and story text that must never run as markup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { suite, newPage, audit, meters, playToEnd, root } from './harness.mjs';

const env = suite(before, after);
const STORY = 'mr-santino';
const EXPERT = JSON.parse(fs.readFileSync(path.join(root, `tests/transcripts/${STORY}.paths.json`), 'utf8')).expert;


async function open(context, hash = `#/story/${STORY}`, query = '') {
  const page = await newPage(context);
  await page.goto(`${env.server.base}${query}${hash}`);
  return page;
}

const transcriptText = (page) => page.locator('.transcript').innerText();

test('a reload resumes exactly where the learner was', async () => {
  const context = await env.browser.newContext();
  const page = await open(context);
  await page.locator(`[data-choice="${EXPERT[0]}"]`).click();
  await page.locator('.bubble.you').first().waitFor();
  await page.locator(`[data-choice="${EXPERT[1]}"]`).click();
  await page.waitForFunction(() => document.querySelectorAll('.bubble.you').length === 2);
  const before = { text: await transcriptText(page), meters: await meters(page) };
  await page.reload();
  await page.locator('.bubble.you').nth(1).waitFor();
  assert.equal(await transcriptText(page), before.text);
  assert.deepEqual(await meters(page), before.meters);
  await page.goto(env.server.base);
  await page.locator('.status.in-progress').first().waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a reply adds its lines below and leaves the earlier ones untouched', async () => {
  // Rewriting earlier bubbles would repaint the whole conversation on every reply (a frame lost)
  // and can make a screen reader read it again.
  const context = await env.browser.newContext();
  const page = await open(context, '#/story/the-email');
  const steps = JSON.parse(fs.readFileSync(path.join(root, 'tests/transcripts/the-email.paths.json'), 'utf8')).expert;
  await page.locator(`[data-choice="${steps[0]}"]`).click();
  await page.locator(`[data-choice="${steps[1]}"]`).click();
  await page.waitForFunction(() => document.querySelectorAll('.bubble.you').length === 2);
  await page.evaluate(() => {
    window.__earlier = [...document.querySelectorAll('.transcript > li.bubble')];
    window.__changed = [];
    new MutationObserver((records) => {
      for (const r of records) {
        const li = (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest('li.bubble');
        if (li && window.__earlier.includes(li)) window.__changed.push(r.type);
        for (const n of r.removedNodes) if (window.__earlier.includes(n)) window.__changed.push('removed');
      }
    }).observe(document.querySelector('.transcript'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.locator(`[data-choice="${steps[2]}"]`).click();
  await page.waitForFunction(() => document.querySelectorAll('.bubble.you').length === 3);
  const result = await page.evaluate(() => ({
    changed: window.__changed,
    kept: window.__earlier.every((li, i) => document.querySelectorAll('.transcript > li.bubble')[i] === li),
    more: document.querySelectorAll('.transcript > li.bubble').length - window.__earlier.length,
  }));
  assert.deepEqual(result.changed, [], 'no earlier bubble was rewritten, moved or removed');
  assert.ok(result.kept, 'the earlier bubbles are the same elements, in the same order');
  assert.ok(result.more >= 2, 'the reply and the answer were added');
  // Taking the reply back removes only what it added.
  await page.locator('.player-actions button.secondary').click();
  await page.waitForFunction(() => document.querySelectorAll('.bubble.you').length === 2);
  assert.ok(await page.evaluate(() => window.__earlier.every((li) => li.isConnected)));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a reply is saved even where no frame is painted after it', async () => {
  // Progress is written after the reply's paint. A page that paints no frame (hidden at once, a
  // background tab, some embedded web views) must still save: when hidden, and within 200 ms.
  const context = await env.browser.newContext();
  const page = await open(context);
  await page.locator(`[data-choice="${EXPERT[0]}"]`).waitFor();
  const saved = await page.evaluate(async ([first, second]) => {
    const progress = () => localStorage.getItem('rapport:v1:progress') || '';
    const wait = (ms) => new Promise((done) => setTimeout(done, ms));
    // Frames first, so no save is still waiting for one; then none comes.
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
    window.requestAnimationFrame = () => 0;
    document.querySelector(`[data-choice="${first}"]`).click();
    await wait(50); // the reply is rendered
    const before = progress();
    document.dispatchEvent(new Event('visibilitychange'));
    const hidden = progress();
    document.querySelector(`[data-choice="${second}"]`).click();
    await wait(500);
    return { before, hidden, later: progress() };
  }, [EXPERT[0], EXPERT[1]]);
  assert.ok(!saved.before.includes(EXPERT[0]), 'not written before a paint');
  assert.ok(saved.hidden.includes(EXPERT[0]), 'written when the page was hidden');
  assert.ok(saved.later.includes(EXPERT[1]), 'written within 200 ms with no frame and no hiding');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('corrupted saved progress is set aside with a notice, and the app still plays', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('rapport:v1:progress', '{"sessions": {"mr-santino": 42}, garbage');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const page = await open(context);
  await page.locator('.notice').first().waitFor();
  assert.match(await page.locator('.notice').first().innerText(), /set aside/);
  const kept = await page.evaluate(() => localStorage.getItem('rapport:v1:progress:set-aside'));
  assert.match(kept, /garbage/, 'the unreadable data is kept, not destroyed');
  await page.locator('[role="group"] button.choice:not([disabled])').first().click();
  await page.locator('.bubble.you').first().waitFor();
  await context.close();
});

test('a saved session from another version of the story is set aside, not replayed', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('rapport:v1:progress', JSON.stringify({
        sessions: { 'mr-santino': { story: 'mr-santino', node: 'gone', emotions: {}, flags: [], fired: [], history: [] } },
      }));
      sessionStorage.setItem('seeded', '1');
    }
  });
  const page = await open(context);
  await page.locator('.notice').first().waitFor();
  assert.match(await page.locator('.notice').first().innerText(), /changed/);
  await page.locator('[role="group"] button.choice').first().waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('in a sandboxed iframe with storage blocked, the story plays in memory and says so', async () => {
  const context = await env.browser.newContext();
  const page = await newPage(context);
  await page.setContent(`<!doctype html><html lang="en"><title>host</title>
    <iframe sandbox="allow-scripts" title="Rapport" width="1000" height="800" src="${env.server.base}#/story/${STORY}"></iframe></html>`);
  const frame = page.frameLocator('iframe');
  await frame.locator('.notice').first().waitFor();
  assert.match(await frame.locator('.notice').first().innerText(), /only until you close this tab/);
  await frame.locator('[role="group"] button.choice:not([disabled])').first().click();
  await frame.locator('.bubble.you').first().waitFor();
  const uncaught = page.errors.filter((e) => !/localStorage|SecurityError|storage/i.test(e));
  assert.deepEqual(uncaught, []);
  await context.close();
});

test('the language follows ?lang=, switches on every screen and is remembered', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await open(context, '#/', '?lang=pt');
  await page.locator('h1').waitFor();
  assert.equal(await page.locator('h1').innerText(), 'Conversas');
  assert.equal(await page.getAttribute('html', 'lang'), 'pt-BR', 'Brazilian Portuguese, for screen readers');
  await page.selectOption('header select', 'es');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Conversaciones');
  await page.goto(`${env.server.base}#/story/${STORY}`);
  await page.locator('[role="group"]').waitFor();
  assert.equal(await page.locator('[role="group"]').getAttribute('aria-label'), 'Tu respuesta');
  assert.match(await transcriptText(page), /Sr\. Santino|usted/i);
  await context.close();
});

test('a held key answers once: Enter on a reply or a digit does not repeat through the story', async () => {
  const context = await env.browser.newContext();
  const page = await open(context);
  const answered = () => page.locator('.bubble.you').count();
  const reply = page.locator('[role="group"] button.choice:not([disabled])').first();
  await reply.focus();
  await page.keyboard.down('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.bubble.you').length === 1);
  await page.waitForTimeout(300); // focus is on the next replies by now
  for (let i = 0; i < 3; i++) await page.keyboard.down('Enter'); // the key is still held: repeats
  await page.waitForTimeout(300);
  assert.equal(await answered(), 1, 'a held Enter answered once');
  await page.keyboard.up('Enter');
  await page.keyboard.down('1');
  await page.waitForFunction(() => document.querySelectorAll('.bubble.you').length === 2);
  for (let i = 0; i < 3; i++) await page.keyboard.down('1');
  await page.waitForTimeout(300);
  assert.equal(await answered(), 2, 'a held digit answered once');
  await page.keyboard.up('1');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('keyboard only: digits pick replies, focus follows, and the story ends', async () => {
  const context = await env.browser.newContext();
  const page = await open(context);
  await page.locator('[role="group"] button.choice').first().waitFor();
  for (let turn = 0; turn < 60; turn++) {
    if (await page.locator('.ending h2').count()) break;
    const n = await page.locator('[role="group"] button.choice').count();
    const enabled = await page.locator('[role="group"] button.choice').evaluateAll(
      (bs) => bs.map((b, i) => (b.disabled ? -1 : i)).filter((i) => i >= 0));
    const before = await page.locator('.bubble').count();
    await page.keyboard.press(String(enabled[0] + 1));
    await page.waitForFunction((b) => document.querySelectorAll('.bubble').length > b, before);
    assert.ok(n > 0);
    // Focus moves in an effect after the new replies render: wait for it (or the ending), then
    // check which came.
    await page.waitForFunction(() => document.activeElement?.classList.contains('choice')
      || document.querySelector('.ending h2'), null, { timeout: 3000 }).catch(() => {});
    if (!(await page.locator('.ending h2').count())) {
      const focused = await page.evaluate(() => document.activeElement?.classList.contains('choice'));
      assert.ok(focused, 'focus moved to the new replies');
    }
  }
  await page.locator('.ending h2').waitFor();
  await context.close();
});

test('the debrief chart has one point per turn and shows the reply behind it', async () => {
  const context = await env.browser.newContext();
  const page = await open(context);
  const turns = await playToEnd(page, 1);
  await page.locator('.chart-svg').waitFor();
  const points = await page.locator('.point[data-emotion="respect"]').count();
  assert.equal(points, turns + 1, 'the start plus one point per reply');
  await page.locator('.hit rect').nth(1).focus();
  await page.locator('.chart-detail q').waitFor();
  assert.match(await page.locator('.chart-detail').innerText(), /\S/);
  assert.ok(await page.locator('.path li').count() === turns);
  // The story map shows the learner's path: every node they passed, every step they took.
  // Progress is written after the paint; wait for the save of the last reply.
  await page.waitForFunction(([story, n]) => {
    const saved = JSON.parse(localStorage.getItem('rapport:v1:progress') || '{}');
    return saved.sessions?.[story]?.history?.length === n;
  }, [STORY, turns], { timeout: 2000 });
  const progress = JSON.parse(await page.evaluate(() => localStorage.getItem('rapport:v1:progress')));
  const session = progress.sessions[STORY];
  const nodes = new Set([...session.history.map((t) => t.node), session.node]);
  assert.equal(await page.locator('.story-map .map-node.visited').count(), nodes.size);
  const walked = await page.locator('.story-map .edge.walked').count();
  assert.ok(walked >= 1 && walked <= turns, `${walked} walked edges for ${turns} replies`);
  assert.deepEqual(await audit(page), []);
  // Replay from the first decision goes back to the start with the first reply undone.
  await page.locator('.path li button').first().click();
  await page.locator('[role="group"]').waitFor();
  assert.equal(await page.locator('.bubble.you').count(), 0);
  await context.close();
});

test('loading your own story: a broken file lists its problems, a valid one plays', async () => {
  const context = await env.browser.newContext();
  const page = await open(context, '#/upload');
  const input = page.locator('input[type="file"]');
  await input.setInputFiles(path.join(root, 'tests/fixtures/broken/many-problems.json'));
  await page.locator('.problems li').first().waitFor();
  const problems = await page.locator('.problems li').allInnerTexts();
  assert.equal(problems.length, 4);
  assert.ok(problems.some((p) => p.includes('many-problems.json:184:19 /nodes/0/choices/1/next')), problems.join('\n'));
  assert.deepEqual(await audit(page), []);
  await input.setInputFiles(path.join(root, 'tests/fixtures/mini.json'));
  await page.locator('[role="group"] button.choice').first().waitFor();
  assert.match(page.url(), /#\/story\/own-mini$/);
  assert.match(await transcriptText(page), /weekly report never came/);
  await context.close();
});

test('an oversized upload is refused with a message', async () => {
  const context = await env.browser.newContext();
  const page = await open(context, '#/upload');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(6 * 1024 * 1024, 32),
  });
  await page.locator('.upload-result .error').waitFor();
  assert.match(await page.locator('.upload-result').innerText(), /larger than 5 MB/);
  await context.close();
});

test('story text with HTML or script payloads is shown literally, never run', async () => {
  const context = await env.browser.newContext();
  const page = await open(context, '#/upload');
  const evil = fs.readFileSync(path.join(root, 'tests/fixtures/mini.json'), 'utf8')
    .replace('The weekly report never came. What happened?', "<script>window.pwned=1</script><img src=x onerror='window.pwned=2'>");
  await page.locator('#paste').fill(evil);
  await page.locator('form.paste button').click();
  await page.locator('.bubble.client').first().waitFor();
  assert.match(await transcriptText(page), /<script>window\.pwned=1<\/script><img src=x/);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator('.transcript img').count(), 0);
  await context.close();
});

test('pasted JSON is checked as it is typed, with problems and the story map side by side', async () => {
  const context = await env.browser.newContext();
  const page = await open(context, '#/upload');
  const broken = fs.readFileSync(path.join(root, 'tests/fixtures/broken/dangling-next.json'), 'utf8');
  await page.locator('#paste').fill(broken);
  await page.locator('.live .problems li').first().waitFor();
  assert.match(await page.locator('.live .problems').innerText(), /pasted\.json:184:19 \/nodes\/0\/choices\/1\/next/);
  assert.equal(await page.locator('.live .story-map .map-node').count(), 5, 'the map is drawn despite the problem');
  await page.locator('#paste').fill(broken.replace('"nowhere"', '"plan"'));
  await page.locator('.live .ok-note').waitFor();
  assert.equal(await page.locator('.live .problems').count(), 0);
  assert.equal(await page.locator('.live .story-map .map-node.success').count(), 1);
  assert.deepEqual(await audit(page), []);
  await context.close();
});

test('the debrief downloads the learner result as JSON; with no LRS nothing leaves the site', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await open(context);
  const origins = new Set();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.locator('[role="group"] button.choice').first().waitFor();
  const turns = await playToEnd(page, 1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.debrief-actions button', { hasText: 'JSON' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `rapport-${STORY}.json`);
  const report = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(report.story, STORY);
  assert.equal(report.turns.length, turns);
  assert.ok(report.turns.every((t) => t.reply && t.feedback && t.rating));
  assert.ok(report.objectives.length >= 4);
  assert.deepEqual([...origins], [new URL(env.server.base).origin], 'only the app\'s own origin was contacted');
  await context.close();
});

test('storage full: the learner is told, play goes on, and what was saved is kept', async () => {
  const context = await env.browser.newContext();
  const page = await open(context);
  await page.locator(`[data-choice="${EXPERT[0]}"]`).click();
  await page.locator('.bubble.you').first().waitFor();
  // Written once the reply is painted.
  await page.waitForFunction((id) => (localStorage.getItem('rapport:v1:progress') || '').includes(id), EXPERT[0]);
  const saved = await page.evaluate(() => localStorage.getItem('rapport:v1:progress'));
  await page.evaluate(() => {
    Storage.prototype.setItem = function quotaExceeded() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.locator(`[data-choice="${EXPERT[1]}"]`).click();
  await page.locator('.notice', { hasText: 'could not be saved' }).waitFor();
  assert.equal(await page.locator('.bubble.you').count(), 2, 'the reply was still taken');
  await page.locator(`[data-choice="${EXPERT[2]}"]`).click();
  assert.equal(await page.evaluate(() => localStorage.getItem('rapport:v1:progress')), saved, 'nothing saved was lost');
  await page.reload();
  await page.locator('.bubble.you').first().waitFor();
  assert.equal(await page.locator('.bubble.you').count(), 1, 'a reload resumes from the last save');
  await context.close();
});

test('a 50 MB story file dropped on the page is refused with a message, and the app goes on', async () => {
  const context = await env.browser.newContext();
  const page = await open(context, '#/upload');
  await page.locator('.dropzone').waitFor();
  await page.evaluate(() => {
    const file = new File([new Uint8Array(50 * 1024 * 1024)], 'huge.json', { type: 'application/json' });
    const data = new DataTransfer();
    data.items.add(file);
    const zone = document.querySelector('.dropzone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.locator('.upload-result .error').waitFor();
  assert.match(await page.locator('.upload-result').innerText(), /larger than 5 MB/);
  const valid = fs.readFileSync(path.join(root, 'tests/fixtures/mini.json'), 'utf8');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    document.querySelector('.dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, valid);
  await page.locator('[role="group"] button.choice').first().waitFor();
  assert.match(page.url(), /#\/story\/own-dropped$/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('on a phone every emotion name is shown whole, and the meters of a row stay level', async () => {
  for (const [story, lang] of [['mr-santino', 'en'], ['mr-santino', 'pt'], ['the-email', 'es'], ['bad-news', 'pt']]) {
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await open(context, `#/story/${story}`, `?lang=${lang}`);
    await page.locator('body > .app:not([data-opening]) .meter-label').first().waitFor();
    const labels = await page.$$eval('.meter-label', (els) => els.map((el) => ({
      text: el.textContent, cut: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
    })));
    assert.deepEqual(labels.filter((l) => l.cut), [], `${story} (${lang}): no label cut off`);
    const bars = await page.$$eval('.meter-bar', (els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    const rows = new Set(bars);
    assert.ok(rows.size <= Math.ceil(bars.length / 2), `${story} (${lang}): bars level per row: ${bars}`);
    await context.close();
  }
});
