//! Loading a story file: bytes → syntax check → typed structure → validation, collecting every
//! problem with its location instead of stopping at the first.

use super::diagnostic::{child, locate_all, pointer_at, Diagnostic, Severity};
use super::ids::StoryId;
use super::model::{Choice, Node, StoryFile};
use super::story::Story;
use super::validate::validate;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Everything the loader found wrong with a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Problems that stop the story from playing.
    pub errors: Vec<Diagnostic>,
    /// Probable mistakes that do not.
    pub warnings: Vec<Diagnostic>,
}

impl Report {
    /// True when there are no errors (warnings allowed).
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Loads and validates a story from the bytes of its file.
///
/// Returns the story when it has no errors, and a report of everything found either way.
pub fn load(id: StoryId, bytes: &[u8]) -> (Option<Story>, Report) {
    let (file, report) = check(bytes);
    let story = match file {
        Some(file) if report.errors.is_empty() => Some(Story::new(id, file)),
        _ => None,
    };
    (story, report)
}

/// Loads a story file the build wrote and already checked: `storycheck build-stories` validates
/// every story before it writes the files a learner's app fetches, and refuses to write any if
/// one has a problem. So this is one typed parse and no validation pass: the learner's wasm
/// carries neither the validator nor the item-by-item located diagnostics (authoring code, in
/// [`load`] and [`check`]). A file that does not parse (a host that mangled it) is one error at
/// serde's line and column. A file that parses but refers to nothing (never written by the
/// build) still cannot crash a play-through: the session's steps return typed errors.
pub fn load_checked(id: StoryId, bytes: &[u8]) -> Result<Story, Diagnostic> {
    let text = String::from_utf8_lossy(bytes);
    serde_json::from_str::<StoryFile>(&text)
        .map(|file| Story::new(id, file))
        .map_err(|err| Diagnostic {
            severity: Severity::Error,
            message: strip_position(&err.to_string()),
            pointer: None,
            line: Some(err.line().max(1)),
            column: Some(err.column().max(1)),
        })
}

/// Parses and validates a story file; the parsed file is returned whenever its structure is
/// sound, even if validation found errors (so tools can still describe it).
pub fn check(bytes: &[u8]) -> (Option<StoryFile>, Report) {
    let mut report = Report::default();
    let source = match std::str::from_utf8(bytes) {
        Ok(source) => source,
        Err(err) => {
            let (line, column) = line_column(bytes, err.valid_up_to());
            report.errors.push(Diagnostic {
                severity: Severity::Error,
                message: "the file is not UTF-8 text".into(),
                pointer: None,
                line: Some(line),
                column: Some(column),
            });
            return (None, report);
        }
    };
    // The happy path is one typed pass straight from the text. Only a file with a problem pays
    // for the slower pass below, which finds every problem instead of the first.
    let (file, mut errors) = match parse::<StoryFile>(source) {
        Ok(file) => (Some(file), Vec::new()),
        Err((pointer, message)) => {
            let mut errors = Vec::new();
            let file = thorough(source, &mut errors);
            if errors.is_empty() {
                errors.push(Diagnostic::error(pointer, message));
            }
            (file, errors)
        }
    };
    if let Some(file) = &file {
        let (more, warnings) = validate(file);
        errors.extend(more);
        report.warnings = warnings;
    }
    report.errors = errors;
    locate_all(source, &mut report.errors);
    locate_all(source, &mut report.warnings);
    (file, report)
}

/// Deserialises `text`, or says where and why it failed (JSON pointer, message).
///
/// Every typed parse of story content goes through here, so the wasm build carries one copy of
/// the format's deserialisers.
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, (String, String)> {
    serde_json::from_str(text).map_err(|err| {
        let offset = offset_of(text, err.line(), err.column());
        (pointer_at(text, offset), strip_position(&err.to_string()))
    })
}

/// Byte offset of serde_json's 1-based line and column (the column counts the bytes read on
/// that line, so the offset is just past the byte that failed).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column).min(text.len())
}

