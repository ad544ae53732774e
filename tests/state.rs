//! The app's reducer, natively: what each action does to the state a learner sees.

use rapport::engine::catalog::{Card, Catalog};
use rapport::engine::Story;
use rapport::engine::{load, ChoiceId, Outcome, Session, StoryId};
use rapport::events::{Event, Start};
use rapport::i18n::{Lang, Msg};
use rapport::state::{loaded, problems, Action, AppState, Entry, Fetched, Notice, Progress};
use std::rc::Rc;
use yew::Reducible;

fn story() -> Rc<rapport::engine::Story> {
    let bytes = std::fs::read("tests/fixtures/mini.json").expect("fixture");
    Rc::new(load(StoryId::new("mini"), &bytes).0.expect("loads"))
}

fn ready(saved: Progress) -> Rc<AppState> {
    let s = Rc::new(AppState::new(Lang::En, saved));
    s.reduce(Action::Loaded(StoryId::new("mini"), Ok(story())))
}

fn act(s: Rc<AppState>, a: Action) -> Rc<AppState> {
    s.reduce(a)
}

#[test]
fn a_saved_session_is_restored_once_its_story_loads() {
    let story = story();
    let ids = [ChoiceId::new("joke")];
    let mut saved = Progress::default();
    saved.sessions.insert(
        story.id.clone(),
        Session::replay(&story, ids.iter()).expect("plays"),
    );
    let s = Rc::new(AppState::new(Lang::En, saved));
    assert!(
        s.stories.get(&story.id).is_none(),
        "nothing is fetched ahead"
    );
    assert_eq!(
        s.saved_sessions().len(),
        1,
        "the library shows it before it is verified"
    );
    assert!(s.sessions.is_empty() && s.pending.len() == 1);
    let s = act(s, Action::Loaded(story.id.clone(), Ok(story.clone())));
    assert_eq!(
        s.sessions.get(&story.id).expect("a session").history.len(),
        1
    );
    assert!(s.pending.is_empty());
    assert!(s.notices.is_empty());
}

#[test]
fn a_session_from_another_version_is_set_aside_with_a_notice() {
    let story = story();
    let mut stale = Session::new(&story);
    stale.node = "gone".into();
    let mut saved = Progress::default();
    saved.sessions.insert(story.id.clone(), stale);
    let s = ready(saved);
    assert!(s.sessions.is_empty());
    assert_eq!(s.notices, [Notice(Msg::StaleSession)]);
}

#[test]
fn replies_back_replay_best_outcome_and_wipe() {
    let id = StoryId::new("mini");
    let s = ready(Progress::default());
    let s = act(s, Action::Choose(id.clone(), "explain".into()));
    let s = act(s, Action::Choose(id.clone(), "hope".into()));
    assert_eq!(s.best.get(&id), Some(&Outcome::Partial));
    let s = act(s, Action::ReplayFrom(id.clone(), 1));
    assert_eq!(s.sessions.get(&id).expect("a session").history.len(), 1);
    let s = act(s, Action::Choose(id.clone(), "alert".into()));
    assert_eq!(
        s.best.get(&id),
        Some(&Outcome::Success),
        "the best outcome is kept"
    );
    let s = act(s, Action::Restart(id.clone()));
    assert!(s.sessions.get(&id).expect("a session").history.is_empty());
    let s = act(s, Action::Choose(id.clone(), "joke".into()));
    let s = act(s, Action::Back(id.clone()));
    assert!(s.sessions.get(&id).expect("a session").history.is_empty());
    let s = act(s, Action::SetLang(Lang::Pt));
    assert_eq!(s.progress().lang, Some(Lang::Pt));
    let s = act(s, Action::Wipe);
    assert!(s.sessions.is_empty() && s.best.is_empty());
    assert_eq!(
        s.progress(),
        Progress::default(),
        "nothing of the visit remains"
    );
}

