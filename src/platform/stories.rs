//! Fetching story files from `stories/<id>.json`, relative to the page so any sub-path works.

use crate::engine::{Diagnostic, Severity};

/// Story files larger than this are refused before parsing.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;

/// A story inlined in the page (`<script type="application/json" id="story-ID">`), as the
/// one-file offline bundle carries them: a `file://` page cannot fetch.
pub fn inlined(id: &str) -> Option<Vec<u8>> {
    let doc = web_sys::window()?.document()?;
    let text = doc
        .get_element_by_id(&format!("story-{id}"))?
        .text_content()?;
    Some(text.into_bytes())
}

/// Fetches a story file's bytes (or takes them from the page), or a diagnostic saying why not.
pub async fn fetch_story(id: &str) -> Result<Vec<u8>, Diagnostic> {
    if let Some(bytes) = inlined(id) {
        return Ok(bytes);
    }
    let url = format!("stories/{id}.json");
    let fail = |message: String| Diagnostic {
        severity: Severity::Error,
        message,
        pointer: None,
        line: None,
        column: None,
    };
    let response = gloo::net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| fail(format!("{url}: could not be fetched ({e})")))?;
    if !response.ok() {
        return Err(fail(format!(
            "{url}: the server answered {} {}",
            response.status(),
            response.status_text()
        )));
    }
    response
        .binary()
        .await
        .map_err(|e| fail(format!("{url}: could not be read ({e})")))
}
