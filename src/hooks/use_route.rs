//! The current hash route, updated on `hashchange`.

use crate::platform::location::{current_route, Route};
use gloo::events::EventListener;
use yew::prelude::*;

/// The route, re-rendering the caller whenever the hash changes.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(current_route);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    route.set(current_route());
                    if let Some(w) = web_sys::window() {
                        w.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                })
            });
            move || drop(listener)
        });
    }
    (*route).clone()
}