#[test]
fn an_action_that_changes_nothing_returns_the_same_state() {
    let id = StoryId::new("mini");
    let s = ready(Progress::default());
    let same = act(
        s.clone(),
        Action::Choose(id.clone(), "no-such-reply".into()),
    );
    assert!(Rc::ptr_eq(&s, &same), "no re-render for a stale click");
    let same = act(s.clone(), Action::Back(id));
    assert!(Rc::ptr_eq(&s, &same), "nothing to take back");
}

/// The events after `seen`, as (kind, story reply) pairs a reader can compare at a glance.
fn events_after(s: &AppState, seen: u64) -> Vec<String> {
    s.events
        .after(seen)
        .iter()
        .map(|n| match &n.event {
            Event::Started { how, .. } => format!("started {how:?}"),
            Event::Answered { number, turn, .. } => format!("answered {number} {}", turn.choice),
            Event::TookBack { number, turn, .. } => format!("took back {number} {}", turn.choice),
            Event::Completed { completion, .. } => {
                format!("completed {} {:?}", completion.ending, completion.outcome)
            }
            Event::Wiped => "wiped".into(),
        })
        .collect()
}

#[test]
fn every_reply_is_an_event_even_two_before_a_render() {
    let id = StoryId::new("mini");
    let s = ready(Progress::default());
    let seen = s.events.last();
    // Two replies dispatched before any render: a consumer reading after `seen` gets both.
    let s = act(s, Action::Choose(id.clone(), "explain".into()));
    let s = act(s, Action::Choose(id.clone(), "hope".into()));
    assert_eq!(
        events_after(&s, seen),
        [
            "started Opened",
            "answered 1 explain",
            "answered 2 hope",
            "completed shaky Partial"
        ]
    );
    let numbers: Vec<u64> = s.events.after(seen).iter().map(|n| n.seq).collect();
    assert_eq!(
        numbers,
        [seen + 1, seen + 2, seen + 3, seen + 4],
        "numbered in order"
    );
    assert!(
        s.events.after(s.events.last()).is_empty(),
        "nothing after the last"
    );
}

#[test]
fn a_reply_taken_back_and_answered_differently_is_one_event_each_in_order() {
    let id = StoryId::new("mini");
    let s = act(ready(Progress::default()), Action::Open(id.clone()));
    let seen = s.events.last();
    let s = act(s, Action::Choose(id.clone(), "joke".into()));
    let s = act(s, Action::Back(id.clone()));
    let s = act(s, Action::Choose(id.clone(), "explain".into()));
    assert_eq!(
        events_after(&s, seen),
        ["answered 1 joke", "took back 1 joke", "answered 1 explain"]
    );
    let again = act(s.clone(), Action::Open(id));
    assert!(
        Rc::ptr_eq(&s, &again),
        "opening a story under way starts nothing"
    );
}

#[test]
fn restart_replay_and_wipe_are_events_with_the_outcome_computed_once() {
    let id = StoryId::new("mini");
    let s = ready(Progress::default());
    let s = act(s, Action::Choose(id.clone(), "explain".into()));
    let s = act(s, Action::Choose(id.clone(), "hope".into()));
    let seen = s.events.last();
    let s = act(s, Action::ReplayFrom(id.clone(), 1));
    let s = act(s, Action::Choose(id.clone(), "alert".into()));
    let s = act(s, Action::Restart(id.clone()));
    let s = act(s, Action::Wipe);
    assert_eq!(
        events_after(&s, seen),
        [
            "started Replayed",
            "answered 1 explain",
            "answered 2 alert",
            "completed fixed Success",
            "started Restarted",
            "wiped"
        ]
    );
    let Some(Event::Completed { completion, .. }) = s
        .events
        .after(seen)
        .iter()
        .map(|n| &n.event)
        .find(|e| matches!(e, Event::Completed { .. }))
    else {
        panic!("a completion");
    };
    assert_eq!(completion.score, Some(100));
    assert!(matches!(
        s.events.after(0)[0].event,
        Event::Started {
            how: Start::Opened,
            ..
        }
    ));
}

