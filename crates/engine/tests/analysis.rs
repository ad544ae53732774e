//! Exhaustive analysis on small broken stories: each problem found, with the exact message and
//! where it is; and the figures on the example story and a generated one.

use rapport_engine::analysis::{analyse, Analysis, DEFAULT_MAX_STATES};
use rapport_engine::generate::generate_json;
use rapport_engine::{load, Outcome, StoryId};
use serde_json::{json, Value};

/// A path in the repository (tests run in their crate's folder; the files live at the root).
fn repo(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn mini() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(repo("tests/fixtures/mini.json")).expect("fixture"),
    )
    .expect("json")
}

fn analysed(v: &Value) -> Analysis {
    let bytes = serde_json::to_vec(v).expect("serialise");
    let (story, report) = load(StoryId::new("t"), &bytes);
    let story = story.unwrap_or_else(|| panic!("static checks pass: {:?}", report.errors));
    analyse(&story, DEFAULT_MAX_STATES)
}

fn found(list: &[rapport_engine::Diagnostic]) -> Vec<(String, String)> {
    list.iter()
        .map(|d| (d.pointer.clone().unwrap_or_default(), d.message.clone()))
        .collect()
}

/// (what is broken, how to break the example, expected errors, expected warnings)
type Case = (
    &'static str,
    fn(&mut Value),
    &'static [(&'static str, &'static str)],
    &'static [(&'static str, &'static str)],
);

const CASES: &[Case] = &[
    (
        "debrief parts: one never shown, one always shown, and an ending that can show none",
        |v| {
            let t = |en: &str| json!({"en": en, "es": en, "pt": en});
            // Walking out needs anger past 80, so `below 80` never holds there and `at_least
            // 80` always does; the success ending's only part needs the joke, which it may lack.
            v["nodes"][4]["ending"]["debrief"] = json!([
                {"text": t("Ana lost patience.")},
                {"text": t("Calm."), "when": {"below": {"anger": 80}}},
                {"text": t("Furious."), "when": {"at_least": {"anger": 80}}}
            ]);
            v["nodes"][2]["ending"]["debrief"] =
                json!([{"text": t("Despite the joke."), "when": {"flags": ["joked"]}}]);
        },
        &[],
        &[
            (
                "/nodes/2/ending/debrief",
                "ending `fixed` can be reached with no debrief part shown (1 state(s))",
            ),
            (
                "/nodes/4/ending/debrief/1/when",
                "this debrief part's condition is never true: the part is never shown",
            ),
            (
                "/nodes/4/ending/debrief/2/when",
                "this debrief part's condition is always true when the ending is reached",
            ),
        ],
    ),
    (
        "a reply that is never available leaves the learner stuck",
        |v| {
            // `plan` keeps only the apology, which needs the joke: after `explain` nothing is left.
            let choices = v["nodes"][1]["choices"].as_array_mut().expect("choices");
            choices.retain(|c| c["id"] == "apologise_again");
        },
        &[(
            "/nodes/1",
            "the learner can get stuck at `plan`: in 1 reachable state(s) no reply is available",
        )],
        &[
            ("/nodes/2", "ending `fixed` cannot be reached in any play"),
            // Without "Hopefully not." anger never climbs past 55: the walk-out is gone too.
            (
                "/nodes/4",
                "ending `walked_out` cannot be reached in any play",
            ),
            ("/rules/0/when", "rule `walks_out` never fires in any play"),
        ],
    ),
    (
        "a loop with no way out",
        |v| {
            v["nodes"][1]["choices"][1]["next"] = json!("ask");
            v["nodes"][1]["choices"][0]["next"] = json!("ask");
            v["nodes"][1]["choices"][2]["next"] = json!("ask");
            v["nodes"][0]["choices"][1]["next"] = json!("plan");
            v["rules"] = json!([]);
            v["nodes"].as_array_mut().expect("nodes").truncate(3);
            // Keep `fixed` (an ending) but make it unreachable by play: `ask` never leads there.
        },
        &[
            ("/nodes/0", "a loop with no way out passes through `ask`"),
            ("/nodes/1", "a loop with no way out passes through `plan`"),
        ],
        &[("/nodes/2", "ending `fixed` cannot be reached in any play")],
    ),
    (
        "a condition that is never true, and one that is always true",
        |v| {
            v["nodes"][1]["choices"][2]["when"] = json!({ "at_least": { "trust": 100 } });
            v["nodes"][0]["lines"][1]["when"] = json!({ "at_least": { "trust": 10 } });
        },
        &[],
        &[
            (
                "/nodes/0/lines/1/when",
                "this line's condition is always true when the node is reached",
            ),
            (
                "/nodes/1/choices/2/when",
                "condition on choice `apologise_again` is never true: the reply is never available",
            ),
        ],
    ),
    (
        "a rule that can never fire",
        |v| v["rules"][0]["when"] = json!({ "at_least": { "anger": 101 } }),
        &[],
        &[
            (
                "/nodes/4",
                "ending `walked_out` cannot be reached in any play",
            ),
            ("/rules/0/when", "rule `walks_out` never fires in any play"),
        ],
    ),
];

