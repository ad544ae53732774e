//! Counts that `storycheck` reports about a story.

use super::model::StoryFile;
use super::validate::reachable;
use serde::Serialize;

/// Size and shape of a story.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Number of nodes.
    pub nodes: usize,
    /// Number of choices across all nodes.
    pub choices: usize,
    /// Number of ending nodes.
    pub endings: usize,
    /// Ending nodes reachable from the start (ignoring conditions).
    pub reachable_endings: usize,
    /// Declared locales.
    pub locales: Vec<String>,
    /// Declared emotion ids.
    pub emotions: Vec<String>,
}

/// Computes the stats of a structurally valid story file.
pub fn stats(file: &StoryFile) -> Stats {
    let reached = reachable(file);
    Stats {
        nodes: file.nodes.len(),
        choices: file.nodes.iter().map(|n| n.choices.len()).sum(),
        endings: file.nodes.iter().filter(|n| n.ending.is_some()).count(),
        reachable_endings: file
            .nodes
            .iter()
            .zip(&reached)
            .filter(|(n, &r)| n.ending.is_some() && r)
            .count(),
        locales: file.locales.clone(),
        emotions: file.emotions.iter().map(|e| e.id.to_string()).collect(),
    }
}
