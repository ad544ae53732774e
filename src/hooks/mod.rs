//! Hooks whose effects touch the browser: the route, persistence, loading stories, keyboard,
//! host-page messages, reporting to an LMS and kiosk inactivity.

mod use_host_messages;
mod use_idle;
mod use_keys;
mod use_lms;
mod use_persist;
mod use_route;
mod use_stories;
mod use_xapi;

pub use use_host_messages::use_host_messages;
pub use use_idle::{use_idle, warning_seconds};
pub use use_keys::use_number_keys;
pub use use_lms::use_lms;
pub use use_persist::{read_progress, use_persist};
pub use use_route::use_route;
pub use use_stories::use_stories;
pub use use_xapi::use_xapi;
