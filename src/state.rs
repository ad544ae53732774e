//! The app's state and every action on it. The reducer is pure: no storage, no timers, no DOM;
//! it records what happened as numbered events (`crate::events`), and effects in `hooks` do the
//! I/O, read the events and dispatch actions.

use crate::engine::catalog::Catalog;
use crate::engine::small::SortedMap;
use crate::engine::{completion, ChoiceId, Diagnostic, Outcome, Session, Story, StoryId};
use crate::events::{Event, Log, Start};
use crate::i18n::{Lang, Msg};
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::prelude::*;

/// Why a file could not be used: its name, as the page asked for it, and its located problems.
#[derive(Clone, Debug, PartialEq)]
pub struct Problems {
    /// The file (`stories/mr-santino.es.json`, `catalog.json`).
    pub file: String,
    /// What is wrong, and where.
    pub list: Vec<Diagnostic>,
}

/// Something the app fetches: the catalog, or a story.
#[derive(Clone, Debug, PartialEq)]
pub enum Fetched<T> {
    /// Not here yet.
    Loading,
    /// Loaded and valid.
    Ready(T),
    /// Could not be fetched, parsed or validated; the problems say why and where.
    Broken(Rc<Problems>),
}

/// A story as the app holds it: either whole (every locale it has: uploaded, inlined in the
/// one-file bundle, or its whole file) or one locale of it (the build's
/// `stories/<id>.<locale>.json`, what a learner downloads).
pub type Entry = Fetched<Rc<Story>>;

/// Whether `story` can be shown in `locale` as its whole file would show it: it holds `locale`,
/// or it is whole (a split holds one locale; a whole story lacking `locale` falls back, as it
/// would anyway).
fn serves(story: &Story, locale: &str) -> bool {
    story.file.locales.len() > 1 || story.file.locales.iter().any(|l| l == locale)
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
    /// The library's cards (`catalog.json`), fetched once the library or the kiosk shows.
    pub catalog: Fetched<Rc<Catalog>>,
    /// The stories opened on this page (or loaded by the learner), by id: only these are
    /// fetched, each in the language it is shown in.
    pub stories: SortedMap<StoryId, Entry>,
    /// Sessions, verified against their story once it loads.
    pub sessions: SortedMap<StoryId, Session>,
    /// Saved sessions waiting for their story to load before they are verified.
    pub pending: SortedMap<StoryId, Session>,
    /// Best outcome per story.
    pub best: SortedMap<StoryId, Outcome>,
    /// Messages for the learner.
    pub notices: Vec<Notice>,
    /// What happened on this page, numbered, for the consumers that report it.
    pub events: Log,
}

impl AppState {
    /// The state at start-up: nothing fetched yet; saved progress waits for its stories.
    pub fn new(lang: Lang, saved: Progress) -> Self {
        Self {
            lang: saved.lang.unwrap_or(lang),
            lang_chosen: saved.lang.is_some(),
            catalog: Fetched::Loading,
            stories: SortedMap::new(),
            sessions: SortedMap::new(),
            pending: saved.sessions,
            best: saved.best,
            notices: Vec::new(),
            events: Log::default(),
        }
    }

    /// The loaded story with this id.
    pub fn story(&self, id: &StoryId) -> Option<&Rc<Story>> {
        match self.stories.get(id) {
            Some(Entry::Ready(story)) => Some(story),
            _ => None,
        }
    }

    /// The locale story `id` is shown in: the interface language, or the story's fallback when
    /// its card says it lacks that language. Without the catalog, the interface language; when
    /// the build has no file in it, the catalog is fetched, and its card names the fallback.
    pub fn locale_of(&self, id: &StoryId) -> String {
        let lang = self.lang.code();
        let card = match &self.catalog {
            Fetched::Ready(catalog) => catalog.card(id),
            _ => None,
        };
        card.map_or(lang, |card| card.localiser(lang).locale)
            .to_string()
    }

