//! The story's languages: each with how many of its texts are still to translate (listed, each
//! a link to its field), adding a language to the whole story, and removing one from it.

use super::draft::{add_locale, missing_translations, remove_locale, translation_pointer};
use super::fields::{value_of, Ctx};
use crate::author::i18n::AuthorMsg;
use yew::prelude::*;

/// Props of [`LocalesForm`].
#[derive(Properties, PartialEq)]
pub struct LocalesProps {
    /// The story, where edits go, the language.
    pub ctx: Ctx,
    /// Shows the field at a JSON pointer (selects its node, focuses its input).
    pub on_focus: Callback<String>,
}

/// The languages form.
#[component]
pub fn LocalesForm(props: &LocalesProps) -> Html {
    let ctx = &props.ctx;
    let new_locale = use_state(String::new);
    let missing = missing_translations(&ctx.file);
    let onsubmit = {
        let ctx = ctx.clone();
        let new_locale = new_locale.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let locale = new_locale.trim().to_string();
            if !locale.is_empty() {
                ctx.change("/locales", move |f| {
                    add_locale(f, &locale);
                });
                new_locale.set(String::new());
            }
        })
    };
    let oninput = {
        let new_locale = new_locale.clone();
        Callback::from(move |e: InputEvent| new_locale.set(value_of(e.target())))
    };
    let single = missing.len() < 2;
    html! {
        <section class="form" aria-labelledby="locales-heading">
            <h2 id="locales-heading">{ ctx.t(AuthorMsg::LanguagesSection) }</h2>
            <p class="hint">{ ctx.t(AuthorMsg::LanguagesHint) }</p>
            <ul class="locale-list">
                { for missing.iter().map(|(locale, places)| {
                    let remove = {
                        let ctx = ctx.clone();
                        let locale = locale.clone();
                        Callback::from(move |_: MouseEvent| {
                            let locale = locale.clone();
                            ctx.change("/locales", move |f| remove_locale(f, &locale));
                        })
                    };
                    html! {
                        <li key={locale.clone()}>
                            <p>
                                <strong>{ locale.clone() }</strong>
                                { " · " }
                                if places.is_empty() {
                                    <span class="ok-note">{ ctx.t(AuthorMsg::AllTranslated) }</span>
                                } else {
                                    <span class="count">{ format!("{} {}", places.len(), ctx.t(AuthorMsg::ToTranslate)) }</span>
                                }
                                if !single {
                                    { " " }
                                    <button type="button" class="small" onclick={remove}
                                            aria-label={format!("{} {locale}", ctx.t(AuthorMsg::RemoveLanguage))}>{ ctx.t(AuthorMsg::RemoveLanguage) }</button>
                                }
                            </p>
                            if !places.is_empty() {
                                <details>
                                    <summary>{ format!("{} ({locale})", ctx.t(AuthorMsg::ShowMissing)) }</summary>
                                    <ul class="missing-list">
                                        { for places.iter().map(|p| {
                                            let target = translation_pointer(p, locale);
                                            let onclick = props.on_focus.reform(move |_: MouseEvent| target.clone());
                                            html! { <li><button type="button" class="link" {onclick}>{ p.clone() }</button></li> }
                                        }) }
                                    </ul>
                                </details>
                            }
                        </li>
                    }
                }) }
            </ul>
            <form class="row" {onsubmit}>
                <div class="field">
                    <label for="new-locale">{ ctx.t(AuthorMsg::NewLanguage) }</label>
                    <input id="new-locale" type="text" value={(*new_locale).clone()} {oninput} placeholder="pt" size="6" />
                </div>
                <button type="submit">{ ctx.t(AuthorMsg::AddLanguage) }</button>
            </form>
        </section>
    }
}
