"""cmi5 as an LMS launches it, against the real LRS (ralph, as tests/lrs/test_xapi.py runs it).

The package is `storycheck package --format cmi5`, unzipped. The launcher below does what the cmi5
specification asks of an LMS (§8, §10): for each launch it writes `LMS.LaunchData` (context
template, launch mode, the AU's masteryScore from cmi5.xml, return URL, moveOn) through the xAPI
State API, serves a `fetch` URL that hands out the auth token once (a second POST gets cmi5's
error answer; a GET is refused), and opens the AU's URL from cmi5.xml with the five parameters
`endpoint`, `fetch`, `actor`, `registration`, `activityId`.

ralph (5.x) implements the statement resource only, so the launcher's LRS front (`/lrs/` on the
launcher's origin) keeps the document resources itself (activities/state, agents/profile: the
LMS's side of its LRS) and passes every statement request through to ralph, headers and body
unchanged: the statements are stored in, and read back from, the real LRS.

  test_one_story_passes_another_fails   mr-santino's expert path passes (with a reload after three
                                         replies: no second fetch, no second initialized);
                                         bad-news's worst path fails, in Spanish, the learner's
                                         languagePreference; every LMS.md rule is checked
                                         on the statements read back.
  test_browse_sends_only_initialized_and_terminated   in the LMS's frame, storage blocked.
  test_in_the_lms_frame_with_storage_blocked_a_normal_launch_passes   the same frame and blocked
                                         storage, a Normal launch: every rule, passed.
  test_a_refused_fetch_is_said_and_playing_goes_on   the token already taken, or no LaunchData:
                                         a notice, the story plays to its ending, nothing is stored.
  test_launch_data_late_nothing_lost     LaunchData answers 503 three times: the learner is told and plays
                                         on; once it is read every reply made meanwhile is reported.
  test_lrs_down_statements_wait_and_arrive_once   ralph stops after three replies; the learner
                                         is told, plays on and exits; ralph restarts; every
                                         statement arrives once, terminated last, then the return URL.
"""

from __future__ import annotations

import html
import http.server
import json
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import datetime
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for pysupport
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/lrs, for the LRS harness
from pysupport import ROOT, click_reply, ready, start_chromium, wait  # noqa: E402
from test_xapi import AUTH, Ralph, UUID_RE, _duration_seconds, _free_port, lrs_home  # noqa: E402,F401

VERB = "http://adlnet.gov/expapi/verbs/"
CAT_CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
CAT_MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
EXT_MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
EXT_SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
EXT_PROGRESS = "https://w3id.org/xapi/cmi5/result/extensions/progress"
NS = {"c": "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"}
LMS_ONLY = {"launched", "abandoned", "waived", "satisfied"}
DEFINED = {"initialized", "completed", "passed", "failed", "terminated"}
ACTOR = {"objectType": "Agent", "account": {"homePage": "https://lms.example", "name": "learner-7"}}


def paths(story: str) -> dict:
    return json.loads((ROOT / "tests/transcripts" / f"{story}.paths.json").read_text())


def _agent_key(raw: str) -> str:
    return json.dumps(json.loads(raw), sort_keys=True)


