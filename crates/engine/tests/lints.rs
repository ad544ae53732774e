//! The assessment lints, each on a small story that trips it and one that passes: the clean
//! fixture (no lint flags it, the length cue exactly at its 40% line) and one edit of it per lint.

use rapport_engine::analysis::DEFAULT_MAX_STATES;
use rapport_engine::lints::{lint_story, LintCode, Lints, Strategy};
use rapport_engine::{load, Outcome, StoryId};
use serde_json::{json, Value};

fn clean() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/lint-clean.json"
    ))
    .expect("fixture");
    serde_json::from_str(&text).expect("json")
}

fn lints(v: &Value) -> Lints {
    let bytes = serde_json::to_vec(v).expect("serialise");
    let (story, report) = load(StoryId::new("t"), &bytes);
    let story = story.unwrap_or_else(|| panic!("loads: {:?}", report.errors));
    lint_story(&story, DEFAULT_MAX_STATES)
}

/// (code, pointer, start of the message) of each lint found.
fn found(l: &Lints) -> Vec<(LintCode, String, String)> {
    l.lints
        .iter()
        .map(|l| {
            let d = &l.diagnostic;
            (
                l.code,
                d.pointer.clone().unwrap_or_default(),
                d.message.clone(),
            )
        })
        .collect()
}

/// The choice `id` of node `node` (by id) in the story JSON.
fn choice<'v>(v: &'v mut Value, node: &str, id: &str) -> &'v mut Value {
    let nodes = v["nodes"].as_array_mut().expect("nodes");
    let n = nodes.iter_mut().find(|n| n["id"] == node).expect("node");
    let choices = n["choices"].as_array_mut().expect("choices");
    choices.iter_mut().find(|c| c["id"] == id).expect("choice")
}

#[test]
fn the_clean_story_passes_every_lint() {
    let l = lints(&clean());
    assert!(l.lints.is_empty(), "{:#?}", l.lints);
    let cue = &l.summary.length_cue[0];
    assert_eq!(
        (cue.decisions, cue.top_is_longest, cue.percent),
        (5, 2, Some(40))
    );
    assert!(!cue.flagged, "exactly 40% is not over 40%");
    let spine = l.summary.spine.as_ref().expect("spine");
    assert_eq!((spine.a.len(), spine.b.len(), spine.shared), (3, 3, 1));
    assert!(spine.distinct());
    let expert = l.summary.expert.as_ref().expect("expert");
    assert_eq!(
        (expert.node.as_str(), expert.outcome),
        ("win", Some(Outcome::Success))
    );
}

#[test]
fn length_cue_over_forty_percent_is_flagged_per_locale() {
    let mut v = clean();
    // A third decision where the best reply is the longest: 3 of 5.
    choice(&mut v, "q1", "q1")["text"] = json!({"en": "a plain and long reply"});
    let l = lints(&v);
    let cue = &l.summary.length_cue[0];
    assert_eq!(
        (cue.top_is_longest, cue.percent, cue.flagged),
        (3, Some(60), true)
    );
    assert_eq!(found(&l).len(), 1, "{:#?}", l.lints);
    let (code, pointer, message) = &found(&l)[0];
    assert_eq!(
        (*code, pointer.as_str()),
        (LintCode::LengthCue, "/locales/0")
    );
    assert!(
        message.starts_with(
            "in `en`, a top-rated reply is also the longest in 3 of 5 graded decisions (60%"
        ),
        "{message}"
    );
    assert_eq!(l.lints[0].locale.as_deref(), Some("en"));
    assert!(!l.lints[0].help.is_empty());
}

#[test]
fn a_tie_for_longest_counts_as_longest() {
    let mut v = clean();
    // q1's best reply as long as the bad one (four words each).
    choice(&mut v, "q1", "q1")["text"] = json!({"en": "four words right here"});
    let l = lints(&v);
    assert_eq!(l.summary.length_cue[0].top_is_longest, 3);
}

#[test]
fn a_non_reading_strategy_that_succeeds_is_flagged_with_its_ending() {
    let mut v = clean();
    // Put the best reply first at every node on the expert path: "always the first" wins.
    for (node, first) in [("start", 1), ("p1", 1)] {
        let choices = v["nodes"]
            .as_array_mut()
            .expect("nodes")
            .iter_mut()
            .find(|n| n["id"] == node)
            .expect("node")["choices"]
            .as_array_mut()
            .expect("choices");
        choices.swap(0, first);
    }
    let l = lints(&v);
    let got = found(&l);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].0, LintCode::NonReadingStrategy);
    assert_eq!(got[0].1, "/nodes/5", "points at the ending reached");
    assert_eq!(
        got[0].2,
        "picking always the first reply without reading reaches the success ending `win`"
    );
    assert_eq!(l.lints[0].node.as_ref().map(|n| n.as_str()), Some("win"));
    let first = l
        .summary
        .strategies
        .iter()
        .find(|r| r.strategy == Strategy::First)
        .expect("first");
    assert_eq!(
        (first.end.outcome, first.end.replies),
        (Some(Outcome::Success), 3)
    );
}

#[test]
fn a_walk_that_goes_round_stops_at_the_repeated_state() {
    let mut v = clean();
    choice(&mut v, "start", "x1")["next"] = json!("start");
    let l = lints(&v);
    let first = l
        .summary
        .strategies
        .iter()
        .find(|r| r.strategy == Strategy::First)
        .expect("first");
    assert_eq!(first.end.stopped, Some("loop"));
    assert_eq!((first.end.node.as_str(), first.end.replies), ("start", 1));
}

