//! Rapport: rehearse hard client conversations. The story engine, the `storycheck` CLI and the
//! Yew app all live in this library so tests and binaries reuse them.

pub mod bench;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod components;
pub mod engine;
pub mod hooks;
pub mod i18n;
pub mod platform;
pub mod records;
pub mod state;

/// The stories found in `stories/` when the app was built.
pub mod catalog {
    include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
}

/// Mounts the app on the page.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    yew::Renderer::<components::app::App>::new().render();
}

/// The app only runs in a browser; natively this explains how to start it.
#[cfg(not(target_arch = "wasm32"))]
pub fn start() {
    eprintln!("Rapport is a web app: run `make serve` and open http://127.0.0.1:8080");
}

/// The page's high-resolution clock, in milliseconds.
#[cfg(target_arch = "wasm32")]
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Milliseconds to load and validate `text` in the browser (`make bench`); negative if invalid.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_load(text: &str) -> f64 {
    let t0 = now();
    match bench::load_story(text) {
        Some(_) => now() - t0,
        None => -1.0,
    }
}

/// Milliseconds to play `text` to an ending always taking the first reply (`make bench`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_play(text: &str) -> f64 {
    let Some(story) = bench::load_story(text) else {
        return -1.0;
    };
    let t0 = now();
    bench::play_first(&story);
    now() - t0
}