class Launcher:
    """The LMS: the unzipped package under /course/, the fetch URLs, and the LRS front."""

    def __init__(self, course: Path, ralph: Ralph):
        self.course, self.ralph = course, ralph
        self.documents: dict[tuple, bytes] = {}  # (resource, key...) -> body
        self.fetches: dict[str, int] = {}  # launch -> POSTs
        self.tokens: dict[str, str] = {}
        self.returned: list[str] = []
        self.unavailable = 0  # how many LaunchData reads still answer 503 (the LRS overloaded)
        self.served_launch_data = 0.0  # when a LaunchData read last got its answer (epoch seconds)
        launcher = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status: int, body: bytes = b"", kind: str = "application/json"):
                self.send_response(status)
                self.send_header("content-type", kind)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("content-length") or 0))

            def do_GET(self):  # noqa: N802
                launcher.get(self)

            def do_POST(self):  # noqa: N802
                launcher.post(self)

            def do_PUT(self):  # noqa: N802
                launcher.put(self)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.endpoint = f"{self.origin}/lrs/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()

    # -- requests -------------------------------------------------------------------------

    def _document_key(self, url: urllib.parse.SplitResult) -> tuple | None:
        q = dict(urllib.parse.parse_qsl(url.query))
        if url.path == "/lrs/activities/state":
            return ("state", q.get("activityId"), _agent_key(q.get("agent", "{}")),
                    q.get("registration"), q.get("stateId"))
        if url.path == "/lrs/agents/profile":
            return ("profile", _agent_key(q.get("agent", "{}")), q.get("profileId"))
        return None

    def _authorised(self, h) -> bool:
        return h.headers.get("Authorization") in {f"Basic {t}" for t in self.tokens.values()} | {AUTH}

    def get(self, h):
        url = urllib.parse.urlsplit(h.path)
        if url.path.startswith("/course/"):
            file = (self.course / urllib.parse.unquote(url.path[len("/course/"):])).resolve()
            if not str(file).startswith(str(self.course.resolve())) or not file.is_file():
                return h._send(404, b"not found", "text/plain")
            kinds = {".html": "text/html; charset=utf-8", ".js": "text/javascript",
                     ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json",
                     ".svg": "image/svg+xml", ".png": "image/png"}
            return h._send(200, file.read_bytes(), kinds.get(file.suffix, "application/octet-stream"))
        if url.path == "/frame":  # the LMS's page framing the AU
            src = dict(urllib.parse.parse_qsl(url.query))["src"]
            page = (f'<!doctype html><title>LMS</title><iframe id="au" src="{html.escape(src)}" '
                    'style="width:1200px;height:860px"></iframe>')
            return h._send(200, page.encode(), "text/html")
        if url.path == "/returned":
            self.returned.append(h.path)
            return h._send(200, b"<!doctype html><title>LMS</title><h1>Back in the LMS</h1>",
                           "text/html")
        if url.path.startswith("/fetch/"):
            return h._send(405, b'{"error-code": "3", "error-text": "POST only"}')
        key = self._document_key(url)
        if key:
            if not self._authorised(h):
                return h._send(401)
            if key[0] == "state" and self.unavailable > 0:
                self.unavailable -= 1
                return h._send(503, b'{"error": "try again"}')
            if key not in self.documents:
                return h._send(404)
            if key[0] == "state":
                self.served_launch_data = time.time()
            return h._send(200, self.documents[key])
        if url.path.startswith("/lrs/statements"):
            return self.proxy(h, b"")
        h._send(404, b"not here", "text/plain")

    def post(self, h):
        url = urllib.parse.urlsplit(h.path)
        body = h._body()
        if url.path.startswith("/fetch/"):
            launch = url.path[len("/fetch/"):]
            self.fetches[launch] = self.fetches.get(launch, 0) + 1
            if self.fetches[launch] > 1:  # §8.2.3: the token is handed out once
                return h._send(200, b'{"error-code": "1", "error-text": "already in use"}')
            return h._send(200, json.dumps({"auth-token": self.tokens[launch]}).encode())
        if url.path.startswith("/lrs/statements"):
            return self.proxy(h, body)
        h._send(404)

    def put(self, h):
        url = urllib.parse.urlsplit(h.path)
        body = h._body()
        key = self._document_key(url)
        if key:
            if h.headers.get("Authorization") != AUTH:  # only the LMS writes documents
                return h._send(403)
            self.documents[key] = body
            return h._send(204)
        if url.path.startswith("/lrs/statements"):
            return self.proxy(h, body)
        h._send(404)

    def proxy(self, h, body: bytes):
        """The statement resource: ralph's, request and answer unchanged."""
        target = self.ralph.url + h.path[len("/lrs/"):]
        headers = {k: v for k, v in h.headers.items()
                   if k.lower() in ("authorization", "content-type", "x-experience-api-version")}
        request = urllib.request.Request(target, data=body or None, headers=headers,
                                         method=h.command)
        try:
            with urllib.request.urlopen(request, timeout=20) as r:
                return h._send(r.status, r.read())
        except urllib.error.HTTPError as e:
            return h._send(e.code, e.read())
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return h._send(502, b'{"error": "the LRS is down"}')

    # -- what an LMS does ------------------------------------------------------------------

    def _put(self, resource: str, params: dict, doc: dict) -> None:
        """Writes a document through the LRS's document API with the LMS's credentials."""
        q = urllib.parse.urlencode({**params, "agent": json.dumps(ACTOR)})
        request = urllib.request.Request(f"{self.endpoint}{resource}?{q}", method="PUT",
                                         data=json.dumps(doc).encode(), headers={
                                             "Authorization": AUTH, "Content-Type": "application/json",
                                             "X-Experience-API-Version": "1.0.3"})
        with urllib.request.urlopen(request, timeout=10) as r:
            assert r.status == 204

    def put_state(self, activity: str, registration: str, doc: dict) -> None:
        """Writes LaunchData through the State API, as the LMS does before a launch."""
        self._put("activities/state", {"stateId": "LMS.LaunchData", "activityId": activity,
                                       "registration": registration}, doc)

    def put_preferences(self, doc: dict) -> None:
        """The learner's cmi5 preferences (an agent profile), as the LMS keeps them."""
        self._put("agents/profile", {"profileId": "cmi5LearnerPreferences"}, doc)

    def launch(self, au: dict, mode: str = "Normal", launch_data: bool = True) -> dict:
        """Prepares one launch of `au` (from cmi5.xml); returns its facts and URL."""
        registration = str(uuid.uuid4())
        launch_id = uuid.uuid4().hex
        # The LRS credentials, handed to the AU as its token (Basic <token>).
        self.tokens[launch_id] = AUTH.split(" ", 1)[1]
        session = str(uuid.uuid4())
        template = {"contextActivities": {"grouping": [{"objectType": "Activity", "id": au["id"]}]},
                    "extensions": {EXT_SESSION: session}}
        data = {"contextTemplate": template, "launchMode": mode, "moveOn": au["moveOn"],
                "returnURL": f"{self.origin}/returned?launch={launch_id}",
                "launchParameters": ""}
        if au.get("masteryScore") is not None:
            data["masteryScore"] = au["masteryScore"]
        if launch_data:
            self.put_state(au["id"], registration, data)
        params = urllib.parse.urlencode({
            "endpoint": self.endpoint, "fetch": f"{self.origin}/fetch/{launch_id}",
            "actor": json.dumps(ACTOR), "registration": registration, "activityId": au["id"]})
        sep = "&" if "?" in au["url"] else "?"
        return {"url": f"{self.origin}/course/{au['url']}{sep}{params}", "registration": registration,
                "launch": launch_id, "session": session, "mastery": au.get("masteryScore"),
                "au": au["id"], "template": template}