/// Gives every choice an anger effect by its rating (bad +10, weak +5, good -3, best -5).
fn anger_by_rating(v: &mut Value) {
    for node in v["nodes"].as_array_mut().expect("nodes") {
        let choices = node.get_mut("choices").and_then(Value::as_array_mut);
        for c in choices.into_iter().flatten() {
            let delta = match c["feedback"]["rating"].as_str() {
                Some("bad") => 10,
                Some("weak") => 5,
                Some("good") => -3,
                _ => -5,
            };
            c["effects"] = json!({ "anger": delta });
        }
    }
}

#[test]
fn an_emotion_moved_by_rating_alone_is_flagged() {
    let mut v = clean();
    anger_by_rating(&mut v);
    let got = found(&lints(&v));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(
        (got[0].0, got[0].1.as_str()),
        (LintCode::RatingOnlyEmotion, "/emotions/0")
    );
    assert_eq!(
        got[0].2,
        "`anger` moves by rating alone: each of the 12 choices that move it changes it by its rating's one value (best -5, good -3, weak +5, bad +10)"
    );
}

#[test]
fn an_emotion_is_not_flagged_when_one_reply_moves_it_its_own_way() {
    let mut v = clean();
    anger_by_rating(&mut v);
    choice(&mut v, "p1", "p1")["effects"] = json!({ "anger": 25 });
    assert!(found(&lints(&v)).is_empty());
}

#[test]
fn an_emotion_moved_by_fewer_than_eight_choices_is_not_judged() {
    let mut v = clean();
    anger_by_rating(&mut v);
    // Five choices stop moving it: seven left.
    for (node, id) in [
        ("start", "x1"),
        ("start", "x2"),
        ("start", "x3"),
        ("p1", "p1"),
        ("p1", "p2"),
    ] {
        choice(&mut v, node, id)["effects"] = json!({ "anger": 0 });
    }
    assert!(found(&lints(&v)).is_empty());
}

#[test]
fn an_objective_with_few_choices_and_off_the_expert_path_is_flagged() {
    let mut v = clean();
    v["objectives"]
        .as_array_mut()
        .expect("objectives")
        .push(json!({"id": "own", "title": {"en": "Own it"}}));
    // Two choices off the expert path practise it.
    choice(&mut v, "q1", "q2")["feedback"]["principle"] = json!("own");
    choice(&mut v, "q2", "s2")["feedback"]["principle"] = json!("own");
    let got = found(&lints(&v));
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got
        .iter()
        .all(|(c, p, _)| *c == LintCode::ObjectiveBalance && p == "/objectives/1"));
    assert_eq!(
        got[0].2,
        "objective `own` is the principle of only 2 choices: its score rests on too few replies"
    );
    assert!(
        got[1].2.starts_with("no reply on the expert path (always the top-rated reply, ending `win` (success) after 3 replies) practises objective `own`"),
        "{}",
        got[1].2
    );
}

#[test]
fn one_spine_to_the_good_endings_is_flagged() {
    let mut v = clean();
    // The second route now rejoins the expert path for its last decision: the only other good
    // route shares 2 of its 4 decision nodes, more than half of the expert path's 3.
    choice(&mut v, "q2", "s1")["next"] = json!("p2");
    let l = lints(&v);
    let got = found(&l);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(
        (got[0].0, got[0].1.as_str()),
        (LintCode::SingleSpine, "/start")
    );
    assert!(
        got[0]
            .2
            .contains("the most different one found (to `win`) shares 2 of its 4"),
        "{}",
        got[0].2
    );
    assert!(
        l.lints[0].help.contains("start → p1 → p2"),
        "{}",
        l.lints[0].help
    );
    let spine = l.summary.spine.as_ref().expect("spine");
    assert!(!spine.distinct());
}

#[test]
fn no_good_ending_at_all_is_one_spine_too() {
    let mut v = clean();
    for n in v["nodes"].as_array_mut().expect("nodes") {
        if n["ending"].is_object() {
            n["ending"]["outcome"] = json!("failure");
        }
    }
    let got = found(&lints(&v));
    assert!(
        got.contains(&(
            LintCode::SingleSpine,
            "/start".into(),
            "no route reaches a success or partial ending".into()
        )),
        "{got:#?}"
    );
}

#[test]
fn the_example_story_figures() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/mini.json"
    ))
    .expect("fixture");
    let (story, _) = load(StoryId::new("mini"), text.as_bytes());
    let l = lint_story(&story.expect("loads"), DEFAULT_MAX_STATES);
    let codes: Vec<LintCode> = l.lints.iter().map(|l| l.code).collect();
    use LintCode::*;
    assert_eq!(
        codes,
        [
            LengthCue,
            LengthCue,
            LengthCue,
            NonReadingStrategy,
            NonReadingStrategy,
            NonReadingStrategy,
            NonReadingStrategy,
            ObjectiveBalance,
            SingleSpine
        ]
    );
    let summary = l.summary.to_string();
    assert!(
        summary.contains("en 100% (3/3), es 100% (3/3), pt 100% (3/3)"),
        "{summary}"
    );
    assert!(
        summary.contains(
            "always the shortest reply (pt): ending `walked_out` (failure) after 2 replies"
        ),
        "{summary}"
    );
    assert!(
        summary.contains("always the last reply: ending `shaky` (partial) after 2 replies"),
        "{summary}"
    );
}
