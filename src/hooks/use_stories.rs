//! Fetches and checks every story in the catalog once, on mount.

use crate::engine::StoryId;
use crate::platform::stories::fetch_story;
use crate::state::{loaded, Action, AppContext};
use std::rc::Rc;
use yew::prelude::*;

/// Starts loading every story id; each result is dispatched as it arrives.
#[hook]
pub fn use_stories(ctx: AppContext, ids: &'static [&'static str]) {
    use_effect_with((), move |_| {
        for id in ids {
            let ctx = ctx.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let story_id = StoryId::new(id);
                let action = match fetch_story(id).await {
                    Ok(bytes) => loaded(story_id, &bytes),
                    Err(problem) => Action::Loaded(story_id, Err(Rc::new(vec![problem]))),
                };
                ctx.dispatch(action);
            });
        }
    });
}
