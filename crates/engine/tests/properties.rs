//! Property tests: whatever bytes or graph the loader is given it never panics, and a session
//! saved and restored continues exactly as the original would.

use proptest::prelude::*;
use rapport_engine::{check, load, ChoiceId, Session, StoryId};
use serde_json::{json, Value};

fn mini() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/mini.json"
        ))
        .expect("fixture"),
    )
    .expect("json")
}

/// A random well-formed story graph: `n` nodes, each with 1–3 replies to random nodes (loops
/// included), random effects, conditions and flags, and one or two endings.
fn graph() -> impl Strategy<Value = Value> {
    (2usize..14, proptest::collection::vec((0usize..20, -40i32..40, any::<bool>(), any::<bool>()), 1..60))
        .prop_map(|(n, picks)| {
            let t = |s: &str| json!({ "en": s });
            let mut nodes = Vec::new();
            let mut k = 0;
            for i in 0..n {
                if i + 2 >= n && i > 0 {
                    let outcome = ["success", "partial", "failure"][i % 3];
                    nodes.push(json!({ "id": format!("n{i}"), "lines": [{ "text": t("bye") }],
                        "ending": { "outcome": outcome, "title": t("end"), "debrief": t("d") } }));
                    continue;
                }
                let mut choices = Vec::new();
                for c in 0..(1 + i % 3) {
                    let (target, delta, cond, flag) = picks[k % picks.len()];
                    k += 1;
                    let rating = ["best", "good", "weak", "bad"][c % 4];
                    let mut choice = json!({
                        "id": format!("c{c}"), "text": t("reply"), "next": format!("n{}", target % n),
                        "effects": { "trust": delta },
                        "feedback": { "rating": rating, "principle": "p", "text": t("f") }
                    });
                    if cond {
                        choice["when"] = json!({ "at_least": { "trust": delta.abs() } });
                    }
                    if flag {
                        choice["set"] = json!(["f"]);
                    }
                    choices.push(choice);
                }
                nodes.push(json!({ "id": format!("n{i}"), "lines": [{ "text": t("hi"), "when": { "flags": ["f"] } }], "choices": choices }));
            }
            json!({
                "format": 1, "locales": ["en"], "title": t("g"), "summary": t("g"), "minutes": 1,
                "difficulty": "introductory", "objectives": [{ "id": "p", "title": t("p") }],
                "persona": { "name": "X", "address": "formal", "addressed_as": t("X"), "role": t("r"), "company": "C" },
                "emotions": [{ "id": "trust", "label": t("T"), "start": 50, "high_is": "good" }],
                "moods": [{ "id": "m", "label": t("m"), "face": "calm" }],
                "flags": ["f"],
                "rules": [{ "id": "r", "when": { "below": { "trust": 5 } }, "goto": format!("n{}", n - 1) }],
                "start": "n0",
                "nodes": nodes
            })
        })
}

/// Replaces the value at a random place of a JSON document with something of another type.
fn mutate(v: &mut Value, path: &[usize], replacement: &Value) {
    let Some((&first, rest)) = path.split_first() else {
        *v = replacement.clone();
        return;
    };
    match v {
        Value::Object(map) if !map.is_empty() => {
            let key = map
                .keys()
                .nth(first % map.len())
                .cloned()
                .unwrap_or_default();
            if let Some(child) = map.get_mut(&key) {
                mutate(child, rest, replacement);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let len = items.len();
            mutate(&mut items[first % len], rest, replacement);
        }
        other => *other = replacement.clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let (story, report) = load(StoryId::new("fuzz"), &bytes);
        prop_assert!(story.is_some() || !report.errors.is_empty());
    }

    #[test]
    fn mutated_stories_never_panic_and_always_say_where(
        path in proptest::collection::vec(0usize..64, 1..7),
        pick in 0usize..6,
    ) {
        let replacements = [json!(null), json!(-1), json!("x"), json!([]), json!({}), json!(true)];
        let mut v = mini();
        mutate(&mut v, &path, &replacements[pick]);
        let bytes = serde_json::to_vec(&v).expect("serialises");
        let (_, report) = check(&bytes);
        for d in &report.errors {
            prop_assert!(d.pointer.is_some() || d.line.is_some(), "{d:?} has no location");
        }
    }

    #[test]
    fn random_graphs_load_play_and_restore_identically(story in graph(), picks in proptest::collection::vec(0usize..4, 0..30)) {
        let bytes = serde_json::to_vec(&story).expect("serialises");
        let (story, report) = load(StoryId::new("g"), &bytes);
        prop_assert!(report.errors.is_empty(), "{:?}", report.errors);
        let Some(story) = story else { return Ok(()) };
        let mut session = Session::new(&story);
        let mut saved = None;
        for (i, p) in picks.iter().enumerate() {
            let Ok(step) = session.step(&story) else { break };
            let open: Vec<ChoiceId> = step.offers.iter().filter(|o| o.available).map(|o| o.choice.id.clone()).collect();
            if open.is_empty() { break; }
            session.choose(&story, &open[p % open.len()]).expect("available choices are accepted");
            if i == picks.len() / 2 {
                saved = Some(serde_json::to_string(&session).expect("serialises"));
            }
        }
        if let Some(json) = saved {
            let restored: Session = serde_json::from_str(&json).expect("parses");
            let mut restored = restored.verify(&story).expect("a saved session verifies");
            let original = Session::replay(&story, session.history.iter().map(|t| &t.choice)).expect("replays");
            for turn in session.history.iter().skip(restored.history.len()) {
                restored.choose(&story, &turn.choice).expect("continues");
            }
            prop_assert_eq!(&restored, &original);
            prop_assert_eq!(&restored, &session);
        }
    }
}

#[test]
fn huge_strings_and_deep_nesting_are_handled() {
    let mut v = mini();
    v["nodes"][0]["lines"][1]["text"]["en"] = json!("a".repeat(2_000_000));
    let (story, report) = load(StoryId::new("big"), &serde_json::to_vec(&v).expect("ser"));
    assert!(story.is_some(), "{:?}", report.errors);
    let deep = format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    let (story, report) = load(StoryId::new("deep"), deep.as_bytes());
    assert!(story.is_none());
    assert!(
        report.errors[0].message.contains("recursion limit"),
        "{:?}",
        report.errors
    );
}
