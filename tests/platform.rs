//! Launch options from the URL and the host-page message format: what an embedding wiki and a
//! kiosk rely on.

use rapport::engine::small::SortedMap;
use rapport::engine::Outcome;
use rapport::platform::location::{Launch, Route};
use rapport::platform::messaging::{encode, HostMessage};

#[test]
fn embed_and_kiosk_options_come_from_the_query_or_the_hash() {
    let l = Launch::parse(
        "?embed=1&story=mr-santino&origin=https%3A%2F%2Fwiki.example.com",
        "",
    );
    assert!(l.embed && !l.kiosk);
    assert_eq!(l.story.as_deref(), Some("mr-santino"));
    assert_eq!(l.target_origin, "https://wiki.example.com");
    let h = Launch::parse("", "#/story/bad-news?embed=1");
    assert!(h.embed);
    assert_eq!(
        Route::parse("#/story/bad-news?embed=1"),
        Route::Story("bad-news".into())
    );
    let k = Launch::parse("?kiosk=1&idle=30", "");
    assert!(k.kiosk && !k.embed);
    assert_eq!(k.idle_seconds, 30);
    let d = Launch::parse("", "");
    assert_eq!(
        (d.embed, d.kiosk, d.idle_seconds, d.target_origin.as_str()),
        (false, false, 90, "*")
    );
    assert_eq!(
        Launch::parse("?kiosk=1&idle=1", "").idle_seconds,
        90,
        "absurd idle falls back"
    );
    assert!(!Launch::parse("?embed=0", "").embed);
}

#[test]
fn host_messages_are_namespaced_versioned_and_flat() {
    let ready = encode(&HostMessage::Ready {
        story: Some("x".into()),
        lang: "es".into(),
    });
    assert_eq!(
        ready,
        r#"{"source":"rapport","version":1,"type":"ready","story":"x","lang":"es"}"#
    );
    let mut scores = SortedMap::new();
    scores.insert("honesty".to_string(), Some(75));
    scores.insert("humour".to_string(), None);
    let done = encode(&HostMessage::Completed {
        story: "x".into(),
        outcome: Outcome::Partial,
        scores,
        score: Some(75),
        duration_ms: 1234,
    });
    assert_eq!(
        done,
        r#"{"source":"rapport","version":1,"type":"completed","story":"x","outcome":"partial","scores":{"honesty":75,"humour":null},"score":75,"duration_ms":1234}"#
    );
    assert_eq!(
        encode(&HostMessage::Resize { height: 900 }),
        r#"{"source":"rapport","version":1,"type":"resize","height":900}"#
    );
}

#[test]
fn a_link_to_the_other_app_names_its_page_and_a_link_within_one_is_its_hash() {
    use rapport::platform::location::Entry;
    assert_eq!(
        Route::Upload.link(Entry::Learner),
        "studio/index.html#/upload"
    );
    assert_eq!(Route::Report.link(Entry::Author), "#/report");
    assert_eq!(Route::Library.link(Entry::Author), "../index.html#/");
    assert_eq!(Route::Library.link(Entry::Learner), "#/");
    // A story plays in whichever app is open (the authoring app plays your own stories).
    assert_eq!(
        Route::Story("own-x".into()).link(Entry::Author),
        "#/story/own-x"
    );
    assert_eq!(Route::parse("#/studio"), Route::Studio);
    assert_eq!(Route::parse("#/report?from=2026-01-01"), Route::Report);
}

#[test]
fn an_lms_launch_is_the_lms_apps_even_on_the_learners_page() {
    use rapport::platform::location::{Entry, Launch};
    let lms = Launch::parse("?story=mr-santino&lms=scorm12", "");
    // A package made before the LMS app opens the learner's page: it is the LMS app's.
    assert_eq!(lms.entry(Entry::Learner), Entry::Lms);
    assert_eq!(lms.entry(Entry::Lms), Entry::Lms);
    assert_eq!(Entry::Learner.link(Entry::Lms), "lms/index.html");
    let plain = Launch::parse("?story=mr-santino&embed=1", "");
    assert_eq!(plain.entry(Entry::Learner), Entry::Learner);
    // The LMS app's root is the build's; its library and authoring pages are the other apps'.
    assert_eq!(Entry::Lms.root(), "../");
    assert_eq!(Route::Library.link(Entry::Lms), "../index.html#/");
    assert_eq!(
        Route::Upload.link(Entry::Lms),
        "../studio/index.html#/upload"
    );
    assert_eq!(Route::Story("x".into()).link(Entry::Lms), "#/story/x");
}
