"""The same play-through of `mr-santino` in every browser engine we support (issue 9).

Chromium (through chromedriver), Firefox ESR (geckodriver) and WebKitGTK, Safari's engine
(WebKitWebDriver + MiniBrowser), each driven with selenium against `dist/` served under a
sub-path by a static server started here. For each engine: open the story by deep link, play the
expert path from `tests/transcripts/mr-santino.paths.json`, check that the meters move after the
first reply, reload after three replies and check that transcript and meters come back identical,
reach the ending, check the debrief and its chart, and check that no script error occurred.
Screenshots of the conversation (after three replies) and of the debrief go to
`tests/browser/artifacts/engines/<engine>-{conversation,debrief}.png`.

WebKitGTK's MiniBrowser has no headless mode, so this file starts its own Xvfb for it (a private
display chosen by Xvfb itself via -displayfd): `python3 -m pytest tests/cross` needs no
`xvfb-run` wrapper and never opens a window on a developer's desktop.
Tools: `scripts/setup-browsers.sh` installs them. `ENGINES=firefox,webkit` selects engines.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for pysupport
from pysupport import (  # noqa: E402 (after the sys.path line)
    COLLECTOR, EXPERT, ROOT, STORY, WAIT, StaticServer, click_reply, copy_dist, need, ready,
    remove_copy, replies_taken, start_chromium, wait)

ARTIFACTS = ROOT / "tests/browser/artifacts/engines"
VIEWPORT = (1280, 900)
RELOAD_AFTER = 3

# selenium's own WebKitGTK driver still uses an API selenium deprecates; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:setting remote_server_addr:DeprecationWarning")

ENGINES = [e.strip() for e in os.environ.get("ENGINES", "chromium,firefox,webkit").split(",") if e.strip()]

FIREFOX = "/usr/bin/firefox-esr"
GECKODRIVER = shutil.which("geckodriver") or str(Path.home() / ".cargo/bin/geckodriver")
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
WEBKITDRIVER = "/usr/bin/WebKitWebDriver"

READ_METERS = """
return Object.fromEntries([...document.querySelectorAll('[role="meter"]')].map((el) => [
  (document.getElementById(el.getAttribute('aria-labelledby')) || {}).textContent || '?',
  el.getAttribute('aria-valuenow')]));