#[test]
fn each_problem_is_found_where_it_is() {
    for (what, break_it, errors, warnings) in CASES {
        let mut v = mini();
        break_it(&mut v);
        let a = analysed(&v);
        let got_e = found(&a.errors);
        let got_w = found(&a.warnings);
        assert_eq!(got_e.len(), errors.len(), "{what}: {got_e:#?}");
        for ((p, m), (gp, gm)) in errors.iter().zip(&got_e) {
            assert_eq!(p, gp, "{what}");
            assert!(gm.starts_with(m), "{what}: `{gm}` should start with `{m}`");
        }
        assert_eq!(got_w.len(), warnings.len(), "{what}: {got_w:#?}");
        for ((p, m), (gp, gm)) in warnings.iter().zip(&got_w) {
            assert_eq!(p, gp, "{what}");
            assert!(gm.starts_with(m), "{what}: `{gm}` should start with `{m}`");
        }
    }
}

#[test]
fn the_example_story_is_explored_completely() {
    let a = analysed(&mini());
    assert!(
        a.errors.is_empty() && a.warnings.is_empty(),
        "{:?} {:?}",
        a.errors,
        a.warnings
    );
    assert_eq!((a.states, a.paths_explored, a.dead_ends), (8, 5, 0));
    assert_eq!((a.shortest_path, a.longest_path), (2, 2));
    assert_eq!(
        (a.worst_outcome, a.best_outcome),
        (Some(Outcome::Failure), Some(Outcome::Success))
    );
    assert_eq!((a.worst_score, a.best_score), (Some(0), Some(100)));
    let clamped: Vec<_> = a
        .notes
        .iter()
        .filter_map(|n| n.pointer.as_deref())
        .collect();
    assert_eq!(
        clamped,
        [
            "/nodes/1/choices/0/effects/anger",
            "/nodes/1/choices/1/effects/anger"
        ]
    );
}

#[test]
fn a_generated_story_is_valid_and_fully_explored() {
    let source = generate_json(300, 7);
    let (story, report) = load(StoryId::new("gen"), source.as_bytes());
    assert!(
        report.errors.is_empty() && report.warnings.is_empty(),
        "{report:?}"
    );
    let story = story.expect("loads");
    assert_eq!(story.file.nodes.len(), 300);
    let a = analyse(&story, DEFAULT_MAX_STATES);
    assert!(!a.truncated);
    assert!(a.errors.is_empty(), "{:?}", a.errors);
    let meh = a
        .ending_paths
        .iter()
        .find(|e| e.ending == "end-meh")
        .expect("end-meh");
    assert_eq!(
        (meh.shortest, meh.longest, meh.paths),
        (Some(1), Some(1), 1)
    );
    let ok = a
        .ending_paths
        .iter()
        .find(|e| e.ending == "end-ok")
        .expect("end-ok");
    // Replies advance one or two nodes through 297 decision nodes.
    assert!(
        ok.shortest >= Some(149) && ok.longest <= Some(297),
        "{ok:?}"
    );
}

#[test]
fn a_partial_exploration_claims_no_condition_never_or_always_holds() {
    // bad-news has over half a million states: a bound of 2,000 sees a small part of them, so
    // a condition it never saw hold may still hold further on (Studio's live check had said
    // debrief parts were never shown that the whole exploration shows).
    let bytes = std::fs::read(repo("stories/bad-news.json")).expect("story exists");
    let (story, _) = load(StoryId::new("bad-news"), &bytes);
    let story = story.expect("valid");
    let partial = analyse(&story, 2_000);
    assert!(partial.truncated);
    let claims: Vec<_> = partial
        .warnings
        .iter()
        .filter(|d| d.message.contains("never true") || d.message.contains("always true"))
        .map(|d| d.message.clone())
        .collect();
    assert!(claims.is_empty(), "{claims:?}");
}
