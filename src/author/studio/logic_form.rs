//! Flags (what the learner did, for conditions to test) and threshold rules (where the
//! conversation goes when the client's state crosses a line).

use super::condition::condition_field;
use super::draft::{fresh_id, Named};
use super::fields::{action, field_id, id_field, lens, node_options, select_field, string_field};
use super::story_form::SectionProps;
use crate::author::i18n::AuthorMsg;
use crate::engine::model::Rule;
use crate::engine::{FlagId, NodeId, RuleId};
use yew::prelude::*;

/// The flags and rules form.
#[component]
pub fn LogicForm(props: &SectionProps) -> Html {
    let ctx = &props.ctx;
    let f = &ctx.file;
    let nodes = node_options(f);
    html! {
        <section class="form" aria-labelledby="logic-heading">
            <h2 id="logic-heading">{ ctx.t(AuthorMsg::LogicSection) }</h2>
            <h3>{ ctx.t(AuthorMsg::Flags) }</h3>
            <p class="hint">{ ctx.t(AuthorMsg::FlagsHint) }</p>
            { for f.flags.iter().enumerate().map(|(i, flag)| {
                let base = format!("/flags/{i}");
                html! {
                    <div class="item inline" key={i}>
                        { id_field(ctx, ctx.t(AuthorMsg::Flag), &base, flag.as_str(), Named::Flag, i) }
                        { action(ctx, ctx.t(AuthorMsg::Remove), &format!("{} {flag}", ctx.t(AuthorMsg::Remove)), "/flags", move |f| {
                            if i < f.flags.len() { f.flags.remove(i); }
                        }) }
                    </div>
                }
            }) }
            { action(ctx, ctx.t(AuthorMsg::AddFlag), ctx.t(AuthorMsg::AddFlag), "/flags", |f| {
                let id = fresh_id("flag", f.flags.iter().map(FlagId::as_str));
                f.flags.push(FlagId::new(id));
            }) }
            <h3>{ ctx.t(AuthorMsg::Rules) }</h3>
            <p class="hint">{ ctx.t(AuthorMsg::RulesHint) }</p>
            { for f.rules.iter().enumerate().map(|(i, r)| {
                let base = format!("/rules/{i}");
                let on_goto = {
                    let ctx = ctx.clone();
                    let field = format!("{base}/goto");
                    Callback::from(move |id: String| ctx.change(&field, move |f| {
                        if let Some(r) = f.rules.get_mut(i) { r.goto = NodeId::new(&id); }
                    }))
                };
                html! {
                    <div class="item" key={i} id={field_id(&base)} tabindex="-1">
                        <div class="row">
                            { string_field(ctx, ctx.t(AuthorMsg::Id), &format!("{base}/id"), r.id.as_str(), lens(move |f| Some(&mut f.rules.get_mut(i)?.id)), |s: &str| RuleId::new(s)) }
                            { select_field(ctx.t(AuthorMsg::GoesTo), &format!("{base}/goto"), r.goto.as_str(), &nodes, on_goto) }
                        </div>
                        { condition_field(ctx, &format!("{base}/when"), &r.when, lens(move |f| Some(&mut f.rules.get_mut(i)?.when)), 0) }
                        { action(ctx, ctx.t(AuthorMsg::Remove), &format!("{} {}", ctx.t(AuthorMsg::Remove), r.id), &base, move |f| {
                            if i < f.rules.len() { f.rules.remove(i); }
                        }) }
                    </div>
                }
            }) }
            { action(ctx, ctx.t(AuthorMsg::AddRule), ctx.t(AuthorMsg::AddRule), "/rules", |f| {
                let id = fresh_id("rule", f.rules.iter().map(|r| r.id.as_str()));
                let goto = f.nodes.iter().rev().find(|n| n.ending.is_some()).map_or_else(|| f.start.clone(), |n| n.id.clone());
                f.rules.push(Rule { id: RuleId::new(id), when: Default::default(), goto });
            }) }
        </section>
    }
}
