//! One statement as the report reads it: only the fields it uses, borrowed from the page's
//! text where no escape forces a copy. Every field may be missing, so a statement of another
//! shape is classified (and counted) rather than failing the page it came in.

use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;

type Str<'a> = Option<Cow<'a, str>>;

/// A statement's fields the report uses.
#[derive(Deserialize)]
pub(crate) struct Statement<'a> {
    #[serde(borrow, default)]
    pub actor: Option<Agent<'a>>,
    #[serde(borrow, default)]
    pub verb: Option<Id<'a>>,
    #[serde(borrow, default)]
    pub object: Option<Id<'a>>,
    #[serde(borrow, default)]
    pub result: Option<Reply<'a>>,
    #[serde(borrow, default)]
    pub context: Option<Context<'a>>,
    #[serde(borrow, default)]
    pub timestamp: Str<'a>,
    #[serde(borrow, default)]
    pub stored: Str<'a>,
}

/// An LRS or LMS export that wraps each statement (`{"statement": {…}}`).
#[derive(Deserialize)]
pub(crate) struct Wrapped<'a> {
    #[serde(borrow)]
    pub statement: &'a RawValue,
}

/// The actor: an Agent (or a Group with an identifier).
#[derive(Deserialize)]
pub(crate) struct Agent<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default)]
    pub mbox: Str<'a>,
    #[serde(borrow, default)]
    pub mbox_sha1sum: Str<'a>,
    #[serde(borrow, default)]
    pub openid: Str<'a>,
    #[serde(borrow, default)]
    pub account: Option<Account<'a>>,
}

/// An account on a system (the app's anonymous learners have one on the site).
#[derive(Deserialize)]
pub(crate) struct Account<'a> {
    #[serde(borrow, default, rename = "homePage")]
    pub home_page: Str<'a>,
    #[serde(borrow, default)]
    pub name: Str<'a>,
}

impl Agent<'_> {
    /// The inverse functional identifier that tells one learner from another, if any.
    pub fn key(&self) -> Option<String> {
        if let Some(m) = &self.mbox {
            return Some(m.to_string());
        }
        if let Some(m) = &self.mbox_sha1sum {
            return Some(format!("sha1:{m}"));
        }
        if let Some(o) = &self.openid {
            return Some(o.to_string());
        }
        let a = self.account.as_ref()?;
        Some(format!(
            "{}|{}",
            a.home_page.as_deref()?,
            a.name.as_deref()?
        ))
    }

    /// What a trainer reads: the name, else the identifier without its scheme.
    pub fn label(&self, key: &str) -> String {
        if let Some(n) = self.name.as_deref().filter(|n| !n.is_empty()) {
            return n.to_string();
        }
        if let Some(n) = self.account.as_ref().and_then(|a| a.name.as_deref()) {
            return n.to_string();
        }
        key.trim_start_matches("mailto:").to_string()
    }
}

/// Anything with an `id` (a verb, an activity).
#[derive(Deserialize)]
pub(crate) struct Id<'a> {
    #[serde(borrow, default)]
    pub id: Str<'a>,
}

/// The result: the reply and the extensions (read on demand, by name).
#[derive(Deserialize)]
pub(crate) struct Reply<'a> {
    #[serde(borrow, default)]
    pub response: Str<'a>,
    #[serde(default)]
    pub score: Option<Score>,
    #[serde(borrow, default)]
    pub extensions: Option<rustc_hash::FxHashMap<Cow<'a, str>, &'a RawValue>>,
}

/// The overall score.
#[derive(Deserialize)]
pub(crate) struct Score {
    #[serde(default)]
    pub raw: Option<f64>,
}

/// The context: the play-through's registration.
#[derive(Deserialize)]
pub(crate) struct Context<'a> {
    #[serde(borrow, default)]
    pub registration: Str<'a>,
}
