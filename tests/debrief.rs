//! Ending debriefs written as parts with conditions, and the reason a threshold rule gives the
//! learner: in the engine, the text transcript, and the rendered player (transcript and debrief).

use rapport::components::player::{Player, PlayerProps};
use rapport::engine::thresholds::{crossings, why_rule_fired, Crossing, Side};
use rapport::engine::transcript::transcript;
use rapport::engine::{load, ChoiceId, EmotionId, RuleId, Session, Story, StoryId};
use rapport::i18n::{crossing_text, Lang};
use serde_json::{json, Value};
use std::rc::Rc;
use yew::{Callback, LocalServerRenderer};

fn mini() -> Value {
    let text = std::fs::read_to_string("tests/fixtures/mini.json").expect("fixture");
    serde_json::from_str(&text).expect("json")
}

fn text(en: &str) -> Value {
    json!({"en": en, "es": format!("{en} (es)"), "pt": format!("{en} (pt)")})
}

/// The example story with the walk-out ending's debrief in three parts: always, after the joke,
/// and when trust ended at 90 or more (never, on the way to that ending).
fn with_parts() -> Value {
    let mut v = mini();
    v["nodes"][4]["ending"]["debrief"] = json!([
        {"text": text("Ana lost patience.")},
        {"text": text("The joke did not help."), "when": {"flags": ["joked"]}},
        {"text": text("Trust was high."), "when": {"at_least": {"trust": 90}}}
    ]);
    v
}

fn story(v: &Value) -> Story {
    let bytes = serde_json::to_vec(v).expect("serialise");
    let (story, report) = load(StoryId::new("mini"), &bytes);
    story.unwrap_or_else(|| panic!("loads: {:?}", report.errors))
}

fn played(story: &Story, choices: &[&str]) -> Session {
    let ids: Vec<ChoiceId> = choices.iter().map(ChoiceId::new).collect();
    Session::replay(story, ids.iter()).expect("playable")
}

fn shown(story: &Story, session: &Session) -> Vec<String> {
    session
        .debrief(story)
        .iter()
        .map(|t| t.get("en", "en").to_string())
        .collect()
}

#[test]
fn debrief_parts_are_shown_when_their_condition_holds_in_order() {
    let s = story(&with_parts());
    // The joke, then hope: anger passes 80 and the walk-out rule ends it.
    let joked = played(&s, &["joke", "hope"]);
    assert_eq!(
        shown(&s, &joked),
        ["Ana lost patience.", "The joke did not help."]
    );
    assert!(shown(&s, &played(&s, &["explain"])).is_empty(), "not ended");
}

#[test]
fn a_part_whose_condition_fails_is_hidden() {
    let mut v = with_parts();
    // Walk out without joking: anger needs a push from elsewhere.
    v["rules"][0]["when"] = json!({"at_least": {"anger": 40}});
    let s = story(&v);
    let session = played(&s, &["explain", "hope"]);
    assert_eq!(session.node.as_str(), "walked_out");
    assert_eq!(shown(&s, &session), ["Ana lost patience."]);
}

#[test]
fn a_plain_text_debrief_is_one_part_always_shown() {
    let s = story(&mini());
    let session = played(&s, &["explain", "alert"]);
    assert_eq!(
        shown(&s, &session),
        ["You answered plainly and showed how it will not happen again."]
    );
}

#[test]
fn debrief_parts_are_validated_with_their_location() {
    let mut v = mini();
    v["nodes"][4]["ending"]["debrief"] = json!([
        {"text": {"en": "Only English."}, "when": {"flags": ["nope"], "below": {"calm": 3}}}
    ]);
    v["nodes"][3]["ending"]["debrief"] = json!([]);
    let bytes = serde_json::to_vec_pretty(&v).expect("serialise");
    let (story, report) = load(StoryId::new("mini"), &bytes);
    assert!(story.is_none());
    let got: Vec<(&str, &str)> = report
        .errors
        .iter()
        .map(|d| (d.pointer.as_deref().unwrap_or(""), d.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "/nodes/3/ending/debrief",
                "a debrief list needs at least one part (or write one text)"
            ),
            (
                "/nodes/4/ending/debrief/0/text",
                "missing translation: `es`"
            ),
            (
                "/nodes/4/ending/debrief/0/text",
                "missing translation: `pt`"
            ),
            (
                "/nodes/4/ending/debrief/0/when/flags/0",
                "unknown flag `nope`: declare it in `flags`"
            ),
            (
                "/nodes/4/ending/debrief/0/when/below/calm",
                "unknown emotion `calm`"
            ),
        ]
    );
    assert!(report.errors.iter().all(|d| d.line.is_some()), "located");
}

#[test]
fn a_debrief_of_the_wrong_shape_says_what_it_expects() {
    let mut v = mini();
    v["nodes"][4]["ending"]["debrief"] = json!(5);
    let (_, report) = load(StoryId::new("mini"), &serde_json::to_vec(&v).expect("json"));
    assert_eq!(
        report.errors[0].message,
        "invalid type: integer `5`, expected a text (one string per locale) or a list of debrief parts"
    );
    assert_eq!(
        report.errors[0].pointer.as_deref(),
        Some("/nodes/4/ending/debrief")
    );
}

