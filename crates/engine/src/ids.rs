//! Newtype identifiers, so a node id can never be passed where an emotion id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::rc::Rc;

/// Reads an id straight into its `Rc<str>` (one allocation, where `String` then `Rc` takes two),
/// through one visitor shared by every id type.
struct IdVisitor;

impl serde::de::Visitor<'_> for IdVisitor {
    type Value = Rc<str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, raw: &str) -> Result<Rc<str>, E> {
        Ok(Rc::from(raw))
    }
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(Rc<str>);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(IdVisitor).map(Self)
            }
        }

        impl $name {
            /// Wraps a raw identifier.
            pub fn new(raw: impl AsRef<str>) -> Self {
                Self(Rc::from(raw.as_ref()))
            }

            /// The identifier as written in the story file.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        // Hash and Eq are those of the `str`, so maps keyed by ids can be searched by `&str`.
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(raw: &str) -> Self {
                Self::new(raw)
            }
        }
    };
}

id_type!(
    /// A story, named by its file stem (`stories/mr-santino.json` is `mr-santino`).
    StoryId
);
id_type!(
    /// A node of the story graph.
    NodeId
);
id_type!(
    /// A choice, unique within its node.
    ChoiceId
);
id_type!(
    /// An emotion dimension declared by the story (`trust`, `anger`, ...).
    EmotionId
);
id_type!(
    /// A boolean flag declared by the story and set by choices.
    FlagId
);
id_type!(
    /// A learning objective; choice feedback names one as its principle.
    ObjectiveId
);
id_type!(
    /// A mood derived from emotion values.
    MoodId
);
id_type!(
    /// A speaker other than the client: `narrator`, `you`, or a member of the story's cast.
    SpeakerId
);
id_type!(
    /// A threshold rule.
    RuleId
);
id_type!(
    /// A locale code as a key of a [`super::model::Text`] (`en`, `es`, `pt`).
    Locale
);
