//! One node of the story: its id (renamed everywhere it is linked), its lines (speaker, text in
//! every locale, an optional condition), then either the learner's replies (text, where each
//! leads, effects, flags, condition, feedback) or an ending (outcome, title, debrief parts).

use super::condition::optional_condition;
use super::draft::{add_node, fresh_id, new_text, rename_node};
use super::fields::{
    action, enum_field, field_id, lens, pair_field, select_field, string_field, text_field,
    value_of, Ctx,
};
use crate::author::i18n::AuthorMsg;
use crate::engine::model::{
    Choice, DebriefPart, Ending, EndingDebrief, Feedback, Line, Node, Outcome, Rating, StoryFile,
    Unavailable, CLIENT, NARRATOR, YOU,
};
use crate::engine::{ChoiceId, EmotionId, FlagId, NodeId, ObjectiveId, SpeakerId};
use crate::i18n::Msg;
use yew::prelude::*;

const OUTCOMES: &[Outcome] = &[Outcome::Success, Outcome::Partial, Outcome::Failure];
const RATINGS: &[Rating] = &[Rating::Best, Rating::Good, Rating::Weak, Rating::Bad];
const UNAVAILABLE: &[Unavailable] = &[Unavailable::Disable, Unavailable::Hide];

/// The value of the "next" list that makes a new node.
const NEW_NODE: &str = "\u{0}new";

/// Props of [`NodeForm`].
#[derive(Properties, PartialEq)]
pub struct NodeFormProps {
    /// The story, where edits go, the language.
    pub ctx: Ctx,
    /// Which node (its position in `nodes`).
    pub index: usize,
    /// The reply whose target is being picked on the map, if any: (node, choice).
    pub picking: Option<(usize, usize)>,
    /// Starts (or, with the same reply, stops) picking a reply's target on the map.
    pub on_pick: Callback<Option<(usize, usize)>>,
}

