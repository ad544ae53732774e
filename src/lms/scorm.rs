//! SCORM 1.2: the values the app sets on the LMS's `API` (`cmi.core.*`, `cmi.suspend_data`) and
//! how the saved progress is written into, and read back from, `suspend_data`.
//!
//! The saved progress is the story and the replies made, in order: the engine replays them
//! ([`crate::engine::Session::replay`]), so a relaunch restores the conversation exactly, in a
//! few hundred characters. SCORM 1.2 allows `suspend_data` 4,096 characters: when the replies
//! would not fit, the longest prefix of them that does is saved (and [`Suspend::truncated`]
//! says so): a relaunch resumes at the last reply that fit, never from a value the LMS cut.

use crate::engine::{ChoiceId, Completion, NodeId, StoryId};
use serde::{Deserialize, Serialize};

/// The most characters SCORM 1.2 lets `cmi.suspend_data` hold.
pub const SUSPEND_LIMIT: usize = 4096;

/// What `cmi.suspend_data` holds: the story and the replies of the play-through under way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suspend {
    /// The format (1).
    pub v: u32,
    /// The story.
    pub story: StoryId,
    /// The replies, in order.
    pub replies: Vec<ChoiceId>,
}

/// `suspend_data` as written: the text, and whether replies were left out to fit the limit.
#[derive(Clone, Debug, PartialEq)]
pub struct Encoded {
    /// The value for `cmi.suspend_data` (at most [`SUSPEND_LIMIT`] characters).
    pub text: String,
    /// True when the last replies did not fit and were left out.
    pub truncated: bool,
}

impl Suspend {
    /// The saved progress of `replies` in `story`, fitted into `limit` characters (the longest
    /// prefix of the replies that fits).
    pub fn encode(story: &StoryId, replies: &[ChoiceId], limit: usize) -> Encoded {
        let text = |n: usize| {
            serde_json::to_string(&Suspend {
                v: 1,
                story: story.clone(),
                replies: replies[..n].to_vec(),
            })
            .unwrap_or_default()
        };
        let all = text(replies.len());
        if all.chars().count() <= limit {
            return Encoded {
                text: all,
                truncated: false,
            };
        }
        // The longest prefix that fits: lengths grow with n, so a binary search finds it.
        let (mut lo, mut hi) = (0usize, replies.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if text(mid).chars().count() <= limit {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        let fitted = text(lo);
        Encoded {
            text: if fitted.chars().count() <= limit {
                fitted
            } else {
                String::new()
            },
            truncated: true,
        }
    }

    /// Reads `suspend_data`; `None` for anything else (empty, another SCO's, damaged).
    pub fn decode(text: &str) -> Option<Suspend> {
        serde_json::from_str::<Suspend>(text)
            .ok()
            .filter(|s| s.v == 1)
    }
}

/// `cmi.core.lesson_location`: a bookmark of the story and the node.
pub fn location(story: &StoryId, node: &NodeId) -> String {
    format!("{story}/{node}")
}

/// `cmi.core.lesson_status` at an ending: passed or failed against the LMS's mastery score
/// (`cmi.student_data.mastery_score`, 0 to 100, when it sets one), else completed.
pub fn final_status(completion: &Completion, mastery: Option<f64>) -> &'static str {
    match mastery {
        Some(m) if super::passes(completion, m / 100.0) => "passed",
        Some(_) => "failed",
        None => "completed",
    }
}

/// Reads `cmi.student_data.mastery_score`: a number from 0 to 100, or none (empty).
pub fn mastery(value: &str) -> Option<f64> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|m| (0.0..=100.0).contains(m))
}

/// `cmi.core.session_time` for `ms`: `HHHH:MM:SS.SS` (SCORM 1.2's CMITimespan).
pub fn session_time(ms: u64) -> String {
    let centis = ms / 10;
    let (hours, rest) = (centis / 360_000, centis % 360_000);
    let (minutes, rest) = (rest / 6_000, rest % 6_000);
    format!(
        "{:04}:{:02}:{:02}.{:02}",
        hours.min(9999),
        minutes,
        rest / 100,
        rest % 100
    )
}
