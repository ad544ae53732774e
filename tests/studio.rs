//! Studio's editing model, natively: edits and their undo steps, locales for the whole story,
//! missing translations, and the canonical formatter's round trip of every shipped story.

use rapport::author::studio::draft::{
    add_locale, add_node, missing_translations, remove_locale, rename, rename_node,
    set_translation, Draft, Edit, Named,
};
use rapport::engine::format::pretty;
use rapport::engine::{check, NodeId};

fn template() -> Draft {
    Draft::template().expect("the template is a valid story")
}

/// An edit setting the English title.
fn title(value: &'static str) -> Edit {
    Edit::new("/title/en", move |f| {
        let order = f.locales.clone();
        set_translation(&mut f.title, "en", value, &order);
    })
}

#[test]
fn the_template_is_valid_and_canonical() {
    let (file, report) = check(rapport::author::studio::draft::TEMPLATE.as_bytes());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let file = file.expect("parses");
    assert_eq!(file.locales, ["en", "es"]);
    assert_eq!(pretty(&file), rapport::author::studio::draft::TEMPLATE);
}

#[test]
fn keystrokes_in_one_field_are_one_undo_step() {
    let mut draft = template();
    let before = draft.file.clone();
    assert!(draft.apply(&title("A")));
    assert!(draft.apply(&title("Ab")));
    assert!(draft.apply(&title("Abc")));
    assert_eq!(draft.file.title.exact("en"), Some("Abc"));
    assert_eq!(draft.revision, 3);
    assert!(draft.undo());
    assert_eq!(*draft.file, *before);
    assert!(!draft.can_undo());
    assert!(draft.redo());
    assert_eq!(draft.file.title.exact("en"), Some("Abc"));
}

#[test]
fn another_field_or_a_settled_field_starts_a_new_step() {
    let mut draft = template();
    draft.apply(&title("One"));
    draft.apply(&Edit::new("/minutes", |f| f.minutes = 9));
    draft.apply(&title("Two"));
    draft.settle();
    draft.apply(&title("Three"));
    assert!(draft.undo());
    assert_eq!(draft.file.title.exact("en"), Some("Two"));
    assert!(draft.undo());
    assert_eq!(draft.file.minutes, 9);
    assert!(draft.undo());
    assert_eq!(draft.file.title.exact("en"), Some("One"));
    assert_eq!(draft.file.minutes, 5);
}

#[test]
fn an_edit_that_changes_nothing_is_not_a_step_and_a_new_edit_clears_redo() {
    let mut draft = template();
    assert!(!draft.apply(&Edit::new("/minutes", |f| f.minutes = 5)));
    assert!(!draft.can_undo());
    draft.apply(&Edit::new("/minutes", |f| f.minutes = 6));
    draft.undo();
    assert!(draft.can_redo());
    draft.apply(&Edit::new("/minutes", |f| f.minutes = 7));
    assert!(!draft.can_redo());
    assert!(!draft.redo());
}

#[test]
fn a_locale_added_is_missing_everywhere_and_removed_leaves_no_trace() {
    let mut draft = template();
    let original = (*draft.file).clone();
    draft.apply(&Edit::new("/locales", |f| {
        add_locale(f, "pt");
    }));
    let missing = missing_translations(&draft.file);
    let counts: Vec<(&str, usize)> = missing.iter().map(|(l, m)| (l.as_str(), m.len())).collect();
    assert_eq!(counts[0], ("en", 0));
    assert_eq!(counts[1], ("es", 0));
    assert_eq!(counts[2].0, "pt");
    assert_eq!(counts[2].1, 14, "{:?}", missing[2].1);
    assert_eq!(missing[2].1[0], "/title");
    // A translation fills one place; removing the locale takes it out again.
    draft.apply(&Edit::new("/title/pt", |f| {
        let order = f.locales.clone();
        set_translation(&mut f.title, "pt", "Uma conversa nova", &order);
    }));
    assert_eq!(missing_translations(&draft.file)[2].1.len(), 13);
    assert_eq!(
        draft.file.title.locales().collect::<Vec<_>>(),
        ["en", "es", "pt"]
    );
    draft.apply(&Edit::new("/locales", |f| remove_locale(f, "pt")));
    assert_eq!(*draft.file, original);
    // And removing Spanish leaves an English story that still loads.
    let mut english = original.clone();
    remove_locale(&mut english, "es");
    let (_, report) = check(pretty(&english).as_bytes());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
}