/// The node form.
#[component]
pub fn NodeForm(props: &NodeFormProps) -> Html {
    let ctx = &props.ctx;
    let i = props.index;
    let Some(node) = ctx.file.nodes.get(i) else {
        return html! {};
    };
    let base = format!("/nodes/{i}");
    let is_start = node.id == ctx.file.start;
    let rename = {
        let ctx = ctx.clone();
        let field = format!("{base}/id");
        Callback::from(move |e: InputEvent| {
            let id = value_of(e.target()).trim().to_string();
            if !id.is_empty() {
                ctx.change(&field, move |f| rename_node(f, i, &id));
            }
        })
    };
    let kind_ending = node.ending.is_some();
    let set_kind = |ending: bool| {
        let ctx = ctx.clone();
        let field = format!("{base}/ending");
        Callback::from(move |_: Event| {
            ctx.change(&field, move |f| {
                let title = new_text(f, "");
                let debrief = new_text(f, "");
                let Some(n) = f.nodes.get_mut(i) else { return };
                if ending && n.ending.is_none() {
                    // An ending has no replies: they go (an undo brings them back).
                    n.choices.clear();
                    n.ending = Some(Box::new(Ending {
                        outcome: Outcome::Success,
                        title,
                        debrief: EndingDebrief::Text(debrief),
                    }));
                } else if !ending {
                    n.ending = None;
                }
            });
        })
    };
    let speakers = speakers(&ctx.file, ctx);
    html! {
        <section class="form node-form" aria-labelledby="node-heading">
            <h2 id="node-heading">{ format!("{} · {}", ctx.t(AuthorMsg::Node), node.id) }</h2>
            <div class="row">
                <div class="field">
                    <label for={field_id(&format!("{base}/id"))}>{ ctx.t(AuthorMsg::NodeId) }</label>
                    <input id={field_id(&format!("{base}/id"))} type="text" value={node.id.to_string()} oninput={rename}
                           onblur={ctx.settle.reform(|_: FocusEvent| ())} />
                </div>
                if is_start {
                    <p class="badge">{ ctx.t(AuthorMsg::IsStart) }</p>
                } else {
                    { action(ctx, ctx.t(AuthorMsg::MakeStart), ctx.t(AuthorMsg::MakeStart), "/start", move |f| {
                        if let Some(n) = f.nodes.get(i) { f.start = n.id.clone(); }
                    }) }
                }
            </div>
            { string_field(ctx, ctx.t(AuthorMsg::Note), &format!("{base}/note"), node.note.as_deref().unwrap_or(""),
                           lens(move |f| Some(&mut f.nodes.get_mut(i)?.note)),
                           |s| (!s.trim().is_empty()).then(|| s.to_string())) }
            <h3>{ ctx.t(AuthorMsg::Lines) }</h3>
            { for node.lines.iter().enumerate().map(|(j, line)| line_item(ctx, i, j, line, &speakers)) }
            { action(ctx, ctx.t(AuthorMsg::AddLine), ctx.t(AuthorMsg::AddLine), &format!("{base}/lines"), move |f| {
                let text = new_text(f, "");
                if let Some(n) = f.nodes.get_mut(i) {
                    n.lines.push(Line { speaker: SpeakerId::new(CLIENT), text, when: None });
                }
            }) }
            <fieldset class="kind">
                <legend>{ ctx.t(AuthorMsg::ThenComes) }</legend>
                <div class="field check">
                    <input type="radio" id="kind-replies" name="kind" checked={!kind_ending} onchange={set_kind(false)} />
                    <label for="kind-replies">{ ctx.t(AuthorMsg::Replies) }</label>
                </div>
                <div class="field check">
                    <input type="radio" id="kind-ending" name="kind" checked={kind_ending} onchange={set_kind(true)} />
                    <label for="kind-ending">{ ctx.t(AuthorMsg::AnEnding) }</label>
                </div>
            </fieldset>
            if let Some(ending) = node.ending.as_deref() {
                { ending_form(ctx, i, ending) }
            } else {
                <h3>{ ctx.t(AuthorMsg::Replies) }</h3>
                { for node.choices.iter().enumerate().map(|(j, c)| choice_item(ctx, i, j, c, props)) }
                { action(ctx, ctx.t(AuthorMsg::AddReply), ctx.t(AuthorMsg::AddReply), &format!("{base}/choices"), move |f| add_choice(f, i)) }
            }
            <p class="danger-zone">
                { action(ctx, ctx.t(AuthorMsg::RemoveNode), &format!("{} {}", ctx.t(AuthorMsg::RemoveNode), node.id), "/nodes", move |f| {
                    if i < f.nodes.len() && f.nodes.len() > 1 { f.nodes.remove(i); }
                }) }
            </p>
        </section>
    }
}

/// Who can speak a line: the client, the learner, narration and the cast.
fn speakers(file: &StoryFile, ctx: &Ctx) -> Vec<(String, String)> {
    let mut list = vec![
        (
            CLIENT.to_string(),
            format!("{} ({})", file.persona.name, ctx.t(AuthorMsg::TheClient)),
        ),
        (YOU.to_string(), Msg::You.get(ctx.lang).to_string()),
        (
            NARRATOR.to_string(),
            Msg::Narrator.get(ctx.lang).to_string(),
        ),
    ];
    list.extend(
        file.cast
            .iter()
            .map(|c| (c.id.to_string(), c.id.to_string())),
    );
    list
}

