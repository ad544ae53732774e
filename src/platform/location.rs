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
            _ => Route::Library,
        }
    }

    /// The hash for this route.
    pub fn href(&self) -> String {
        match self {
            Route::Library => "#/".into(),
            Route::Story(id) => format!("#/story/{id}"),
            Route::Upload => "#/upload".into(),
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

/// A query parameter of the page URL (`?lang=es`).
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
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
