//! Kiosk inactivity: seconds left before the visit is wiped, once the warning window starts.

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use yew::prelude::*;

/// Input that proves someone is there.
const ACTIVITY: [&str; 5] = ["pointerdown", "keydown", "touchstart", "wheel", "input"];

/// The countdown shown before the reset: a third of the idle time, at most 15 s.
pub fn warning_seconds(idle: u32) -> u32 {
    (idle / 3).clamp(1, 15)
}

/// While `enabled`, watches for input; returns `Some(seconds left)` during the warning window,
/// calls `on_timeout` when the time is up, and `None` otherwise. `touch` restarts the clock.
#[hook]
pub fn use_idle(enabled: bool, idle: u32, on_timeout: Callback<()>) -> (Option<u32>, Callback<()>) {
    let last = use_mut_ref(js_sys::Date::now);
    let left = use_state_eq(|| None::<u32>);
    let touch = {
        let last = last.clone();
        let left = left.clone();
        Callback::from(move |_| {
            *last.borrow_mut() = js_sys::Date::now();
            left.set(None);
        })
    };
    {
        let touch = touch.clone();
        let left = left.clone();
        use_effect_with((enabled, idle), move |&(enabled, idle)| {
            let mut guards: Vec<EventListener> = Vec::new();
            let mut interval = None;
            if enabled {
                *last.borrow_mut() = js_sys::Date::now();
                if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                    for event in ACTIVITY {
                        let touch = touch.clone();
                        guards.push(EventListener::new(&doc, event, move |_| touch.emit(())));
                    }
                }
                let warn = warning_seconds(idle);
                interval = Some(Interval::new(250, move || {
                    let idle_for = ((js_sys::Date::now() - *last.borrow()) / 1000.0) as u32;
                    if idle_for >= idle {
                        *last.borrow_mut() = js_sys::Date::now();
                        left.set(None);
                        on_timeout.emit(());
                    } else if idle_for + warn >= idle {
                        left.set(Some(idle - idle_for));
                    } else {
                        left.set(None);
                    }
                }));
            }
            move || {
                drop(interval);
                drop(guards);
            }
        });
    }
    (*left, touch)
}