fn line_item(ctx: &Ctx, i: usize, j: usize, line: &Line, speakers: &[(String, String)]) -> Html {
    let base = format!("/nodes/{i}/lines/{j}");
    let on_speaker = {
        let ctx = ctx.clone();
        let field = format!("{base}/speaker");
        Callback::from(move |s: String| {
            ctx.change(&field, move |f| {
                if let Some(l) = f.nodes.get_mut(i).and_then(|n| n.lines.get_mut(j)) {
                    l.speaker = SpeakerId::new(&s);
                }
            })
        })
    };
    let number = j + 1;
    html! {
        <div class="item line-item" key={format!("line-{j}")} id={field_id(&base)} tabindex="-1">
            <div class="row">
                { select_field(&format!("{} {number} · {}", ctx.t(AuthorMsg::Line), ctx.t(AuthorMsg::Speaker)), &format!("{base}/speaker"), line.speaker.as_str(), speakers, on_speaker) }
            </div>
            { text_field(ctx, &format!("{} {number}", ctx.t(AuthorMsg::Line)), &format!("{base}/text"), &line.text,
                         lens(move |f| Some(&mut f.nodes.get_mut(i)?.lines.get_mut(j)?.text)), true) }
            { optional_condition(ctx, &format!("{base}/when"), line.when.as_deref(),
                move |f| if let Some(l) = f.nodes.get_mut(i).and_then(|n| n.lines.get_mut(j)) {
                    l.when = if l.when.is_some() { None } else { Some(Box::default()) };
                },
                lens(move |f| f.nodes.get_mut(i)?.lines.get_mut(j)?.when.as_deref_mut())) }
            <div class="item-actions">
                if j > 0 {
                    { action(ctx, "↑", &format!("{} {number} {}", ctx.t(AuthorMsg::Line), ctx.t(AuthorMsg::MoveUp)), &base, move |f| {
                        if let Some(n) = f.nodes.get_mut(i) { if j < n.lines.len() { n.lines.swap(j - 1, j); } }
                    }) }
                }
                { action(ctx, ctx.t(AuthorMsg::Remove), &format!("{} {} {number}", ctx.t(AuthorMsg::Remove), ctx.t(AuthorMsg::Line)), &base, move |f| {
                    if let Some(n) = f.nodes.get_mut(i) { if j < n.lines.len() { n.lines.remove(j); } }
                }) }
            </div>
        </div>
    }
}

/// A new reply at node `i`, leading to the first ending (the commonest link) or back to the start.
fn add_choice(f: &mut StoryFile, i: usize) {
    let text = new_text(f, "");
    let why = new_text(f, "");
    let next = f
        .nodes
        .iter()
        .find(|n| n.ending.is_some())
        .map_or_else(|| f.start.clone(), |n| n.id.clone());
    let principle = f
        .objectives
        .first()
        .map_or_else(|| ObjectiveId::new(""), |o| o.id.clone());
    let Some(n) = f.nodes.get_mut(i) else { return };
    let id = fresh_id("reply", n.choices.iter().map(|c| c.id.as_str()));
    n.choices.push(Choice {
        id: ChoiceId::new(id),
        text,
        next,
        effects: Default::default(),
        set: Vec::new(),
        unset: Vec::new(),
        when: None,
        if_unavailable: Unavailable::Disable,
        feedback: Feedback {
            rating: Rating::Good,
            principle,
            text: why,
        },
    });
}

/// The reply at `nodes[i].choices[j]`, through a lens.
fn choice_at(f: &mut StoryFile, i: usize, j: usize) -> Option<&mut Choice> {
    f.nodes.get_mut(i)?.choices.get_mut(j)
}

