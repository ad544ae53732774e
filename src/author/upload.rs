//! "Load your own story": a file picker, drag and drop, or pasted JSON, checked in the browser
//! by the same engine; problems listed with their locations, a valid story played at once.

use super::dropzone::Dropzone;
use crate::components::problems::{lint_list, problem_list};
use crate::components::story_map::story_map;
use crate::engine::lints::Lints;
use crate::engine::{Diagnostic, Story, StoryFile, StoryId};
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

/// What the last check produced.
#[derive(Clone, PartialEq)]
enum Outcome {
    None,
    Message(Msg),
    /// File name, its problems, and its parsed content when the structure was sound (for the map).
    Checked(String, Rc<Vec<Diagnostic>>, Option<Rc<StoryFile>>),
    /// A valid story checked as the author types: what the analysis found, and the lints.
    Analysed(String, Rc<Vec<Diagnostic>>, Rc<Lints>, Rc<StoryFile>),
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

/// Checks uploaded bytes: the story when it can be played, and what to show either way.
fn check(name: &str, bytes: &[u8]) -> (Option<Rc<Story>>, Outcome) {
    let (story, file, report) = super::check::load(name, bytes);
    (
        story,
        Outcome::Checked(name.to_string(), Rc::new(report.errors), file),
    )
}

/// The live check of text being typed ([`super::check::live`]): only here, a story picked to
/// play opens without the analysis.
fn check_live(name: &str, text: &str) -> Outcome {
    let checked = super::check::live(name, text);
    let problems = Rc::new(checked.problems);
    match (checked.lints, checked.file) {
        (Some(lints), Some(file)) => {
            Outcome::Analysed(name.to_string(), problems, Rc::new(lints), file)
        }
        (_, file) => Outcome::Checked(name.to_string(), problems, file),
    }
}

/// Reads a file the author picked or dropped, refusing one over [`MAX_UPLOAD_BYTES`] unread;
/// `done` gets its name and bytes, or what to say. `slot` keeps the read alive until it ends.
pub fn read_picked(
    file: web_sys::File,
    slot: &Rc<std::cell::RefCell<Option<FileReader>>>,
    done: impl FnOnce(Result<(String, Vec<u8>), Msg>) + 'static,
) {
    if file.size() > MAX_UPLOAD_BYTES as f64 {
        done(Err(Msg::TooLarge));
        return;
    }
    let name = file.name();
    let file = gloo::file::File::from(file);
    *slot.borrow_mut() = Some(gloo::file::callbacks::read_as_bytes(&file, move |res| {
        done(res.map(|bytes| (name, bytes)).map_err(|_| Msg::Unreadable));
    }));
}

/// The file chosen in a file input's change event.
pub fn picked_file(e: &Event) -> Option<web_sys::File> {
    e.target_dyn_into::<web_sys::HtmlInputElement>()
        .and_then(|i| i.files())
        .and_then(|f| f.get(0))
}

/// The file dropped in a drop event (the browser's own handling of the drop is cancelled).
pub fn dropped_file(e: &DragEvent) -> Option<web_sys::File> {
    e.prevent_default();
    e.data_transfer()
        .and_then(|d| d.files())
        .and_then(|f| f.get(0))
}

/// The upload page.
#[component]
pub fn Upload(props: &UploadProps) -> Html {
    let lang = props.lang;
    let outcome = use_state(|| Outcome::None);
    let reader = use_mut_ref(|| None::<FileReader>);
    let pasted = use_state(String::new);

    let handle_file = {
        let outcome = outcome.clone();
        let reader = reader.clone();
        let on_story = props.on_story.clone();
        Callback::from(move |file: web_sys::File| {
            let outcome = outcome.clone();
            let on_story = on_story.clone();
            read_picked(file, &reader, move |read| match read {
                Err(msg) => outcome.set(Outcome::Message(msg)),
                Ok((name, bytes)) => match check(&name, &bytes) {
                    (Some(story), _) => on_story.emit(story),
                    (None, shown) => outcome.set(shown),
                },
            });
        })
    };
    let on_input = {
        let pasted = pasted.clone();
        let outcome = outcome.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                let text = t.value();
                // Checked as the author types: problems and map follow every edit.
                if text.trim().is_empty() {
                    outcome.set(Outcome::None);
                } else if text.len() > MAX_UPLOAD_BYTES {
                    outcome.set(Outcome::Message(Msg::TooLarge));
                } else {
                    outcome.set(check_live("pasted.json", &text));
                }
                pasted.set(text);
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
                (Some(story), _) => on_story.emit(story),
                (None, shown) => outcome.set(shown),
            }
        })
    };
    html! {
        <main id="main" class="upload" tabindex="-1">
            <h1>{ Msg::LoadOwn.get(lang) }</h1>
            <p>{ Msg::LoadOwnHelp.get(lang) }</p>
            <Dropzone on_file={handle_file} />
            <form class="paste" onsubmit={on_check}>
                <label for="paste">{ Msg::PasteJson.get(lang) }</label>
                <textarea id="paste" rows="8" spellcheck="false" oninput={on_input} value={(*pasted).clone()} />
                <button type="submit" class="primary">{ Msg::CheckAndPlay.get(lang) }</button>
            </form>
            <div class="upload-result" role="alert">
                { match &*outcome {
                    Outcome::None => html! {},
                    Outcome::Message(m) => html! { <p class="error">{ m.get(lang) }</p> },
                    Outcome::Checked(name, problems, file) => live(name, problems, None, file.as_deref(), lang),
                    Outcome::Analysed(name, problems, lints, file) => live(name, problems, Some(lints), Some(file), lang),
                } }
            </div>
        </main>
    }
}

/// The live check beside the story map: the problems (or a note that there are none), the lints
/// of a valid story, and the map when the structure could be read.
fn live(
    name: &str,
    problems: &[Diagnostic],
    lints: Option<&Lints>,
    file: Option<&StoryFile>,
    lang: Lang,
) -> Html {
    html! {
        <div class="live">
            <div>
                <h2>{ Msg::LiveCheck.get(lang) }</h2>
                if problems.is_empty() {
                    <p class="ok-note">{ Msg::NoProblems.get(lang) }</p>
                } else {
                    { problem_list(name, problems, lang) }
                }
                if let Some(lints) = lints {
                    { lint_list(name, lints, lang) }
                }
            </div>
            if let Some(file) = file {
                <div>
                    <h2>{ Msg::StoryMap.get(lang) }</h2>
                    { story_map(file, &[], None, lang) }
                </div>
            }
        </div>
    }
}
