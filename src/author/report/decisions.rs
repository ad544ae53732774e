//! The replies the class picked at each decision, with each reply's rating: a table per
//! decision, the worst ones (the top hotspots) open.

use super::node_label;
use super::text::Text;
use crate::components::debrief::rating_label;
use crate::components::num;
use crate::engine::{NodeId, Story};
use crate::i18n::Lang;
use rapport_report::Decision;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Decisions`].
#[derive(Properties, PartialEq)]
pub struct DecisionsProps {
    /// The story.
    pub story: Rc<Story>,
    /// Its decisions that anyone reached, in story order.
    pub decisions: Vec<Decision>,
    /// Decisions shown open (where the class went wrong most).
    pub hotspots: Vec<NodeId>,
    /// Interface language.
    pub lang: Lang,
}

/// The decisions.
#[component]
pub fn Decisions(props: &DecisionsProps) -> Html {
    let (story, lang) = (&props.story, props.lang);
    let tr = story.localiser(lang.code());
    html! {
        <section class="decisions">
            <h3>{ Text::Decisions.get(lang) }</h3>
            { for props.decisions.iter().map(|d| {
                let node = story.node(&d.node);
                html! {
                    <details class="decision" data-node={d.node.to_string()} open={props.hotspots.contains(&d.node)}>
                        <summary>
                            <span class="said">{ node_label(story, &d.node, lang) }</span>
                            <span class="total">{ format!("{} {}", d.picks, Text::Picks.get(lang).to_lowercase()) }</span>
                        </summary>
                        <table>
                            <thead><tr>
                                <th scope="col">{ Text::Reply.get(lang) }</th>
                                <th scope="col"></th>
                                <th scope="col">{ Text::Picks.get(lang) }</th>
                            </tr></thead>
                            <tbody>
                                { for d.replies.iter().map(|r| {
                                    let text = node.and_then(|n| n.choice(&r.choice)).map(|c| tr.text(&c.text)).unwrap_or_default();
                                    let share = r.picks as f32 * 100.0 / d.picks.max(1) as f32;
                                    html! {
                                        <tr class={r.rating.as_str()} data-choice={r.choice.to_string()}>
                                            <td class="reply">{ text }</td>
                                            <td class="rating-cell"><span class={classes!("badge", r.rating.as_str())}>{ rating_label(r.rating, lang) }</span></td>
                                            <td class="picks">
                                                <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                                                    <rect class={r.rating.as_str()} width={num(share)} height="8" />
                                                </svg>
                                                <span class="n">{ r.picks }</span>
                                            </td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    </details>
                }
            }) }
        </section>
    }
}
