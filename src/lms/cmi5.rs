//! cmi5 (the xAPI launch standard): the launch parameters, the LMS's LaunchData, what this
//! launch has sent, and the statements. A reply is the app's own xAPI reply statement
//! (`records::answered`) made "cmi5 allowed"; the rest are "cmi5 defined" statements about the
//! AU itself. The order an AU must keep (initialized first, terminated last, nothing after it,
//! one completed, one passed or failed) is decided by [`Sent`].

use crate::engine::{Completion, Story, Turn};
use crate::records::{answered, iso_duration, Stamp, XapiConfig};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// The verbs, spelled once for the statement builder and the class report. Of cmi5's, an AU
/// sends initialized, completed, passed, failed, terminated and progressed; never `launched`,
/// `abandoned`, `waived`, `satisfied`: those are the LMS's.
pub use crate::engine::xapi::verbs;

/// The context category every "cmi5 defined" statement carries.
pub const CATEGORY_CMI5: &str = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
/// The context category of statements that carry `result.success` or `result.completion`.
pub const CATEGORY_MOVEON: &str = "https://w3id.org/xapi/cmi5/context/categories/moveon";
/// The context extension giving the mastery score a pass or fail was judged against.
pub const EXT_MASTERY: &str = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
/// The result extension of `progressed`: 0 to 100.
pub const EXT_PROGRESS: &str = "https://w3id.org/xapi/cmi5/result/extensions/progress";
/// The LaunchData state document's id.
pub const LAUNCH_DATA: &str = "LMS.LaunchData";
/// The learner preferences agent profile's id.
pub const LEARNER_PREFERENCES: &str = "cmi5LearnerPreferences";

/// The five parameters an LMS adds to the AU's URL.
#[derive(Clone, Debug, PartialEq)]
pub struct Launch {
    /// The LRS endpoint (ending in `/`).
    pub endpoint: String,
    /// Where to POST, once, for the auth token.
    pub fetch: String,
    /// The learner: an xAPI Agent with an `account`.
    pub actor: Value,
    /// The registration (UUID) every statement carries.
    pub registration: String,
    /// The AU's activity IRI: the object of the cmi5 defined statements.
    pub activity_id: String,
}

impl Launch {
    /// The launch in a page's parameters (`param` reads one, decoded), if all five are there
    /// and the actor is JSON.
    pub fn from_params(param: impl Fn(&str) -> Option<String>) -> Option<Launch> {
        let mut endpoint = param("endpoint").filter(|e| !e.is_empty())?;
        if !endpoint.ends_with('/') {
            endpoint.push('/');
        }
        Some(Launch {
            endpoint,
            fetch: param("fetch").filter(|f| !f.is_empty())?,
            actor: serde_json::from_str(&param("actor")?).ok()?,
            registration: param("registration").filter(|r| !r.is_empty())?,
            activity_id: param("activityId").filter(|a| !a.is_empty())?,
        })
    }
}

/// What the `fetch` URL answers.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FetchAnswer {
    /// The token, on success.
    #[serde(rename = "auth-token")]
    pub auth_token: Option<String>,
    /// The LMS's error code, on failure.
    #[serde(rename = "error-code")]
    pub error_code: Option<Value>,
    /// The LMS's explanation, on failure.
    #[serde(rename = "error-text")]
    pub error_text: Option<String>,
}

/// How the LMS launched the AU.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LaunchMode {
    /// For credit: every statement.
    #[default]
    Normal,
    /// A look without credit: only initialized and terminated.
    Browse,
    /// A look back: only initialized and terminated.
    Review,
}

/// The LMS's `LMS.LaunchData` state document (read only).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LaunchData {
    /// The context every statement is built on.
    #[serde(default)]
    pub context_template: Value,
    /// Normal, Browse or Review.
    #[serde(default)]
    pub launch_mode: LaunchMode,
    /// The score (0 to 1) that passes; without one, only completed is sent.
    #[serde(default)]
    pub mastery_score: Option<f64>,
    /// Where to go on leaving.
    #[serde(default, rename = "returnURL")]
    pub return_url: Option<String>,
    /// What the LMS requires to move on (informative: the AU sends what happened).
    #[serde(default)]
    pub move_on: Option<String>,
}

impl LaunchData {
    /// Whether statements beyond initialized and terminated may be sent.
    pub fn for_credit(&self) -> bool {
        self.launch_mode == LaunchMode::Normal
    }
}

