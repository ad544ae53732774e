//! Hooks whose effects touch the browser: the route, persistence, loading stories, keyboard.

mod use_keys;
mod use_persist;
mod use_route;
mod use_stories;

pub use use_keys::use_number_keys;
pub use use_persist::{read_progress, use_persist};
pub use use_route::use_route;
pub use use_stories::use_stories;
