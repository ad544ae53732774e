#!/usr/bin/env bash
# Installs the open-source Learning Record Store ralph (PyPI `ralph-malph`) into its own virtualenv,
# .venv-lrs/, for the real-LRS xAPI test (tests/lrs/). Its own venv, because ralph pins fastapi,
# uvicorn, pydantic, bcrypt... and must never clash with (or upgrade) the system's packages.
# Extras: `lrs` (the FastAPI server: fastapi, uvicorn[standard], bcrypt, python-jose) and `cli`
# (`ralph runserver`, `ralph auth`). The file-system data backend (`--backend fs`, statements in one
# JSON-lines file) ships in the base package and needs no other service, so no backend extra.
# Plus `requests`: ralph's server imports it (ralph/api/auth/oidc.py, even with Basic auth only) but
# 5.1.0 declares it only in the backend-ldp/-s3 extras, so `[cli,lrs]` alone fails at start-up.
# Idempotent; a fraction of a second when present. First run: ~1 minute.
set -euo pipefail
cd "$(dirname "$0")/.."

RALPH_VERSION=5.1.0
REQUESTS_VERSION=2.32.5
SPEC="ralph-malph[cli,lrs]==$RALPH_VERSION requests==$REQUESTS_VERSION"
VENV=.venv-lrs
PYTHON=${PYTHON:-python3}

say() { printf '\033[1msetup-lrs:\033[0m %s\n' "$*"; }

# Present when the stamp names this exact spec and the venv's interpreter still runs (a venv breaks
# when the Python it was made from is removed or upgraded).
if [ "$(cat "$VENV/.installed" 2>/dev/null)" = "$SPEC" ] && [ -x "$VENV/bin/ralph" ] \
   && "$VENV/bin/python" -c '' 2>/dev/null; then
  exit 0
fi

say "installing $SPEC into $VENV/ (once, about a minute)"
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
# shellcheck disable=SC2086 # SPEC is two requirements
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check $SPEC
# What the test relies on: the server (with the fs backend), the CLI and the backend all import.
RALPH_RUNSERVER_BACKEND=fs "$VENV/bin/python" -c 'import ralph.api, ralph.cli, ralph.backends.lrs.fs'
echo "$SPEC" > "$VENV/.installed"
say "ralph $("$VENV/bin/ralph" --version 2>/dev/null | awk '{print $NF}') ready ($VENV/bin/ralph)"
