//! The root component: wires state, storage, story loading and the route to the screens.

use super::header::Header;
use super::kiosk::{idle_warning, KioskAttract};
use super::library::Library;
use super::player::Player;
use super::problems::problem_list;
use super::upload::Upload;
use crate::catalog::STORY_IDS;
use crate::engine::{Session, Story, StoryId};
use crate::hooks::{
    read_progress, use_host_messages, use_idle, use_persist, use_route, use_stories, use_xapi,
};
use crate::i18n::{Lang, Msg};
use crate::platform::location::{initial_lang, lang_forced, Launch, Route};
use crate::platform::storage::Storage;
use crate::platform::stories::inlined;
use crate::state::{loaded, Action, AppState, Entry, Notice};
use std::rc::Rc;
use yew::prelude::*;

fn init(storage: &Storage, opened_on: Option<&str>) -> AppState {
    let (progress, notice) = read_progress(storage);
    let mut state = AppState::new(initial_lang(), STORY_IDS, progress);
    // The story the page opens on, if the page carries it (the one-file bundle): the first render
    // is then the conversation, not a "loading" page.
    let ready = opened_on
        .filter(|id| STORY_IDS.contains(id))
        .and_then(|id| Some((id, inlined(id)?)));
    if let Some((id, bytes)) = ready {
        let next = Rc::new(state).reduce(loaded(StoryId::new(id), &bytes));
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
        let opened_on = opened_on.clone();
        use_reducer(move || init(&storage, opened_on.as_deref()))
    };
    use_stories(ctx.clone(), STORY_IDS, opened_on);
    use_persist(ctx.clone(), storage.clone());
    use_effect_with((), |_| {
        crate::platform::frame::after_paint(crate::platform::sw::register)
    });
    let route = match use_route() {
        // An embedded story is the whole app: there is no library to go back to.
        Route::Library if launch.embed => launch.story.clone().map_or(Route::Library, Route::Story),
        Route::Upload if launch.kiosk => Route::Library,
        route => route,
    };
    let lang = ctx.lang;
    // Looking at a story that has loaded begins a play-through, unless one is under way.
    {
        let ctx = ctx.clone();
        let opened = match &route {
            Route::Story(id) => Some(StoryId::new(id)).filter(|id| ctx.story(id).is_some()),
            _ => None,
        };
        use_effect_with(opened, move |opened| {
            if let Some(id) = opened {
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
            <KioskAttract lang={lang} stories={ctx.stories.clone()} />
        },
        Route::Library => html! {
            <Library lang={lang} stories={ctx.stories.clone()} sessions={ctx.sessions.clone()} best={ctx.best.clone()} />
        },
        Route::Upload => html! { <Upload lang={lang} on_story={on_story} /> },
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