/// The slow path for a file that failed the typed pass: a syntax error, or every structural
/// problem item by item. Returns the file only if it has no structural problem.
fn thorough(source: &str, errors: &mut Vec<Diagnostic>) -> Option<StoryFile> {
    let value: Value = match serde_json::from_str(source) {
        Ok(value) => value,
        Err(err) => {
            errors.push(Diagnostic {
                severity: Severity::Error,
                message: format!("JSON syntax: {}", strip_position(&err.to_string())),
                pointer: None,
                line: Some(err.line().max(1)),
                column: Some(err.column().max(1)),
            });
            return None;
        }
    };
    structure(value, errors)
}

/// Top-level arrays whose items are checked one by one, so one bad node does not hide the next.
const ITEM_ARRAYS: [&str; 6] = ["nodes", "emotions", "moods", "rules", "objectives", "cast"];

/// Deserialises the story, reporting structural problems per item of each top-level array and
/// per choice of each node.
fn structure(mut value: Value, errors: &mut Vec<Diagnostic>) -> Option<StoryFile> {
    let Some(object) = value.as_object_mut() else {
        errors.push(Diagnostic::error("", "a story file must be a JSON object"));
        return None;
    };
    let mut taken: Vec<(&str, Vec<Value>)> = Vec::new();
    for key in ITEM_ARRAYS {
        if let Some(Value::Array(items)) = object.get_mut(key) {
            taken.push((key, std::mem::take(items)));
        }
    }
    let mut file: Option<StoryFile> = typed(value, "", errors);
    for (key, items) in taken {
        let base = child("", key);
        let ok = match key {
            "nodes" => {
                let nodes: Vec<Option<Node>> = items
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| node(item, &child(&base, i), errors))
                    .collect();
                assign(&mut file, nodes, |f, v| f.nodes = v)
            }
            "emotions" => assign(&mut file, each(items, &base, errors), |f, v| f.emotions = v),
            "moods" => assign(&mut file, each(items, &base, errors), |f, v| f.moods = v),
            "rules" => assign(&mut file, each(items, &base, errors), |f, v| f.rules = v),
            "objectives" => assign(&mut file, each(items, &base, errors), |f, v| {
                f.objectives = v
            }),
            _ => assign(&mut file, each(items, &base, errors), |f, v| f.cast = v),
        };
        if !ok {
            file = None;
        }
    }
    file
}

/// Deserialises every item of an array on its own, so each bad item is reported.
fn each<T: DeserializeOwned>(
    items: Vec<Value>,
    base: &str,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Option<T>> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| typed(item, &child(base, i), errors))
        .collect()
}

/// Puts parsed items back into the file; false when any item failed (the story must not play).
fn assign<T>(
    file: &mut Option<StoryFile>,
    items: Vec<Option<T>>,
    set: impl FnOnce(&mut StoryFile, Vec<T>),
) -> bool {
    let Some(items) = items.into_iter().collect::<Option<Vec<T>>>() else {
        return false;
    };
    if let Some(f) = file.as_mut() {
        set(f, items);
    }
    true
}

/// A node, with its choices checked one by one.
fn node(mut item: Value, pointer: &str, errors: &mut Vec<Diagnostic>) -> Option<Node> {
    let choices = match item.get_mut("choices") {
        Some(Value::Array(choices)) => Some(std::mem::take(choices)),
        _ => None,
    };
    let mut node: Option<Node> = typed(item, pointer, errors);
    if let Some(choices) = choices {
        let base = child(pointer, "choices");
        let parsed: Vec<Option<Choice>> = choices
            .into_iter()
            .enumerate()
            .map(|(i, c)| typed(c, &child(&base, i), errors))
            .collect();
        match (node.as_mut(), parsed.iter().all(Option::is_some)) {
            (Some(n), true) => n.choices = parsed.into_iter().flatten().collect(),
            _ => node = None,
        }
    }
    node
}

/// Deserialises one value, turning a serde error into a diagnostic at the exact pointer.
fn typed<T: DeserializeOwned>(value: Value, base: &str, errors: &mut Vec<Diagnostic>) -> Option<T> {
    // Back to text, so this goes through the same deserialisers as the happy path.
    match parse::<T>(&value.to_string()) {
        Ok(v) => Some(v),
        Err((pointer, message)) => {
            errors.push(Diagnostic::error(format!("{base}{pointer}"), message));
            None
        }
    }
}

/// serde_json appends " at line L column C"; the location has its own fields.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message.to_string(),
    }
}

fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}
