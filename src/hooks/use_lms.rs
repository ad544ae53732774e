//! Reporting to the LMS that launched the page, from the reducer's events (as `use_xapi` and
//! `use_host_messages` read them): cmi5 when the URL carries its five launch parameters, SCORM
//! 1.2 when it says `lms=scorm12`. What each standard is told is decided in `crate::lms`; this
//! hook connects, keeps the number of the last event it handled, and ends the session when the
//! learner leaves.
//!
//! cmi5: the token and what was sent live in session storage, so a reload of the same launch
//! fetches no second token and repeats no statement; statements queue there until the LRS has
//! them. A reload is not leaving (the session goes on), so `terminated` is sent by the learner's
//! "Exit and save", after everything queued, and the page then goes to the LMS's return URL.
//! SCORM: every reply is committed with the saved progress in `suspend_data`; leaving the page
//! (or "Exit and save") finishes the session.

use crate::components::lms_bar::{LmsPhase, LmsStatus};
use crate::engine::launch::LmsFormat;
use crate::engine::{Session, StoryId};
use crate::events::{Event, Times};
use crate::i18n::{Lang, Msg};
use crate::lms::cmi5::{self, LaunchData, Moment, Sent};
use crate::lms::scorm::{self, Suspend, SUSPEND_LIMIT};
use crate::platform::lms::cmi5 as net;
use crate::platform::lms::scorm::Api;
use crate::platform::location::{query_param, Launch};
use crate::platform::storage::{keys, Storage};
use crate::platform::xapi::{stamp_at, Delivery, Outbox};
use crate::records::backoff_ms;
use crate::state::{Action, AppContext, AppState};
use gloo::events::EventListener;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// A cmi5 launch, connected.
struct Cmi5 {
    launch: cmi5::Launch,
    data: LaunchData,
    outbox: Rc<Outbox>,
    sent: RefCell<Sent>,
    store: Rc<Storage>,
    leaving: Rc<Cell<bool>>,
}

/// A SCORM 1.2 session, initialized.
struct Scorm {
    api: Api,
    story: StoryId,
    mastery: Option<f64>,
    started_ms: f64,
    finished: Cell<bool>,
    /// The progress to restore once the story has loaded (a relaunch with `entry=resume`).
    resume: RefCell<Option<Suspend>>,
    told_too_long: Cell<bool>,
}

#[derive(Clone)]
enum Conn {
    /// Connecting: events wait, so none made meanwhile is lost.
    Unknown,
    None,
    Cmi5(Rc<Cmi5>),
    Scorm(Rc<Scorm>),
}

fn read_sent(store: &Storage, registration: &str) -> Option<Sent> {
    store
        .get(keys::CMI5_LAUNCH)
        .and_then(|raw| serde_json::from_str::<Sent>(&raw).ok())
        .filter(|s| s.registration == registration)
}

fn save_sent(store: &Storage, sent: &Sent) {
    if let Ok(json) = serde_json::to_string(sent) {
        store.set(keys::CMI5_LAUNCH, &json);
    }
}

fn log(message: &str) {
    web_sys::console::warn_1(&format!("LMS: {message}").into());
}

impl Cmi5 {
    /// Queues what `moment` calls for, as it happened at `at_ms`, and records it as sent,
    /// together.
    fn report(&self, moment: Moment<'_>, at_ms: f64) -> bool {
        let mut sent = self.sent.borrow_mut();
        let statements = sent.report(&self.launch, &self.data, moment, at_ms, &mut || {
            stamp_at(at_ms)
        });
        save_sent(&self.store, &sent);
        let any = !statements.is_empty();
        self.outbox.push(statements);
        any
    }
}

impl Scorm {
    /// Session time, commit: after every change.
    fn commit(&self) {
        let ms = (js_sys::Date::now() - self.started_ms).max(0.0) as u64;
        self.api
            .set("cmi.core.session_time", &scorm::session_time(ms));
        if !self.api.commit() {
            log(&format!("LMSCommit failed ({})", self.api.last_error()));
        }
    }