/// The mini story as the build splits it: `stories/mini.<locale>.json`, written by
/// `storycheck build-stories` itself.
fn split(locale: &str) -> Rc<Story> {
    // A directory per call: the tests run at once, and each writes the files.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let out =
        std::env::temp_dir().join(format!("rapport-state-split-{}-{call}", std::process::id()));
    let args: Vec<String> = [
        "build-stories",
        &out.display().to_string(),
        "tests/fixtures/mini.json",
    ]
    .map(String::from)
    .into();
    let code = storycheck::run(&args, &mut Vec::new(), &mut Vec::new()).expect("runs");
    assert_eq!(code, 0);
    let file = out.join(format!("stories/mini.{locale}.json"));
    let bytes = std::fs::read(&file).expect("split written");
    let _ = std::fs::remove_dir_all(&out);
    let Action::Loaded(_, Ok(story)) = loaded(StoryId::new("mini"), "mini", &bytes) else {
        panic!("{} loads", file.display());
    };
    story
}

fn locales(s: &AppState) -> Vec<String> {
    match s.stories.get(&StoryId::new("mini")) {
        Some(Entry::Ready(story)) => story.file.locales.clone(),
        other => panic!("not ready: {other:?}"),
    }
}

#[test]
fn a_story_is_wanted_in_the_language_shown_and_again_when_it_changes() {
    let id = StoryId::new("mini");
    let s = Rc::new(AppState::new(Lang::En, Progress::default()));
    assert_eq!(s.wanted(&id).as_deref(), Some("en"));
    let s = act(s, Action::Loaded(id.clone(), Ok(split("en"))));
    assert_eq!(s.wanted(&id), None);
    let s = act(s, Action::Choose(id.clone(), "explain".into()));
    let s = act(s, Action::SetLang(Lang::Es));
    assert_eq!(
        s.wanted(&id).as_deref(),
        Some("es"),
        "the other language is fetched"
    );
    let before = s.sessions.get(&id).cloned();
    let s = act(s, Action::Loaded(id.clone(), Ok(split("es"))));
    assert_eq!(locales(&s), ["es"]);
    assert_eq!(s.wanted(&id), None);
    assert_eq!(
        s.sessions.get(&id).cloned(),
        before,
        "the conversation goes on"
    );
    assert!(s.notices.is_empty());
    // The reply already made plays on in the new language.
    let s = act(s, Action::Choose(id.clone(), "hope".into()));
    assert_eq!(s.best.get(&id), Some(&Outcome::Partial));
}

#[test]
fn a_saved_session_is_restored_on_any_language_of_its_story() {
    let whole = story();
    let mut saved = Progress::default();
    let session = Session::replay(&whole, [ChoiceId::new("explain")].iter()).expect("plays");
    saved.sessions.insert(whole.id.clone(), session.clone());
    let s = Rc::new(AppState::new(Lang::Pt, saved));
    let s = act(s, Action::Loaded(whole.id.clone(), Ok(split("pt"))));
    assert_eq!(s.sessions.get(&whole.id), Some(&session));
    assert!(s.notices.is_empty());
}

#[test]
fn a_language_that_arrives_after_the_learner_switched_back_is_not_shown() {
    let id = StoryId::new("mini");
    let s = Rc::new(AppState::new(Lang::En, Progress::default()));
    let s = act(s, Action::Loaded(id.clone(), Ok(split("en"))));
    let s = act(s, Action::SetLang(Lang::Es));
    let s = act(s, Action::SetLang(Lang::En));
    let s = act(s, Action::Loaded(id.clone(), Ok(split("es"))));
    assert_eq!(locales(&s), ["en"]);
    assert_eq!(s.wanted(&id), None);
}

#[test]
fn another_language_that_cannot_be_fetched_leaves_the_story_playable() {
    let id = StoryId::new("mini");
    let s = Rc::new(AppState::new(Lang::En, Progress::default()));
    let s = act(s, Action::Loaded(id.clone(), Ok(split("en"))));
    let s = act(s, Action::SetLang(Lang::Pt));
    let s = act(
        s,
        Action::Loaded(id.clone(), Err(problems("stories/mini.pt.json", vec![]))),
    );
    assert_eq!(locales(&s), ["en"]);
    // A story that could not be fetched at all says so.
    let other = StoryId::new("other");
    let s = act(
        s,
        Action::Loaded(
            other.clone(),
            Err(problems("stories/other.pt.json", vec![])),
        ),
    );
    assert!(
        matches!(s.stories.get(&other), Some(Fetched::Broken(p)) if p.file == "stories/other.pt.json")
    );
}

