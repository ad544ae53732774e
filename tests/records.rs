//! xAPI statements and the learner's report for a known play-through of the example story.

use rapport::engine::{load, ChoiceId, Session, Story, StoryId};
use rapport::records::{
    answered, backoff_ms, completed, initialized, iso_duration, learner_report, verbs, Stamp,
    XapiConfig,
};
use serde_json::json;

fn mini() -> Story {
    let bytes = std::fs::read("tests/fixtures/mini.json").expect("fixture");
    load(StoryId::new("mini"), &bytes).0.expect("loads")
}

fn cfg() -> XapiConfig {
    XapiConfig {
        endpoint: "http://127.0.0.1:8100/xAPI".into(),
        auth: Some("Basic dTpw".into()),
        actor: None,
        activity_base: "https://rapport.example/xapi".into(),
    }
    .normalised()
}

fn stamp(n: u8) -> Stamp {
    Stamp {
        id: format!("00000000-0000-4000-8000-00000000000{n}"),
        timestamp: "2026-11-23T10:00:00.000Z".into(),
    }
}

#[test]
fn a_play_through_becomes_initialized_answered_completed() {
    let story = mini();
    let cfg = cfg();
    assert_eq!(cfg.endpoint, "http://127.0.0.1:8100/xAPI/");
    let actor = json!({ "mbox": "mailto:learner@example.com" });
    let ids: Vec<ChoiceId> = ["joke", "hope"].into_iter().map(ChoiceId::new).collect();
    let session = Session::replay(&story, ids.iter()).expect("plays");

    let init = initialized(&cfg, &actor, &story, "reg-1", &stamp(1));
    assert_eq!(init["verb"]["id"], verbs::INITIALIZED);
    assert_eq!(
        init["object"]["id"],
        "https://rapport.example/xapi/stories/mini"
    );
    assert_eq!(init["context"]["registration"], "reg-1");
    assert_eq!(init["id"], "00000000-0000-4000-8000-000000000001");

    let second = answered(
        &cfg,
        &actor,
        &story,
        &session.history[1],
        "reg-1",
        &stamp(3),
    );
    assert_eq!(second["verb"]["id"], verbs::ANSWERED);
    assert_eq!(
        second["object"]["id"],
        "https://rapport.example/xapi/stories/mini/nodes/plan"
    );
    assert_eq!(second["result"]["response"], "hope");
    let ext = &second["result"]["extensions"];
    assert_eq!(
        ext["https://rapport.example/xapi/ext/emotion-changes"],
        json!({ "trust": -15, "anger": 45 })
    );
    assert_eq!(ext["https://rapport.example/xapi/ext/rating"], "bad");
    assert_eq!(ext["https://rapport.example/xapi/ext/rule"], "walks_out");
    assert_eq!(
        second["context"]["contextActivities"]["parent"][0]["id"],
        "https://rapport.example/xapi/stories/mini"
    );

    let ending = rapport::engine::completion(&story, &session).expect("ended");
    let done = completed(&cfg, &actor, &story, &ending, "reg-1", &stamp(4), 42_500);
    assert_eq!(done["verb"]["id"], verbs::COMPLETED);
    assert_eq!(done["result"]["success"], false);
    assert_eq!(done["result"]["completion"], true);
    assert_eq!(done["result"]["score"]["scaled"], 0.0);
    assert_eq!(done["result"]["duration"], "PT42.5S");
    assert_eq!(
        done["result"]["extensions"]["https://rapport.example/xapi/ext/outcome"],
        "failure"
    );
}

#[test]
fn durations_and_backoff() {
    assert_eq!(iso_duration(0), "PT0.0S");
    assert_eq!(iso_duration(61_999), "PT61.9S");
    let waits: Vec<u32> = (0..8).map(backoff_ms).collect();
    assert_eq!(waits, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
}

#[test]
fn the_learners_report_has_path_feedback_and_scores() {
    let story = mini();
    let ids: Vec<ChoiceId> = ["joke", "apologise_again"]
        .into_iter()
        .map(ChoiceId::new)
        .collect();
    let session = Session::replay(&story, ids.iter()).expect("plays");
    let r = learner_report(&story, &session, "es");
    assert_eq!(r["title"], "El informe atrasado");
    assert_eq!(r["outcome"], "partial");
    assert_eq!(
        r["turns"][0]["reply"],
        "¡Hasta los informes necesitan un fin de semana libre!"
    );
    assert_eq!(r["turns"][0]["rating"], "bad");
    assert!(r["turns"][0]["better_reply"]
        .as_str()
        .is_some_and(|s| s.starts_with("La exportación falló")));
    assert_eq!(
        r["turns"][1]["emotions_after"],
        json!({ "anger": 45, "trust": 45 })
    );
    assert_eq!(r["objectives"][0]["score"], 0);
    assert_eq!(r["objectives"][1]["score"], 75);
}
