//! Studio (`#/studio` of the authoring app): write, translate and test a scenario in the
//! browser, through forms, never touching JSON.
//!
//! The root ([`Studio`]) holds the draft in a reducer ([`draft`] is the pure model), saves it to
//! browser storage after every change, checks it (the authoring pipeline, `crate::author::check`)
//! a moment after typing stops, and lays out the forms beside the map, the problems and the
//! play-test. Undo and redo are buttons and Ctrl/Cmd+Z, Shift+Z (and Ctrl+Y); inside a text field
//! those keys are left to the browser's own text undo, so a field undoes its typing first, and the
//! story's undo takes over once focus is elsewhere.

pub mod client_form;
pub mod condition;
pub mod draft;
pub mod feelings_form;
pub mod fields;
pub mod locales;
pub mod logic_form;
pub mod map;
pub mod node_form;
pub mod open;
pub mod playtest;
pub mod problems;
pub mod story_form;

use crate::author::check::{live, Checked};
use crate::author::i18n::AuthorMsg;
use crate::i18n::Lang;
use crate::platform::storage::{keys, Storage};
use client_form::ClientForm;
use draft::{add_node, missing_translations, node_of, Draft, Edit};
use feelings_form::FeelingsForm;
use fields::{field_id, Ctx};
use locales::LocalesForm;
use logic_form::LogicForm;
use map::MapPane;
use node_form::NodeForm;
use open::{draft_of, OpenStory, Saved};
use playtest::PlayTest;
use problems::ProblemsPane;
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use story_form::StoryForm;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long typing must pause before the draft is checked again (the check explores the story's
/// states: on every keystroke it would make typing lag on a large story).
const CHECK_DELAY_MS: u32 = 300;

/// The draft as kept in browser storage ([`keys::STUDIO_DRAFT`]).
#[derive(Serialize, Deserialize)]
struct Stored {
    name: String,
    story: String,
}

/// What the editor shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum View {
    Story,
    Client,
    Feelings,
    Logic,
    Languages,
    Node(usize),
}

impl View {
    /// The part of the editor a JSON pointer is in.
    fn of(pointer: &str) -> View {
        if let Some(i) = node_of(pointer) {
            return View::Node(i);
        }
        let top = pointer
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or("");
        match top {
            "persona" | "cast" => View::Client,
            "emotions" | "moods" => View::Feelings,
            "flags" | "rules" => View::Logic,
            "locales" => View::Languages,
            _ => View::Story,
        }
    }
}

/// Everything that changes the draft.
enum Act {
    Open(Draft),
    Close,
    Edit(Edit),
    Settle,
    Undo,
    Redo,
}

/// The reducer's state: the draft, once something is open.
#[derive(Clone, Default, PartialEq)]
struct Desk {
    draft: Option<Draft>,
}

impl Reducible for Desk {
    type Action = Act;

    fn reduce(self: Rc<Self>, action: Act) -> Rc<Self> {
        let mut next = (*self).clone();
        let changed = match (action, next.draft.as_mut()) {
            (Act::Open(draft), _) => {
                next.draft = Some(draft);
                true
            }
            (Act::Close, _) => {
                next.draft = None;
                true
            }
            (Act::Edit(edit), Some(d)) => d.apply(&edit),
            // A render on blur, for nothing: the price of keeping the reducer the one owner.
            (Act::Settle, Some(d)) => {
                d.settle();
                true
            }
            (Act::Undo, Some(d)) => d.undo(),
            (Act::Redo, Some(d)) => d.redo(),
            _ => false,
        };
        if changed {
            Rc::new(next)
        } else {
            self
        }
    }
}

/// Reads the draft kept in storage.
fn stored(storage: &Storage) -> Option<Stored> {
    serde_json::from_str(&storage.get(keys::STUDIO_DRAFT)?).ok()
}

/// Whether a key event is typing in a text field (where undo belongs to the field).
fn in_text_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| match el.tag_name().as_str() {
            "TEXTAREA" => true,
            "INPUT" => !matches!(
                el.get_attribute("type").as_deref(),
                Some("checkbox" | "radio" | "button" | "submit" | "file")
            ),
            _ => false,
        })
}

