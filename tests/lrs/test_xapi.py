"""xAPI against a real Learning Record Store: ralph (PyPI `ralph-malph`), in Chromium.

`scripts/setup-lrs.sh` installs ralph into `.venv-lrs/` (its own venv: ralph pins fastapi, uvicorn,
pydantic...). This file starts it here, on loopback only, with one Basic-auth user made by
`ralph auth -u USER -p PASS -s all -M mailto:... -w` (RALPH_AUTH_FILE; a second user for the
per-launch override) and the file-system backend
(statements in `<tmp>/data/fs_lrs.jsonl`; no other service):

    RALPH_RUNSERVER_BACKEND=fs RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=<tmp>/data \
    RALPH_AUTH_FILE=<tmp>/auth.json RALPH_RUNSERVER_CORS_ALLOW_ORIGINS='["http://127.0.0.1:<app>"]' \
    .venv-lrs/bin/python -c "$LAUNCHER" <port>

LAUNCHER (below) is what `ralph runserver -b fs --fs-default-directory-path DIR -h 127.0.0.1 -p N`
does (uvicorn on `ralph.api:app`), less its auto-reloader, plus two fixes (the second, to the
activity filter, is for the class report: tests/lrs/ralph_launcher.py). The first: ralph's fs LRS backend
(5.1.0, and 5.0.1 and 4.2.0 alike) writes every POST with the data backend's default operation,
INDEX, which refuses to touch an existing file: `ralph runserver -b fs` stores the first POST and
answers 500 ("fs_lrs.jsonl already exists and overwrite is not allowed") to every later one. The
launcher makes that backend append instead; nothing else of ralph changes.

No CORS proxy is needed: ralph's FastAPI app adds Starlette's CORSMiddleware when
RALPH_RUNSERVER_CORS_ALLOW_ORIGINS is set (a JSON list of exact origins), which answers the
preflight (Authorization, Content-Type and X-Experience-API-Version are allowed headers) and sends
Access-Control-Allow-Origin for exactly the listed origins (other origins get 400 on preflight).

The app side under test (src/platform/xapi.rs): `dist/config.json` names the LRS (the page's CSP
allows `connect-src` to https and to loopback, where this test's LRS runs). Statements go
one per request, in order, queued in localStorage (`rapport:v1:xapi-queue`) while the LRS is down.

  test_lrs_itself                    the harness's LRS alone: CORS preflight, a second POST stored,
                                     204 for the same statement again, 409 for a different one
                                     under a stored id, data kept across a restart.
  test_expert_path_reaches_the_lrs   one statement per reply between initialized and completed, checked
                                     field by field, and the requests themselves (Chrome's
                                     performance log: headers, one statement per POST).
  test_nothing_lost_while_lrs_down   the LRS stops after 3 replies; 6 more replies and a reload
                                     while it is down; it restarts on the same port and data dir;
                                     exactly the expert path's statements arrive, in order, none twice.
  test_no_config_nothing_leaves      no config.json, no query: every request stays on the app's
                                     own origin, and the LRS receives nothing.
  test_query_parameters_override_per_launch   ?lrs=&lrs_auth=&actor_mbox=&actor_name= win over
                                     config.json (the LRS's `authority` shows which user sent).

The stored statements are written to tests/browser/artifacts/xapi/ for a person to read.

Ordering: ralph's fs backend returns statements in file order and reverses it for
`ascending=true` (the opposite of xAPI's "newest first" default), so order is taken from `stored`,
the time the LRS stored each statement, not from the list order.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for pysupport
import pysupport  # noqa: E402 (after the sys.path line)
from pysupport import (  # noqa: E402
    EXPERT, ROOT, STORY, WAIT, StaticServer, copy_dist, remove_copy, start_chromium)

RALPH = ROOT / ".venv-lrs/bin/ralph"
PYTHON = ROOT / ".venv-lrs/bin/python"
LRS_START = 40  # seconds for ralph to answer its heartbeat (a loaded 2-core machine)
ARRIVAL = 90  # seconds for queued statements to reach the LRS (backoff is capped at 30 s)
QUEUE_KEY = "rapport:v1:xapi-queue"
ARTIFACTS = ROOT / "tests/browser/artifacts/xapi"

USER, PASSWORD, AUTHORITY = "rapport-test", "not-a-secret", "mailto:rapport-test@example.com"
AUTH = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
USER2, PASSWORD2, AUTHORITY2 = "per-launch", "also-not-a-secret", "mailto:per-launch@example.com"
AUTH2 = "Basic " + base64.b64encode(f"{USER2}:{PASSWORD2}".encode()).decode()
ACTOR = {"name": "Test Learner", "mbox": "mailto:learner@example.com"}
BASE = "https://rapport.example/xapi/"
STORY_IRI = f"{BASE}stories/{STORY}"
VERB = "http://adlnet.gov/expapi/verbs/"
EXT_EMOTIONS, EXT_RATING, EXT_OUTCOME = (f"{BASE}ext/{n}" for n in ("emotion-changes", "rating",
                                                                   "outcome"))
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
DURATION_RE = re.compile(
    r"^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


# ---------------------------------------------------------------------------------------------
# What the expert path must report, from the story itself and its locked transcript.


def _expected_replies() -> list[dict]:
    """Per expert reply: its node, the story's raw effects, the changes the transcript shows
    (after clamping), and its rating."""
    story = json.loads((ROOT / "stories" / f"{STORY}.json").read_text())
    by_choice = {c["id"]: (n["id"], c) for n in story["nodes"] for c in n.get("choices", [])}
    # The English section of the transcript: "  > (choice)" then "    respect 20→28 (+8), ...".
    text = (ROOT / "tests/transcripts" / f"{STORY}.expert.txt").read_text().split("=== ")[1]
    shown, lines = {}, text.splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"^\s+> \((\w+)\)", line)
        if m:
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            shown[m.group(1)] = {e: int(d) for e, d in re.findall(r"(\w+) \d+→\d+ \(([+-]\d+)\)", nxt)}
    out = []
    for choice in EXPERT:
        node, c = by_choice[choice]
        out.append({"choice": choice, "node": node, "effects": c.get("effects", {}),
                    "changes": shown[choice], "rating": c["feedback"]["rating"]})
    return out


EXPECTED = _expected_replies()


def _duration_seconds(value: str) -> float:
    m = DURATION_RE.match(value)
    assert m and value not in ("P", "PT") and not value.endswith("T"), f"not an ISO 8601 duration: {value!r}"
    d, h, mi, s = (float(x) if x else 0.0 for x in m.groups())
    return ((d * 24 + h) * 60 + mi) * 60 + s


def _parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def check_statements(statements: list[dict], max_duration: float) -> str:
    """Checks the statements of one expert play-through, in stored order. Returns which
    meaning of emotion-changes the app uses ("changes" or "effects"), for the report."""
    summary = [(s["verb"]["id"].rsplit("/", 1)[-1], (s.get("result") or {}).get("response"))
               for s in statements]
    assert len(statements) == len(EXPERT) + 2, f"expected {len(EXPERT) + 2} statements: {summary}"
    ids = [s["id"] for s in statements]
    assert len(set(ids)) == len(ids), f"duplicate statement ids: {ids}"
    assert all(UUID_RE.match(i) for i in ids), ids

    verbs = [s["verb"]["id"] for s in statements]
    assert verbs == [VERB + "initialized"] + [VERB + "answered"] * len(EXPERT) + [VERB + "completed"], \
        f"verbs out of order: {summary}"
    answered = statements[1:-1]
    assert [s["result"]["response"] for s in answered] == EXPERT, f"replies out of order: {summary}"

    registrations = {s["context"]["registration"] for s in statements}
    assert len(registrations) == 1 and UUID_RE.match(next(iter(registrations))), registrations
    for s in statements:
        assert s["actor"].get("mbox") == ACTOR["mbox"], s["actor"]
        assert s["actor"].get("name") == ACTOR["name"], s["actor"]
        assert s.get("timestamp"), s
    stamps = [_parse_time(s["timestamp"]) for s in statements]
    assert stamps == sorted(stamps), f"timestamps not in order: {[s['timestamp'] for s in statements]}"

    first, last = statements[0], statements[-1]
    assert first["object"]["id"] == STORY_IRI, first["object"]

    meanings = set()
    for s, want in zip(answered, EXPECTED):
        where = f"answered {want['choice']!r}"
        assert s["object"]["id"] == f"{STORY_IRI}/nodes/{want['node']}", (where, s["object"])
        parents = s["context"]["contextActivities"]["parent"]
        assert parents[0]["id"] == STORY_IRI, (where, parents)
        ext = s["result"]["extensions"]
        assert ext[EXT_RATING] == want["rating"], (where, ext)
        assert ext[EXT_RATING] in ("best", "good", "weak", "bad"), (where, ext)
        emotions = ext[EXT_EMOTIONS]
        assert isinstance(emotions, dict) and emotions, (where, ext)
        assert all(isinstance(v, (int, float)) for v in emotions.values()), (where, emotions)
        nonzero = {k: v for k, v in emotions.items() if v != 0}
        # "emotion -> delta": the change the reply caused (as the meters show it, after clamping)
        # or the story's effect before clamping. The interface does not say which; both are
        # accepted, and which one the app uses must be the same for every reply.
        matches = {name for name in ("changes", "effects") if nonzero == want[name]}
        assert matches, f"{where}: emotion-changes {emotions} is neither the shown changes " \
                        f"{want['changes']} nor the story's effects {want['effects']}"
        meanings.add(frozenset(matches))
    common = frozenset.intersection(*meanings)
    assert common, f"emotion-changes mixes meanings across replies: {meanings}"

    assert last["object"]["id"] == STORY_IRI, last["object"]
    result = last["result"]
    assert result["success"] is True, result
    assert result["completion"] is True, result
    assert result["score"]["scaled"] == 1.0, result
    assert result["extensions"][EXT_OUTCOME] == "success", result
    seconds = _duration_seconds(result["duration"])
    assert 0 < seconds <= max_duration, f"duration {result['duration']} for a {max_duration:.0f} s run"
    return "changes" if "changes" in common else "effects"


# ---------------------------------------------------------------------------------------------
# ralph, on loopback.


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ralph_env(workdir: Path, origin: str | None) -> dict:
    # No RALPH_* from the caller's environment (nor a .env in the cwd) can change what runs.
    env = {k: v for k, v in os.environ.items() if not k.startswith("RALPH_")}
    env.update({
        "RALPH_APP_DIR": str(workdir / "app"),
        "RALPH_AUTH_FILE": str(workdir / "auth.json"),
        "RALPH_RUNSERVER_BACKEND": "fs",  # `ralph auth` imports the API, which needs it too
        "RALPH_RUNSERVER_AUTH_BACKENDS": "basic",
        "PYTHONDONTWRITEBYTECODE": "1",
    })
    if origin:
        env["RALPH_RUNSERVER_CORS_ALLOW_ORIGINS"] = json.dumps([origin])
    return env


# Shared with the class report's browser test (tests/browser/lrs.mjs), which runs it too.
LAUNCHER = (Path(__file__).resolve().parent / "ralph_launcher.py").read_text()


class Ralph:
    """One ralph LRS: start/stop/restart on the same port and data directory, and queries."""

    def __init__(self, workdir: Path, port: int, origin: str):
        self.workdir, self.port, self.origin = workdir, port, origin
        self.data = workdir / "data"
        self.cwd = workdir / "cwd"  # empty: ralph's settings read a .env from the cwd
        self.url = f"http://127.0.0.1:{port}/xAPI/"
        self.proc: subprocess.Popen | None = None
        self.starts = 0
        for d in (self.data, self.cwd):
            d.mkdir(parents=True, exist_ok=True)

    def log(self) -> str:
        path = self.workdir / "ralph.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def start(self) -> None:
        assert self.proc is None
        self.starts += 1
        log = open(self.workdir / "ralph.log", "a")
        log.write(f"\n===== start {self.starts}\n")
        log.flush()
        env = _ralph_env(self.workdir, self.origin)
        env["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = str(self.data)
        # Its own session, so stop() ends it and anything it spawned, and nothing else.
        self.proc = subprocess.Popen(
            [str(PYTHON), "-c", LAUNCHER, str(self.port)], cwd=self.cwd, env=env,
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        deadline = time.monotonic() + LRS_START
        while True:
            if self.proc.poll() is not None:
                pytest.fail(f"ralph exited with {self.proc.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(
                        f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"ralph did not answer within {LRS_START} s:\n{self.log()}")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.proc is None:
            return
        proc, self.proc = self.proc, None
        try:
            os.killpg(proc.pid, signal.SIGTERM)  # the group this Popen created, nothing else
            proc.wait(timeout=20)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        # Whatever it spawned may still hold the port for a moment.
        deadline = time.monotonic() + 20
        while self._listening():
            assert time.monotonic() < deadline, "ralph still listens after stopping"
            time.sleep(0.1)
        try:  # whatever is left of the group (the resource tracker) goes too
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def _listening(self) -> bool:
        with socket.socket() as s:
            s.settimeout(1)
            return s.connect_ex(("127.0.0.1", self.port)) == 0

    def query(self, **params) -> dict:
        url = f"{self.url}statements"
        if params:
            url += "?" + urllib.parse.urlencode(params)
        request = urllib.request.Request(url, headers={
            "Authorization": AUTH, "X-Experience-API-Version": "1.0.3"})
        with urllib.request.urlopen(request, timeout=10) as r:
            return json.loads(r.read())

    def statements(self, **params) -> list[dict]:
        """Every statement matching params (following `more`), in the order they were stored."""
        found, page = [], self.query(limit=100, **params)
        for _ in range(100):
            found += page["statements"]
            more = page.get("more")
            if not more:
                break
            request = urllib.request.Request(urllib.parse.urljoin(self.url, more), headers={
                "Authorization": AUTH, "X-Experience-API-Version": "1.0.3"})
            with urllib.request.urlopen(request, timeout=10) as r:
                page = json.loads(r.read())
        found.sort(key=lambda s: _parse_time(s["stored"]))
        return found

    def wait_for(self, count: int, timeout: float = ARRIVAL) -> list[dict]:
        """Polls until at least `count` statements are stored (or fails at the timeout)."""
        deadline = time.monotonic() + timeout
        while True:
            got = self.statements()
            if len(got) >= count:
                return got
            if time.monotonic() > deadline:
                summary = [(s["verb"]["id"].rsplit("/", 1)[-1],
                            (s.get("result") or {}).get("response")) for s in got]
                pytest.fail(f"{len(got)} of {count} statements reached the LRS in {timeout} s: "
                            f"{summary}\n{self.log()}")
            time.sleep(0.25)


@pytest.fixture(scope="module")
def lrs_home(tmp_path_factory):
    """The LRS port (fixed for the module, so config.json can name it) and the auth file."""
    if not os.access(RALPH, os.X_OK):
        pytest.fail(f"{RALPH} is missing: run scripts/setup-lrs.sh")
    home = tmp_path_factory.mktemp("lrs")
    # Two users; the LRS records who sent each statement as its `authority`.
    for user, password, mbox in ((USER, PASSWORD, AUTHORITY), (USER2, PASSWORD2, AUTHORITY2)):
        result = subprocess.run(
            [str(RALPH), "auth", "-u", user, "-p", password, "-s", "all", "-M", mbox, "-w"],
            cwd=home, env=_ralph_env(home, None), capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
    assert len(json.loads((home / "auth.json").read_text())) == 2
    return home, _free_port()


# ---------------------------------------------------------------------------------------------
# The app: a copy of dist/ under a sub-path on a free loopback port (tests/pysupport.py, as
# tests/cross serves it).


def _csp_connect_sources(html: str) -> list[str] | None:
    m = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert m, "index.html has no Content-Security-Policy"
    for directive in m.group(1).split(";"):
        parts = directive.split()
        if parts and parts[0] == "connect-src":
            return parts[1:]
    return None


class App:
    def __init__(self, xapi: dict | None):
        self.dir = copy_dist("rapport-xapi-dist-")  # a snapshot: a rebuild changes nothing
        (self.dir / "config.json").unlink(missing_ok=True)
        if xapi is not None:
            (self.dir / "config.json").write_text(json.dumps({"xapi": xapi}, indent=2))
        self.csp_connect = _csp_connect_sources((self.dir / "index.html").read_text())
        self.server = StaticServer(self.dir)
        self.origin, self.base = self.server.origin, self.server.base

    def close(self):
        self.server.close()
        remove_copy(self.dir)


@pytest.fixture(scope="module")
def app(lrs_home):
    _, port = lrs_home
    served = App({"endpoint": f"http://127.0.0.1:{port}/xAPI/", "auth": AUTH, "actor": ACTOR,
                  "activity_base": BASE})
    yield served
    served.close()


@pytest.fixture
def lrs(lrs_home, app, tmp_path):
    """A fresh ralph (empty data directory) for each test, on the port config.json names,
    accepting cross-origin requests from the app's origin only."""
    home, port = lrs_home
    shutil.copy(home / "auth.json", tmp_path / "auth.json")
    server = Ralph(tmp_path, port, app.origin)
    server.start()
    yield server
    server.stop()


