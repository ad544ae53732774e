//! Play-test: the draft played from any node, with the emotion values and flags the author
//! chooses, in any of its locales, by the learner's own player (in a pane beside the editor).
//!
//! The story played is a copy holding only the chosen locale: a story still being translated
//! plays in every language that is complete, and the loader's checks decide what can play.

use super::draft::remove_locale;
use super::fields::value_of;
use crate::author::i18n::AuthorMsg;
use crate::components::player::Player;
use crate::engine::format::pretty;
use crate::engine::model::StoryFile;
use crate::engine::{FlagId, NodeId, Session, Story};
use crate::i18n::Lang;
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`PlayTest`].
#[derive(Properties, PartialEq)]
pub struct PlayTestProps {
    /// The draft's story.
    pub file: Rc<StoryFile>,
    /// The node selected in the editor: where a play-test starts unless another is chosen.
    pub selected: Option<usize>,
    /// The draft's file name (the played story's id comes from it).
    pub name: String,
    /// Interface language.
    pub lang: Lang,
}

/// A play-test under way: the story played, the session it started from, the session now.
#[derive(Clone, PartialEq)]
struct Run {
    story: Rc<Story>,
    start: Session,
    now: Session,
}

/// The settings a play-test starts from.
#[derive(Clone, PartialEq, Default)]
struct Setup {
    locale: Option<String>,
    node: Option<String>,
    /// Emotion values typed, by emotion id (the story's start value otherwise).
    emotions: Vec<(String, i32)>,
    flags: Vec<String>,
}

/// A change of the play-test's settings.
enum SetupChange {
    Node(String),
    Locale(String),
    Emotion(String, i32),
    Flag(String),
}

// A reducer, not a state whose setter each callback captures: a callback made before the last
// change would write the settings back as they were.
impl Reducible for Setup {
    type Action = SetupChange;

    fn reduce(self: Rc<Self>, change: SetupChange) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            SetupChange::Node(node) => next.node = Some(node),
            SetupChange::Locale(locale) => next.locale = Some(locale),
            SetupChange::Emotion(id, value) => {
                next.emotions.retain(|(k, _)| *k != id);
                next.emotions.push((id, value));
            }
            SetupChange::Flag(flag) => {
                if next.flags.contains(&flag) {
                    next.flags.retain(|f| *f != flag);
                } else {
                    next.flags.push(flag);
                }
            }
        }
        Rc::new(next)
    }
}

/// `file` with only `locale` (the first locale when it has not that one).
fn in_one_locale(file: &StoryFile, locale: &str) -> StoryFile {
    let mut copy = file.clone();
    let keep = if copy.locales.iter().any(|l| l == locale) {
        locale.to_string()
    } else {
        copy.locales.first().cloned().unwrap_or_default()
    };
    for other in file.locales.iter().filter(|l| **l != keep) {
        remove_locale(&mut copy, other);
    }
    copy
}

/// Starts a play-test of `file` with `setup`: the run, or how many problems stop it. The story
/// played starts where and as the author chose (its `start`, its emotions' start values, the flags
/// set), so the player, its transcript and its debrief all replay from there.
fn start(
    file: &StoryFile,
    setup: &Setup,
    name: &str,
    fallback_node: Option<usize>,
) -> Result<Run, usize> {
    let locale = setup
        .locale
        .clone()
        .or_else(|| file.locales.first().cloned())
        .unwrap_or_default();
    let mut copy = in_one_locale(file, &locale);
    let node = setup.node.clone().or_else(|| {
        fallback_node
            .and_then(|i| file.nodes.get(i))
            .map(|n| n.id.to_string())
    });
    if let Some(node) = node.filter(|n| copy.nodes.iter().any(|x| x.id.as_str() == n)) {
        copy.start = NodeId::new(node);
    }
    for e in &mut copy.emotions {
        if let Some((_, v)) = setup.emotions.iter().find(|(id, _)| id == e.id.as_str()) {
            e.start = (*v).clamp(e.min, e.max);
        }
    }
    let (story, _, report) = crate::author::check::load(name, pretty(&copy).as_bytes());
    let story = story.ok_or(report.errors.len())?;
    let story = Rc::new(
        (*story)
            .clone()
            .starting_with(setup.flags.iter().map(FlagId::new)),
    );
    let session = Session::new(&story);
    Ok(Run {
        story,
        start: session.clone(),
        now: session,
    })
}

/// What a reply, a take-back, a restart or a replay in the player does to the run.
fn step(run: &Run, action: Action) -> Option<Run> {
    let mut next = run.clone();
    match action {
        Action::Choose(_, choice) => {
            next.now.choose(&run.story, &choice).ok()?;
        }
        Action::Back(_) => next.now.back(&run.story).ok()?,
        Action::Restart(_) => next.now = run.start.clone(),
        Action::ReplayFrom(_, turn) => {
            next.now = run.start.clone();
            for t in run.now.history.iter().take(turn) {
                next.now.choose(&run.story, &t.choice).ok()?;
            }
        }
        _ => return None,
    }
    Some(next)
}

