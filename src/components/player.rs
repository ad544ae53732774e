//! The conversation screen: transcript and replies beside the client panel; the debrief once it ends.

use super::client_panel::ClientPanel;
use super::debrief::Debrief;
use super::library::{outcome_class, outcome_label};
use super::transcript::Transcript;
use crate::engine::{Session, Story};
use crate::hooks::use_number_keys;
use crate::i18n::{Lang, Msg};
use crate::platform::location::Route;
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Player`].
#[derive(Properties, PartialEq)]
pub struct PlayerProps {
    /// The story.
    pub story: Rc<Story>,
    /// The session to show.
    pub session: Session,
    /// Interface language.
    pub lang: Lang,
    /// Where actions go.
    pub dispatch: Callback<Action>,
    /// Embedded in a host page: no site navigation.
    #[prop_or_default]
    pub embedded: bool,
    /// A pane of another page (Studio's play-test): a section, not the page's `main`, and no
    /// site navigation.
    #[prop_or_default]
    pub pane: bool,
}

/// The player.
#[component]
pub fn Player(props: &PlayerProps) -> Html {
    let story = &props.story;
    let lang = props.lang;
    let tr = story.localiser(lang.code());
    let id = story.id.clone();
    let step = props.session.step(story).ok();
    let offers: Vec<(crate::engine::ChoiceId, bool)> = step
        .as_ref()
        .map(|s| {
            s.offers
                .iter()
                .map(|o| (o.choice.id.clone(), o.available))
                .collect()
        })
        .unwrap_or_default();
    let choices_ref = use_node_ref();

    let pick = {
        let dispatch = props.dispatch.clone();
        let id = id.clone();
        let offers = offers.clone();
        use_callback(offers, move |n: usize, offers| {
            if let Some((choice, true)) = offers.get(n) {
                dispatch.emit(Action::Choose(id.clone(), choice.clone()));
            }
        })
    };
    use_number_keys(pick.clone());
    {
        // After each reply, focus the first available reply so keyboard play flows on.
        let choices_ref = choices_ref.clone();
        use_effect_with(props.session.history.len(), move |turns| {
            if *turns > 0 {
                // After the paint: focusing forces a style pass that would delay the reply's paint.
                crate::platform::frame::after_paint(move || {
                    if let Some(group) = choices_ref.cast::<web_sys::Element>() {
                        if let Ok(Some(button)) = group.query_selector("button:not([disabled])") {
                            crate::platform::focus(button);
                        }
                    }
                });
            }
        });
    }

    let back = {
        let dispatch = props.dispatch.clone();
        let id = id.clone();
        Callback::from(move |_| dispatch.emit(Action::Back(id.clone())))
    };
    let restart = {
        let dispatch = props.dispatch.clone();
        let id = id.clone();
        Callback::from(move |_| dispatch.emit(Action::Restart(id.clone())))
    };
    let can_back = story.file.allow_back && !props.session.history.is_empty();
    let ending = step.as_ref().and_then(|s| s.ending);

    let body = html! {
        <>
            if !props.embedded && !props.pane {
                <nav class="crumbs" lang={lang.tag()}>
                    <a href={Route::Library.href()}>{ format!("← {}", Msg::BackToLibrary.get(lang)) }</a>
                </nav>
            }
            <h1 class="story-title">{ tr.text(&story.file.title) }</h1>
            <div class="stage">
                <section class="conversation" aria-label={tr.text(&story.file.title).to_string()}>
                    <Transcript story={story.clone()} session={props.session.clone()} lang={lang} />
                    if let Some(ending) = ending {
                        <div class={classes!("ending", outcome_class(ending.outcome))}>
                            <p class="outcome-tag">{ outcome_label(ending.outcome, lang) }</p>
                            <h2>{ tr.text(&ending.title) }</h2>
                            { super::debrief::ending_text(story, &props.session, tr) }
                        </div>
                    } else if let Some(step) = &step {
                        <div class="choices" role="group" aria-label={Msg::YourReply.get(lang)} ref={choices_ref}>
                            <p class="choices-title" aria-hidden="true">{ Msg::YourReply.get(lang) }</p>
                            { for step.offers.iter().enumerate().map(|(n, offer)| {
                                let onclick = pick.reform(move |_| n);
                                // Keyed by reply, so the next node's replies are new buttons: reusing
                                // them would be quicker, but focus would stay on a button whose text
                                // changed under it, and a screen reader would not announce the replies.
                                html! {
                                    <button type="button" class="choice" disabled={!offer.available} {onclick}
                                            key={offer.choice.id.as_str()} data-choice={offer.choice.id.to_string()}>
                                        <kbd aria-hidden="true">{ n + 1 }</kbd>
                                        <span>{ tr.text(&offer.choice.text) }</span>
                                        if !offer.available {
                                            <em class="why-not">{ format!(" ({})", Msg::Unavailable.get(lang)) }</em>
                                        }
                                    </button>
                                }
                            }) }
                        </div>
                    }
                    <div class="player-actions" lang={lang.tag()}>
                        if can_back && ending.is_none() {
                            <button type="button" class="secondary" onclick={back}>{ format!("↶ {}", Msg::Back.get(lang)) }</button>
                        }
                        if ending.is_some() {
                            <button type="button" class="primary" onclick={restart}>{ Msg::PlayAgain.get(lang) }</button>
                        }
                    </div>
                </section>
                <ClientPanel story={story.clone()} session={props.session.clone()} lang={lang} />
            </div>
            if ending.is_some() {
                <Debrief story={story.clone()} session={props.session.clone()} lang={lang} dispatch={props.dispatch.clone()} />
            }
        </>
    };
    if props.pane {
        html! { <section class="player pane" aria-label={tr.text(&story.file.title).to_string()} lang={tr.locale.to_string()}>{ body }</section> }
    } else {
        html! { <main id="main" class="player" tabindex="-1" lang={Lang::text_tag(tr.locale)}>{ body }</main> }
    }
}