# ---------------------------------------------------------------------------------------------
# Chromium (tests/pysupport.py, as tests/cross drives it), with the performance log for the
# network requests.


class Browser:
    def __init__(self, log_dir: Path):
        self.driver = start_chromium(log_dir, (1280, 900), performance_log=True)
        self.driver.set_page_load_timeout(WAIT)
        self.driver.set_script_timeout(WAIT)
        self.requests: list[dict] = []  # Network.requestWillBeSent, in order, whole session
        self.errors: list[str] = []

    def quit(self):
        self.driver.quit()

    def drain(self) -> list[dict]:
        """Moves Chrome's performance log (which get_log empties) into self.requests."""
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                request = message["params"]["request"]
                self.requests.append({"url": request["url"], "method": request["method"],
                                      "headers": request.get("headers", {}),
                                      "body": request.get("postData"),
                                      "type": message["params"].get("type")})
            elif message.get("method") == "Network.webSocketCreated":
                self.requests.append({"url": message["params"]["url"], "method": "WS",
                                      "headers": {}, "body": None, "type": "WebSocket"})
        return self.requests

    def wait(self, timeout: float = WAIT) -> WebDriverWait:
        return pysupport.wait(self.driver, timeout)

    def collect_page_errors(self):
        self.errors += self.driver.execute_script("return window.__errors || []")

    def open(self, url: str) -> None:
        self.driver.get(url)
        self.ready()

    def ready(self) -> None:
        pysupport.ready(self.driver)

    def replies_taken(self) -> int:
        return pysupport.replies_taken(self.driver)

    def reply(self, choice: str) -> None:
        pysupport.click_reply(self.driver, choice)

    def ending(self) -> str:
        heading = self.wait().until(EC.visibility_of_element_located(
            (By.CSS_SELECTOR, ".ending h2")), "no ending")
        return heading.text.strip()

    def queue(self) -> list | None:
        raw = self.driver.execute_script(f"return localStorage.getItem({QUEUE_KEY!r})")
        if raw is None or raw.strip() == "":
            return None
        value = json.loads(raw)
        assert isinstance(value, list), f"{QUEUE_KEY} is not a list: {raw[:300]}"
        return value


