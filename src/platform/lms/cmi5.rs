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

/// A GET on the launch's LRS with the token; `Ok(None)` for 404 (no such document).
async fn get(launch: &Launch, token: &str, path: &str) -> Result<Option<Value>, String> {
    let url = format!("{}{path}", launch.endpoint);
    let response = Request::get(&url)
        .header("Authorization", &format!("Basic {token}"))
        .header("X-Experience-API-Version", "1.0.3")
        .send()
        .await
        .map_err(|e| format!("{path}: {e}"))?;
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(format!("{path}: the LRS answered {}", response.status()));
    }
    response
        .json()
        .await
        .map(Some)
        .map_err(|e| format!("{path}: {e}"))
}

/// The LMS's LaunchData for this launch (read only: never written).
pub async fn launch_data(launch: &Launch, token: &str) -> Result<LaunchData, String> {
    let path = format!(
        "activities/state?stateId={}&activityId={}&agent={}&registration={}",
        encode(LAUNCH_DATA),
        encode(&launch.activity_id),
        encode(&launch.actor.to_string()),
        encode(&launch.registration)
    );
    let doc = get(launch, token, &path)
        .await?
        .ok_or_else(|| "the LMS has no LaunchData for this launch".to_string())?;
    serde_json::from_value(doc).map_err(|e| format!("LaunchData: {e}"))
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
