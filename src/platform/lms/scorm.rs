//! SCORM 1.2's run-time `API`: found on the parent chain, then the opener's, as the
//! specification's search does; called with strings, answering strings. A window of another
//! origin throws when read: it is skipped, not trusted.

use wasm_bindgen::{JsCast, JsValue};

/// How many windows up each chain is searched (the reference search stops at 7).
const MAX_LEVELS: usize = 7;

/// The LMS's `API` object.
pub struct Api(js_sys::Object);

fn api_of(window: &web_sys::Window) -> Option<Api> {
    let api = js_sys::Reflect::get(window, &JsValue::from_str("API")).ok()?;
    let has_init = js_sys::Reflect::get(&api, &JsValue::from_str("LMSInitialize"))
        .ok()
        .is_some_and(|f| f.is_function());
    has_init.then(|| Api(api.unchecked_into()))
}

/// Searches `start` and up to [`MAX_LEVELS`] of its parents.
fn up_from(start: web_sys::Window) -> Option<Api> {
    let mut window = start;
    for _ in 0..=MAX_LEVELS {
        if let Some(api) = api_of(&window) {
            return Some(api);
        }
        let parent = window.parent().ok().flatten()?;
        if js_sys::Object::is(&parent, &window) {
            return None; // the top
        }
        window = parent;
    }
    None
}

impl Api {
    /// The API of the parent chain, else of the opener's chain (the opener of this window, or
    /// of its top window when the LMS opened a window that frames the SCO).
    pub fn find() -> Option<Api> {
        let window = web_sys::window()?;
        let parent = window
            .parent()
            .ok()
            .flatten()
            .filter(|p| !js_sys::Object::is(p, &window));
        parent.and_then(up_from).or_else(|| {
            let top = window.top().ok().flatten();
            [Some(window), top].into_iter().flatten().find_map(|w| {
                // The opener is another window's object: `instanceof Window` is false across
                // windows, so only its presence is checked (reading it is guarded anyway).
                let opener = w.opener().ok().filter(JsValue::is_object)?;
                up_from(opener.unchecked_into())
            })
        })
    }

    fn call(&self, name: &str, args: &[&str]) -> String {
        let Ok(f) = js_sys::Reflect::get(&self.0, &JsValue::from_str(name)) else {
            return String::new();
        };
        let Ok(f) = f.dyn_into::<js_sys::Function>() else {
            return String::new();
        };
        let args: js_sys::Array = args.iter().map(|a| JsValue::from_str(a)).collect();
        f.apply(&self.0, &args)
            .ok()
            .and_then(|v| v.as_string().or_else(|| v.as_bool().map(|b| b.to_string())))
            .unwrap_or_default()
    }

    /// `LMSInitialize("")`.
    pub fn initialize(&self) -> bool {
        self.call("LMSInitialize", &[""]) == "true"
    }

    /// `LMSGetValue(element)` (empty when unset or refused).
    pub fn get(&self, element: &str) -> String {
        self.call("LMSGetValue", &[element])
    }

    /// `LMSSetValue(element, value)`.
    pub fn set(&self, element: &str, value: &str) -> bool {
        self.call("LMSSetValue", &[element, value]) == "true"
    }

    /// `LMSCommit("")`.
    pub fn commit(&self) -> bool {
        self.call("LMSCommit", &[""]) == "true"
    }

    /// `LMSFinish("")`.
    pub fn finish(&self) -> bool {
        self.call("LMSFinish", &[""]) == "true"
    }

    /// `LMSGetLastError()`: the code of the last call's error, `0` for none.
    pub fn last_error(&self) -> String {
        self.call("LMSGetLastError", &[])
    }
}