# ---------------------------------------------------------------------------------------------
# The package and the rules.


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> tuple[Path, dict]:
    home = tmp_path_factory.mktemp("cmi5")
    tool = ROOT / "target/tools/storycheck"
    assert (ROOT / "dist/build.json").exists(), "run `make dist` first"
    zip_path = home / "course.zip"
    subprocess.run([str(tool), "package", "--format", "cmi5", "--story", "mr-santino",
                    "--story", "bad-news", "--mastery", "0.8", "--out", str(zip_path)],
                   check=True, cwd=ROOT, capture_output=True)
    subprocess.run([sys.executable, "-m", "zipfile", "-e", str(zip_path), str(home / "course")],
                   check=True)
    root = ET.parse(home / "course/cmi5.xml").getroot()
    aus = {}
    for au in root.findall("c:au", NS):
        url = au.find("c:url", NS).text
        story = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["story"][0]
        aus[story] = {"id": au.get("id"), "url": url, "moveOn": au.get("moveOn"),
                      "masteryScore": float(au.get("masteryScore"))}
    return home / "course", aus


@pytest.fixture
def lms(lrs_home, course, tmp_path):
    home, port = lrs_home
    (tmp_path / "auth.json").write_bytes((home / "auth.json").read_bytes())
    ralph = Ralph(tmp_path, port, "http://127.0.0.1")  # same origin as the launcher: no CORS
    ralph.start()
    launcher = Launcher(course[0], ralph)
    yield launcher, course[1]
    launcher.close()
    ralph.stop()