/// Props of [`Studio`].
#[derive(Properties, PartialEq)]
pub struct StudioProps {
    /// Interface language.
    pub lang: Lang,
}

/// Studio.
#[component]
pub fn Studio(props: &StudioProps) -> Html {
    let lang = props.lang;
    let storage = use_memo((), |_| Storage::open());
    let desk = use_reducer(Desk::default);
    // The open screen reads the saved draft as it is now (after a close, the one just edited).
    let refresh = use_force_update();
    let view = use_state(|| View::Story);
    let picking = use_state(|| None::<(usize, usize)>);
    let checked = use_state(|| None::<Rc<Checked>>);
    let save_failed = use_state(|| false);
    let focus_next = use_mut_ref(|| None::<String>);
    let dispatcher = desk.dispatcher();
    let edit = use_callback((), {
        let dispatcher = dispatcher.clone();
        move |e: Edit, _| dispatcher.dispatch(Act::Edit(e))
    });
    let settle = use_callback((), {
        let dispatcher = dispatcher.clone();
        move |_: (), _| dispatcher.dispatch(Act::Settle)
    });
    let draft = desk.draft.clone();
    let key = draft
        .as_ref()
        .map(|d| (Rc::as_ptr(&d.file) as usize, d.revision));

    // Saved after every change, so a reload or a crash loses nothing.
    {
        let storage = storage.clone();
        let draft = draft.clone();
        let save_failed = save_failed.clone();
        use_effect_with(key, move |_| {
            if let Some(d) = &draft {
                let text = serde_json::to_string(&Stored {
                    name: d.name.clone(),
                    story: d.text(),
                })
                .unwrap_or_default();
                let ok = storage.set(keys::STUDIO_DRAFT, &text);
                if *save_failed == ok {
                    save_failed.set(!ok);
                }
            }
        });
    }
    // Checked once typing pauses.
    {
        let draft = draft.clone();
        let checked = checked.clone();
        use_effect_with(key, move |_| {
            let timer = draft.map(|d| {
                gloo::timers::callback::Timeout::new(CHECK_DELAY_MS, move || {
                    checked.set(Some(Rc::new(live(&d.name, &d.text()))));
                })
            });
            move || drop(timer)
        });
    }
    // Undo and redo from the keyboard.
    {
        let dispatcher = dispatcher.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(
                    &doc,
                    "keydown",
                    options,
                    move |event| {
                        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        if !(event.ctrl_key() || event.meta_key())
                            || event.alt_key()
                            || in_text_field(event)
                        {
                            return;
                        }
                        let act = match event.key().as_str() {
                            "z" | "Z" if event.shift_key() => Act::Redo,
                            "z" | "Z" => Act::Undo,
                            "y" | "Y" => Act::Redo,
                            _ => return,
                        };
                        event.prevent_default();
                        dispatcher.dispatch(act);
                    },
                )
            });
            move || drop(listener)
        });
    }
    // A problem or a missing translation asked for its field: focus it once it is on screen
    // (or the nearest thing around it that is).
    {
        let focus_next = focus_next.clone();
        use_effect(move || {
            let Some(pointer) = focus_next.borrow_mut().take() else {
                return;
            };
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let mut probe = pointer.as_str();
            loop {
                if let Some(el) = doc.get_element_by_id(&field_id(probe)) {
                    el.scroll_into_view();
                    crate::platform::focus(el);
                    break;
                }
                match probe.rfind('/') {
                    Some(cut) => probe = &probe[..cut],
                    None => break,
                }
            }
        });
    }

    let on_focus = {
        let (view, focus_next) = (view.clone(), focus_next.clone());
        Callback::from(move |pointer: String| {
            view.set(View::of(&pointer));
            *focus_next.borrow_mut() = Some(pointer);
        })
    };
    let on_open = {
        let (dispatcher, view, checked) = (dispatcher.clone(), view.clone(), checked.clone());
        Callback::from(move |d: Draft| {
            checked.set(None);
            view.set(View::Story);
            dispatcher.dispatch(Act::Open(d));
        })
    };
    let on_resume = {
        let (storage, on_open) = (storage.clone(), on_open.clone());
        Callback::from(move |_| {
            if let Some(s) = stored(&storage) {
                if let Ok(d) = draft_of(&s.name, s.story.as_bytes()) {
                    on_open.emit(d);
                }
            }
        })
    };
    let on_discard = {
        let storage = storage.clone();
        Callback::from(move |_| {
            storage.remove(keys::STUDIO_DRAFT);
            refresh.force_update();
        })
    };
    let Some(d) = draft else {
        let offered = stored(&storage).map(|s| {
            let title = draft_of(&s.name, s.story.as_bytes())
                .ok()
                .map(|d| d.file.title.get(lang.code(), "").to_string())
                .unwrap_or_default();
            Saved {
                name: s.name.clone(),
                title,
            }
        });
        return html! {
            <main id="main" class="studio" tabindex="-1">
                { crumbs(lang) }
                <h1>{ AuthorMsg::Studio.get(lang) }</h1>
                { storage_notice(&storage, *save_failed, lang) }
                <OpenStory lang={lang} on_open={on_open} saved={offered} on_resume={on_resume} on_discard={on_discard} />
            </main>
        };
    };

    let ctx = Ctx {
        file: d.file.clone(),
        edit: edit.clone(),
        settle,
        lang,
    };
    let on_node = {
        let (view, picking, edit, file) =
            (view.clone(), picking.clone(), edit.clone(), d.file.clone());
        Callback::from(move |k: usize| {
            if let Some((i, j)) = *picking {
                // Linking a reply: the node picked is its target.
                if let Some(target) = file.nodes.get(k).map(|n| n.id.clone()) {
                    edit.emit(Edit::new(
                        format!("/nodes/{i}/choices/{j}/next"),
                        move |f| {
                            if let Some(c) = f.nodes.get_mut(i).and_then(|n| n.choices.get_mut(j)) {
                                c.next = target.clone();
                            }
                        },
                    ));
                }
                picking.set(None);
            } else {
                view.set(View::Node(k));
            }
        })
    };
    let on_add = {
        let (view, edit, count) = (view.clone(), edit.clone(), d.file.nodes.len());
        Callback::from(move |_| {
            edit.emit(Edit::new("/nodes", |f| {
                add_node(f);
            }));
            view.set(View::Node(count));
        })
    };
    let on_pick = {
        let picking = picking.clone();
        Callback::from(move |p: Option<(usize, usize)>| picking.set(p))
    };
    let act = |make: fn() -> Act| {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(make()))
    };
    let (undo, redo, close) = (act(|| Act::Undo), act(|| Act::Redo), act(|| Act::Close));
    let download = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            crate::platform::download::download(&d.name, "application/json", &d.text());
        })
    };
    let missing: usize = missing_translations(&d.file)
        .iter()
        .map(|(_, m)| m.len())
        .sum();
    let selected = match *view {
        View::Node(i) if i < d.file.nodes.len() => Some(i),
        _ => None,
    };
    let tab = |v: View, label: String| {
        let view = view.clone();
        let current = *view == v;
        html! {
            <li><button type="button" class={classes!("tab", current.then_some("current"))} aria-current={current.then_some("true")}
                        onclick={Callback::from(move |_: MouseEvent| view.set(v))}>{ label }</button></li>
        }
    };
    let editor = match *view {
        View::Story => html! { <StoryForm ctx={ctx.clone()} /> },
        View::Client => html! { <ClientForm ctx={ctx.clone()} /> },
        View::Feelings => html! { <FeelingsForm ctx={ctx.clone()} /> },
        View::Logic => html! { <LogicForm ctx={ctx.clone()} /> },
        View::Languages => html! { <LocalesForm ctx={ctx.clone()} on_focus={on_focus.clone()} /> },
        View::Node(i) => {
            html! { <NodeForm ctx={ctx.clone()} index={i} picking={*picking} on_pick={on_pick} /> }
        }
    };
    let languages = if missing > 0 {
        format!("{} ({missing})", AuthorMsg::LanguagesSection.get(lang))
    } else {
        AuthorMsg::LanguagesSection.get(lang).to_string()
    };
    let go_to = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            if let Ok(i) = fields::value_of(e.target()).parse::<usize>() {
                view.set(View::Node(i));
            }
        })
    };
    html! {
        <main id="main" class="studio" tabindex="-1">
            { crumbs(lang) }
            <div class="studio-bar">
                <h1>
                    { AuthorMsg::Studio.get(lang) }
                    <span class="draft-title">{ format!(" · {}", d.file.title.get(lang.code(), "")) }</span>
                </h1>
                <div class="toolbar" role="toolbar" aria-label={AuthorMsg::Studio.get(lang)}>
                    <button type="button" id="undo" onclick={undo} disabled={!d.can_undo()} aria-keyshortcuts="Control+Z Meta+Z">{ format!("↶ {}", AuthorMsg::Undo.get(lang)) }</button>
                    <button type="button" id="redo" onclick={redo} disabled={!d.can_redo()} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y">{ format!("↷ {}", AuthorMsg::Redo.get(lang)) }</button>
                    <button type="button" id="download" class="primary" onclick={download}>{ format!("⤓ {} {}", AuthorMsg::Download.get(lang), d.name) }</button>
                    <button type="button" id="close-draft" onclick={close}>{ AuthorMsg::CloseDraft.get(lang) }</button>
                </div>
            </div>
            { storage_notice(&storage, *save_failed, lang) }
            <div class="studio-desk">
                <div class="editor">
                    <nav aria-label={AuthorMsg::Sections.get(lang)}>
                        <ul class="tabs">
                            { tab(View::Story, AuthorMsg::StorySection.get(lang).to_string()) }
                            { tab(View::Client, AuthorMsg::ClientSection.get(lang).to_string()) }
                            { tab(View::Feelings, AuthorMsg::FeelingsSection.get(lang).to_string()) }
                            { tab(View::Logic, AuthorMsg::LogicSection.get(lang).to_string()) }
                            { tab(View::Languages, languages) }
                            if let Some(i) = selected {
                                { tab(View::Node(i), format!("{} · {}", AuthorMsg::Node.get(lang), d.file.nodes[i].id)) }
                            }
                        </ul>
                        <div class="field go-to">
                            <label for="go-to-moment">{ AuthorMsg::GoToMoment.get(lang) }</label>
                            <select id="go-to-moment" onchange={go_to}>
                                <option value="" selected={selected.is_none()}>{ "—" }</option>
                                { for d.file.nodes.iter().enumerate().map(|(i, n)| html! {
                                    <option value={i.to_string()} selected={selected == Some(i)}>{ node_form::node_label(n) }</option>
                                }) }
                            </select>
                        </div>
                    </nav>
                    { editor }
                </div>
                <div class="side">
                    <MapPane file={d.file.clone()} selected={selected} picking={picking.is_some()} on_node={on_node} on_add={on_add} lang={lang} />
                    <ProblemsPane checked={(*checked).clone()} lang={lang} on_focus={on_focus.clone()} />
                    <PlayTest file={d.file.clone()} selected={selected} name={d.name.clone()} lang={lang} />
                </div>
            </div>
        </main>
    }
}

/// The way out of Studio: the library (the draft stays saved).
fn crumbs(lang: Lang) -> Html {
    use crate::platform::location::{Entry, Route};
    html! {
        <nav class="crumbs">
            <a href={Route::Library.link(Entry::Author)}>{ format!("← {}", crate::i18n::Msg::BackToLibrary.get(lang)) }</a>
        </nav>
    }
}

/// Where the draft is kept, when that is not browser storage: blocked (a sandboxed frame,
/// private mode) or full. Download still works either way.
fn storage_notice(storage: &Storage, save_failed: bool, lang: Lang) -> Html {
    let msg = if !storage.is_persistent() {
        Some(AuthorMsg::StorageBlocked)
    } else if save_failed {
        Some(AuthorMsg::StorageFull)
    } else {
        None
    };
    html! {
        <div role="status" class="studio-notice">
            if let Some(msg) = msg {
                <p class="notice">{ msg.get(lang) }</p>
            }
        </div>
    }
}