fn choice_item(ctx: &Ctx, i: usize, j: usize, c: &Choice, props: &NodeFormProps) -> Html {
    let base = format!("/nodes/{i}/choices/{j}");
    let number = j + 1;
    let mut targets: Vec<(String, String)> = ctx
        .file
        .nodes
        .iter()
        .map(|n| (n.id.to_string(), node_label(n)))
        .collect();
    targets.push((NEW_NODE.to_string(), ctx.t(AuthorMsg::NewNode).to_string()));
    let on_next = {
        let ctx = ctx.clone();
        let field = format!("{base}/next");
        Callback::from(move |picked: String| {
            ctx.change(&field, move |f| {
                let id = if picked == NEW_NODE {
                    let k = add_node(f);
                    f.nodes[k].id.clone()
                } else {
                    NodeId::new(&picked)
                };
                if let Some(c) = choice_at(f, i, j) {
                    c.next = id;
                }
            })
        })
    };
    let picking = props.picking == Some((i, j));
    let changed = c.set.len() + c.unset.len();
    let on_pick = props
        .on_pick
        .reform(move |_: MouseEvent| if picking { None } else { Some((i, j)) });
    let principles: Vec<(String, String)> = ctx
        .file
        .objectives
        .iter()
        .map(|o| {
            (
                o.id.to_string(),
                o.title
                    .get(
                        ctx.lang.code(),
                        ctx.file.locales.first().map_or("", String::as_str),
                    )
                    .to_string(),
            )
        })
        .collect();
    let on_principle = {
        let ctx = ctx.clone();
        let field = format!("{base}/feedback/principle");
        Callback::from(move |p: String| {
            ctx.change(&field, move |f| {
                if let Some(c) = choice_at(f, i, j) {
                    c.feedback.principle = ObjectiveId::new(&p);
                }
            })
        })
    };
    html! {
        <div class="item choice-item" key={format!("choice-{j}")} id={field_id(&base)} tabindex="-1">
            <h4>{ format!("{} {number}", ctx.t(AuthorMsg::Reply)) }</h4>
            { text_field(ctx, &format!("{} {number}", ctx.t(AuthorMsg::Reply)), &format!("{base}/text"), &c.text,
                         lens(move |f| Some(&mut choice_at(f, i, j)?.text)), true) }
            <div class="row">
                { select_field(ctx.t(AuthorMsg::LeadsTo), &format!("{base}/next"), c.next.as_str(), &targets, on_next) }
                <button type="button" class={classes!("small", picking.then_some("active"))} aria-pressed={picking.to_string()} onclick={on_pick}>
                    { if picking { ctx.t(AuthorMsg::PickingOnMap) } else { ctx.t(AuthorMsg::PickOnMap) } }
                </button>
                { string_field(ctx, ctx.t(AuthorMsg::Id), &format!("{base}/id"), c.id.as_str(), lens(move |f| Some(&mut choice_at(f, i, j)?.id)), |s: &str| ChoiceId::new(s)) }
            </div>
            if !ctx.file.emotions.is_empty() {
                <fieldset class="effects">
                    <legend>{ ctx.t(AuthorMsg::Effects) }</legend>
                    { for ctx.file.emotions.iter().map(|e| effect_field(ctx, i, j, c, &e.id, &ctx.local(&e.label))) }
                </fieldset>
            }
            if !ctx.file.flags.is_empty() {
                // Folded when the story has many flags and this reply changes none: a reply
                // usually changes one or two of them.
                <details class="flag-changes" open={changed > 0 || ctx.file.flags.len() <= 4}>
                    <summary>{ format!("{} ({changed} {})", ctx.t(AuthorMsg::FlagsChanged), ctx.t(AuthorMsg::Changed)) }</summary>
                    <fieldset class="effects">
                        <legend class="visually-hidden">{ ctx.t(AuthorMsg::FlagsChanged) }</legend>
                        { for ctx.file.flags.iter().map(|flag| flag_change(ctx, i, j, c, flag)) }
                    </fieldset>
                </details>
            }
            { optional_condition(ctx, &format!("{base}/when"), c.when.as_deref(),
                move |f| if let Some(c) = choice_at(f, i, j) {
                    c.when = if c.when.is_some() { None } else { Some(Box::default()) };
                },
                lens(move |f| choice_at(f, i, j)?.when.as_deref_mut())) }
            if c.when.is_some() {
                { enum_field(ctx, ctx.t(AuthorMsg::WhenUnavailable), &format!("{base}/if_unavailable"), c.if_unavailable, UNAVAILABLE, Unavailable::as_str,
                             lens(move |f| Some(&mut choice_at(f, i, j)?.if_unavailable))) }
            }
            <fieldset class="feedback">
                <legend>{ ctx.t(AuthorMsg::Feedback) }</legend>
                <div class="row">
                    { enum_field(ctx, ctx.t(AuthorMsg::Rating), &format!("{base}/feedback/rating"), c.feedback.rating, RATINGS, Rating::as_str,
                                 lens(move |f| Some(&mut choice_at(f, i, j)?.feedback.rating))) }
                    { select_field(ctx.t(AuthorMsg::Principle), &format!("{base}/feedback/principle"), c.feedback.principle.as_str(), &principles, on_principle) }
                </div>
                { text_field(ctx, ctx.t(AuthorMsg::Why), &format!("{base}/feedback/text"), &c.feedback.text,
                             lens(move |f| Some(&mut choice_at(f, i, j)?.feedback.text)), true) }
            </fieldset>
            <div class="item-actions">
                { action(ctx, ctx.t(AuthorMsg::Remove), &format!("{} {} {number}", ctx.t(AuthorMsg::Remove), ctx.t(AuthorMsg::Reply)), &base, move |f| {
                    if let Some(n) = f.nodes.get_mut(i) { if j < n.choices.len() { n.choices.remove(j); } }
                }) }
            </div>
        </div>
    }
}

