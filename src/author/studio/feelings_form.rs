//! The client's emotions (range, start, whether high is good) and moods: the face the portrait
//! draws while a mood's condition holds, previewed beside it.

use super::condition::optional_condition;
use super::draft::{fresh_id, new_text, Named};
use super::fields::{
    action, enum_field, field_id, id_field, lens, number_field, string_field, text_field,
};
use super::story_form::SectionProps;
use crate::author::i18n::AuthorMsg;
use crate::components::portrait::portrait;
use crate::engine::model::{EmotionDef, Face, Mood, Polarity};
use crate::engine::{EmotionId, MoodId};
use yew::prelude::*;

const POLARITY: &[Polarity] = &[Polarity::Good, Polarity::Bad];
const FACES: &[Face] = &[
    Face::Calm,
    Face::Pleased,
    Face::Relieved,
    Face::Skeptical,
    Face::Worried,
    Face::Anxious,
    Face::Annoyed,
    Face::Angry,
    Face::Furious,
    Face::Sad,
    Face::Shocked,
];

/// The emotions and moods form.
#[component]
pub fn FeelingsForm(props: &SectionProps) -> Html {
    let ctx = &props.ctx;
    let f = &ctx.file;
    html! {
        <section class="form" aria-labelledby="feelings-heading">
            <h2 id="feelings-heading">{ ctx.t(AuthorMsg::FeelingsSection) }</h2>
            <h3>{ ctx.t(AuthorMsg::Emotions) }</h3>
            { for f.emotions.iter().enumerate().map(|(i, e)| {
                let base = format!("/emotions/{i}");
                html! {
                    <div class="item" key={i} id={field_id(&base)} tabindex="-1">
                        <div class="row">
                            { id_field(ctx, ctx.t(AuthorMsg::Id), &format!("{base}/id"), e.id.as_str(), Named::Emotion, i) }
                            { number_field(ctx, ctx.t(AuthorMsg::Lowest), &format!("{base}/min"), e.min, lens(move |f| Some(&mut f.emotions.get_mut(i)?.min))) }
                            { number_field(ctx, ctx.t(AuthorMsg::Highest), &format!("{base}/max"), e.max, lens(move |f| Some(&mut f.emotions.get_mut(i)?.max))) }
                            { number_field(ctx, ctx.t(AuthorMsg::StartValue), &format!("{base}/start"), e.start, lens(move |f| Some(&mut f.emotions.get_mut(i)?.start))) }
                            { enum_field(ctx, ctx.t(AuthorMsg::HighIs), &format!("{base}/high_is"), e.high_is, POLARITY, Polarity::as_str,
                                         lens(move |f| Some(&mut f.emotions.get_mut(i)?.high_is))) }
                        </div>
                        { text_field(ctx, ctx.t(AuthorMsg::Label), &format!("{base}/label"), &e.label, lens(move |f| Some(&mut f.emotions.get_mut(i)?.label)), false) }
                        { action(ctx, ctx.t(AuthorMsg::Remove), &format!("{} {}", ctx.t(AuthorMsg::Remove), e.id), &base, move |f| {
                            if i < f.emotions.len() { f.emotions.remove(i); }
                        }) }
                    </div>
                }
            }) }
            { action(ctx, ctx.t(AuthorMsg::AddEmotion), ctx.t(AuthorMsg::AddEmotion), "/emotions", |f| {
                let id = fresh_id("emotion", f.emotions.iter().map(|e| e.id.as_str()));
                let label = new_text(f, "");
                f.emotions.push(EmotionDef { id: EmotionId::new(id), label, min: 0, max: 100, start: 50, high_is: Polarity::Good });
            }) }
            <h3>{ ctx.t(AuthorMsg::Moods) }</h3>
            <p class="hint">{ ctx.t(AuthorMsg::MoodsHint) }</p>
            { for f.moods.iter().enumerate().map(|(i, m)| {
                let base = format!("/moods/{i}");
                let when = format!("{base}/when");
                html! {
                    <div class="item" key={i} id={field_id(&base)} tabindex="-1">
                        <div class="with-preview">
                            <div>
                                <div class="row">
                                    { string_field(ctx, ctx.t(AuthorMsg::Id), &format!("{base}/id"), m.id.as_str(),
                                                   lens(move |f| Some(&mut f.moods.get_mut(i)?.id)), |s: &str| MoodId::new(s)) }
                                    { enum_field(ctx, ctx.t(AuthorMsg::Face), &format!("{base}/face"), m.face, FACES, Face::as_str,
                                                 lens(move |f| Some(&mut f.moods.get_mut(i)?.face))) }
                                </div>
                                { text_field(ctx, ctx.t(AuthorMsg::Label), &format!("{base}/label"), &m.label, lens(move |f| Some(&mut f.moods.get_mut(i)?.label)), false) }
                            </div>
                            <figure class="preview small">
                                { portrait(&f.persona.look, m.face, 0.6, &format!("{} — {}", ctx.t(AuthorMsg::Preview), m.face.as_str())) }
                            </figure>
                        </div>
                        { optional_condition(ctx, &when, m.when.as_ref(),
                            move |f| if let Some(m) = f.moods.get_mut(i) {
                                m.when = if m.when.is_some() { None } else { Some(Default::default()) };
                            },
                            lens(move |f| f.moods.get_mut(i)?.when.as_mut())) }
                        { action(ctx, ctx.t(AuthorMsg::Remove), &format!("{} {}", ctx.t(AuthorMsg::Remove), m.id), &base, move |f| {
                            if i < f.moods.len() { f.moods.remove(i); }
                        }) }
                    </div>
                }
            }) }
            { action(ctx, ctx.t(AuthorMsg::AddMood), ctx.t(AuthorMsg::AddMood), "/moods", |f| {
                let id = fresh_id("mood", f.moods.iter().map(|m| m.id.as_str()));
                let label = new_text(f, "");
                // Before the default mood (the last, without a condition), so it can ever show.
                let at = f.moods.len().saturating_sub(1);
                f.moods.insert(at, Mood { id: MoodId::new(id), label, face: Face::Calm, when: Some(Default::default()) });
            }) }
        </section>
    }
}
