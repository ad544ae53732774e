//! Key-value storage: `localStorage` when the browser allows it, otherwise memory.
//!
//! `window.localStorage` throws in a sandboxed iframe without `allow-same-origin` and may be
//! full or disabled in private mode, so every access is checked rather than assumed.

use std::cell::RefCell;
use std::collections::HashMap;

/// Every key the app keeps in storage: one place, namespaced and versioned (the version changes
/// when the shape of what is saved does).
pub mod keys {
    /// The learner's progress: language, sessions, best outcomes (`crate::state::Progress`).
    pub const PROGRESS: &str = "rapport:v1:progress";
    /// Progress that could not be read, kept aside rather than lost.
    pub const PROGRESS_SET_ASIDE: &str = "rapport:v1:progress:set-aside";
    /// xAPI statements not yet accepted by the LRS, oldest first.
    pub const XAPI_QUEUE: &str = "rapport:v1:xapi-queue";
    /// The xAPI registration of the play-through under way, per story.
    pub const XAPI_REGISTRATIONS: &str = "rapport:v2:xapi-registrations";
    /// This browser's anonymous learner id (when no actor is configured).
    pub const LEARNER_ID: &str = "rapport:v1:learner-id";
    /// What this tab's cmi5 launch has sent, and its token (`crate::lms::cmi5::Sent`; session
    /// storage: a reload of the same launch continues it, another launch starts its own).
    pub const CMI5_LAUNCH: &str = "rapport:v1:cmi5-launch";
    /// This tab's cmi5 statements not yet accepted by the LMS's LRS (session storage).
    pub const CMI5_QUEUE: &str = "rapport:v1:cmi5-queue";
    /// The story being written in Studio (its file name and text), saved after every change.
    pub const STUDIO_DRAFT: &str = "rapport:v1:studio-draft";
    /// Written and removed at start-up to learn whether storage works.
    pub const PROBE: &str = "rapport:probe";
}

/// Where values are kept.
#[derive(Debug)]
pub enum Storage {
    /// The browser's `localStorage` (or `sessionStorage`), verified writable at start-up.
    Local(web_sys::Storage),
    /// A map that lives as long as the page.
    Memory(RefCell<HashMap<String, String>>),
}

impl PartialEq for Storage {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Storage {
    /// Opens `localStorage` if it can be read and written, else memory.
    pub fn open() -> Self {
        Self::probed(web_sys::window().and_then(|w| w.local_storage().ok().flatten()))
    }

    /// Opens this tab's `sessionStorage` (it outlives a reload, not the tab) if it can be read
    /// and written, else memory.
    pub fn session() -> Self {
        Self::probed(web_sys::window().and_then(|w| w.session_storage().ok().flatten()))
    }

    fn probed(storage: Option<web_sys::Storage>) -> Self {
        let local = storage.filter(|s| {
            let probe = keys::PROBE;
            s.set_item(probe, "1").is_ok() && s.remove_item(probe).is_ok()
        });
        match local {
            Some(s) => Storage::Local(s),
            None => Storage::memory(),
        }
    }

    /// Memory only (tests, or when the browser refuses storage).
    pub fn memory() -> Self {
        Storage::Memory(RefCell::new(HashMap::new()))
    }

    /// True when values survive a reload.
    pub fn is_persistent(&self) -> bool {
        matches!(self, Storage::Local(_))
    }

    /// Reads a value.
    pub fn get(&self, key: &str) -> Option<String> {
        match self {
            Storage::Local(s) => s.get_item(key).ok().flatten(),
            Storage::Memory(m) => m.borrow().get(key).cloned(),
        }
    }

    /// Writes a value; false when the browser refused (quota exceeded, storage revoked).
    pub fn set(&self, key: &str, value: &str) -> bool {
        match self {
            Storage::Local(s) => s.set_item(key, value).is_ok(),
            Storage::Memory(m) => {
                m.borrow_mut().insert(key.into(), value.into());
                true
            }
        }
    }

    /// Removes a value.
    pub fn remove(&self, key: &str) {
        match self {
            Storage::Local(s) => {
                let _ = s.remove_item(key);
            }
            Storage::Memory(m) => {
                m.borrow_mut().remove(key);
            }
        }
    }
}
