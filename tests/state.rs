//! The app's reducer, natively: what each action does to the state a learner sees.

use rapport::engine::{load, ChoiceId, Outcome, Session, StoryId};
use rapport::events::{Event, Start};
use rapport::i18n::{Lang, Msg};
use rapport::state::{Action, AppState, Entry, Notice, Progress};
use std::rc::Rc;
use yew::Reducible;

fn story() -> Rc<rapport::engine::Story> {
    let bytes = std::fs::read("tests/fixtures/mini.json").expect("fixture");
    Rc::new(load(StoryId::new("mini"), &bytes).0.expect("loads"))
}

fn ready(saved: Progress) -> Rc<AppState> {
    let s = Rc::new(AppState::new(Lang::En, &["mini"], saved));
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
    let s = Rc::new(AppState::new(Lang::En, &["mini"], saved));
    assert!(matches!(s.stories.get(&story.id), Some(Entry::Loading)));
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