@pytest.fixture
def driver(tmp_path):
    d = start_chromium(tmp_path, (1280, 900))
    d.set_page_load_timeout(60)
    yield d
    d.quit()


def statements_of(lms: Launcher, registration: str, at_least: int, settle: float = 2.0) -> list[dict]:
    """The launch's statements in stored order, once at least `at_least` arrived and no more
    come for `settle` seconds (nothing may follow terminated)."""
    deadline = time.monotonic() + 90
    while True:
        got = [s for s in lms.ralph.statements()
               if (s.get("context") or {}).get("registration") == registration]
        if len(got) >= at_least:
            time.sleep(settle)
            again = [s for s in lms.ralph.statements()
                     if (s.get("context") or {}).get("registration") == registration]
            if len(again) == len(got):
                return again
        if time.monotonic() > deadline:
            pytest.fail(f"{len(got)} of {at_least} statements arrived: {[verb(s) for s in got]}")
        time.sleep(0.25)


def verb(s: dict) -> str:
    return s["verb"]["id"].removeprefix(VERB)


def categories(s: dict) -> set[str]:
    return {a["id"] for a in ((s.get("context") or {}).get("contextActivities") or {}).get("category", [])}


ARTIFACTS = ROOT / "tests/browser/artifacts/cmi5"


def artifact(name: str, statements: list[dict]) -> None:
    """The stored statements, for a person to read: tests/browser/artifacts/cmi5/NAME.json."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.json").write_text(json.dumps(statements, indent=2) + "\n")


def check_rules(stored: list[dict], launch: dict, replies: int, success: bool | None,
                mode: str = "Normal") -> None:
    """Every rule of LMS.md on one session's statements, in stored order."""
    verbs = [verb(s) for s in stored]
    assert not LMS_ONLY & set(verbs), f"the LMS's verbs sent by the content: {verbs}"
    ids = [s["id"] for s in stored]
    assert len(set(ids)) == len(ids) and all(UUID_RE.match(i) for i in ids), ids
    assert verbs[0] == "initialized" and verbs.count("initialized") == 1, verbs
    assert verbs[-1] == "terminated" and verbs.count("terminated") == 1, verbs
    stamps = [s["timestamp"] for s in stored]
    assert stamps == sorted(stamps), stamps
    if mode != "Normal":
        assert verbs == ["initialized", "terminated"], verbs
    else:
        assert verbs.count("answered") == replies and verbs.count("progressed") == replies, verbs
        assert verbs.count("completed") == 1, verbs
        judged = [v for v in verbs if v in ("passed", "failed")]
        assert judged == ["passed" if success else "failed"], verbs
        assert verbs.index("completed") < verbs.index(judged[0]) < len(verbs) - 1
    for s in stored:
        v, ctx = verb(s), s["context"]
        assert s["actor"]["account"] == ACTOR["account"], s["actor"]
        assert ctx["registration"] == launch["registration"]
        # The context template kept: its grouping and its session id.
        assert {"objectType": "Activity", "id": launch["au"]} in ctx["contextActivities"]["grouping"], ctx
        assert ctx["extensions"][EXT_SESSION] == launch["session"], ctx
        cats = categories(s)
        result = s.get("result") or {}
        if v in DEFINED:
            assert s["object"]["id"] == launch["au"], s["object"]
            assert CAT_CMI5 in cats, (v, cats)
            moveon = "success" in result or "completion" in result
            assert (CAT_MOVEON in cats) == moveon, (v, cats)
        else:
            assert CAT_CMI5 not in cats and CAT_MOVEON not in cats, (v, cats)
        if v == "completed":
            assert result["completion"] is True and "success" not in result and "score" not in result
        if v in ("passed", "failed"):
            assert result["success"] is (v == "passed")
            assert 0 <= result["score"]["scaled"] <= 1
            assert (result["score"]["scaled"] >= launch["mastery"]) is (v == "passed")
            assert ctx["extensions"][EXT_MASTERY] == launch["mastery"], ctx
        if v in ("completed", "passed", "failed", "terminated"):
            assert _duration_seconds(result["duration"]) > 0, result
        if v == "progressed":
            assert 0 <= result["extensions"][EXT_PROGRESS] <= 100
        if v == "answered":
            assert result["response"], s
    if mode == "Normal":
        progress = [s["result"]["extensions"][EXT_PROGRESS] for s in stored if verb(s) == "progressed"]
        assert progress[-1] == 100 and progress == sorted(progress), progress