@pytest.fixture
def browser(tmp_path):
    b = Browser(tmp_path)
    yield b
    b.quit()


def _lrs_posts(browser: Browser, lrs: Ralph) -> list[dict]:
    return [r for r in browser.drain() if r["url"].startswith(lrs.url) and r["method"] == "POST"]


def _check_posts(posts: list[dict], stored: list[dict], endpoint: str) -> list[str]:
    """Every POST: to {endpoint}statements, the xAPI headers, one statement (never an array),
    one of the stored ids (a retry never makes a new one); first sends in the stored order."""
    sent = []
    for post in posts:
        assert post["url"] == f"{endpoint}statements", post["url"]
        headers = {k.lower(): v for k, v in post["headers"].items()}
        assert headers.get("x-experience-api-version") == "1.0.3", headers
        assert headers.get("authorization") == AUTH, headers
        assert headers.get("content-type", "").startswith("application/json"), headers
        body = json.loads(post["body"])
        assert isinstance(body, dict), f"one statement per request, not {type(body).__name__}"
        sent.append(body["id"])
    ids = [s["id"] for s in stored]
    assert set(sent) == set(ids), "a POST carried an id the LRS did not store (a new id on retry?)"
    assert list(dict.fromkeys(sent)) == ids, "statements were first sent in another order"
    return sent


