//! The story file format (version 1): immutable content, deserialised with serde.
//!
//! Every struct denies unknown fields so that a typo in a story is an error, not a silent no-op.

use super::ids::{
    ChoiceId, EmotionId, FlagId, Locale, MoodId, NodeId, ObjectiveId, RuleId, SpeakerId,
};
use super::shared::Str;
use serde::{Deserialize, Serialize};
#[cfg(not(target_arch = "wasm32"))]
use std::collections::BTreeMap;

/// The only format version this engine reads.
pub const FORMAT_VERSION: u32 = 1;

/// A JSON object held as `(key, value)` pairs in file order rather than a map: a story has tens
/// of thousands of small objects of one to three keys, and a map's node allocation for each
/// dominated loading. A repeated key keeps its last value, as JSON parsers do.
#[derive(Clone, Debug, PartialEq)]
pub struct Pairs<K, V>(pub Vec<(K, V)>);

impl<K, V> Default for Pairs<K, V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<K: PartialEq, V> Pairs<K, V> {
    /// The value under `key`.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: PartialEq + ?Sized,
    {
        self.0
            .iter()
            .find(|(k, _)| k.borrow() == key)
            .map(|(_, v)| v)
    }

    /// The keys, in file order.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().map(|(k, _)| k)
    }

    /// The entries, in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: Serialize + PartialEq, V: Serialize> Serialize for Pairs<K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de, K: Deserialize<'de> + PartialEq, V: Deserialize<'de>> Deserialize<'de> for Pairs<K, V> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::small::deserialize_map(deserializer, |pairs: &mut Self, k, v| {
            match pairs.0.iter_mut().find(|(have, _)| *have == k) {
                Some(pair) => pair.1 = v,
                None => pairs.0.push((k, v)),
            }
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<K: schemars::JsonSchema, V: schemars::JsonSchema> schemars::JsonSchema for Pairs<K, V> {
    fn inline_schema() -> bool {
        <BTreeMap<K, V>>::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <BTreeMap<K, V>>::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<K, V>>::json_schema(generator)
    }
}

/// A learner-visible string in every locale the story declares: `{"en": "...", "es": "...", "pt": "..."}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Text(pub Pairs<Locale, Str>);

impl Text {
    /// The text in `locale`, else in `fallback`, else any translation there is.
    pub fn get<'a>(&'a self, locale: &str, fallback: &str) -> &'a str {
        self.exact(locale)
            .or_else(|| self.exact(fallback))
            .or_else(|| self.0 .0.first().map(|(_, text)| &**text))
            .unwrap_or("")
    }

    /// The text in exactly `locale`, if given.
    pub fn exact(&self, locale: &str) -> Option<&str> {
        self.0.get(locale).map(|text| &**text)
    }

    /// The locales given, in file order.
    pub fn locales(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(Locale::as_str)
    }
}

/// A whole story file, as written by an author.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StoryFile {
    /// Optional JSON Schema reference for editors; ignored by the engine.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Must be [`FORMAT_VERSION`].
    pub format: u32,
    /// Locales every text must provide, the first being the fallback (e.g. `["en", "es", "pt"]`).
    pub locales: Vec<String>,
    /// Title shown on the library card and the player.
    pub title: Text,
    /// One or two sentences on the situation.
    pub summary: Text,
    /// Estimated minutes for one play-through.
    pub minutes: u32,
    /// How hard the conversation is.
    pub difficulty: Difficulty,
    /// Free-form tags for the library.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub tags: Vec<String>,
    /// What the learner should practise; choice feedback names one of these as its principle.
    pub objectives: Vec<Objective>,
    /// The client the learner talks to.
    pub persona: Persona,
    /// Other people who speak (a colleague, a partner), beside the client, `you` and `narrator`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub cast: Vec<CastMember>,
    /// The client's emotion dimensions.
    pub emotions: Vec<EmotionDef>,
    /// Moods derived from emotion values; the first whose condition holds wins.
    pub moods: Vec<Mood>,
    /// Boolean flags choices may set and conditions may test.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub flags: Vec<FlagId>,
    /// Threshold rules checked after every choice: the first that holds redirects the conversation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub rules: Vec<Rule>,
    /// Whether the learner may take back their last reply (false for assessments).
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = true)))]
    pub allow_back: bool,
    /// The node the conversation starts at.
    pub start: NodeId,
    /// The story graph.
    pub nodes: Vec<Node>,
}

