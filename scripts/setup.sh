#!/usr/bin/env bash
# Installs what building and serving the app needs (`make serve`, `make dist`), at the pinned
# versions, skipping what is present. `make test` adds the browsers and the LRS
# (scripts/setup-test.sh).
# Versions: trunk below; wasm-bindgen from Cargo.lock (pinned "=X" in Cargo.toml, and in Trunk.toml);
# binaryen, playwright-core and axe-core from package.json. Idempotent; fast when all is present.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml; then
  echo "setup: Trunk.toml pins a wasm-bindgen other than Cargo.lock's $WASM_BINDGEN_VERSION; keep them in step" >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (takes several minutes once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes a few minutes once)"
  # --locked fails here: a locked dependency version is not served by the registry mirror.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/ajv ] || [ ! -d node_modules/scorm-again ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node tools (binaryen; playwright-core, axe-core, ajv, inkjs, scorm-again for tests and the bench)"
  npm ci --no-audit --no-fund
fi

# Trunk runs cargo offline (Trunk.toml), so every crate must be fetched first.
cargo fetch --quiet
say "tools ready"
