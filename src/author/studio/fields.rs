//! The form fields every Studio form is made of (plain functions, no hooks): a text in every
//! locale side by side, a line of text, a number, a choice from a list, a checkbox. Each field
//! edits the story through a [`Lens`] to its value and names itself by its JSON pointer: the
//! pointer is the edit's field (one undo step per field) and, as [`field_id`], the input's id,
//! which is how a problem focuses the field it is about.

use super::draft::{rename, set_translation, Edit, Named};
use crate::author::i18n::AuthorMsg;
use crate::engine::diagnostic::child;
use crate::engine::model::{Pairs, StoryFile, Text};
use crate::engine::EmotionId;
use crate::i18n::{Lang, Msg};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where a field's value is in the story: `None` when the thing it belonged to is gone (an
/// undo removed the node under the form).
pub type Lens<T> = Rc<dyn for<'a> Fn(&'a mut StoryFile) -> Option<&'a mut T>>;

/// Makes a [`Lens`] of a closure (naming the signature here lets the closure borrow from its
/// argument, which plain closure inference does not allow).
pub fn lens<T, F>(f: F) -> Lens<T>
where
    F: for<'a> Fn(&'a mut StoryFile) -> Option<&'a mut T> + 'static,
{
    Rc::new(f)
}

/// What every field needs: the story, where edits go, the interface language.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    /// The story as it stands.
    pub file: Rc<StoryFile>,
    /// Where edits go.
    pub edit: Callback<Edit>,
    /// Called when a field loses focus: its typing is one undo step, done.
    pub settle: Callback<()>,
    /// Interface language.
    pub lang: Lang,
}

impl Ctx {
    /// Emits an edit of `field` that changes the value `lens` points at.
    pub fn set<T: 'static>(&self, field: &str, lens: &Lens<T>, change: impl Fn(&mut T) + 'static) {
        let lens = lens.clone();
        self.edit.emit(Edit::new(field, move |f| {
            if let Some(value) = lens(f) {
                change(value);
            }
        }));
    }

    /// Emits an edit of `field` that changes the story.
    pub fn change(&self, field: &str, change: impl Fn(&mut StoryFile) + 'static) {
        self.edit.emit(Edit::new(field, change));
    }

    /// A text of the story as the author reads it: in the interface language when the story has
    /// it, else in its first locale.
    pub fn local(&self, text: &Text) -> String {
        text.get(
            self.lang.code(),
            self.file.locales.first().map_or("", String::as_str),
        )
        .to_string()
    }

    /// An interface string.
    pub fn t(&self, msg: AuthorMsg) -> &'static str {
        msg.get(self.lang)
    }
}

/// The id of the input for the value at `pointer` (`f/nodes/2/choices/0/text/es`).
pub fn field_id(pointer: &str) -> String {
    format!("f{pointer}")
}

/// The value of the element an input event came from (input, textarea or select).
pub fn value_of(target: Option<web_sys::EventTarget>) -> String {
    let Some(target) = target else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

/// A text in every locale of the story, side by side; a missing translation is marked.
pub fn text_field(
    ctx: &Ctx,
    label: &str,
    pointer: &str,
    text: &Text,
    at: Lens<Text>,
    long: bool,
) -> Html {
    let locales = ctx.file.locales.clone();
    html! {
        <fieldset class="texts">
            <legend>{ label }</legend>
            <div class="locales">
                { for locales.iter().map(|locale| {
                    let field = child(pointer, locale);
                    let id = field_id(&field);
                    let value = text.exact(locale).unwrap_or("").to_string();
                    let missing = value.trim().is_empty();
                    let oninput = {
                        let ctx = ctx.clone();
                        let at = at.clone();
                        let locale = locale.clone();
                        let order = locales.clone();
                        let field = field.clone();
                        Callback::from(move |e: InputEvent| {
                            let value = value_of(e.target());
                            let locale = locale.clone();
                            let order = order.clone();
                            ctx.set(&field, &at, move |t| set_translation(t, &locale, &value, &order));
                        })
                    };
                    let onblur = ctx.settle.reform(|_: FocusEvent| ());
                    let class = classes!("locale", missing.then_some("missing"));
                    let placeholder = missing.then(|| ctx.t(AuthorMsg::MissingTranslation).to_string());
                    html! {
                        <div class={class} key={locale.clone()}>
                            <label for={id.clone()}>{ locale.clone() }</label>
                            if long {
                                <textarea id={id} rows="3" lang={locale.clone()} value={value} {oninput} {onblur} placeholder={placeholder} />
                            } else {
                                <input id={id} type="text" lang={locale.clone()} value={value} {oninput} {onblur} placeholder={placeholder} />
                            }
                        </div>
                    }
                }) }
            </div>
        </fieldset>
    }
}

/// A line of plain text (a name, an id, a note).
pub fn string_field<T: 'static>(
    ctx: &Ctx,
    label: &str,
    pointer: &str,
    value: &str,
    at: Lens<T>,
    make: fn(&str) -> T,
) -> Html {
    let oninput = {
        let ctx = ctx.clone();
        let field = pointer.to_string();
        Callback::from(move |e: InputEvent| {
            let value = value_of(e.target());
            ctx.set(&field, &at, move |v| *v = make(&value));
        })
    };
    text_input(ctx, label, pointer, value, oninput)
}

