//! The map Studio works on: the story map (the learner's debrief draws the same), its nodes
//! buttons that select a node or, while a reply's target is being picked, link the reply; the
//! same as a list for the keyboard and small screens; adding a node.

use super::node_form::node_label;
use crate::author::i18n::AuthorMsg;
use crate::components::story_map::{story_map_picking, Picking};
use crate::engine::model::StoryFile;
use crate::engine::validate::reachable;
use crate::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`MapPane`].
#[derive(Properties, PartialEq)]
pub struct MapProps {
    /// The story.
    pub file: Rc<StoryFile>,
    /// The node being edited.
    pub selected: Option<usize>,
    /// Whether a reply's target is being picked (clicks link rather than select).
    pub picking: bool,
    /// A node was clicked or chosen from the list.
    pub on_node: Callback<usize>,
    /// Adds a node.
    pub on_add: Callback<()>,
    /// Interface language.
    pub lang: Lang,
}

/// The map pane.
#[component]
pub fn MapPane(props: &MapProps) -> Html {
    let lang = props.lang;
    let file = &props.file;
    let reach = reachable(file);
    let picking = Picking {
        selected: props.selected,
        reachable: reach.clone(),
        on_pick: props.on_node.clone(),
        unreachable_label: AuthorMsg::Unreachable.get(lang),
    };
    html! {
        <section class={classes!("pane", "map-pane", props.picking.then_some("picking"))} aria-labelledby="map-heading">
            <h2 id="map-heading">{ AuthorMsg::Map.get(lang) }</h2>
            <p class="hint" role="status">
                { if props.picking { AuthorMsg::PickHint.get(lang) } else { AuthorMsg::MapHint.get(lang) } }
            </p>
            { story_map_picking(file, &picking, lang) }
            <ul class="node-list">
                { for file.nodes.iter().enumerate().map(|(i, n)| {
                    let onclick = props.on_node.reform(move |_: MouseEvent| i);
                    let lost = !reach.get(i).copied().unwrap_or(true);
                    let current = props.selected == Some(i);
                    let class = classes!("node-button", current.then_some("selected"), lost.then_some("unreachable"),
                                         n.ending.as_deref().map(|e| e.outcome.as_str()));
                    html! {
                        <li key={n.id.to_string()}>
                            <button type="button" {class} {onclick} aria-current={current.then_some("true")} data-node={n.id.to_string()}>
                                { node_label(n) }
                                if n.id == file.start { { format!(" · {}", AuthorMsg::IsStart.get(lang)) } }
                                if lost { { format!(" · {}", AuthorMsg::Unreachable.get(lang)) } }
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <button type="button" id="add-node" onclick={props.on_add.reform(|_: MouseEvent| ())}>{ AuthorMsg::AddNode.get(lang) }</button>
        </section>
    }
}
