//! The report's page: loads the stories and the deployment's LRS settings, reads the source the
//! trainer picks (the LRS, story by story and page by page; or a file), and shows the report as
//! it grows. A failure says what to check and leaves what was read so far on screen.

use super::source::{ReportSource, Request, Source};
use super::story_section::StorySection;
use super::text::Text;
use crate::engine::catalog::Catalog;
use crate::engine::{load, xapi, Story, StoryId};
use crate::i18n::{Lang, Msg};
use crate::platform::location::Entry;
use crate::platform::lrs::{basic_auth, get, LrsError};
use crate::platform::stories::{fetch, split_file, CATALOG};
use crate::platform::xapi::load_config;
use crate::records::XapiConfig;
use rapport_report::{csv, lrs as urls, time, Dates, Report as Summary, Tally};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Report`].
#[derive(Properties, PartialEq)]
pub struct ReportProps {
    /// Interface language.
    pub lang: Lang,
}

/// What went wrong, so the page can say what to check.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The LRS refused, failed, timed out or could not be reached.
    Lrs(LrsError),
    /// The file or the LRS's answer is not statements.
    NotStatements(String),
    /// No endpoint to read from.
    NoEndpoint,
    /// The stories could not be loaded.
    NoStories,
}

impl Problem {
    /// The message, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Lrs(LrsError::Refused(code)) => {
                format!("{} (HTTP {code})", Text::Refused.get(lang))
            }
            Problem::Lrs(LrsError::Status(code)) => {
                format!("{} (HTTP {code})", Text::Status.get(lang))
            }
            Problem::Lrs(LrsError::TimedOut) => Text::TimedOut.get(lang).into(),
            Problem::Lrs(LrsError::Unreachable) => Text::Unreachable.get(lang).into(),
            Problem::NotStatements(detail) => {
                format!("{} ({detail})", Text::NotStatements.get(lang))
            }
            Problem::NoEndpoint => Text::NoEndpoint.get(lang).into(),
            Problem::NoStories => Text::NoStories.get(lang).into(),
        }
    }
}

/// What the page shows of a reading.
#[derive(Clone, Debug, Default, PartialEq)]
struct Shown {
    report: Option<Rc<Summary>>,
    reading: bool,
    problem: Option<Problem>,
    /// Statements aggregated and the milliseconds it took (a file's, for `make bench`).
    timing: Option<(usize, f64)>,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Every story of the build, each in the interface language when it has it.
async fn load_stories(lang: Lang) -> Result<Vec<Rc<Story>>, Problem> {
    let bytes = fetch(&format!("{}{CATALOG}", Entry::Author.root()))
        .await
        .map_err(|_| Problem::NoStories)?;
    let catalog: Catalog =
        serde_json::from_str(&String::from_utf8_lossy(&bytes)).map_err(|_| Problem::NoStories)?;
    let mut stories = Vec::new();
    for card in &catalog.stories {
        let locale = crate::engine::story::locale_for(&card.locales, lang.code());
        let Ok(bytes) = fetch(&format!(
            "{}{}",
            Entry::Author.root(),
            split_file(card.id.as_str(), locale)
        ))
        .await
        else {
            continue;
        };
        if let Some(story) = load(StoryId::new(card.id.as_str()), &bytes).0 {
            stories.push(Rc::new(story));
        }
    }
    if stories.is_empty() {
        return Err(Problem::NoStories);
    }
    Ok(stories)
}

fn dates(from: &str, until: &str) -> Dates {
    Dates {
        from: time::date_ms(from),
        // The last day is included: the range ends where the next day starts.
        until: time::date_ms(until).map(|d| d + 86_400_000),
    }
}

/// Reads every story's statements from the LRS, page by page, showing the report as it grows
/// (at most every 300 ms, so a large class is not re-summarised after every page).
async fn read_lrs(
    stories: Vec<Rc<Story>>,
    endpoint: String,
    auth: Option<String>,
    base: String,
    range: Dates,
    show: impl Fn(Shown) -> bool,
) {
    let mut tally = Tally::new(stories.clone(), &base, range);
    let mut shown_at = now_ms();
    let done = |tally: &Tally, reading: bool, problem: Option<Problem>| Shown {
        report: Some(Rc::new(tally.report())),
        reading,
        problem,
        timing: None,
    };
    for story in &stories {
        let activity = xapi::story_iri(&base, story.id.as_str());
        let mut url = urls::statements_url(&endpoint, &activity, range);
        loop {
            let text = match get(&url, auth.as_deref()).await {
                Ok(text) => text,
                Err(e) => {
                    show(done(&tally, false, Some(Problem::Lrs(e))));
                    return;
                }
            };
            let more = match tally.page(&text) {
                Ok(more) => more,
                Err(e) => {
                    show(done(&tally, false, Some(Problem::NotStatements(e.0))));
                    return;
                }
            };
            if now_ms() - shown_at > 300.0 {
                shown_at = now_ms();
                if !show(done(&tally, true, None)) {
                    return; // a newer reading took over
                }
            }
            match more {
                Some(more) => url = urls::next_url(&endpoint, &more),
                None => break,
            }
        }
    }
    show(done(&tally, false, None));
}

/// The class report.
#[component]
pub fn Report(props: &ReportProps) -> Html {
    let lang = props.lang;
    let stories = use_state(|| None::<Result<Vec<Rc<Story>>, Problem>>);
    let config = use_state(|| None::<XapiConfig>);
    let shown = use_state(Shown::default);
    // Each reading's number: a reading still under way stops showing once a newer one starts.
    let generation = use_mut_ref(|| 0u32);
    // The last file read, kept so a change of dates re-reads it at once.
    let last_file = use_mut_ref(|| None::<Rc<String>>);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    {
        let (stories, config) = (stories.clone(), config.clone());
        use_effect_with(lang, move |&lang| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(c) = load_config(Entry::Author.root()).await {
                    config.set(Some(c));
                }
                stories.set(Some(load_stories(lang).await));
            });
        });
    }
    let loaded: Option<Vec<Rc<Story>>> = match &*stories {
        Some(Ok(list)) => Some(list.clone()),
        _ => None,
    };
    let aggregate_file = {
        let shown = shown.clone();
        let loaded = loaded.clone();
        move |text: &str, base: &str, range: Dates| {
            let Some(stories) = loaded.clone() else {
                shown.set(Shown {
                    problem: Some(Problem::NoStories),
                    ..Shown::default()
                });
                return;
            };
            let start = now_ms();
            let mut tally = Tally::new(stories, base, range);
            let problem = tally.page(text).err().map(|e| Problem::NotStatements(e.0));
            let report = tally.report();
            let took = now_ms() - start;
            shown.set(Shown {
                timing: Some((report.counts.read, took)),
                report: Some(Rc::new(report)),
                reading: false,
                problem,
            });
        }
    };
    let on_request = {
        let shown = shown.clone();
        let generation = generation.clone();
        let config = (*config).clone();
        let last_file = last_file.clone();
        let reader = reader.clone();
        let loaded = loaded.clone();
        let aggregate_file = Rc::new(aggregate_file);
        Callback::from(move |request: Request| {
            let range = dates(&request.from, &request.until);
            let mine = {
                let mut g = generation.borrow_mut();
                *g += 1;
                *g
            };
            match request.source {
                Source::Lrs {
                    endpoint,
                    user,
                    password,
                } => {
                    last_file.borrow_mut().take();
                    let mut endpoint = endpoint.trim().to_string();
                    if endpoint.is_empty() {
                        shown.set(Shown {
                            problem: Some(Problem::NoEndpoint),
                            ..(*shown).clone()
                        });
                        return;
                    }
                    if !endpoint.ends_with('/') {
                        endpoint.push('/');
                    }
                    let Some(stories) = loaded.clone() else {
                        shown.set(Shown {
                            problem: Some(Problem::NoStories),
                            ..Shown::default()
                        });
                        return;
                    };
                    let auth = if user.is_empty() && password.is_empty() {
                        config.as_ref().and_then(|c| c.auth.clone())
                    } else {
                        basic_auth(&user, &password)
                    };
                    shown.set(Shown {
                        reading: true,
                        ..(*shown).clone()
                    });
                    let (shown, generation) = (shown.clone(), generation.clone());
                    let show = move |next: Shown| {
                        let current = *generation.borrow() == mine;
                        if current {
                            shown.set(next);
                        }
                        current
                    };
                    wasm_bindgen_futures::spawn_local(read_lrs(
                        stories,
                        endpoint,
                        auth,
                        request.base,
                        range,
                        show,
                    ));
                }
                Source::File(file) => {
                    shown.set(Shown {
                        reading: true,
                        ..(*shown).clone()
                    });
                    let (aggregate, last_file, generation, shown) = (
                        aggregate_file.clone(),
                        last_file.clone(),
                        generation.clone(),
                        shown.clone(),
                    );
                    let base = request.base;
                    *reader.borrow_mut() =
                        Some(gloo::file::callbacks::read_as_text(&file, move |text| {
                            if *generation.borrow() != mine {
                                return;
                            }
                            match text {
                                Ok(text) => {
                                    let text = Rc::new(text);
                                    aggregate(&text, &base, range);
                                    *last_file.borrow_mut() = Some(text);
                                }
                                Err(e) => shown.set(Shown {
                                    problem: Some(Problem::NotStatements(e.to_string())),
                                    ..Shown::default()
                                }),
                            }
                        }));
                }
                Source::Dates => {
                    let kept = last_file.borrow().clone();
                    if let Some(text) = kept {
                        aggregate_file(&text, &request.base, range);
                    }
                }
            }
        })
    };
    let endpoint = config
        .as_ref()
        .map(|c| c.endpoint.clone())
        .unwrap_or_default();
    let base = config.as_ref().map_or_else(
        || xapi::DEFAULT_BASE.to_string(),
        |c| c.activity_base.clone(),
    );
    let report = shown.report.clone();
    let download = |name: &'static str, make: fn(&Summary, Lang) -> String| {
        let report = report.clone();
        Callback::from(move |_| {
            if let Some(r) = &report {
                crate::platform::download::download(name, "text/csv", &make(r, lang));
            }
        })
    };
    let on_replies = download("rapport-replies.csv", |r, lang| {
        csv::replies_csv(r, lang.code())
    });
    let on_learners = download("rapport-learners.csv", |r, _| csv::learners_csv(r));
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let status = match (&*stories, &shown.problem) {
        (Some(Err(p)), _) | (_, Some(p)) => html! {
            <div class="report-problem" role="alert">
                <p>{ p.message(lang) }</p>
                if shown.report.is_some() {
                    <p>{ Text::KeptSoFar.get(lang) }</p>
                }
            </div>
        },
        (None, _) => {
            html! { <p class="report-status" aria-live="polite">{ Msg::Loading.get(lang) }</p> }
        }
        _ if shown.reading => {
            html! { <p class="report-status" aria-live="polite">{ Text::Reading.get(lang) }</p> }
        }
        _ => html! {},
    };
    html! {
        <main id="main" class="report" aria-busy={shown.reading.to_string()}>
            <h1>{ Text::Title.get(lang) }</h1>
            <p class="intro no-print">{ Text::Intro.get(lang) }</p>
            <ReportSource lang={lang} endpoint={endpoint} base={base} busy={shown.reading || loaded.is_none()} on_request={on_request} />
            { status }
            if let Some(report) = &shown.report {
                { counts(report, shown.timing, lang) }
                <div class="report-actions no-print">
                    <button type="button" class="secondary" onclick={on_replies}>{ Text::RepliesCsv.get(lang) }</button>
                    <button type="button" class="secondary" onclick={on_learners}>{ Text::LearnersCsv.get(lang) }</button>
                    <button type="button" class="secondary" onclick={print}>{ Msg::Print.get(lang) }</button>
                </div>
                if report.stories.is_empty() {
                    <p class="report-empty">{ Text::Empty.get(lang) }</p>
                    if report.counts.used == 0 && report.counts.foreign > 0 {
                        <p class="report-empty">{ Text::AllForeign.get(lang) }</p>
                    }
                }
                { for report.stories.iter().map(|s| html! {
                    <StorySection key={s.story.id.to_string()} story={s.clone()} lang={lang} />
                }) }
            }
        </main>
    }
}

/// The note of what was read, used and skipped (and why).
fn counts(report: &Summary, timing: Option<(usize, f64)>, lang: Lang) -> Html {
    let c = report.counts;
    let mut why = Vec::new();
    for (n, label) in [
        (c.malformed, Text::Malformed),
        (c.foreign, Text::Foreign),
        (c.unknown, Text::Unknown),
    ] {
        if n > 0 {
            why.push(format!("{n} {}", label.get(lang)));
        }
    }
    let (statements, ms) = timing.map_or((String::new(), String::new()), |(n, ms)| {
        (n.to_string(), format!("{ms:.1}"))
    });
    html! {
        <p class="report-counts" data-read={c.read.to_string()} data-used={c.used.to_string()}
           data-skipped={c.skipped().to_string()} data-statements={statements} data-aggregate-ms={ms}>
            <span>{ format!("{} {}", c.read, Text::Read.get(lang)) }</span>
            <span>{ format!("{} {}", c.used, Text::Used.get(lang)) }</span>
            if c.skipped() > 0 {
                <span class="skipped">{ format!("{} {} ({})", c.skipped(), Text::Skipped.get(lang), why.join(", ")) }</span>
            }
            if c.outside > 0 {
                <span>{ format!("{} {}", c.outside, Text::Outside.get(lang)) }</span>
            }
        </p>
    }
}
