# Two commands for a newcomer: `make serve` and `make test`. Both install what is missing first.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: setup serve dist bundle bench test lint native-test browser-test clean

setup:
	@bash scripts/setup.sh

## Build and serve the app on http://127.0.0.1:8080 (rebuilds on change).
serve: setup
	trunk serve --release --no-autoreload

## Build the release app into dist/.
dist: setup
	trunk build --release

## One self-contained HTML file that plays from file:// (for a kiosk's USB stick): bundle/rapport.html
bundle: dist
	node scripts/bundle.mjs dist bundle/rapport.html

## Benchmark table (never fails): first-load weight, time to first choice, choice latency, engine scaling, vs inkjs.
bench: dist
	cargo build --quiet --release --bin storycheck
	cd bench/floor && trunk build --release >/dev/null
	-node scripts/bench.mjs

lint: setup
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bin rapport -- -D warnings

STORIES := $(filter-out stories/schema.json,$(wildcard stories/*.json))

native-test: setup
	cargo test --all-targets
	cargo run --quiet --bin storycheck -- $(STORIES)
	node --test tests/schema/*.test.mjs tests/build/*.test.mjs

browser-test: dist
	node scripts/bundle.mjs dist bundle/rapport.html
	node --test --test-concurrency=1 tests/browser/*.test.mjs
	PYTHONDONTWRITEBYTECODE=1 python3 -m pytest -q -p no:cacheprovider tests/cross
	PYTHONDONTWRITEBYTECODE=1 python3 -m pytest -q -p no:cacheprovider tests/lrs

## Everything: formatting, lints, native tests, storycheck on every story, release build, browser tests.
test: lint native-test browser-test

clean:
	cargo clean
	rm -rf dist bundle
