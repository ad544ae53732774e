//! The app's reducer, natively: what each action does to the state a learner sees.

use rapport::engine::{load, ChoiceId, Outcome, Session, StoryId};
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
