# Two commands for a newcomer: `make serve` and `make test`. Both install what is missing first:
# `make serve` only what building and serving needs; `make test` adds the browsers and the LRS.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

# The native tools, built for speed (Cargo.toml, [profile.tools]).
TOOLS := target/tools
STORIES := $(wildcard stories/*.json)

.PHONY: setup setup-test serve dist studio lms tools bundle package bench test lint native-test browser-test clean

setup:
	@bash scripts/setup.sh

setup-test: setup
	@bash scripts/setup-test.sh

## Build and serve the app on http://127.0.0.1:8080 (rebuilds the learner's app on change; the
## authoring app under /studio/ and the LMS app under /lms/ are built once at the start: `make
## studio` and `make lms` rebuild them).
serve: setup tools studio lms
	trunk serve --release --no-autoreload

## Build the release app into dist/: the learner's app, with the authoring app copied in as studio/
## and the LMS app as lms/.
dist: setup tools studio lms
	trunk build --release

## The authoring app (studio/index.html, its own wasm) into target/studio-dist/, which the
## learner's build copies in (index.html, copy-dir).
studio: setup
	trunk build --release=true --dist target/studio-dist studio/index.html

## The LMS app (lms/index.html, its own wasm: what a package's AU or SCO opens) into
## target/lms-dist/, which the learner's build copies in (index.html, copy-dir).
lms: setup
	trunk build --release=true --dist target/lms-dist lms/index.html

## storycheck and rapport-bench in target/tools/ (Trunk's post-build hook runs storycheck).
tools: setup
	cargo build --quiet --profile tools -p storycheck -p rapport-bench

## One self-contained HTML file that plays from file:// (for a kiosk's USB stick): bundle/rapport.html
bundle: dist
	node scripts/bundle.mjs dist bundle/rapport.html

## An LMS package of the release build: FORMAT=cmi5 (default) or scorm12, STORY_IDS="id …" (default:
## all), MASTERY (default 0.8); written to package/rapport-$(FORMAT).zip.
FORMAT ?= cmi5
MASTERY ?= 0.8
package: dist
	$(TOOLS)/storycheck package --format $(FORMAT) --mastery $(MASTERY) $(foreach s,$(STORY_IDS),--story $(s)) --out package/rapport-$(FORMAT).zip

## Benchmark table (never fails): Rapport side by side with the ink web port of the same story
## (BENCH_STORY, default mr-santino; BENCH_LANG, default en; BENCH_RUNS, default 7), and engine
## scaling; also written to bench/last-run.md.
bench: setup-test dist tools
	cargo build --quiet --release --target wasm32-unknown-unknown -p rapport-bench --lib
	wasm-bindgen --target web --no-typescript --out-dir target/bench-engine target/wasm32-unknown-unknown/release/rapport_bench.wasm
	wasm-opt -Oz target/bench-engine/rapport_bench_bg.wasm -o target/bench-engine/rapport_bench_bg.wasm
	cd bench/floor && trunk build --release >/dev/null
	-node scripts/bench.mjs

lint: setup
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p rapport -p rapport-engine -p rapport-report --lib --bins -- -D warnings

native-test: setup tools
	cargo test --workspace
	$(TOOLS)/storycheck --strict $(STORIES)
	$(TOOLS)/storycheck fmt --check $(STORIES)
	node --test tests/schema/*.test.mjs tests/build/*.test.mjs tests/bench/*.test.mjs

browser-test: setup-test dist
	node scripts/bundle.mjs dist bundle/rapport.html
	node --test --test-concurrency=1 tests/browser/*.test.mjs
	PYTHONDONTWRITEBYTECODE=1 python3 -m pytest -q -p no:cacheprovider tests/cross
	PYTHONDONTWRITEBYTECODE=1 python3 -m pytest -q -p no:cacheprovider tests/lrs

## Everything: formatting, lints, native tests, storycheck on every story, release build, browser tests.
test: setup-test lint native-test browser-test

clean:
	cargo clean
	rm -rf dist bundle
