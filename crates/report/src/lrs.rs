//! The requests the report makes to an LRS, as URLs (the browser glue sends them): `GET
//! statements` for one story's activity and everything under it (`related_activities`, so the
//! replies, whose object is a decision point, come too), in the date range, and the `more`
//! link of each answer. Read only: the report never writes.

use crate::tally::Dates;
use crate::time::ms_iso;

/// Statements asked for per page: large enough that a class takes few round trips, small
/// enough that a page is a few hundred kilobytes in memory.
pub const PAGE_LIMIT: usize = 500;

/// Percent-encodes a query value (everything but RFC 3986's unreserved characters).
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3 / 2);
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The first page of statements about `activity` (a story's IRI) from the LRS at `endpoint`
/// (ending in `/`). The LRS's `since` and `until` compare `stored`, the time the LRS received a
/// statement, which is never before its `timestamp`: `since` may cut what the range's start
/// excludes anyway, but `until` would drop a reply made inside the range and stored after it
/// (sent late by an offline outbox), so it is left to the report's own filter on `timestamp`.
pub fn statements_url(endpoint: &str, activity: &str, dates: Dates) -> String {
    let mut url = format!(
        "{endpoint}statements?activity={}&related_activities=true&limit={PAGE_LIMIT}",
        encode(activity)
    );
    if let Some(from) = dates.from {
        url.push_str(&format!("&since={}", encode(&ms_iso(from))));
    }
    url
}

/// The URL of an answer's `more` link: a path from the LRS's root (xAPI 1.0.3, 4.2), resolved
/// against the endpoint's scheme and host; an absolute URL as it is.
pub fn next_url(endpoint: &str, more: &str) -> String {
    if more.starts_with("http://") || more.starts_with("https://") {
        return more.to_string();
    }
    let after_scheme = endpoint.find("://").map_or(0, |i| i + 3);
    let origin_end = endpoint[after_scheme..]
        .find('/')
        .map_or(endpoint.len(), |i| after_scheme + i);
    let origin = &endpoint[..origin_end];
    if more.starts_with('/') {
        format!("{origin}{more}")
    } else {
        format!("{endpoint}{more}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_the_story_and_follow_more_from_the_root() {
        let url = statements_url(
            "http://127.0.0.1:8100/xAPI/",
            "https://rapport.example/xapi/stories/mr-santino",
            Dates {
                from: Some(0),
                until: Some(86_400_000),
            },
        );
        assert_eq!(
            url,
            "http://127.0.0.1:8100/xAPI/statements?activity=https%3A%2F%2Frapport.example%2Fxapi%2Fstories%2Fmr-santino&related_activities=true&limit=500&since=1970-01-01T00%3A00%3A00.000Z"
        );
        assert_eq!(
            next_url("http://127.0.0.1:8100/xAPI/", "/xAPI/statements?pit=1"),
            "http://127.0.0.1:8100/xAPI/statements?pit=1"
        );
        assert_eq!(
            next_url("https://lrs.example/data/xAPI/", "statements?p=2"),
            "https://lrs.example/data/xAPI/statements?p=2"
        );
        assert_eq!(
            next_url("https://a.example/xAPI/", "https://b.example/more"),
            "https://b.example/more"
        );
    }
}
