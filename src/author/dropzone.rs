//! Where an author hands over a story file: a file picker that is also a drop target (the upload
//! page and Studio's open screen).

use super::upload::{dropped_file, picked_file};
use yew::prelude::*;

/// Props of [`Dropzone`].
#[derive(Properties, PartialEq)]
pub struct DropzoneProps {
    /// Called with the file picked or dropped.
    pub on_file: Callback<web_sys::File>,
}

/// The file picker and drop target.
#[component]
pub fn Dropzone(props: &DropzoneProps) -> Html {
    let dragging = use_state(|| false);
    let on_pick = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = picked_file(&e) {
                on_file.emit(file);
            }
        })
    };
    let on_drop = {
        let (on_file, dragging) = (props.on_file.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            dragging.set(false);
            if let Some(file) = dropped_file(&e) {
                on_file.emit(file);
            }
        })
    };
    let on_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Without this the browser opens the file instead of dropping it here.
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    html! {
        <label class={classes!("dropzone", (*dragging).then_some("over"))}
               ondrop={on_drop} ondragover={on_over} ondragleave={on_leave}>
            <span>{ "⤓ .json" }</span>
            <input type="file" accept=".json,application/json" onchange={on_pick} />
        </label>
    }
}
