//! The library's catalog (`catalog.json`): what the card of each story shows, so the library and
//! the kiosk draw their cards without fetching a single story file (a story is 150–250 KB in
//! three languages; its card is a few hundred bytes). `storycheck build-stories` writes it with
//! [`Card::of`] and the app reads it: what a card holds is decided here, once.

use super::ids::{NodeId, StoryId};
use super::model::{Difficulty, Look, Text};
use super::session::Session;
use super::story::{fallback_locale, locale_for, Localiser, Story};
use serde::{Deserialize, Serialize};

/// Every story of a build, in the order the build was given them. Not `deny_unknown_fields`,
/// unlike a story: nobody writes it by hand, so a field is never a typo, and an app a version
/// behind (a cached page) still reads a newer catalog.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// One card per story.
    pub stories: Vec<Card>,
}

impl Catalog {
    /// The card of the story with this id.
    pub fn card(&self, id: &StoryId) -> Option<&Card> {
        self.stories.iter().find(|c| &c.id == id)
    }
}

/// A story's card: its texts in every locale the story has, and the facts beside them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// The story (its file stem).
    pub id: StoryId,
    /// The story's locales, the first being its fallback; the build wrote one file per locale,
    /// `stories/<id>.<locale>.json`.
    pub locales: Vec<String>,
    /// The story's title.
    pub title: Text,
    /// The story's summary.
    pub summary: Text,
    /// Estimated minutes for one play-through.
    pub minutes: u32,
    /// How hard the conversation is.
    pub difficulty: Difficulty,
    /// The client, as the card and the kiosk's portrait show them.
    pub persona: CardPersona,
    /// The ending nodes. A saved session standing on one is a finished conversation: the card
    /// tells "finished" from "in progress" without the story.
    pub endings: Vec<NodeId>,
}

/// The part of the client a card shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardPersona {
    /// How the learner addresses them, per locale.
    pub addressed_as: Text,
    /// Job title, per locale.
    pub role: Text,
    /// Organisation.
    pub company: String,
    /// How the portrait draws them.
    pub look: Look,
}

impl Card {
    /// The card of a loaded story.
    pub fn of(story: &Story) -> Self {
        let f = &story.file;
        Self {
            id: story.id.clone(),
            locales: f.locales.clone(),
            title: f.title.clone(),
            summary: f.summary.clone(),
            minutes: f.minutes,
            difficulty: f.difficulty,
            persona: CardPersona {
                addressed_as: f.persona.addressed_as.clone(),
                role: f.persona.role.clone(),
                company: f.persona.company.clone(),
                look: f.persona.look.clone(),
            },
            endings: f
                .nodes
                .iter()
                .filter(|n| n.ending.is_some())
                .map(|n| n.id.clone())
                .collect(),
        }
    }

    /// How to show the card's texts in `wanted`: the same locale its story would be shown in.
    pub fn localiser<'a>(&'a self, wanted: &'a str) -> Localiser<'a> {
        Localiser {
            locale: locale_for(&self.locales, wanted),
            fallback: fallback_locale(&self.locales),
        }
    }

    /// Whether a session of this story has reached an ending ([`Session::is_over`], without
    /// the story).
    pub fn is_over(&self, session: &Session) -> bool {
        self.endings.contains(&session.node)
    }
}
