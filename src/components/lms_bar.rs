//! The bar an LMS launch shows above the conversation: "Exit and save" (which ends the LMS
//! session: cmi5's terminated and return URL, SCORM's LMSFinish), then where leaving is.

use crate::hooks::{LmsPhase, LmsStatus};
use crate::i18n::{Lang, Msg};
use yew::prelude::*;

/// Props of [`LmsBar`].
#[derive(Properties, PartialEq)]
pub struct LmsBarProps {
    /// Interface language.
    pub lang: Lang,
    /// The LMS session.
    pub status: LmsStatus,
}

/// The LMS bar; nothing without an LMS.
#[component]
pub fn LmsBar(props: &LmsBarProps) -> Html {
    let lang = props.lang;
    let body = match props.status.phase {
        LmsPhase::None => return Html::default(),
        LmsPhase::Reporting => {
            let exit = props.status.exit.reform(|_: MouseEvent| ());
            html! { <button type="button" class="secondary" onclick={exit}>{ Msg::LmsExit.get(lang) }</button> }
        }
        LmsPhase::Leaving => html! { <p role="status">{ Msg::LmsSending.get(lang) }</p> },
        LmsPhase::Left => html! { <p role="status">{ Msg::LmsDone.get(lang) }</p> },
    };
    html! {
        <aside class="lms-bar" aria-label={Msg::LmsBarLabel.get(lang)}>{ body }</aside>
    }
}
