//! A list of located problems in a story file (which file, where, what).

use crate::engine::lints::Lints;
use crate::engine::Diagnostic;
use crate::i18n::{Lang, Msg};
use yew::prelude::*;

/// Renders problems as a list, each with its file, line:column and JSON pointer.
pub fn problem_list(file: &str, problems: &[Diagnostic], lang: Lang) -> Html {
    html! {
        <div class="problems">
            <p class="problems-title">{ format!("{} · {file}", Msg::Problems.get(lang)) }</p>
            <ul>
                { for problems.iter().map(|d| html! {
                    <li>
                        <code class="where">{ where_of(file, d) }</code>
                        <span class="what">{ d.message.clone() }</span>
                    </li>
                }) }
            </ul>
        </div>
    }
}

fn where_of(file: &str, d: &Diagnostic) -> String {
    match d.pointer_text() {
        Some(pointer) => format!("{} {pointer}", d.place(file)),
        None => d.place(file),
    }
}

/// Renders the assessment lints of a valid story (each with its code, location and help) and
/// the figures behind them. Authors read these while writing; they do not stop the story.
pub fn lint_list(file: &str, lints: &Lints, lang: Lang) -> Html {
    html! {
        // Not `.problems`: lints do not make the story unplayable, and read as advice.
        <div class="lints">
            <p class="lints-title">{ format!("{} · {}", Msg::AssessmentChecks.get(lang), lints.lints.len()) }</p>
            <ul>
                { for lints.lints.iter().map(|l| html! {
                    <li>
                        <code class="where">{ format!("{} [{}]", where_of(file, &l.diagnostic), l.code) }</code>
                        <span class="what">{ l.diagnostic.message.clone() }</span>
                        <span class="help">{ format!("{}: {}", Msg::Help.get(lang), l.help) }</span>
                    </li>
                }) }
            </ul>
            // The figures are for authors, in the engine's English, as storycheck prints them.
            <details>
                <summary>{ Msg::LintFigures.get(lang) }</summary>
                <pre class="lint-summary" lang="en">{ lints.summary.to_string() }</pre>
            </details>
        </div>
    }
}
