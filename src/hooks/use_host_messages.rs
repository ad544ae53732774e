//! In embed mode, tells the host page what happens: ready, each reply, completion, and the
//! content height whenever it changes.

use crate::engine::{review, Session, Story, StoryId};
use crate::i18n::Lang;
use crate::platform::messaging::{post, HostMessage};
use gloo::events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

/// What has been reported for the story on screen.
#[derive(Default)]
struct Reported {
    story: Option<StoryId>,
    turns: usize,
    completed: bool,
    started_ms: f64,
    height: u32,
}

fn content_height() -> Option<u32> {
    let body = web_sys::window()?.document()?.body()?;
    u32::try_from(body.scroll_height()).ok()
}

/// Posts host messages for the story being played (`current`), when `enabled`; `story` is the
/// story the page was launched with (announced in `ready`, before it has loaded).
#[hook]
pub fn use_host_messages(
    enabled: bool,
    target: String,
    lang: Lang,
    story: Option<String>,
    current: Option<(Rc<Story>, Session)>,
) {
    let reported = use_mut_ref(Reported::default);
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
    // Runs after every render: compare with what was reported and send the difference.
    use_effect(move || {
        if enabled {
            report(&mut reported.borrow_mut(), &target, current.as_ref());
            send_height(&reported, &target);
        }
    });
}

fn send_height(reported: &Rc<std::cell::RefCell<Reported>>, target: &str) {
    if let Some(height) = content_height() {
        let mut r = reported.borrow_mut();
        if height != r.height {
            r.height = height;
            post(&HostMessage::Resize { height }, target);
        }
    }
}

fn report(r: &mut Reported, target: &str, current: Option<&(Rc<Story>, Session)>) {
    let Some((story, session)) = current else {
        return;
    };
    let turns = session.history.len();
    if r.story.as_ref() != Some(&story.id) || turns < r.turns {
        // A new story, or replies taken back: start counting from here.
        *r = Reported {
            story: Some(story.id.clone()),
            turns,
            completed: false,
            started_ms: js_sys::Date::now(),
            height: r.height,
        };
    }
    if turns == r.turns + 1 {
        if let Some(turn) = session.history.last() {
            post(
                &HostMessage::Choice {
                    story: story.id.to_string(),
                    node: turn.node.to_string(),
                    choice: turn.choice.to_string(),
                    turn: turns,
                    emotions: session
                        .emotions
                        .iter()
                        .map(|(k, v)| (k.to_string(), *v))
                        .collect(),
                },
                target,
            );
        }
    }
    r.turns = turns;
    if !r.completed {
        let review = review(story, session);
        if let Some(outcome) = review.outcome {
            r.completed = true;
            post(
                &HostMessage::Completed {
                    story: story.id.to_string(),
                    outcome,
                    scores: review
                        .objectives
                        .iter()
                        .map(|o| (o.objective.to_string(), o.percent()))
                        .collect(),
                    score: review.total_percent(),
                    duration_ms: (js_sys::Date::now() - r.started_ms).max(0.0) as u64,
                },
                target,
            );
        }
    }
}
