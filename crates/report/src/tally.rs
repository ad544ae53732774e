//! Reading statements page by page into a compact tally. A page (an LRS answer, a file) is
//! split into statements without building them; each is read alone, so a bad one is skipped and
//! counted while the rest are kept. What is kept per play-through is small (indices and times,
//! not the statements), so memory grows with the class, not with the pages read.

use crate::statement::{Statement, Wrapped};
use crate::time::iso_ms;
use rapport_engine::model::Outcome;
use rapport_engine::xapi::{self, ext, verbs};
use rapport_engine::Story;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::rc::Rc;

/// Which statements count: those whose time (`timestamp`, else `stored`) is in `[from, until)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Dates {
    /// First millisecond included (since the Unix epoch), if bounded.
    pub from: Option<i64>,
    /// First millisecond excluded, if bounded.
    pub until: Option<i64>,
}

impl Dates {
    /// Whether `ms` is in the range.
    pub fn contains(&self, ms: i64) -> bool {
        self.from.is_none_or(|f| ms >= f) && self.until.is_none_or(|u| ms < u)
    }
}

/// What happened to the statements read so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Statements read.
    pub read: usize,
    /// Used in the report.
    pub used: usize,
    /// Left out by the date range.
    pub outside: usize,
    /// Not a statement (not JSON, or without an actor, verb or object).
    pub malformed: usize,
    /// About another activity: another base IRI, or a story this deployment does not have.
    pub foreign: usize,
    /// About one of these stories but of a shape the report does not know: another verb, no
    /// registration or time, a node or reply this version of the story lacks.
    pub unknown: usize,
}

impl Counts {
    /// Statements skipped (malformed, foreign or of unknown shape).
    pub fn skipped(&self) -> usize {
        self.malformed + self.foreign + self.unknown
    }
}

/// A page that could not be read at all (not JSON).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageError(pub String);

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One reply as recorded: where, which, and when.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Answer {
    pub at: i64,
    pub stored: i64,
    pub arrival: u32,
    pub node: u32,
    pub choice: u32,
}

/// How a play-through ended, as its `completed` statement says.
#[derive(Clone, Debug)]
pub(crate) struct Done {
    pub at: i64,
    pub outcome: Outcome,
    pub score: Option<f64>,
    /// Per objective of the story, in its order.
    pub scores: Vec<Option<f64>>,
}

/// One play-through (one registration) of one story.
#[derive(Clone, Debug, Default)]
pub(crate) struct Play {
    pub learner: u32,
    pub first: i64,
    pub answers: Vec<Answer>,
    pub done: Option<Done>,
}

/// The play-throughs of one story.
pub(crate) struct StoryTally {
    pub story: Rc<Story>,
    pub plays: FxHashMap<String, Play>,
    node_index: FxHashMap<String, u32>,
}

/// The streaming tally: feed it pages, then ask for the [`crate::Report`].
pub struct Tally {
    base: String,
    /// The extension IRIs read, made once rather than for every statement.
    ext_choice: String,
    ext_outcome: String,
    ext_scores: String,
    dates: Dates,
    pub(crate) stories: Vec<StoryTally>,
    by_id: FxHashMap<String, usize>,
    pub(crate) learners: Vec<String>,
    learner_index: FxHashMap<String, u32>,
    pub(crate) counts: Counts,
}

/// An LRS's answer to `GET statements`: a page and the URL of the next.
#[derive(Deserialize)]
struct LrsPage<'a> {
    #[serde(borrow, default)]
    statements: Option<Vec<&'a RawValue>>,
    #[serde(default)]
    more: Option<String>,
}

/// What a statement adds to its play-through.
enum Record {
    Opened,
    Reply(Answer),
    Ended(Done),
}

enum Kind {
    Initialized,
    Answered,
    Completed,
    /// cmi5's statements about a session (progressed, passed, failed, terminated): of a known
    /// kind, but what they say the report reads from the replies and the ending already.
    Session,
}

