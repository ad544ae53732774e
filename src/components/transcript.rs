//! The conversation so far: the client's lines and the learner's replies, newest at the bottom.

use crate::engine::model::{CLIENT, NARRATOR, YOU};
use crate::engine::thresholds::why_rule_fired;
use crate::engine::{Localiser, Session, Story, Turn};
use crate::i18n::{crossing_text, Lang, Msg};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Transcript`].
#[derive(Properties, PartialEq)]
pub struct TranscriptProps {
    /// The story.
    pub story: Rc<Story>,
    /// The session whose history is shown.
    pub session: Session,
    /// Interface language.
    pub lang: Lang,
}

/// One entry of the transcript.
struct Bubble {
    speaker: String,
    name: Option<String>,
    text: String,
}

/// The transcript, scrolled so the newest line is in view.
#[component]
pub fn Transcript(props: &TranscriptProps) -> Html {
    let story = &props.story;
    let tr = story.localiser(props.lang.code());
    let end = use_node_ref();
    let bubbles = bubbles(story, &props.session, props.lang, tr);
    {
        let end = end.clone();
        use_effect_with(props.session.history.len(), move |_| {
            // After the reply is painted: scrolling needs a layout, which in the click's own task
            // would hold the reply's paint back by a frame. `Nearest` scrolls only when the newest
            // line is out of view, since a scroll repaints the whole page.
            crate::platform::frame::after_paint(move || {
                if let Some(el) = end.cast::<web_sys::Element>() {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    el.scroll_into_view_with_scroll_into_view_options(&options);
                }
            });
        });
    }
    html! {
        <ol class="transcript" lang={tr.locale.to_string()}>
            // Keyed by position, the end mark too (a list is diffed by key only when every
            // child has one): the transcript only grows or shrinks at its end, and Yew pairs
            // unkeyed children from the end, so one new line would rewrite and repaint every
            // bubble above it.
            { for bubbles.into_iter().enumerate().map(|(i, b)| html! {
                <li key={i} class={classes!("bubble", b.speaker.clone())}>
                    if let Some(name) = b.name {
                        <span class="who">{ name }</span>
                    }
                    <p>{ b.text }</p>
                </li>
            }) }
            <li key="end" class="end" ref={end} aria-hidden="true"></li>
        </ol>
    }
}

fn bubbles(story: &Story, session: &Session, lang: Lang, tr: Localiser) -> Vec<Bubble> {
    let mut out = Vec::new();
    let moments = session.walk(story);
    for (i, moment) in moments.iter().enumerate() {
        for line in &moment.step.lines {
            let speaker = line.speaker.as_str();
            let class = match speaker {
                CLIENT | YOU | NARRATOR => speaker.to_string(),
                _ => "cast".to_string(),
            };
            let name = match speaker {
                YOU => Some(Msg::You.get(lang).to_string()),
                NARRATOR => None,
                _ => story.speaker_name(speaker, tr.locale),
            };
            out.push(Bubble {
                speaker: class,
                name,
                text: tr.text(&line.text).to_string(),
            });
        }
        if let Some(reply) = moment.reply {
            out.push(Bubble {
                speaker: YOU.to_string(),
                name: Some(Msg::You.get(lang).to_string()),
                text: tr.text(&reply.choice.text).to_string(),
            });
            // Said where it happened: the conversation turns because a feeling crossed a line.
            let after = moments.get(i + 1).map(|m| &m.state);
            if let Some(why) = rule_reason(story, reply.turn, &moment.state, after, lang, tr) {
                out.push(Bubble {
                    speaker: "rule".to_string(),
                    name: None,
                    text: why,
                });
            }
        }
    }
    out
}

/// Why the threshold rule that `turn` triggered fired ("Patience fell below 10."), from the
/// rule's condition and the states `before` and `after` the turn; `None` when no rule fired, or
/// the rule tests flags only (a fact of the conversation, not a feeling: nothing to explain).
pub fn rule_reason(
    story: &Story,
    turn: &Turn,
    before: &Session,
    after: Option<&Session>,
    lang: Lang,
    tr: Localiser,
) -> Option<String> {
    let (rule, after) = (turn.rule.as_ref()?, after?);
    let parts: Vec<String> = why_rule_fired(story, rule, before, after)
        .iter()
        .map(|c| {
            let label = story
                .emotion(&c.emotion)
                .map_or(c.emotion.as_str(), |e| tr.text(&e.label));
            crossing_text(lang, label, c)
        })
        .collect();
    (!parts.is_empty()).then(|| format!("{}.", parts.join("; ")))
}
