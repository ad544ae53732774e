//! The root component, shared by the build's three apps: wires state, storage, story loading and
//! the route to the screens. What differs between the learner's app, the authoring app and the
//! LMS app is a [`Pages`] type: the pages and the LMS reporting only that app has. Each app's
//! binary names its own, so the learner's wasm never links the authoring pages (upload, Studio,
//! the report) nor the cmi5 and SCORM code.

use super::header::Header;
use super::kiosk::{idle_warning, KioskAttract};
use super::library::Library;
use super::lms_bar::{use_no_lms, LmsBar, LmsStatus};
use super::player::Player;
use super::problems::problem_list;
use crate::engine::{Session, Story, StoryId};
use crate::hooks::{
    read_progress, use_host_messages, use_idle, use_persist, use_route, use_stories, use_xapi,
};
use crate::i18n::{Lang, Msg};
use crate::platform::location::{initial_lang, lang_forced, moved, Entry, Launch, Route};
use crate::platform::storage::Storage;
use crate::platform::stories::{inlined, inlined_catalog, whole_file, CATALOG};
use crate::state::{
    catalog_read, loaded, Action, AppContext, AppState, Entry as StoryEntry, Fetched, Notice,
};
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

/// What one of the build's apps adds to the shared shell ([`App`]).
pub trait Pages: 'static {
    /// Which app this is.
    const ENTRY: Entry;
    /// The page for `route` when this app has one of its own, else `None` (the shell shows the
    /// library and stories).
    fn page(route: &Route, page: &PageContext) -> Option<Html>;
    /// The hook reporting to the LMS that launched the page: the LMS app's `hooks::use_lms`,
    /// the others' [`use_no_lms`]. A hook of the app's type rather than a test of `ENTRY`, so
    /// only the LMS app's binary names the cmi5 and SCORM code and the linker leaves it out of
    /// the others.
    fn use_lms(launch: &Launch, ctx: AppContext) -> impl Hook<Output = LmsStatus>;
}

/// What a page of one app gets from the shell.
pub struct PageContext<'a> {
    /// The app's state.
    pub state: &'a AppContext,
    /// Interface language.
    pub lang: Lang,
    /// Plays a story the app was handed (an uploaded file, a play-test): adds it and opens it.
    pub on_story: Callback<Rc<Story>>,
}

/// The learner's app: the library, the kiosk and stories; nothing of its own beyond the shell.
pub struct Learner;

impl Pages for Learner {
    const ENTRY: Entry = Entry::Learner;
    fn page(_: &Route, _: &PageContext) -> Option<Html> {
        None
    }
    fn use_lms(launch: &Launch, ctx: AppContext) -> impl Hook<Output = LmsStatus> {
        use_no_lms(launch, ctx)
    }
}

/// The learner's app as an LMS launches it (`lms/index.html`): one story, reporting over cmi5 or
/// SCORM 1.2; the same pages as [`Learner`].
pub struct LmsLearner;

impl Pages for LmsLearner {
    const ENTRY: Entry = Entry::Lms;
    fn page(route: &Route, page: &PageContext) -> Option<Html> {
        Learner::page(route, page)
    }
    fn use_lms(launch: &Launch, ctx: AppContext) -> impl Hook<Output = LmsStatus> {
        crate::hooks::use_lms(launch, ctx)
    }
}

