//! What happened, as the reducer records it. Every action that changes a conversation appends
//! numbered events to the state; each consumer (xAPI statements, host-page messages, and the LMS
//! adapters to come) keeps the number of the last event it handled and reads the ones after it.
//! No consumer works out what happened by comparing snapshots, and the outcome and scores of an
//! ending are computed once, when it is reached.
//!
//! Events live only as long as the page: restoring saved progress after a reload is not an
//! event, so a reload reports nothing twice.

use crate::engine::{Completion, Emotions, StoryId, Turn};

/// How a play-through began (named in snake_case in host messages).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Start {
    /// The learner opened a story with no conversation under way (or loaded their own).
    Opened,
    /// The learner started over.
    Restarted,
    /// The learner replayed from a decision of an ended play-through: a new play-through whose
    /// first replies (reported next, as `Answered`) are the ones kept.
    Replayed,
}

/// One thing that happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A play-through of `story` began.
    Started {
        /// The story.
        story: StoryId,
        /// How.
        how: Start,
    },
    /// The learner made a reply.
    Answered {
        /// The story.
        story: StoryId,
        /// Which reply of the play-through this is, from 1.
        number: usize,
        /// What the engine did with it (node, choice, emotion changes, rule, where it went).
        turn: Turn,
        /// Every emotion's value after it.
        emotions: Emotions,
    },
    /// The learner took back their last reply.
    TookBack {
        /// The story.
        story: StoryId,
        /// The number the reply had.
        number: usize,
        /// The reply taken back.
        turn: Turn,
    },
    /// The conversation reached an ending.
    Completed {
        /// The story.
        story: StoryId,
        /// The ending, its outcome and the scores.
        completion: Completion,
    },
    /// Everything the learner did was forgotten (a kiosk's next visitor).
    Wiped,
}

/// An event with its number: 1 for the first event of the page, then one more for each.
#[derive(Clone, Debug, PartialEq)]
pub struct Numbered {
    /// The number; a consumer remembers the last it handled.
    pub seq: u64,
    /// What happened.
    pub event: Event,
}

/// The events of this page, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Log {
    events: Vec<Numbered>,
}

impl Log {
    /// How many of the latest events the log keeps.
    pub const KEEP: usize = 1024;

    /// Appends an event with the next number.
    pub fn push(&mut self, event: Event) {
        let seq = self.last();
        self.events.push(Numbered {
            seq: seq + 1,
            event,
        });
        // A kiosk stays open for days: the oldest events go. Consumers read after every render,
        // a render appends at most a play-through's replies, and xAPI holds events only while
        // `config.json` loads, so none is ever this far behind.
        if self.events.len() > Self::KEEP {
            let extra = self.events.len() - Self::KEEP;
            self.events.drain(..extra);
        }
    }

    /// The number of the last event, 0 before the first.
    pub fn last(&self) -> u64 {
        self.events.last().map_or(0, |e| e.seq)
    }

    /// The events numbered after `seen`, oldest first.
    pub fn after(&self, seen: u64) -> &[Numbered] {
        // Numbers are consecutive from 1, so the position follows from the number.
        let first = self.events.first().map_or(1, |e| e.seq);
        let skip = usize::try_from((seen + 1).saturating_sub(first)).unwrap_or(usize::MAX);
        self.events.get(skip..).unwrap_or(&[])
    }
}

/// When each event happened, for the consumers that stamp what they send (xAPI statements, cmi5
/// statements): the time of the render that first showed it. A consumer notes the times in its
/// effect after every render, before it knows whether it can send, so an event it holds (while
/// the LRS's configuration loads, while the LMS connects) keeps the time it happened rather than
/// the time it was sent.
#[derive(Debug, Default)]
pub struct Times {
    noted: Vec<(u64, f64)>,
    upto: u64,
}

impl Times {
    /// Notes `now_ms` as the time of every event of `log` not noted yet.
    pub fn note(&mut self, log: &Log, now_ms: f64) {
        for numbered in log.after(self.upto) {
            self.noted.push((numbered.seq, now_ms));
        }
        self.upto = self.upto.max(log.last());
    }

    /// The time noted for event `seq`; `or` for one never noted.
    pub fn of(&self, seq: u64, or: f64) -> f64 {
        self.noted
            .iter()
            .find(|(s, _)| *s == seq)
            .map_or(or, |(_, at)| *at)
    }

    /// Forgets the times of the events up to `seq`, which the consumer has handled.
    pub fn handled(&mut self, seq: u64) {
        self.noted.retain(|(s, _)| *s > seq);
    }
}
