//! The condition builder: a condition on flags and emotions picked from lists and numbers, never
//! typed as syntax. Every part the format has: flags set or not set, an emotion at least or below
//! a value, and alternatives (any one of which must hold), nested.

use super::fields::{field_id, lens, value_of, Ctx, Lens};
use crate::author::i18n::AuthorMsg;
use crate::engine::diagnostic::child;
use crate::engine::model::{Condition, Pairs, StoryFile};
use crate::engine::{EmotionId, FlagId};
use yew::prelude::*;

/// Alternatives nest at most this deep in the builder (a deeper one from a file still plays).
const MAX_DEPTH: usize = 3;

/// A condition that may be absent ("always"): a checkbox turns it on (`toggle` adds or removes
/// it) and the builder edits it through `inner`.
pub fn optional_condition(
    ctx: &Ctx,
    pointer: &str,
    condition: Option<&Condition>,
    toggle: impl Fn(&mut StoryFile) + 'static,
    inner: Lens<Condition>,
) -> Html {
    let id = field_id(&format!("{pointer}?"));
    let onchange = {
        let ctx = ctx.clone();
        let toggle = std::rc::Rc::new(toggle);
        let field = pointer.to_string();
        Callback::from(move |_: Event| {
            let toggle = toggle.clone();
            ctx.change(&field, move |f| toggle(f));
        })
    };
    html! {
        <div class="condition-block">
            <div class="field check">
                <input id={id.clone()} type="checkbox" checked={condition.is_some()} {onchange} />
                <label for={id}>{ ctx.t(AuthorMsg::OnlyWhen) }</label>
            </div>
            if let Some(condition) = condition {
                { condition_field(ctx, pointer, condition, inner, 0) }
            }
        </div>
    }
}

/// The builder for the condition at `pointer`.
pub fn condition_field(
    ctx: &Ctx,
    pointer: &str,
    condition: &Condition,
    at: Lens<Condition>,
    depth: usize,
) -> Html {
    let flags = ctx.file.flags.clone();
    let emotions = ctx.file.emotions.clone();
    html! {
        <fieldset class="condition" id={field_id(pointer)} tabindex="-1">
            <legend>{ ctx.t(AuthorMsg::Condition) }</legend>
            if flags.is_empty() && emotions.is_empty() {
                <p class="hint">{ ctx.t(AuthorMsg::NothingToTest) }</p>
            }
            { for flags.iter().map(|flag| flag_row(ctx, pointer, condition, &at, flag)) }
            { for emotions.iter().map(|e| {
                let name = ctx.local(&e.label);
                html! {
                    <div class="threshold" key={e.id.to_string()}>
                        <span class="threshold-name">{ if name.is_empty() { e.id.to_string() } else { name.clone() } }</span>
                        { bound(ctx, &child(&child(pointer, "at_least"), e.id.as_str()), AuthorMsg::AtLeast, &name,
                                condition.at_least.get(e.id.as_str()).copied(), at.clone(), &e.id, |c| &mut c.at_least) }
                        { bound(ctx, &child(&child(pointer, "below"), e.id.as_str()), AuthorMsg::Below, &name,
                                condition.below.get(e.id.as_str()).copied(), at.clone(), &e.id, |c| &mut c.below) }
                    </div>
                }
            }) }
            if depth < MAX_DEPTH {
                <div class="alternatives">
                    if !condition.any.is_empty() {
                        <p class="hint">{ ctx.t(AuthorMsg::AnyOf) }</p>
                    }
                    { for condition.any.iter().enumerate().map(|(k, alt)| {
                        let here = child(&child(pointer, "any"), k);
                        let outer = at.clone();
                        let inner = lens(move |f| outer(f)?.any.get_mut(k));
                        let remove = {
                            let ctx = ctx.clone();
                            let at = at.clone();
                            let field = here.clone();
                            Callback::from(move |_: MouseEvent| ctx.set(&field, &at, move |c| {
                                if k < c.any.len() {
                                    c.any.remove(k);
                                }
                            }))
                        };
                        html! {
                            <div class="alternative" key={k}>
                                { condition_field(ctx, &here, alt, inner, depth + 1) }
                                <button type="button" class="small" onclick={remove}>{ ctx.t(AuthorMsg::RemoveAlternative) }</button>
                            </div>
                        }
                    }) }
                    <button type="button" class="small" onclick={{
                        let ctx = ctx.clone();
                        let at = at.clone();
                        let field = child(pointer, "any");
                        Callback::from(move |_: MouseEvent| ctx.set(&field, &at, |c| c.any.push(Condition::default())))
                    }}>{ ctx.t(AuthorMsg::AddAlternative) }</button>
                </div>
            }
        </fieldset>
    }
}

