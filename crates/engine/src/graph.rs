//! The story graph as Graphviz DOT or Mermaid, and a layered layout for drawing it.

use super::model::{Outcome, StoryFile};
use std::collections::{HashMap, VecDeque};
use std::fmt::Write;

fn outcome_colour(o: Outcome) -> &'static str {
    match o {
        Outcome::Success => "#177245",
        Outcome::Partial => "#8a5a00",
        Outcome::Failure => "#b3261e",
    }
}

/// Graphviz DOT: nodes labelled by id, endings filled by outcome, edges labelled by choice id,
/// rule redirects dashed.
pub fn to_dot(file: &StoryFile, locale: &str) -> String {
    let mut out = String::from("digraph story {\n  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"sans-serif\"];\n");
    let fb = file.locales.first().map_or("en", String::as_str);
    let _ = writeln!(out, "  label={:?};", file.title.get(locale, fb));
    for n in &file.nodes {
        match &n.ending {
            Some(e) => {
                let _ = writeln!(
                    out,
                    "  {:?} [shape=doubleoctagon, style=filled, fontcolor=white, fillcolor={:?}, label={:?}];",
                    n.id.as_str(),
                    outcome_colour(e.outcome),
                    format!("{}\n{:?}", n.id, e.outcome)
                );
            }
            None => {
                let _ = writeln!(out, "  {:?};", n.id.as_str());
            }
        }
    }
    for n in &file.nodes {
        for c in &n.choices {
            let _ = writeln!(
                out,
                "  {:?} -> {:?} [label={:?}];",
                n.id.as_str(),
                c.next.as_str(),
                c.id.as_str()
            );
        }
    }
    for r in &file.rules {
        let _ = writeln!(
            out,
            "  {:?} [shape=note];\n  {:?} -> {:?} [style=dashed];",
            format!("rule: {}", r.id),
            format!("rule: {}", r.id),
            r.goto.as_str()
        );
    }
    out.push_str("}\n");
    out
}

/// Mermaid flowchart with the same content as [`to_dot`].
pub fn to_mermaid(file: &StoryFile) -> String {
    let ids: HashMap<&str, String> = file
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), format!("n{i}")))
        .collect();
    let key = |id: &str| ids.get(id).cloned().unwrap_or_else(|| "missing".into());
    let mut out = String::from("flowchart TD\n");
    for n in &file.nodes {
        let k = key(n.id.as_str());
        match &n.ending {
            Some(e) => {
                let _ = writeln!(
                    out,
                    "  {k}([\"{} ({:?})\"]):::{:?}",
                    n.id, e.outcome, e.outcome
                );
            }
            None => {
                let _ = writeln!(out, "  {k}[\"{}\"]", n.id);
            }
        }
    }
    for n in &file.nodes {
        for c in &n.choices {
            let _ = writeln!(
                out,
                "  {} -->|{}| {}",
                key(n.id.as_str()),
                c.id,
                key(c.next.as_str())
            );
        }
    }
    for (i, r) in file.rules.iter().enumerate() {
        let _ = writeln!(
            out,
            "  r{i}{{{{\"rule: {}\"}}}} -.-> {}",
            r.id,
            key(r.goto.as_str())
        );
    }
    for o in [Outcome::Success, Outcome::Partial, Outcome::Failure] {
        let _ = writeln!(
            out,
            "  classDef {o:?} fill:{},color:#fff",
            outcome_colour(o)
        );
    }
    out
}

/// Position of one node in a layered drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Index into `nodes`.
    pub node: usize,
    /// Layer (distance in decisions from the start).
    pub layer: usize,
    /// Position within the layer.
    pub slot: usize,
}

/// Layered layout: layer = shortest distance from the start through replies; nodes reached only by
/// a threshold rule (which can fire anywhere), or not at all, go in a last layer;
/// order within a layer by the average slot of the parents, to cut crossings.
pub fn layers(file: &StoryFile) -> Vec<Placed> {
    let index = file.node_index();
    let mut layer = vec![usize::MAX; file.nodes.len()];
    let mut q = VecDeque::new();
    if let Some(&s) = index.get(file.start.as_str()) {
        layer[s] = 0;
        q.push_back(s);
    }
    while let Some(i) = q.pop_front() {
        for c in &file.nodes[i].choices {
            if let Some(&j) = index.get(c.next.as_str()) {
                if layer[j] == usize::MAX {
                    layer[j] = layer[i] + 1;
                    q.push_back(j);
                }
            }
        }
    }
    let deepest = layer
        .iter()
        .filter(|&&l| l != usize::MAX)
        .max()
        .copied()
        .unwrap_or(0);
    for l in layer.iter_mut() {
        if *l == usize::MAX {
            *l = deepest + 1;
        }
    }
    let mut parents: Vec<Vec<usize>> = vec![Vec::new(); file.nodes.len()];
    for (p, n) in file.nodes.iter().enumerate() {
        for c in &n.choices {
            if let Some(&j) = index.get(c.next.as_str()) {
                parents[j].push(p);
            }
        }
    }
    let mut by_layer: Vec<Vec<usize>> = Vec::new();
    for (i, &l) in layer.iter().enumerate() {
        if by_layer.len() <= l {
            by_layer.resize(l + 1, Vec::new());
        }
        by_layer[l].push(i);
    }
    let mut slot = vec![0f32; file.nodes.len()];
    let mut placed = Vec::new();
    for (l, ids) in by_layer.into_iter().enumerate() {
        let mut members: Vec<(f32, usize)> = ids
            .into_iter()
            .map(|i| {
                let above: Vec<f32> = parents[i]
                    .iter()
                    .filter(|&&p| layer[p] < l)
                    .map(|&p| slot[p])
                    .collect();
                let key = if above.is_empty() {
                    i as f32
                } else {
                    above.iter().sum::<f32>() / above.len() as f32
                };
                (key, i)
            })
            .collect();
        members.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (s, (_, i)) in members.into_iter().enumerate() {
            slot[i] = s as f32;
            placed.push(Placed {
                node: i,
                layer: l,
                slot: s,
            });
        }
    }
    placed
}
