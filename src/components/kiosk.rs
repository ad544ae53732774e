//! The kiosk attract screen: cycles through the stories' cards (the build's catalog) and invites
//! a passer-by to start one.

use crate::engine::catalog::Catalog;
use crate::i18n::{Lang, Msg};
use crate::platform::location::Route;
use crate::state::Fetched;
use gloo::timers::callback::Interval;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`KioskAttract`].
#[derive(Properties, PartialEq)]
pub struct KioskAttractProps {
    /// Interface language.
    pub lang: Lang,
    /// The stories' cards.
    pub catalog: Fetched<Rc<Catalog>>,
}

/// The attract screen.
#[component]
pub fn KioskAttract(props: &KioskAttractProps) -> Html {
    let lang = props.lang;
    let cards = match &props.catalog {
        Fetched::Ready(catalog) => catalog.stories.as_slice(),
        _ => &[],
    };
    let shown = use_state(|| 0usize);
    {
        let shown = shown.clone();
        let count = cards.len();
        use_effect_with(count, move |&count| {
            let timer =
                (count > 1).then(|| Interval::new(6_000, move || shown.set((*shown + 1) % count)));
            move || drop(timer)
        });
    }
    let Some(card) = cards.get(*shown % cards.len().max(1)) else {
        return html! { <main id="main" class="attract" aria-busy="true"><p>{ Msg::Loading.get(lang) }</p></main> };
    };
    let tr = card.localiser(lang.code());
    let persona = &card.persona;
    html! {
        <main id="main" class="attract">
            <p class="attract-kicker">{ Msg::KioskWelcome.get(lang) }</p>
            <article class="attract-card" key={card.id.as_str()} lang={Lang::text_tag(tr.locale)}>
                { super::portrait::portrait(&persona.look, crate::engine::model::Face::Annoyed, 0.6, tr.text(&persona.addressed_as)) }
                <div>
                    <h1>{ tr.text(&card.title) }</h1>
                    <p class="persona"><strong>{ tr.text(&persona.addressed_as) }</strong>
                        { format!(" · {} · {}", tr.text(&persona.role), persona.company) }</p>
                    <p class="summary">{ tr.text(&card.summary) }</p>
                    <a class="button primary huge" href={Route::Story(card.id.to_string()).href()}>{ Msg::TouchToStart.get(lang) }</a>
                </div>
            </article>
            <ul class="attract-all">
                { for cards.iter().enumerate().map(|(i, c)| html! {
                    <li>
                        <a class={classes!("button", "secondary", (i == *shown % cards.len()).then_some("current"))}
                           href={Route::Story(c.id.to_string()).href()}>
                            { c.localiser(lang.code()).text(&c.title) }
                        </a>
                    </li>
                }) }
            </ul>
        </main>
    }
}

/// The "are you still there?" overlay, shown during the last seconds before an idle reset.
pub fn idle_warning(seconds_left: u32, lang: Lang, on_here: Callback<MouseEvent>) -> Html {
    html! {
        <div class="idle-backdrop">
            <div class="idle-dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-count">
                <h2 id="idle-title">{ Msg::StillThere.get(lang) }</h2>
                <p id="idle-count">{ format!("{} {seconds_left} {}", Msg::RestartingIn.get(lang), Msg::Seconds.get(lang)) }</p>
                <button type="button" class="primary huge" onclick={on_here}>{ Msg::ImHere.get(lang) }</button>
            </div>
        </div>
    }
}