/// A flag's part of the condition: not tested, must be set, or must not be set.
fn flag_row(
    ctx: &Ctx,
    pointer: &str,
    condition: &Condition,
    at: &Lens<Condition>,
    flag: &FlagId,
) -> Html {
    let field = child(&child(pointer, "flag"), flag.as_str());
    let id = field_id(&field);
    let state = if condition.flags.contains(flag) {
        "set"
    } else if condition.not_flags.contains(flag) {
        "unset"
    } else {
        ""
    };
    let onchange = {
        let ctx = ctx.clone();
        let at = at.clone();
        let flag = flag.clone();
        Callback::from(move |e: Event| {
            let picked = value_of(e.target());
            let flag = flag.clone();
            ctx.set(&field, &at, move |c| {
                c.flags.retain(|f| *f != flag);
                c.not_flags.retain(|f| *f != flag);
                match picked.as_str() {
                    "set" => c.flags.push(flag.clone()),
                    "unset" => c.not_flags.push(flag.clone()),
                    _ => {}
                }
            });
        })
    };
    html! {
        <div class="field flag-test" key={flag.to_string()}>
            <label for={id.clone()}>{ format!("{} {flag}", ctx.t(AuthorMsg::Flag)) }</label>
            <select id={id} {onchange}>
                <option value="" selected={state.is_empty()}>{ ctx.t(AuthorMsg::NotTested) }</option>
                <option value="set" selected={state == "set"}>{ ctx.t(AuthorMsg::IsSet) }</option>
                <option value="unset" selected={state == "unset"}>{ ctx.t(AuthorMsg::IsNotSet) }</option>
            </select>
        </div>
    }
}

/// One bound on an emotion (at least, or below); blank means no bound.
#[allow(clippy::too_many_arguments)]
fn bound(
    ctx: &Ctx,
    field: &str,
    which: AuthorMsg,
    emotion_name: &str,
    value: Option<i32>,
    at: Lens<Condition>,
    emotion: &EmotionId,
    part: fn(&mut Condition) -> &mut Pairs<EmotionId, i32>,
) -> Html {
    let id = field_id(field);
    let oninput = {
        let ctx = ctx.clone();
        let field = field.to_string();
        let emotion = emotion.clone();
        Callback::from(move |e: InputEvent| {
            let raw = value_of(e.target());
            let number = raw.trim().parse::<i32>().ok();
            if number.is_none() && !raw.trim().is_empty() {
                return;
            }
            let emotion = emotion.clone();
            ctx.set(&field, &at, move |c| {
                let pairs = &mut part(c).0;
                match (number, pairs.iter_mut().find(|(k, _)| *k == emotion)) {
                    (Some(n), Some(pair)) => pair.1 = n,
                    (Some(n), None) => pairs.push((emotion.clone(), n)),
                    (None, _) => pairs.retain(|(k, _)| *k != emotion),
                }
            });
        })
    };
    html! {
        <span class="bound">
            <label for={id.clone()}>{ ctx.t(which) }</label>
            <input id={id} type="number" inputmode="numeric" class="short"
                   aria-label={format!("{emotion_name} {}", ctx.t(which))}
                   value={value.map(|v| v.to_string()).unwrap_or_default()} {oninput}
                   onblur={ctx.settle.reform(|_: FocusEvent| ())} />
        </span>
    }
}
