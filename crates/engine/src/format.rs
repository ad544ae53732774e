//! The one way a story file is written: what `storycheck fmt` checks the shipped stories against
//! and what Studio downloads, so a story opened and saved without edits is its file, byte for byte.
//!
//! Pretty JSON (two-space indent, keys in the model's field order, a trailing newline); a value
//! equal to what the loader would default it to is left out (the model's `skip_serializing_if`),
//! so files stay lean and an editor adds nothing an author did not write.

use super::model::StoryFile;

/// `file` as its canonical text.
pub fn pretty(file: &StoryFile) -> String {
    // Serialising plain data (strings, numbers, ordered pairs) to a String cannot fail: no map
    // has non-string keys and nothing refuses to serialise.
    let mut text = serde_json::to_string_pretty(file).unwrap_or_default();
    text.push('\n');
    text
}
