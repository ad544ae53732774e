//! Learning records: xAPI statements for a play-through (pure: ids and clocks come from the
//! caller), and the learner's own downloadable report.

use crate::engine::{review, Completion, Outcome, Session, Story, Turn};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

pub use crate::engine::xapi::verbs;
use crate::engine::xapi::{self, ext as name};

/// Where and as whom statements are sent; present only when a deployment configures it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct XapiConfig {
    /// LRS endpoint, ending in `/` (statements go to `{endpoint}statements`).
    pub endpoint: String,
    /// The `Authorization` header value (`Basic …` or `Bearer …`).
    #[serde(default)]
    pub auth: Option<String>,
    /// The xAPI actor (an Agent object); an anonymous account when absent.
    #[serde(default)]
    pub actor: Option<Value>,
    /// Base IRI of activities and extensions.
    #[serde(default = "default_base")]
    pub activity_base: String,
}

fn default_base() -> String {
    xapi::DEFAULT_BASE.into()
}

/// The `config.json` a deployment may place next to `index.html`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeployConfig {
    /// Learning-record settings.
    #[serde(default)]
    pub xapi: Option<XapiConfig>,
}

impl XapiConfig {
    /// Normalises the endpoint (trailing slash) and the base IRI.
    pub fn normalised(mut self) -> Self {
        if !self.endpoint.ends_with('/') {
            self.endpoint.push('/');
        }
        if !self.activity_base.ends_with('/') {
            self.activity_base.push('/');
        }
        self
    }

    /// The story's activity IRI.
    pub fn story_iri(&self, story: &Story) -> String {
        xapi::story_iri(&self.activity_base, story.id.as_str())
    }

    fn ext(&self, name: &str) -> String {
        xapi::ext(&self.activity_base, name)
    }
}

/// What the caller supplies for each statement: its id and the time.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamp {
    /// A fresh UUID.
    pub id: String,
    /// ISO 8601 timestamp.
    pub timestamp: String,
}

fn base(actor: &Value, verb: &str, stamp: &Stamp, registration: &str) -> Value {
    let display = verb.rsplit('/').next().unwrap_or(verb);
    json!({
        "id": stamp.id,
        "timestamp": stamp.timestamp,
        "actor": actor,
        "verb": { "id": verb, "display": { "en-US": display } },
        "context": { "registration": registration, "platform": "Rapport", "language": "en" },
        "version": "1.0.3",
    })
}

fn story_activity(cfg: &XapiConfig, story: &Story) -> Value {
    // The English title as `en-US`; a story held in one other language (the app fetches only
    // the language shown) names itself in that language, under its own code.
    let en = story.localiser("en");
    let tag = if en.locale == "en" {
        "en-US"
    } else {
        en.locale
    };
    json!({
        "objectType": "Activity",
        "id": cfg.story_iri(story),
        "definition": {
            "type": "http://adlnet.gov/expapi/activities/simulation",
            "name": { tag: en.text(&story.file.title) },
        }
    })
}

/// The learner opened `story` (a new play-through, identified by `registration`).
pub fn initialized(
    cfg: &XapiConfig,
    actor: &Value,
    story: &Story,
    registration: &str,
    stamp: &Stamp,
) -> Value {
    let mut s = base(actor, verbs::INITIALIZED, stamp, registration);
    s["object"] = story_activity(cfg, story);
    s
}

/// The learner made reply `turn` (0-based index into the history).
pub fn answered(
    cfg: &XapiConfig,
    actor: &Value,
    story: &Story,
    turn: &Turn,
    registration: &str,
    stamp: &Stamp,
) -> Value {
    let en = story.localiser("en");
    let node = story.node(&turn.node);
    let choice = node.and_then(|n| n.choice(&turn.choice));
    let changes: serde_json::Map<String, Value> = turn
        .changes
        .iter()
        .map(|c| (c.emotion.to_string(), json!(c.delta())))
        .collect();
    let mut s = base(actor, verbs::ANSWERED, stamp, registration);
    s["object"] = json!({
        "objectType": "Activity",
        "id": xapi::node_iri(&cfg.activity_base, story.id.as_str(), turn.node.as_str()),
        "definition": {
            "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
            "interactionType": "choice",
            "name": { "en-US": turn.node.to_string() },
        }
    });
    let mut ext = serde_json::Map::new();
    ext.insert(cfg.ext(name::EMOTION_CHANGES), Value::Object(changes));
    ext.insert(cfg.ext(name::CHOICE), json!(turn.choice.to_string()));
    if let Some(c) = choice {
        let rating = c.feedback.rating.as_str();
        ext.insert(cfg.ext(name::RATING), json!(rating));
        ext.insert(
            cfg.ext(name::PRINCIPLE),
            json!(c.feedback.principle.to_string()),
        );
        ext.insert(cfg.ext(name::REPLY), json!(en.text(&c.text)));
    }
    if let Some(rule) = &turn.rule {
        ext.insert(cfg.ext(name::RULE), json!(rule.to_string()));
    }
    s["result"] = json!({ "response": turn.choice.to_string(), "extensions": ext });
    s["context"]["contextActivities"] =
        json!({ "parent": [ { "id": cfg.story_iri(story), "objectType": "Activity" } ] });
    s
}