def _artifact(name: str, statements: list[dict]) -> None:
    """The stored statements, for a person to read: tests/browser/artifacts/xapi/NAME.json."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.json").write_text(json.dumps(statements, indent=2) + "\n")


def _summary(statements) -> list:
    return [(s["verb"]["id"].rsplit("/", 1)[-1], (s.get("result") or {}).get("response"))
            for s in statements]


# ---------------------------------------------------------------------------------------------
# The tests.


def _post(lrs: Ralph, statement: dict, origin: str | None = None) -> tuple[int, dict]:
    headers = {"Authorization": AUTH, "X-Experience-API-Version": "1.0.3",
               "Content-Type": "application/json"}
    if origin:
        headers["Origin"] = origin
    request = urllib.request.Request(f"{lrs.url}statements", data=json.dumps(statement).encode(),
                                     headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}


def test_lrs_itself(app, lrs):
    """The harness's own LRS, before any browser: what the app relies on."""
    def statement(n: int) -> dict:
        # With its own timestamp, as the app sends it: without one, ralph stamps each copy with
        # the time it arrives, so an identical re-POST differs in `timestamp` and gets 409.
        return {"id": str(uuid.uuid4()), "timestamp": "2026-01-02T03:04:05.678Z",
                "actor": {"objectType": "Agent", **ACTOR},
                "verb": {"id": VERB + "answered"},
                "object": {"objectType": "Activity", "id": f"{STORY_IRI}/nodes/n{n}"},
                "result": {"response": f"c{n}", "extensions": {EXT_RATING: "best"}}}

    # The CORS preflight the browser sends before each POST from the app's origin.
    preflight = urllib.request.Request(f"{lrs.url}statements", method="OPTIONS", headers={
        "Origin": app.origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type,x-experience-api-version"})
    with urllib.request.urlopen(preflight, timeout=10) as r:
        assert r.status == 200
        assert r.headers["access-control-allow-origin"] == app.origin
        allowed = r.headers["access-control-allow-headers"].lower()
        assert all(h in allowed for h in ("authorization", "content-type", "x-experience-api-version"))

    first, second = statement(1), statement(2)
    status, headers = _post(lrs, first, app.origin)
    assert status == 200 and headers.get("access-control-allow-origin") == app.origin
    assert _post(lrs, second)[0] == 200, "a second POST must be stored too (the fs backend fix)"
    assert _post(lrs, first)[0] == 204, "the same statement again: already stored, no copy"
    changed = {**first, "result": {"response": "other"}}
    assert _post(lrs, changed)[0] == 409, "a different statement under a stored id: conflict"
    assert [s["id"] for s in lrs.statements()] == [first["id"], second["id"]]
    lrs.stop()
    lrs.start()  # same port and data directory: nothing lost
    assert [s["id"] for s in lrs.statements()] == [first["id"], second["id"]]


def test_expert_path_reaches_the_lrs(app, lrs, browser):
    origin = f"http://127.0.0.1:{lrs.port}"
    assert app.csp_connect is not None and "http://127.0.0.1:*" in app.csp_connect, \
        f"the page's CSP does not allow a loopback LRS: connect-src {app.csp_connect}"
    started = time.monotonic()
    browser.open(f"{app.base}#/story/{STORY}")
    for choice in EXPERT:
        browser.reply(choice)
    assert browser.ending()
    browser.collect_page_errors()

    stored = lrs.wait_for(len(EXPERT) + 2)
    _artifact("expert", stored)
    meaning = check_statements(stored, max_duration=time.monotonic() - started + 5)
    print(f"emotion-changes carries the {meaning}")
    assert {s["authority"]["mbox"] for s in stored} == {AUTHORITY}, "sent with config.json's auth"

    registration = stored[0]["context"]["registration"]
    assert [s["id"] for s in lrs.statements(registration=registration)] == [s["id"] for s in stored]
    agent = json.dumps({"objectType": "Agent", "mbox": ACTOR["mbox"]})
    assert len(lrs.statements(agent=agent)) == len(stored)

    # The requests: one statement per POST to {endpoint}statements, in order, with the headers.
    browser.wait(30).until(lambda _: browser.queue() in (None, []), "the queue never emptied")
    sent = _check_posts(_lrs_posts(browser, lrs), stored, lrs.url)
    # With the LRS up all along, a retry would only follow a network error: not expected here.
    assert len(sent) == len(stored), f"{len(sent)} POSTs for {len(stored)} statements"
    assert browser.errors == [], "script errors in the page"


def test_nothing_lost_while_lrs_down(app, lrs, browser):
    started = time.monotonic()
    browser.open(f"{app.base}#/story/{STORY}")
    for choice in EXPERT[:3]:
        browser.reply(choice)
    before = lrs.wait_for(4, timeout=30)  # initialized + 3 answered, delivered while it is up
    assert _summary(before) == [("initialized", None)] + [("answered", c) for c in EXPERT[:3]]
    # ...and acknowledged (a response still on its way when it stops would make a retry, which
    # is fine, but not what this test is about).
    browser.wait(30).until(lambda _: browser.queue() in (None, []), "the queue never emptied")
    lrs.stop()

    # Three replies while it is down: they wait in localStorage.
    down = EXPERT[3:6]
    for choice in down:
        browser.reply(choice)
    browser.wait(10).until(
        lambda _: [(s.get("result") or {}).get("response") for s in browser.queue() or []] == down,
        "the replies made while the LRS is down are not (only) in the queue")

    # A reload while it is down: the queue survives, the story resumes, the outbox goes on.
    queued = browser.queue()
    browser.driver.refresh()
    browser.wait().until(lambda _: browser.replies_taken() == 6,
                         "the transcript did not come back after the reload")
    browser.ready()
    assert [s["id"] for s in browser.queue()[:3]] == [s["id"] for s in queued], \
        "the queue did not survive the reload (same statements, same ids)"

    for choice in EXPERT[6:]:
        browser.reply(choice)
    assert browser.ending()
    browser.wait(10).until(lambda _: len(browser.queue() or []) == len(EXPERT) - 3 + 1,
                           "the queue should hold 6 replies and the completion")
    assert lrs.proc is None  # still down: nothing could have been stored meanwhile
    attempts_while_down = len(_lrs_posts(browser, lrs))

    # Back up, same port and data directory: the backlog arrives, in order, once each.
    restarted = datetime.now(timezone.utc)
    lrs.start()
    assert len(lrs.statements()) == 4, "the restarted LRS lost what it had stored"
    stored = lrs.wait_for(len(EXPERT) + 2)
    browser.wait(ARRIVAL).until(lambda _: browser.queue() in (None, []), "the queue never emptied")
    stored = lrs.statements()  # after the queue is empty: nothing more can come
    _artifact("lrs-down", stored)
    check_statements(stored, max_duration=time.monotonic() - started + 5)
    assert [s["id"] for s in stored[:4]] == [s["id"] for s in before]

    # Retries resent the same statements: every POST carried one of the stored ids, never a new one.
    sent = _check_posts(_lrs_posts(browser, lrs), stored, lrs.url)
    # The statements made while it was down carry the time of the reply, not of the retry.
    late = [s for s in stored[4:] if _parse_time(s["timestamp"]) >= restarted]
    assert late == [], f"timestamps after the restart: {[s['timestamp'] for s in late]}"
    assert attempts_while_down > 4, "no attempt was made while the LRS was down"
    print(f"{len(sent)} POSTs for {len(stored)} statements "
          f"({attempts_while_down - 4} attempts while the LRS was down)")


def test_no_config_nothing_leaves(lrs, browser):
    bare = App(None)
    try:
        assert not (bare.dir / "config.json").exists()
        browser.open(f"{bare.base}#/story/{STORY}")
        for choice in EXPERT:
            browser.reply(choice)
        assert browser.ending()
        # A reload too: a start-up with something queued would try to send it then.
        browser.collect_page_errors()
        browser.driver.refresh()
        browser.wait().until(EC.presence_of_element_located(
            (By.CSS_SELECTOR, '.ending h2, [role="group"] button.choice')), "nothing after reload")
        requests = browser.drain()
        assert requests, "the performance log recorded no request at all"
        elsewhere = [f"{r['method']} {r['url']}" for r in requests
                     if r["url"].split(":", 1)[0] in ("http", "https", "ws", "wss")
                     and not r["url"].startswith(bare.origin + "/")]
        assert elsewhere == [], "requests left the app's own origin"
        assert lrs.statements() == [], "the LRS received statements"
        assert browser.errors == [], "script errors in the page"
        queued = browser.queue()
        print(f"{len(requests)} requests, all to {bare.origin}; {QUEUE_KEY}: "
              f"{'absent' if queued is None else len(queued)}")
    finally:
        bare.close()


def test_query_parameters_override_per_launch(app, lrs, browser):
    """`?lrs=&lrs_auth=&actor_mbox=&actor_name=` beat config.json for one launch. The endpoint is
    the configured one here, reached with another user."""
    query = urllib.parse.urlencode({"lrs": lrs.url, "lrs_auth": AUTH2,
                                    "actor_mbox": "mailto:other@example.com",
                                    "actor_name": "Other Learner"})
    browser.open(f"{app.base}?{query}#/story/{STORY}")
    browser.reply(EXPERT[0])
    browser.collect_page_errors()
    stored = lrs.wait_for(2, timeout=30)
    assert _summary(stored) == [("initialized", None), ("answered", EXPERT[0])]
    for s in stored:
        assert s["actor"].get("mbox") == "mailto:other@example.com", s["actor"]
        assert s["actor"].get("name") == "Other Learner", s["actor"]
        assert s["authority"]["mbox"] == AUTHORITY2, "not sent with lrs_auth"
    assert browser.errors == [], "script errors in the page"
