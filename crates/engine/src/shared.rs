//! The story's texts: [`Str`], an immutable shared string.
//!
//! Until 2026-12-05 reading a story also interned every id in a thread-local table (with a
//! 32-slot cache of recent ids) and made each text a slice of the file: loading a 10,000-node
//! story under the old 20 ms budget needed it. That budget is gone (docs/PERFORMANCE.md), a real
//! story has 30-60 nodes, and `Deserialize` no longer depends on hidden thread-local state.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// An immutable string, cheap to clone (one reference count).
#[derive(Clone)]
pub struct Str(Rc<str>);

impl Str {
    /// A string of its own.
    pub fn new(text: &str) -> Self {
        Self(Rc::from(text))
    }
}

impl Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
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
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Str;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
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