#[test]
fn a_whole_story_serves_every_language_and_a_card_names_the_fallback() {
    let id = StoryId::new("mini");
    let s = ready(Progress::default());
    let s = act(s, Action::SetLang(Lang::Pt));
    assert_eq!(
        s.wanted(&id),
        None,
        "the whole story (uploaded, inlined) has every locale"
    );
    // A story the catalog says has no Portuguese is fetched in its fallback.
    let mut card = Card::of(&story());
    card.locales = vec!["es".into()];
    let s = Rc::new(AppState::new(Lang::Pt, Progress::default()));
    let s = act(
        s,
        Action::Catalog(Ok(Rc::new(Catalog {
            stories: vec![card],
        }))),
    );
    assert_eq!(s.locale_of(&id), "es");
    assert_eq!(s.wanted(&id).as_deref(), Some("es"));
}

#[test]
fn a_language_the_server_lacks_gives_way_to_the_fallback_once_the_card_is_known() {
    let id = StoryId::new("mini");
    let s = Rc::new(AppState::new(Lang::Pt, Progress::default()));
    assert_eq!(s.wanted(&id).as_deref(), Some("pt"), "without the catalog");
    let s = act(
        s,
        Action::Loaded(id.clone(), Err(problems("stories/mini.pt.json", vec![]))),
    );
    let mut card = Card::of(&story());
    card.locales = vec!["en".into(), "es".into()];
    let s = act(
        s,
        Action::Catalog(Ok(Rc::new(Catalog {
            stories: vec![card],
        }))),
    );
    assert_eq!(s.wanted(&id).as_deref(), Some("en"));
    let s = act(s, Action::Loaded(id.clone(), Ok(split("en"))));
    assert_eq!(locales(&s), ["en"], "the broken entry is replaced");
    assert_eq!(s.wanted(&id), None);
}

#[test]
fn the_event_log_keeps_its_latest_events_and_their_numbers_run_on() {
    // A kiosk open for days: the log stays bounded, and a consumer that has read up to any kept
    // event still gets exactly the ones after it.
    let mut log = rapport::events::Log::default();
    let total = rapport::events::Log::KEEP as u64 * 3 + 7;
    for _ in 0..total {
        log.push(Event::Wiped);
    }
    assert_eq!(log.last(), total);
    assert_eq!(log.after(0).len(), rapport::events::Log::KEEP);
    assert_eq!(
        log.after(0)[0].seq,
        total - rapport::events::Log::KEEP as u64 + 1
    );
    assert_eq!(
        log.after(total - 2)
            .iter()
            .map(|e| e.seq)
            .collect::<Vec<_>>(),
        [total - 1, total]
    );
    assert!(log.after(total).is_empty());
}

#[test]
fn an_event_held_by_a_consumer_keeps_the_time_it_happened() {
    // The LRS's configuration (or the LMS) is not there yet: the consumer notes each event's
    // time at the render that showed it, and stamps it with that time when it can send.
    let mut log = rapport::events::Log::default();
    let mut times = rapport::events::Times::default();
    log.push(Event::Wiped);
    times.note(&log, 1_000.0);
    log.push(Event::Wiped);
    log.push(Event::Wiped);
    times.note(&log, 2_000.0);
    // Noted again later, while still held: the first times stand.
    times.note(&log, 9_000.0);
    assert_eq!(times.of(1, 9_000.0), 1_000.0);
    assert_eq!(times.of(2, 9_000.0), 2_000.0);
    assert_eq!(times.of(3, 9_000.0), 2_000.0);
    // Sent: their times are forgotten; a later event gets its own.
    times.handled(3);
    assert_eq!(times.of(1, -1.0), -1.0);
    log.push(Event::Wiped);
    times.note(&log, 9_500.0);
    assert_eq!(times.of(4, -1.0), 9_500.0);
}
