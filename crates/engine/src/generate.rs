//! Generated stories of any size, for scaling tests and benchmarks: a valid layered graph where
//! node *i* leads to *i + 1* and *i + 2*, trust moves in steps of 10, one rule ends the
//! conversation when trust runs out, and three endings close it.

use super::model::StoryFile;
use super::random::Rng;
use serde_json::{json, Value};

fn text(s: &str) -> Value {
    json!({ "en": s })
}

/// A generated story with `nodes` nodes (at least 4) as JSON text.
pub fn generate_json(nodes: usize, seed: u64) -> String {
    let nodes = nodes.max(4);
    let decisions = nodes - 3;
    let mut rng = Rng::new(seed);
    let mut list = Vec::with_capacity(nodes);
    for i in 0..decisions {
        let next = |k: usize| {
            if i + k < decisions {
                format!("n{}", i + k)
            } else {
                "end-ok".to_string()
            }
        };
        let delta = [-10, 0, 10][rng.below(3)];
        list.push(json!({
            "id": format!("n{i}"),
            "lines": [{ "text": text(&format!("Line {i}.")) }],
            "choices": [
                { "id": "a", "text": text("Reply A."), "next": next(1),
                  "effects": { "trust": delta },
                  "feedback": { "rating": "good", "principle": "listen", "text": text("Fine.") } },
                { "id": "b", "text": text("Reply B."), "next": next(2),
                  "effects": { "trust": -delta },
                  "feedback": { "rating": "weak", "principle": "listen", "text": text("Less so.") } }
            ]
        }));
    }
    for (id, outcome) in [
        ("end-ok", "success"),
        ("end-meh", "partial"),
        ("end-bad", "failure"),
    ] {
        list.push(json!({
            "id": id,
            "lines": [{ "text": text("The end.") }],
            "ending": { "outcome": outcome, "title": text(id), "debrief": text("Generated.") }
        }));
    }
    // Make `end-meh` reachable: the first node gets a third reply to it.
    if let Some(choices) = list[0]["choices"].as_array_mut() {
        choices.push(
            json!({ "id": "c", "text": text("Give up."), "next": "end-meh",
            "feedback": { "rating": "bad", "principle": "listen", "text": text("No.") } }),
        );
    }
    let story = json!({
        "format": 1,
        "locales": ["en"],
        "title": text(&format!("Generated, {nodes} nodes")),
        "summary": text("A generated story for scaling tests."),
        "minutes": 1,
        "difficulty": "introductory",
        "objectives": [{ "id": "listen", "title": text("Listen") }],
        "persona": { "name": "Gen", "address": "first_name", "addressed_as": text("Gen"),
                     "role": text("Tester"), "company": "Bench" },
        "emotions": [{ "id": "trust", "label": text("Trust"), "start": 50, "high_is": "good" }],
        "moods": [{ "id": "calm", "label": text("Calm"), "face": "calm" }],
        "rules": [{ "id": "lost", "when": { "below": { "trust": 10 } }, "goto": "end-bad" }],
        "start": "n0",
        "nodes": list
    });
    serde_json::to_string(&story).unwrap_or_default()
}

/// The same story, parsed.
pub fn generate(nodes: usize, seed: u64) -> Option<StoryFile> {
    serde_json::from_str(&generate_json(nodes, seed)).ok()
}
