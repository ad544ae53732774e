//! The top bar: product name, link home, language switcher, and the learner's notices.

use crate::i18n::{Lang, Msg};
use crate::state::Notice;
use yew::prelude::*;

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// Interface language.
    pub lang: Lang,
    /// Called with the language the learner picks.
    pub on_lang: Callback<Lang>,
    /// Messages to show.
    #[prop_or_default]
    pub notices: Vec<Notice>,
    /// Called to dismiss a message.
    #[prop_or_default]
    pub on_dismiss: Callback<Msg>,
    /// Kiosk mode: offer a full-screen button.
    #[prop_or_default]
    pub kiosk: bool,
}

/// Site header with the language switcher and notices.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let on_change = {
        let on_lang = props.on_lang.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            if let Some(l) = Lang::parse(&value) {
                on_lang.emit(l);
            }
        })
    };
    html! {
        <>
        <a class="skip" href="#main" onclick={Callback::from(skip_to_main)}>{ Msg::SkipToContent.get(lang) }</a>
        <header class="site">
            <a class="brand" href="#/">
                <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
                    <path d="M4 6h18a4 4 0 0 1 4 4v8a4 4 0 0 1-4 4h-9l-6 5v-5H4z" />
                    <circle cx="10" cy="14" r="2" /><circle cx="16" cy="14" r="2" />
                </svg>
                <span>{ "Rapport" }</span>
            </a>
            if props.kiosk {
                <button type="button" class="secondary" onclick={Callback::from(|_| full_screen())}>
                    { Msg::FullScreen.get(lang) }
                </button>
            }
            <label class="lang">
                <span class="visually-hidden">{ Msg::Language.get(lang) }</span>
                <select onchange={on_change} aria-label={Msg::Language.get(lang)}>
                    { for Lang::ALL.iter().map(|l| html! {
                        <option value={l.code()} selected={*l == lang} lang={l.tag()}>{ l.name() }</option>
                    }) }
                </select>
            </label>
        </header>
        if !props.notices.is_empty() {
            <div class="notices" role="status">
                { for props.notices.iter().map(|n| {
                    let msg = n.0;
                    let dismiss = props.on_dismiss.reform(move |_| msg);
                    html! {
                        <p class="notice">
                            <span>{ msg.get(lang) }</span>
                            <button type="button" class="link" onclick={dismiss}>{ Msg::Dismiss.get(lang) }</button>
                        </p>
                    }
                }) }
            </div>
        }
        </>
    }
}

/// Moves focus to the page's `main`. Followed as a link, `#main` would be read as a route, and
/// every route but a story's or the upload page's is the library.
fn skip_to_main(e: MouseEvent) {
    e.prevent_default();
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
    {
        crate::platform::focus(main);
    }
}

/// Asks the browser to show the page full screen (it may refuse; nothing to handle).
fn full_screen() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.request_fullscreen();
    }
}