    /// The locale of story `id` to fetch for the screen, when the state does not hold the story
    /// in it (or whole).
    pub fn wanted(&self, id: &StoryId) -> Option<String> {
        let locale = self.locale_of(id);
        match self.stories.get(id) {
            Some(Fetched::Ready(story)) if serves(story, &locale) => None,
            _ => Some(locale),
        }
    }

    /// Every saved session, verified or still waiting for its story: what the library's cards
    /// show, since the library loads no story to verify them against.
    pub fn saved_sessions(&self) -> SortedMap<StoryId, Session> {
        let mut sessions = self.pending.clone();
        sessions.extend(self.sessions.clone());
        sessions
    }

    /// What is saved: everything the learner did.
    pub fn progress(&self) -> Progress {
        Progress {
            lang: self.lang_chosen.then_some(self.lang),
            sessions: self.saved_sessions(),
            best: self.best.clone(),
        }
    }

    /// Makes reply `choice` in story `id`, starting a play-through if none is under way; records
    /// the reply and, when it ends the conversation, the completion. `false`: nothing happened
    /// (a stale click on a reply no longer offered).
    fn choose(&mut self, story: &Rc<Story>, choice: &ChoiceId) -> bool {
        let id = &story.id;
        if self.sessions.get(id).is_none() {
            self.start(story, Start::Opened);
        }
        let Some(session) = self.sessions.get_mut(id) else {
            return false;
        };
        let Ok(turn) = session.choose(story, choice).cloned() else {
            return false;
        };
        let event = Event::Answered {
            story: id.clone(),
            number: session.history.len(),
            turn,
            emotions: session.emotions.clone(),
        };
        let done = completion(story, session);
        self.events.push(event);
        if let Some(completion) = done {
            let best = self
                .best
                .get_or_insert_with(id.clone(), || completion.outcome);
            *best = (*best).max(completion.outcome);
            self.events.push(Event::Completed {
                story: id.clone(),
                completion,
            });
        }
        true
    }