/// The conversation reached an ending (`completion`, computed when it did) after `duration_ms`.
pub fn completed(
    cfg: &XapiConfig,
    actor: &Value,
    story: &Story,
    completion: &Completion,
    registration: &str,
    stamp: &Stamp,
    duration_ms: u64,
) -> Value {
    let scores: serde_json::Map<String, Value> = completion
        .scores
        .iter()
        .map(|(objective, percent)| (objective.to_string(), json!(percent)))
        .collect();
    let mut s = base(actor, verbs::COMPLETED, stamp, registration);
    s["object"] = story_activity(cfg, story);
    let mut ext = serde_json::Map::new();
    ext.insert(cfg.ext(name::OUTCOME), json!(completion.outcome.as_str()));
    ext.insert(cfg.ext(name::OBJECTIVE_SCORES), Value::Object(scores));
    ext.insert(cfg.ext(name::ENDING), json!(completion.ending.to_string()));
    let mut result = json!({
        "success": completion.outcome == Outcome::Success,
        "completion": true,
        "duration": iso_duration(duration_ms),
        "extensions": ext,
    });
    if let Some(p) = completion.score {
        result["score"] = json!({ "scaled": f64::from(p) / 100.0, "raw": p, "min": 0, "max": 100 });
    }
    s["result"] = result;
    s
}

/// ISO 8601 duration with seconds to a tenth (`PT1M2.5S` style, as `PT62.5S`).
pub fn iso_duration(ms: u64) -> String {
    format!("PT{}.{}S", ms / 1000, (ms % 1000) / 100)
}

/// The anonymous actor used when none is configured: an account on this site.
pub fn anonymous_actor(home_page: &str, name: &str) -> Value {
    json!({ "objectType": "Agent", "account": { "homePage": home_page, "name": name } })
}

/// Backoff before the next retry after `failures` consecutive failures: 1 s doubling to 30 s.
pub fn backoff_ms(failures: u32) -> u32 {
    1000u32.saturating_mul(1 << failures.min(5)).min(30_000)
}

/// The learner's own record of a play-through, downloadable as JSON from the debrief.
pub fn learner_report(story: &Story, session: &Session, locale: &str) -> Value {
    let tr = story.localiser(locale);
    let r = review(story, session);
    let moments = session.walk(story);
    let turns: Vec<Value> = moments
        .iter()
        .zip(moments.iter().skip(1))
        .filter_map(|(moment, after)| {
            let reply = moment.reply?;
            let judged = r.turns.iter().find(|x| x.turn == moment.index);
            let better = judged
                .and_then(|x| x.better.as_ref())
                .and_then(|b| moment.step.node.choice(b));
            Some(json!({
                "turn": moment.index + 1,
                "node": reply.turn.node.to_string(),
                "reply": tr.text(&reply.choice.text),
                "rating": judged.map(|x| x.rating.as_str()),
                "principle": reply.choice.feedback.principle.to_string(),
                "feedback": tr.text(&reply.choice.feedback.text),
                "better_reply": better.map(|c| tr.text(&c.text)),
                "emotions_after": &after.state.emotions,
            }))
        })
        .collect();
    let ending = story.node(&session.node).and_then(|n| n.ending.as_deref());
    json!({
        "story": story.id.to_string(),
        "title": tr.text(&story.file.title),
        "language": tr.locale,
        "outcome": r.outcome.map(Outcome::as_str),
        "ending": ending.map(|e| tr.text(&e.title)),
        "debrief": ending.map(|_| {
            let parts: Vec<&str> = session.debrief(story).iter().map(|t| tr.text(t)).collect();
            parts.join("\n\n")
        }),
        "score": r.total_percent(),
        "objectives": story.file.objectives.iter().map(|o| {
            let score = r.objectives.iter().find(|s| s.objective == o.id).and_then(|s| s.percent());
            json!({ "id": o.id.to_string(), "title": tr.text(&o.title), "score": score })
        }).collect::<Vec<_>>(),
        "start_emotions": story.start_emotions(),
        "turns": turns,
    })
}
