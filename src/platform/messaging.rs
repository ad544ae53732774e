//! Messages to the page that embeds Rapport in an iframe (`window.parent.postMessage`).
//!
//! Every message is `{"source": "rapport", "version": 1, "type": …, …}`; none carries personal
//! data (no names, no free text), so a wiki can listen with a plain `message` handler.

use crate::engine::small::SortedMap;
use crate::engine::Outcome;
use crate::events::Start;
use serde::Serialize;

/// Marks every message as ours.
pub const SOURCE: &str = "rapport";
/// Version of the message shapes below.
pub const VERSION: u32 = 1;

/// What the app tells its host page.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum HostMessage {
    /// The app is running and showing `story`.
    Ready {
        /// Story id, if one is open.
        story: Option<String>,
        /// Interface language code.
        lang: String,
    },
    /// A play-through of `story` began: opened, restarted, or replayed from a decision (the
    /// replies kept follow as `choice` messages), so a host counting replies starts over.
    Started {
        /// Story id.
        story: String,
        /// opened, restarted or replayed.
        how: Start,
    },
    /// The learner took back their last reply (reply number `turn`); the next `choice` replaces it.
    TookBack {
        /// Story id.
        story: String,
        /// 1-based number of the reply taken back.
        turn: usize,
    },
    /// The learner picked a reply.
    Choice {
        /// Story id.
        story: String,
        /// Node where the reply was made.
        node: String,
        /// The reply's id.
        choice: String,
        /// 1-based number of this reply in the play-through.
        turn: usize,
        /// Emotion values after the reply.
        emotions: SortedMap<String, i32>,
    },
    /// The conversation reached an ending.
    Completed {
        /// Story id.
        story: String,
        /// success, partial or failure.
        outcome: Outcome,
        /// Score (%) per learning objective; null where no reply touched it.
        scores: SortedMap<String, Option<u32>>,
        /// Overall score (%).
        score: Option<u32>,
        /// Milliseconds from the first screen of the story to the ending.
        duration_ms: u64,
    },
    /// The page's content height changed (size the iframe to it).
    Resize {
        /// Height in CSS pixels.
        height: u32,
    },
}

#[derive(Serialize)]
struct Envelope<'a> {
    source: &'static str,
    version: u32,
    #[serde(flatten)]
    message: &'a HostMessage,
}

/// The JSON text of a message as posted.
pub fn encode(message: &HostMessage) -> String {
    serde_json::to_string(&Envelope {
        source: SOURCE,
        version: VERSION,
        message,
    })
    .unwrap_or_default()
}

/// Posts a message to the parent window, if there is one (no-op when not in a frame).
pub fn post(message: &HostMessage, target_origin: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let Ok(value) = js_sys::JSON::parse(&encode(message)) else {
        return;
    };
    // A wrong target origin makes the browser drop the message: nothing to handle here.
    let _ = parent.post_message(&value, target_origin);
}
