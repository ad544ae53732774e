"""What the Python browser suites share: tests/cross (every engine) and tests/lrs (xAPI, real LRS).

The story both play, a static server for a snapshot of `dist/` under a sub-path, Chromium under
selenium, and the page helpers (wait, reply, install the error collector). Each test file puts
tests/ on sys.path and imports from here; nothing here is collected as a test.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import ElementClickInterceptedException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
SUBPATH = "/training/rapport/"
STORY = "mr-santino"
EXPERT = json.loads((ROOT / "tests/transcripts" / f"{STORY}.paths.json").read_text())["expert"]
# Seconds for anything in the page; generous: a loaded 2-core machine runs WebKit on a
# software-rendered X server.
WAIT = 60

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Installed right after each page load: records uncaught errors, failed resource loads, unhandled
# promise rejections and console.error calls (a Rust panic reports there) into window.__errors.
COLLECTOR = r"""
if (!window.__errors) {
  window.__errors = [];
  window.addEventListener('error', (e) => window.__errors.push('error: ' + (e.message
      || (e.target && (e.target.src || e.target.href)) || e.type)), true);
  window.addEventListener('unhandledrejection', (e) =>
      window.__errors.push('unhandledrejection: ' + String(e.reason)
          + (e.reason && e.reason.stack ? '\n' + e.reason.stack : '')));
  const original = console.error;
  console.error = function (...args) {
    window.__errors.push('console.error: ' + args.map(String).join(' '));
    return original.apply(this, args);
  };
}
"""


# ---------------------------------------------------------------------------------------------
# The static server: a snapshot of dist/ (so a rebuild during the run cannot swap files under us)
# under SUBPATH only, on a free loopback port, with the right MIME types.


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".css": "text/css",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }

    def _route(self) -> bool:
        if not self.path.startswith(SUBPATH):
            self.send_error(404, "not here")
            return False
        self.path = "/" + self.path[len(SUBPATH):]
        return True

    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self._route():
            super().do_GET()

    def do_HEAD(self):  # noqa: N802
        if self._route():
            super().do_HEAD()

    def log_message(self, *args):  # keep pytest's output readable
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that drops a connection (reload, preload it no longer needs) is no error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def copy_dist(prefix: str) -> Path:
    """A copy of dist/ as `<new temp dir named prefix...>/dist`; remove it with remove_copy."""
    if not (DIST / "index.html").exists():
        pytest.fail("dist/ is missing: build it first (make dist)")
    copy = Path(tempfile.mkdtemp(prefix=prefix)) / "dist"
    shutil.copytree(DIST, copy)
    return copy


def remove_copy(copy: Path) -> None:
    shutil.rmtree(copy.parent, ignore_errors=True)


class StaticServer:
    """Serves `directory` under SUBPATH at `base` (= origin + SUBPATH), from a thread."""

    def __init__(self, directory: Path):
        self._server = _Server(
            ("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.base = self.origin + SUBPATH

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


# ---------------------------------------------------------------------------------------------
# Browsers.


def need(*paths: str) -> None:
    for p in paths:
        if not (p and os.access(p, os.X_OK)):
            pytest.fail(f"{p} is missing: run scripts/setup-browsers.sh")


def start_chromium(log_dir: Path, window: tuple[int, int], performance_log: bool = False):
    """A fresh headless Chromium (new profile, so empty localStorage) with its browser log, and
    with `performance_log` the performance log too (network requests); chromedriver logs to
    log_dir/chromedriver.log."""
    need(CHROMIUM, CHROMEDRIVER)
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                f"--window-size={window[0]},{window[1]}"):
        opts.add_argument(arg)
    prefs = {"browser": "ALL", **({"performance": "ALL"} if performance_log else {})}
    opts.set_capability("goog:loggingPrefs", prefs)
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER,
                                      log_output=str(log_dir / "chromedriver.log"))
    return webdriver.Chrome(options=opts, service=service)


# ---------------------------------------------------------------------------------------------
# The page.


def wait(driver, timeout: float = WAIT) -> WebDriverWait:
    return WebDriverWait(driver, timeout, poll_frequency=0.1)


def ready(driver) -> None:
    """Waits for the running app's replies (not the prerendered opening's, which the app
    replaces), then installs COLLECTOR (after every load or reload)."""
    wait(driver).until(EC.presence_of_element_located(
        (By.CSS_SELECTOR, 'body > .app:not([data-opening]) [role="group"] button.choice')),
        "the story never showed its replies")
    driver.execute_script(COLLECTOR)


def replies_taken(driver) -> int:
    return len(driver.find_elements(By.CSS_SELECTOR, ".bubble.you"))


def click_reply(driver, choice: str) -> None:
    selector = f'[role="group"] button.choice[data-choice="{choice}"]'
    before = replies_taken(driver)
    button = wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, selector)),
                                f"reply {choice!r} never became clickable")
    try:
        button.click()
    except ElementClickInterceptedException:
        # Something (a sticky header, an entrance animation) covers the button at the
        # point WebDriver picked; a learner would scroll, so do that and retry once.
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
    wait(driver).until(lambda d: replies_taken(d) > before, f"reply {choice!r} was not taken")