def notice(driver, text: str) -> None:
    wait(driver).until(lambda d: any(text in n.text for n in d.find_elements(By.CSS_SELECTOR, ".notice")),
                       f"no notice saying {text!r}")


BLOCK_STORAGE = """
for (const name of ['localStorage', 'sessionStorage']) {
  Object.defineProperty(window, name, { get() { throw new DOMException('blocked', 'SecurityError'); } });
}
"""


def play(driver, launcher: Launcher, launch: dict, choices: list[str], reload_after: int | None = None,
         between=None, framed: bool = False):
    if framed:
        driver.get(f"{launcher.origin}/frame?" + urllib.parse.urlencode({"src": launch["url"]}))
        driver.switch_to.frame(wait(driver).until(
            EC.presence_of_element_located((By.ID, "au")), "no AU frame"))
    else:
        driver.get(launch["url"])
    ready(driver)
    for i, choice in enumerate(choices):
        if i == reload_after:
            driver.refresh()
            ready(driver)
        if between and i in between:
            between[i]()
        click_reply(driver, choice)
    if between and len(choices) in between:
        between[len(choices)]()
    exit_button = wait(driver).until(EC.element_to_be_clickable(
        (By.CSS_SELECTOR, ".lms-bar button")), "no Exit and save")
    exit_button.click()
    # Terminated sent, the learner is back on the LMS's return URL.
    wait(driver, 90).until(lambda _: any(launch["launch"] in r for r in launcher.returned),
                           "never returned to the LMS")
    if framed:
        driver.switch_to.default_content()


def test_one_story_passes_another_fails(lms, driver):
    launcher, aus = lms
    assert aus["mr-santino"]["moveOn"] == "CompletedOrPassed"
    expert = paths("mr-santino")["expert"]
    passing = launcher.launch(aus["mr-santino"])
    play(driver, launcher, passing, expert, reload_after=3)
    assert launcher.fetches[passing["launch"]] == 1, "a reload of the same launch fetched again"
    stored = statements_of(launcher, passing["registration"], 3 + 2 * len(expert) + 1)
    artifact("passed", stored)
    check_rules(stored, passing, len(expert), success=True)

    # The learner's language preference picks the interface and the story's language.
    launcher.put_preferences({"languagePreference": "es-MX,en-US", "audioPreference": "on"})
    worst = paths("bad-news")["worst"]
    failing = launcher.launch(aus["bad-news"])

    def in_spanish():
        wait(driver).until(lambda d: d.execute_script("return document.documentElement.lang") == "es",
                           "the interface did not follow languagePreference")
        assert driver.find_element(By.CSS_SELECTOR, ".lms-bar button").text == "Salir y guardar"
        story = json.loads((ROOT / "stories/bad-news.json").read_text())
        first = next(c for n in story["nodes"] for c in n.get("choices", []) if c["id"] == worst[0])
        reply = f'[role="group"] button.choice[data-choice="{worst[0]}"]'
        wait(driver).until(lambda d: first["text"]["es"] in d.find_element(By.CSS_SELECTOR, reply).text,
                           "the story is not in Spanish")

    play(driver, launcher, failing, worst, between={0: in_spanish})
    stored = statements_of(launcher, failing["registration"], 3 + 2 * len(worst) + 1)
    artifact("failed", stored)
    check_rules(stored, failing, len(worst), success=False)
    assert launcher.fetches[failing["launch"]] == 1


