//! A list of located problems in a story file (which file, where, what).

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
