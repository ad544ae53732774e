//! Opening something to edit: the draft saved in this browser, a new story from the template, a
//! story of the library (its whole file, every locale), or a file picked, dropped or pasted.

use super::draft::Draft;
use super::fields::value_of;
use crate::author::dropzone::Dropzone;
use crate::author::i18n::AuthorMsg;
use crate::author::upload::read_picked;
use crate::components::problems::problem_list;
use crate::engine::catalog::Catalog;
use crate::engine::Diagnostic;
use crate::i18n::{Lang, Msg};
use crate::platform::location::Entry;
use crate::platform::stories::{fetch, whole_file, CATALOG};
use crate::state::{catalog_read, Action};
use gloo::file::callbacks::FileReader;
use std::rc::Rc;
use yew::prelude::*;

/// A draft kept in browser storage, as offered back.
#[derive(Clone, PartialEq)]
pub struct Saved {
    /// The file name it downloads as.
    pub name: String,
    /// Its title in its first locale.
    pub title: String,
}

/// Props of [`OpenStory`].
#[derive(Properties, PartialEq)]
pub struct OpenProps {
    /// Interface language.
    pub lang: Lang,
    /// Opens a draft in the editor.
    pub on_open: Callback<Draft>,
    /// The draft saved in this browser, if any.
    pub saved: Option<Saved>,
    /// Opens the saved draft.
    pub on_resume: Callback<()>,
    /// Forgets the saved draft.
    pub on_discard: Callback<()>,
}

/// What the last attempt to open something said.
#[derive(Clone, PartialEq)]
enum Said {
    Nothing,
    Busy,
    Message(Msg),
    /// The file named and what stops it from opening.
    Problems(String, Rc<Vec<Diagnostic>>),
}

/// A draft of the text of a file named `name`, or what is wrong with it. A file whose structure
/// reads opens even with errors: they are what Studio is for.
pub fn draft_of(name: &str, bytes: &[u8]) -> Result<Draft, Vec<Diagnostic>> {
    let (_, file, report) = crate::author::check::load(name, bytes);
    match file {
        Some(file) => Ok(Draft::new(name, (*file).clone())),
        None => Err(report.errors),
    }
}

/// The open screen.
#[component]
pub fn OpenStory(props: &OpenProps) -> Html {
    let lang = props.lang;
    let said = use_state(|| Said::Nothing);
    let catalog = use_state(|| None::<Rc<Catalog>>);
    let reader = use_mut_ref(|| None::<FileReader>);
    let pasted = use_state(String::new);
    {
        let catalog = catalog.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("{}{CATALOG}", Entry::Author.root());
                if let Ok(bytes) = fetch(&path).await {
                    if let Action::Catalog(Ok(read)) = catalog_read(&path, &bytes) {
                        catalog.set(Some(read));
                    }
                }
            });
        });
    }
    let opened = {
        let on_open = props.on_open.clone();
        let said = said.clone();
        Callback::from(
            move |(name, bytes): (String, Vec<u8>)| match draft_of(&name, &bytes) {
                Ok(draft) => on_open.emit(draft),
                Err(problems) => said.set(Said::Problems(name, Rc::new(problems))),
            },
        )
    };
    let open_library = {
        let (opened, said) = (opened.clone(), said.clone());
        Callback::from(move |id: String| {
            let (opened, said) = (opened.clone(), said.clone());
            said.set(Said::Busy);
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("{}{}", Entry::Author.root(), whole_file(&id));
                match fetch(&path).await {
                    Ok(bytes) => opened.emit((format!("{id}.json"), bytes)),
                    Err(e) => said.set(Said::Problems(path, Rc::new(vec![e.problem]))),
                }
            });
        })
    };
    let on_file = {
        let (opened, said, reader) = (opened.clone(), said.clone(), reader.clone());
        Callback::from(move |file: web_sys::File| {
            let (opened, said) = (opened.clone(), said.clone());
            read_picked(file, &reader, move |read| match read {
                Ok(named) => opened.emit(named),
                Err(msg) => said.set(Said::Message(msg)),
            });
        })
    };
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| pasted.set(value_of(e.target())))
    };
    let on_paste = {
        let (opened, pasted) = (opened.clone(), pasted.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            opened.emit(("pasted.json".to_string(), pasted.as_bytes().to_vec()));
        })
    };
    let on_template = {
        let (on_open, said) = (props.on_open.clone(), said.clone());
        Callback::from(move |_: MouseEvent| match Draft::template() {
            Some(draft) => on_open.emit(draft),
            None => said.set(Said::Message(Msg::Unreadable)),
        })
    };
    html! {
        <div class="studio-open">
            <p class="tagline">{ AuthorMsg::StudioIntro.get(lang) }</p>
            if let Some(saved) = &props.saved {
                <section class="pane saved-draft" aria-labelledby="saved-heading">
                    <h2 id="saved-heading">{ AuthorMsg::SavedDraft.get(lang) }</h2>
                    <p>{ format!("{} ({})", saved.title, saved.name) }</p>
                    <div class="row">
                        <button type="button" class="primary" onclick={props.on_resume.reform(|_: MouseEvent| ())}>{ AuthorMsg::ResumeDraft.get(lang) }</button>
                        <button type="button" onclick={props.on_discard.reform(|_: MouseEvent| ())}>{ AuthorMsg::DiscardDraft.get(lang) }</button>
                    </div>
                </section>
            }
            <div class="open-grid">
                <section class="pane" aria-labelledby="new-heading">
                    <h2 id="new-heading">{ AuthorMsg::NewStory.get(lang) }</h2>
                    <p>{ AuthorMsg::NewStoryHint.get(lang) }</p>
                    <button type="button" class="primary" id="new-story" onclick={on_template}>{ AuthorMsg::StartFromTemplate.get(lang) }</button>
                </section>
                <section class="pane" aria-labelledby="library-heading">
                    <h2 id="library-heading">{ AuthorMsg::EditLibraryStory.get(lang) }</h2>
                    if let Some(catalog) = &*catalog {
                        <ul class="library-stories">
                            { for catalog.stories.iter().map(|card| {
                                let id = card.id.to_string();
                                let onclick = open_library.reform({ let id = id.clone(); move |_: MouseEvent| id.clone() });
                                html! {
                                    <li key={id.clone()}>
                                        <button type="button" class="link" data-story={id} {onclick}>{ card.title.get(lang.code(), "en").to_string() }</button>
                                    </li>
                                }
                            }) }
                        </ul>
                    } else {
                        <p aria-busy="true">{ Msg::Loading.get(lang) }</p>
                    }
                </section>
                <section class="pane" aria-labelledby="file-heading">
                    <h2 id="file-heading">{ AuthorMsg::OpenFile.get(lang) }</h2>
                    <Dropzone on_file={on_file} />
                    <form class="paste" onsubmit={on_paste}>
                        <label for="studio-paste">{ Msg::PasteJson.get(lang) }</label>
                        <textarea id="studio-paste" rows="4" spellcheck="false" oninput={on_paste_input} value={(*pasted).clone()} />
                        <button type="submit">{ AuthorMsg::OpenPasted.get(lang) }</button>
                    </form>
                </section>
            </div>
            <div role="alert">
                { match &*said {
                    Said::Nothing => html! {},
                    Said::Busy => html! { <p aria-busy="true">{ Msg::Loading.get(lang) }</p> },
                    Said::Message(m) => html! { <p class="error">{ m.get(lang) }</p> },
                    Said::Problems(name, problems) => problem_list(name, problems, lang),
                } }
            </div>
        </div>
    }
}
