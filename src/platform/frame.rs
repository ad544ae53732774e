//! Scheduling work after the next paint, so what a click changed is on screen first.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long [`after_paint`] waits for a frame before running anyway.
const NO_FRAME_MS: i32 = 200;

/// Runs `f` once the browser has painted the next frame (an animation frame, then a task), or
/// after 200 ms if no frame has come by then.
///
/// For work a learner does not see at once (scrolling the newest line into view, moving focus,
/// saving progress): done in the click's own task, it forces a layout and delays the reply's
/// paint by a frame. The time limit is for pages the browser does not draw (a background tab, an
/// iframe scrolled away, some embedded web views), which get no animation frames for a long
/// time. Without a window (never in a browser) it runs at once.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        f();
        return;
    };
    let once = Rc::new(Cell::new(Some(f)));
    let run = move || {
        if let Some(f) = once.take() {
            f();
        }
    };
    let fallback = Closure::once_into_js(run.clone());
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        fallback.unchecked_ref(),
        NO_FRAME_MS,
    );
    let later = window.clone();
    let in_frame = Closure::once_into_js(move || {
        let task = Closure::once_into_js(run);
        let _ =
            later.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
    });
    let _ = window.request_animation_frame(in_frame.unchecked_ref());
}