    /// A new play-through of `story` from its start.
    fn start(&mut self, story: &Story, how: Start) {
        self.sessions.insert(story.id.clone(), Session::new(story));
        self.events.push(Event::Started {
            story: story.id.clone(),
            how,
        });
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
    /// A story file (whole, or one locale of it) was fetched and checked.
    Loaded(StoryId, Result<Rc<Story>, Rc<Problems>>),
    /// The catalog was fetched and read.
    Catalog(Result<Rc<Catalog>, Rc<Problems>>),
    /// A story loaded by the learner ("load your own story"): added and started fresh.
    Add(Rc<Story>),
    /// The learner is looking at this story: a play-through begins unless one is under way.
    Open(StoryId),
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
                // A session under way stays as it is: every locale of a story has the same
                // graph and ids, so the conversation goes on in the new language.
                let locale = next.locale_of(&id);
                let keep = matches!(next.stories.get(&id), Some(Entry::Ready(held))
                    if serves(held, &locale) && !serves(&story, &locale));
                // Unless it arrived late: the learner switched back before it came.
                if !keep {
                    next.stories.insert(id, Entry::Ready(story));
                }
            }
            Action::Loaded(id, Err(problems)) => {
                // A story on screen stays playable in the language it has when another of its
                // languages cannot be fetched (offline without the service worker).
                if !matches!(next.stories.get(&id), Some(Entry::Ready(_))) {
                    next.stories.insert(id, Entry::Broken(problems));
                }
            }
            Action::Catalog(Ok(catalog)) => next.catalog = Fetched::Ready(catalog),
            Action::Catalog(Err(problems)) => next.catalog = Fetched::Broken(problems),
            Action::Add(story) => {
                next.stories
                    .insert(story.id.clone(), Entry::Ready(story.clone()));
                next.start(&story, Start::Opened);
            }
            Action::Open(id) => {
                let Some(story) = next.story(&id).cloned() else {
                    return self;
                };
                if next.sessions.get(&id).is_some() {
                    return self;
                }
                next.start(&story, Start::Opened);
            }
            Action::Choose(id, choice) => {
                let Some(story) = next.story(&id).cloned() else {
                    return self;
                };
                if !next.choose(&story, &choice) {
                    // A stale click (double click, replayed event): nothing to do.
                    return self;
                }
            }
            Action::Back(id) => {
                let Some(story) = next.story(&id).cloned() else {
                    return self;
                };
                let Some(session) = next.sessions.get_mut(&id) else {
                    return self;
                };
                let (number, last) = (session.history.len(), session.history.last().cloned());
                let (Some(turn), Ok(())) = (last, session.back(&story)) else {
                    return self;
                };
                next.events.push(Event::TookBack {
                    story: id,
                    number,
                    turn,
                });
            }
            Action::Restart(id) => {
                let Some(story) = next.story(&id).cloned() else {
                    return self;
                };
                next.start(&story, Start::Restarted);
            }
            Action::ReplayFrom(id, turn) => {
                let Some(story) = next.story(&id).cloned() else {
                    return self;
                };
                let Some(session) = next.sessions.get(&id) else {
                    return self;
                };
                if turn >= session.history.len() {
                    // Replaying every reply would only reach the same ending again.
                    return self;
                }
                let kept: Vec<ChoiceId> = session
                    .history
                    .iter()
                    .take(turn)
                    .map(|t| t.choice.clone())
                    .collect();
                if Session::replay(&story, &kept).is_err() {
                    return self;
                }
                // A new play-through that begins with the kept replies, each reported as made.
                next.start(&story, Start::Replayed);
                for choice in &kept {
                    next.choose(&story, choice);
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
                next.events.push(Event::Wiped);
            }
            Action::Notify(msg) => next.notice(msg),
            Action::Dismiss(msg) => next.notices.retain(|n| n.0 != msg),
        }
        Rc::new(next)
    }
}

/// Loads the bytes of story `id`'s `file` (whole or one locale) into what [`Action::Loaded`]
/// carries.
pub fn loaded(id: StoryId, file: &str, bytes: &[u8]) -> Action {
    // The build checked every story it wrote (engine::load_checked says why that is enough).
    match crate::engine::load_checked(id.clone(), bytes) {
        Ok(story) => Action::Loaded(id, Ok(Rc::new(story))),
        Err(problem) => Action::Loaded(id, Err(problems(file, vec![problem]))),
    }
}

/// Reads the bytes of the catalog (`file`) into what [`Action::Catalog`] carries.
pub fn catalog_read(file: &str, bytes: &[u8]) -> Action {
    // From text, as the engine reads stories: `from_slice` would compile a second copy of the
    // deserialisers of every type the catalog shares with a story (texts, the look).
    let text = String::from_utf8_lossy(bytes);
    match serde_json::from_str::<Catalog>(&text) {
        Ok(catalog) => Action::Catalog(Ok(Rc::new(catalog))),
        Err(e) => {
            // serde_json ends its message with " at line L column C"; the place has its fields.
            let message = e.to_string();
            let message = message
                .rfind(" at line ")
                .map_or(message.as_str(), |cut| &message[..cut]);
            let problem = Diagnostic {
                severity: crate::engine::Severity::Error,
                message: message.to_string(),
                pointer: None,
                line: Some(e.line().max(1)),
                column: Some(e.column().max(1)),
            };
            Action::Catalog(Err(problems(file, vec![problem])))
        }
    }
}

/// [`Problems`] of `file`, shared.
pub fn problems(file: &str, list: Vec<Diagnostic>) -> Rc<Problems> {
    Rc::new(Problems {
        file: file.to_string(),
        list,
    })
}

/// The shared handle to the state.
pub type AppContext = UseReducerHandle<AppState>;