"""


# ---------------------------------------------------------------------------------------------
# The static server (tests/pysupport.py): a snapshot of dist/ under its sub-path.


@pytest.fixture(scope="session")
def base_url():
    snapshot = copy_dist("rapport-dist-")
    server = StaticServer(snapshot)
    base = server.base
    wasm = next(snapshot.glob("*.wasm")).name
    with urllib.request.urlopen(base + wasm) as response:
        assert response.headers["content-type"] == "application/wasm"
    yield base
    server.close()
    remove_copy(snapshot)


# ---------------------------------------------------------------------------------------------
# Engines.


@pytest.fixture(scope="session")
def xvfb_display():
    """A private Xvfb display for WebKitGTK; Xvfb picks a free display number itself."""
    if not shutil.which("Xvfb"):
        pytest.fail("Xvfb is missing: run scripts/setup-browsers.sh")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1920x1200x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()  # written once the server accepts connections
    if not number:
        proc.kill()
        pytest.fail("Xvfb did not start")
    yield f":{number}"
    proc.terminate()
    proc.wait(timeout=10)


def _start(engine: str, request, log_dir: Path):
    """Starts a fresh browser (new profile, so empty localStorage) and returns the driver."""
    if engine == "chromium":
        return start_chromium(log_dir, VIEWPORT)
    if engine == "firefox":
        need(FIREFOX, GECKODRIVER)
        opts = webdriver.FirefoxOptions()
        opts.binary_location = FIREFOX
        opts.add_argument("-headless")
        opts.add_argument(f"--width={VIEWPORT[0]}")
        opts.add_argument(f"--height={VIEWPORT[1]}")
        # The browser log: console messages of pages go to Firefox's stdout, which geckodriver
        # writes to its log; WebDriver BiDi (below) reports script errors and console.error live.
        opts.set_preference("devtools.console.stdout.content", True)
        opts.enable_bidi = True
        service = webdriver.FirefoxService(executable_path=GECKODRIVER,
                                           log_output=str(log_dir / "geckodriver.log"))
        return webdriver.Firefox(options=opts, service=service)
    if engine == "webkit":
        need(MINIBROWSER, WEBKITDRIVER)
        display = request.getfixturevalue("xvfb_display")
        opts = webdriver.WebKitGTKOptions()
        opts.binary_location = MINIBROWSER
        opts.add_argument("--automation")
        service = webdriver.WebKitGTKService(executable_path=WEBKITDRIVER,
                                             log_output=str(log_dir / "webkitwebdriver.log"),
                                             env={**os.environ, "DISPLAY": display})
        return webdriver.WebKitGTK(options=opts, service=service)
    raise ValueError(engine)


def _size_viewport(driver) -> None:
    """Makes the viewport (not the window) VIEWPORT, so screenshots compare across engines."""
    driver.set_window_size(*VIEWPORT)
    for _ in range(2):
        w, h = driver.execute_script("return [innerWidth, innerHeight]")
        if (w, h) == VIEWPORT:
            return
        size = driver.get_window_size()
        driver.set_window_size(size["width"] + VIEWPORT[0] - w, size["height"] + VIEWPORT[1] - h)


class BrowserLog:
    """Script errors the engine itself reports, beyond the page's own collector."""

    def __init__(self, engine: str, driver, log_dir: Path):
        self.engine, self.driver, self.log_dir = engine, driver, log_dir
        self.live: list[str] = []
        if engine == "firefox":
            script = driver.script
            script.add_javascript_error_handler(
                lambda e: self.live.append(f"javascript error: {getattr(e, 'text', e)}"))
            script.add_console_message_handler(
                lambda e: getattr(e, "level", "") == "error"
                and self.live.append(f"console.error: {getattr(e, 'text', e)}"))

    def errors(self) -> list[str]:
        found = list(self.live)
        if self.engine == "chromium":
            found += [f"{e['level']}: {e['message']}" for e in self.driver.get_log("browser")
                      if e["level"] == "SEVERE"]
        if self.engine == "firefox":
            log = (self.log_dir / "geckodriver.log").read_text(errors="replace")
            found += [line for line in log.splitlines()
                      if line.startswith(("console.error:", "JavaScript error:"))
                      and "127.0.0.1" in line]
        return found


# ---------------------------------------------------------------------------------------------
# The play-through.


def _state(driver) -> dict:
    # innerText, not WebElement.text: WebDriver's visible text leaves out the newest bubbles
    # while their entrance animation still has them at opacity 0.
    return {
        "transcript": driver.execute_script(
            "return document.querySelector('.transcript').innerText"),
        "meters": driver.execute_script(READ_METERS),
    }


