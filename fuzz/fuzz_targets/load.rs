//! Any bytes through the loader and, when they make a story, a walk through it: must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rapport_engine::{load, Session, StoryId};

fuzz_target!(|data: &[u8]| {
    let (story, _report) = load(StoryId::new("fuzz"), data);
    if let Some(story) = story {
        let mut session = Session::new(&story);
        for _ in 0..64 {
            let Ok(step) = session.step(&story) else { break };
            let Some(offer) = step.offers.iter().find(|o| o.available) else { break };
            let id = offer.choice.id.clone();
            if session.choose(&story, &id).is_err() {
                break;
            }
        }
    }
});