/// A node as listed: its id, and for an ending its outcome.
pub fn node_label(n: &Node) -> String {
    match n.ending.as_deref() {
        Some(e) => format!("{} ({})", n.id, e.outcome.as_str()),
        None => n.id.to_string(),
    }
}

/// How much a reply moves one emotion; blank is no change.
fn effect_field(
    ctx: &Ctx,
    i: usize,
    j: usize,
    c: &Choice,
    emotion: &EmotionId,
    name: &str,
) -> Html {
    let field = format!("/nodes/{i}/choices/{j}/effects/{emotion}");
    let label = if name.is_empty() {
        emotion.to_string()
    } else {
        name.to_string()
    };
    let value = c.effects.get(emotion.as_str()).copied();
    let at = lens(move |f| Some(&mut choice_at(f, i, j)?.effects));
    html! {
        <div class="field number" key={emotion.to_string()}>
            { pair_field(ctx, &field, &label, None, value, at, emotion, "effect") }
        </div>
    }
}

/// Whether a reply sets a flag, clears it, or leaves it.
fn flag_change(ctx: &Ctx, i: usize, j: usize, c: &Choice, flag: &FlagId) -> Html {
    let field = format!("/nodes/{i}/choices/{j}/set/{flag}");
    let state = if c.set.contains(flag) {
        "set"
    } else if c.unset.contains(flag) {
        "unset"
    } else {
        ""
    };
    let options = vec![
        (String::new(), ctx.t(AuthorMsg::Unchanged).to_string()),
        ("set".to_string(), ctx.t(AuthorMsg::Sets).to_string()),
        ("unset".to_string(), ctx.t(AuthorMsg::Clears).to_string()),
    ];
    let onchange = {
        let ctx = ctx.clone();
        let flag = flag.clone();
        let field = field.clone();
        Callback::from(move |picked: String| {
            let flag = flag.clone();
            ctx.change(&field, move |f| {
                let Some(c) = choice_at(f, i, j) else { return };
                c.set.retain(|x| *x != flag);
                c.unset.retain(|x| *x != flag);
                match picked.as_str() {
                    "set" => c.set.push(flag.clone()),
                    "unset" => c.unset.push(flag.clone()),
                    _ => {}
                }
            });
        })
    };
    select_field(flag.as_str(), &field, state, &options, onchange)
}

