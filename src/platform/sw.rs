//! Registers the service worker (`sw.js`, written by the build) that keeps the app and every
//! story playable offline. Every step is checked: in a sandboxed iframe even reading
//! `navigator.serviceWorker` throws, and from `file://` there is none.

use wasm_bindgen::{JsCast, JsValue};

/// Registers `sw.js` next to the page; failures are expected in some contexts and ignored.
pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "http:" && protocol != "https:" {
        return;
    }
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key));
    let Ok(container) = get(&window.navigator(), "serviceWorker") else {
        return;
    };
    if container.is_undefined() || container.is_null() {
        return;
    }
    let Ok(register) = get(&container, "register").and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return;
    };
    let Ok(promise) = register.call1(&container, &JsValue::from_str("sw.js")) else {
        return;
    };
    if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
        // Await it so a refusal is handled here, not reported as an uncaught rejection.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}
