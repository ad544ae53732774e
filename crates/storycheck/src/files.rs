//! Reading story files as an author names them: size limits, the story id from the file name,
//! and problems written as `FILE:LINE:COLUMN: kind: message (at /pointer)`.

use rapport_engine::{load, Diagnostic, Severity, Story, StoryId};
use std::io::Write;
use std::path::Path;

/// Files larger than this are refused without being parsed.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// The story id a file stands for: its stem (`stories/mr-santino.json` is `mr-santino`).
pub fn stem(file: &str) -> String {
    Path::new(file)
        .file_stem()
        .map_or("story".into(), |s| s.to_string_lossy().into_owned())
}

/// Reads a story file, refusing directories and files over [`MAX_FILE_BYTES`] unread.
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    match std::fs::metadata(path) {
        Err(e) => return Err(format!("cannot read the file: {e}")),
        Ok(m) if m.is_dir() => return Err("is a directory, not a story file".into()),
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            return Err(format!(
                "the file is {} bytes; story files are limited to {} MB",
                m.len(),
                MAX_FILE_BYTES / 1024 / 1024
            ))
        }
        Ok(_) => {}
    }
    std::fs::read(path).map_err(|e| format!("cannot read the file: {e}"))
}

/// A problem with no place in the file (it could not be read at all).
pub fn plain(message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        message,
        pointer: None,
        line: None,
        column: None,
    }
}

/// `FILE:LINE:COLUMN: kind: message (at /pointer)`.
pub fn human(file: &str, d: &Diagnostic, kind: &str) -> String {
    let mut out = format!("{}: {kind}: {}", d.place(file), d.message);
    if let Some(pointer) = d.pointer_text() {
        out.push_str(&format!(" (at {pointer})"));
    }
    out
}

/// Loads a valid story for `play` and `graph`, printing its problems otherwise.
pub fn load_valid(file: &str, out: &mut dyn Write) -> std::io::Result<Option<Story>> {
    let bytes = match read(Path::new(file)) {
        Ok(b) => b,
        Err(message) => {
            writeln!(out, "{file}: {message}")?;
            return Ok(None);
        }
    };
    let (story, report) = load(StoryId::new(stem(file)), &bytes);
    if story.is_none() {
        for d in &report.errors {
            writeln!(out, "{}", human(file, d, "error"))?;
        }
    }
    Ok(story)
}
