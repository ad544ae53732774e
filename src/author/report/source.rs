//! Where the report reads from: the LRS (endpoint and credentials, the deployment's by default)
//! or a statements file; and the dates and activity base that apply to either.

use super::text::Text;
use crate::i18n::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where to read.
pub enum Source {
    /// `GET statements` from an LRS; empty credentials mean the configured ones.
    Lrs {
        /// The xAPI endpoint.
        endpoint: String,
        /// Basic-auth user.
        user: String,
        /// Basic-auth password.
        password: String,
    },
    /// A file the trainer picked.
    File(gloo::file::File),
    /// Only the dates changed: re-read the file already read, if any.
    Dates,
}

/// What the trainer asked for.
pub struct Request {
    /// The source.
    pub source: Source,
    /// The activity base the statements' IRIs start with.
    pub base: String,
    /// First day (`YYYY-MM-DD`, or empty).
    pub from: String,
    /// Last day, included (`YYYY-MM-DD`, or empty).
    pub until: String,
}

/// Props of [`ReportSource`].
#[derive(Properties, PartialEq)]
pub struct ReportSourceProps {
    /// Interface language.
    pub lang: Lang,
    /// The configured endpoint (the field's first value).
    pub endpoint: String,
    /// The configured activity base.
    pub base: String,
    /// A reading is under way (or the stories are loading).
    pub busy: bool,
    /// Called with each request.
    pub on_request: Callback<Request>,
}

fn value(node: &NodeRef) -> String {
    node.cast::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

/// The source form.
#[component]
pub fn ReportSource(props: &ReportSourceProps) -> Html {
    let lang = props.lang;
    // The two fields the deployment fills in are the page's state: a render never resets what
    // the trainer typed, and the configuration, when it arrives, fills them once.
    let endpoint = use_state(|| props.endpoint.clone());
    let base = use_state(|| props.base.clone());
    {
        let endpoint = endpoint.clone();
        use_effect_with(props.endpoint.clone(), move |e| endpoint.set(e.clone()));
    }
    {
        let base = base.clone();
        use_effect_with(props.base.clone(), move |b| base.set(b.clone()));
    }
    let user = use_node_ref();
    let password = use_node_ref();
    let from = use_node_ref();
    let until = use_node_ref();
    let typed = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                state.set(input.value());
            }
        })
    };
    let (on_endpoint, on_base) = (typed(&endpoint), typed(&base));
    let request = {
        let (base, from, until) = (base.clone(), from.clone(), until.clone());
        let on_request = props.on_request.clone();
        move |source: Source| {
            on_request.emit(Request {
                source,
                base: (*base).clone(),
                from: value(&from),
                until: value(&until),
            })
        }
    };
    let on_submit = {
        let request = request.clone();
        let (endpoint, user, password) = (endpoint.clone(), user.clone(), password.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            request(Source::Lrs {
                endpoint: (*endpoint).clone(),
                user: value(&user),
                password: value(&password),
            });
        })
    };
    let on_file = {
        let request = request.clone();
        Callback::from(move |e: Event| {
            let file = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                request(Source::File(gloo::file::File::from(file)));
            }
        })
    };
    let on_dates = Callback::from(move |_: Event| request(Source::Dates));
    html! {
        <div class="report-source no-print">
            <form class="card" onsubmit={on_submit}>
                <h2>{ Text::FromLrs.get(lang) }</h2>
                <label>{ Text::Endpoint.get(lang) }
                    <input id="report-endpoint" type="url" value={(*endpoint).clone()} oninput={on_endpoint} placeholder="https://lrs.example.org/xAPI/" /></label>
                <div class="pair">
                    <label>{ Text::User.get(lang) }
                        <input ref={user} id="report-user" type="text" autocomplete="username" /></label>
                    <label>{ Text::Password.get(lang) }
                        <input ref={password} id="report-password" type="password" autocomplete="current-password" /></label>
                </div>
                <p class="hint">{ Text::AuthHint.get(lang) }</p>
                <button type="submit" class="primary" disabled={props.busy}>{ Text::ReadLrs.get(lang) }</button>
            </form>
            <div class="card">
                <h2><label for="report-file">{ Text::FromFile.get(lang) }</label></h2>
                <input id="report-file" type="file" accept=".json,.jsonl,.ndjson,application/json" onchange={on_file} disabled={props.busy} />
            </div>
            <div class="card report-filters">
                <fieldset>
                    <legend>{ Text::Dates.get(lang) }</legend>
                    <div class="pair">
                        <label>{ Text::From.get(lang) }
                            <input ref={from} id="report-from" type="date" onchange={on_dates.clone()} /></label>
                        <label>{ Text::Until.get(lang) }
                            <input ref={until} id="report-until" type="date" onchange={on_dates} /></label>
                    </div>
                </fieldset>
                <label>{ Text::ActivityBase.get(lang) }
                    <input id="report-base" type="url" value={(*base).clone()} oninput={on_base} /></label>
            </div>
        </div>
    }
}
