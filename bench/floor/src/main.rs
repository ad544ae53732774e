//! The floor app for `make bench`: the least a Yew app on Rapport's required stack can be. It
//! reads a story with serde_json, shows the client's lines and three replies, and a click adds
//! a line through a reducer, like the app's player; nothing else.

use serde::Deserialize;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Deserialize, PartialEq)]
struct Story {
    lines: Vec<String>,
    replies: Vec<String>,
}

const STORY: &str = r#"{"lines":["The report never came.","Go on.","And then?"],
  "replies":["I'm sorry, let me explain.","What happened on your side?","Not my fault."]}"#;

#[derive(PartialEq)]
struct Talk {
    story: Rc<Story>,
    said: Vec<String>,
}

impl Reducible for Talk {
    type Action = usize;
    fn reduce(self: Rc<Self>, reply: usize) -> Rc<Self> {
        let mut said = self.said.clone();
        said.push(self.story.replies[reply].clone());
        said.push(self.story.lines[said.len() / 2 % self.story.lines.len()].clone());
        Rc::new(Talk {
            story: self.story.clone(),
            said,
        })
    }
}

#[component]
fn App() -> Html {
    let talk = use_reducer(|| {
        let story: Story = serde_json::from_str(STORY).unwrap_or(Story {
            lines: vec![String::new()],
            replies: vec![String::new(); 3],
        });
        let said = vec![story.lines[0].clone()];
        Talk {
            story: Rc::new(story),
            said,
        }
    });
    let turn = talk.said.len() / 2;
    html! {
        <main>
            <h1>{ gloo::utils::document().title() }</h1>
            <ol>{ for talk.said.iter().map(|line| html! { <li>{ line }</li> }) }</ol>
            <div role="group" aria-label="Your reply">
                { for talk.story.replies.iter().enumerate().map(|(i, text)| {
                    let talk = talk.clone();
                    html! {
                        <button class="choice" data-choice={format!("c{turn}-{i}")}
                            onclick={move |_| talk.dispatch(i)}>{ text }</button>
                    }
                }) }
            </div>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
