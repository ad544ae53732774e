//! Saving progress after every change, and reading it back (setting corrupt data aside).

use crate::i18n::Msg;
use crate::platform::frame::after_paint;
use crate::platform::storage::keys;
use crate::platform::storage::Storage;
use crate::state::{Action, AppContext, Progress};
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Reads saved progress. Data that does not parse is moved to a side key (so nothing is
/// destroyed) and reported with a notice.
pub fn read_progress(storage: &Storage) -> (Progress, Option<Msg>) {
    let Some(raw) = storage.get(keys::PROGRESS) else {
        return (Progress::default(), None);
    };
    match serde_json::from_str::<Progress>(&raw) {
        Ok(progress) => (progress, None),
        Err(_) => {
            storage.set(keys::PROGRESS_SET_ASIDE, &raw);
            storage.remove(keys::PROGRESS);
            (Progress::default(), Some(Msg::CorruptProgress))
        }
    }
}

/// Progress changed but not written yet.
type Unsaved = RefCell<Option<Progress>>;

/// Writes what is unsaved, if anything.
fn save(storage: &Storage, unsaved: &Unsaved, ctx: &AppContext) {
    let Some(progress) = unsaved.borrow_mut().take() else {
        return;
    };
    if let Ok(json) = serde_json::to_string(&progress) {
        if !storage.set(keys::PROGRESS, &json) {
            ctx.dispatch(Action::Notify(Msg::SaveFailed));
        }
    }
}

/// Saves the learner's progress whenever it changes: once the change is painted (writing in
/// the click's own task held the reply's frame back) or within 200 ms where no frame comes, and
/// at once when the page is hidden or left.
#[hook]
pub fn use_persist(ctx: AppContext, storage: Rc<Storage>) {
    let progress = ctx.progress();
    let unsaved: Rc<Unsaved> = use_memo((), |_| RefCell::new(None));
    {
        let (ctx, storage, unsaved) = (ctx.clone(), storage.clone(), unsaved.clone());
        use_effect_with((), move |_| {
            let flush = Rc::new(move || save(&storage, &unsaved, &ctx));
            let window = web_sys::window();
            let on = |target: &web_sys::EventTarget, event: &'static str| {
                let flush = flush.clone();
                EventListener::new(target, event, move |_| flush())
            };
            let guards = window.map(|w| {
                let mut guards = vec![on(&w, "pagehide")];
                if let Some(doc) = w.document() {
                    guards.push(on(&doc, "visibilitychange"));
                }
                guards
            });
            move || drop(guards)
        });
    }
    use_effect_with(progress, move |progress| {
        *unsaved.borrow_mut() = Some(progress.clone());
        after_paint(move || save(&storage, &unsaved, &ctx));
    });
}
