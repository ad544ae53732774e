//! The play state of one conversation (current node, emotions, flags, history) and the step API.
//!
//! A [`Session`] is small and serialisable; the [`Story`] it plays is not part of it.

use super::ids::{ChoiceId, EmotionId, FlagId, NodeId, RuleId, StoryId};
use super::model::{Choice, Ending, Line, Node, Unavailable};
use super::small::SortedSet;
use super::story::{holds, Emotions, Story};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One emotion's change caused by a reply (after clamping to its range).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EmotionChange {
    /// Which emotion.
    pub emotion: EmotionId,
    /// Value before the reply.
    pub before: i32,
    /// Value after the reply.
    pub after: i32,
}

impl EmotionChange {
    /// `after - before`.
    pub fn delta(&self) -> i32 {
        self.after - self.before
    }
}

/// One reply the learner made, and what it did.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Turn {
    /// Where the reply was made.
    pub node: NodeId,
    /// Which reply.
    pub choice: ChoiceId,
    /// Emotion changes it caused, in the story's emotion order (unchanged ones left out).
    pub changes: Vec<EmotionChange>,
    /// The threshold rule it triggered, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleId>,
    /// Where the conversation went.
    pub to: NodeId,
}

/// The state of one play-through.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Session {
    /// The story being played.
    pub story: StoryId,
    /// Where the conversation is.
    pub node: NodeId,
    /// Current emotion values, always within their ranges.
    pub emotions: Emotions,
    /// Flags set so far.
    pub flags: SortedSet<FlagId>,
    /// Threshold rules that have fired (each fires once).
    pub fired: SortedSet<RuleId>,
    /// Every reply so far, oldest first.
    pub history: Vec<Turn>,
}

/// A choice as offered at the current node.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Offer<'a> {
    /// The choice.
    pub choice: &'a Choice,
    /// False when its condition fails: shown greyed out and not selectable.
    pub available: bool,
}

/// What the learner sees at the current node.
#[derive(Clone, Debug, PartialEq)]
pub struct Step<'a> {
    /// The node.
    pub node: &'a Node,
    /// The lines shown here (those whose condition holds).
    pub lines: Vec<&'a Line>,
    /// The replies offered (hidden ones left out); empty at an ending.
    pub offers: Vec<Offer<'a>>,
    /// Present when the conversation is over.
    pub ending: Option<&'a Ending>,
}

/// Misuse of the step API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlayError {
    /// The node has no choice with this id.
    UnknownChoice {
        /// Where.
        node: NodeId,
        /// What was asked for.
        choice: ChoiceId,
    },
    /// The choice exists but its condition does not hold now.
    Unavailable {
        /// Where.
        node: NodeId,
        /// What was asked for.
        choice: ChoiceId,
    },
    /// The conversation has ended; nothing can be chosen.
    Ended {
        /// The ending node.
        node: NodeId,
    },
    /// The session names a node the story does not have (saved with another version of it).
    NoSuchNode(NodeId),
    /// There is no reply to take back, or the story forbids it.
    CannotGoBack,
    /// The session belongs to another story.
    WrongStory(StoryId),
    /// Replaying the saved replies does not give the saved state: the story has changed since.
    Diverged,
}

impl fmt::Display for PlayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlayError::UnknownChoice { node, choice } => {
                write!(f, "node `{node}` has no choice `{choice}`")
            }
            PlayError::Unavailable { node, choice } => {
                write!(f, "choice `{choice}` at node `{node}` is not available now")
            }
            PlayError::Ended { node } => write!(f, "the conversation has ended at `{node}`"),
            PlayError::NoSuchNode(node) => write!(f, "the story has no node `{node}`"),
            PlayError::CannotGoBack => write!(f, "there is no reply to take back"),
            PlayError::WrongStory(id) => write!(f, "this session belongs to story `{id}`"),
            PlayError::Diverged => write!(
                f,
                "the saved progress does not match this version of the story"
            ),
        }
    }
}

impl std::error::Error for PlayError {}

impl Session {
    /// A fresh conversation at the story's start.
    pub fn new(story: &Story) -> Self {
        Self {
            story: story.id.clone(),
            node: story.file.start.clone(),
            emotions: story.start_emotions(),
            flags: story.start_flags().clone(),
            fired: SortedSet::new(),
            history: Vec::new(),
        }
    }

