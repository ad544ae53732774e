//! Browser glue: storage with an in-memory fallback, fetching story files, the URL, the LMS.
//! Everything that can throw in a browser is caught here and turned into a value.

pub mod download;
pub mod frame;
pub mod lms;
pub mod location;
pub mod lrs;
pub mod messaging;
pub mod storage;
pub mod stories;
pub mod sw;
pub mod xapi;

/// Moves keyboard focus to `element` if it can take it (an HTML element; focus cannot fail
/// in a way the learner should hear about).
pub fn focus(element: web_sys::Element) {
    if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
        let _ = element.focus();
    }
}