    /// Ends the session, once: to be resumed, with its time.
    fn leave(&self) {
        if self.finished.replace(true) {
            return;
        }
        self.api.set("cmi.core.exit", "suspend");
        self.commit();
        if !self.api.finish() {
            log(&format!("LMSFinish failed ({})", self.api.last_error()));
        }
    }
}

async fn connect_cmi5(
    launch: cmi5::Launch,
    ctx: AppContext,
    conn: UseStateHandle<Conn>,
    phase: UseStateHandle<LmsPhase>,
) {
    let store = Rc::new(Storage::session());
    let mut sent = read_sent(&store, &launch.registration)
        .unwrap_or_else(|| Sent::new(&launch.registration, js_sys::Date::now()));
    let token = match sent.token.clone() {
        Some(token) => token,
        None => match net::fetch_token(&launch.fetch).await {
            Ok(token) => {
                sent.token = Some(token.clone());
                save_sent(&store, &sent);
                token
            }
            Err(e) => {
                log(&e);
                ctx.dispatch(Action::Notify(Msg::LmsRefused));
                conn.set(Conn::None);
                return;
            }
        },
    };
    // No statement may precede LaunchData. While the LRS does not answer, events wait (the
    // connection is unknown) and are reported once it does; a refusal ends reporting.
    let mut failures = 0;
    let data = loop {
        match net::launch_data(&launch, &token).await {
            Ok(data) => break data,
            Err(e) => {
                log(e.message());
                if let net::Failure::Refused(_) = e {
                    ctx.dispatch(Action::Notify(Msg::LmsRefused));
                    conn.set(Conn::None);
                    return;
                }
                ctx.dispatch(Action::Notify(Msg::LmsUnreachable));
                net::pause(backoff_ms(failures)).await;
                failures += 1;
            }
        }
    };
    ctx.dispatch(Action::Dismiss(Msg::LmsUnreachable));
    if let Some(lang) = net::learner_preferences(&launch, &token)
        .await
        .as_ref()
        .and_then(cmi5::preferred_lang)
    {
        ctx.dispatch(Action::SetLang(lang));
    }
    let mut config = cmi5::xapi_config(&launch);
    config.auth = Some(format!("Basic {token}"));
    let outbox = Outbox::new(config, store.clone(), keys::CMI5_QUEUE);
    let leaving = Rc::new(Cell::new(false));
    {
        let (ctx, phase, leaving) = (ctx.clone(), phase.clone(), leaving.clone());
        let return_url = data.return_url.clone();
        outbox.watch(move |delivery| match delivery {
            Delivery::Failing => ctx.dispatch(Action::Notify(Msg::LmsUnreachable)),
            Delivery::Drained => {
                ctx.dispatch(Action::Dismiss(Msg::LmsUnreachable));
                if leaving.get() {
                    go_back(return_url.as_deref(), &phase);
                }
            }
        });
    }
    let over = sent.terminated;
    // The session began when the page did, not when the LMS answered: replies made while it
    // was connecting are stamped when they were made, after `initialized`.
    let began = sent.started_ms;
    let c = Rc::new(Cmi5 {
        launch,
        data,
        outbox: outbox.clone(),
        sent: RefCell::new(sent),
        store,
        leaving,
    });
    c.report(Moment::Began, began);
    outbox.kick(); // what a reload left queued
    phase.set(if over {
        LmsPhase::Left
    } else {
        LmsPhase::Reporting
    });
    conn.set(Conn::Cmi5(c));
}

/// After leaving: the LMS's return URL, else a note that the window may close.
fn go_back(return_url: Option<&str>, phase: &UseStateHandle<LmsPhase>) {
    phase.set(LmsPhase::Left);
    if let (Some(url), Some(window)) = (return_url.filter(|u| !u.is_empty()), web_sys::window()) {
        let _ = window.location().assign(url);
    }
}