def _settle(driver) -> None:
    """Waits for running CSS animations/transitions to finish (before a screenshot)."""
    driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {})))
          .then(() => requestAnimationFrame(() => requestAnimationFrame(() => done())));
    """)


@pytest.mark.parametrize("engine", ENGINES)
def test_play_through(engine, base_url, request, tmp_path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    driver = _start(engine, request, tmp_path)
    try:
        driver.set_page_load_timeout(WAIT)
        driver.set_script_timeout(WAIT)
        log = BrowserLog(engine, driver, tmp_path)
        page_errors: list[str] = []
        _size_viewport(driver)

        # Deep link straight into the story, under the sub-path.
        driver.get(f"{base_url}#/story/{STORY}")
        ready(driver)
        assert driver.execute_script("return location.hash") == f"#/story/{STORY}"
        meters_at_start = driver.execute_script(READ_METERS)
        assert meters_at_start, "no [role=meter] in the client panel"

        # The first reply moves the meters.
        click_reply(driver, EXPERT[0])
        wait(driver).until(lambda d: d.execute_script(READ_METERS) != meters_at_start,
                           "the meters did not change after the first reply")
        assert set(driver.execute_script(READ_METERS)) == set(meters_at_start)

        for choice in EXPERT[1:RELOAD_AFTER]:
            click_reply(driver, choice)

        # Reload mid-story: progress comes back from localStorage, identical. The app saves
        # after the reply's paint, or within 200 ms where no frame comes (WebKitGTK under
        # Xvfb), so wait for the save instead of reading storage in the same instant.
        saved_within = time.monotonic()
        wait(driver).until(
            lambda d: d.execute_script("return localStorage.getItem('rapport:v1:progress')"),
            "nothing saved in localStorage")
        saved_within = time.monotonic() - saved_within
        assert saved_within < 2.0, f"progress took {saved_within:.1f} s to be saved"
        before = _state(driver)
        _settle(driver)
        driver.save_screenshot(str(ARTIFACTS / f"{engine}-conversation.png"))
        page_errors += driver.execute_script("return window.__errors")
        driver.refresh()
        wait(driver).until(lambda d: replies_taken(d) == RELOAD_AFTER,
                           "the transcript did not come back after the reload")
        driver.execute_script(COLLECTOR)
        assert _state(driver) == before

        for choice in EXPERT[RELOAD_AFTER:]:
            click_reply(driver, choice)

        # The ending and the debrief.
        heading = wait(driver).until(EC.visibility_of_element_located(
            (By.CSS_SELECTOR, ".ending h2")), "no ending")
        assert heading.text.strip()
        debrief = wait(driver).until(EC.visibility_of_element_located(
            (By.CSS_SELECTOR, ".debrief")), "no debrief")
        points = driver.find_elements(By.CSS_SELECTOR, '.chart-svg .point[data-emotion="respect"]')
        assert len(points) == len(EXPERT) + 1, "one chart point for the start and one per reply"
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", debrief)
        _settle(driver)
        driver.save_screenshot(str(ARTIFACTS / f"{engine}-debrief.png"))

        page_errors += driver.execute_script("return window.__errors")
        assert page_errors == [], "script errors in the page"
        assert log.errors() == [], "script errors in the browser log"
    finally:
        driver.quit()
        print(f"{engine}: {time.monotonic() - started:.1f} s")


# ---------------------------------------------------------------------------------------------
# Studio (issue 19): editing and play-testing work in every engine, not only Chromium.

STUDIO_ENGINES = [e for e in ENGINES if e in ("firefox", "webkit")]


@pytest.mark.parametrize("engine", STUDIO_ENGINES)
def test_studio_edit_and_play(engine, base_url, request, tmp_path):
    """A new story from the template: one line edited through its form, then play-tested (the
    edited line shows in the learner's player) to the ending."""
    from selenium.webdriver.common.keys import Keys

    driver = _start(engine, request, tmp_path)
    try:
        driver.set_page_load_timeout(WAIT)
        driver.set_script_timeout(WAIT)
        log = BrowserLog(engine, driver, tmp_path)
        _size_viewport(driver)
        driver.get(f"{base_url}studio/index.html#/studio")
        driver.execute_script(COLLECTOR)
        wait(driver).until(EC.element_to_be_clickable((By.ID, "new-story"))).click()
        wait(driver).until(EC.element_to_be_clickable(
            (By.CSS_SELECTOR, '.node-list button[data-node="start"]'))).click()
        line = wait(driver).until(EC.element_to_be_clickable(
            (By.CSS_SELECTOR, '[id="f/nodes/0/lines/0/text/en"]')))
        select_all = Keys.COMMAND if engine == "webkit" and sys.platform == "darwin" else Keys.CONTROL
        line.send_keys(select_all, "a")
        edited = f"Edited in {engine}: my order is late."
        line.send_keys(edited)
        wait(driver).until(lambda d: d.find_element(
            By.CSS_SELECTOR, '[id="f/nodes/0/lines/0/text/en"]').get_attribute("value") == edited)
        driver.find_element(By.CSS_SELECTOR, "#pt-node").send_keys("start")
        driver.find_element(By.CSS_SELECTOR, ".playtest-setup button[type=submit]").click()
        wait(driver).until(lambda d: edited in d.execute_script(
            "const t = document.querySelector('.player.pane .transcript'); return t ? t.innerText : ''"),
            "the edited line is not in the play-test")
        wait(driver).until(EC.element_to_be_clickable(
            (By.CSS_SELECTOR, ".player.pane button.choice"))).click()
        heading = wait(driver).until(EC.visibility_of_element_located(
            (By.CSS_SELECTOR, ".player.pane .ending h2")), "no ending")
        assert heading.text.strip()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        _settle(driver)
        driver.save_screenshot(str(ARTIFACTS / f"{engine}-studio.png"))
        assert driver.execute_script("return window.__errors") == [], "script errors in the page"
        assert log.errors() == [], "script errors in the browser log"
    finally:
        driver.quit()
