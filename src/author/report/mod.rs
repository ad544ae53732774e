//! The class report (`#/report`, for trainers): where a group of learners goes wrong, read from
//! the deployment's LRS or a statements file. The aggregation is `rapport-report` (pure Rust,
//! natively tested); these components show it. [`Report`] is the root the authoring app mounts.

pub mod decisions;
pub mod emotion_bands;
pub mod page;
pub mod source;
pub mod story_section;
pub mod text;

pub use page::Report;

use crate::engine::{NodeId, Story};
use crate::i18n::Lang;

/// How a decision point reads to a trainer: the last line said there (shortened), else its id.
pub fn node_label(story: &Story, node: &NodeId, lang: Lang) -> String {
    let tr = story.localiser(lang.code());
    let Some(line) = story.node(node).and_then(|n| n.lines.last()) else {
        return node.to_string();
    };
    let text = tr.text(&line.text);
    const MAX: usize = 110;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}
