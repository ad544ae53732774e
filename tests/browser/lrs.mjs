// A real LRS for the browser tests: ralph (scripts/setup-lrs.sh installs it in .venv-lrs/), on
// loopback, with the file-system store in a fresh temporary directory, one Basic-auth user, and
// CORS open to exactly the app's origin. It runs tests/lrs/ralph_launcher.py, the launcher the
// Python LRS tests use (tests/lrs/test_xapi.py explains its one fix to ralph).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { root } from './harness.mjs';

const PYTHON = path.join(root, '.venv-lrs/bin/python');
const RALPH = path.join(root, '.venv-lrs/bin/ralph');
const LAUNCHER = path.join(root, 'tests/lrs/ralph_launcher.py');
export const USER = 'rapport-trainer';
export const PASSWORD = 'not-a-secret';
export const AUTH = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

async function freePort() {
  const server = net.createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

function env(dir, origin) {
  // Nothing RALPH_* from the caller's environment (nor a .env in the cwd) changes what runs.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('RALPH_')));
  return {
    ...clean,
    RALPH_APP_DIR: path.join(dir, 'app'),
    RALPH_AUTH_FILE: path.join(dir, 'auth.json'),
    RALPH_RUNSERVER_BACKEND: 'fs',
    RALPH_RUNSERVER_AUTH_BACKENDS: 'basic',
    RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH: path.join(dir, 'data'),
    ...(origin ? { RALPH_RUNSERVER_CORS_ALLOW_ORIGINS: JSON.stringify([origin]) } : {}),
    PYTHONDONTWRITEBYTECODE: '1',
  };
}

/** Starts ralph for `origin`; returns `{ url, statements(activity), stop() }`. */
export async function startLrs(origin) {
  if (!fs.existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: run scripts/setup-lrs.sh (make setup-test)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-lrs-'));
  for (const d of ['data', 'cwd']) fs.mkdirSync(path.join(dir, d));
  execFileSync(RALPH, ['auth', '-u', USER, '-p', PASSWORD, '-s', 'all', '-M', 'mailto:trainer@example.com', '-w'],
    { cwd: path.join(dir, 'cwd'), env: env(dir, null), stdio: 'pipe', timeout: 90_000 });
  const port = await freePort();
  const log = fs.openSync(path.join(dir, 'ralph.log'), 'a');
  // Its own process group, so stop() ends it and whatever it spawned, and nothing else.
  const proc = spawn(PYTHON, [LAUNCHER, String(port)], {
    cwd: path.join(dir, 'cwd'), env: env(dir, origin), stdio: ['ignore', log, log], detached: true,
  });
  const url = `http://127.0.0.1:${port}/xAPI/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`ralph exited: ${fs.readFileSync(path.join(dir, 'ralph.log'), 'utf8').slice(-3000)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/__heartbeat__`)).ok) break;
    } catch { /* not yet */ }
    if (Date.now() > deadline) {
      process.kill(-proc.pid, 'SIGKILL');
      throw new Error('ralph did not answer within 60 s');
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  return {
    url,
    /** Every statement about `activity` and under it, following `more`, as an LRS client reads them. */
    async statements(activity) {
      const headers = { Authorization: AUTH, 'X-Experience-API-Version': '1.0.3' };
      let next = `${url}statements?activity=${encodeURIComponent(activity)}&related_activities=true&limit=50`;
      const found = [];
      for (let i = 0; next && i < 1000; i++) {
        const page = await (await fetch(next, { headers })).json();
        found.push(...page.statements);
        next = page.more ? new URL(page.more, url).href : null;
      }
      return found;
    },
    async stop() {
      try { process.kill(-proc.pid, 'SIGTERM'); } catch { return; }
      await new Promise((ok) => { proc.once('exit', ok); setTimeout(ok, 10_000); });
      try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ }
      fs.closeSync(log);
    },
  };
}