#[test]
fn a_translation_goes_in_locale_order() {
    let mut draft = template();
    draft.apply(&Edit::new("/title", |f| {
        f.title = Default::default();
        let order = f.locales.clone();
        set_translation(&mut f.title, "es", "Hola", &order);
        set_translation(&mut f.title, "en", "Hello", &order);
    }));
    assert_eq!(draft.file.title.locales().collect::<Vec<_>>(), ["en", "es"]);
}

#[test]
fn nodes_get_fresh_ids_and_a_rename_keeps_every_link() {
    let mut file = (*template().file).clone();
    let i = add_node(&mut file);
    let j = add_node(&mut file);
    assert_eq!(file.nodes[i].id.as_str(), "node");
    assert_eq!(file.nodes[j].id.as_str(), "node-2");
    rename_node(&mut file, 1, "thanks");
    assert_eq!(file.nodes[0].choices[0].next, NodeId::new("thanks"));
    rename_node(&mut file, 0, "hello");
    assert_eq!(file.start, NodeId::new("hello"));
    // A rename to a taken id is refused rather than merging two nodes.
    rename_node(&mut file, 0, "thanks");
    assert_eq!(file.nodes[0].id.as_str(), "hello");
}

/// Every shipped story, parsed.
fn shipped() -> Vec<(std::path::PathBuf, rapport::engine::StoryFile)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/stories");
    let mut stories = Vec::new();
    for entry in std::fs::read_dir(dir).expect("stories/ exists") {
        let path = entry.expect("readable").path();
        if path.extension().and_then(|e| e.to_str()) == Some("json") {
            let text = std::fs::read_to_string(&path).expect("readable");
            let file = check(text.as_bytes()).0.expect("parses");
            stories.push((path, file));
        }
    }
    stories
}

#[test]
fn renaming_an_emotion_flag_person_or_objective_renames_every_reference() {
    let stories = shipped();
    assert!(stories.len() >= 7);
    for (path, original) in stories {
        let (_, before) = check(pretty(&original).as_bytes());
        let mut file = original.clone();
        let ids = |f: &rapport::engine::StoryFile| {
            let emotions: Vec<String> = f.emotions.iter().map(|e| e.id.to_string()).collect();
            let flags: Vec<String> = f.flags.iter().map(|x| x.to_string()).collect();
            let cast: Vec<String> = f.cast.iter().map(|c| c.id.to_string()).collect();
            let objectives: Vec<String> = f.objectives.iter().map(|o| o.id.to_string()).collect();
            [
                (Named::Emotion, emotions),
                (Named::Flag, flags),
                (Named::Speaker, cast),
                (Named::Objective, objectives),
            ]
        };
        let all = ids(&original);
        for (named, list) in &all {
            for (i, id) in list.iter().enumerate() {
                rename(&mut file, *named, i, &format!("{id}-renamed"));
            }
        }
        // A reference left behind would be an unknown id (an error) or an unused one (a warning).
        let (_, after) = check(pretty(&file).as_bytes());
        assert!(
            after.errors.is_empty(),
            "{}: {:?}",
            path.display(),
            after.errors
        );
        assert_eq!(
            after.warnings.len(),
            before.warnings.len(),
            "{}",
            path.display()
        );
        assert_ne!(file, original);
        for (named, list) in &all {
            for (i, id) in list.iter().enumerate() {
                rename(&mut file, *named, i, id);
            }
        }
        assert_eq!(file, original, "{}: renamed back", path.display());
    }
}

#[test]
fn a_rename_to_a_taken_or_empty_id_is_refused() {
    let (_, mut file) = shipped().remove(0);
    assert!(file.emotions.len() >= 2, "a story with two emotions");
    let second = file.emotions[1].id.clone();
    let first = file.emotions[0].id.clone();
    rename(&mut file, Named::Emotion, 0, second.as_str());
    assert_eq!(file.emotions[0].id, first);
    rename(&mut file, Named::Emotion, 0, "");
    assert_eq!(file.emotions[0].id, first);
}

#[test]
fn every_shipped_story_is_in_canonical_form_and_round_trips() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/stories");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("stories/ exists") {
        let path = entry.expect("readable").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        let (file, report) = check(text.as_bytes());
        assert!(
            report.errors.is_empty(),
            "{}: {:?}",
            path.display(),
            report.errors
        );
        let file = file.expect("parses");
        let written = pretty(&file);
        assert!(
            written == text,
            "{} is not canonical: run `storycheck fmt`",
            path.display()
        );
        // Opened in Studio and downloaded without edits: the same bytes.
        let draft = Draft::new("x.json", file.clone());
        assert_eq!(draft.text(), text);
        let (again, _) = check(written.as_bytes());
        assert_eq!(again.as_ref(), Some(&file), "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 7, "only {seen} stories");
}
