//! Saving progress after every change, and reading it back (setting corrupt data aside).

use crate::i18n::Msg;
use crate::platform::storage::Storage;
use crate::state::{Action, AppContext, Progress, PROGRESS_KEY};
use std::rc::Rc;
use yew::prelude::*;

/// Reads saved progress. Data that does not parse is moved to a side key (so nothing is
/// destroyed) and reported with a notice.
pub fn read_progress(storage: &Storage) -> (Progress, Option<Msg>) {
    let Some(raw) = storage.get(PROGRESS_KEY) else {
        return (Progress::default(), None);
    };
    match serde_json::from_str::<Progress>(&raw) {
        Ok(progress) => (progress, None),
        Err(_) => {
            storage.set(&format!("{PROGRESS_KEY}:set-aside"), &raw);
            storage.remove(PROGRESS_KEY);
            (Progress::default(), Some(Msg::CorruptProgress))
        }
    }
}

/// Saves the learner's progress whenever it changes.
#[hook]
pub fn use_persist(ctx: AppContext, storage: Rc<Storage>) {
    let progress = ctx.progress();
    use_effect_with(progress, move |progress| {
        if let Ok(json) = serde_json::to_string(progress) {
            if !storage.set(PROGRESS_KEY, &json) {
                ctx.dispatch(Action::Notify(Msg::SaveFailed));
            }
        }
    });
}
