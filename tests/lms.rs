//! Reporting to an LMS, natively: the cmi5 statements a session sends for what happens (the
//! rules of docs/LMS reporting: order, verbs, categories, the context template kept, one
//! completed, one passed or failed, nothing after terminated, only initialized and terminated
//! in Browse), the SCORM 1.2 values, and the saved progress at SCORM's 4,096-character limit.

use rapport::engine::launch::{launch_url, LmsFormat};
use rapport::engine::{completion, load, ChoiceId, Completion, Session, Story, StoryId};
use rapport::i18n::Lang;
use rapport::lms::cmi5::{
    self, merge_context, LaunchData, LaunchMode, Moment, Sent, CATEGORY_CMI5, CATEGORY_MOVEON,
    EXT_MASTERY, EXT_PROGRESS,
};
use rapport::lms::progress_percent;
use rapport::lms::scorm::{self, Suspend, SUSPEND_LIMIT};
use rapport::platform::location::{param_in, Launch};
use rapport::records::Stamp;
use rapport::state::{Action, AppState, Progress};
use serde_json::{json, Value};
use std::rc::Rc;
use yew::Reducible;

const VERB: &str = "http://adlnet.gov/expapi/verbs/";
const GROUPING: &str = "https://lms.example/course/1";

fn santino() -> Rc<Story> {
    let bytes = std::fs::read("stories/mr-santino.json").expect("the story");
    Rc::new(load(StoryId::new("mr-santino"), &bytes).0.expect("loads"))
}

fn path(name: &str) -> Vec<ChoiceId> {
    let text = std::fs::read_to_string("tests/transcripts/mr-santino.paths.json").expect("paths");
    let paths: Value = serde_json::from_str(&text).expect("json");
    paths[name]
        .as_array()
        .expect("a path")
        .iter()
        .map(|c| ChoiceId::new(c.as_str().expect("an id")))
        .collect()
}

/// The ending `name`'s path (`tests/transcripts`) reaches.
fn ending(story: &Story, name: &str) -> Completion {
    let s = Session::replay(story, path(name).iter()).expect("plays");
    completion(story, &s).expect("an ending")
}

fn launch() -> cmi5::Launch {
    cmi5::Launch {
        endpoint: "https://lms.example/lrs/".into(),
        fetch: "https://lms.example/fetch/1".into(),
        actor: json!({"objectType": "Agent", "account": {"homePage": "https://lms.example", "name": "l-1"}}),
        registration: "9a1b5c4e-1111-4222-8333-444455556666".into(),
        activity_id: "https://rapport.training/xapi/stories/mr-santino".into(),
    }
}

fn data(mode: LaunchMode, mastery: Option<f64>) -> LaunchData {
    LaunchData {
        context_template: json!({
            "contextActivities": {"grouping": [{"id": GROUPING}]},
            "extensions": {"https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-1"},
        }),
        launch_mode: mode,
        mastery_score: mastery,
        return_url: Some("https://lms.example/back".into()),
        move_on: Some("CompletedOrPassed".into()),
    }
}

/// Plays `choices` and reports every moment as the hook does; returns the statements.
fn play(choices: &[ChoiceId], data: &LaunchData, leave: bool) -> Vec<Value> {
    let story = santino();
    let launch = launch();
    let mut sent = Sent::new(&launch.registration, 0.0);
    let mut n = 0u32;
    let mut stamp = || {
        n += 1;
        Stamp {
            id: format!("00000000-0000-4000-8000-{n:012}"),
            timestamp: format!("2026-12-05T12:00:{:02}Z", n % 60),
        }
    };
    let mut out = sent.report(&launch, data, Moment::Began, 1000.0, &mut stamp);
    let mut session = Session::new(&story);
    for (i, c) in choices.iter().enumerate() {
        let turn = session.choose(&story, c).expect("plays").clone();
        out.extend(sent.report(
            &launch,
            data,
            Moment::Replied {
                story: &story,
                turn: &turn,
                number: i + 1,
            },
            2000.0,
            &mut stamp,
        ));
        if let Some(done) = completion(&story, &session) {
            out.extend(sent.report(&launch, data, Moment::Ended(&done), 61_500.0, &mut stamp));
        }
    }
    if leave {
        out.extend(sent.report(&launch, data, Moment::Left, 62_000.0, &mut stamp));
        // Nothing after terminated, whatever happens next.
        assert!(sent
            .report(&launch, data, Moment::Left, 63_000.0, &mut stamp)
            .is_empty());
    }
    out
}

