//! Engine timings for `make bench`: load + validate, and a play-through, of a story given as
//! text. Natively through the `rapport-bench` command; in the browser through the wasm exports
//! below, built into a wasm of its own so the learner's wasm carries nothing bench-only.

use rapport_engine::{load, Session, Story, StoryId};

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

/// The browser's exports, timed with the page's clock.
#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::wasm_bindgen;

    fn now() -> f64 {
        js_sys::Reflect::get(&js_sys::global(), &"performance".into())
            .ok()
            .and_then(|p| js_sys::Reflect::get(&p, &"now".into()).ok().map(|f| (p, f)))
            .and_then(|(p, f)| js_sys::Function::from(f).call0(&p).ok())
            .and_then(|t| t.as_f64())
            .unwrap_or(0.0)
    }

    /// Milliseconds to load and validate `text`; negative if invalid.
    #[wasm_bindgen]
    pub fn bench_load(text: &str) -> f64 {
        let t0 = now();
        match super::load_story(text) {
            Some(_) => now() - t0,
            None => -1.0,
        }
    }

    /// Milliseconds to play `text` to an ending always taking the first reply.
    #[wasm_bindgen]
    pub fn bench_play(text: &str) -> f64 {
        let Some(story) = super::load_story(text) else {
            return -1.0;
        };
        let t0 = now();
        super::play_first(&story);
        now() - t0
    }
}