    /// What is shown at the current node.
    pub fn step<'s>(&self, story: &'s Story) -> Result<Step<'s>, PlayError> {
        let node = story
            .node(&self.node)
            .ok_or_else(|| PlayError::NoSuchNode(self.node.clone()))?;
        let lines = node
            .lines
            .iter()
            .filter(|l| self.test(l.when.as_deref()))
            .collect();
        let offers = node
            .choices
            .iter()
            .map(|choice| Offer {
                choice,
                available: self.test(choice.when.as_deref()),
            })
            .filter(|o| o.available || o.choice.if_unavailable != Unavailable::Hide)
            .collect();
        Ok(Step {
            node,
            lines,
            offers,
            ending: node.ending.as_deref(),
        })
    }

    /// The debrief texts shown at the ending reached (every part whose condition holds for the
    /// emotions and flags here, in order); none before the end.
    pub fn debrief<'s>(&self, story: &'s Story) -> Vec<&'s super::model::Text> {
        let ending = story.node(&self.node).and_then(|n| n.ending.as_deref());
        ending.map_or_else(Vec::new, |e| {
            e.debrief
                .parts()
                .into_iter()
                .filter(|(_, when)| self.test(*when))
                .map(|(text, _)| text)
                .collect()
        })
    }

    /// Whether the conversation has reached an ending.
    pub fn is_over(&self, story: &Story) -> bool {
        story.node(&self.node).is_some_and(|n| n.ending.is_some())
    }

    fn test(&self, condition: Option<&super::model::Condition>) -> bool {
        condition.is_none_or(|c| holds(c, &self.emotions, &self.flags))
    }

    /// Makes a reply: applies its effects, then the first threshold rule that now holds (if any)
    /// redirects the conversation instead of the choice's `next`.
    pub fn choose(&mut self, story: &Story, id: &ChoiceId) -> Result<&Turn, PlayError> {
        if story.id != self.story {
            return Err(PlayError::WrongStory(self.story.clone()));
        }
        let node = story
            .node(&self.node)
            .ok_or_else(|| PlayError::NoSuchNode(self.node.clone()))?;
        if node.ending.is_some() {
            return Err(PlayError::Ended {
                node: node.id.clone(),
            });
        }
        let choice = node.choice(id).ok_or_else(|| PlayError::UnknownChoice {
            node: node.id.clone(),
            choice: id.clone(),
        })?;
        if !self.test(choice.when.as_deref()) {
            return Err(PlayError::Unavailable {
                node: node.id.clone(),
                choice: id.clone(),
            });
        }
        let mut changes = Vec::new();
        for def in &story.file.emotions {
            let Some(delta) = choice.effects.get(&def.id) else {
                continue;
            };
            let before = def.value_in(&self.emotions);
            let after = before.saturating_add(*delta).clamp(def.min, def.max);
            self.emotions.insert(def.id.clone(), after);
            if after != before {
                changes.push(EmotionChange {
                    emotion: def.id.clone(),
                    before,
                    after,
                });
            }
        }
        for flag in &choice.set {
            self.flags.insert(flag.clone());
        }
        for flag in &choice.unset {
            self.flags.remove(flag);
        }
        let rule =
            story.file.rules.iter().find(|r| {
                !self.fired.contains(&r.id) && holds(&r.when, &self.emotions, &self.flags)
            });
        let to = match rule {
            Some(r) => {
                self.fired.insert(r.id.clone());
                r.goto.clone()
            }
            None => choice.next.clone(),
        };
        self.history.push(Turn {
            node: node.id.clone(),
            choice: choice.id.clone(),
            changes,
            rule: rule.map(|r| r.id.clone()),
            to: to.clone(),
        });
        self.node = to;
        Ok(self.history.last().expect("a turn was just pushed"))
    }

    /// Takes back the last reply, if the story allows it.
    pub fn back(&mut self, story: &Story) -> Result<(), PlayError> {
        if !story.file.allow_back || self.history.is_empty() || self.is_over(story) {
            // An ending is final: taking back the last reply would complete the story twice.
            return Err(PlayError::CannotGoBack);
        }
        let keep = self.history.len() - 1;
        *self = Self::replay(story, self.history[..keep].iter().map(|t| &t.choice))?;
        Ok(())
    }

    /// Plays a sequence of choice ids from the start.
    pub fn replay<'c>(
        story: &Story,
        choices: impl IntoIterator<Item = &'c ChoiceId>,
    ) -> Result<Self, PlayError> {
        let mut session = Self::new(story);
        for choice in choices {
            session.choose(story, choice)?;
        }
        Ok(session)
    }

    /// Checks a saved session against the story: replaying its choices must give the same state.
    /// A session saved with another version of the story, or edited by hand, is refused.
    pub fn verify(self, story: &Story) -> Result<Self, PlayError> {
        if self.story != story.id {
            return Err(PlayError::WrongStory(self.story));
        }
        let replayed = Self::replay(story, self.history.iter().map(|t| &t.choice))?;
        if replayed == self {
            Ok(self)
        } else {
            Err(PlayError::Diverged)
        }
    }
}
