//! Fetching story files from `stories/<id>.json`, relative to the page so any sub-path works.

use crate::engine::{Diagnostic, Severity};
use wasm_bindgen::JsCast;

/// Story files larger than this are refused before parsing.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;

/// A story inlined in the page (`<script type="application/json" id="story-ID">`), as the
/// one-file offline bundle carries them: a `file://` page cannot fetch.
fn inlined(id: &str) -> Option<Vec<u8>> {
    let doc = web_sys::window()?.document()?;
    let text = doc
        .get_element_by_id(&format!("story-{id}"))?
        .text_content()?;
    Some(text.into_bytes())
}

/// Where the loader (`boot-*.js`, see `scripts/postbuild.mjs`) leaves the story it started
/// downloading before the app ran: `{id, bytes: Promise, ready: ArrayBuffer | null}`.
const PREFETCH: &str = "__rapportPrefetch";

/// The loader's entry if it is for story `id`.
fn prefetch(id: &str) -> Option<wasm_bindgen::JsValue> {
    let window = web_sys::window()?;
    let entry = js_sys::Reflect::get(&window, &PREFETCH.into()).ok()?;
    let for_id = js_sys::Reflect::get(&entry, &"id".into())
        .ok()?
        .as_string()?;
    (for_id == id).then_some(entry)
}

/// Drops the loader's entry: it is used once.
fn forget_prefetch() {
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::delete_property(&window, &PREFETCH.into());
    }
}

fn bytes_of(buffer: &wasm_bindgen::JsValue) -> Option<Vec<u8>> {
    buffer
        .is_instance_of::<js_sys::ArrayBuffer>()
        .then(|| js_sys::Uint8Array::new(buffer).to_vec())
}

/// The prefetched story `id` if it has already arrived, so the app can start on it without a
/// render of "loading"; else `None` and the prefetch is left for [`fetch_story`].
pub fn prefetched_now(id: &str) -> Option<Vec<u8>> {
    let ready = js_sys::Reflect::get(&prefetch(id)?, &"ready".into()).ok()?;
    let bytes = bytes_of(&ready)?;
    forget_prefetch();
    Some(bytes)
}

/// The prefetched story `id`, awaited. `None` when there is none or it failed: the caller then
/// fetches it itself and reports any failure properly.
async fn prefetched(id: &str) -> Option<Vec<u8>> {
    let entry = prefetch(id)?;
    forget_prefetch();
    let promise: js_sys::Promise = js_sys::Reflect::get(&entry, &"bytes".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    bytes_of(&buffer)
}

/// Fetches a story file's bytes (or takes them from the page), or a diagnostic saying why not.
pub async fn fetch_story(id: &str) -> Result<Vec<u8>, Diagnostic> {
    if let Some(bytes) = inlined(id) {
        return Ok(bytes);
    }
    if let Some(bytes) = prefetched(id).await {
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
