//! The root component: wires state, storage, story loading and the route to the screens.

use super::header::Header;
use super::kiosk::{idle_warning, KioskAttract};
use super::library::Library;
use super::player::Player;
use super::problems::problem_list;
use super::upload::Upload;
use crate::engine::{Session, Story, StoryId};
use crate::hooks::{
    read_progress, use_host_messages, use_idle, use_persist, use_route, use_stories, use_xapi,
};
use crate::i18n::{Lang, Msg};
use crate::platform::location::{initial_lang, lang_forced, Launch, Route};
use crate::platform::storage::Storage;
use crate::platform::stories::{inlined, inlined_catalog, whole_file, CATALOG};
use crate::state::{catalog_read, loaded, Action, AppState, Entry, Fetched, Notice};
use std::rc::Rc;
use yew::prelude::*;

fn init(storage: &Storage, opened_on: Option<&str>) -> AppState {
    let (progress, notice) = read_progress(storage);
    let mut state = AppState::new(initial_lang(), progress);
    // What the page carries (the one-file bundle): the story it opens on and the catalog, so the
    // first render is the conversation or the library, not a "loading" page.
    let story = opened_on.and_then(|id| {
        let bytes = inlined(id)?;
        Some(loaded(StoryId::new(id), &whole_file(id), &bytes))
    });
    let catalog = inlined_catalog().map(|bytes| catalog_read(CATALOG, &bytes));
    for action in story.into_iter().chain(catalog) {
        let next = Rc::new(state).reduce(action);
        state = Rc::try_unwrap(next).unwrap_or_else(|shared| (*shared).clone());
    }
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
    let launch = use_memo((), |_| Launch::current());
    let opened_on = match crate::platform::location::current_route() {
        Route::Story(id) => Some(id),
        _ => launch.story.clone(),
    };
    let ctx = {
        let storage = storage.clone();
        use_reducer(move || init(&storage, opened_on.as_deref()))
    };
    use_persist(ctx.clone(), storage.clone());
    let route = match use_route() {
        // An embedded story is the whole app: there is no library to go back to.
        Route::Library if launch.embed => launch.story.clone().map_or(Route::Library, Route::Story),
        Route::Upload if launch.kiosk => Route::Library,
        // Trainers' pages: never in a kiosk or an embedded story.
        Route::Report if launch.kiosk || launch.embed => Route::Library,
        route => route,
    };
    let opened = match &route {
        Route::Story(id) => Some(StoryId::new(id)),
        _ => None,
    };
    use_stories(ctx.clone(), opened.clone(), route == Route::Library);
    // The service worker precaches every file of the build (every story, every language): it
    // is registered once what the learner opened is on screen, so none of that competes with it.
    let settled = match &opened {
        Some(id) => !matches!(ctx.stories.get(id), None | Some(Entry::Loading)),
        None if route == Route::Library => !matches!(ctx.catalog, Fetched::Loading),
        None => true,
    };
    let registered = use_mut_ref(|| false);
    use_effect_with(settled, move |&settled| {
        if settled && !registered.replace(true) {
            crate::platform::frame::after_paint(crate::platform::sw::register);
        }
    });
    let lang = ctx.lang;
    // Looking at a story that has loaded begins a play-through, unless one is under way.
    {
        let ctx = ctx.clone();
        let ready = opened.filter(|id| ctx.story(id).is_some());
        use_effect_with(ready, move |ready| {
            if let Some(id) = ready {
                ctx.dispatch(Action::Open(id.clone()));
            }
        });
    }
    use_xapi(storage, ctx.clone());
    use_host_messages(
        launch.embed,
        launch.target_origin.clone(),
        lang,
        launch.story.clone(),
        ctx.clone(),
    );
    let on_idle = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            ctx.dispatch(Action::Wipe);
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash(&Route::Library.href());
            }
        })
    };
    let (idle_left, still_here) = use_idle(launch.kiosk, launch.idle_seconds, on_idle);
    use_effect_with(launch.kiosk, |&kiosk| {
        // A kiosk offers no context menu (no "save as", no "inspect").
        let guard = kiosk
            .then(|| web_sys::window().and_then(|w| w.document()))
            .flatten()
            .map(|doc| {
                gloo::events::EventListener::new_with_options(
                    &doc,
                    "contextmenu",
                    gloo::events::EventListenerOptions::enable_prevent_default(),
                    |e| e.prevent_default(),
                )
            });
        move || drop(guard)
    });
    use_effect_with(lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.tag());
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
        Route::Library if launch.kiosk => html! {
            <KioskAttract lang={lang} catalog={ctx.catalog.clone()} />
        },
        Route::Library => html! {
            <Library lang={lang} catalog={ctx.catalog.clone()} sessions={ctx.saved_sessions()} best={ctx.best.clone()} />
        },
        Route::Upload => html! { <Upload lang={lang} on_story={on_story} /> },
        // Until the authoring app lands: the class report, mounted here to be moved there.
        Route::Report => html! { <super::report::Report lang={lang} /> },
        Route::Story(id) => story_page(
            &ctx,
            &StoryId::new(id),
            lang,
            dispatch.clone(),
            launch.embed,
        ),
    };
    let header = html! {
        <Header lang={lang} on_lang={on_lang} notices={ctx.notices.clone()} on_dismiss={on_dismiss} kiosk={launch.kiosk} />
    };
    let idle = idle_left.map(|left| idle_warning(left, lang, still_here.reform(|_| ())));
    frame(
        launch.kiosk,
        launch.embed,
        header,
        html! { <>{ page }{ for idle }</> },
    )
}

/// The page's frame around `page`: the site `header` above it unless `embed`ded.
pub fn frame(kiosk: bool, embed: bool, header: Html, page: Html) -> Html {
    let class = classes!("app", kiosk.then_some("kiosk"), embed.then_some("embed"));
    html! {
        <div class={class}>
            if !embed {
                { header }
            }
            { page }
        </div>
    }
}

fn story_page(
    state: &AppState,
    id: &StoryId,
    lang: Lang,
    dispatch: Callback<Action>,
    embedded: bool,
) -> Html {
    match state.stories.get(id) {
        Some(Entry::Ready(story)) => {
            let session = state
                .sessions
                .get(id)
                .cloned()
                .unwrap_or_else(|| Session::new(story));
            html! { <Player story={story.clone()} session={session} lang={lang} dispatch={dispatch} embedded={embedded} /> }
        }
        // Not fetched yet (the fetch starts after the first render).
        Some(Entry::Loading) | None => html! {
            <main id="main" class="page-message" aria-busy="true"><p>{ Msg::Loading.get(lang) }</p></main>
        },
        Some(Entry::Broken(problems)) => html! {
            <main id="main" class="page-message">
                <h1>{ Msg::StoryBroken.get(lang) }</h1>
                { problem_list(&problems.file, &problems.list, lang) }
                <p><a href={Route::Library.href()}>{ Msg::BackToLibrary.get(lang) }</a></p>
            </main>
        },
    }
}
