//! The root component: wires state, storage, story loading and the route to the screens.

use super::header::Header;
use super::library::Library;
use super::player::Player;
use super::problems::problem_list;
use super::upload::Upload;
use crate::catalog::STORY_IDS;
use crate::engine::{Session, Story, StoryId};
use crate::hooks::{read_progress, use_persist, use_route, use_stories};
use crate::i18n::{Lang, Msg};
use crate::platform::location::{initial_lang, lang_forced, Route};
use crate::platform::storage::Storage;
use crate::state::{Action, AppState, Entry, Notice};
use std::rc::Rc;
use yew::prelude::*;

fn init(storage: &Storage) -> AppState {
    let (progress, notice) = read_progress(storage);
    let mut state = AppState::new(initial_lang(), STORY_IDS, progress);
    if let Some(lang) = lang_forced() {
        state.lang = lang;
    }
    if !storage.is_persistent() {
        state.notices.push(Notice(Msg::MemoryOnly));
    }
    if let Some(msg) = notice {
        state.notices.push(Notice(msg));
    }
    state
}

/// The app.
#[component]
pub fn App() -> Html {
    let storage = use_memo((), |_| Storage::open());
    let ctx = {
        let storage = storage.clone();
        use_reducer(move || init(&storage))
    };
    use_stories(ctx.clone(), STORY_IDS);
    use_persist(ctx.clone(), storage);
    let route = use_route();
    let lang = ctx.lang;
    use_effect_with(lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    let dispatch: Callback<Action> = {
        let ctx = ctx.clone();
        Callback::from(move |a| ctx.dispatch(a))
    };
    let on_lang = dispatch.reform(Action::SetLang);
    let on_dismiss = dispatch.reform(Action::Dismiss);
    let on_story = {
        let dispatch = dispatch.clone();
        Callback::from(move |story: Rc<Story>| {
            let href = Route::Story(story.id.to_string()).href();
            dispatch.emit(Action::Add(story));
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash(&href);
            }
        })
    };
    let page = match &route {
        Route::Library => html! {
            <Library lang={lang} stories={ctx.stories.clone()} sessions={ctx.sessions.clone()} best={ctx.best.clone()} />
        },
        Route::Upload => html! { <Upload lang={lang} on_story={on_story} /> },
        Route::Story(id) => story_page(&ctx, &StoryId::new(id), lang, dispatch.clone()),
    };
    html! {
        <>
            <Header lang={lang} on_lang={on_lang} notices={ctx.notices.clone()} on_dismiss={on_dismiss} />
            { page }
        </>
    }
}

fn story_page(state: &AppState, id: &StoryId, lang: Lang, dispatch: Callback<Action>) -> Html {
    match state.stories.get(id) {
        Some(Entry::Ready(story)) => {
            let session = state
                .sessions
                .get(id)
                .cloned()
                .unwrap_or_else(|| Session::new(story));
            html! { <Player story={story.clone()} session={session} lang={lang} dispatch={dispatch} /> }
        }
        Some(Entry::Loading) => html! {
            <main id="main" class="page-message" aria-busy="true"><p>{ Msg::Loading.get(lang) }</p></main>
        },
        Some(Entry::Broken(problems)) => html! {
            <main id="main" class="page-message">
                <h1>{ Msg::StoryBroken.get(lang) }</h1>
                { problem_list(&format!("stories/{id}.json"), problems, lang) }
                <p><a href={Route::Library.href()}>{ Msg::BackToLibrary.get(lang) }</a></p>
            </main>
        },
        None => html! {
            <main id="main" class="page-message">
                <h1>{ Msg::StoryMissing.get(lang) }</h1>
                <p><a href={Route::Library.href()}>{ Msg::BackToLibrary.get(lang) }</a></p>
            </main>
        },
    }
}
