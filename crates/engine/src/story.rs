//! A loaded, validated story: immutable content with lookup indexes, shared via `Rc`.

use super::ids::{ChoiceId, ObjectiveId};
use super::ids::{EmotionId, FlagId, NodeId, StoryId};
use super::model::{
    Choice, Condition, EmotionDef, Mood, Node, Objective, Polarity, StoryFile, Text, CLIENT,
    NARRATOR, YOU,
};
use super::small::{SortedMap, SortedSet};
use rustc_hash::FxHashMap;

/// Emotion values by id, as held in a session.
pub type Emotions = SortedMap<EmotionId, i32>;

/// The two rules every reader of an emotion's value shares (the meters, the chart, the
/// portrait's strain, the engine's effects, the class report).
impl EmotionDef {
    /// This emotion's value in `emotions`: its start value until an effect has moved it.
    pub fn value_in(&self, emotions: &Emotions) -> i32 {
        emotions.get(&self.id).copied().unwrap_or(self.start)
    }

    /// Where `value` sits in this emotion's range: 0 at its `min`, 1 at its `max`.
    pub fn share(&self, value: f32) -> f32 {
        (value - self.min as f32) / (self.max - self.min).max(1) as f32
    }
}

/// A story ready to play. Built only by [`super::load`], so every reference in it resolves.
#[derive(Clone, Debug)]
pub struct Story {
    /// The id (file stem).
    pub id: StoryId,
    /// The content as written.
    pub file: StoryFile,
    index: FxHashMap<NodeId, usize>,
    /// Flags set when a conversation starts: none in a story file; a play-test from the middle
    /// of a story sets what the learner would have done by then ([`Story::starting_with`]).
    start_flags: SortedSet<FlagId>,
}

/// Equal content. The view compares its props on every reply, and every component gets the
/// same shared story: the same one is equal at once, without walking the whole graph.
impl PartialEq for Story {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other) || (self.id == other.id && self.file == other.file)
    }
}

impl Story {
    /// Wraps content that passed validation (use [`super::load`] for anything unchecked).
    pub fn new(id: StoryId, file: StoryFile) -> Self {
        let index = file
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i))
            .collect();
        Self {
            id,
            file,
            index,
            start_flags: SortedSet::new(),
        }
    }

    /// This story with `flags` set at the start of every conversation (a play-test that starts
    /// mid-story: with the file's `start` and emotion `start` values moved, and these flags, every
    /// view replays it from a start that is the moment chosen).
    pub fn starting_with(mut self, flags: impl IntoIterator<Item = FlagId>) -> Self {
        for flag in flags {
            self.start_flags.insert(flag);
        }
        self
    }

    /// Flags set when a conversation starts.
    pub fn start_flags(&self) -> &SortedSet<FlagId> {
        &self.start_flags
    }

    /// A node by id.
    pub fn node(&self, id: &NodeId) -> Option<&Node> {
        self.index.get(id).map(|&i| &self.file.nodes[i])
    }

    /// The fallback locale (the first declared).
    pub fn fallback_locale(&self) -> &str {
        fallback_locale(&self.file.locales)
    }

    /// The locale to show: `wanted` if the story has it, else the fallback.
    pub fn locale_for<'a>(&'a self, wanted: &'a str) -> &'a str {
        locale_for(&self.file.locales, wanted)
    }

    /// Emotion values at the start of a conversation.
    pub fn start_emotions(&self) -> Emotions {
        self.file
            .emotions
            .iter()
            .map(|e| (e.id.clone(), e.start))
            .collect()
    }

    /// The objective with this id.
    pub fn objective(&self, id: &ObjectiveId) -> Option<&Objective> {
        self.file.objectives.iter().find(|o| &o.id == id)
    }

    /// How to show this story's texts in `wanted` (or the story's fallback locale).
    pub fn localiser<'a>(&'a self, wanted: &'a str) -> Localiser<'a> {
        Localiser {
            locale: self.locale_for(wanted),
            fallback: self.fallback_locale(),
        }
    }

    /// How strained the client is overall, from 0 (every emotion at its best) to 1 (every one at
    /// its worst): the mean of each emotion's distance from its good end. The portrait's
    /// expression depth follows it.
    pub fn strain(&self, emotions: &Emotions) -> f32 {
        let defs = &self.file.emotions;
        if defs.is_empty() {
            return 0.0;
        }
        let total: f32 = defs
            .iter()
            .map(|e| {
                let share = e.share(e.value_in(emotions) as f32);
                match e.high_is {
                    Polarity::Good => 1.0 - share,
                    Polarity::Bad => share,
                }
            })
            .sum();
        total / defs.len() as f32
    }

    /// The definition of an emotion.
    pub fn emotion(&self, id: &EmotionId) -> Option<&EmotionDef> {
        self.file.emotions.iter().find(|e| &e.id == id)
    }

    /// The mood the client is in for these values: the first whose condition holds.
    pub fn mood(&self, emotions: &Emotions, flags: &SortedSet<FlagId>) -> Option<&Mood> {
        self.file
            .moods
            .iter()
            .find(|m| m.when.as_ref().is_none_or(|c| holds(c, emotions, flags)))
    }

    /// Display name of a speaker in a locale.
    pub fn speaker_name(&self, speaker: &str, locale: &str) -> Option<String> {
        let fallback = self.fallback_locale();
        match speaker {
            CLIENT => Some(
                self.file
                    .persona
                    .addressed_as
                    .get(locale, fallback)
                    .to_string(),
            ),
            YOU | NARRATOR => None,
            other => self
                .file
                .cast
                .iter()
                .find(|c| c.id.as_str() == other)
                .map(|c| c.name.get(locale, fallback).to_string()),
        }
    }

    /// Every choice in the story with the node it belongs to.
    pub fn choices(&self) -> impl Iterator<Item = (&Node, &Choice)> {
        self.file
            .nodes
            .iter()
            .flat_map(|n| n.choices.iter().map(move |c| (n, c)))
    }
}

