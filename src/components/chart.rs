//! The emotion timeline: one line per emotion across the turns; each turn can be hovered or
//! focused to show the reply that caused the change and its feedback.

use super::num;
use crate::engine::{Session, Story};
use crate::i18n::{Lang, Msg};
use std::rc::Rc;
use yew::prelude::*;

/// The plot's size (SVG units) and margins; the class report's emotion bands share them.
pub const W: f32 = 640.0;
/// Height.
pub const H: f32 = 220.0;
const LEFT: f32 = 36.0;
const RIGHT: f32 = 16.0;
const TOP: f32 = 14.0;
/// Room under the plot for the turn labels.
pub const BOTTOM: f32 = 30.0;
/// Dash patterns so lines differ in greyscale too.
pub const DASHES: [&str; 5] = ["", "7 4", "2 4", "10 3 2 3", "4 2"];

/// Where turn `i` of `n` (the last index) sits across the plot.
pub fn x_at(i: usize, n: usize) -> f32 {
    LEFT + (W - LEFT - RIGHT) * i as f32 / n.max(1) as f32
}

/// Where value `v` of emotion `e` sits up the plot (its whole range fills the height).
pub fn y_at(e: &crate::engine::model::EmotionDef, v: f32) -> f32 {
    TOP + (H - TOP - BOTTOM) * (1.0 - e.share(v))
}

/// The legend: each emotion's name beside its line's dash pattern.
pub fn legend(story: &Story, lang: Lang) -> Html {
    let tr = story.localiser(lang.code());
    html! {
        <ul class="legend">
            { for story.file.emotions.iter().enumerate().map(|(k, e)| html! {
                <li class={format!("series-{}", k % DASHES.len())}>
                    <svg viewBox="0 0 30 8" aria-hidden="true"><line x1="0" y1="4" x2="30" y2="4" stroke-dasharray={DASHES[k % DASHES.len()]} /></svg>
                    { tr.text(&e.label) }
                </li>
            }) }
        </ul>
    }
}

/// The grid lines at the bottom, middle and top of every emotion's range.
pub fn grid() -> Html {
    html! {
        { for [0.0f32, 0.5, 1.0].iter().map(|f| {
            let gy = TOP + (H - TOP - BOTTOM) * f;
            html! { <line class="grid" x1={num(LEFT)} x2={num(W - RIGHT)} y1={num(gy)} y2={num(gy)} /> }
        }) }
    }
}

/// Props of [`EmotionChart`].
#[derive(Properties, PartialEq)]
pub struct EmotionChartProps {
    /// The story.
    pub story: Rc<Story>,
    /// The finished (or ongoing) session.
    pub session: Session,
    /// Interface language.
    pub lang: Lang,
}

/// The chart.
#[component]
pub fn EmotionChart(props: &EmotionChartProps) -> Html {
    let selected = use_state(|| None::<usize>);
    let story = &props.story;
    let lang = props.lang;
    let tr = story.localiser(lang.code());
    let moments = props.session.walk(story);
    let n = moments.len().max(2) - 1;
    let x = |i: usize| x_at(i, n);
    let emotions = &story.file.emotions;
    let y = |e: &crate::engine::model::EmotionDef, v: i32| y_at(e, v as f32);
    let detail = selected.and_then(|turn| {
        // Point `turn` shows the values after the `turn`th reply.
        let choice = moments.get(turn.checked_sub(1)?)?.reply?.choice;
        Some(html! {
            <div class="chart-detail">
                <p><strong>{ format!("{} {turn} · {}: ", Msg::Turn.get(lang), Msg::YouSaid.get(lang)) }</strong>
                   <q>{ tr.text(&choice.text) }</q></p>
                <p>{ tr.text(&choice.feedback.text) }</p>
            </div>
        })
    });
    html! {
        <figure class="chart">
            <figcaption>{ Msg::Timeline.get(lang) }</figcaption>
            { legend(story, lang) }
            <svg class="chart-svg" viewBox={format!("0 0 {} {}", num(W), num(H))} role="group" aria-label={Msg::Timeline.get(lang)}>
                { grid() }
                { for emotions.iter().enumerate().map(|(k, e)| {
                    let points: Vec<String> = moments.iter().enumerate()
                        .map(|(i, m)| format!("{},{}", num(x(i)), num(y(e, e.value_in(&m.state.emotions)))))
                        .collect();
                    html! {
                        <g class={format!("series series-{}", k % DASHES.len())}>
                            <polyline points={points.join(" ")} stroke-dasharray={DASHES[k % DASHES.len()]} />
                            { for moments.iter().enumerate().map(|(i, m)| {
                                let v = e.value_in(&m.state.emotions);
                                html! { <circle class="point" data-emotion={e.id.to_string()} data-turn={i.to_string()}
                                    cx={num(x(i))} cy={num(y(e, v))} r="4" /> }
                            }) }
                        </g>
                    }
                }) }
                { for moments.iter().enumerate().map(|(i, m)| {
                    let label = if i == 0 { Msg::ChartStart.get(lang).to_string() } else { i.to_string() };
                    let values: Vec<String> = emotions.iter()
                        .map(|e| format!("{} {}", tr.text(&e.label), e.value_in(&m.state.emotions)))
                        .collect();
                    let aria = format!("{} {label}: {}", Msg::Turn.get(lang), values.join(", "));
                    let set = { let selected = selected.clone(); move || selected.set(Some(i)) };
                    let (a, b, c) = (set.clone(), set.clone(), set);
                    let x0 = x(i) - 12.0;
                    html! {
                        <g class={classes!("hit", (*selected == Some(i)).then_some("selected"))}>
                            <text class="tick" x={num(x(i))} y={num(H - 10.0)} text-anchor="middle">{ label }</text>
                            <rect x={num(x0)} y="0" width="24" height={num(H - BOTTOM + 4.0)}
                                tabindex="0" role="button" aria-label={aria}
                                onfocus={Callback::from(move |_| a())} onmouseenter={Callback::from(move |_| b())}
                                onclick={Callback::from(move |_| c())} />
                        </g>
                    }
                }) }
            </svg>
            <div class="chart-details" aria-live="polite">
                { detail.unwrap_or_else(|| html! { <p class="hint">{ Msg::ChartHint.get(lang) }</p> }) }
            </div>
        </figure>
    }
}
