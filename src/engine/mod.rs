//! The story engine: pure Rust, no browser crates. Load → validate → play → review.
//!
//! Immutable content ([`Story`], shared via `Rc` by the app) is kept apart from the small
//! serialisable play state ([`Session`]), as ink keeps `story` apart from `story.state`.
#![warn(missing_docs)]

pub mod analysis;
pub mod diagnostic;
pub mod graph;
pub mod ids;
pub mod load;
pub mod model;
pub mod random;
pub mod review;
pub mod session;
pub mod stats;
pub mod story;
pub mod transcript;
pub mod validate;

pub use diagnostic::{Diagnostic, Severity};
pub use ids::{
    ChoiceId, EmotionId, FlagId, MoodId, NodeId, ObjectiveId, RuleId, SpeakerId, StoryId,
};
pub use load::{check, load, Report};
pub use model::{Outcome, Rating, StoryFile, Text};
pub use review::{review, Review};
pub use session::{EmotionChange, Offer, PlayError, Session, Step, Turn};
pub use story::{Emotions, Story};
