//! Reporting to a learning management system, the pure part: what cmi5 statements and SCORM 1.2
//! values say, built from the reducer's events and the engine's types (ids and clocks come from
//! the caller), so every rule is tested natively. The browser side is `platform::lms` and the
//! consumer of the events is `hooks::use_lms`.

pub mod cmi5;
pub mod scorm;

use crate::engine::{Completion, NodeId, Story};
use std::collections::VecDeque;

/// An ending's overall score from 0 to 1 (no score counts as 0): cmi5's `score.scaled`.
pub fn scaled(completion: &Completion) -> f64 {
    f64::from(completion.score.unwrap_or(0)) / 100.0
}

/// Whether an ending passes against an LMS's mastery score (0 to 1): the one rule both
/// standards apply (SCORM's 0–100 mastery score is divided by 100 first).
pub fn passes(completion: &Completion, mastery: f64) -> bool {
    scaled(completion) >= mastery
}

/// How far through the conversation a learner standing on `node` after `replies` replies is,
/// from 0 to 100: the replies made over those plus the fewest still needed to reach an ending.
/// An ending is 100; a node no ending can be reached from counts as one reply short of it.
pub fn progress_percent(story: &Story, node: &NodeId, replies: usize) -> u8 {
    let left = replies_to_ending(story, node).unwrap_or(1);
    if left == 0 {
        return 100;
    }
    let percent = 100 * replies / (replies + left);
    u8::try_from(percent.min(99)).unwrap_or(99)
}

/// The fewest replies from `from` to an ending (0 on one), if any ending can be reached.
fn replies_to_ending(story: &Story, from: &NodeId) -> Option<usize> {
    let nodes = &story.file.nodes;
    let start = nodes.iter().position(|n| &n.id == from)?;
    let mut seen = vec![false; nodes.len()];
    let mut queue = VecDeque::from([(start, 0usize)]);
    seen[start] = true;
    while let Some((i, depth)) = queue.pop_front() {
        if nodes[i].ending.is_some() {
            return Some(depth);
        }
        for choice in &nodes[i].choices {
            if let Some(j) = nodes.iter().position(|n| n.id == choice.next) {
                if !seen[j] {
                    seen[j] = true;
                    queue.push_back((j, depth + 1));
                }
            }
        }
    }
    None
}