fn yes() -> bool {
    true
}

// The `skip_serializing_if` twins of the defaults: a value the loader would supply is not written
// (`format::pretty`), so a file holds what its author chose.
fn is_yes(value: &bool) -> bool {
    *value
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

fn is_zero(value: &i32) -> bool {
    *value == 0
}

fn is_hundred(value: &i32) -> bool {
    *value == hundred()
}

fn is_client(speaker: &SpeakerId) -> bool {
    speaker.as_str() == CLIENT
}

impl StoryFile {
    /// Position of each node in `nodes`, by id (the first, if an id is duplicated).
    pub fn node_index(&self) -> rustc_hash::FxHashMap<&str, usize> {
        let mut index = rustc_hash::FxHashMap::default();
        index.reserve(self.nodes.len());
        for (i, n) in self.nodes.iter().enumerate() {
            index.entry(n.id.as_str()).or_insert(i);
        }
        index
    }
}

/// How demanding a story is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    /// A first conversation.
    Introductory,
    /// Needs some judgement.
    Intermediate,
    /// A hard client; every reply counts.
    Advanced,
}

/// A learning objective.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Referenced by choice feedback as `principle`.
    pub id: ObjectiveId,
    /// Short statement of the principle ("Answer the question that was asked").
    pub title: Text,
}

/// The client.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Persona {
    /// Full name as written ("Roberto Santino").
    pub name: String,
    /// Whether the client expects a formal address or their first name.
    pub address: AddressForm,
    /// How the learner addresses them, per locale ("Mr. Santino", "Sr. Santino").
    pub addressed_as: Text,
    /// Job title.
    pub role: Text,
    /// Organisation.
    pub company: String,
    /// How the portrait draws them.
    #[serde(default, skip_serializing_if = "is_default")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = {"skin": 0, "hair": "short", "hair_colour": "brown", "glasses": false, "tie": false})))]
    pub look: Look,
}

/// Formal or first-name address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AddressForm {
    /// Title and surname; never the first name.
    Formal,
    /// First name is fine.
    FirstName,
}

/// Appearance hints for the drawn portrait.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Look {
    /// Skin tone, 1 (lightest) to 5 (darkest); 0 picks 3.
    pub skin: u8,
    /// Hair style.
    pub hair: HairStyle,
    /// Hair colour.
    pub hair_colour: HairColour,
    /// Glasses on.
    pub glasses: bool,
    /// Wears a tie (formal dress).
    pub tie: bool,
}

/// Portrait hair style.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum HairStyle {
    /// Short hair.
    #[default]
    Short,
    /// Long hair.
    Long,
    /// Hair tied up.
    Bun,
    /// No hair.
    Bald,
}

/// Portrait hair colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum HairColour {
    /// Black.
    Black,
    /// Brown.
    #[default]
    Brown,
    /// Blond.
    Blond,
    /// Grey.
    Grey,
    /// Red.
    Red,
}

/// Someone other than the client who speaks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CastMember {
    /// Used as a line's `speaker`.
    pub id: SpeakerId,
    /// Display name, per locale ("Your colleague Dani").
    pub name: Text,
}

/// One emotion dimension of the client.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EmotionDef {
    /// Referenced by effects and conditions.
    pub id: EmotionId,
    /// Label on the meter.
    pub label: Text,
    /// Lowest value (default 0).
    #[serde(default, skip_serializing_if = "is_zero")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = 0)))]
    pub min: i32,
    /// Highest value (default 100).
    #[serde(default = "hundred", skip_serializing_if = "is_hundred")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = 100)))]
    pub max: i32,
    /// Value when the conversation starts.
    pub start: i32,
    /// Whether a high value is good (trust) or bad (anger) for the conversation.
    pub high_is: Polarity,
}

fn hundred() -> i32 {
    100
}

/// Whether high values of an emotion are good or bad news.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// Higher is better (trust, confidence).
    Good,
    /// Higher is worse (anger, anxiety).
    Bad,
}

/// A mood: a named state the portrait draws, chosen by rules on emotion values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Mood {
    /// Identifier.
    pub id: MoodId,
    /// Label under the portrait ("Furious").
    pub label: Text,
    /// Expression the portrait draws.
    pub face: Face,
    /// When this mood applies; absent means always (the default mood, listed last).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
}

