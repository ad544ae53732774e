//! The class report on statements made by the app's own builder (`records`): a class of known
//! play-throughs of two shipped stories, read back as an LRS pages them, as a file, with bad
//! statements mixed in, and through a date range. Every expected number is counted from the
//! statements themselves, not from the report's code.

use rapport::engine::{completion, load, ChoiceId, Session, Story, StoryId};
use rapport::records::{answered, completed, initialized, Stamp, XapiConfig};
use rapport_report::csv::{learners_csv, replies_csv};
use rapport_report::{Dates, Tally};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::rc::Rc;

const BASE: &str = "https://rapport.example/xapi/";

fn story(id: &str) -> Rc<Story> {
    let bytes = std::fs::read(format!("stories/{id}.json")).expect("story file");
    Rc::new(load(StoryId::new(id), &bytes).0.expect("loads"))
}

fn paths(id: &str) -> BTreeMap<String, Vec<String>> {
    let text =
        std::fs::read_to_string(format!("tests/transcripts/{id}.paths.json")).expect("paths");
    serde_json::from_str(&text).expect("paths json")
}

fn cfg() -> XapiConfig {
    XapiConfig {
        endpoint: "http://127.0.0.1:8100/xAPI/".into(),
        auth: None,
        actor: None,
        activity_base: BASE.into(),
    }
    .normalised()
}

/// Statements of one play-through: `replies` from the start (a `None` takes the last one
/// back), ended or not; the clock starts at `day` (of December 2026) and ticks a second a
/// statement.
fn play(
    story: &Story,
    learner: &str,
    registration: &str,
    replies: &[Option<&str>],
    day: u32,
) -> Vec<Value> {
    let cfg = cfg();
    let actor = json!({ "objectType": "Agent", "name": learner, "mbox": format!("mailto:{learner}@example.com") });
    let mut tick = 0;
    let mut stamp = || {
        tick += 1;
        Stamp {
            id: format!("{registration}-{tick}"),
            timestamp: format!("2026-12-{day:02}T10:{:02}:{:02}.000Z", tick / 60, tick % 60),
        }
    };
    let mut out = vec![initialized(&cfg, &actor, story, registration, &stamp())];
    let mut session = Session::new(story);
    for reply in replies {
        match reply {
            Some(id) => {
                let turn = session
                    .choose(story, &ChoiceId::new(*id))
                    .expect("a reply the story offers")
                    .clone();
                out.push(answered(&cfg, &actor, story, &turn, registration, &stamp()));
            }
            None => session.back(story).expect("can take back"),
        }
    }
    if let Some(done) = completion(story, &session) {
        out.push(completed(
            &cfg,
            &actor,
            story,
            &done,
            registration,
            &stamp(),
            60_000,
        ));
    }
    out
}

fn some(path: &[String]) -> Vec<Option<&str>> {
    path.iter().map(|s| Some(s.as_str())).collect()
}

/// A class of 12 on two stories: experts, the worst path, recoveries, two who stopped, one who
/// took a reply back, one who played twice.
fn class() -> (Vec<Rc<Story>>, Vec<Value>) {
    let (santino, bad_news) = (story("mr-santino"), story("bad-news"));
    let (ps, pb) = (paths("mr-santino"), paths("bad-news"));
    let mut all = Vec::new();
    for i in 0..12 {
        let learner = format!("learner{i:02}");
        let (s, p) = if i % 2 == 0 {
            (&santino, &ps)
        } else {
            (&bad_news, &pb)
        };
        let mut replies = match i % 4 {
            0 | 1 => some(&p["expert"]),
            2 => some(&p["worst"]),
            _ => some(&p["recovery"]),
        };
        if i >= 10 {
            replies.truncate(3); // stopped after three replies
        }
        if i == 4 {
            // Picks the worst opening, takes it back, then plays the expert path.
            replies.insert(0, Some(p["worst"][0].as_str()));
            replies.insert(1, None);
        }
        all.extend(play(
            s,
            &learner,
            &format!("reg-{i:02}"),
            &replies,
            1 + i as u32,
        ));
        if i == 2 {
            all.extend(play(s, &learner, "reg-02b", &some(&p["expert"]), 20));
        }
    }
    (vec![santino, bad_news], all)
}

/// The class's statements and the tally of them read as one JSON array, within `dates`.
fn class_read(dates: Dates) -> (Vec<Value>, Tally) {
    let (stories, statements) = class();
    let mut tally = Tally::new(stories, BASE, dates);
    tally
        .page(&Value::Array(statements.clone()).to_string())
        .expect("reads");
    (statements, tally)
}

