//! A story's opening screen, rendered natively at build time (`storycheck openings`): the page
//! shows it while the wasm compiles, so a first visit sees the conversation at once.
//!
//! It is the app's own first render of `#/story/<id>` (or, embedded, `?embed=1&story=<id>`) on a
//! first visit (the header unless embedded, and the player at the story's start), drawn by the
//! same components; a browser test checks that the app's markup, once running, is the same.
//! `scripts/opening.js` decides when it applies, holds a reply picked before the app runs, and
//! hands it over.

use super::app::frame;
use super::header::Header;
use super::player::Player;
use crate::engine::{Session, Story};
use crate::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Opening`].
#[derive(Properties, PartialEq)]
pub struct OpeningProps {
    /// The story.
    pub story: Rc<Story>,
    /// Interface language.
    pub lang: Lang,
    /// Embedded in a host page (`?embed=1`): no site header or navigation.
    pub embedded: bool,
}

/// The app's first screen for a story nobody has started: as [`super::app::App`] draws it.
#[component]
pub fn Opening(props: &OpeningProps) -> Html {
    let header = html! { <Header lang={props.lang} on_lang={Callback::noop()} /> };
    let player = html! {
        <Player story={props.story.clone()} session={Session::new(&props.story)} lang={props.lang}
                dispatch={Callback::noop()} embedded={props.embedded} />
    };
    frame(false, props.embedded, header, player)
}

/// The opening screen of `story` in `lang`, as HTML.
pub async fn render(story: Rc<Story>, lang: Lang, embedded: bool) -> String {
    yew::LocalServerRenderer::<Opening>::with_props(OpeningProps {
        story,
        lang,
        embedded,
    })
    .hydratable(false)
    .render()
    .await
}
