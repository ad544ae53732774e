//! The library: one card per story with its client, length, difficulty and the learner's progress.

use super::problems::problem_list;
use crate::engine::model::Difficulty;
use crate::engine::small::SortedMap;
use crate::engine::{Outcome, Session, Story, StoryId};
use crate::i18n::{Lang, Msg};
use crate::platform::location::Route;
use crate::state::Entry;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Library`].
#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    /// Interface language.
    pub lang: Lang,
    /// Every story and its load state.
    pub stories: SortedMap<StoryId, Entry>,
    /// Sessions per story.
    pub sessions: SortedMap<StoryId, Session>,
    /// Best outcome per story.
    pub best: SortedMap<StoryId, Outcome>,
}

/// The story library.
#[component]
pub fn Library(props: &LibraryProps) -> Html {
    let lang = props.lang;
    html! {
        <main id="main" class="library" tabindex="-1">
            <div class="intro">
                <h1>{ Msg::Library.get(lang) }</h1>
                <p class="tagline">{ Msg::Tagline.get(lang) }</p>
            </div>
            <ul class="cards">
                { for props.stories.iter().map(|(id, entry)| html! {
                    <li key={id.as_str()}>{ card(id, entry, props, lang) }</li>
                }) }
            </ul>
            <p class="own"><a href={Route::Upload.href()}>{ Msg::LoadOwn.get(lang) }</a></p>
        </main>
    }
}

fn card(id: &StoryId, entry: &Entry, props: &LibraryProps, lang: Lang) -> Html {
    match entry {
        Entry::Loading => html! {
            <article class="card loading" aria-busy="true"><p>{ Msg::Loading.get(lang) }</p></article>
        },
        Entry::Broken(problems) => html! {
            <article class="card broken">
                <h2>{ Msg::StoryBroken.get(lang) }</h2>
                { problem_list(&format!("stories/{id}.json"), problems, lang) }
            </article>
        },
        Entry::Ready(story) => ready_card(story, props, lang),
    }
}

fn ready_card(story: &Rc<Story>, props: &LibraryProps, lang: Lang) -> Html {
    let f = &story.file;
    let tr = story.localiser(lang.code());
    let session = props.sessions.get(&story.id);
    let started = session.is_some_and(|s| !s.history.is_empty());
    let finished = session.is_some_and(|s| s.is_over(story));
    let (status, status_class) = match (props.best.get(&story.id), started && !finished) {
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
    let difficulty = match f.difficulty {
        Difficulty::Introductory => Msg::Introductory,
        Difficulty::Intermediate => Msg::Intermediate,
        Difficulty::Advanced => Msg::Advanced,
    };
    let title = tr.text(&f.title).to_string();
    html! {
        <article class="card" lang={tr.locale.to_string()}>
            <h2><a href={Route::Story(story.id.to_string()).href()}>{ title.clone() }</a></h2>
            <p class="persona">
                <strong>{ tr.text(&f.persona.addressed_as) }</strong>
                { format!(" · {} · {}", tr.text(&f.persona.role), f.persona.company) }
            </p>
            <p class="summary">{ tr.text(&f.summary) }</p>
            <p class="facts">
                <span>{ format!("{} {}", f.minutes, Msg::Minutes.get(lang)) }</span>
                <span class={classes!("difficulty", f.difficulty.as_str())}>{ difficulty.get(lang) }</span>
                <span class={classes!("status", status_class)}>{ status }</span>
            </p>
            <a class="button primary" href={Route::Story(story.id.to_string()).href()}
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