fn ending_form(ctx: &Ctx, i: usize, ending: &Ending) -> Html {
    let base = format!("/nodes/{i}/ending");
    let parts: Vec<(Option<usize>, DebriefPart)> = match &ending.debrief {
        EndingDebrief::Text(text) => vec![(
            None,
            DebriefPart {
                text: text.clone(),
                when: None,
            },
        )],
        EndingDebrief::Parts(parts) => parts
            .iter()
            .cloned()
            .enumerate()
            .map(|(k, p)| (Some(k), p))
            .collect(),
    };
    html! {
        <div class="ending-form" id={field_id(&base)} tabindex="-1">
            <h3>{ ctx.t(AuthorMsg::Ending) }</h3>
            { enum_field(ctx, ctx.t(AuthorMsg::Outcome), &format!("{base}/outcome"), ending.outcome, OUTCOMES, Outcome::as_str,
                         lens(move |f| Some(&mut ending_at(f, i)?.outcome))) }
            { text_field(ctx, ctx.t(AuthorMsg::Title), &format!("{base}/title"), &ending.title, lens(move |f| Some(&mut ending_at(f, i)?.title)), false) }
            <h4>{ ctx.t(AuthorMsg::Debrief) }</h4>
            <p class="hint">{ ctx.t(AuthorMsg::DebriefHint) }</p>
            { for parts.iter().map(|(k, part)| match k {
                // One text: edited as is, and split into parts only when a condition is wanted.
                None => html! {
                    <div class="item">
                        { text_field(ctx, ctx.t(AuthorMsg::Debrief), &format!("{base}/debrief"), &part.text, lens(move |f| match &mut ending_at(f, i)?.debrief {
                            EndingDebrief::Text(t) => Some(t),
                            EndingDebrief::Parts(_) => None,
                        }), true) }
                    </div>
                },
                Some(k) => {
                    let k = *k;
                    let here = format!("{base}/debrief/{k}");
                    html! {
                        <div class="item" key={k} id={field_id(&here)} tabindex="-1">
                            { text_field(ctx, &format!("{} {}", ctx.t(AuthorMsg::Part), k + 1), &format!("{here}/text"), &part.text,
                                         lens(move |f| Some(&mut part_at(f, i, k)?.text)), true) }
                            { optional_condition(ctx, &format!("{here}/when"), part.when.as_deref(),
                                move |f| if let Some(p) = part_at(f, i, k) { p.when = if p.when.is_some() { None } else { Some(Box::default()) }; },
                                lens(move |f| part_at(f, i, k)?.when.as_deref_mut())) }
                            { action(ctx, ctx.t(AuthorMsg::Remove), &format!("{} {} {}", ctx.t(AuthorMsg::Remove), ctx.t(AuthorMsg::Part), k + 1), &here, move |f| {
                                if let Some(e) = ending_at(f, i) {
                                    if let EndingDebrief::Parts(parts) = &mut e.debrief {
                                        if parts.len() > 1 && k < parts.len() { parts.remove(k); }
                                    }
                                }
                            }) }
                        </div>
                    }
                }
            }) }
            { action(ctx, ctx.t(AuthorMsg::AddPart), ctx.t(AuthorMsg::AddPart), &format!("{base}/debrief"), move |f| {
                let text = new_text(f, "");
                let Some(e) = ending_at(f, i) else { return };
                let mut parts = match std::mem::replace(&mut e.debrief, EndingDebrief::Parts(Vec::new())) {
                    EndingDebrief::Text(t) => vec![DebriefPart { text: t, when: None }],
                    EndingDebrief::Parts(parts) => parts,
                };
                parts.push(DebriefPart { text, when: Some(Box::default()) });
                e.debrief = EndingDebrief::Parts(parts);
            }) }
        </div>
    }
}

/// The ending of node `i`.
fn ending_at(f: &mut StoryFile, i: usize) -> Option<&mut Ending> {
    f.nodes.get_mut(i)?.ending.as_deref_mut()
}

/// Part `k` of the debrief of node `i`'s ending.
fn part_at(f: &mut StoryFile, i: usize, k: usize) -> Option<&mut DebriefPart> {
    match &mut ending_at(f, i)?.debrief {
        EndingDebrief::Parts(parts) => parts.get_mut(k),
        EndingDebrief::Text(_) => None,
    }
}
