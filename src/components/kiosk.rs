//! The kiosk attract screen: cycles through the stories and invites a passer-by to start one.

use crate::engine::small::SortedMap;
use crate::engine::{Story, StoryId};
use crate::i18n::{Lang, Msg};
use crate::platform::location::Route;
use crate::state::Entry;
use gloo::timers::callback::Interval;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`KioskAttract`].
#[derive(Properties, PartialEq)]
pub struct KioskAttractProps {
    /// Interface language.
    pub lang: Lang,
    /// Every story and its load state.
    pub stories: SortedMap<StoryId, Entry>,
}

/// The attract screen.
#[component]
pub fn KioskAttract(props: &KioskAttractProps) -> Html {
    let lang = props.lang;
    let ready: Vec<Rc<Story>> = props
        .stories
        .values()
        .filter_map(|e| match e {
            Entry::Ready(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    let shown = use_state(|| 0usize);
    {
        let shown = shown.clone();
        let count = ready.len();
        use_effect_with(count, move |&count| {
            let timer =
                (count > 1).then(|| Interval::new(6_000, move || shown.set((*shown + 1) % count)));
            move || drop(timer)
        });
    }
    let Some(story) = ready.get(*shown % ready.len().max(1)) else {
        return html! { <main id="main" class="attract" aria-busy="true"><p>{ Msg::Loading.get(lang) }</p></main> };
    };
    let tr = story.localiser(lang.code());
    let f = &story.file;
    html! {
        <main id="main" class="attract">
            <p class="attract-kicker">{ Msg::KioskWelcome.get(lang) }</p>
            <article class="attract-card" key={story.id.as_str()} lang={tr.locale.to_string()}>
                { super::portrait::portrait(&f.persona.look, crate::engine::model::Face::Annoyed, 0.6, tr.text(&f.persona.addressed_as)) }
                <div>
                    <h1>{ tr.text(&f.title) }</h1>
                    <p class="persona"><strong>{ tr.text(&f.persona.addressed_as) }</strong>
                        { format!(" · {} · {}", tr.text(&f.persona.role), f.persona.company) }</p>
                    <p class="summary">{ tr.text(&f.summary) }</p>
                    <a class="button primary huge" href={Route::Story(story.id.to_string()).href()}>{ Msg::TouchToStart.get(lang) }</a>
                </div>
            </article>
            <ul class="attract-all">
                { for ready.iter().enumerate().map(|(i, s)| html! {
                    <li>
                        <a class={classes!("button", "secondary", (i == *shown % ready.len()).then_some("current"))}
                           href={Route::Story(s.id.to_string()).href()}>
                            { s.localiser(lang.code()).text(&s.file.title) }
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
