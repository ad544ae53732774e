# Two commands for a newcomer: `make serve` and `make test`. Both install what is missing first.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: setup serve dist test lint native-test browser-test clean

setup:
	@bash scripts/setup.sh

## Build and serve the app on http://127.0.0.1:8080 (rebuilds on change).
serve: setup
	trunk serve --release

## Build the release app into dist/.
dist: setup
	trunk build --release

lint: setup
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings

STORIES := $(filter-out stories/schema.json,$(wildcard stories/*.json))

native-test: setup
	cargo test --all-targets
	cargo run --quiet --bin storycheck -- $(STORIES)
	node --test tests/schema/*.test.mjs

browser-test: dist
	node --test --test-concurrency=1 tests/browser/*.test.mjs

## Everything: formatting, lints, native tests, storycheck on every story, release build, browser tests.
test: lint native-test browser-test

clean:
	cargo clean
	rm -rf dist
