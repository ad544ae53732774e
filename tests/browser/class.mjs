// A class, simulated by driving the real app: each learner plays in a fresh browser context (a
// new anonymous learner) against an LRS that only records what it receives, so the statements
// are the app's own. For the report's screenshots and `make bench`; the report's test uses a
// real LRS instead (report.test.mjs).
const LRS = 'https://lrs.invalid/xapi/';
/** The activity base the class's statements use. */
export const BASE = 'https://rapport.example/xapi/';

/** A small seeded generator (mulberry32), so a class is the same on every run. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Plays `learners` ({story, pick(buttons, turn) → index or -1 to stop}) on the app at `base`;
 * returns every statement the app sent, in order. Statements use the activity base BASE.
 */
export async function playClass(browser, base, learners) {
  const statements = [];
  for (const learner of learners) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.route('**/config.json', (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ xapi: { endpoint: LRS, auth: 'Basic dGVzdDp0ZXN0', activity_base: BASE } }),
    }));
    await context.route(`${LRS}statements**`, (route) => {
      const body = JSON.parse(route.request().postData() || '[]');
      const list = Array.isArray(body) ? body : [body];
      statements.push(...list);
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(list.map((s) => s.id)) });
    });
    const page = await context.newPage();
    await page.goto(`${base}#/story/${learner.story}`);
    for (let turn = 0; turn < 80; turn++) {
      const buttons = page.locator('body > .app:not([data-opening]) [role="group"] button.choice:not([disabled])');
      await Promise.race([buttons.first().waitFor(), page.locator('.debrief').waitFor()]);
      if (await page.locator('.debrief').count()) break;
      const ids = await buttons.evaluateAll((bs) => bs.map((b) => b.dataset.choice));
      const k = learner.pick(ids, turn);
      if (k < 0) break;
      await page.locator(`[data-choice="${ids[Math.min(k, ids.length - 1)]}"]`).click();
    }
    // Until the app's outbox has sent everything.
    for (let i = 0; i < 200; i++) {
      const queued = await page.evaluate(() => localStorage.getItem('rapport:v1:xapi-queue'));
      if (queued === '[]') break;
      await page.waitForTimeout(50);
    }
    await context.close();
  }
  return statements;
}

/**
 * `count` statements made from `sample` (whole play-throughs): each copy of a play-through gets
 * its own learner, registration, statement ids and a later day, as a larger class would send.
 */
export function multiply(sample, count) {
  const plays = new Map();
  for (const s of sample) {
    const reg = s.context.registration;
    if (!plays.has(reg)) plays.set(reg, []);
    plays.get(reg).push(s);
  }
  const list = [...plays.values()];
  const out = [];
  for (let copy = 0; out.length < count; copy++) {
    const play = list[copy % list.length];
    const day = new Date(Date.UTC(2026, 0, 1) + (copy % 300) * 86_400_000);
    for (const [k, s] of play.entries()) {
      if (out.length >= count) break;
      const t = new Date(day.getTime() + k * 20_000).toISOString();
      out.push({
        ...s,
        id: `${copy.toString(16).padStart(8, '0')}-0000-4000-8000-${k.toString(16).padStart(12, '0')}`,
        timestamp: t,
        actor: { objectType: 'Agent', account: { homePage: 'https://school.example', name: `learner-${copy}` } },
        context: { ...s.context, registration: `${copy.toString(16).padStart(8, '0')}-1111-4111-8111-111111111111` },
      });
    }
  }
  return out;
}
