//! The authoring app's start page: where each authoring tool is, and the way back to the
//! learner's library.

use super::i18n::AuthorMsg;
use crate::i18n::{Lang, Msg};
use crate::platform::location::{Entry, Route};
use yew::prelude::*;

/// Props of [`AuthorHome`].
#[derive(Properties, PartialEq)]
pub struct AuthorHomeProps {
    /// Interface language.
    pub lang: Lang,
}

/// The authoring start page.
#[component]
pub fn AuthorHome(props: &AuthorHomeProps) -> Html {
    let lang = props.lang;
    let link = |route: Route| route.link(Entry::Author);
    html! {
        <main id="main" class="library author-home" tabindex="-1">
            <div class="intro">
                <h1>{ AuthorMsg::Authoring.get(lang) }</h1>
                <p class="tagline">{ AuthorMsg::AuthoringIntro.get(lang) }</p>
            </div>
            <ul class="author-links">
                <li><a class="button primary" href={link(Route::Studio)}>{ Msg::StudioLink.get(lang) }</a></li>
                <li><a class="button" href={link(Route::Upload)}>{ Msg::LoadOwn.get(lang) }</a></li>
                <li><a class="button" href={link(Route::Report)}>{ Msg::ClassReport.get(lang) }</a></li>
            </ul>
            <p><a href={link(Route::Library)}>{ format!("← {}", Msg::BackToLibrary.get(lang)) }</a></p>
        </main>
    }
}
