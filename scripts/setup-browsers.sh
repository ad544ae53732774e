#!/usr/bin/env bash
# Installs what the cross-engine browser tests (tests/cross/, issue 9) need, skipping what is present:
#   Firefox ESR + geckodriver; chromedriver (Chromium itself comes from scripts/setup.sh);
#   WebKitGTK's WebKitWebDriver + MiniBrowser; Xvfb (MiniBrowser has no headless mode); and the
#   Python packages selenium + pytest. Pinned where we choose the version (Debian's packages follow
#   the Debian release).
# Idempotent; takes well under a second when everything is installed. First run: ~4 minutes
# (geckodriver compiles from crates.io: nothing outside the package registries is reachable here).
set -euo pipefail
cd "$(dirname "$0")/.."

GECKODRIVER_VERSION=0.37.1
# selenium 4.52.0 needs a certifi newer than the PyPI mirror here serves; 4.51.0 installs.
SELENIUM_VERSION=4.51.0
PYTEST_VERSION=9.2.0
PYTHON=${PYTHON:-python3}
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1msetup-browsers:\033[0m %s\n' "$*"; }
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi

# Debian packages: one `apt-get update`, and only when something is missing.
missing=()
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)   # chromium itself: scripts/setup.sh
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)   # brings MiniBrowser along
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Capture first: with pipefail, `grep -q` closing the pipe early would count as a failure.
if [ "$(geckodriver --version 2>/dev/null | head -1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (compiles once, ~3 minutes)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

# `pip show` is slow-ish (~0.3 s each); one import answers both questions.
if ! "$PYTHON" - "$SELENIUM_VERSION" "$PYTEST_VERSION" <<'EOF' 2>/dev/null; then
import sys, selenium, pytest
sys.exit(0 if (selenium.__version__, pytest.__version__) == (sys.argv[1], sys.argv[2]) else 1)
EOF
  say "installing selenium $SELENIUM_VERSION and pytest $PYTEST_VERSION"
  "$PYTHON" -m pip install --quiet --disable-pip-version-check \
    "selenium==$SELENIUM_VERSION" "pytest==$PYTEST_VERSION"
fi

say "browsers ready: $(/usr/bin/firefox-esr --version 2>/dev/null), geckodriver $GECKODRIVER_VERSION," \
    "WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null || echo '?')," \
    "selenium $SELENIUM_VERSION, pytest $PYTEST_VERSION"
