//! The authoring app (`studio/` in the build, its own wasm): the pages a trainer uses and a
//! learner never downloads. Checking your own story file (`upload`), Studio and the class report
//! live here; the shell they sit in (state, header, player) is the learner's ([`App`]).
//!
//! [`App`]: crate::components::app::App

pub mod check;
pub mod dropzone;
pub mod home;
pub mod i18n;
pub mod report;
pub mod studio;
pub mod upload;

use crate::components::app::{PageContext, Pages};
use crate::components::lms_bar::{use_no_lms, LmsStatus};
use crate::platform::location::{Entry, Launch, Route};
use crate::state::AppContext;
use home::AuthorHome;
use studio::Studio;
use upload::Upload;
use yew::prelude::*;

/// The authoring app's pages.
pub struct Author;

impl Pages for Author {
    const ENTRY: Entry = Entry::Author;

    fn page(route: &Route, page: &PageContext) -> Option<Html> {
        let lang = page.lang;
        match route {
            // Stories (your own, a play-test) play in the shell's player.
            Route::Story(_) => None,
            Route::Upload => {
                Some(html! { <Upload lang={lang} on_story={page.on_story.clone()} /> })
            }
            Route::Report => Some(html! { <report::Report lang={lang} /> }),
            Route::Studio => Some(html! { <Studio lang={lang} /> }),
            Route::Library => Some(html! { <AuthorHome lang={lang} /> }),
        }
    }

    fn use_lms(launch: &Launch, ctx: AppContext) -> impl Hook<Output = LmsStatus> {
        use_no_lms(launch, ctx)
    }
}
