//! Registers the service worker (`web/sw.js`) that keeps the app and every story playable
//! offline, as `sw.js?v=<version>` with the version of the build's manifest (`build.json`), so a
//! new build installs a new worker. Every step is checked: in a sandboxed iframe even reading
//! `navigator.serviceWorker` throws, and from `file://` there is none.

use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

/// The part of `build.json` the registration needs.
#[derive(Deserialize)]
struct Build {
    version: String,
}

/// Registers the worker next to the page; failures are expected in some contexts and ignored
/// (the app works without it, only not offline).
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
    wasm_bindgen_futures::spawn_local(async move {
        let Some(build) = manifest().await else {
            return;
        };
        let url = format!("sw.js?v={}", build.version);
        let Ok(promise) = register.call1(&container, &JsValue::from_str(&url)) else {
            return;
        };
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            // Awaited so a refusal is handled here, not reported as an uncaught rejection.
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
    });
}

/// `build.json`, or `None` (a development server without the hook, a host that lost it).
async fn manifest() -> Option<Build> {
    let response = gloo::net::http::Request::get("build.json")
        .send()
        .await
        .ok()?;
    if !response.ok() {
        return None;
    }
    serde_json::from_str(&response.text().await.ok()?).ok()
}
