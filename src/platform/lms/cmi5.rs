//! cmi5's requests besides the statements: the one POST to `fetch` for the auth token, the
//! `LMS.LaunchData` state document and the learner's preferences (an agent profile). Every
//! failure is a value with a message for the notice, never a panic.

use crate::lms::cmi5::{FetchAnswer, Launch, LaunchData, LAUNCH_DATA, LEARNER_PREFERENCES};
use gloo::net::http::Request;
use serde_json::Value;

fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

/// The one POST to `fetch` (never a GET: the spec forbids it); the token, or why not.
pub async fn fetch_token(url: &str) -> Result<String, String> {
    let response = Request::post(url)
        .send()
        .await
        .map_err(|e| format!("fetch: {e}"))?;
    let answer: FetchAnswer = response
        .json()
        .await
        .map_err(|e| format!("fetch answered {}: {e}", response.status()))?;
    match answer.auth_token {
        Some(token) if response.ok() => Ok(token),
        _ => Err(format!(
            "fetch refused: {} {}",
            answer.error_code.map(|c| c.to_string()).unwrap_or_default(),
            answer.error_text.unwrap_or_default()
        )),
    }
}

/// Why a document could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// The LMS answered that it is not there, or not for this launch: asking again is useless.
    Refused(String),
    /// No answer, or a server error: worth asking again.
    Unreachable(String),
}

impl Failure {
    /// What went wrong, for the console.
    pub fn message(&self) -> &str {
        match self {
            Failure::Refused(m) | Failure::Unreachable(m) => m,
        }
    }
}

/// Waits `ms` milliseconds (between retries).
pub async fn pause(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let ms = i32::try_from(ms).unwrap_or(i32::MAX);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A GET on the launch's LRS with the token; `Ok(None)` for 404 (no such document).
async fn get(launch: &Launch, token: &str, path: &str) -> Result<Option<Value>, Failure> {
    let url = format!("{}{path}", launch.endpoint);
    let response = Request::get(&url)
        .header("Authorization", &format!("Basic {token}"))
        .header("X-Experience-API-Version", "1.0.3")
        .send()
        .await
        .map_err(|e| Failure::Unreachable(format!("{path}: {e}")))?;
    let status = response.status();
    if status == 404 {
        return Ok(None);
    }
    if !response.ok() {
        let message = format!("{path}: the LRS answered {status}");
        return Err(if status >= 500 || status == 429 {
            Failure::Unreachable(message)
        } else {
            Failure::Refused(message)
        });
    }
    response
        .json()
        .await
        .map(Some)
        .map_err(|e| Failure::Refused(format!("{path}: {e}")))
}

/// The LMS's LaunchData for this launch (read only: never written).
pub async fn launch_data(launch: &Launch, token: &str) -> Result<LaunchData, Failure> {
    let path = format!(
        "activities/state?stateId={}&activityId={}&agent={}&registration={}",
        encode(LAUNCH_DATA),
        encode(&launch.activity_id),
        encode(&launch.actor.to_string()),
        encode(&launch.registration)
    );
    let doc = get(launch, token, &path)
        .await?
        .ok_or_else(|| Failure::Refused("the LMS has no LaunchData for this launch".into()))?;
    serde_json::from_value(doc).map_err(|e| Failure::Refused(format!("LaunchData: {e}")))
}

/// The learner's cmi5 preferences, if the LMS keeps any (a 404 or an error means none).
pub async fn learner_preferences(launch: &Launch, token: &str) -> Option<Value> {
    let path = format!(
        "agents/profile?profileId={}&agent={}",
        encode(LEARNER_PREFERENCES),
        encode(&launch.actor.to_string())
    );
    get(launch, token, &path).await.ok().flatten()
}
