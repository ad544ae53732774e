#!/usr/bin/env bash
# Installs what `make test` needs beyond serving (scripts/setup.sh runs first): Debian's Chromium
# for the browser tests, Firefox ESR and WebKitGTK with their drivers for the cross-engine run
# (scripts/setup-browsers.sh), and ralph, the open-source LRS, for the xAPI tests
# (scripts/setup-lrs.sh). Idempotent; skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup-test:\033[0m %s\n' "$*"; }
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi

if ! command -v chromium >/dev/null 2>&1; then
  say "installing chromium"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi
bash scripts/setup-browsers.sh
bash scripts/setup-lrs.sh
say "test tools ready"