/// The fallback of a story declaring `locales`: the first.
pub fn fallback_locale(locales: &[String]) -> &str {
    locales.first().map_or("en", String::as_str)
}

/// The locale a story declaring `locales` is shown in when `wanted` is asked for: `wanted` if
/// declared, else the fallback. Shared by [`Story`] and the library's cards
/// ([`super::catalog::Card`]), so a card and its story never disagree on the language.
pub fn locale_for<'a>(locales: &'a [String], wanted: &'a str) -> &'a str {
    if locales.iter().any(|l| l == wanted) {
        wanted
    } else {
        fallback_locale(locales)
    }
}

/// Which locale a view shows a story's texts in: the one asked for if the story has it, else the
/// story's first. The one place a text is picked for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Localiser<'a> {
    /// The locale shown.
    pub locale: &'a str,
    /// The story's first locale, for a text that lacks `locale`.
    pub fallback: &'a str,
}

impl<'a> Localiser<'a> {
    /// The text in the locale shown.
    pub fn text<'t>(&self, text: &'t Text) -> &'t str {
        text.get(self.locale, self.fallback)
    }
}

impl Node {
    /// The choice with this id.
    pub fn choice(&self, id: &ChoiceId) -> Option<&Choice> {
        self.choices.iter().find(|c| &c.id == id)
    }
}

/// Whether a condition holds for these emotion values and flags.
pub fn holds(condition: &Condition, emotions: &Emotions, flags: &SortedSet<FlagId>) -> bool {
    let value = |id: &EmotionId| emotions.get(id).copied().unwrap_or(0);
    condition.flags.iter().all(|f| flags.contains(f))
        && condition.not_flags.iter().all(|f| !flags.contains(f))
        && condition.at_least.iter().all(|(id, &n)| value(id) >= n)
        && condition.below.iter().all(|(id, &n)| value(id) < n)
        && (condition.any.is_empty() || condition.any.iter().any(|c| holds(c, emotions, flags)))
}
