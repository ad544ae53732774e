//! Learning records: loads the LRS configuration once, then turns the reducer's events into
//! xAPI statements (a play-through started, each reply, the ending) and hands them to the outbox,
//! which keeps them in storage until the LRS has them. Each play-through's registration is kept
//! in storage too, so replies after a reload belong to the play-through they continue.

use crate::engine::small::SortedMap;
use crate::engine::{Story, StoryId};
use crate::events::{Event, Times};
use crate::platform::location::Entry;
use crate::platform::storage::{keys, Storage};
use crate::platform::xapi::{load_config, stamp_at, uuid, Outbox};
use crate::records::{anonymous_actor, answered, completed, initialized};
use crate::state::{AppContext, AppState};
use gloo::events::EventListener;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

/// One story's play-through as the LRS knows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Registration {
    id: String,
    started_ms: f64,
}

/// Whether statements go anywhere. Events wait while the configuration is being read, so none
/// made before it arrives is lost.
#[derive(Clone)]
enum Lrs {
    Unknown,
    None,
    Ready(Rc<Outbox>),
}

fn actor(outbox: &Outbox, storage: &Storage) -> Value {
    if let Some(a) = &outbox.config.actor {
        return a.clone();
    }
    let name = storage.get(keys::LEARNER_ID).unwrap_or_else(|| {
        let id = format!("anonymous-{}", uuid());
        storage.set(keys::LEARNER_ID, &id);
        id
    });
    let home = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    anonymous_actor(&home, &name)
}

/// Sends statements for what happens in `state` when an LRS is configured and the app is the
/// learner's: the authoring app's play-tests are not a learner's records, and would skew the
/// class report.
#[hook]
pub fn use_xapi(storage: Rc<Storage>, state: AppContext, entry: Entry) {
    let lrs = use_state(|| Lrs::Unknown);
    let seen = use_mut_ref(|| 0u64);
    let times = use_mut_ref(Times::default);
    {
        let lrs = lrs.clone();
        let storage = storage.clone();
        use_effect_with((), move |_| {
            // After the first paint: the learner's first reply matters more than the LRS.
            crate::platform::frame::after_paint(move || {
                wasm_bindgen_futures::spawn_local(async move {
                    let config = match entry {
                        Entry::Learner | Entry::Lms => load_config(entry.root()).await,
                        Entry::Author => None,
                    };
                    match config {
                        Some(config) => {
                            let o = Outbox::new(config, storage, keys::XAPI_QUEUE);
                            o.kick(); // anything left from an earlier visit
                            lrs.set(Lrs::Ready(o));
                        }
                        None => lrs.set(Lrs::None),
                    }
                });
            });
        });
    }
    let outbox = match &*lrs {
        Lrs::Ready(o) => Some(o.clone()),
        _ => None,
    };
    {
        let outbox = outbox.clone();
        use_effect_with(outbox.as_ref().map(|o| Rc::as_ptr(o) as usize), move |_| {
            // Back online: send now rather than at the next backoff tick.
            let listener = outbox
                .zip(web_sys::window())
                .map(|(o, w)| EventListener::new(&w, "online", move |_| o.kick()));
            move || drop(listener)
        });
    }
    let lrs = (*lrs).clone();
    use_effect(move || {
        let now = js_sys::Date::now();
        let mut times = times.borrow_mut();
        times.note(&state.events, now);
        let new = state.events.after(*seen.borrow());
        let Some(last) = new.last().map(|e| e.seq) else {
            return;
        };
        match lrs {
            Lrs::Unknown => return,
            Lrs::None => {}
            Lrs::Ready(outbox) => {
                let events = new.iter().map(|n| (&n.event, times.of(n.seq, now)));
                let statements = statements(&outbox, &storage, &state, events);
                if !statements.is_empty() {
                    outbox.push(statements);
                }
            }
        }
        times.handled(last);
        *seen.borrow_mut() = last;
    });
}

/// The statements for `events`, each with the time it happened (ms since the epoch), keeping
/// each story's registration in storage.
fn statements<'e>(
    outbox: &Outbox,
    storage: &Storage,
    state: &AppState,
    events: impl Iterator<Item = (&'e Event, f64)>,
) -> Vec<Value> {
    let mut registrations: SortedMap<StoryId, Registration> = storage
        .get(keys::XAPI_REGISTRATIONS)
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default();
    let cfg = &outbox.config;
    let mut actor = actor(outbox, storage);
    let mut out = Vec::new();
    // A play-through under way whose registration was lost (storage cleared, another browser
    // tab's kiosk wipe) starts a new one rather than reporting replies under none.
    let begin = |registrations: &mut SortedMap<StoryId, Registration>,
                 out: &mut Vec<Value>,
                 story: &Story,
                 actor: &Value,
                 at: f64| {
        let r = Registration {
            id: uuid(),
            started_ms: at,
        };
        out.push(initialized(cfg, actor, story, &r.id, &stamp_at(at)));
        registrations.insert(story.id.clone(), r.clone());
        r
    };
    for (event, at) in events {
        match event {
            Event::Started { story, .. } => {
                if let Some(story) = state.story(story) {
                    begin(&mut registrations, &mut out, story, &actor, at);
                }
            }
            Event::Answered { story, turn, .. } => {
                let Some(story) = state.story(story) else {
                    continue;
                };
                let r = match registrations.get(&story.id) {
                    Some(r) => r.clone(),
                    None => begin(&mut registrations, &mut out, story, &actor, at),
                };
                out.push(answered(cfg, &actor, story, turn, &r.id, &stamp_at(at)));
            }
            // Replies taken back are not retracted; the next reply is reported as made.
            Event::TookBack { .. } => {}
            Event::Completed { story, completion } => {
                let (Some(story), Some(r)) = (state.story(story), registrations.get(story)) else {
                    continue;
                };
                let duration = (at - r.started_ms).max(0.0) as u64;
                out.push(completed(
                    cfg,
                    &actor,
                    story,
                    completion,
                    &r.id,
                    &stamp_at(at),
                    duration,
                ));
            }
            // A kiosk's next visitor is someone else: a new anonymous id from here on (a
            // configured actor stays).
            Event::Wiped => {
                registrations.clear();
                storage.remove(keys::LEARNER_ID);
                actor = self::actor(outbox, storage);
            }
        }
    }
    if let Ok(json) = serde_json::to_string(&registrations) {
        storage.set(keys::XAPI_REGISTRATIONS, &json);
    }
    out
}
