//! The client panel: portrait, who the client is, their mood, and one meter per emotion with the
//! change the last reply caused.

use super::num;
use super::portrait::portrait;
use crate::engine::model::Polarity;
use crate::engine::{EmotionChange, Session, Story};
use crate::i18n::{Lang, Msg};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ClientPanel`].
#[derive(Properties, PartialEq)]
pub struct ClientPanelProps {
    /// The story.
    pub story: Rc<Story>,
    /// The current session.
    pub session: Session,
    /// Interface language.
    pub lang: Lang,
}

/// Size word for a change ("sharply" from 15 points on).
fn size(delta: i32, lang: Lang) -> &'static str {
    if delta.abs() >= 15 {
        Msg::Sharply.get(lang)
    } else {
        Msg::Slightly.get(lang)
    }
}

/// The sentence a screen reader hears after a reply: "Mr. Santino: trust fell sharply, ...".
pub fn announcement(story: &Story, changes: &[EmotionChange], lang: Lang) -> String {
    let tr = story.localiser(lang.code());
    let parts: Vec<String> = changes
        .iter()
        .filter_map(|c| {
            let def = story.emotion(&c.emotion)?;
            let verb = if c.delta() > 0 { Msg::Rose } else { Msg::Fell };
            Some(format!(
                "{} {} {}",
                tr.text(&def.label).to_lowercase(),
                verb.get(lang),
                size(c.delta(), lang)
            ))
        })
        .collect();
    if parts.is_empty() {
        return String::new();
    }
    format!(
        "{}: {}.",
        tr.text(&story.file.persona.addressed_as),
        parts.join(", ")
    )
}

/// The client panel.
#[component]
pub fn ClientPanel(props: &ClientPanelProps) -> Html {
    let story = &props.story;
    let session = &props.session;
    let lang = props.lang;
    let tr = story.localiser(lang.code());
    let persona = &story.file.persona;
    let mood = story.mood(&session.emotions, &session.flags);
    let strain = story.strain(&session.emotions);
    let last = session.history.last();
    let changes: &[EmotionChange] = last.map_or(&[], |t| t.changes.as_slice());
    let turn = session.history.len();
    let name = tr.text(&persona.addressed_as);
    let mood_label = mood.map_or("", |m| tr.text(&m.label));
    let face = mood.map_or(crate::engine::model::Face::Calm, |m| m.face);
    let intensity = match face {
        crate::engine::model::Face::Pleased | crate::engine::model::Face::Relieved => 1.0 - strain,
        _ => strain,
    };
    html! {
        <aside class="client-panel" aria-label={Msg::Client.get(lang)} lang={tr.locale.to_string()}>
            <div class="who-block">
                { portrait(&persona.look, face, intensity, &format!("{name} — {mood_label}")) }
                <div class="id">
                    <p class="name">{ name }</p>
                    <p class="role">{ format!("{} · {}", tr.text(&persona.role), persona.company) }</p>
                    <p class={classes!("mood", format!("face-{}", face.as_str()))}>
                        <span class="mood-label">{ Msg::Mood.get(lang) }</span>
                        <strong>{ mood_label }</strong>
                    </p>
                </div>
            </div>
            <ul class="meters">
                { for story.file.emotions.iter().map(|e| {
                    let value = e.value_in(&session.emotions);
                    let pct = e.share(value as f32) * 100.0;
                    let label_id = format!("meter-{}", e.id);
                    let label = tr.text(&e.label);
                    let change = changes.iter().find(|c| c.emotion == e.id);
                    let tone = match e.high_is { Polarity::Good => "good-high", Polarity::Bad => "bad-high" };
                    let level = match (e.high_is, pct) {
                        (Polarity::Good, p) if p < 34.0 => "poor",
                        (Polarity::Bad, p) if p >= 67.0 => "poor",
                        (Polarity::Good, p) if p >= 67.0 => "fine",
                        (Polarity::Bad, p) if p < 34.0 => "fine",
                        _ => "mid",
                    };
                    html! {
                        <li class={classes!("meter", tone, level)} key={e.id.as_str()}>
                            <span class="meter-label" id={label_id.clone()}>{ label }</span>
                            <span class="meter-value" aria-hidden="true">{ value }</span>
                            <div class="meter-bar" role="meter" aria-labelledby={label_id}
                                 aria-valuemin={e.min.to_string()} aria-valuemax={e.max.to_string()}
                                 aria-valuenow={value.to_string()}
                                 aria-valuetext={format!("{value} / {}", e.max)}>
                                <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                                    <rect class="track" x="0" y="0" width="100" height="10" rx="5" />
                                    <rect class="fill" x="0" y="0" width={num(pct)} height="10" rx="5" />
                                </svg>
                            </div>
                            { delta_badge(change, e.high_is, turn) }
                        </li>
                    }
                }) }
            </ul>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">
                { announcement(story, changes, lang) }
            </p>
        </aside>
    }
}

/// The change badge: arrow shape and sign carry the direction, colour whether it is good news.
fn delta_badge(change: Option<&EmotionChange>, polarity: Polarity, turn: usize) -> Html {
    let Some(change) = change else {
        return html! { <span class="delta none" aria-hidden="true"></span> };
    };
    let d = change.delta();
    let good = (d > 0) == (polarity == Polarity::Good);
    let arrow = if d > 0 { "▲" } else { "▼" };
    html! {
        <span key={turn.to_string()} class={classes!("delta", if good { "good" } else { "bad" }, if d.abs() >= 15 { "big" } else { "small" })} aria-hidden="true">
            { format!("{arrow} {d:+}") }
        </span>
    }
}
