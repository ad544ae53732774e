//! Located problems: every error or warning says where it is (JSON pointer and line:column).

use serde::Serialize;
use std::fmt;

/// Whether a problem stops the story from loading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The story cannot be played.
    Error,
    /// The story plays, but something is probably a mistake.
    Warning,
}

/// One problem in a story file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    #[serde(skip)]
    pub severity: Severity,
    /// What is wrong, in plain words.
    pub message: String,
    /// JSON pointer to the offending value (`/nodes/4/choices/1/next`), when known.
    pub pointer: Option<String>,
    /// 1-based line in the file, when known.
    pub line: Option<usize>,
    /// 1-based column in the file, when known.
    pub column: Option<usize>,
}

impl Diagnostic {
    /// An error at a JSON pointer (line and column are filled in later from the source).
    pub fn error(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Self::at(Severity::Error, pointer, message)
    }

    /// A warning at a JSON pointer.
    pub fn warning(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Self::at(Severity::Warning, pointer, message)
    }

    fn at(severity: Severity, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity,
            message: message.into(),
            pointer: Some(pointer.into()),
            line: None,
            column: None,
        }
    }

    /// Where in `file` the problem is: `file:line:column`, or just `file` when the line is
    /// unknown. The one way a place is written, by storycheck and by the app's problem lists.
    pub fn place(&self, file: &str) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
            _ => file.to_string(),
        }
    }

    /// The JSON pointer, `/` for the whole document, when known.
    pub fn pointer_text(&self) -> Option<&str> {
        self.pointer
            .as_deref()
            .map(|p| if p.is_empty() { "/" } else { p })
    }

    /// Where, as `line:column pointer`, or whatever part is known.
    pub fn location(&self) -> String {
        let place = self.place("");
        let at = place.strip_prefix(':').unwrap_or(&place);
        match self.pointer_text() {
            Some(pointer) if !at.is_empty() => format!("{at} {pointer}"),
            Some(pointer) => pointer.to_string(),
            None => at.to_string(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let loc = self.location();
        if loc.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{loc}: {}", self.message)
        }
    }
}

/// Appends one escaped segment to a JSON pointer (RFC 6901: `~` → `~0`, `/` → `~1`).
pub fn push_segment(pointer: &mut String, segment: &str) {
    pointer.push('/');
    for c in segment.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// `base` with one more segment.
pub fn child(base: &str, segment: impl fmt::Display) -> String {
    let mut out = base.to_string();
    push_segment(&mut out, &segment.to_string());
    out
}

/// Fills in line and column of each diagnostic from where its pointer (or its nearest
/// existing parent) starts in `source`. `source` must be valid JSON.
pub fn locate_all(source: &str, diagnostics: &mut [Diagnostic]) {
    if diagnostics.iter().all(|d| d.pointer.is_none()) {
        return;
    }
    let mut positions = std::collections::HashMap::new();
    scan(source, &mut |token, path, start, _| {
        if token == Token::Value {
            positions.insert(path.to_string(), start);
        }
        true
    });
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    for diagnostic in diagnostics.iter_mut() {
        let Some(pointer) = diagnostic.pointer.as_deref() else {
            continue;
        };
        let mut probe = pointer;
        let offset = loop {
            if let Some(offset) = positions.get(probe) {
                break Some(*offset);
            }
            match probe.rfind('/') {
                Some(cut) => probe = &probe[..cut],
                None => break None,
            }
        };
        if let Some(offset) = offset {
            let line = line_starts.partition_point(|&start| start <= offset);
            let start = line_starts[line - 1];
            let column = source
                .get(start..offset)
                .map_or(1, |prefix| prefix.chars().count() + 1);
            diagnostic.line = Some(line);
            diagnostic.column = Some(column);
        }
    }
}

/// The JSON pointer of what ends last at or before byte `offset` of `source`: the key, value or
/// object a parser was reading when it stopped there. It turns serde_json's error position into a
/// pointer, so an error says `/nodes/3/ending/outcome`, not only line and column.
pub fn pointer_at(source: &str, offset: usize) -> String {
    let mut best = String::new();
    scan(source, &mut |_, path, start, end| {
        if end <= offset {
            best.clear();
            best.push_str(path);
        }
        start < offset
    });
    best
}

/// What the walker reports: a value (of any kind) or an object key.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    Value,
    Key,
}

/// Walks `source`, calling `visit(token, pointer, start, end)` for each key and for each value
/// once it ends (so a container comes after its contents); `visit` returns false to stop.
fn scan(source: &str, visit: &mut dyn FnMut(Token, &str, usize, usize) -> bool) {
    let mut scanner = Scanner {
        bytes: source.as_bytes(),
        pos: 0,
        visit,
    };
    let mut path = String::new();
    scanner.value(&mut path, 0);
}

/// Deeper than serde_json reads (128), so any file it parsed is walked whole, while a hostile
/// nesting cannot exhaust the stack.
const MAX_DEPTH: usize = 256;

/// A minimal JSON walker that reports where each value starts and ends, keyed by JSON pointer.
struct Scanner<'a, 'v> {
    bytes: &'a [u8],
    pos: usize,
    visit: &'v mut dyn FnMut(Token, &str, usize, usize) -> bool,
}

impl Scanner<'_, '_> {
    fn skip_ws(&mut self) {
        while self
            .bytes
            .get(self.pos)
            .is_some_and(|b| b.is_ascii_whitespace())
        {
            self.pos += 1;
        }
    }

    /// Walks one value; false once the visitor asked to stop.
    fn value(&mut self, path: &mut String, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        self.skip_ws();
        let start = self.pos;
        match self.bytes.get(self.pos) {
            Some(b'{') => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    match self.bytes.get(self.pos) {
                        Some(b'}') | None => {
                            self.pos += 1;
                            break;
                        }
                        Some(b',') => {
                            self.pos += 1;
                            continue;
                        }
                        _ => {}
                    }
                    let key_start = self.pos;
                    let key = self.string();
                    let len = path.len();
                    push_segment(path, &key);
                    if !(self.visit)(Token::Key, path, key_start, self.pos) {
                        return false;
                    }
                    self.skip_ws();
                    if self.bytes.get(self.pos) == Some(&b':') {
                        self.pos += 1;
                    }
                    if !self.value(path, depth + 1) {
                        return false;
                    }
                    path.truncate(len);
                }
            }
            Some(b'[') => {
                self.pos += 1;
                let mut index = 0usize;
                loop {
                    self.skip_ws();
                    match self.bytes.get(self.pos) {
                        Some(b']') | None => {
                            self.pos += 1;
                            break;
                        }
                        Some(b',') => {
                            self.pos += 1;
                            continue;
                        }
                        _ => {}
                    }
                    let len = path.len();
                    push_segment(path, &index.to_string());
                    if !self.value(path, depth + 1) {
                        return false;
                    }
                    path.truncate(len);
                    index += 1;
                }
            }
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while self
                    .bytes
                    .get(self.pos)
                    .is_some_and(|b| !matches!(b, b',' | b']' | b'}') && !b.is_ascii_whitespace())
                {
                    self.pos += 1;
                }
            }
            None => {}
        }
        (self.visit)(Token::Value, path, start, self.pos)
    }
    /// Reads a string literal and returns it decoded (via serde_json, which knows every escape).
    fn string(&mut self) -> String {
        let start = self.pos;
        self.pos += 1;
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'"' => break,
                _ => {}
            }
        }
        let raw = self.bytes.get(start..self.pos).unwrap_or_default();
        serde_json::from_slice(raw).unwrap_or_default()
    }
}
