//! The debrief: scores per learning objective and, at each turn, whether a better reply existed.

use super::ids::{ChoiceId, ObjectiveId};
use super::model::{Outcome, Rating};
use super::session::{Offer, Session, Step};
use super::story::Story;

/// Points for one learning objective across the replies that touched it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectiveScore {
    /// The objective.
    pub objective: ObjectiveId,
    /// Points earned (each reply's [`Rating::points`]).
    pub points: u32,
    /// Points possible (4 per reply that named this objective).
    pub max: u32,
}

impl ObjectiveScore {
    /// Percentage 0..=100, or `None` when no reply touched the objective.
    pub fn percent(&self) -> Option<u32> {
        (self.max > 0).then(|| (self.points * 100 + self.max / 2) / self.max)
    }
}

/// One reply, judged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TurnReview {
    /// Index into the session history.
    pub turn: usize,
    /// How good the chosen reply was.
    pub rating: Rating,
    /// A better reply that was available at that moment, when the learner missed one.
    pub better: Option<ChoiceId>,
}

/// Everything the debrief screen shows that must be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    /// The outcome, when the conversation has ended.
    pub outcome: Option<Outcome>,
    /// One score per objective, in the story's order.
    pub objectives: Vec<ObjectiveScore>,
    /// One review per turn.
    pub turns: Vec<TurnReview>,
}

impl Review {
    /// Overall percentage across all replies, or `None` before the first.
    pub fn total_percent(&self) -> Option<u32> {
        let points: u32 = self.objectives.iter().map(|o| o.points).sum();
        let max: u32 = self.objectives.iter().map(|o| o.max).sum();
        (max > 0).then(|| (points * 100 + max / 2) / max)
    }
}

/// The best-rated reply available at `step` (ties go to the smallest choice id), as the
/// debrief suggests it and the authored best path takes it.
pub fn best_offer<'a, 's>(step: &'a Step<'s>) -> Option<&'a Offer<'s>> {
    step.offers.iter().filter(|o| o.available).max_by_key(|o| {
        (
            o.choice.feedback.rating,
            std::cmp::Reverse(o.choice.id.clone()),
        )
    })
}

/// The authored best path: from the start, the [`best_offer`] at every decision until an
/// ending (or `limit` replies, for a story whose best replies loop).
pub fn best_path(story: &Story, limit: usize) -> Session {
    let mut session = Session::new(story);
    for _ in 0..limit {
        let Ok(step) = session.step(story) else { break };
        let Some(id) = best_offer(&step).map(|o| o.choice.id.clone()) else {
            break;
        };
        if session.choose(story, &id).is_err() {
            break;
        }
    }
    session
}

/// Reviews a session of a story.
pub fn review(story: &Story, session: &Session) -> Review {
    let mut objectives: Vec<ObjectiveScore> = story
        .file
        .objectives
        .iter()
        .map(|o| ObjectiveScore {
            objective: o.id.clone(),
            points: 0,
            max: 0,
        })
        .collect();
    let mut turns = Vec::new();
    for moment in session.walk(story) {
        let Some(reply) = moment.reply else { break };
        let feedback = &reply.choice.feedback;
        if let Some(score) = objectives
            .iter_mut()
            .find(|o| o.objective == feedback.principle)
        {
            score.points += feedback.rating.points();
            score.max += Rating::Best.points();
        }
        let best = best_offer(&moment.step);
        let better = best
            .filter(|b| b.choice.feedback.rating > feedback.rating)
            .map(|b| b.choice.id.clone());
        turns.push(TurnReview {
            turn: moment.index,
            rating: feedback.rating,
            better,
        });
    }
    let outcome = story
        .node(&session.node)
        .and_then(|n| n.ending.as_deref())
        .map(|e| e.outcome);
    Review {
        outcome,
        objectives,
        turns,
    }
}

/// How a play-through ended: computed once, when it ends, and carried by the app's `Completed`
/// event to everything that reports it (xAPI, the host page, the LMS).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// The ending node reached.
    pub ending: super::ids::NodeId,
    /// Its outcome.
    pub outcome: Outcome,
    /// Percentage per objective, in the story's order (`None`: no reply practised it).
    pub scores: Vec<(ObjectiveId, Option<u32>)>,
    /// Overall percentage across all replies, `None` when there were none.
    pub score: Option<u32>,
}

/// The completion of `session`, when it has reached an ending.
pub fn completion(story: &Story, session: &Session) -> Option<Completion> {
    let r = review(story, session);
    Some(Completion {
        ending: session.node.clone(),
        outcome: r.outcome?,
        score: r.total_percent(),
        scores: r
            .objectives
            .iter()
            .map(|o| (o.objective.clone(), o.percent()))
            .collect(),
    })
}