fn connect_scorm(story: Option<String>, ctx: &AppContext) -> Conn {
    let Some(story) = story else {
        return Conn::None;
    };
    let Some(api) = Api::find() else {
        log("no SCORM API in a parent or opener window");
        ctx.dispatch(Action::Notify(Msg::LmsNoApi));
        return Conn::None;
    };
    if !api.initialize() {
        log(&format!("LMSInitialize failed ({})", api.last_error()));
        ctx.dispatch(Action::Notify(Msg::LmsNoApi));
        return Conn::None;
    }
    let status = api.get("cmi.core.lesson_status");
    if status.is_empty() || status == "not attempted" {
        api.set("cmi.core.lesson_status", "incomplete");
    }
    if let Some(lang) = Lang::parse(&api.get("cmi.student_preference.language")) {
        ctx.dispatch(Action::SetLang(lang));
    }
    let resume = (api.get("cmi.core.entry") == "resume")
        .then(|| Suspend::decode(&api.get("cmi.suspend_data")))
        .flatten()
        .filter(|s| s.story.as_str() == story);
    let s = Scorm {
        mastery: scorm::mastery(&api.get("cmi.student_data.mastery_score")),
        api,
        story: StoryId::new(&story),
        started_ms: js_sys::Date::now(),
        finished: Cell::new(false),
        resume: RefCell::new(resume),
        told_too_long: Cell::new(false),
    };
    s.commit();
    Conn::Scorm(Rc::new(s))
}

/// Reports the LMS what happens in `ctx`, when the page was launched by one
/// (`launch`: its `lms` and `story`; cmi5's parameters are read from the URL).
#[hook]
pub fn use_lms(launch: &Launch, ctx: AppContext) -> LmsStatus {
    let conn = use_state(|| Conn::Unknown);
    let phase = use_state(|| LmsPhase::None);
    let seen = use_mut_ref(|| 0u64);
    let times = use_mut_ref(Times::default);
    {
        let (conn, phase, ctx) = (conn.clone(), phase.clone(), ctx.clone());
        let (format, story) = (launch.lms, launch.story.clone());
        use_effect_with((), move |_| {
            if let Some(launch) = cmi5::Launch::from_params(query_param) {
                wasm_bindgen_futures::spawn_local(connect_cmi5(launch, ctx, conn, phase));
            } else if format == Some(LmsFormat::Cmi5) {
                // A cmi5 package's page opened without the LMS's launch (bookmarked, copied):
                // it plays, and says nothing is recorded.
                log("a cmi5 AU opened without the launch parameters");
                ctx.dispatch(Action::Notify(Msg::LmsNoApi));
                conn.set(Conn::None);
            } else if format == Some(LmsFormat::Scorm12) {
                let c = connect_scorm(story, &ctx);
                if matches!(c, Conn::Scorm(_)) {
                    phase.set(LmsPhase::Reporting);
                }
                conn.set(c);
            } else {
                conn.set(Conn::None);
            }
        });
    }
    let scorm = match &*conn {
        Conn::Scorm(s) => Some(s.clone()),
        _ => None,
    };
    {
        // SCORM: leaving the page ends the session (the LMS resumes it on the next launch).
        let key = scorm.as_ref().map(|s| Rc::as_ptr(s) as usize);
        use_effect_with(key, move |_| {
            let guard = scorm
                .zip(web_sys::window())
                .map(|(s, w)| EventListener::new(&w, "pagehide", move |_| s.leave()));
            move || drop(guard)
        });
    }
    {
        let conn = (*conn).clone();
        let ctx = ctx.clone();
        use_effect(move || {
            let mut times = times.borrow_mut();
            times.note(&ctx.events, js_sys::Date::now());
            let mut seen = seen.borrow_mut();
            match &conn {
                Conn::Unknown => {}
                Conn::None => *seen = ctx.events.last(),
                Conn::Cmi5(c) => *seen = report_cmi5(c, &ctx, *seen, &times),
                Conn::Scorm(s) => *seen = report_scorm(s, &ctx, *seen),
            }
            times.handled(*seen);
        });
    }
    let exit = {
        let (conn, phase) = ((*conn).clone(), phase.clone());
        Callback::from(move |()| match &conn {
            Conn::Cmi5(c) => {
                phase.set(LmsPhase::Leaving);
                c.leaving.set(true);
                // Terminated goes after everything queued; with nothing left to send, at once.
                if !c.report(Moment::Left, js_sys::Date::now()) && c.outbox.queued().is_empty() {
                    go_back(c.data.return_url.as_deref(), &phase);
                }
            }
            Conn::Scorm(s) => {
                s.leave();
                phase.set(LmsPhase::Left);
            }
            Conn::Unknown | Conn::None => {}
        })
    };
    LmsStatus {
        phase: *phase,
        exit,
    }
}

