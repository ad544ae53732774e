//! "Load your own story": a file picker, drag and drop, or pasted JSON, checked in the browser
//! by the same engine; problems listed with their locations, a valid story played at once.

use super::problems::problem_list;
use crate::engine::{load, Diagnostic, Story, StoryId};
use crate::i18n::{Lang, Msg};
use crate::platform::stories::MAX_UPLOAD_BYTES;
use gloo::file::callbacks::FileReader;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Upload`].
#[derive(Properties, PartialEq)]
pub struct UploadProps {
    /// Interface language.
    pub lang: Lang,
    /// Called with a story that loaded without errors.
    pub on_story: Callback<Rc<Story>>,
}

/// What the last attempt produced.
#[derive(Clone, PartialEq)]
enum Outcome {
    None,
    Message(Msg),
    Problems(String, Rc<Vec<Diagnostic>>),
}

/// The id an uploaded file plays under: `own-` plus its sanitised stem.
pub fn own_id(file_name: &str) -> StoryId {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .take(40)
        .collect();
    StoryId::new(format!("own-{}", clean.trim_matches('-')))
}

/// Checks uploaded bytes: the story, or what to show instead.
fn check(name: &str, bytes: &[u8]) -> Result<Rc<Story>, (String, Rc<Vec<Diagnostic>>)> {
    let (story, report) = load(own_id(name), bytes);
    story
        .map(Rc::new)
        .ok_or((name.to_string(), Rc::new(report.errors)))
}

/// The upload page.
#[component]
pub fn Upload(props: &UploadProps) -> Html {
    let lang = props.lang;
    let outcome = use_state(|| Outcome::None);
    let reader = use_mut_ref(|| None::<FileReader>);
    let pasted = use_state(String::new);
    let dragging = use_state(|| false);

    let handle_file = {
        let outcome = outcome.clone();
        let reader = reader.clone();
        let on_story = props.on_story.clone();
        Callback::from(move |file: web_sys::File| {
            if file.size() > MAX_UPLOAD_BYTES as f64 {
                outcome.set(Outcome::Message(Msg::TooLarge));
                return;
            }
            let name = file.name();
            let outcome = outcome.clone();
            let on_story = on_story.clone();
            let file = gloo::file::File::from(file);
            *reader.borrow_mut() =
                Some(gloo::file::callbacks::read_as_bytes(
                    &file,
                    move |res| match res {
                        Err(_) => outcome.set(Outcome::Message(Msg::Unreadable)),
                        Ok(bytes) => match check(&name, &bytes) {
                            Ok(story) => on_story.emit(story),
                            Err((n, p)) => outcome.set(Outcome::Problems(n, p)),
                        },
                    },
                ));
        })
    };
    let on_pick = {
        let handle_file = handle_file.clone();
        Callback::from(move |e: Event| {
            let file = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                handle_file.emit(file);
            }
        })
    };
    let on_drop = {
        let handle_file = handle_file.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                handle_file.emit(file);
            }
        })
    };
    let on_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                pasted.set(t.value());
            }
        })
    };
    let on_check = {
        let pasted = pasted.clone();
        let outcome = outcome.clone();
        let on_story = props.on_story.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if pasted.len() > MAX_UPLOAD_BYTES {
                outcome.set(Outcome::Message(Msg::TooLarge));
                return;
            }
            match check("pasted.json", pasted.as_bytes()) {
                Ok(story) => on_story.emit(story),
                Err((n, p)) => outcome.set(Outcome::Problems(n, p)),
            }
        })
    };
    html! {
        <main id="main" class="upload" tabindex="-1">
            <h1>{ Msg::LoadOwn.get(lang) }</h1>
            <p>{ Msg::LoadOwnHelp.get(lang) }</p>
            <label class={classes!("dropzone", (*dragging).then_some("over"))}
                   ondrop={on_drop} ondragover={on_over} ondragleave={on_leave}>
                <span>{ "⤓ .json" }</span>
                <input type="file" accept=".json,application/json" onchange={on_pick} />
            </label>
            <form class="paste" onsubmit={on_check}>
                <label for="paste">{ Msg::PasteJson.get(lang) }</label>
                <textarea id="paste" rows="8" spellcheck="false" oninput={on_input} value={(*pasted).clone()} />
                <button type="submit" class="primary">{ Msg::CheckAndPlay.get(lang) }</button>
            </form>
            <div class="upload-result" role="alert">
                { match &*outcome {
                    Outcome::None => html! {},
                    Outcome::Message(m) => html! { <p class="error">{ m.get(lang) }</p> },
                    Outcome::Problems(name, problems) => problem_list(name, problems, lang),
                } }
            </div>
        </main>
    }
}