/// The play-test pane.
#[component]
pub fn PlayTest(props: &PlayTestProps) -> Html {
    let lang = props.lang;
    let file = &props.file;
    let setup = use_reducer(Setup::default);
    let run = use_state(|| None::<Run>);
    let refused = use_state(|| None::<usize>);
    let on_start = {
        let (file, setup, run, refused) =
            (file.clone(), setup.clone(), run.clone(), refused.clone());
        let (name, selected) = (props.name.clone(), props.selected);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match start(&file, &setup, &name, selected) {
                Ok(r) => {
                    run.set(Some(r));
                    refused.set(None);
                }
                Err(n) => {
                    run.set(None);
                    refused.set(Some(n));
                }
            }
        })
    };
    let dispatch = {
        let run = run.clone();
        Callback::from(move |action: Action| {
            if let Some(next) = (*run).as_ref().and_then(|r| step(r, action)) {
                run.set(Some(next));
            }
        })
    };
    let stop = {
        let run = run.clone();
        Callback::from(move |_: MouseEvent| run.set(None))
    };
    let update = |change: fn(String, &str) -> Option<SetupChange>, key: String| {
        let setup = setup.dispatcher();
        Callback::from(move |e: Event| {
            if let Some(change) = change(value_of(e.target()), &key) {
                setup.dispatch(change);
            }
        })
    };
    let node_now = setup
        .node
        .clone()
        .or_else(|| {
            props
                .selected
                .and_then(|i| file.nodes.get(i))
                .map(|n| n.id.to_string())
        })
        .unwrap_or_else(|| file.start.to_string());
    let locale_now = setup
        .locale
        .clone()
        .or_else(|| file.locales.first().cloned())
        .unwrap_or_default();
    html! {
        <section class="pane playtest" aria-labelledby="playtest-heading">
            <h2 id="playtest-heading">{ AuthorMsg::PlayTest.get(lang) }</h2>
            <form class="playtest-setup" onsubmit={on_start}>
                <div class="row">
                    <div class="field">
                        <label for="pt-node">{ AuthorMsg::FromNode.get(lang) }</label>
                        <select id="pt-node" onchange={update(|v, _| Some(SetupChange::Node(v)), String::new())}>
                            { for file.nodes.iter().map(|n| html! {
                                <option value={n.id.to_string()} selected={n.id.as_str() == node_now}>{ n.id.to_string() }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="pt-locale">{ AuthorMsg::InLanguage.get(lang) }</label>
                        <select id="pt-locale" onchange={update(|v, _| Some(SetupChange::Locale(v)), String::new())}>
                            { for file.locales.iter().map(|l| html! {
                                <option value={l.clone()} selected={*l == locale_now}>{ l.clone() }</option>
                            }) }
                        </select>
                    </div>
                </div>
                <div class="row">
                    { for file.emotions.iter().map(|e| {
                        let id = format!("pt-emotion-{}", e.id);
                        let value = setup.emotions.iter().find(|(k, _)| k == e.id.as_str()).map_or(e.start, |(_, v)| *v);
                        let onchange = update(|v, key| v.trim().parse().ok().map(|n| SetupChange::Emotion(key.to_string(), n)), e.id.to_string());
                        html! {
                            <div class="field number">
                                <label for={id.clone()}>{ emotion_name(e, &locale_now) }</label>
                                <input id={id} type="number" min={e.min.to_string()} max={e.max.to_string()} value={value.to_string()} {onchange} />
                            </div>
                        }
                    }) }
                    { for file.flags.iter().map(|flag| {
                        let id = format!("pt-flag-{flag}");
                        let on = setup.flags.iter().any(|f| f == flag.as_str());
                        let onchange = update(|_, key| Some(SetupChange::Flag(key.to_string())), flag.to_string());
                        html! {
                            <div class="field check">
                                <input id={id.clone()} type="checkbox" checked={on} {onchange} />
                                <label for={id}>{ flag.to_string() }</label>
                            </div>
                        }
                    }) }
                </div>
                <div class="row">
                    <button type="submit" class="primary">{ if run.is_some() { AuthorMsg::PlayAgainFromHere.get(lang) } else { AuthorMsg::PlayFromHere.get(lang) } }</button>
                    if run.is_some() {
                        <button type="button" onclick={stop}>{ AuthorMsg::StopPlaying.get(lang) }</button>
                    }
                </div>
            </form>
            <div role="status">
                if let Some(n) = *refused {
                    <p class="error">{ format!("{} ({n})", AuthorMsg::CannotPlay.get(lang)) }</p>
                }
            </div>
            if let Some(r) = &*run {
                <Player story={r.story.clone()} session={r.now.clone()} lang={lang} dispatch={dispatch} pane={true} />
            }
        </section>
    }
}

/// An emotion's label in `locale`, or its id while it has none.
fn emotion_name(e: &crate::engine::model::EmotionDef, locale: &str) -> String {
    match e.label.get(locale, "") {
        "" => e.id.to_string(),
        label => label.to_string(),
    }
}
