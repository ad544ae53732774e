//! How an LMS opens one story: the URL a package's AU (cmi5) or SCO (SCORM 1.2) points at.
//! Decided here, once: `storycheck package` writes it into the manifests and the app's
//! `platform::location` reads it back, so the two can never disagree.
//!
//! The URL is `lms/index.html?story=<id>&lms=<format>`: the LMS app's page (its own wasm, so a
//! learner's plain visit never downloads the cmi5 and SCORM code). Query parameters rather than a
//! hash route, because cmi5 appends its launch parameters (`endpoint`, `fetch`, `actor`,
//! `registration`, `activityId`) to the query and an LMS may drop a fragment. None of the names
//! is one of cmi5's.

/// The query parameter naming the story to open.
pub const STORY_PARAM: &str = "story";
/// The query parameter naming the LMS standard that launched the page.
pub const LMS_PARAM: &str = "lms";

/// The standards a package is made for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LmsFormat {
    /// cmi5: xAPI statements to the LMS's LRS, launched with an auth token to fetch.
    Cmi5,
    /// SCORM 1.2: the LMS's JavaScript `API` object in a parent or opener window.
    Scorm12,
}

impl LmsFormat {
    /// The name in URLs and on the command line (`cmi5`, `scorm12`).
    pub fn as_str(self) -> &'static str {
        match self {
            LmsFormat::Cmi5 => "cmi5",
            LmsFormat::Scorm12 => "scorm12",
        }
    }

    /// The format named `name`, if it is one.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "cmi5" => Some(LmsFormat::Cmi5),
            "scorm12" => Some(LmsFormat::Scorm12),
            _ => None,
        }
    }
}

/// The URL, relative to the package's root, that opens `story` alone for an LMS of `format`
/// (the id percent-encoded: a story id is a file name, which may hold anything).
pub fn launch_url(story: &str, format: LmsFormat) -> String {
    let story: String = story
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!(
        "lms/index.html?{STORY_PARAM}={story}&{LMS_PARAM}={}",
        format.as_str()
    )
}
