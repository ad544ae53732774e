//! The story map: the graph drawn in SVG with a layered layout, endings coloured by outcome, and
//! a learner's path highlighted, or (in the class report) how many play-throughs went where.

use super::num;
use crate::engine::graph::layers;
use crate::engine::model::{Outcome, StoryFile};
use crate::engine::NodeId;
use crate::i18n::{Lang, Msg};
use std::collections::{HashMap, HashSet};
use yew::prelude::*;

const DX: f32 = 58.0;
const DY: f32 = 34.0;
const PAD: f32 = 18.0;

/// How many play-throughs of a class reached each node and went along each edge.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Visits<'a> {
    /// Play-throughs that reached a node, by node id.
    pub nodes: HashMap<&'a str, usize>,
    /// Play-throughs that went from one node to another.
    pub edges: HashMap<(&'a str, &'a str), usize>,
    /// Play-throughs in all (the start's count).
    pub total: usize,
}

/// What an editor adds to the map: the node being edited, the nodes no play can reach, and what
/// a click (or Enter) on a node does.
pub struct Picking {
    /// The selected node, by position in `nodes`.
    pub selected: Option<usize>,
    /// Per node, whether any play can reach it (`validate::reachable`).
    pub reachable: Vec<bool>,
    /// Called with the position of the node picked.
    pub on_pick: Callback<usize>,
    /// The legend's word for an unreachable node (the editor's string: none of the editor's
    /// strings are in the learner's app).
    pub unreachable_label: &'static str,
}

/// Draws the map of `file`; `path` lists the nodes a learner went through, in order; `visits`
/// (the class report) labels nodes and edges with counts and draws edges as thick as their share.
pub fn story_map(file: &StoryFile, path: &[NodeId], visits: Option<&Visits>, lang: Lang) -> Html {
    map(file, path, visits, None, lang)
}

/// The map an editor works on: nodes are buttons, the selected one and unreachable ones marked.
pub fn story_map_picking(file: &StoryFile, picking: &Picking, lang: Lang) -> Html {
    map(file, &[], None, Some(picking), lang)
}

