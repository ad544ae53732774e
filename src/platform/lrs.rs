//! Reading statements back from an LRS for the class report: one `GET` at a time, with the
//! configured `Authorization`, given up after [`TIMEOUT_MS`]. Read only: nothing here writes.
//! What the failures mean to a trainer (which setting to check) is said by [`LrsError`].

use gloo::timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;

/// How long one page may take before the report says the LRS does not answer.
pub const TIMEOUT_MS: u32 = 30_000;

/// Why a page could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LrsError {
    /// 401 or 403: the credentials are wrong, or may not read statements.
    Refused(u16),
    /// Another HTTP error.
    Status(u16),
    /// No answer within [`TIMEOUT_MS`].
    TimedOut,
    /// No connection (wrong address, LRS down, or the LRS does not allow this page's origin).
    Unreachable,
}

/// One page of `GET statements` at `url`, as text.
pub async fn get(url: &str, auth: Option<&str>) -> Result<String, LrsError> {
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    // Dropped (and so cancelled) when this function returns.
    let _timer = controller.clone().map(|c| {
        let timed_out = timed_out.clone();
        Timeout::new(TIMEOUT_MS, move || {
            timed_out.set(true);
            c.abort();
        })
    });
    let mut request = gloo::net::http::Request::get(url)
        .header("X-Experience-API-Version", "1.0.3")
        .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    if let Some(auth) = auth.filter(|a| !a.is_empty()) {
        request = request.header("Authorization", auth);
    }
    let fail = |timed_out: &Cell<bool>| {
        if timed_out.get() {
            LrsError::TimedOut
        } else {
            LrsError::Unreachable
        }
    };
    let response = request.send().await.map_err(|_| fail(&timed_out))?;
    match response.status() {
        401 | 403 => return Err(LrsError::Refused(response.status())),
        s if !response.ok() => return Err(LrsError::Status(s)),
        _ => {}
    }
    response.text().await.map_err(|_| fail(&timed_out))
}

/// `Basic …` for a user and password, as the `Authorization` header carries them.
pub fn basic_auth(user: &str, password: &str) -> Option<String> {
    let window = web_sys::window()?;
    // btoa takes Latin-1 only; a password outside it cannot be sent as Basic auth by a browser.
    let encoded = window.btoa(&format!("{user}:{password}")).ok()?;
    Some(format!("Basic {encoded}"))
}
