//! The class report: where a group of learners goes wrong, from the xAPI statements the app
//! sent. Pure Rust (serde, the engine), no browser crates: the app's report screen feeds it the
//! pages it reads from an LRS or a file, and the same code is tested natively here.
//!
//! Read a page with [`Tally::page`] (an LRS answer, an array, JSON lines), as many as there
//! are; ask for the [`Report`] at any point ([`Tally::report`]); write it as CSV ([`csv`]).
//! The statements' vocabulary (verbs, activity IRIs, extensions) is the engine's
//! [`rapport_engine::xapi`], the one the app's statement builder writes with.
#![warn(missing_docs)]

pub mod csv;
pub mod lrs;
mod statement;
pub mod summary;
pub mod tally;
pub mod time;

pub use summary::{Band, Decision, Hotspot, Learner, Objective, ReplyCount, Report, StoryReport};
pub use tally::{Counts, Dates, PageError, Tally};
