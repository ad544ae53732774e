//! `storycheck build-stories`: the split files play exactly as the whole story does, in every
//! locale, and the catalog holds each story's card.

use rapport_engine::catalog::Catalog;
use rapport_engine::model::Difficulty;
use rapport_engine::{load, transcript::transcript, ChoiceId, Session, Story, StoryId};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A path in the repository (tests run in their crate's folder; the files live at the root).
fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// A fresh, empty directory for one test's output.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("storycheck-build-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// Runs `storycheck build-stories OUT FILES…`; the exit status and what it printed.
fn build(out: &Path, files: &[PathBuf]) -> (u8, String) {
    let mut args = vec!["build-stories".to_string(), out.display().to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let code = storycheck::run(&args, &mut stdout, &mut stderr).expect("runs");
    (code, String::from_utf8_lossy(&stdout).into_owned())
}

const STORIES: [&str; 4] = ["bad-news", "friday-outage", "mr-santino", "the-email"];

fn shipped() -> Vec<PathBuf> {
    STORIES
        .iter()
        .map(|id| repo(&format!("stories/{id}.json")))
        .collect()
}

fn load_file(id: &str, path: &Path) -> Story {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (story, report) = load(StoryId::new(id), &bytes);
    assert!(
        report.errors.is_empty(),
        "{}: {:#?}",
        path.display(),
        report.errors
    );
    assert!(
        report.warnings.is_empty(),
        "{}: {:#?}",
        path.display(),
        report.warnings
    );
    story.expect("loads")
}

fn paths(id: &str) -> BTreeMap<String, Vec<String>> {
    let raw = std::fs::read_to_string(repo(&format!("tests/transcripts/{id}.paths.json")))
        .expect("path file");
    serde_json::from_str(&raw).expect("paths file is JSON")
}

#[test]
fn each_split_plays_the_locked_paths_as_the_whole_story_does_in_every_locale() {
    let out = scratch("split");
    let (code, printed) = build(&out, &shipped());
    assert_eq!(code, 0, "{printed}");
    for id in STORIES {
        let whole = load_file(id, &repo(&format!("stories/{id}.json")));
        for locale in &whole.file.locales {
            let part = load_file(id, &out.join(format!("stories/{id}.{locale}.json")));
            assert_eq!(
                part.file.locales,
                std::slice::from_ref(locale),
                "{id}.{locale}"
            );
            for (name, path) in paths(id) {
                let ids: Vec<ChoiceId> = path.iter().map(ChoiceId::new).collect();
                let played = Session::replay(&whole, ids.iter()).expect("the whole story plays");
                let split = Session::replay(&part, ids.iter())
                    .unwrap_or_else(|e| panic!("{id}.{locale} {name}: {e}"));
                assert_eq!(split, played, "{id}.{locale} {name}: the same session");
                assert_eq!(
                    transcript(&part, &split, locale),
                    transcript(&whole, &played, locale),
                    "{id}.{locale} {name}: the same transcript"
                );
                // A session saved on one locale is restored on another (the language switch).
                assert_eq!(played.clone().verify(&part), Ok(played.clone()));
            }
        }
        // Each split is a fraction of the whole: what a learner in one language downloads.
        let size = |p: PathBuf| std::fs::metadata(p).expect("written").len();
        let whole_size = size(repo(&format!("stories/{id}.json")));
        let part_size = size(out.join(format!("stories/{id}.en.json")));
        assert!(
            part_size * 2 < whole_size,
            "{id}: {part_size} of {whole_size} bytes"
        );
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn the_catalog_holds_each_story_card_in_every_locale() {
    let out = scratch("catalog");
    let (code, printed) = build(&out, &shipped());
    assert_eq!(code, 0, "{printed}");
    let raw = std::fs::read_to_string(out.join("catalog.json")).expect("catalog written");
    let catalog: Catalog = serde_json::from_str(&raw).expect("the app's type reads it");
    let ids: Vec<&str> = catalog.stories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, STORIES, "one card per file, in the order given");
    for card in &catalog.stories {
        let story = load_file(
            card.id.as_str(),
            &repo(&format!("stories/{}.json", card.id)),
        );
        let f = &story.file;
        assert_eq!(card.locales, f.locales);
        assert_eq!(card.minutes, f.minutes);
        assert_eq!(card.difficulty, f.difficulty);
        assert_eq!(card.persona.company, f.persona.company);
        assert_eq!(card.persona.look, f.persona.look);
        for locale in &f.locales {
            let (c, s) = (card.localiser(locale), story.localiser(locale));
            assert_eq!(c.locale, s.locale);
            assert_eq!(c.text(&card.title), s.text(&f.title));
            assert_eq!(c.text(&card.summary), s.text(&f.summary));
            assert_eq!(
                c.text(&card.persona.addressed_as),
                s.text(&f.persona.addressed_as)
            );
            assert_eq!(c.text(&card.persona.role), s.text(&f.persona.role));
        }
        let endings: Vec<&str> = f
            .nodes
            .iter()
            .filter(|n| n.ending.is_some())
            .map(|n| n.id.as_str())
            .collect();
        assert_eq!(
            card.endings.iter().map(|n| n.as_str()).collect::<Vec<_>>(),
            endings
        );
        // Finished or not, told from the card as from the story.
        let start = Session::new(&story);
        assert!(!card.is_over(&start));
        let mut ended = start.clone();
        ended.node = card.endings[0].clone();
        assert!(card.is_over(&ended) && ended.is_over(&story));
    }
    let santino = catalog.card(&StoryId::new("mr-santino")).expect("a card");
    assert_eq!(santino.difficulty, Difficulty::Advanced);
    assert_eq!(
        santino.localiser("es").text(&santino.persona.addressed_as),
        "Sr. Santino"
    );
    // A few hundred bytes a story: the library's whole first download of story content.
    assert!(raw.len() < 2_000 * STORIES.len(), "{} bytes", raw.len());
    assert!(!raw.contains("\n  "), "written compact");
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn one_invalid_story_fails_the_build_and_nothing_is_written() {
    let out = scratch("broken");
    let mut files = shipped();
    files.push(repo("tests/fixtures/broken/dangling-next.json"));
    let (code, printed) = build(&out, &files);
    assert_eq!(code, 1);
    assert!(
        printed.contains("dangling-next.json:") && printed.contains(": error: "),
        "{printed}"
    );
    assert!(printed.contains("nothing written"), "{printed}");
    assert!(!out.join("catalog.json").exists());
    assert!(!out.join("stories").exists());
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn a_story_id_with_a_dot_or_given_twice_is_refused() {
    let out = scratch("names");
    let dotted = out.join("mini.v2.json");
    std::fs::copy(repo("tests/fixtures/mini.json"), &dotted).expect("copy");
    let (code, printed) = build(&out.join("dist"), &[dotted]);
    assert_eq!(code, 1);
    assert!(printed.contains("must not contain a dot"), "{printed}");
    let mini = repo("tests/fixtures/mini.json");
    let (code, printed) = build(&out.join("dist"), &[mini.clone(), mini]);
    assert_eq!(code, 1);
    assert!(
        printed.contains("another file is also story `mini`"),
        "{printed}"
    );
    let _ = std::fs::remove_dir_all(&out);
}
