//! The view: one component per file; hook-free pieces are plain functions returning `Html`.

pub mod app;
pub mod chart;
pub mod client_panel;
pub mod debrief;
pub mod header;
pub mod kiosk;
pub mod library;
pub mod player;
pub mod portrait;
pub mod problems;
pub mod story_map;
pub mod transcript;
pub mod upload;
