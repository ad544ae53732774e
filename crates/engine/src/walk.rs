//! One way through a played session. Every view and record that shows a play-through (the
//! transcript, the debrief, the emotion chart, the review, the learner's report, the text
//! transcripts) walks it here instead of replaying the history itself.

use super::model::Choice;
use super::session::{Session, Step, Turn};
use super::story::Story;

/// A reply as it was made: the engine's record of it and the choice it was.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reply<'a> {
    /// What the reply did (emotion changes, rule, where it went).
    pub turn: &'a Turn,
    /// The choice as the story writes it (text, feedback).
    pub choice: &'a Choice,
}

/// One moment of a played session: a decision the learner made, or the place it stands now.
#[derive(Clone, Debug, PartialEq)]
pub struct Moment<'a> {
    /// Position in the history: the reply made here is the `index`th (from 0).
    pub index: usize,
    /// The state before the reply (at the last moment, the state now).
    pub state: Session,
    /// What the learner saw here.
    pub step: Step<'a>,
    /// The reply made here; `None` at the last moment.
    pub reply: Option<Reply<'a>>,
}

impl Session {
    /// The session from its start: one moment per reply, then the moment it stands at now.
    /// A history the story cannot replay (saved with another version) stops where it breaks.
    pub fn walk<'a>(&'a self, story: &'a Story) -> Vec<Moment<'a>> {
        let mut moments = Vec::with_capacity(self.history.len() + 1);
        let mut state = Session::new(story);
        for (index, turn) in self.history.iter().enumerate() {
            let Ok(step) = state.step(story) else {
                return moments;
            };
            let Some(choice) = step.node.choice(&turn.choice) else {
                return moments;
            };
            let before = state.clone();
            if state.choose(story, &turn.choice).is_err() {
                return moments;
            }
            moments.push(Moment {
                index,
                state: before,
                step,
                reply: Some(Reply { turn, choice }),
            });
        }
        if let Ok(step) = state.step(story) {
            moments.push(Moment {
                index: self.history.len(),
                state,
                step,
                reply: None,
            });
        }
        moments
    }
}
