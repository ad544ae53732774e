// SCORM 1.2 as an LMS runs it: `storycheck package --format scorm12` is unzipped, and a host
// page whose `window.API` is npm scorm-again's LMS-side runtime (`Scorm12API`, which checks
// every call as an LMS does and records every value) opens the SCO its imsmanifest.xml names:
// in a frame, and in a window of its own (found through `window.opener`) with storage blocked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, newPage, root } from './harness.mjs';

const STORY = 'mr-santino';
const PATHS = JSON.parse(fs.readFileSync(path.join(root, `tests/transcripts/${STORY}.paths.json`), 'utf8'));
const TIMESPAN = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;

// The host page: the LMS. `?cmi=` preloads the learner's record (a relaunch, a mastery score);
// `?window=1` opens the SCO in its own window instead of a frame. Every API call is logged.
const HOST = `<!doctype html><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,">
<script src="scorm12.min.js"></script>
<script>
  const params = new URLSearchParams(location.search);
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  if (params.get('cmi')) window.API.loadFromJSON(JSON.parse(params.get('cmi')));
  window.calls = [];
  for (const m of ['LMSInitialize', 'LMSSetValue', 'LMSCommit', 'LMSFinish']) {
    const f = window.API[m].bind(window.API);
    window.API[m] = (...args) => { const r = f(...args); window.calls.push([m, ...args, r]); return r; };
  }
  window.record = () => JSON.parse(JSON.stringify(window.API.cmi));
  addEventListener('DOMContentLoaded', () => {
    const sco = 'course/' + params.get('sco');
    if (params.get('window')) window.opened = window.open(sco, 'sco');
    else { const f = document.createElement('iframe'); f.id = 'sco'; f.src = sco; f.style.width = '1200px'; f.style.height = '900px'; document.body.append(f); }
  });
</script>`;

const env = { dir: undefined, server: undefined, browser: undefined, href: undefined };

before(async () => {
  env.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-scorm-'));
  const zip = path.join(env.dir, 'package.zip');
  execFileSync(path.join(root, 'target/tools/storycheck'), ['package', '--format', 'scorm12', '--story', STORY, '--out', zip], { cwd: root });
  execFileSync('python3', ['-m', 'zipfile', '-e', zip, path.join(env.dir, 'course')]);
  fs.writeFileSync(path.join(env.dir, 'host.html'), HOST);
  fs.copyFileSync(path.join(root, 'node_modules/scorm-again/dist/scorm12.min.js'), path.join(env.dir, 'scorm12.min.js'));
  // The SCO is what the manifest says it is.
  const manifest = fs.readFileSync(path.join(env.dir, 'course/imsmanifest.xml'), 'utf8');
  env.href = manifest.match(/adlcp:scormtype="sco" href="([^"]+)"/)[1].replaceAll('&amp;', '&');
  env.server = await serve(env.dir, '/lms/');
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
  if (env.dir) fs.rmSync(env.dir, { recursive: true, force: true });
});

/** Opens the host page; returns the page and the SCO's frame (or window). */
async function open({ cmi, ownWindow = false, blockStorage = false } = {}) {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  if (blockStorage) {
    // As a sandboxed or privacy-locked browser does: touching storage throws.
    await context.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, { get() { throw new DOMException('blocked', 'SecurityError'); } });
      }
    });
  }
  const page = await newPage(context);
  const query = new URLSearchParams({ sco: env.href });
  if (cmi) query.set('cmi', JSON.stringify(cmi));
  if (ownWindow) query.set('window', '1');
  let sco;
  if (ownWindow) {
    const popup = context.waitForEvent('page');
    await page.goto(`${env.server.base}host.html?${query}`);
    sco = await popup;
  } else {
    await page.goto(`${env.server.base}host.html?${query}`);
    sco = page.frameLocator('#sco');
  }
  await sco.locator('[role="group"] button.choice').first().waitFor();
  return { context, page, sco };
}

const record = (page) => page.evaluate(() => window.record());
const calls = (page) => page.evaluate(() => window.calls);

async function reply(sco, ids) {
  for (const id of ids) await sco.locator(`[data-choice="${id}"]`).click();
}

