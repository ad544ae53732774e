//! Rapport: rehearse hard client conversations. The story engine, the `storycheck` CLI and the
//! Yew app all live in this library so tests and binaries reuse them.

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
