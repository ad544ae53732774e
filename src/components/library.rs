//! The library: one card per story with its client, length, difficulty and the learner's
//! progress, drawn from the build's catalog: no story file is fetched to show it.

use super::problems::problem_list;
use crate::engine::catalog::{Card, Catalog};
use crate::engine::model::Difficulty;
use crate::engine::small::SortedMap;
use crate::engine::{Outcome, Session, StoryId};
use crate::i18n::{Lang, Msg};
use crate::platform::location::{Entry, Route};
use crate::state::Fetched;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Library`].
#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    /// Interface language.
    pub lang: Lang,
    /// The stories' cards.
    pub catalog: Fetched<Rc<Catalog>>,
    /// Saved sessions per story (verified against their story or not: the library loads none).
    pub sessions: SortedMap<StoryId, Session>,
    /// Best outcome per story.
    pub best: SortedMap<StoryId, Outcome>,
}

/// The story library.
#[component]
pub fn Library(props: &LibraryProps) -> Html {
    let lang = props.lang;
    let cards = match &props.catalog {
        Fetched::Loading => html! {
            <li><article class="card loading" aria-busy="true"><p>{ Msg::Loading.get(lang) }</p></article></li>
        },
        Fetched::Broken(problems) => html! {
            <li>
                <article class="card broken">
                    <h2>{ Msg::LibraryBroken.get(lang) }</h2>
                    { problem_list(&problems.file, &problems.list, lang) }
                </article>
            </li>
        },
        Fetched::Ready(catalog) => html! {
            { for catalog.stories.iter().map(|card| html! {
                <li key={card.id.as_str()}>{ story_card(card, props, lang) }</li>
            }) }
        },
    };
    html! {
        <main id="main" class="library" tabindex="-1">
            <div class="intro">
                <h1>{ Msg::Library.get(lang) }</h1>
                <p class="tagline">{ Msg::Tagline.get(lang) }</p>
            </div>
            <ul class="cards">{ cards }</ul>
            // For trainers: the authoring app's pages (its own wasm, fetched only when followed).
            <nav class="own" aria-label={Msg::ForTrainers.get(lang)}>
                <span>{ Msg::ForTrainers.get(lang) }</span>
                <a href={Route::Studio.link(Entry::Learner)}>{ Msg::StudioLink.get(lang) }</a>
                <a href={Route::Upload.link(Entry::Learner)}>{ Msg::LoadOwn.get(lang) }</a>
                <a href={Route::Report.link(Entry::Learner)}>{ Msg::ClassReport.get(lang) }</a>
            </nav>
        </main>
    }
}

fn story_card(card: &Card, props: &LibraryProps, lang: Lang) -> Html {
    let tr = card.localiser(lang.code());
    let session = props.sessions.get(&card.id);
    let started = session.is_some_and(|s| !s.history.is_empty());
    let finished = session.is_some_and(|s| card.is_over(s));
    let (status, status_class) = match (props.best.get(&card.id), started && !finished) {
        (_, true) => (Msg::InProgress.get(lang).to_string(), "in-progress"),
        (Some(best), false) => (
            format!(
                "{}: {}",
                Msg::BestOutcome.get(lang),
                outcome_label(*best, lang)
            ),
            outcome_class(*best),
        ),
        (None, false) => (Msg::NotStarted.get(lang).to_string(), "not-started"),
    };
    let action = if started && !finished {
        Msg::Resume
    } else {
        Msg::Start
    };
    let difficulty = match card.difficulty {
        Difficulty::Introductory => Msg::Introductory,
        Difficulty::Intermediate => Msg::Intermediate,
        Difficulty::Advanced => Msg::Advanced,
    };
    let title = tr.text(&card.title).to_string();
    let persona = &card.persona;
    let href = Route::Story(card.id.to_string()).href();
    html! {
        <article class="card" lang={tr.locale.to_string()}>
            <h2><a href={href.clone()}>{ title.clone() }</a></h2>
            <p class="persona">
                <strong>{ tr.text(&persona.addressed_as) }</strong>
                { format!(" · {} · {}", tr.text(&persona.role), persona.company) }
            </p>
            <p class="summary">{ tr.text(&card.summary) }</p>
            <p class="facts">
                <span>{ format!("{} {}", card.minutes, Msg::Minutes.get(lang)) }</span>
                <span class={classes!("difficulty", card.difficulty.as_str())}>{ difficulty.get(lang) }</span>
                <span class={classes!("status", status_class)}>{ status }</span>
            </p>
            <a class="button primary" href={href}
               aria-label={format!("{}: {}", action.get(lang), title)}>{ action.get(lang) }</a>
        </article>
    }
}

/// The label of an outcome.
pub fn outcome_label(outcome: Outcome, lang: Lang) -> &'static str {
    match outcome {
        Outcome::Success => Msg::Success.get(lang),
        Outcome::Partial => Msg::Partial.get(lang),
        Outcome::Failure => Msg::Failure.get(lang),
    }
}

/// The CSS class of an outcome (its name).
pub fn outcome_class(outcome: Outcome) -> &'static str {
    outcome.as_str()
}
