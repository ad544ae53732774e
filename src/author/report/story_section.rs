//! One story in the class report: the figures, the outcome split, where the class went wrong
//! (harmful picks, ranked) and where it gave up, the scores per objective, the emotions, the
//! replies at each decision, and the story map with the class's visit counts.

use super::decisions::Decisions;
use super::emotion_bands::EmotionBands;
use super::node_label;
use super::text::Text;
use crate::components::num;
use crate::components::story_map::{story_map, Visits};
use crate::engine::model::Outcome;
use crate::i18n::{Lang, Msg};
use rapport_report::time::ms_date;
use rapport_report::StoryReport;
use yew::prelude::*;

/// Props of [`StorySection`].
#[derive(Properties, PartialEq)]
pub struct StorySectionProps {
    /// The story's report.
    pub story: StoryReport,
    /// Interface language.
    pub lang: Lang,
}

fn outcome_label(o: Outcome, lang: Lang) -> &'static str {
    match o {
        Outcome::Success => Msg::Success.get(lang),
        Outcome::Partial => Msg::Partial.get(lang),
        Outcome::Failure => Msg::Failure.get(lang),
    }
}

/// How many of how many, and the share, as a trainer reads it: `3 of 8 (38%)`.
fn share(part: usize, whole: usize, lang: Lang) -> String {
    let percent = (part * 100 + whole / 2) / whole.max(1);
    format!("{part} {} {whole} ({percent}%)", Text::Of.get(lang))
}

/// The outcome split as one bar (widths by share) with its numbers.
fn outcomes(r: &StoryReport, lang: Lang) -> Html {
    let total = r.completions.max(1) as f32;
    let mut x = 0.0;
    html! {
        <div class="report-outcomes">
            <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                { for r.outcomes.iter().map(|(o, n)| {
                    let w = *n as f32 * 100.0 / total;
                    let rect = html! { <rect class={o.as_str()} x={num(x)} y="0" width={num(w)} height="6" /> };
                    x += w;
                    rect
                }) }
            </svg>
            <ul>
                { for r.outcomes.iter().map(|(o, n)| html! {
                    <li class={o.as_str()} data-outcome={o.as_str()} data-count={n.to_string()}>
                        <strong>{ n }</strong>{ " " }{ outcome_label(*o, lang) }
                    </li>
                }) }
            </ul>
        </div>
    }
}

/// The story's section.
#[component]
pub fn StorySection(props: &StorySectionProps) -> Html {
    let (r, lang) = (&props.story, props.lang);
    let story = &r.story;
    let tr = story.localiser(lang.code());
    let figure = |n: usize, label: Text, key: &'static str| {
        html! { <div data-figure={key}><dt>{ label.get(lang) }</dt><dd>{ n }</dd></div> }
    };
    let reply_text = |node: &crate::engine::NodeId, choice: &crate::engine::ChoiceId| {
        story
            .node(node)
            .and_then(|n| n.choice(choice))
            .map(|c| tr.text(&c.text).to_string())
            .unwrap_or_else(|| choice.to_string())
    };
    let visits = Visits {
        nodes: r.visits.iter().map(|(k, v)| (k.as_str(), *v)).collect(),
        edges: r
            .edges
            .iter()
            .map(|((a, b), v)| ((a.as_str(), b.as_str()), *v))
            .collect(),
        total: r.plays,
    };
    html! {
        <section class="report-story" data-story={story.id.to_string()}>
            <h2>{ tr.text(&story.file.title) }</h2>
            if let Some((first, last)) = r.span {
                <p class="span">{ format!("{} {} {} {}", Text::Between.get(lang), ms_date(first), Text::To.get(lang), ms_date(last)) }</p>
            }
            <div class="report-head">
                <dl class="figures">
                    { figure(r.learners, Text::Learners, "learners") }
                    { figure(r.plays, Text::PlayThroughs, "plays") }
                    { figure(r.completions, Text::Completions, "completions") }
                </dl>
                { outcomes(r, lang) }
            </div>
            <div class="report-columns">
                <section class="hotspots">
                    <h3>{ Text::WentWrong.get(lang) }</h3>
                    if r.hotspots.is_empty() {
                        <p>{ Text::NoHarm.get(lang) }</p>
                    } else {
                        <ol>
                            { for r.hotspots.iter().take(5).map(|h| html! {
                                <li data-node={h.node.to_string()} data-harmful={h.harmful.to_string()} data-picks={h.picks.to_string()}>
                                    <p class="said">{ node_label(story, &h.node, lang) }</p>
                                    <p><strong class="harm">{ share(h.harmful, h.picks, lang) }</strong>{ " " }{ Text::PickedHarmful.get(lang) }</p>
                                    <p class="worst">{ format!("{}: ", Text::MostOften.get(lang)) }<q>{ reply_text(&h.node, &h.worst) }</q></p>
                                </li>
                            }) }
                        </ol>
                    }
                </section>
                <section class="stopped">
                    <h3>{ Text::Stopped.get(lang) }</h3>
                    if r.stopped.is_empty() {
                        <p>{ Text::NoneStopped.get(lang) }</p>
                    } else {
                        <ol>
                            { for r.stopped.iter().take(5).map(|(node, n)| html! {
                                <li data-node={node.to_string()} data-count={n.to_string()}>
                                    <p class="said">{ node_label(story, node, lang) }</p>
                                    <p><strong>{ share(*n, r.plays, lang) }</strong></p>
                                </li>
                            }) }
                        </ol>
                    }
                </section>
            </div>
            <section class="objectives">
                <h3>{ Text::Objectives.get(lang) }</h3>
                <table>
                    <thead><tr>
                        <th scope="col"></th>
                        <th scope="col">{ Text::Median.get(lang) }</th>
                        <th scope="col">{ Text::MiddleHalf.get(lang) }</th>
                        <th scope="col">{ Text::Scored.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for r.objectives.iter().map(|o| {
                            let title = story.objective(&o.objective).map_or_else(|| o.objective.to_string(), |d| tr.text(&d.title).to_string());
                            let pct = |v: f64| format!("{}%", v.round());
                            html! {
                                <tr data-objective={o.objective.to_string()}>
                                    <th scope="row">{ title }</th>
                                    <td>{ o.band.map(|b| pct(b.median)).unwrap_or_else(|| "—".into()) }</td>
                                    <td>
                                        if let Some(b) = o.band {
                                            <svg class="range" viewBox="0 0 100 8" aria-hidden="true">
                                                <line class="track" x1="0" x2="100" y1="4" y2="4" />
                                                <rect x={num(b.low as f32)} y="1" width={num((b.high - b.low).max(1.0) as f32)} height="6" />
                                                <line class="median" x1={num(b.median as f32)} x2={num(b.median as f32)} y1="0" y2="8" />
                                            </svg>
                                            { format!("{}–{}", pct(b.low), pct(b.high)) }
                                        }
                                    </td>
                                    <td>{ o.scored }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </section>
            <EmotionBands story={story.clone()} turns={r.turns.clone()} best={r.best.clone()} lang={lang} />
            <Decisions story={story.clone()} decisions={r.decisions.clone()} hotspots={r.hotspots.iter().take(3).map(|h| h.node.clone()).collect::<Vec<_>>()} lang={lang} />
            <section class="report-map">
                <h3>{ Text::Map.get(lang) }</h3>
                { story_map(&story.file, &[], Some(&visits), lang) }
            </section>
        </section>
    }
}