fn verbs(statements: &[Value]) -> Vec<String> {
    statements
        .iter()
        .map(|s| {
            s["verb"]["id"]
                .as_str()
                .unwrap_or("")
                .trim_start_matches(VERB)
                .to_string()
        })
        .collect()
}

fn categories(s: &Value) -> Vec<String> {
    s["context"]["contextActivities"]["category"]
        .as_array()
        .map(|c| {
            c.iter()
                .map(|a| a["id"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn an_expert_play_through_is_initialized_replies_completed_passed_terminated() {
    let expert = path("expert");
    let s = play(&expert, &data(LaunchMode::Normal, Some(0.8)), true);
    let mut want = vec!["initialized".to_string()];
    for _ in &expert {
        want.push("answered".into());
        want.push("progressed".into());
    }
    want.extend(["completed", "passed", "terminated"].map(String::from));
    assert_eq!(verbs(&s), want);
    let launch = launch();
    for st in &s {
        assert_eq!(st["actor"], launch.actor);
        assert_eq!(st["context"]["registration"], json!(launch.registration));
        // The template's values are kept, ours added.
        let grouping = &st["context"]["contextActivities"]["grouping"];
        assert_eq!(grouping[0]["id"], json!(GROUPING), "{st}");
        assert_eq!(
            st["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/sessionid"],
            json!("s-1")
        );
        let verb = st["verb"]["id"].as_str().unwrap_or("");
        let cats = categories(st);
        let defined = ["initialized", "completed", "passed", "terminated"]
            .iter()
            .any(|v| verb.ends_with(v));
        assert_eq!(cats.contains(&CATEGORY_CMI5.to_string()), defined, "{verb}");
        let moveon =
            st["result"].get("success").is_some() || st["result"].get("completion").is_some();
        assert_eq!(
            cats.contains(&CATEGORY_MOVEON.to_string()),
            moveon && defined,
            "{verb}"
        );
        if defined {
            assert_eq!(st["object"]["id"], json!(launch.activity_id));
        }
    }
    // The reply is the app's xAPI reply statement: its extensions and its parent story.
    let reply = &s[1];
    assert_eq!(reply["result"]["response"], json!(expert[0].to_string()));
    assert!(reply["result"]["extensions"]["https://rapport.training/xapi/ext/rating"].is_string());
    assert!(
        reply["result"]["extensions"]["https://rapport.training/xapi/ext/emotion-changes"]
            .is_object()
    );
    let parents = &reply["context"]["contextActivities"]["parent"];
    assert_eq!(
        parents[0]["id"],
        json!("https://rapport.training/xapi/stories/mr-santino")
    );
    // Progress climbs to 100 at the ending.
    let progress: Vec<u64> = s
        .iter()
        .filter(|st| st["verb"]["id"] == json!(format!("{VERB}progressed")))
        .map(|st| {
            st["result"]["extensions"][EXT_PROGRESS]
                .as_u64()
                .expect("0-100")
        })
        .collect();
    assert!(progress.windows(2).all(|w| w[0] <= w[1]), "{progress:?}");
    assert_eq!(progress.last(), Some(&100));
    assert!(progress[0] < 100);
    let n = s.len();
    let (completed, passed, terminated) = (&s[n - 3], &s[n - 2], &s[n - 1]);
    assert_eq!(
        completed["result"],
        json!({"completion": true, "duration": "PT61.5S"})
    );
    assert_eq!(passed["result"]["success"], json!(true));
    assert_eq!(passed["result"]["score"]["scaled"], json!(1.0));
    assert_eq!(passed["context"]["extensions"][EXT_MASTERY], json!(0.8));
    assert_eq!(terminated["result"]["duration"], json!("PT62.0S"));
}

#[test]
fn the_worst_path_fails_against_the_lms_mastery_score_and_without_one_only_completes() {
    let worst = path("worst");
    let s = play(&worst, &data(LaunchMode::Normal, Some(0.8)), true);
    let v = verbs(&s);
    assert_eq!(v.iter().filter(|v| *v == "failed").count(), 1);
    assert!(!v.contains(&"passed".to_string()));
    let failed = s
        .iter()
        .find(|st| st["verb"]["id"] == json!(format!("{VERB}failed")))
        .expect("failed");
    assert_eq!(failed["result"]["success"], json!(false));
    let scaled = failed["result"]["score"]["scaled"]
        .as_f64()
        .expect("a score");
    assert!(scaled < 0.8, "{scaled}");
    // The mastery score is the LMS's: the same play passes at 0.
    let lenient = play(&worst, &data(LaunchMode::Normal, Some(0.0)), true);
    assert!(verbs(&lenient).contains(&"passed".to_string()));
    let none = play(&worst, &data(LaunchMode::Normal, None), true);
    let v = verbs(&none);
    assert!(v.contains(&"completed".to_string()));
    assert!(!v.iter().any(|v| v == "passed" || v == "failed"), "{v:?}");
}

#[test]
fn browse_and_review_send_only_initialized_and_terminated() {
    for mode in [LaunchMode::Browse, LaunchMode::Review] {
        let s = play(&path("expert"), &data(mode, Some(0.8)), true);
        assert_eq!(verbs(&s), ["initialized", "terminated"], "{mode:?}");
    }
}

#[test]
fn a_second_ending_in_the_session_sends_no_second_completed_or_judgement() {
    let story = santino();
    let launch = launch();
    let data = data(LaunchMode::Normal, Some(0.8));
    let mut sent = Sent::new(&launch.registration, 0.0);
    let mut stamp = || Stamp {
        id: "x".into(),
        timestamp: "t".into(),
    };
    let end = |name: &str| ending(&story, name);
    let first = sent.report(
        &launch,
        &data,
        Moment::Ended(&end("worst")),
        1.0,
        &mut stamp,
    );
    assert_eq!(verbs(&first), ["initialized", "completed", "failed"]);
    // Never passed after failed, never a second completed.
    let again = sent.report(
        &launch,
        &data,
        Moment::Ended(&end("expert")),
        2.0,
        &mut stamp,
    );
    assert!(again.is_empty(), "{again:?}");
}

#[test]
fn the_context_template_is_added_to_never_overwritten() {
    let template = json!({"registration": "r", "contextActivities": {"grouping": [{"id": "g"}]}, "language": "fr"});
    let ours = json!({"registration": "r", "contextActivities": {"grouping": [{"id": "h"}], "parent": [{"id": "p"}]}, "language": "en", "platform": "Rapport"});
    let merged = merge_context(&template, &ours);
    assert_eq!(merged["language"], json!("fr"));
    assert_eq!(merged["platform"], json!("Rapport"));
    assert_eq!(
        merged["contextActivities"]["grouping"],
        json!([{"id": "g"}, {"id": "h"}])
    );
    assert_eq!(merged["contextActivities"]["parent"], json!([{"id": "p"}]));
}

#[test]
fn a_launch_needs_all_five_parameters_and_the_language_preference_picks_the_interface() {
    let q = "?story=mr-santino&lms=cmi5&endpoint=https%3A%2F%2Flms.example%2Flrs&fetch=https%3A%2F%2Flms.example%2Ff&actor=%7B%22account%22%3A%7B%22name%22%3A%22a%22%2C%22homePage%22%3A%22h%22%7D%7D&registration=r-1&activityId=https%3A%2F%2Fx";
    let l = cmi5::Launch::from_params(|n| param_in(q, n)).expect("a launch");
    assert_eq!(l.endpoint, "https://lms.example/lrs/");
    assert_eq!(l.actor["account"]["name"], json!("a"));
    let without = q.replace("&registration=r-1", "");
    assert!(cmi5::Launch::from_params(|n| param_in(&without, n)).is_none());
    assert_eq!(
        cmi5::preferred_lang(&json!({"languagePreference": "fr-FR,es-MX,en-US"})),
        Some(Lang::Es)
    );
    assert_eq!(cmi5::preferred_lang(&json!({})), None);
}

#[test]
fn the_package_url_opens_one_story_for_its_lms() {
    for format in [LmsFormat::Cmi5, LmsFormat::Scorm12] {
        let url = launch_url("mr-santino", format);
        let query = url
            .split_once('?')
            .map(|(_, q)| format!("?{q}"))
            .expect("a query");
        let l = Launch::parse(&query, "");
        assert_eq!(l.story.as_deref(), Some("mr-santino"));
        assert_eq!(l.lms, Some(format));
        assert!(l.one_story() && !l.embed);
    }
    assert_eq!(
        launch_url("a b", LmsFormat::Cmi5),
        "lms/index.html?story=a%20b&lms=cmi5"
    );
}

#[test]
fn scorm_values_status_score_time_location() {
    let story = santino();
    let done = |name: &str| ending(&story, name);
    assert_eq!(scorm::final_status(&done("expert"), Some(80.0)), "passed");
    assert_eq!(scorm::final_status(&done("worst"), Some(80.0)), "failed");
    assert_eq!(scorm::final_status(&done("worst"), None), "completed");
    assert_eq!(scorm::mastery("80"), Some(80.0));
    assert_eq!(scorm::mastery(""), None);
    assert_eq!(scorm::mastery("180"), None);
    assert_eq!(scorm::session_time(0), "0000:00:00.00");
    assert_eq!(scorm::session_time(3_723_450), "0001:02:03.45");
    assert_eq!(
        scorm::location(&StoryId::new("mr-santino"), &"n3".into()),
        "mr-santino/n3"
    );
    assert_eq!(progress_percent(&story, &story.file.start, 0), 0);
}

#[test]
fn suspend_data_replays_the_conversation_and_keeps_the_longest_prefix_that_fits() {
    let story = santino();
    let expert = path("expert");
    let saved = Suspend::encode(&story.id, &expert[..4], SUSPEND_LIMIT);
    assert!(!saved.truncated && saved.text.len() < 200, "{}", saved.text);
    let back = Suspend::decode(&saved.text).expect("reads back");
    let resumed = Session::replay(&story, back.replies.iter()).expect("replays");
    assert_eq!(resumed.history.len(), 4);
    assert_eq!(
        resumed,
        Session::replay(&story, expert[..4].iter()).expect("plays")
    );
    assert!(Suspend::decode("").is_none() && Suspend::decode("{\"v\":2}").is_none());

    // Above the limit: 300 replies of 20 characters cannot fit in 4,096.
    let long: Vec<ChoiceId> = (0..300)
        .map(|i| ChoiceId::new(format!("reply-number-{i:07}")))
        .collect();
    let cut = Suspend::encode(&story.id, &long, SUSPEND_LIMIT);
    assert!(cut.truncated);
    assert!(cut.text.chars().count() <= SUSPEND_LIMIT);
    let kept = Suspend::decode(&cut.text).expect("still readable").replies;
    assert!(kept.len() > 100 && kept.len() < 300, "{}", kept.len());
    assert_eq!(kept[..], long[..kept.len()], "a prefix, in order");
    // One more reply would not have fit.
    let one_more = Suspend::encode(&story.id, &long[..kept.len() + 1], usize::MAX);
    assert!(one_more.text.chars().count() > SUSPEND_LIMIT);
}

#[test]
fn resuming_restores_the_session_and_reports_nothing() {
    let story = santino();
    let expert = path("expert");
    let s = Rc::new(AppState::new(Lang::En, Progress::default()));
    let s = s.reduce(Action::Loaded(story.id.clone(), Ok(story.clone())));
    let s = s.reduce(Action::Open(story.id.clone()));
    let events = s.events.last();
    let session = Session::replay(&story, expert[..3].iter()).expect("plays");
    let s = s.reduce(Action::Resume(session.clone()));
    assert_eq!(s.sessions.get(&story.id), Some(&session));
    assert_eq!(s.events.last(), events, "restoring is not an event");
    // Before its story loads, it waits to be verified like saved progress.
    let s = Rc::new(AppState::new(Lang::En, Progress::default()));
    let s = s.reduce(Action::Resume(session.clone()));
    assert!(s.sessions.is_empty() && s.pending.len() == 1);
    let s = s.reduce(Action::Loaded(story.id.clone(), Ok(story)));
    assert_eq!(s.sessions.values().next(), Some(&session));
}

#[test]
fn a_score_at_the_mastery_score_passes_in_both_standards_and_one_below_fails() {
    let at = |score: u32| Completion {
        ending: "end".into(),
        outcome: rapport::engine::Outcome::Partial,
        scores: Vec::new(),
        score: Some(score),
    };
    for (mastery, score) in [(0.8, 80), (0.7, 70), (0.35, 35), (1.0, 100)] {
        assert_eq!(
            cmi5::judge(&at(score), Some(mastery)),
            Some(true),
            "{score} vs {mastery}"
        );
        assert_eq!(cmi5::judge(&at(score - 1), Some(mastery)), Some(false));
        let percent = mastery * 100.0;
        assert_eq!(scorm::final_status(&at(score), Some(percent)), "passed");
        assert_eq!(scorm::final_status(&at(score - 1), Some(percent)), "failed");
    }
    let none = Completion {
        score: None,
        ..at(0)
    };
    assert_eq!(cmi5::judge(&none, Some(0.0)), Some(true), "no score is 0");
    assert_eq!(
        cmi5::judge(&none, None),
        None,
        "no mastery score, no judgement"
    );
}