/// A labelled one-line input whose leaving settles the undo step.
fn text_input(
    ctx: &Ctx,
    label: &str,
    pointer: &str,
    value: &str,
    oninput: Callback<InputEvent>,
) -> Html {
    let id = field_id(pointer);
    html! {
        <div class="field">
            <label for={id.clone()}>{ label }</label>
            <input id={id} type="text" value={value.to_string()} {oninput} onblur={ctx.settle.reform(|_: FocusEvent| ())} />
        </div>
    }
}

/// The id of an emotion, flag, person or objective: typing renames it and every reference to it
/// ([`rename`]); an id another one of its kind has already is not applied.
pub fn id_field(
    ctx: &Ctx,
    label: &str,
    pointer: &str,
    value: &str,
    named: Named,
    index: usize,
) -> Html {
    let oninput = {
        let ctx = ctx.clone();
        let field = pointer.to_string();
        Callback::from(move |e: InputEvent| {
            let value = value_of(e.target()).trim().to_string();
            ctx.change(&field, move |f| rename(f, named, index, &value));
        })
    };
    text_input(ctx, label, pointer, value, oninput)
}

/// A whole number; what does not parse is left as typed and not applied.
pub fn number_field<T>(ctx: &Ctx, label: &str, pointer: &str, value: T, at: Lens<T>) -> Html
where
    T: std::str::FromStr + ToString + Copy + 'static,
{
    let id = field_id(pointer);
    let oninput = {
        let ctx = ctx.clone();
        let field = pointer.to_string();
        Callback::from(move |e: InputEvent| {
            if let Ok(number) = value_of(e.target()).trim().parse::<T>() {
                ctx.set(&field, &at, move |v| *v = number);
            }
        })
    };
    html! {
        <div class="field number">
            <label for={id.clone()}>{ label }</label>
            <input id={id} type="number" inputmode="numeric" value={value.to_string()} {oninput} onblur={ctx.settle.reform(|_: FocusEvent| ())} />
        </div>
    }
}

/// One of a fixed set of values (a story enum), shown by its name in the file.
pub fn enum_field<T>(
    ctx: &Ctx,
    label: &str,
    pointer: &str,
    value: T,
    all: &'static [T],
    name: fn(T) -> &'static str,
    at: Lens<T>,
) -> Html
where
    T: Copy + PartialEq + 'static,
{
    let options: Vec<(String, String)> = all
        .iter()
        .map(|&v| (name(v).to_string(), label_of(name(v), ctx.lang)))
        .collect();
    let onchange = {
        let ctx = ctx.clone();
        let field = pointer.to_string();
        Callback::from(move |picked: String| {
            if let Some(&v) = all.iter().find(|&&v| name(v) == picked) {
                ctx.set(&field, &at, move |slot| *slot = v);
            }
        })
    };
    select_field(label, pointer, name(value), &options, onchange)
}