/// The app.
#[component]
pub fn App<P: Pages>() -> Html {
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
        // An embedded or LMS-launched story is the whole app: there is no library to go back to.
        Route::Library if launch.one_story() => {
            launch.story.clone().map_or(Route::Library, Route::Story)
        }
        // A kiosk, an embedded or an LMS-launched story offers no authoring pages.
        route
            if (launch.kiosk || launch.one_story())
                && route.entry(Entry::Learner) == Entry::Author =>
        {
            Route::Library
        }
        route => route,
    };
    // Another app's page: an LMS launch of the learner's page (a package made before the LMS
    // app), with its query; a route of another app (a bookmarked `#/upload` from before the
    // split, the LMS app's library). The authoring app's start page is its own.
    let launched = launch.entry(P::ENTRY);
    let elsewhere = if launched != P::ENTRY {
        Some(moved(P::ENTRY, launched))
    } else if P::ENTRY != Entry::Author && route.entry(P::ENTRY) != P::ENTRY {
        Some(route.link(P::ENTRY))
    } else {
        None
    };
    let leaving = elsewhere.is_some();
    use_effect_with(elsewhere, move |elsewhere| {
        if let (Some(to), Some(w)) = (elsewhere, web_sys::window()) {
            let _ = w.location().replace(to);
        }
    });
    let opened = match &route {
        Route::Story(id) => Some(StoryId::new(id)),
        _ => None,
    };
    // Nothing is fetched on the way to another app.
    let opened = opened.filter(|_| !leaving);
    use_stories(
        ctx.clone(),
        P::ENTRY.root(),
        opened.clone(),
        P::ENTRY == Entry::Learner && route == Route::Library && !leaving,
    );
    // The service worker precaches every file of the build (every story, every language): it
    // is registered once what the learner opened is on screen, so none of that competes with it.
    let settled = match &opened {
        Some(id) => !matches!(ctx.stories.get(id), None | Some(StoryEntry::Loading)),
        None if route == Route::Library => !matches!(ctx.catalog, Fetched::Loading),
        None => true,
    };
    let registered = use_mut_ref(|| false);
    use_effect_with(settled, move |&settled| {
        // Only the learner's app works offline (a kiosk); the authoring app and the LMS app are
        // used online.
        if settled && !leaving && P::ENTRY == Entry::Learner && !registered.replace(true) {
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
    use_xapi(storage, ctx.clone(), P::ENTRY);
    let lms = P::use_lms(&launch, ctx.clone());
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
                let _ = w.location().set_href(&Route::Library.link(P::ENTRY));
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
    let own = P::page(
        &route,
        &PageContext {
            state: &ctx,
            lang,
            on_story,
        },
    );
    let page = match (own, &route) {
        (Some(page), _) => page,
        (None, Route::Library) if launch.kiosk => html! {
            <KioskAttract lang={lang} catalog={ctx.catalog.clone()} />
        },
        (None, Route::Library) => html! {
            <Library lang={lang} catalog={ctx.catalog.clone()} sessions={ctx.saved_sessions()} best={ctx.best.clone()} />
        },
        (None, Route::Story(id)) => story_page(
            &ctx,
            &StoryId::new(id),
            lang,
            dispatch.clone(),
            launch.embed,
        ),
        // On its way to the other app (the effect above).
        (None, _) => html! {
            <main id="main" class="page-message" aria-busy="true"><p>{ Msg::Loading.get(lang) }</p></main>
        },
    };
    let header = html! {
        <Header lang={lang} on_lang={on_lang} notices={ctx.notices.clone()} on_dismiss={on_dismiss} kiosk={launch.kiosk} />
    };
    let idle = idle_left.map(|left| idle_warning(left, lang, still_here.reform(|_| ())));
    frame(
        launch.kiosk,
        launch.embed,
        header,
        html! { <><LmsBar lang={lang} status={lms} />{ page }{ for idle }</> },
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
        Some(StoryEntry::Ready(story)) => {
            let session = state
                .sessions
                .get(id)
                .cloned()
                .unwrap_or_else(|| Session::new(story));
            html! { <Player story={story.clone()} session={session} lang={lang} dispatch={dispatch} embedded={embedded} /> }
        }
        // Not fetched yet (the fetch starts after the first render).
        Some(StoryEntry::Loading) | None => html! {
            <main id="main" class="page-message" aria-busy="true"><p>{ Msg::Loading.get(lang) }</p></main>
        },
        Some(StoryEntry::Broken(problems)) => html! {
            <main id="main" class="page-message">
                <h1>{ Msg::StoryBroken.get(lang) }</h1>
                { problem_list(&problems.file, &problems.list, lang) }
                <p><a href={Route::Library.href()}>{ Msg::BackToLibrary.get(lang) }</a></p>
            </main>
        },
    }
}
