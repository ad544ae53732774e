//! The shipped stories: each loads cleanly, meets the scenario standard, and its key paths
//! (expert, worst, one-mistake recovery) are locked as transcripts, so an edit that changes what
//! a learner sees or the emotion values is noticed. Regenerate with `UPDATE_TRANSCRIPTS=1`.

use rapport_engine::model::Outcome;
use rapport_engine::stats::stats;
use rapport_engine::{
    load, review, transcript::transcript, ChoiceId, Rating, Session, Story, StoryId,
};
use std::collections::BTreeMap;

/// A path in the repository (tests run in their crate's folder; the files live at the root).
fn repo(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// The training scenarios the product exists for.
const SCENARIOS: &[&str] = &[
    "friday-outage",
    "bad-news",
    "the-email",
    "mr-santino",
    "remote-takeover",
    "pirated-software",
    "replace-the-engineer",
];

fn story_ids() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(repo("stories"))
        .expect("stories/ exists")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let stem = path.file_stem()?.to_str()?.to_string();
            (path.extension()? == "json" && stem != "schema").then_some(stem)
        })
        .collect();
    ids.sort();
    ids
}

fn load_story(id: &str) -> Story {
    let bytes = std::fs::read(repo(&format!("stories/{id}.json"))).expect("story file");
    let (story, report) = load(StoryId::new(id), &bytes);
    assert!(report.errors.is_empty(), "{id}: {:#?}", report.errors);
    assert!(report.warnings.is_empty(), "{id}: {:#?}", report.warnings);
    story.expect("loads")
}

#[test]
fn every_story_loads_with_no_warnings_in_three_languages() {
    let ids = story_ids();
    assert!(!ids.is_empty());
    for id in ids {
        let story = load_story(&id);
        assert_eq!(story.file.locales, ["en", "es", "pt"], "{id}");
    }
}

#[test]
fn the_scenarios_meet_the_standard() {
    for &id in SCENARIOS {
        let story = load_story(id);
        let s = stats(&story.file);
        assert!(s.nodes >= 30, "{id}: {} nodes", s.nodes);
        assert!(s.endings >= 4, "{id}: {} endings", s.endings);
        assert_eq!(
            s.reachable_endings, s.endings,
            "{id}: every ending reachable"
        );
        assert!(story.file.emotions.len() >= 3, "{id}: emotions");
        assert!(!story.file.rules.is_empty(), "{id}: threshold rules");
        let outcomes: Vec<Outcome> = story
            .file
            .nodes
            .iter()
            .filter_map(|n| n.ending.as_ref().map(|e| e.outcome))
            .collect();
        for o in [Outcome::Success, Outcome::Partial, Outcome::Failure] {
            assert!(outcomes.contains(&o), "{id}: no {o:?} ending");
        }
        let conditional_lines = story
            .file
            .nodes
            .iter()
            .filter(|n| n.lines.iter().any(|l| l.when.is_some()))
            .count();
        assert!(
            conditional_lines >= 5,
            "{id}: wording must follow the mood ({conditional_lines} nodes vary)"
        );
    }
}

fn paths(id: &str) -> BTreeMap<String, Vec<String>> {
    let raw = std::fs::read_to_string(repo(&format!("tests/transcripts/{id}.paths.json")))
        .unwrap_or_else(|e| panic!("{id}: path file: {e}"));
    serde_json::from_str(&raw).expect("paths file is JSON")
}

fn play(story: &Story, path: &[String]) -> Session {
    let ids: Vec<ChoiceId> = path.iter().map(ChoiceId::new).collect();
    Session::replay(story, ids.iter()).unwrap_or_else(|e| panic!("{}: {e}", story.id))
}

#[test]
fn key_paths_teach_by_consequence() {
    for &id in SCENARIOS {
        let story = load_story(id);
        let paths = paths(id);
        let outcome = |name: &str| {
            let s = play(&story, &paths[name]);
            assert!(s.is_over(&story), "{id}/{name} does not reach an ending");
            (review(&story, &s), s)
        };
        let (expert, s) = outcome("expert");
        assert_eq!(expert.outcome, Some(Outcome::Success), "{id}: expert");
        assert!(
            s.history.len() >= 8,
            "{id}: expert path has {} decisions",
            s.history.len()
        );
        let (worst, _) = outcome("worst");
        assert_eq!(worst.outcome, Some(Outcome::Failure), "{id}: worst");
        let (recovery, _) = outcome("recovery");
        assert_eq!(recovery.outcome, Some(Outcome::Success), "{id}: recovery");
        let bad = recovery
            .turns
            .iter()
            .filter(|t| t.rating == Rating::Bad)
            .count();
        assert_eq!(
            bad, 1,
            "{id}: the recovery path makes exactly one bad reply"
        );
    }
}

#[test]
fn key_path_transcripts_are_unchanged() {
    let update = std::env::var_os("UPDATE_TRANSCRIPTS").is_some();
    let mut changed = Vec::new();
    for &id in SCENARIOS {
        let story = load_story(id);
        for (name, path) in paths(id) {
            let session = play(&story, &path);
            let mut text = String::new();
            for locale in ["en", "es", "pt"] {
                text.push_str(&format!("=== {locale}\n"));
                text.push_str(&transcript(&story, &session, locale));
            }
            let file = repo(&format!("tests/transcripts/{id}.{name}.txt"));
            let locked = std::fs::read_to_string(&file).ok();
            if locked.as_deref() != Some(text.as_str()) {
                if update || (locked.is_none() && std::env::var_os("CI").is_none()) {
                    std::fs::write(&file, &text).expect("write transcript");
                } else {
                    changed.push(file.display().to_string());
                }
            }
        }
    }
    assert!(
        changed.is_empty(),
        "transcripts differ (review the story change, then rerun with UPDATE_TRANSCRIPTS=1): {changed:?}"
    );
}
