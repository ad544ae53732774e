//! Sending learning records: the deployment's `config.json` (plus per-launch query overrides),
//! and an outbox that keeps statements in storage and sends them in order, one at a time,
//! retrying with backoff while the LRS is unreachable. Each statement keeps its id across
//! retries, and a 409 (already stored) counts as sent, so a retry never duplicates a record.

use super::location::query_param;
use super::storage::Storage;
use crate::records::{backoff_ms, DeployConfig, Stamp, XapiConfig};
use gloo::timers::callback::Timeout;
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A fresh random UUID (version 4).
pub fn uuid() -> String {
    let mut bytes = [0u8; 16];
    for b in bytes.iter_mut() {
        *b = (js_sys::Math::random() * 256.0) as u8;
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// A statement's id and time: a fresh UUID, and `at_ms` (milliseconds since the epoch, as
/// `Date.now()`) in ISO 8601.
pub fn stamp_at(at_ms: f64) -> Stamp {
    Stamp {
        id: uuid(),
        timestamp: js_sys::Date::new(&at_ms.into()).to_iso_string().into(),
    }
}

/// Loads the build's `config.json` (at `root`, relative to the page: [`crate::platform::location::Entry::root`])
/// and applies `?lrs=&lrs_auth=&actor_mbox=&actor_name=`. `None` means no LRS: nothing leaves
/// the browser.
pub async fn load_config(root: &str) -> Option<XapiConfig> {
    let window = web_sys::window()?;
    let protocol = window.location().protocol().ok()?;
    let mut cfg = if protocol.starts_with("http") {
        match gloo::net::http::Request::get(&format!("{root}config.json"))
            .send()
            .await
        {
            Ok(r) if r.ok() => r.json::<DeployConfig>().await.ok().and_then(|c| c.xapi),
            _ => None,
        }
    } else {
        None
    };
    if let Some(endpoint) = query_param("lrs") {
        let c = cfg.get_or_insert(XapiConfig {
            endpoint: String::new(),
            auth: None,
            actor: None,
            activity_base: crate::engine::xapi::DEFAULT_BASE.into(),
        });
        c.endpoint = endpoint;
    }
    let cfg = cfg.as_mut()?;
    if let Some(auth) = query_param("lrs_auth") {
        cfg.auth = Some(auth);
    }
    if let Some(mbox) = query_param("actor_mbox") {
        let name = query_param("actor_name");
        cfg.actor = Some(serde_json::json!({ "objectType": "Agent", "mbox": mbox, "name": name }));
    }
    let cfg = cfg.clone().normalised();
    (!cfg.endpoint.trim_end_matches('/').is_empty()).then_some(cfg)
}

/// How delivery is going, for whoever shows it to the learner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// A send failed; the statements stay queued and are retried.
    Failing,
    /// Everything queued has reached the LRS.
    Drained,
}

/// Who is told how delivery goes.
type Watcher = Box<dyn Fn(Delivery)>;

/// Statements waiting for the LRS, and the loop that sends them.
pub struct Outbox {
    /// Where they go.
    pub config: XapiConfig,
    storage: Rc<Storage>,
    queue_key: &'static str,
    busy: Cell<bool>,
    failures: Cell<u32>,
    retry: RefCell<Option<Timeout>>,
    watcher: RefCell<Option<Watcher>>,
}

impl Outbox {
    /// An outbox over `storage`, the statements kept under `queue_key` (one of
    /// `platform::storage::keys`: the free xAPI's and a cmi5 launch's queues are apart).
    pub fn new(config: XapiConfig, storage: Rc<Storage>, queue_key: &'static str) -> Rc<Self> {
        Rc::new(Self {
            config,
            storage,
            queue_key,
            busy: Cell::new(false),
            failures: Cell::new(0),
            retry: RefCell::new(None),
            watcher: RefCell::new(None),
        })
    }

    /// Calls `watch` when a send fails and when the queue empties.
    pub fn watch(&self, watch: impl Fn(Delivery) + 'static) {
        *self.watcher.borrow_mut() = Some(Box::new(watch));
    }

    fn tell(&self, delivery: Delivery) {
        if let Some(watch) = &*self.watcher.borrow() {
            watch(delivery);
        }
    }

    /// The queued statements (unreadable data counts as empty; it cannot be sent anyway).
    pub fn queued(&self) -> Vec<Value> {
        self.storage
            .get(self.queue_key)
            .and_then(|raw| serde_json::from_str(&raw).ok())
            .unwrap_or_default()
    }

    fn save(&self, queue: &[Value]) {
        if let Ok(json) = serde_json::to_string(queue) {
            self.storage.set(self.queue_key, &json);
        }
    }

    /// Queues statements (kept across reloads) and starts sending.
    pub fn push(self: &Rc<Self>, statements: Vec<Value>) {
        if statements.is_empty() {
            return;
        }
        let mut queue = self.queued();
        queue.extend(statements);
        self.save(&queue);
        self.kick();
    }

    /// Sends what is queued, oldest first, unless a send is already under way.
    pub fn kick(self: &Rc<Self>) {
        if self.busy.replace(true) {
            return;
        }
        self.retry.borrow_mut().take();
        let outbox = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            while let Some(head) = outbox.queued().into_iter().next() {
                if outbox.send(&head).await {
                    outbox.failures.set(0);
                    let id = head.get("id").cloned();
                    let mut queue = outbox.queued();
                    if let Some(pos) = queue.iter().position(|s| s.get("id") == id.as_ref()) {
                        queue.remove(pos);
                    }
                    outbox.save(&queue);
                } else {
                    let failures = outbox.failures.get() + 1;
                    outbox.failures.set(failures);
                    let again = Rc::clone(&outbox);
                    *outbox.retry.borrow_mut() =
                        Some(Timeout::new(backoff_ms(failures - 1), move || again.kick()));
                    outbox.busy.set(false);
                    outbox.tell(Delivery::Failing);
                    return;
                }
            }
            outbox.busy.set(false);
            outbox.tell(Delivery::Drained);
        });
    }

    /// One statement; true when the LRS has it (stored now, or already: 409).
    async fn send(&self, statement: &Value) -> bool {
        let url = format!("{}statements", self.config.endpoint);
        let mut request = gloo::net::http::Request::post(&url)
            .header("X-Experience-API-Version", "1.0.3")
            .header("Content-Type", "application/json");
        if let Some(auth) = &self.config.auth {
            request = request.header("Authorization", auth);
        }
        let Ok(request) = request.body(statement.to_string()) else {
            return false;
        };
        match request.send().await {
            Ok(r) => r.ok() || r.status() == 409,
            Err(_) => false,
        }
    }
}
