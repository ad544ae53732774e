//! Studio's live problems: everything the authoring check found (the engine's validation, the
//! analysis, the assessment lints), each a button that shows and focuses the field it is about.

use crate::author::check::Checked;
use crate::author::i18n::AuthorMsg;
use crate::engine::{Diagnostic, Severity};
use crate::i18n::{Lang, Msg};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ProblemsPane`].
#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    /// The last check of the draft; `None` while the first one runs.
    pub checked: Option<Rc<Checked>>,
    /// Interface language.
    pub lang: Lang,
    /// Shows the field at a JSON pointer.
    pub on_focus: Callback<String>,
}

/// The problems pane.
#[component]
pub fn ProblemsPane(props: &ProblemsProps) -> Html {
    let lang = props.lang;
    let Some(checked) = &props.checked else {
        return html! { <section class="pane problems-pane" aria-busy="true"><p>{ Msg::Loading.get(lang) }</p></section> };
    };
    let errors = checked
        .problems
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = checked.problems.len() - errors;
    let lints = checked.lints.as_ref().map_or(0, |l| l.lints.len());
    let item = |d: &Diagnostic, extra: Option<(String, String)>| {
        let pointer = d.pointer.clone().unwrap_or_default();
        let onclick = props.on_focus.reform(move |_: MouseEvent| pointer.clone());
        let class = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        html! {
            <li class={class}>
                <button type="button" class="problem" {onclick}>
                    <span class="what">{ d.message.clone() }</span>
                    <code class="where">{ d.pointer_text().unwrap_or("/").to_string() }</code>
                    if let Some((code, help)) = extra {
                        <span class="help">{ format!("[{code}] {help}") }</span>
                    }
                </button>
            </li>
        }
    };
    html! {
        <section class="pane problems-pane" aria-labelledby="problems-heading">
            <h2 id="problems-heading">{ format!("{} · {errors} {} · {} {}", AuthorMsg::Problems.get(lang), AuthorMsg::Errors.get(lang),
                                                   warnings + lints, AuthorMsg::Warnings.get(lang)) }</h2>
            <div role="status" class="status-line">
                if checked.problems.is_empty() && lints == 0 {
                    <p class="ok-note">{ Msg::NoProblems.get(lang) }</p>
                } else if checked.story.is_none() {
                    <p class="hint">{ AuthorMsg::FixErrorsFirst.get(lang) }</p>
                }
            </div>
            <ul class="problem-list">
                { for checked.problems.iter().map(|d| item(d, None)) }
                { for checked.lints.iter().flat_map(|l| l.lints.iter()).map(|l| item(&l.diagnostic, Some((l.code.to_string(), l.help.clone())))) }
            </ul>
        </section>
    }
}
