//! The app's state and every action on it. The reducer is pure: no storage, no timers, no DOM;
//! effects in `hooks` do the I/O and dispatch actions.

use crate::engine::small::SortedMap;
use crate::engine::{review, ChoiceId, Diagnostic, Outcome, Report, Session, Story, StoryId};
use crate::i18n::{Lang, Msg};
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::prelude::*;

/// Key under which progress is saved; the version changes when the saved shape does.
pub const PROGRESS_KEY: &str = "rapport:v1:progress";

/// A story as the library knows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// Being fetched.
    Loading,
    /// Loaded and valid.
    Ready(Rc<Story>),
    /// Could not be fetched, parsed or validated; the problems say why and where.
    Broken(Rc<Vec<Diagnostic>>),
}

/// What is saved in browser storage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Interface language the learner picked, if they picked one.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// The conversation in progress (or finished) per story.
    #[serde(default)]
    pub sessions: SortedMap<StoryId, Session>,
    /// Best outcome reached per story.
    #[serde(default)]
    pub best: SortedMap<StoryId, Outcome>,
}

/// A message shown above the page until dismissed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Notice(pub Msg);

/// The whole app state.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Interface language.
    pub lang: Lang,
    /// True once the learner chose a language (then it is remembered).
    pub lang_chosen: bool,
    /// Every story the app knows, by id.
    pub stories: SortedMap<StoryId, Entry>,
    /// Sessions, verified against their story once it loads.
    pub sessions: SortedMap<StoryId, Session>,
    /// Saved sessions waiting for their story to load before they are verified.
    pub pending: SortedMap<StoryId, Session>,
    /// Best outcome per story.
    pub best: SortedMap<StoryId, Outcome>,
    /// Messages for the learner.
    pub notices: Vec<Notice>,
}

impl AppState {
    /// The state at start-up: the catalog is loading; saved progress waits for its stories.
    pub fn new(lang: Lang, ids: &[&str], saved: Progress) -> Self {
        Self {
            lang: saved.lang.unwrap_or(lang),
            lang_chosen: saved.lang.is_some(),
            stories: ids
                .iter()
                .map(|id| (StoryId::new(id), Entry::Loading))
                .collect(),
            sessions: SortedMap::new(),
            pending: saved.sessions,
            best: saved.best,
            notices: Vec::new(),
        }
    }

    /// The loaded story with this id.
    pub fn story(&self, id: &StoryId) -> Option<&Rc<Story>> {
        match self.stories.get(id) {
            Some(Entry::Ready(story)) => Some(story),
            _ => None,
        }
    }

    /// What is saved: everything the learner did.
    pub fn progress(&self) -> Progress {
        let mut sessions = self.pending.clone();
        sessions.extend(self.sessions.clone());
        Progress {
            lang: self.lang_chosen.then_some(self.lang),
            sessions,
            best: self.best.clone(),
        }
    }

    fn notice(&mut self, msg: Msg) {
        if !self.notices.contains(&Notice(msg)) {
            self.notices.push(Notice(msg));
        }
    }
}

/// Everything that can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A story file was fetched and checked.
    Loaded(StoryId, Result<Rc<Story>, Rc<Vec<Diagnostic>>>),
    /// A story loaded by the learner ("load your own story"): added and started fresh.
    Add(Rc<Story>),
    /// The learner picked a reply.
    Choose(StoryId, ChoiceId),
    /// The learner took back their last reply.
    Back(StoryId),
    /// Start the story over.
    Restart(StoryId),
    /// Go back to just before the reply at this turn index.
    ReplayFrom(StoryId, usize),
    /// The learner picked an interface language.
    SetLang(Lang),
    /// Forget everything the learner did (kiosk: the next visitor starts clean).
    Wipe,
    /// Show a message.
    Notify(Msg),
    /// Hide a message.
    Dismiss(Msg),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Loaded(id, Ok(story)) => {
                if let Some(saved) = next.pending.remove(&id) {
                    match saved.verify(&story) {
                        Ok(session) => {
                            next.sessions.insert(id.clone(), session);
                        }
                        Err(_) => next.notice(Msg::StaleSession),
                    }
                }
                next.stories.insert(id, Entry::Ready(story));
            }
            Action::Loaded(id, Err(problems)) => {
                next.stories.insert(id, Entry::Broken(problems));
            }
            Action::Add(story) => {
                next.sessions.insert(story.id.clone(), Session::new(&story));
                next.stories.insert(story.id.clone(), Entry::Ready(story));
            }
            Action::Choose(id, choice) => {
                let Some(story) = next.story(&id).cloned() else {
                    return self;
                };
                let session = next
                    .sessions
                    .get_or_insert_with(id.clone(), || Session::new(&story));
                if session.choose(&story, &choice).is_err() {
                    // A stale click (double click, replayed event): nothing to do.
                    return self;
                }
                if let Some(outcome) = review(&story, session).outcome {
                    let best = next.best.get_or_insert_with(id, || outcome);
                    *best = (*best).max(outcome);
                }
            }
            Action::Back(id) => {
                let Some(story) = next.story(&id).cloned() else {
                    return self;
                };
                let undone = next
                    .sessions
                    .get_mut(&id)
                    .is_some_and(|session| session.back(&story).is_ok());
                if !undone {
                    return self;
                }
            }
            Action::Restart(id) => {
                let Some(story) = next.story(&id).cloned() else {
                    return self;
                };
                next.sessions.insert(id, Session::new(&story));
            }
            Action::ReplayFrom(id, turn) => {
                let Some(story) = next.story(&id).cloned() else {
                    return self;
                };
                let Some(session) = next.sessions.get(&id) else {
                    return self;
                };
                let kept = session.history.iter().take(turn).map(|t| &t.choice);
                match Session::replay(&story, kept) {
                    Ok(replayed) => {
                        next.sessions.insert(id, replayed);
                    }
                    Err(_) => return self,
                }
            }
            Action::SetLang(lang) => {
                if next.lang == lang && next.lang_chosen {
                    return self;
                }
                next.lang = lang;
                next.lang_chosen = true;
            }
            Action::Wipe => {
                next.sessions.clear();
                next.pending.clear();
                next.best.clear();
                next.lang_chosen = false;
                next.notices.clear();
            }
            Action::Notify(msg) => next.notice(msg),
            Action::Dismiss(msg) => next.notices.retain(|n| n.0 != msg),
        }
        Rc::new(next)
    }
}

/// Turns a loader result into what [`Action::Loaded`] carries.
pub fn loaded(id: StoryId, bytes: &[u8]) -> Action {
    let (story, report): (Option<Story>, Report) = crate::engine::load(id.clone(), bytes);
    match story {
        Some(story) => Action::Loaded(id, Ok(Rc::new(story))),
        None => Action::Loaded(id, Err(Rc::new(report.errors))),
    }
}

/// The shared handle to the state.
pub type AppContext = UseReducerHandle<AppState>;