/// What a trainer would count by hand from the statements: per story, play-throughs,
/// completions per outcome, and picks per (node, reply).
struct Expected {
    plays: usize,
    outcomes: BTreeMap<String, usize>,
    picks: BTreeMap<(String, String), usize>,
    learners: usize,
}

fn expected(statements: &[Value], story: &str) -> Expected {
    let iri = format!("{BASE}stories/{story}");
    let mine: Vec<&Value> = statements
        .iter()
        .filter(|s| {
            let object = s["object"]["id"].as_str().unwrap_or("");
            object == iri || object.starts_with(&format!("{iri}/"))
        })
        .collect();
    let mut regs = std::collections::BTreeSet::new();
    let mut actors = std::collections::BTreeSet::new();
    let mut outcomes = BTreeMap::new();
    let mut picks = BTreeMap::new();
    for s in mine {
        regs.insert(s["context"]["registration"].to_string());
        actors.insert(s["actor"]["mbox"].to_string());
        let verb = s["verb"]["id"].as_str().unwrap_or("");
        if verb.ends_with("/completed") {
            let outcome = s["result"]["extensions"][format!("{BASE}ext/outcome")]
                .as_str()
                .unwrap_or("");
            *outcomes.entry(outcome.to_string()).or_default() += 1;
        }
        if verb.ends_with("/answered") {
            let node = s["object"]["id"]
                .as_str()
                .unwrap_or("")
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_string();
            let reply = s["result"]["response"].as_str().unwrap_or("").to_string();
            *picks.entry((node, reply)).or_default() += 1;
        }
    }
    Expected {
        plays: regs.len(),
        outcomes,
        picks,
        learners: actors.len(),
    }
}

fn check(report: &rapport_report::Report, statements: &[Value]) {
    for id in ["mr-santino", "bad-news"] {
        let want = expected(statements, id);
        let got = report
            .stories
            .iter()
            .find(|s| s.story.id.as_str() == id)
            .expect("the story is in the report");
        assert_eq!(got.plays, want.plays, "{id}: play-throughs");
        assert_eq!(got.learners, want.learners, "{id}: learners");
        assert_eq!(
            got.completions,
            want.outcomes.values().sum::<usize>(),
            "{id}: completions"
        );
        for (outcome, n) in &got.outcomes {
            assert_eq!(
                *n,
                want.outcomes.get(outcome.as_str()).copied().unwrap_or(0),
                "{id}: {outcome:?}"
            );
        }
        let mut picks = BTreeMap::new();
        for d in &got.decisions {
            for r in &d.replies {
                if r.picks > 0 {
                    picks.insert((d.node.to_string(), r.choice.to_string()), r.picks);
                }
            }
            assert_eq!(d.picks, d.replies.iter().map(|r| r.picks).sum::<usize>());
        }
        assert_eq!(picks, want.picks, "{id}: picks per reply");
    }
}

#[test]
fn a_class_read_in_lrs_pages_gives_the_counts_a_trainer_would_count() {
    let (stories, statements) = class();
    let mut tally = Tally::new(stories, BASE, Dates::default());
    // Pages of 7, newest first, each naming the next, as an LRS answers.
    let newest_first: Vec<&Value> = statements.iter().rev().collect();
    let pages: Vec<&[&Value]> = newest_first.chunks(7).collect();
    for (k, page) in pages.iter().enumerate() {
        let more = if k + 1 < pages.len() {
            format!("/xAPI/statements?page={}", k + 1)
        } else {
            String::new()
        };
        let text = json!({ "statements": page, "more": more }).to_string();
        let next = tally.page(&text).expect("a page");
        assert_eq!(
            next.is_some(),
            k + 1 < pages.len(),
            "the `more` link of page {k}"
        );
    }
    let report = tally.report();
    assert_eq!(report.counts.read, statements.len());
    assert_eq!(report.counts.used, statements.len());
    assert_eq!(report.counts.skipped(), 0);
    check(&report, &statements);

    let santino = &report.stories[0];
    assert_eq!(santino.story.id.as_str(), "mr-santino");
    // Learners 0, 2 (twice), 4, 6, 8, 10: seven play-throughs by six learners.
    assert_eq!((santino.learners, santino.plays), (6, 7));
    // The worst path's first reply is the top harmful hotspot: picked by learners 2, 6, 10 and
    // the one who took it back (4).
    let worst = &paths("mr-santino")["worst"];
    let top = &santino.hotspots[0];
    assert_eq!(top.worst.as_str(), worst[0]);
    assert_eq!(top.harmful, 4);
    // Learner 10 stopped after three replies of the worst path: where its fourth is asked.
    let expert = &paths("mr-santino")["expert"];
    let stopped_at = santino
        .story
        .choices()
        .find(|(_, c)| c.id.as_str() == worst[3])
        .map(|(n, _)| n.id.clone());
    assert_eq!(santino.stopped, vec![(stopped_at.expect("node"), 1)]);
    // The take-back replays: learner 4's conversation is the expert one (a success).
    let row = report
        .learners
        .iter()
        .find(|l| l.learner == "learner04")
        .expect("row");
    assert_eq!(row.best.map(|o| o.as_str()), Some("success"));
    // Every play-through is at the start (turn 0); the emotions' band there is the start value.
    assert_eq!(santino.turns[0].plays, 7);
    let start = santino.story.start_emotions();
    for (e, band) in &santino.turns[0].bands {
        let v = f64::from(*start.get(e).expect("emotion"));
        assert_eq!((band.low, band.median, band.high), (v, v, v));
    }
    // The best path ends in success after as many turns as the expert transcript has replies.
    assert_eq!(santino.best.len(), expert.len() + 1);
    // Objectives: the experts score 100 on every objective they practised.
    assert!(santino
        .objectives
        .iter()
        .any(|o| o.band.is_some_and(|b| b.high == 100.0)));
}

