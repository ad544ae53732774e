//! The condition builder: a condition on flags and emotions picked from lists and numbers, never
//! typed as syntax. Every part the format has: flags set or not set, an emotion at least or below
//! a value, and alternatives (any one of which must hold), nested.

use super::fields::{field_id, lens, pair_field, value_of, Ctx, Lens};
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
                        { bound(ctx, pointer, Bound::AtLeast, &name, condition, at.clone(), &e.id) }
                        { bound(ctx, pointer, Bound::Below, &name, condition, at.clone(), &e.id) }
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

/// Which side of a value an emotion must be on.
#[derive(Clone, Copy)]
enum Bound {
    AtLeast,
    Below,
}

impl Bound {
    /// The condition's field, as written in the file.
    fn key(self) -> &'static str {
        match self {
            Bound::AtLeast => "at_least",
            Bound::Below => "below",
        }
    }

    fn label(self) -> AuthorMsg {
        match self {
            Bound::AtLeast => AuthorMsg::AtLeast,
            Bound::Below => AuthorMsg::Below,
        }
    }

    fn of(self, c: &mut Condition) -> &mut Pairs<EmotionId, i32> {
        match self {
            Bound::AtLeast => &mut c.at_least,
            Bound::Below => &mut c.below,
        }
    }
}

/// One bound on an emotion in the condition at `pointer`; blank means no bound.
fn bound(
    ctx: &Ctx,
    pointer: &str,
    kind: Bound,
    emotion_name: &str,
    condition: &Condition,
    at: Lens<Condition>,
    emotion: &EmotionId,
) -> Html {
    let field = child(&child(pointer, kind.key()), emotion.as_str());
    let label = ctx.t(kind.label());
    let value = match kind {
        Bound::AtLeast => condition.at_least.get(emotion.as_str()),
        Bound::Below => condition.below.get(emotion.as_str()),
    };
    let pairs = lens(move |f| Some(kind.of(at(f)?)));
    let name = Some(format!("{emotion_name} {label}"));
    pair_field(
        ctx,
        &field,
        label,
        name,
        value.copied(),
        pairs,
        emotion,
        "bound",
    )
}