fn map(
    file: &StoryFile,
    path: &[NodeId],
    visits: Option<&Visits>,
    picking: Option<&Picking>,
    lang: Lang,
) -> Html {
    let placed = layers(file);
    let pos: HashMap<usize, (f32, f32)> = placed
        .iter()
        .map(|p| {
            (
                p.node,
                (PAD + p.layer as f32 * DX, PAD + p.slot as f32 * DY),
            )
        })
        .collect();
    let index = file.node_index();
    let width = placed.iter().map(|p| p.layer).max().unwrap_or(0) as f32 * DX + 2.0 * PAD;
    let height = placed.iter().map(|p| p.slot).max().unwrap_or(0) as f32 * DY + 2.0 * PAD;
    let visited: HashSet<&str> = path.iter().map(NodeId::as_str).collect();
    let walked: HashSet<(&str, &str)> = path
        .windows(2)
        .map(|w| (w[0].as_str(), w[1].as_str()))
        .collect();
    let mut edges = Vec::new();
    for (i, n) in file.nodes.iter().enumerate() {
        let mut seen = HashSet::new();
        for c in &n.choices {
            let Some(&j) = index.get(c.next.as_str()) else {
                continue;
            };
            if !seen.insert(j) {
                continue;
            }
            let (Some(&(x1, y1)), Some(&(x2, y2))) = (pos.get(&i), pos.get(&j)) else {
                continue;
            };
            let count = visits.map(|v| {
                let k = v
                    .edges
                    .get(&(n.id.as_str(), c.next.as_str()))
                    .copied()
                    .unwrap_or(0);
                (k, k as f32 / v.total.max(1) as f32)
            });
            let on_path = walked.contains(&(n.id.as_str(), c.next.as_str()))
                || count.is_some_and(|(k, _)| k > 0);
            let mid = (x1 + x2) / 2.0;
            edges.push((
                on_path,
                count,
                (mid, (y1 + y2) / 2.0),
                format!(
                    "M{} {} C{} {} {} {} {} {}",
                    num(x1),
                    num(y1),
                    num(mid),
                    num(y1),
                    num(mid),
                    num(y2),
                    num(x2),
                    num(y2)
                ),
            ));
        }
    }
    // Draw the highlighted edges last so they sit on top.
    edges.sort_by_key(|(on, ..)| *on);
    let label = format!(
        "{}: {} · {}",
        Msg::StoryMap.get(lang),
        file.nodes.len(),
        file.title.get(lang.code(), "")
    );
    html! {
        <div class="story-map">
            // Picking, the nodes are buttons: an image's children would not be reachable.
            <svg viewBox={format!("0 0 {} {}", num(width), num(height))} width={num(width)} height={num(height)}
                 role={if picking.is_some() { "group" } else { "img" }} aria-label={label}>
                { for edges.into_iter().map(|(on, count, (mx, my), d)| {
                    // A class's busy edges are drawn thicker: classes `w0` to `w5` by share (the
                    // stylesheet sets the widths; a style attribute would break the CSP).
                    let width = count.map(|(_, share)| format!("w{}", (share * 5.0).round() as u8));
                    html! {
                        <g>
                            <path class={classes!("edge", on.then_some("walked"), width)} d={d} />
                            if let Some((k, _)) = count.filter(|(k, _)| *k > 0) {
                                <text class="edge-count" x={num(mx)} y={num(my - 3.0)} text-anchor="middle">{ k }</text>
                            }
                        </g>
                    }
                }) }
                { for placed.iter().filter_map(|p| {
                    let node_at = p.node;
                    let node = &file.nodes[p.node];
                    let &(x, y) = pos.get(&p.node)?;
                    let kind = match node.ending.as_deref().map(|e| e.outcome) {
                        Some(Outcome::Success) => "success",
                        Some(Outcome::Partial) => "partial",
                        Some(Outcome::Failure) => "failure",
                        None => "step",
                    };
                    let count = visits.map(|v| v.nodes.get(node.id.as_str()).copied().unwrap_or(0));
                    let here = visited.contains(node.id.as_str()) || count.is_some_and(|k| k > 0);
                    let is_start = node.id == file.start;
                    let selected = picking.is_some_and(|p| p.selected == Some(node_at));
                    let lost = picking.is_some_and(|p| !p.reachable.get(node_at).copied().unwrap_or(true));
                    let (role, tabindex, name, onclick, onkeydown) = match picking {
                        Some(p) => {
                            let pick = p.on_pick.clone();
                            let on_key = p.on_pick.clone();
                            (
                                Some("button"),
                                Some("0"),
                                Some(node.id.to_string()),
                                Some(Callback::from(move |_: MouseEvent| pick.emit(node_at))),
                                Some(Callback::from(move |e: KeyboardEvent| {
                                    if e.key() == "Enter" || e.key() == " " {
                                        e.prevent_default();
                                        on_key.emit(node_at);
                                    }
                                })),
                            )
                        }
                        None => (None, None, None, None, None),
                    };
                    let class = classes!("map-node", kind, here.then_some("visited"), is_start.then_some("start"),
                                         selected.then_some("selected"), lost.then_some("unreachable"));
                    Some(html! {
                        <g {class} {role} {tabindex} aria-label={name} aria-pressed={picking.map(|_| selected.to_string())} {onclick} {onkeydown}>
                            if node.ending.is_some() {
                                <rect x={num(x - 8.0)} y={num(y - 8.0)} width="16" height="16" rx="3" />
                            } else {
                                <circle cx={num(x)} cy={num(y)} r="7" />
                            }
                            <title>{ match count {
                                Some(k) => format!("{}: {k}", node.id),
                                None => node.id.to_string(),
                            } }</title>
                            if let Some(k) = count.filter(|k| *k > 0) {
                                <text class="node-count" data-node={node.id.to_string()} x={num(x)} y={num(y + 19.0)} text-anchor="middle">{ k }</text>
                            }
                        </g>
                    })
                }) }
            </svg>
            <ul class="map-legend" aria-hidden="true">
                <li class="key-step">{ Msg::MapStep.get(lang) }</li>
                <li class="key-success">{ Msg::Success.get(lang) }</li>
                <li class="key-partial">{ Msg::Partial.get(lang) }</li>
                <li class="key-failure">{ Msg::Failure.get(lang) }</li>
                if !path.is_empty() {
                    <li class="key-visited">{ Msg::YourPath.get(lang) }</li>
                }
                if let Some(p) = picking.filter(|p| p.reachable.contains(&false)) {
                    <li class="key-unreachable">{ p.unreachable_label }</li>
                }
            </ul>
        </div>
    }
}