/// What one launch has sent, kept in session storage so a reload of the same launch neither
/// fetches a second token nor repeats a statement.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sent {
    /// The launch's registration (a record of another launch is not this one's).
    pub registration: String,
    /// The token `fetch` gave.
    pub token: Option<String>,
    /// When the session began (ms since the epoch): durations count from it.
    pub started_ms: f64,
    /// `initialized` is queued.
    pub initialized: bool,
    /// `completed` is queued.
    pub completed: bool,
    /// `passed` or `failed` is queued.
    pub judged: bool,
    /// `terminated` is queued: nothing more may be.
    pub terminated: bool,
    /// The highest progress reported: a branch longer than the shortest way to an ending
    /// does not make progress go back.
    #[serde(default)]
    pub progress: u8,
}

/// What happened, as a cmi5 session reports it.
#[derive(Clone, Copy, Debug)]
pub enum Moment<'a> {
    /// The AU is ready (LaunchData read): the session begins.
    Began,
    /// The learner made reply `number` (from 1) of a play-through of `story`.
    Replied {
        /// The story.
        story: &'a Story,
        /// The reply.
        turn: &'a Turn,
        /// Its number in the play-through.
        number: usize,
    },
    /// The conversation reached an ending.
    Ended(&'a Completion),
    /// The learner left: the session ends.
    Left,
}

impl Sent {
    /// A new record for `registration`, begun at `now_ms`.
    pub fn new(registration: &str, now_ms: f64) -> Sent {
        Sent {
            registration: registration.to_string(),
            started_ms: now_ms,
            ..Sent::default()
        }
    }

    /// The statements `moment` calls for, at `now_ms` (`stamp` gives each its id and time),
    /// and what is sent recorded: initialized before anything else and once; in Browse and
    /// Review nothing but initialized and terminated; completed once; one passed or failed;
    /// terminated once, and nothing after it.
    pub fn report(
        &mut self,
        launch: &Launch,
        data: &LaunchData,
        moment: Moment<'_>,
        now_ms: f64,
        stamp: &mut dyn FnMut() -> Stamp,
    ) -> Vec<Value> {
        if self.terminated {
            return Vec::new();
        }
        let duration = (now_ms - self.started_ms).max(0.0) as u64;
        let mut out = Vec::new();
        if !self.initialized {
            out.push(initialized(launch, data, &stamp()));
            self.initialized = true;
        }
        match moment {
            Moment::Began => {}
            Moment::Replied {
                story,
                turn,
                number,
            } if data.for_credit() => {
                out.push(reply(launch, data, story, turn, &stamp()));
                let percent = super::progress_percent(story, &turn.to, number).max(self.progress);
                self.progress = percent;
                out.push(progressed(launch, data, percent, &stamp()));
            }
            Moment::Ended(completion) if data.for_credit() => {
                if !self.completed {
                    out.push(completed(launch, data, &stamp(), duration));
                    self.completed = true;
                }
                if !self.judged {
                    if let Some(s) = judged(launch, data, completion, &stamp(), duration) {
                        out.push(s);
                        self.judged = true;
                    }
                }
            }
            Moment::Replied { .. } | Moment::Ended(_) => {}
            Moment::Left => {
                out.push(terminated(launch, data, &stamp(), duration));
                self.terminated = true;
            }
        }
        out
    }
}

/// Merges `ours` into the LMS's context `template`: every value of the template is kept, ours
/// are added where it has none, and lists (context activities) get ours appended.
pub fn merge_context(template: &Value, ours: &Value) -> Value {
    match (template, ours) {
        (Value::Object(t), Value::Object(o)) => {
            let mut out = t.clone();
            for (k, v) in o {
                let merged = match t.get(k) {
                    Some(tv) => merge_context(tv, v),
                    None => v.clone(),
                };
                out.insert(k.clone(), merged);
            }
            Value::Object(out)
        }
        (Value::Array(t), Value::Array(o)) => {
            let mut out = t.clone();
            out.extend(o.iter().filter(|v| !t.contains(v)).cloned());
            Value::Array(out)
        }
        (Value::Null, o) => o.clone(),
        (t, _) => t.clone(),
    }
}

/// The xAPI settings the app's own statement builders need: the launch's LRS and learner.
pub fn xapi_config(launch: &Launch) -> XapiConfig {
    XapiConfig {
        endpoint: launch.endpoint.clone(),
        auth: None,
        actor: Some(launch.actor.clone()),
        activity_base: crate::engine::xapi::DEFAULT_BASE.into(),
    }
}

/// Puts a statement in this launch: its actor, registration, and the context template under
/// its own context.
fn in_launch(mut statement: Value, launch: &Launch, data: &LaunchData) -> Value {
    statement["actor"] = launch.actor.clone();
    let mut ours = statement["context"].take();
    ours["registration"] = json!(launch.registration);
    statement["context"] = merge_context(&data.context_template, &ours);
    // The registration is the launch's even if a template named another.
    statement["context"]["registration"] = json!(launch.registration);
    statement
}

