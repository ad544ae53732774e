//! Sharing while a story is read: each distinct id is allocated once, and each text is a slice of
//! the file it was read from instead of a copy. Allocation was most of what loading cost.

use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// What [`reading`] shares: the ids seen so far and the text being read.
struct Reading {
    ids: rustc_hash::FxHashSet<Rc<str>>,
    /// The last id seen in each of a few slots (by length and end bytes): most ids repeat ones
    /// just read (the locale of every text, an emotion in every choice), and this finds them
    /// without hashing.
    recent: [Option<Rc<str>>; RECENT],
    source: Rc<str>,
}

const RECENT: usize = 32;

/// The slot of [`Reading::recent`] that `raw` would be in.
fn slot(raw: &str) -> usize {
    let bytes = raw.as_bytes();
    let first = usize::from(bytes.first().copied().unwrap_or(0));
    let last = usize::from(bytes.last().copied().unwrap_or(0));
    (bytes.len().wrapping_mul(7) ^ first ^ last.wrapping_mul(3)) % RECENT
}

thread_local! {
    static READING: RefCell<Option<Reading>> = const { RefCell::new(None) };
}

/// Runs `f` (a parse of `source`) with sharing on: ids are interned, and a [`Str`] read from
/// `source` without escapes points into it.
pub fn reading<T>(source: &Rc<str>, f: impl FnOnce() -> T) -> T {
    /// Ends sharing even if `f` unwinds, so nothing stays pinned.
    struct Reset(Option<Reading>);
    impl Drop for Reset {
        fn drop(&mut self) {
            READING.with(|r| *r.borrow_mut() = self.0.take());
        }
    }
    let fresh = Reading {
        ids: Default::default(),
        recent: Default::default(),
        source: source.clone(),
    };
    // Restores any outer reading afterwards (a nested parse is not expected, but harmless).
    let _reset = Reset(READING.with(|r| r.borrow_mut().replace(fresh)));
    f()
}

/// An `Rc<str>` for `raw`: the shared one while [`reading`], else a new one.
pub fn intern(raw: &str) -> Rc<str> {
    READING.with(|r| match r.borrow_mut().as_mut() {
        Some(reading) => {
            let recent = &mut reading.recent[slot(raw)];
            if let Some(shared) = recent.as_ref().filter(|shared| ***shared == *raw) {
                return shared.clone();
            }
            let shared = match reading.ids.get(raw) {
                Some(shared) => shared.clone(),
                None => {
                    let shared: Rc<str> = Rc::from(raw);
                    reading.ids.insert(shared.clone());
                    shared
                }
            };
            *recent = Some(shared.clone());
            shared
        }
        None => Rc::from(raw),
    })
}

/// An immutable string that is usually a slice of the story file it came from (one reference
/// count, no copy), else an allocation of its own.
#[derive(Clone)]
pub struct Str {
    source: Rc<str>,
    start: u32,
    end: u32,
}

impl Str {
    /// A string of its own.
    pub fn new(text: &str) -> Self {
        Self {
            source: Rc::from(text),
            start: 0,
            // Story files are refused long before 4 GB (over 5 MB in the app, 10 MB in storycheck).
            end: u32::try_from(text.len()).unwrap_or(u32::MAX),
        }
    }

    /// `text` as a slice of the file being read when it lies inside it, else a copy.
    fn borrowed(text: &str) -> Self {
        let slice = READING.with(|r| -> Option<Self> {
            let r = r.borrow();
            let source = &r.as_ref()?.source;
            let start = (text.as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
            let end = start.checked_add(text.len())?;
            if end > source.len() {
                return None;
            }
            Some(Self {
                source: source.clone(),
                start: u32::try_from(start).ok()?,
                end: u32::try_from(end).ok()?,
            })
        });
        slice.unwrap_or_else(|| Self::new(text))
    }
}

impl Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        self.source
            .get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self)
    }
}

impl Serialize for Str {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Str;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, text: &'de str) -> Result<Str, E> {
                Ok(Str::borrowed(text))
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Str, E> {
                Ok(Str::new(text))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Str {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        String::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}