impl Tally {
    /// A tally of the statements about `stories` under the activity `base` (as the deployment's
    /// `config.json` names it), counting only those in `dates`.
    pub fn new(stories: Vec<Rc<Story>>, base: &str, dates: Dates) -> Self {
        let mut base = base.to_string();
        if !base.ends_with('/') {
            base.push('/');
        }
        let by_id = stories
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.to_string(), i))
            .collect();
        let stories = stories
            .into_iter()
            .map(|story| StoryTally {
                node_index: story
                    .file
                    .nodes
                    .iter()
                    .enumerate()
                    .map(|(i, n)| (n.id.to_string(), i as u32))
                    .collect(),
                story,
                plays: FxHashMap::default(),
            })
            .collect();
        Self {
            ext_choice: xapi::ext(&base, ext::CHOICE),
            ext_outcome: xapi::ext(&base, ext::OUTCOME),
            ext_scores: xapi::ext(&base, ext::OBJECTIVE_SCORES),
            base,
            dates,
            stories,
            by_id,
            learners: Vec::new(),
            learner_index: FxHashMap::default(),
            counts: Counts::default(),
        }
    }

    /// What happened to the statements read so far.
    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// Reads one page: an LRS answer (`{"statements": […], "more": …}`), a JSON array of
    /// statements (or of `{"statement": …}` wrappers, as some LRS and LMS exports write them),
    /// one statement, or JSON lines (one statement a line). Returns the `more` URL of an LRS
    /// page, if it names one. Statements that cannot be used are counted, never fatal; only a
    /// page that is not JSON at all is an error.
    pub fn page(&mut self, text: &str) -> Result<Option<String>, PageError> {
        let trimmed = text.trim_start_matches('\u{feff}').trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        if trimmed.starts_with('[') {
            let items: Vec<&RawValue> = serde_json::from_str(trimmed)
                .map_err(|e| PageError(format!("not a JSON array of statements: {e}")))?;
            for item in items {
                self.statement(item.get());
            }
            return Ok(None);
        }
        match serde_json::from_str::<LrsPage>(trimmed) {
            Ok(LrsPage {
                statements: Some(items),
                more,
            }) => {
                for item in items {
                    self.statement(item.get());
                }
                Ok(more.filter(|m| !m.is_empty()))
            }
            // One statement alone.
            Ok(LrsPage {
                statements: None, ..
            }) => {
                self.statement(trimmed);
                Ok(None)
            }
            Err(first) => {
                // JSON lines, as ralph's file store and some exports keep them.
                let lines: Vec<&str> = trimmed.lines().filter(|l| !l.trim().is_empty()).collect();
                if lines.len() < 2 {
                    return Err(PageError(format!("not a statements file: {first}")));
                }
                for line in lines {
                    self.statement(line);
                }
                Ok(None)
            }
        }
    }

    /// Reads one statement's JSON.
    pub fn statement(&mut self, json: &str) {
        self.counts.read += 1;
        let parsed = match serde_json::from_str::<Statement>(json) {
            Ok(s) if s.verb.is_some() || s.object.is_some() => Ok(s),
            _ => match serde_json::from_str::<Wrapped>(json) {
                Ok(w) => serde_json::from_str::<Statement>(w.statement.get()),
                Err(e) => Err(e),
            },
        };
        let Ok(s) = parsed else {
            self.counts.malformed += 1;
            return;
        };
        let (Some(actor), Some(verb), Some(object)) = (
            &s.actor,
            s.verb.as_ref().and_then(|v| v.id.as_deref()),
            s.object.as_ref().and_then(|o| o.id.as_deref()),
        ) else {
            self.counts.malformed += 1;
            return;
        };
        let Some(activity) = xapi::activity(&self.base, object) else {
            self.counts.foreign += 1;
            return;
        };
        let Some(&story_at) = self.by_id.get(activity.story) else {
            self.counts.foreign += 1;
            return;
        };
        let kind = match (verb, activity.node) {
            (verbs::INITIALIZED, None) => Kind::Initialized,
            (verbs::ANSWERED, Some(_)) => Kind::Answered,
            (verbs::COMPLETED, None) => Kind::Completed,
            (verbs::PROGRESSED | verbs::PASSED | verbs::FAILED | verbs::TERMINATED, None) => {
                Kind::Session
            }
            _ => {
                self.counts.unknown += 1;
                return;
            }
        };
        let at = s.timestamp.as_deref().and_then(iso_ms);
        let stored = s.stored.as_deref().and_then(iso_ms);
        let (Some(at), Some(registration), Some(key)) = (
            at.or(stored),
            s.context.as_ref().and_then(|c| c.registration.as_deref()),
            actor.key(),
        ) else {
            self.counts.unknown += 1;
            return;
        };
        if !self.dates.contains(at) {
            self.counts.outside += 1;
            return;
        }
        let tally = &self.stories[story_at];
        let extension = |iri: &str| {
            s.result
                .as_ref()
                .and_then(|r| r.extensions.as_ref())
                .and_then(|e| e.get(iri).copied())
        };
        // Everything is checked before anything is kept, so a statement is used whole or not.
        let event = match kind {
            // Read and known: counted as used, not skipped, so a cmi5 class shows no warning for
            // what an LMS launch sends besides the replies.
            Kind::Session => {
                self.counts.used += 1;
                return;
            }
            Kind::Initialized => Record::Opened,
            Kind::Answered => {
                let node_id = activity.node.unwrap_or_default();
                let choice_id = s
                    .result
                    .as_ref()
                    .and_then(|r| r.response.as_deref().map(str::to_string))
                    .or_else(|| {
                        extension(&self.ext_choice).and_then(|v| serde_json::from_str(v.get()).ok())
                    });
                let found = tally.node_index.get(node_id).and_then(|&n| {
                    let node = tally.story.file.nodes.get(n as usize)?;
                    let c = node
                        .choices
                        .iter()
                        .position(|c| Some(c.id.as_str()) == choice_id.as_deref())?;
                    Some((n, c as u32))
                });
                let Some((node, choice)) = found else {
                    self.counts.unknown += 1;
                    return;
                };
                Record::Reply(Answer {
                    at,
                    stored: stored.unwrap_or(at),
                    arrival: self.counts.read as u32,
                    node,
                    choice,
                })
            }
            Kind::Completed => {
                let outcome = extension(&self.ext_outcome)
                    .and_then(|v| serde_json::from_str::<&str>(v.get()).ok())
                    .and_then(|name| {
                        [Outcome::Failure, Outcome::Partial, Outcome::Success]
                            .into_iter()
                            .find(|o| o.as_str() == name)
                    });
                let Some(outcome) = outcome else {
                    self.counts.unknown += 1;
                    return;
                };
                let scores: FxHashMap<String, Option<f64>> = extension(&self.ext_scores)
                    .and_then(|v| serde_json::from_str(v.get()).ok())
                    .unwrap_or_default();
                Record::Ended(Done {
                    at,
                    outcome,
                    score: s.result.as_ref().and_then(|r| r.score.as_ref()?.raw),
                    scores: tally
                        .story
                        .file
                        .objectives
                        .iter()
                        .map(|o| scores.get(o.id.as_str()).copied().flatten())
                        .collect(),
                })
            }
        };
        let learner = match self.learner_index.get(&key) {
            Some(&i) => i,
            None => {
                let i = self.learners.len() as u32;
                self.learners.push(actor.label(&key));
                self.learner_index.insert(key, i);
                i
            }
        };
        self.counts.used += 1;
        let plays = &mut self.stories[story_at].plays;
        // Looked up before inserting: most statements continue a play-through already seen, and
        // `entry` would copy the registration for each.
        if !plays.contains_key(registration) {
            plays.insert(
                registration.to_string(),
                Play {
                    learner,
                    first: at,
                    ..Play::default()
                },
            );
        }
        let Some(play) = plays.get_mut(registration) else {
            return;
        };
        play.first = play.first.min(at);
        match event {
            Record::Opened => {}
            Record::Reply(answer) => play.answers.push(answer),
            // A play-through completes once; a second record of it keeps the later one.
            Record::Ended(done) => {
                if play.done.as_ref().is_none_or(|d| d.at <= done.at) {
                    play.done = Some(done);
                }
            }
        }
    }
}
