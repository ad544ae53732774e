//! The URL: hash routes (so `dist/` works from any sub-path with no server rewrites),
//! query parameters and the browser's language.

use crate::i18n::Lang;

/// Where the app is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The library of stories.
    Library,
    /// A story being played, by id.
    Story(String),
    /// The page for loading your own story.
    Upload,
    /// The class report, for trainers (moves to the authoring app, which mounts `Report`).
    Report,
}

impl Route {
    /// Parses a `location.hash` such as `#/story/mr-santino`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split('?').next().unwrap_or_default();
        let mut parts = path.split('/').filter(|p| !p.is_empty());
        match (parts.next(), parts.next()) {
            (Some("story"), Some(id)) => Route::Story(id.to_string()),
            (Some("upload"), _) => Route::Upload,
            (Some("report"), _) => Route::Report,
            _ => Route::Library,
        }
    }

    /// The hash for this route.
    pub fn href(&self) -> String {
        match self {
            Route::Library => "#/".into(),
            Route::Story(id) => format!("#/story/{id}"),
            Route::Upload => "#/upload".into(),
            Route::Report => "#/report".into(),
        }
    }
}

/// The current route, from `location.hash`.
pub fn current_route() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}

/// A parameter from a query string such as `?a=1&b=x` (percent-decoding `%XX` and `+`).
pub fn param_in(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| decode(v))
}

fn decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(raw.get(i + 1..i + 3).unwrap_or(""), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A parameter of the page URL: `?name=` in the search part, else in the hash (`#/story/x?name=`).
pub fn query_param(name: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let search = location.search().ok().unwrap_or_default();
    param_in(&search, name).or_else(|| {
        let hash = location.hash().ok().unwrap_or_default();
        hash.split_once('?').and_then(|(_, q)| param_in(q, name))
    })
}

/// How the app was launched: plain, embedded in a host page, or as a kiosk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Launch {
    /// `?embed=1`: only the conversation and its debrief, talking to the host page.
    pub embed: bool,
    /// `?kiosk=1`: attract screen, large targets, idle reset.
    pub kiosk: bool,
    /// `?idle=<seconds>`: kiosk inactivity before the "still there?" countdown ends the visit.
    pub idle_seconds: u32,
    /// `?story=<id>`: the story to open (embed mode).
    pub story: Option<String>,
    /// `?origin=<origin>`: the only origin messages are posted to (default `*`; they carry no
    /// personal data).
    pub target_origin: String,
}

impl Launch {
    /// Reads the launch options from a search string (and the hash's own query, if any).
    pub fn parse(search: &str, hash: &str) -> Launch {
        let hash_query = hash.split_once('?').map_or("", |(_, q)| q);
        let get = |name: &str| param_in(search, name).or_else(|| param_in(hash_query, name));
        let on = |name: &str| get(name).is_some_and(|v| v != "0" && v != "false");
        Launch {
            embed: on("embed"),
            kiosk: on("kiosk"),
            idle_seconds: get("idle")
                .and_then(|v| v.parse().ok())
                .filter(|&s: &u32| s >= 5)
                .unwrap_or(90),
            story: get("story").filter(|s| !s.is_empty()),
            target_origin: get("origin")
                .filter(|o| !o.is_empty())
                .unwrap_or_else(|| "*".into()),
        }
    }

    /// The launch options of this page.
    pub fn current() -> Launch {
        let location = web_sys::window().map(|w| w.location());
        let search = location
            .as_ref()
            .and_then(|l| l.search().ok())
            .unwrap_or_default();
        let hash = location
            .as_ref()
            .and_then(|l| l.hash().ok())
            .unwrap_or_default();
        Launch::parse(&search, &hash)
    }
}

/// The language from `?lang=`, else the browser's preferred languages, else English.
pub fn initial_lang() -> Lang {
    if let Some(lang) = query_param("lang").as_deref().and_then(Lang::parse) {
        return lang;
    }
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Lang::En;
    };
    navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(navigator.language())
        .find_map(|code| Lang::parse(&code))
        .unwrap_or_default()
}

/// Whether `?lang=` names a language (it then wins over a remembered choice).
pub fn lang_forced() -> Option<Lang> {
    query_param("lang").as_deref().and_then(Lang::parse)
}
