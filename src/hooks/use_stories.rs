//! Fetches and checks every story in the catalog once, on mount.

use crate::engine::StoryId;
use crate::platform::stories::fetch_story;
use crate::state::{loaded, Action, AppContext, Entry};
use std::rc::Rc;
use yew::prelude::*;

async fn load_one(ctx: AppContext, id: &str) {
    let story_id = StoryId::new(id);
    let action = match fetch_story(id).await {
        Ok(bytes) => loaded(story_id, &bytes),
        Err(problem) => Action::Loaded(story_id, Err(Rc::new(vec![problem]))),
    };
    ctx.dispatch(action);
}

/// Starts loading every story id still loading; each result is dispatched as it arrives. The
/// story the page opened on (`first`) is fetched and checked before the others, so its first reply
/// shows sooner.
#[hook]
pub fn use_stories(ctx: AppContext, ids: &'static [&'static str], first: Option<String>) {
    use_effect_with((), move |_| {
        // A story the app started with (from the loader's prefetch) is not loaded twice.
        let waiting: Vec<&'static str> = ids
            .iter()
            .copied()
            .filter(|id| matches!(ctx.stories.get(&StoryId::new(id)), Some(Entry::Loading)))
            .collect();
        wasm_bindgen_futures::spawn_local(async move {
            let ids = &waiting;
            let first = first.and_then(|f| ids.iter().find(|id| **id == f));
            if let Some(id) = first {
                load_one(ctx.clone(), id).await;
            }
            let rest: Vec<&'static str> =
                ids.iter().copied().filter(|id| Some(id) != first).collect();
            // The others once the first is on screen: their fetching and checking would delay it.
            crate::platform::frame::after_paint(move || {
                for id in rest {
                    wasm_bindgen_futures::spawn_local(load_one(ctx.clone(), id));
                }
            });
        });
    });
}
