//! The client's emotions per turn across the class: for each emotion, the middle half of the
//! class as a band, its median as a line, and the authored best path dashed beside it, on the
//! debrief chart's scales.

use super::text::Text;
use crate::components::chart::{grid, x_at, y_at, BOTTOM, H, W};
use crate::components::num;
use crate::engine::{EmotionId, Story};
use crate::i18n::{Lang, Msg};
use rapport_report::summary::Turn;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`EmotionBands`].
#[derive(Properties, PartialEq)]
pub struct EmotionBandsProps {
    /// The story.
    pub story: Rc<Story>,
    /// The class's emotions per turn (0: the start).
    pub turns: Vec<Turn>,
    /// The best path's emotions per turn.
    pub best: Vec<Vec<(EmotionId, i32)>>,
    /// Interface language.
    pub lang: Lang,
}

/// One small chart per emotion.
#[component]
pub fn EmotionBands(props: &EmotionBandsProps) -> Html {
    let (story, lang) = (&props.story, props.lang);
    let tr = story.localiser(lang.code());
    let n = props.turns.len().max(props.best.len()).max(2) - 1;
    // Every turn labelled up to 12; beyond that, every k-th, so labels never overlap.
    let every = n.div_ceil(12).max(1);
    html! {
        <section class="emotion-bands">
            <h3>{ Text::Emotions.get(lang) }</h3>
            <ul class="legend">
                <li class="class-line"><svg viewBox="0 0 30 8" aria-hidden="true"><rect x="0" y="1" width="30" height="6" /><line x1="0" y1="4" x2="30" y2="4" /></svg>{ Text::ClassLine.get(lang) }</li>
                <li class="best-line"><svg viewBox="0 0 30 8" aria-hidden="true"><line x1="0" y1="4" x2="30" y2="4" stroke-dasharray="5 3" /></svg>{ Text::BestLine.get(lang) }</li>
            </ul>
            <div class="bands">
                { for story.file.emotions.iter().map(|e| {
                    let band: Vec<(usize, f64, f64, f64)> = props.turns.iter().enumerate()
                        .filter_map(|(i, t)| t.bands.iter().find(|(id, _)| *id == e.id).map(|(_, b)| (i, b.low, b.median, b.high)))
                        .collect();
                    let pt = |i: usize, v: f64| format!("{},{}", num(x_at(i, n)), num(y_at(e, v as f32)));
                    let area: Vec<String> = band.iter().map(|&(i, lo, _, _)| pt(i, lo))
                        .chain(band.iter().rev().map(|&(i, _, _, hi)| pt(i, hi)))
                        .collect();
                    let median: Vec<String> = band.iter().map(|&(i, _, m, _)| pt(i, m)).collect();
                    let best: Vec<String> = props.best.iter().enumerate()
                        .filter_map(|(i, vals)| vals.iter().find(|(id, _)| *id == e.id).map(|(_, v)| pt(i, f64::from(*v))))
                        .collect();
                    let label = tr.text(&e.label).to_string();
                    let good = if e.high_is == crate::engine::model::Polarity::Good { "high-good" } else { "high-bad" };
                    html! {
                        <figure class={classes!("band-chart", good)} data-emotion={e.id.to_string()}>
                            <figcaption>{ label.clone() }</figcaption>
                            <svg viewBox={format!("0 0 {} {}", num(W), num(H))} role="img" aria-label={format!("{label}: {}", Text::Emotions.get(lang))}>
                                { grid() }
                                <polygon class="band" points={area.join(" ")} />
                                <polyline class="median" points={median.join(" ")} />
                                <polyline class="best" points={best.join(" ")} stroke-dasharray="8 5" />
                                { for (0..=n).filter(|i| i % every == 0).map(|i| {
                                    let text = if i == 0 { Msg::ChartStart.get(lang).to_string() } else { i.to_string() };
                                    html! { <text class="tick" x={num(x_at(i, n))} y={num(H - BOTTOM + 20.0)} text-anchor="middle">{ text }</text> }
                                }) }
                            </svg>
                        </figure>
                    }
                }) }
            </div>
        </section>
    }
}
