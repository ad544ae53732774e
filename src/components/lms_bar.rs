//! The bar an LMS launch shows above the conversation: "Exit and save" (which ends the LMS
//! session: cmi5's terminated and return URL, SCORM's LMSFinish), then where leaving is. The
//! bar and the status it shows are the shell's; the LMS app's `hooks::use_lms` fills the status,
//! the other apps' [`use_no_lms`] leaves it empty, so their wasm links no cmi5 or SCORM code.

use crate::i18n::{Lang, Msg};
use crate::platform::location::Launch;
use crate::state::AppContext;
use yew::prelude::*;

/// Where the LMS session is, for the bar that shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LmsPhase {
    /// No LMS (or not connected): nothing to show.
    None,
    /// Connected: what happens is reported.
    Reporting,
    /// The learner left: the last records are on their way.
    Leaving,
    /// The session is over.
    Left,
}

/// What the page shows of the LMS session, and how the learner ends it.
#[derive(Clone, PartialEq)]
pub struct LmsStatus {
    /// Where the session is.
    pub phase: LmsPhase,
    /// Ends the session ("Exit and save").
    pub exit: Callback<()>,
}

/// The LMS status of an app that no LMS launches: nothing to show, nothing to end.
#[hook]
pub fn use_no_lms(_launch: &Launch, _ctx: AppContext) -> LmsStatus {
    LmsStatus {
        phase: LmsPhase::None,
        exit: Callback::noop(),
    }
}

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
