//! Rapport, the app the learner downloads: state and events (`state`), the Yew components, the
//! hooks that do the I/O, and the browser glue. The story engine is its own crate
//! (`rapport-engine`, re-exported here as [`engine`]); the tools are `storycheck` and `rapport-bench`.

pub use rapport_engine as engine;

pub mod author;
pub mod components;
pub mod events;
pub mod hooks;
pub mod i18n;
pub mod lms;
pub mod platform;
pub mod records;
pub mod state;

/// Mounts one of the build's apps (its [`components::app::Pages`]) on the page.
#[cfg(target_arch = "wasm32")]
pub fn start<P: components::app::Pages>() {
    yew::Renderer::<components::app::App<P>>::new().render();
}

/// The app only runs in a browser; natively this explains how to start it.
#[cfg(not(target_arch = "wasm32"))]
pub fn start<P: components::app::Pages>() {
    eprintln!("Rapport is a web app: run `make serve` and open http://127.0.0.1:8080");
}