/// A list to pick from: `options` are (value, label); `onchange` gets the value picked.
pub fn select_field(
    label: &str,
    pointer: &str,
    current: &str,
    options: &[(String, String)],
    onchange: Callback<String>,
) -> Html {
    let id = field_id(pointer);
    let onchange = onchange.reform(|e: Event| value_of(e.target()));
    html! {
        <div class="field">
            <label for={id.clone()}>{ label }</label>
            <select id={id} {onchange}>
                { for options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={value == current}>{ label.clone() }</option>
                }) }
            </select>
        </div>
    }
}

/// A yes/no setting.
pub fn check_field(ctx: &Ctx, label: &str, pointer: &str, value: bool, at: Lens<bool>) -> Html {
    let id = field_id(pointer);
    let onchange = {
        let ctx = ctx.clone();
        let field = pointer.to_string();
        Callback::from(move |_: Event| ctx.set(&field, &at, |v| *v = !*v))
    };
    html! {
        <div class="field check">
            <input id={id.clone()} type="checkbox" checked={value} {onchange} />
            <label for={id}>{ label }</label>
        </div>
    }
}

/// A small button that does one edit (add, remove, move); `label` is its visible text and
/// `name` what a screen reader hears when the text alone is ambiguous ("Remove" what).
pub fn action(
    ctx: &Ctx,
    label: &str,
    name: &str,
    field: &str,
    change: impl Fn(&mut StoryFile) + 'static,
) -> Html {
    let change = Rc::new(change);
    let onclick = {
        let ctx = ctx.clone();
        let field = field.to_string();
        Callback::from(move |_: MouseEvent| {
            let change = change.clone();
            ctx.change(&field, move |f| change(f));
        })
    };
    html! {
        <button type="button" class="small" aria-label={name.to_string()} {onclick}>{ label }</button>
    }
}

/// How a value of a story enum reads in a list: the learner's own word where the interface has
/// one (outcomes, difficulty), else the file's name in words (`first_name` → "first name"), which
/// is also what an author sees in a file.
pub fn label_of(name: &str, lang: Lang) -> String {
    let msg = match name {
        "success" => Some(Msg::Success),
        "partial" => Some(Msg::Partial),
        "failure" => Some(Msg::Failure),
        "introductory" => Some(Msg::Introductory),
        "intermediate" => Some(Msg::Intermediate),
        "advanced" => Some(Msg::Advanced),
        _ => None,
    };
    msg.map_or_else(|| name.replace('_', " "), |m| m.get(lang).to_string())
}

/// A number for one emotion in a map of them (a reply's effects, a condition's bounds); blank
/// means the emotion is not in the map. `name`, when given, is what a screen reader hears (the
/// visible label is short, beside the emotion's name).
#[allow(clippy::too_many_arguments)]
pub fn pair_field(
    ctx: &Ctx,
    field: &str,
    label: &str,
    name: Option<String>,
    value: Option<i32>,
    at: Lens<Pairs<EmotionId, i32>>,
    emotion: &EmotionId,
    class: &'static str,
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
                // A sign or a half-typed number: applied once it reads.
                return;
            }
            let emotion = emotion.clone();
            ctx.set(&field, &at, move |pairs| {
                let pairs = &mut pairs.0;
                match (number, pairs.iter_mut().find(|(k, _)| *k == emotion)) {
                    (Some(n), Some(pair)) => pair.1 = n,
                    (Some(n), None) => pairs.push((emotion.clone(), n)),
                    (None, _) => pairs.retain(|(k, _)| *k != emotion),
                }
            });
        })
    };
    html! {
        <span class={class}>
            <label for={id.clone()}>{ label }</label>
            <input id={id} type="number" inputmode="numeric" class="short" placeholder="±0" aria-label={name}
                   value={value.map(|v| v.to_string()).unwrap_or_default()} {oninput}
                   onblur={ctx.settle.reform(|_: FocusEvent| ())} />
        </span>
    }
}

/// The nodes of the story as a list to pick from: (id, id).
pub fn node_options(file: &StoryFile) -> Vec<(String, String)> {
    file.nodes
        .iter()
        .map(|n| (n.id.to_string(), n.id.to_string()))
        .collect()
}