def test_browse_sends_only_initialized_and_terminated(lms, driver):
    """In the LMS's frame, with storage blocked (the token and the queue live in memory)."""
    launcher, aus = lms
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": BLOCK_STORAGE})
    browse = launcher.launch(aus["mr-santino"], mode="Browse")
    blocked = {0: lambda: notice(driver, "Your browser does not allow saving here")}
    play(driver, launcher, browse, paths("mr-santino")["expert"][:3], framed=True, between=blocked)
    assert launcher.fetches[browse["launch"]] == 1
    stored = statements_of(launcher, browse["registration"], 2)
    artifact("browse", stored)
    check_rules(stored, browse, 0, success=None, mode="Browse")


def test_in_the_lms_frame_with_storage_blocked_a_normal_launch_passes(lms, driver):
    """The AU in the LMS's frame, storage blocked: every statement of a passing session."""
    launcher, aus = lms
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": BLOCK_STORAGE})
    expert = paths("mr-santino")["expert"]
    launch = launcher.launch(aus["mr-santino"])
    blocked = {0: lambda: notice(driver, "Your browser does not allow saving here")}
    play(driver, launcher, launch, expert, framed=True, between=blocked)
    assert launcher.fetches[launch["launch"]] == 1
    stored = statements_of(launcher, launch["registration"], 3 + 2 * len(expert) + 1)
    artifact("framed", stored)
    check_rules(stored, launch, len(expert), success=True)


def test_a_refused_fetch_is_said_and_playing_goes_on(lms, driver):
    launcher, aus = lms
    launch = launcher.launch(aus["mr-santino"])
    token_taken = urllib.request.Request(f"{launcher.origin}/fetch/{launch['launch']}", method="POST")
    urllib.request.urlopen(token_taken, timeout=10).read()
    driver.get(launch["url"])
    ready(driver)
    notice(driver, "Your LMS did not accept this launch")
    for choice in paths("mr-santino")["expert"]:
        click_reply(driver, choice)
    wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".ending h2")))
    assert launcher.fetches[launch["launch"]] == 2, "one POST by the app, never a retry loop"

    # A launch the LMS wrote no LaunchData for: nothing may be sent.
    orphan = launcher.launch(aus["bad-news"], launch_data=False)
    driver.get(orphan["url"])
    ready(driver)
    notice(driver, "Your LMS did not accept this launch")
    for choice in paths("bad-news")["expert"][:2]:
        click_reply(driver, choice)
    time.sleep(2)
    for refused in (launch, orphan):
        assert [s for s in launcher.ralph.statements()
                if s["context"]["registration"] == refused["registration"]] == []


def test_launch_data_late_nothing_lost(lms, driver):
    launcher, aus = lms
    expert = paths("mr-santino")["expert"]
    launcher.unavailable = 3  # 1 + 2 + 4 s of backoff: replies are made meanwhile
    launch = launcher.launch(aus["mr-santino"])
    told = {0: lambda: notice(driver, "Your LMS is not answering")}
    play(driver, launcher, launch, expert, between=told)
    assert launcher.unavailable == 0
    stored = statements_of(launcher, launch["registration"], 2 * len(expert) + 4)
    check_rules(stored, launch, len(expert), success=True)
    # The replies made while LaunchData was unavailable carry the time they were made, not the
    # time they could be sent (the stamps' order is checked above: initialized stays first).
    first = next(s for s in stored if verb(s) == "answered")
    made = datetime.fromisoformat(first["timestamp"].replace("Z", "+00:00")).timestamp()
    assert made < launcher.served_launch_data - 0.5, (first["timestamp"], launcher.served_launch_data)


def test_lrs_down_statements_wait_and_arrive_once(lms, driver):
    launcher, aus = lms
    expert = paths("mr-santino")["expert"]
    launch = launcher.launch(aus["mr-santino"])

    def down():
        statements_of(launcher, launch["registration"], 1 + 2 * 3, settle=0.5)
        launcher.ralph.stop()

    def told():
        notice(driver, "Your LMS is not answering")

    def exit_then_up():
        threading.Timer(5, launcher.ralph.start).start()

    play(driver, launcher, launch, expert, between={3: down, 5: told, len(expert): exit_then_up})
    stored = statements_of(launcher, launch["registration"], 2 * len(expert) + 4)
    artifact("lrs-down", stored)
    check_rules(stored, launch, len(expert), success=True)
