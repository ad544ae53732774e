//! Scheduling work after the next paint, so what a click changed is on screen first.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Runs `f` once the browser has painted the next frame (an animation frame, then a task).
///
/// For work a learner does not see at once (scrolling the newest line into view, moving focus):
/// done in the click's own task, it forces a layout and delays the reply's paint by a frame.
/// Without a window (never in a browser) it runs at once.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        f();
        return;
    };
    let later = window.clone();
    let in_frame = Closure::once_into_js(move || {
        let task = Closure::once_into_js(f);
        let _ =
            later.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
    });
    if window
        .request_animation_frame(in_frame.unchecked_ref())
        .is_err()
    {
        // Without frames (a hidden page) a task is as good.
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(in_frame.unchecked_ref(), 0);
    }
}
