//! Number keys 1–9 pick a reply; a held key answers once.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Calls `pick(n)` (0-based) when the learner presses digit `n + 1`, unless they are typing; a
/// held digit or Enter on a reply does not repeat.
#[hook]
pub fn use_number_keys(pick: Callback<usize>) {
    use_effect_with(pick, |pick| {
        let pick = pick.clone();
        let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
            // Not passive (gloo's default): the listener must be able to cancel the key.
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&doc, "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if event.ctrl_key() || event.alt_key() || event.meta_key() || typing(event) {
                    return;
                }
                let key = event.key();
                let digit = key.parse::<usize>().ok().filter(|n| (1..=9).contains(n));
                if event.repeat() {
                    // One reply per press: a held digit or Enter must not race through the story
                    // (focus moves to the next replies, and a held Enter would answer them too).
                    if digit.is_some() || (key == "Enter" && on_reply(event)) {
                        event.prevent_default();
                    }
                    return;
                }
                if let Some(n) = digit {
                    event.prevent_default();
                    pick.emit(n - 1);
                }
            })
        });
        move || drop(listener)
    });
}

fn typing(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

fn on_reply(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("button.choice").ok().flatten())
        .is_some()
}
