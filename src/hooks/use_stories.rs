//! Fetches what the screen shows, and nothing else: the opened story in the language it is shown
//! in (`stories/<id>.<locale>.json`), again in another when the learner switches, and the
//! catalog once the library or the kiosk shows. Nothing is fetched ahead: a first visit to a
//! story downloads that story in one language.

use crate::engine::StoryId;
use crate::platform::stories::{fetch, inlined, inlined_catalog, split_file, whole_file, CATALOG};
use crate::state::{catalog_read, loaded, problems, Action, AppContext, Fetched};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Story `id` in `locale`: the page's inlined whole story (the one-file bundle), else the
/// build's file in that locale. Also whether the server has no such file.
async fn load_story(root: &str, id: &StoryId, locale: &str) -> (Action, bool) {
    if let Some(bytes) = inlined(id.as_str()) {
        return (loaded(id.clone(), &whole_file(id.as_str()), &bytes), false);
    }
    let file = split_file(id.as_str(), locale);
    match fetch(&format!("{root}{file}")).await {
        Ok(bytes) => (loaded(id.clone(), &file, &bytes), false),
        Err(failed) => (
            Action::Loaded(id.clone(), Err(problems(&file, vec![failed.problem]))),
            failed.missing,
        ),
    }
}

async fn load_catalog(root: &str) -> Action {
    if let Some(bytes) = inlined_catalog() {
        return catalog_read(CATALOG, &bytes);
    }
    match fetch(&format!("{root}{CATALOG}")).await {
        Ok(bytes) => catalog_read(CATALOG, &bytes),
        Err(failed) => Action::Catalog(Err(problems(CATALOG, vec![failed.problem]))),
    }
}

/// Fetches the catalog unless it was asked for already.
fn ask_catalog(root: &'static str, ctx: &AppContext, asked: &Rc<RefCell<bool>>) {
    if matches!(ctx.catalog, Fetched::Loading) && !asked.replace(true) {
        let ctx = ctx.clone();
        wasm_bindgen_futures::spawn_local(async move {
            ctx.dispatch(load_catalog(root).await);
        });
    }
}

/// Fetches story `opened` in the language the state wants it in ([`crate::state::AppState::wanted`])
/// and, when `library` shows, the catalog; each result is dispatched as it arrives. `root` is
/// where the build's files are, relative to the page ([`crate::platform::location::Entry::root`]).
#[hook]
pub fn use_stories(ctx: AppContext, root: &'static str, opened: Option<StoryId>, library: bool) {
    let catalog_asked = use_mut_ref(|| false);
    // Files asked for and not loaded: each is asked for once at a time, and not again after it
    // failed (the page says why; a reload tries again). One that loaded is forgotten, so
    // switching back to its language after another arrived fetches it again. A list, not a
    // set: it holds a file or two, and a tree would add its code to the wasm.
    let asked = use_mut_ref(Vec::<(StoryId, String)>::new);
    let want = opened.and_then(|id| ctx.wanted(&id).map(|locale| (id, locale)));
    {
        let ctx = ctx.clone();
        let catalog_asked = catalog_asked.clone();
        use_effect_with(want, move |want| {
            let Some(key) = want.clone() else {
                return;
            };
            if asked.borrow().contains(&key) {
                return;
            }
            asked.borrow_mut().push(key.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let (action, missing) = load_story(root, &key.0, &key.1).await;
                if matches!(action, Action::Loaded(_, Ok(_))) {
                    asked.borrow_mut().retain(|k| k != &key);
                }
                ctx.dispatch(action);
                // No file in this language: the story may not have it. Its card names the
                // locales it has, and the state then wants its fallback instead.
                if missing {
                    ask_catalog(root, &ctx, &catalog_asked);
                }
            });
        });
    }
    let needed = library && matches!(ctx.catalog, Fetched::Loading);
    use_effect_with(needed, move |&needed| {
        if needed {
            ask_catalog(root, &ctx, &catalog_asked);
        }
    });
}