test('the package declares one SCO per story, and its href opens that story alone', () => {
  assert.match(env.href, new RegExp(`^lms/index\\.html\\?story=${STORY}&lms=scorm12$`));
});

test('played to an ending in a frame: passed against the LMS mastery score, score, time, a commit per reply, finish on exit', async () => {
  const { context, page, sco } = await open({ cmi: { student_data: { mastery_score: '80' } } });
  await reply(sco, PATHS.expert);
  await sco.locator('.ending h2').waitFor();
  let cmi = await record(page);
  assert.equal(cmi.core.lesson_status, 'passed');
  assert.equal(cmi.core.score.raw, '100');
  assert.equal(cmi.core.score.min, '0');
  assert.equal(cmi.core.score.max, '100');
  assert.match(cmi.core.session_time, TIMESPAN);
  assert.match(cmi.core.lesson_location, new RegExp(`^${STORY}/`));
  const log = await calls(page);
  assert.deepEqual(log[0].slice(0, 1), ['LMSInitialize']);
  assert.ok(log.some(([m, el, v]) => m === 'LMSSetValue' && el === 'cmi.core.lesson_status' && v === 'incomplete'), 'incomplete while playing');
  const commits = log.filter(([m]) => m === 'LMSCommit');
  assert.ok(commits.length >= PATHS.expert.length, `a commit per reply: ${commits.length}`);
  assert.ok(log.every((c) => c[c.length - 1] === 'true'), `every call accepted: ${JSON.stringify(log.filter((c) => c[c.length - 1] !== 'true'))}`);
  await sco.getByRole('button', { name: 'Exit and save' }).click();
  await sco.getByText('Your LMS has your results').waitFor();
  cmi = await record(page);
  assert.equal(cmi.core.exit, 'suspend');
  assert.equal((await calls(page)).filter(([m]) => m === 'LMSFinish').length, 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the worst path fails against the mastery score; without one it is completed', async () => {
  for (const [cmi, want] of [[{ student_data: { mastery_score: '80' } }, 'failed'], [undefined, 'completed']]) {
    const { context, page, sco } = await open({ cmi });
    await reply(sco, PATHS.worst);
    await sco.locator('.ending h2').waitFor();
    const got = await record(page);
    assert.equal(got.core.lesson_status, want);
    assert.ok(Number(got.core.score.raw) < 80, got.core.score.raw);
    await context.close();
  }
});

test('a relaunch with the first launch\'s suspend_data resumes mid-conversation (own window, storage blocked)', async () => {
  const first = await open({ cmi: { student_data: { mastery_score: '80' } } });
  await reply(first.sco, PATHS.expert.slice(0, 4));
  // Leaving the page finishes the session, as closing the LMS's window would.
  await first.page.evaluate(() => document.getElementById('sco').remove());
  await first.page.waitForFunction(() => window.calls.some(([m]) => m === 'LMSFinish'));
  const saved = await record(first.page);
  await first.context.close();
  assert.equal(saved.core.exit, 'suspend');
  assert.ok(saved.suspend_data.length > 0 && saved.suspend_data.length <= 4096, saved.suspend_data);

  const second = await open({
    cmi: { core: { entry: 'resume', lesson_status: saved.core.lesson_status, lesson_location: saved.core.lesson_location }, suspend_data: saved.suspend_data, student_data: { mastery_score: '80' } },
    ownWindow: true,
    blockStorage: true,
  });
  // The fifth expert reply is offered: the first four are restored, with nothing stored locally.
  await second.sco.locator(`[data-choice="${PATHS.expert[4]}"]`).waitFor();
  await reply(second.sco, PATHS.expert.slice(4));
  await second.sco.locator('.ending h2').waitFor();
  const cmi = await record(second.page);
  assert.equal(cmi.core.lesson_status, 'passed');
  assert.equal(cmi.core.score.raw, '100');
  // The whole conversation is in the suspend data: a second relaunch would resume at the end.
  assert.equal(JSON.parse(cmi.suspend_data).replies.length, PATHS.expert.length);
  await second.context.close();
});