#[test]
fn the_text_transcript_shows_the_parts_and_why_the_rule_fired() {
    let s = story(&with_parts());
    let session = played(&s, &["joke", "hope"]);
    let en = transcript(&s, &session, "en");
    assert!(
        en.contains("    rule `walks_out` fired → walked_out (Anger ≥ 80)\n"),
        "{en}"
    );
    assert!(
        en.contains(
            "END Failure: Escalated\ndebrief: Ana lost patience.\ndebrief: The joke did not help.\n"
        ),
        "{en}"
    );
    let es = transcript(&s, &session, "es");
    assert!(es.contains("(Enfado ≥ 80)"), "{es}");
    assert!(es.contains("debrief: The joke did not help. (es)"), "{es}");
}

fn crossing(emotion: &str, side: Side, threshold: i32) -> Crossing {
    Crossing {
        emotion: EmotionId::new(emotion),
        side,
        threshold,
    }
}

#[test]
fn a_rule_is_explained_by_the_lines_the_reply_crossed() {
    let mut v = mini();
    v["rules"][0]["when"] = json!({
        "below": {"trust": 60},
        "any": [{"at_least": {"anger": 80}}, {"flags": ["joked"], "below": {"trust": 10}}]
    });
    let s = story(&v);
    let session = played(&s, &["joke", "hope"]);
    let states: Vec<Session> = session.walk(&s).into_iter().map(|m| m.state).collect();
    let rule = RuleId::new("walks_out");
    // Trust was under 60 before the reply too: only anger crossed its line on this reply.
    assert_eq!(
        why_rule_fired(&s, &rule, &states[1], &states[2]),
        [crossing("anger", Side::AtLeast, 80)]
    );
    // Every emotion test that holds, from the alternatives that hold.
    let all = crossings(&s.file.rules[0].when, &states[2].emotions, &states[2].flags);
    assert_eq!(
        all,
        [
            crossing("trust", Side::Below, 60),
            crossing("anger", Side::AtLeast, 80)
        ]
    );
}

#[test]
fn a_rule_on_flags_alone_has_no_feeling_to_explain() {
    let mut v = mini();
    v["rules"][0]["when"] = json!({"flags": ["joked"]});
    let s = story(&v);
    let session = played(&s, &["joke"]);
    let states: Vec<Session> = session.walk(&s).into_iter().map(|m| m.state).collect();
    assert_eq!(session.node.as_str(), "walked_out");
    assert!(why_rule_fired(&s, &RuleId::new("walks_out"), &states[0], &states[1]).is_empty());
    let en = transcript(&s, &session, "en");
    assert!(
        en.contains("    rule `walks_out` fired → walked_out\n"),
        "{en}"
    );
}

#[test]
fn the_reason_reads_in_each_interface_language() {
    let below = crossing("patience", Side::Below, 10);
    let reached = crossing("anger", Side::AtLeast, 80);
    assert_eq!(
        crossing_text(Lang::En, "Patience", &below),
        "Patience fell below 10"
    );
    assert_eq!(
        crossing_text(Lang::En, "Anger", &reached),
        "Anger reached 80"
    );
    assert_eq!(
        crossing_text(Lang::Es, "Paciencia", &below),
        "Paciencia bajó de 10"
    );
    assert_eq!(
        crossing_text(Lang::Es, "Enfado", &reached),
        "Enfado llegó a 80"
    );
    assert_eq!(
        crossing_text(Lang::Pt, "Paciência", &below),
        "Paciência caiu abaixo de 10"
    );
    assert_eq!(
        crossing_text(Lang::Pt, "Raiva", &reached),
        "Raiva chegou a 80"
    );
}

async fn render(story: Rc<Story>, session: Session, lang: Lang) -> String {
    LocalServerRenderer::<Player>::with_props(PlayerProps {
        story,
        session,
        lang,
        dispatch: Callback::noop(),
        embedded: false,
        pane: false,
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn the_player_shows_the_parts_that_hold_and_why_the_rule_fired() {
    let s = Rc::new(story(&with_parts()));
    let session = played(&s, &["joke", "hope"]);
    let html = render(s.clone(), session.clone(), Lang::En).await;
    assert!(
        html.contains(r#"<p class="ending-debrief">Ana lost patience.</p>"#),
        "{html}"
    );
    assert!(html.contains("The joke did not help."));
    assert!(
        !html.contains("Trust was high."),
        "a part whose condition fails"
    );
    assert!(
        html.contains(r#"<li class="bubble rule"><p>Anger reached 80.</p></li>"#),
        "the transcript says why, after the reply: {html}"
    );
    assert!(
        html.contains(r#"<span class="why">Anger reached 80.</span>"#),
        "and so does the debrief: {html}"
    );
    let es = render(s, session, Lang::Es).await;
    assert_eq!(es.matches("Enfado llegó a 80.").count(), 2, "{es}");
    assert!(es.contains("The joke did not help. (es)"));
}

#[tokio::test]
async fn no_reason_is_shown_when_no_rule_fired() {
    let s = Rc::new(story(&mini()));
    let html = render(s.clone(), played(&s, &["explain", "alert"]), Lang::En).await;
    assert!(!html.contains("bubble rule"));
    assert!(!html.contains(r#"class="why""#));
}