/// A "cmi5 defined" statement: `verb` about the AU itself, with the cmi5 category (and the
/// moveon one when `result` says success or completion).
fn defined(
    launch: &Launch,
    data: &LaunchData,
    verb: &str,
    stamp: &Stamp,
    result: Option<Value>,
) -> Value {
    let moveon = result
        .as_ref()
        .is_some_and(|r| r.get("success").is_some() || r.get("completion").is_some());
    let mut categories = vec![json!({ "id": CATEGORY_CMI5, "objectType": "Activity" })];
    if moveon {
        categories.push(json!({ "id": CATEGORY_MOVEON, "objectType": "Activity" }));
    }
    let display = verb.rsplit('/').next().unwrap_or(verb);
    let mut s = json!({
        "id": stamp.id,
        "timestamp": stamp.timestamp,
        "verb": { "id": verb, "display": { "en-US": display } },
        "object": { "objectType": "Activity", "id": launch.activity_id },
        "context": { "contextActivities": { "category": categories } },
        "version": "1.0.3",
    });
    if let Some(result) = result {
        s["result"] = result;
    }
    in_launch(s, launch, data)
}

/// `initialized`: the first statement of the session.
pub fn initialized(launch: &Launch, data: &LaunchData, stamp: &Stamp) -> Value {
    defined(launch, data, verbs::INITIALIZED, stamp, None)
}

/// The learner's reply `turn`: the app's xAPI reply statement, made "cmi5 allowed" (the
/// launch's actor, registration and context template; no cmi5 category).
pub fn reply(
    launch: &Launch,
    data: &LaunchData,
    story: &Story,
    turn: &Turn,
    stamp: &Stamp,
) -> Value {
    let cfg = xapi_config(launch);
    let s = answered(
        &cfg,
        &launch.actor,
        story,
        turn,
        &launch.registration,
        stamp,
    );
    in_launch(s, launch, data)
}

/// `progressed` (cmi5 allowed) with the progress extension, 0 to 100.
pub fn progressed(launch: &Launch, data: &LaunchData, percent: u8, stamp: &Stamp) -> Value {
    let s = json!({
        "id": stamp.id,
        "timestamp": stamp.timestamp,
        "verb": { "id": verbs::PROGRESSED, "display": { "en-US": "progressed" } },
        "object": { "objectType": "Activity", "id": launch.activity_id },
        "result": { "extensions": { EXT_PROGRESS: percent } },
        "context": {},
        "version": "1.0.3",
    });
    in_launch(s, launch, data)
}

/// `completed`: completion and the duration, no score, no success.
pub fn completed(launch: &Launch, data: &LaunchData, stamp: &Stamp, duration_ms: u64) -> Value {
    let result = json!({ "completion": true, "duration": iso_duration(duration_ms) });
    defined(launch, data, verbs::COMPLETED, stamp, Some(result))
}

/// Whether an ending's overall score (percent) passes against the LMS's mastery score (0 to 1);
/// `None` without a mastery score (then only completed is sent). No score counts as 0.
pub fn judge(completion: &Completion, mastery: Option<f64>) -> Option<bool> {
    Some(super::passes(completion, mastery?))
}

/// `passed` or `failed` against `mastery`, with the scaled score and the mastery extension;
/// `None` when the LaunchData has no mastery score.
pub fn judged(
    launch: &Launch,
    data: &LaunchData,
    completion: &Completion,
    stamp: &Stamp,
    duration_ms: u64,
) -> Option<Value> {
    let mastery = data.mastery_score?;
    let passed = judge(completion, Some(mastery))?;
    let verb = if passed { verbs::PASSED } else { verbs::FAILED };
    let result = json!({
        "success": passed,
        "duration": iso_duration(duration_ms),
        "score": { "scaled": super::scaled(completion) },
    });
    let mut s = defined(launch, data, verb, stamp, Some(result));
    s["context"]["extensions"][EXT_MASTERY] = json!(mastery);
    Some(s)
}

/// `terminated`: the last statement of the session.
pub fn terminated(launch: &Launch, data: &LaunchData, stamp: &Stamp, duration_ms: u64) -> Value {
    let result = json!({ "duration": iso_duration(duration_ms) });
    // A duration alone marks neither success nor completion: no moveon category.
    defined(launch, data, verbs::TERMINATED, stamp, Some(result))
}

/// The first language of a `languagePreference` list (`"es-ES,en-US"`) the interface has.
pub fn preferred_lang(preferences: &Value) -> Option<crate::i18n::Lang> {
    preferences
        .get("languagePreference")?
        .as_str()?
        .split(',')
        .find_map(|code| crate::i18n::Lang::parse(code.trim()))
}