/// Expressions the portrait can draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Face {
    /// Neutral, composed.
    Calm,
    /// Content, warm.
    Pleased,
    /// Tension released.
    Relieved,
    /// Doubtful, one brow up.
    Skeptical,
    /// Concerned.
    Worried,
    /// Tense and fearful.
    Anxious,
    /// Irritated.
    Annoyed,
    /// Openly angry.
    Angry,
    /// Beyond angry.
    Furious,
    /// Downcast.
    Sad,
    /// Taken aback.
    Shocked,
}

/// A condition on emotions and flags; every part present must hold (an empty condition always holds).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Condition {
    /// Flags that must all be set.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<FlagId>,
    /// Flags that must all be unset.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_flags: Vec<FlagId>,
    /// Emotion values that must be at least the given number.
    #[serde(skip_serializing_if = "Pairs::is_empty")]
    pub at_least: Pairs<EmotionId, i32>,
    /// Emotion values that must be strictly below the given number.
    #[serde(skip_serializing_if = "Pairs::is_empty")]
    pub below: Pairs<EmotionId, i32>,
    /// Alternatives, at least one of which must hold (ignored when empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub any: Vec<Condition>,
}

/// A redirect that fires after a choice when the client's state crosses a line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Identifier; each rule fires at most once per play-through.
    pub id: RuleId,
    /// When it fires.
    pub when: Condition,
    /// Where the conversation goes instead of the choice's `next`.
    pub goto: NodeId,
}

/// A point in the conversation: some lines, then either choices or an ending.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Unique node id.
    pub id: NodeId,
    /// What is said here; lines whose condition fails are skipped, which is how the
    /// client's wording follows their mood.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub lines: Vec<Line>,
    /// The learner's possible replies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    // Boxed: few nodes are endings, and each node is moved as it is read.
    /// Present on ending nodes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ending: Option<Box<Ending>>,
    /// A note for authors; never shown to learners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One line of dialogue or narration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// `client` (the default), `you`, `narrator`, or a cast member id.
    #[serde(default = "client_speaker", skip_serializing_if = "is_client")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = "client")))]
    pub speaker: SpeakerId,
    /// What is said.
    pub text: Text,
    // Boxed: most lines have none, and each line is moved as it is read (inline, a condition
    // made a line 160 bytes instead of 48, and a choice 304 instead of 192, on 64-bit).
    /// Shown only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Box<Condition>>,
}

/// The reserved speaker id of the client.
pub const CLIENT: &str = "client";
/// The reserved speaker id of the learner.
pub const YOU: &str = "you";
/// The reserved speaker id of narration.
pub const NARRATOR: &str = "narrator";

fn client_speaker() -> SpeakerId {
    SpeakerId::new(CLIENT)
}

/// A reply the learner can pick.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Unique within its node.
    pub id: ChoiceId,
    /// The reply as the learner says it.
    pub text: Text,
    /// Where the conversation goes.
    pub next: NodeId,
    /// Changes to emotion values (clamped to their range).
    #[serde(default, skip_serializing_if = "Pairs::is_empty")]
    pub effects: Pairs<EmotionId, i32>,
    /// Flags this choice sets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set: Vec<FlagId>,
    /// Flags this choice clears.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unset: Vec<FlagId>,
    // Boxed, as `Line::when` is.
    /// Only available when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Box<Condition>>,
    /// What an unavailable choice does: shown greyed out (default) or hidden.
    #[serde(default, skip_serializing_if = "is_default")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = "disable")))]
    pub if_unavailable: Unavailable,
    /// Why this reply helped or hurt, for the debrief.
    pub feedback: Feedback,
}

/// How an unavailable choice is presented.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unavailable {
    /// Shown, greyed out: the learner sees what the client's mood ruled out.
    #[default]
    Disable,
    /// Not shown at all.
    Hide,
}

/// Debrief feedback for a choice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    /// How good the reply was.
    pub rating: Rating,
    /// The learning objective this reply honours or breaks.
    pub principle: ObjectiveId,
    /// Why.
    pub text: Text,
}