/// The cmi5 statements for the events after `seen`, each at the time it happened; returns the
/// last event handled.
fn report_cmi5(c: &Cmi5, state: &AppState, seen: u64, times: &Times) -> u64 {
    let now = js_sys::Date::now();
    for numbered in state.events.after(seen) {
        let at = times.of(numbered.seq, now);
        match &numbered.event {
            Event::Answered {
                story,
                number,
                turn,
                ..
            } => {
                if let Some(story) = state.story(story) {
                    c.report(
                        Moment::Replied {
                            story,
                            turn,
                            number: *number,
                        },
                        at,
                    );
                }
            }
            Event::Completed { completion, .. } => {
                c.report(Moment::Ended(completion), at);
            }
            // A new play-through or a reply taken back is no statement of cmi5's; the replies
            // that follow are reported as made.
            Event::Started { .. } | Event::TookBack { .. } | Event::Wiped => {}
        }
    }
    state.events.last().max(seen)
}

/// Writes the saved progress and the outcome for the events after `seen`, and commits;
/// returns the last event handled (none while a resume waits for its story).
fn report_scorm(s: &Scorm, ctx: &AppContext, seen: u64) -> u64 {
    let state: &AppState = ctx;
    if s.finished.get() {
        return state.events.last();
    }
    let waiting = s.resume.borrow().clone();
    if let Some(saved) = waiting {
        // Restored before anything is written, or the first write would replace it; the
        // events are handled on the next render, with the restored conversation in the state.
        let Some(story) = state.story(&s.story) else {
            return seen;
        };
        match Session::replay(story, &saved.replies) {
            Ok(session) => ctx.dispatch(Action::Resume(session)),
            Err(e) => log(&format!("suspend_data does not replay: {e:?}")),
        }
        s.resume.borrow_mut().take();
        return seen;
    }
    let mut changed = false;
    let mut ended = None;
    for numbered in state.events.after(seen) {
        match &numbered.event {
            Event::Started { story, .. }
            | Event::Answered { story, .. }
            | Event::TookBack { story, .. } => changed |= *story == s.story,
            Event::Completed { story, completion } if *story == s.story => {
                changed = true;
                ended = Some(completion.clone());
            }
            Event::Completed { .. } => {}
            Event::Wiped => changed = true,
        }
    }
    if changed {
        if let Some(session) = state.sessions.get(&s.story) {
            let replies: Vec<_> = session.history.iter().map(|t| t.choice.clone()).collect();
            let saved = Suspend::encode(&s.story, &replies, SUSPEND_LIMIT);
            s.api.set("cmi.suspend_data", &saved.text);
            if saved.truncated && !s.told_too_long.replace(true) {
                ctx.dispatch(Action::Notify(Msg::LmsProgressTooLong));
            }
            s.api.set(
                "cmi.core.lesson_location",
                &scorm::location(&s.story, &session.node),
            );
        }
        if let Some(completion) = &ended {
            // A pass stays a pass: a later play-through of the session does not undo it.
            if s.api.get("cmi.core.lesson_status") != "passed" {
                s.api.set(
                    "cmi.core.lesson_status",
                    scorm::final_status(completion, s.mastery),
                );
            }
            let raw = completion.score.unwrap_or(0).to_string();
            s.api.set("cmi.core.score.raw", &raw);
            s.api.set("cmi.core.score.min", "0");
            s.api.set("cmi.core.score.max", "100");
        }
        s.commit();
    }
    state.events.last().max(seen)
}