#[test]
fn a_file_of_any_shape_reads_the_same() {
    let (stories, statements) = class();
    let as_array = Value::Array(statements.clone()).to_string();
    let as_lines: String = statements.iter().map(|s| s.to_string() + "\n").collect();
    let wrapped = Value::Array(
        statements
            .iter()
            .map(|s| json!({ "statement": s }))
            .collect(),
    )
    .to_string();
    for text in [as_array, as_lines, wrapped] {
        let mut tally = Tally::new(stories.clone(), BASE, Dates::default());
        assert_eq!(tally.page(&text).expect("reads"), None);
        let report = tally.report();
        assert_eq!(report.counts.used, statements.len());
        check(&report, &statements);
    }
}

#[test]
fn malformed_foreign_and_unknown_statements_are_skipped_and_counted() {
    let (stories, statements) = class();
    let mut mixed: Vec<Value> = statements.clone();
    // Malformed: not an object, no verb or object, an object without an id.
    mixed.push(json!(42));
    mixed.push(json!({ "actor": { "mbox": "mailto:x@example.com" } }));
    mixed.push(json!({ "actor": { "mbox": "mailto:x@example.com" }, "verb": { "id": "x" }, "object": { "objectType": "SubStatement" } }));
    // Foreign: another course's activity; a story this deployment lacks.
    let mut other = statements[1].clone();
    other["object"]["id"] = json!("https://elsewhere.example/course/1");
    mixed.push(other);
    let mut missing = statements[0].clone();
    missing["object"]["id"] = json!(format!("{BASE}stories/no-such-story"));
    mixed.push(missing);
    // Unknown shape: another verb; no registration; a reply this version lacks.
    let mut verb = statements[0].clone();
    verb["verb"]["id"] = json!("http://adlnet.gov/expapi/verbs/experienced");
    mixed.push(verb);
    let mut unregistered = statements[1].clone();
    unregistered["context"] = json!({});
    mixed.push(unregistered);
    let mut gone = statements[1].clone();
    gone["result"]["response"] = json!("a_reply_since_removed");
    mixed.push(gone);
    let text = Value::Array(mixed).to_string();
    // A statement that is not even JSON, in JSON lines.
    let lines = format!(
        "{}\n{{\"actor\": \n",
        statements
            .iter()
            .map(Value::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );

    let mut tally = Tally::new(stories.clone(), BASE, Dates::default());
    tally.page(&text).expect("the page reads");
    let report = tally.report();
    assert_eq!(
        (
            report.counts.malformed,
            report.counts.foreign,
            report.counts.unknown
        ),
        (3, 2, 3)
    );
    assert_eq!(report.counts.skipped(), 8);
    assert_eq!(report.counts.used, statements.len());
    check(&report, &statements);

    let mut tally = Tally::new(stories, BASE, Dates::default());
    tally.page(&lines).expect("the lines read");
    assert_eq!(tally.counts().malformed, 1);
    check(&tally.report(), &statements);
}

#[test]
fn a_page_that_is_not_json_says_so_and_keeps_what_was_read() {
    let (statements, mut tally) = class_read(Dates::default());
    let err = tally
        .page("<html>Bad gateway</html>")
        .expect_err("not JSON");
    assert!(err.0.contains("not a statements file"), "{err}");
    check(&tally.report(), &statements);
}

#[test]
fn the_date_range_keeps_only_the_statements_in_it() {
    // Learner i played on December 1 + i: December 3 to 6 holds learners 2 to 5.
    let dates = Dates {
        from: rapport_report::time::date_ms("2026-12-03"),
        until: rapport_report::time::date_ms("2026-12-07"),
    };
    let (statements, tally) = class_read(dates);
    let report = tally.report();
    let inside: Vec<Value> = statements
        .iter()
        .filter(|s| {
            let t = s["timestamp"].as_str().unwrap_or("");
            ("2026-12-03".."2026-12-07").contains(&&t[..10])
        })
        .cloned()
        .collect();
    assert_eq!(report.counts.used, inside.len());
    assert_eq!(report.counts.outside, statements.len() - inside.len());
    check(&report, &inside);
    let plays: usize = report.stories.iter().map(|s| s.plays).sum();
    assert_eq!(plays, 4);
}

#[test]
fn the_csv_has_a_row_per_reply_and_per_learner() {
    let (_, tally) = class_read(Dates::default());
    let report = tally.report();
    let replies = replies_csv(&report, "en");
    let rows: Vec<&str> = replies.lines().collect();
    assert_eq!(
        rows[0],
        "story,node,choice,rating,reply,picks,share_percent"
    );
    let offered: usize = report
        .stories
        .iter()
        .flat_map(|s| &s.decisions)
        .map(|d| d.replies.len())
        .sum();
    assert_eq!(rows.len(), offered + 1);
    let worst = &paths("mr-santino")["worst"][0];
    let row = rows
        .iter()
        .find(|r| r.contains(&format!(",{worst},bad,")))
        .expect("the worst opening's row");
    assert!(
        row.contains(",4,50\r") || row.ends_with(",4,50"),
        "four of eight picked it: {row}"
    );
    let learners = learners_csv(&report);
    // Twelve learners, one story each.
    assert_eq!(learners.lines().count(), 13);
    assert!(
        learners
            .lines()
            .any(|l| l.starts_with("learner02,mr-santino,2,2,success,100,")),
        "{learners}"
    );
}

/// The story's section as a trainer first sees it (server-rendered): the figures, the outcome
/// split, and the harmful hotspot that tops the list, with its share and the reply most picked.
#[tokio::test]
async fn the_section_leads_with_where_the_class_went_wrong() {
    use rapport::author::report::story_section::{StorySection, StorySectionProps};
    use rapport::i18n::Lang;
    let (stories, statements) = class();
    let mut tally = Tally::new(stories, BASE, Dates::default());
    tally
        .page(&Value::Array(statements).to_string())
        .expect("reads");
    let report = tally.report();
    let santino = report.stories[0].clone();
    let html = yew::LocalServerRenderer::<StorySection>::with_props(StorySectionProps {
        story: santino,
        lang: Lang::En,
    })
    .render()
    .await;
    let text = |needle: &str| {
        html.find(needle)
            .unwrap_or_else(|| panic!("{needle} in {html}"))
    };
    // Six learners, seven play-throughs.
    assert!(
        html.contains(r#"data-figure="learners"><dt>learners</dt><dd>6</dd>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"data-figure="plays"><dt>play-throughs</dt><dd>7</dd>"#),
        "{html}"
    );
    // The worst opening first: 4 of the 8 replies made there were harmful.
    let first_hotspot = text(r#"<section class="hotspots">"#);
    let share = text("4 of 8 (50%)");
    let reply = text("Hi Roberto, Daniel here!");
    assert!(first_hotspot < share && share < reply);
    assert!(share < text("Where unfinished play-throughs stopped"));
}

#[test]
fn a_cmi5_launch_s_session_statements_are_known_and_change_no_figure() {
    // Under an LMS the app also sends progressed, passed or failed, and terminated about the
    // story (the AU is the story's activity): read as known, not skipped, and no count moves.
    let (stories, statements) = class();
    let mut with_lms = statements.clone();
    for verb in ["progressed", "passed", "failed", "terminated"] {
        let mut s = statements[0].clone();
        s["verb"]["id"] = json!(format!("http://adlnet.gov/expapi/verbs/{verb}"));
        with_lms.push(s);
    }
    let mut tally = Tally::new(stories, BASE, Dates::default());
    tally
        .page(&Value::Array(with_lms.clone()).to_string())
        .expect("the page reads");
    let report = tally.report();
    assert_eq!(report.counts.skipped(), 0);
    assert_eq!(report.counts.used, with_lms.len());
    check(&report, &statements);
}
