#!/bin/sh
# Trunk's post-build hook (Trunk.toml), in order: the stories as the learner downloads them, then
# the build's manifest, which lists them. Runnable by hand as `sh scripts/post-build.sh DIR`.
#
# 1. `storycheck build-stories` writes each story split by locale (`stories/<id>.<locale>.json`)
#    and the library's `catalog.json`, with the engine's own types. It runs the prebuilt tool
#    (`make tools`): a `cargo run` here would compile inside every rebuild of `trunk serve`.
# 2. `scripts/manifest.mjs` writes `build.json`.
# Trunk starts the hooks of one stage all at once, hence one hook for both.
set -eu
# The authoring app's and the LMS app's builds (studio/index.html, lms/index.html: `make studio`,
# `make lms`) have nothing of this: the learner's build copies them in as studio/ and lms/ and
# lists them there.
case "${TRUNK_HTML_FILE:-}" in
  */studio/index.html | */lms/index.html) exit 0 ;;
esac
dir="${1:-${TRUNK_STAGING_DIR:-dist}}"
tool=target/tools/storycheck
if [ ! -x "$tool" ]; then
  echo "post-build: $tool is missing: run \`make tools\` first (\`make dist\` and \`make serve\` do)" >&2
  exit 1
fi
"$tool" build-stories "$dir" stories/*.json
node scripts/manifest.mjs "$dir"
