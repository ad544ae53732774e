//! The story's own settings: title, summary, minutes, difficulty, tags, objectives, where it
//! starts and whether a learner may take a reply back.

use super::draft::{fresh_id, new_text, Named};
use super::fields::{
    action, check_field, enum_field, id_field, lens, node_options, number_field, select_field,
    string_field, text_field, Ctx,
};
use crate::author::i18n::AuthorMsg;
use crate::engine::model::{Difficulty, Objective};
use crate::engine::{NodeId, ObjectiveId};
use yew::prelude::*;

/// Props of the section forms.
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    /// The story, where edits go, the language.
    pub ctx: Ctx,
}

const DIFFICULTIES: &[Difficulty] = &[
    Difficulty::Introductory,
    Difficulty::Intermediate,
    Difficulty::Advanced,
];

/// The story settings form.
#[component]
pub fn StoryForm(props: &SectionProps) -> Html {
    let ctx = &props.ctx;
    let f = &ctx.file;
    let nodes = node_options(f);
    let on_start = {
        let ctx = ctx.clone();
        Callback::from(move |id: String| ctx.change("/start", move |f| f.start = NodeId::new(&id)))
    };
    html! {
        <section class="form" aria-labelledby="story-heading">
            <h2 id="story-heading">{ ctx.t(AuthorMsg::StorySection) }</h2>
            { text_field(ctx, ctx.t(AuthorMsg::Title), "/title", &f.title, lens(|f| Some(&mut f.title)), false) }
            { text_field(ctx, ctx.t(AuthorMsg::Summary), "/summary", &f.summary, lens(|f| Some(&mut f.summary)), true) }
            <div class="row">
                { number_field(ctx, ctx.t(AuthorMsg::Minutes), "/minutes", f.minutes, lens(|f| Some(&mut f.minutes))) }
                { enum_field(ctx, ctx.t(AuthorMsg::Difficulty), "/difficulty", f.difficulty, DIFFICULTIES, Difficulty::as_str, lens(|f| Some(&mut f.difficulty))) }
                { string_field(ctx, ctx.t(AuthorMsg::Tags), "/tags", &f.tags.join(", "), lens(|f| Some(&mut f.tags)), |s| {
                    s.split(',').map(str::trim).filter(|t| !t.is_empty()).map(String::from).collect()
                }) }
            </div>
            <div class="row">
                { select_field(ctx.t(AuthorMsg::StartsAt), "/start", f.start.as_str(), &nodes, on_start) }
                { check_field(ctx, ctx.t(AuthorMsg::AllowBack), "/allow_back", f.allow_back, lens(|f| Some(&mut f.allow_back))) }
            </div>
            <h3>{ ctx.t(AuthorMsg::Objectives) }</h3>
            <p class="hint">{ ctx.t(AuthorMsg::ObjectivesHint) }</p>
            { for f.objectives.iter().enumerate().map(|(i, o)| {
                let base = format!("/objectives/{i}");
                html! {
                    <div class="item" key={i} id={super::fields::field_id(&base)} tabindex="-1">
                        { id_field(ctx, ctx.t(AuthorMsg::Id), &format!("{base}/id"), o.id.as_str(), Named::Objective, i) }
                        { text_field(ctx, ctx.t(AuthorMsg::Objective), &format!("{base}/title"), &o.title,
                                     lens(move |f| Some(&mut f.objectives.get_mut(i)?.title)), false) }
                        { action(ctx, ctx.t(AuthorMsg::Remove), &format!("{} {}", ctx.t(AuthorMsg::Remove), o.id), &base, move |f| {
                            if i < f.objectives.len() { f.objectives.remove(i); }
                        }) }
                    </div>
                }
            }) }
            { action(ctx, ctx.t(AuthorMsg::AddObjective), ctx.t(AuthorMsg::AddObjective), "/objectives", |f| {
                let id = fresh_id("objective", f.objectives.iter().map(|o| o.id.as_str()));
                let title = new_text(f, "");
                f.objectives.push(Objective { id: ObjectiveId::new(id), title });
            }) }
        </section>
    }
}
