//! Learning records: loads the LRS configuration once, then queues xAPI statements for what the
//! learner does (opened a story, each reply, the ending). What was already queued is remembered
//! in storage, so a reload neither repeats nor loses a statement.

use crate::engine::small::SortedMap;
use crate::engine::{Session, Story};
use crate::platform::storage::Storage;
use crate::platform::xapi::{load_config, now_iso, uuid, Outbox};
use crate::records::{anonymous_actor, answered, completed, initialized, Stamp};
use gloo::events::EventListener;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

/// Storage key of what has been queued per story.
const STATE_KEY: &str = "rapport:v1:xapi-state";
/// Storage key of this browser's anonymous learner id.
const LEARNER_KEY: &str = "rapport:v1:learner-id";

/// What has been queued for one story's current play-through.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Reported {
    registration: String,
    turns: usize,
    completed: bool,
    started_ms: f64,
}

fn stamp() -> Stamp {
    Stamp {
        id: uuid(),
        timestamp: now_iso(),
    }
}

fn actor(outbox: &Outbox, storage: &Storage) -> Value {
    if let Some(a) = &outbox.config.actor {
        return a.clone();
    }
    let name = storage.get(LEARNER_KEY).unwrap_or_else(|| {
        let id = format!("anonymous-{}", uuid());
        storage.set(LEARNER_KEY, &id);
        id
    });
    let home = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    anonymous_actor(&home, &name)
}

/// Queues statements for `current` (the story on screen and its session) when an LRS is set.
#[hook]
pub fn use_xapi(storage: Rc<Storage>, current: Option<(Rc<Story>, Session)>) {
    let outbox = use_state(|| None::<Rc<Outbox>>);
    {
        let outbox = outbox.clone();
        let storage = storage.clone();
        use_effect_with((), move |_| {
            // After the first paint: the learner's first reply matters more than the LRS.
            crate::platform::frame::after_paint(move || {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(config) = load_config().await {
                        let o = Outbox::new(config, storage);
                        o.kick(); // anything left from an earlier visit
                        outbox.set(Some(o));
                    }
                });
            });
        });
    }
    {
        let outbox = (*outbox).clone();
        use_effect_with(outbox.as_ref().map(|o| Rc::as_ptr(o) as usize), move |_| {
            // Back online: send now rather than at the next backoff tick.
            let listener = outbox
                .zip(web_sys::window())
                .map(|(o, w)| EventListener::new(&w, "online", move |_| o.kick()));
            move || drop(listener)
        });
    }
    let outbox = (*outbox).clone();
    use_effect(move || {
        if let (Some(outbox), Some((story, session))) = (outbox, current) {
            queue_new(&outbox, &storage, &story, &session);
        }
    });
}

fn queue_new(outbox: &Rc<Outbox>, storage: &Storage, story: &Story, session: &Session) {
    let mut all: SortedMap<String, Reported> = storage
        .get(STATE_KEY)
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default();
    let key = story.id.to_string();
    let turns = session.history.len();
    let mut statements = Vec::new();
    let actor = actor(outbox, storage);
    let cfg = &outbox.config;
    let fresh = match all.get(&key) {
        None => true,
        // Played again (or replayed from a decision) after an ending: a new play-through.
        Some(r) => r.completed && turns < r.turns,
    };
    if fresh {
        let r = Reported {
            registration: uuid(),
            turns: 0,
            completed: false,
            started_ms: js_sys::Date::now(),
        };
        statements.push(initialized(cfg, &actor, story, &r.registration, &stamp()));
        all.insert(key.clone(), r);
    }
    let Some(r) = all.get_mut(&key) else { return };
    for turn in session.history.iter().skip(r.turns) {
        statements.push(answered(
            cfg,
            &actor,
            story,
            turn,
            &r.registration,
            &stamp(),
        ));
    }
    // Replies taken back are not retracted; later ones are reported from where the learner is.
    r.turns = turns;
    if !r.completed && session.is_over(story) {
        r.completed = true;
        let duration = (js_sys::Date::now() - r.started_ms).max(0.0) as u64;
        statements.push(completed(
            cfg,
            &actor,
            story,
            session,
            &r.registration,
            &stamp(),
            duration,
        ));
    }
    if statements.is_empty() && !fresh {
        return;
    }
    if let Ok(json) = serde_json::to_string(&all) {
        storage.set(STATE_KEY, &json);
    }
    outbox.push(statements);
}
