//! Number keys 1–9 pick a reply.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Calls `pick(n)` (0-based) when the learner presses digit `n + 1`, unless they are typing.
#[hook]
pub fn use_number_keys(pick: Callback<usize>) {
    use_effect_with(pick, |pick| {
        let pick = pick.clone();
        let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
            EventListener::new(&doc, "keydown", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if event.ctrl_key() || event.alt_key() || event.meta_key() || typing(event) {
                    return;
                }
                let key = event.key();
                if let Some(n) = key.parse::<usize>().ok().filter(|n| (1..=9).contains(n)) {
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
