//! Engine timings for `make bench`: load + validate, and a play-through, of a story given as
//! text. Native through `storycheck bench`, in the browser through the exports in `lib.rs`.

use crate::engine::{load, Session, Story, StoryId};

/// Loads and validates; `None` when the story is invalid.
pub fn load_story(text: &str) -> Option<Story> {
    load(StoryId::new("bench"), text.as_bytes()).0
}

/// Plays the first available reply at every step until an ending (or 1,000,000 steps);
/// returns the number of replies.
pub fn play_first(story: &Story) -> usize {
    let mut session = Session::new(story);
    let mut steps = 0;
    while steps < 1_000_000 {
        let Ok(step) = session.step(story) else { break };
        let Some(offer) = step.offers.iter().find(|o| o.available) else {
            break;
        };
        let id = offer.choice.id.clone();
        if session.choose(story, &id).is_err() {
            break;
        }
        // The bench plays long generated stories: keep the session small, as an author's tools do.
        session.history.clear();
        steps += 1;
    }
    steps
}
