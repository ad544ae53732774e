//! Fetching the build's story files and catalog, relative to the page so any sub-path works:
//! `stories/<id>.<locale>.json` (one locale of a story), `stories/<id>.json` (the whole story)
//! and `catalog.json` (the library's cards), all written by the build (`storycheck
//! build-stories`). The one-file bundle carries the whole stories and the catalog in the page.

use crate::engine::{Diagnostic, Severity};

/// The catalog's file.
pub const CATALOG: &str = "catalog.json";

/// The file of story `id` in one `locale`.
pub fn split_file(id: &str, locale: &str) -> String {
    format!("stories/{id}.{locale}.json")
}

/// The whole file of story `id` (every locale).
pub fn whole_file(id: &str) -> String {
    format!("stories/{id}.json")
}

/// Story files larger than this are refused before parsing.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;

/// A data block of the page (`<script type="application/json" id="…">`), as the one-file
/// offline bundle carries its files: a `file://` page cannot fetch.
fn block(id: &str) -> Option<Vec<u8>> {
    let doc = web_sys::window()?.document()?;
    let text = doc.get_element_by_id(id)?.text_content()?;
    Some(text.into_bytes())
}

/// A whole story inlined in the page (`id="story-<id>"`).
pub fn inlined(id: &str) -> Option<Vec<u8>> {
    block(&format!("story-{id}"))
}

/// The catalog inlined in the page (`id="rapport-catalog"`).
pub fn inlined_catalog() -> Option<Vec<u8>> {
    block("rapport-catalog")
}

/// Why a file could not be fetched.
#[derive(Clone, Debug, PartialEq)]
pub struct Unfetched {
    /// The server answered that it has no such file (404).
    pub missing: bool,
    /// What to tell the learner.
    pub problem: Diagnostic,
}

/// Fetches a file of the build by its path relative to the page.
pub async fn fetch(path: &str) -> Result<Vec<u8>, Unfetched> {
    let fail = |missing: bool, message: String| Unfetched {
        missing,
        problem: Diagnostic {
            severity: Severity::Error,
            message,
            pointer: None,
            line: None,
            column: None,
        },
    };
    let response = gloo::net::http::Request::get(path)
        .send()
        .await
        .map_err(|e| fail(false, format!("could not be fetched ({e})")))?;
    if !response.ok() {
        return Err(fail(
            response.status() == 404,
            format!(
                "the server answered {} {}",
                response.status(),
                response.status_text()
            ),
        ));
    }
    response
        .binary()
        .await
        .map_err(|e| fail(false, format!("could not be read ({e})")))
}
