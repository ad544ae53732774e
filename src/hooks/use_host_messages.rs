//! In embed mode, tells the host page what happens: ready, each reply, completion (read from the
//! reducer's events), and the content height whenever it changes.

use crate::engine::small::SortedMap;
use crate::engine::StoryId;
use crate::events::Event;
use crate::i18n::Lang;
use crate::platform::messaging::{post, HostMessage};
use crate::state::{AppContext, AppState};
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// What this page has told its host so far.
struct Reported {
    /// The number of the last event handled.
    seen: u64,
    /// When each story's play-through began (the page's start for one resumed from storage).
    started_ms: SortedMap<StoryId, f64>,
    /// Since the page started.
    page_ms: f64,
    /// The last height sent.
    height: u32,
}

fn content_height() -> Option<u32> {
    let body = web_sys::window()?.document()?.body()?;
    u32::try_from(body.scroll_height()).ok()
}

/// Posts host messages for what happens in `state`, when `enabled`; `story` is the story the page
/// was launched with (announced in `ready`, before it has loaded).
#[hook]
pub fn use_host_messages(
    enabled: bool,
    target: String,
    lang: Lang,
    story: Option<String>,
    state: AppContext,
) {
    let reported = use_mut_ref(|| Reported {
        seen: 0,
        started_ms: SortedMap::new(),
        page_ms: js_sys::Date::now(),
        height: 0,
    });
    {
        let target = target.clone();
        let reported = reported.clone();
        use_effect_with(enabled, move |enabled| {
            let listener = enabled.then(|| {
                post(
                    &HostMessage::Ready {
                        story,
                        lang: lang.code().into(),
                    },
                    &target,
                );
                let target = target.clone();
                web_sys::window().map(|w| {
                    EventListener::new(&w, "resize", move |_| {
                        send_height(&reported, &target);
                    })
                })
            });
            move || drop(listener)
        });
    }
    // After every render: the events not yet handled, then the height.
    use_effect(move || {
        if enabled {
            report(&mut reported.borrow_mut(), &target, &state);
            send_height(&reported, &target);
        }
    });
}

fn send_height(reported: &Rc<RefCell<Reported>>, target: &str) {
    if let Some(height) = content_height() {
        let mut r = reported.borrow_mut();
        if height != r.height {
            r.height = height;
            post(&HostMessage::Resize { height }, target);
        }
    }
}

fn report(r: &mut Reported, target: &str, state: &AppState) {
    for numbered in state.events.after(r.seen) {
        match &numbered.event {
            Event::Started { story, how } => {
                r.started_ms.insert(story.clone(), js_sys::Date::now());
                post(
                    &HostMessage::Started {
                        story: story.to_string(),
                        how: *how,
                    },
                    target,
                );
            }
            Event::Answered {
                story,
                number,
                turn,
                emotions,
            } => post(
                &HostMessage::Choice {
                    story: story.to_string(),
                    node: turn.node.to_string(),
                    choice: turn.choice.to_string(),
                    turn: *number,
                    emotions: emotions.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
                },
                target,
            ),
            Event::TookBack { story, number, .. } => post(
                &HostMessage::TookBack {
                    story: story.to_string(),
                    turn: *number,
                },
                target,
            ),
            Event::Wiped => {}
            Event::Completed { story, completion } => {
                let started = r.started_ms.get(story).copied().unwrap_or(r.page_ms);
                post(
                    &HostMessage::Completed {
                        story: story.to_string(),
                        outcome: completion.outcome,
                        scores: completion
                            .scores
                            .iter()
                            .map(|(o, p)| (o.to_string(), *p))
                            .collect(),
                        score: completion.score,
                        duration_ms: (js_sys::Date::now() - started).max(0.0) as u64,
                    },
                    target,
                );
            }
        }
        r.seen = numbered.seq;
    }
}