/// How good a reply was; drives the per-objective score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Hurts the conversation.
    Bad,
    /// Not wrong, but a missed chance.
    Weak,
    /// Sound.
    Good,
    /// What an expert would say.
    Best,
}

impl Rating {
    /// Score points out of 4.
    pub fn points(self) -> u32 {
        match self {
            Rating::Bad => 0,
            Rating::Weak => 1,
            Rating::Good => 3,
            Rating::Best => 4,
        }
    }
}

/// How a conversation ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// Success, partial or failure.
    pub outcome: Outcome,
    /// Heading of the ending screen.
    pub title: Text,
    /// What happened and why, for the debrief: one text, or parts shown by condition.
    pub debrief: EndingDebrief,
}

/// An ending's debrief: one text (format 1 as first written), or a list of parts, each shown
/// when its condition holds at the ending, so the debrief can speak to how the learner got there.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum EndingDebrief {
    /// Always shown.
    Text(Text),
    /// Every part whose `when` holds at the ending, in order.
    Parts(Vec<DebriefPart>),
}

/// One part of a debrief.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DebriefPart {
    /// What it says.
    pub text: Text,
    // Boxed, as `Line::when` is.
    /// Shown only when this holds (emotions and flags at the ending).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Box<Condition>>,
}

impl EndingDebrief {
    /// Every part with its condition, in order (a plain text is one part that always holds).
    pub fn parts(&self) -> Vec<(&Text, Option<&Condition>)> {
        match self {
            EndingDebrief::Text(text) => vec![(text, None)],
            EndingDebrief::Parts(parts) => {
                parts.iter().map(|p| (&p.text, p.when.as_deref())).collect()
            }
        }
    }
}

// By hand rather than `#[serde(untagged)]`: untagged buffers the value and, when neither form
// fits, says only "did not match any variant"; here the JSON type picks the form, and an error
// inside it keeps its own message and position.
impl<'de> Deserialize<'de> for EndingDebrief {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = EndingDebrief;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text (one string per locale) or a list of debrief parts")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                Text::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(EndingDebrief::Text)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<Self::Value, A::Error> {
                Vec::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
                    .map(EndingDebrief::Parts)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Outcome of a play-through, ordered worst to best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The relationship or the case was lost.
    Failure,
    /// Some things went right.
    Partial,
    /// The conversation did what it had to.
    Success,
}

/// The snake_case name of each variant, as written in story files (and used in CSS classes and
/// records), so no code derives it from `Debug` output.
macro_rules! names {
    ($ty:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $ty {
            /// The name as written in story files.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)*
                }
            }
        }

        // Read through one shared visitor: serde's derive compiles a full one per enum.
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const ALL: &[$ty] = &[$($ty::$variant),*];
                variant(deserializer, &[$($name),*]).map(|i| ALL[i])
            }
        }
    };
}

/// Reads an enum written as one of `names`, as the index of the name.
fn variant<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    names: &'static [&'static str],
) -> Result<usize, D::Error> {
    struct Visitor(&'static [&'static str]);
    impl serde::de::Visitor<'_> for Visitor {
        type Value = usize;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "one of {}", self.0.join(", "))
        }
        fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<usize, E> {
            self.0
                .iter()
                .position(|n| *n == name)
                .ok_or_else(|| E::unknown_variant(name, self.0))
        }
    }
    deserializer.deserialize_str(Visitor(names))
}

names!(Outcome { Failure => "failure", Partial => "partial", Success => "success" });
names!(Rating { Bad => "bad", Weak => "weak", Good => "good", Best => "best" });
names!(Difficulty { Introductory => "introductory", Intermediate => "intermediate", Advanced => "advanced" });
names!(Face {
    Calm => "calm", Pleased => "pleased", Relieved => "relieved", Skeptical => "skeptical",
    Worried => "worried", Anxious => "anxious", Annoyed => "annoyed", Angry => "angry",
    Furious => "furious", Sad => "sad", Shocked => "shocked",
});
names!(AddressForm { Formal => "formal", FirstName => "first_name" });
names!(HairStyle { Short => "short", Long => "long", Bun => "bun", Bald => "bald" });
names!(HairColour { Black => "black", Brown => "brown", Blond => "blond", Grey => "grey", Red => "red" });
names!(Polarity { Good => "good", Bad => "bad" });
names!(Unavailable { Disable => "disable", Hide => "hide" });
