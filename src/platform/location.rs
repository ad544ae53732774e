//! The URL: hash routes (so `dist/` works from any sub-path with no server rewrites),
//! query parameters and the browser's language.

use crate::engine::launch::{LmsFormat, LMS_PARAM, STORY_PARAM};
use crate::i18n::Lang;

/// Which of the build's three apps a page is: each has its own wasm, so what a learner downloads
/// carries no authoring and no LMS code. The other apps' files sit in folders of the build (the
/// learner's `index.html` copies them there: `copy-dir` of `target/studio-dist`, `target/lms-dist`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// The learner's app: the library, the kiosk, a story (`index.html`).
    Learner,
    /// The authoring app: Studio, checking your own story, the class report (`studio/`).
    Author,
    /// The learner's app as an LMS launches it: one story, reporting over cmi5 or SCORM 1.2
    /// (`lms/`, the URL `engine::launch::launch_url` writes into a package's manifests).
    Lms,
}

impl Entry {
    /// This app's page, relative to the build's root. Named in full, not as a folder: a host
    /// that maps `studio/` to its index is common but not universal (`file://` does not).
    pub fn page(self) -> &'static str {
        match self {
            Entry::Learner => "index.html",
            Entry::Author => "studio/index.html",
            Entry::Lms => "lms/index.html",
        }
    }

    /// The build's root (where `stories/`, `catalog.json` and `build.json` are), relative to
    /// this entry's page.
    pub fn root(self) -> &'static str {
        match self {
            Entry::Learner => "",
            Entry::Author | Entry::Lms => "../",
        }
    }

    /// A link from a page of this app to the page of `to` (no hash, no query).
    pub fn link(self, to: Entry) -> String {
        format!("{}{}", self.root(), to.page())
    }
}

/// Where the app is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The library of stories (in the authoring app: its start page).
    Library,
    /// A story being played, by id (in either app: the authoring app plays your own stories).
    Story(String),
    /// The page for checking and playing your own story file.
    Upload,
    /// Studio, the scenario editor.
    Studio,
    /// The class report.
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
            (Some("studio"), _) => Route::Studio,
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
            Route::Studio => "#/studio".into(),
            Route::Report => "#/report".into(),
        }
    }

    /// The app that shows this route when a link leads to it from `from`: authoring routes live
    /// in the authoring app, the library in the learner's, a story in whichever app is open.
    pub fn entry(&self, from: Entry) -> Entry {
        match self {
            Route::Library => Entry::Learner,
            Route::Story(_) => from,
            Route::Upload | Route::Studio | Route::Report => Entry::Author,
        }
    }

    /// A link to this route from a page of `from`: the hash alone within one app, else the
    /// other app's page with the hash.
    pub fn link(&self, from: Entry) -> String {
        let to = self.entry(from);
        if to == from {
            return self.href();
        }
        format!("{}{}", from.link(to), self.href())
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
    /// `?story=<id>`: the story to open (embed mode, an LMS launch).
    pub story: Option<String>,
    /// `?lms=cmi5|scorm12`: opened by an LMS from a package (`engine::launch::launch_url`):
    /// only the story, reporting to the LMS.
    pub lms: Option<LmsFormat>,
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
            story: get(STORY_PARAM).filter(|s| !s.is_empty()),
            lms: get(LMS_PARAM).as_deref().and_then(LmsFormat::parse),
            target_origin: get("origin")
                .filter(|o| !o.is_empty())
                .unwrap_or_else(|| "*".into()),
        }
    }

    /// The app that shows this launch when it opens a page of `from`: an LMS launch (`lms=`) is
    /// the LMS app's, also where it lands on the learner's page (a package made before the LMS app
    /// had its own page); anything else stays where it is.
    pub fn entry(&self, from: Entry) -> Entry {
        match (from, self.lms) {
            (Entry::Learner, Some(_)) => Entry::Lms,
            _ => from,
        }
    }

    /// Whether the page is its story alone, with no library to go back to (embedded in a host
    /// page, or launched by an LMS).
    pub fn one_story(&self) -> bool {
        self.embed || self.lms.is_some()
    }

    /// The launch options of this page.
    pub fn current() -> Launch {
        let (search, hash) = search_and_hash();
        Launch::parse(&search, &hash)
    }
}

/// This page's `location.search` and `location.hash` (empty where there is none).
fn search_and_hash() -> (String, String) {
    let location = web_sys::window().map(|w| w.location());
    let search = location
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let hash = location
        .as_ref()
        .and_then(|l| l.hash().ok())
        .unwrap_or_default();
    (search, hash)
}

/// Where this page, of `from`, goes when it is `to`'s ([`Launch::entry`]): `to`'s page with this
/// page's query and hash, so an LMS launch keeps its story, its format and cmi5's parameters.
pub fn moved(from: Entry, to: Entry) -> String {
    let (search, hash) = search_and_hash();
    format!("{}{search}{hash}", from.link(to))
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
