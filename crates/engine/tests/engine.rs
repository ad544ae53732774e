//! Engine behaviour: loading with located errors, playing, misuse as typed errors, save/restore.

use rapport_engine::{
    load, review, transcript::transcript, ChoiceId, EmotionId, Outcome, PlayError, Session, Story,
    StoryId,
};

/// A path in the repository (tests run in their crate's folder; the files live at the root).
fn repo(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn mini() -> Story {
    let bytes = std::fs::read(repo("tests/fixtures/mini.json")).expect("fixture exists");
    let (story, report) = load(StoryId::new("mini"), &bytes);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    story.expect("mini loads")
}

/// The example story as JSON, to change a part of before loading it.
fn mini_json() -> serde_json::Value {
    serde_json::from_slice(
        &std::fs::read(repo("tests/fixtures/mini.json")).expect("fixture exists"),
    )
    .expect("fixture is JSON")
}

/// The problems found in a changed copy of the example story, which must not load.
fn errors_of(broken: &serde_json::Value) -> Vec<rapport_engine::Diagnostic> {
    let bytes = serde_json::to_vec_pretty(broken).expect("serialises");
    let (loaded, report) = load(StoryId::new("broken"), &bytes);
    assert!(loaded.is_none(), "the broken copy loaded");
    report.errors
}

fn play(story: &Story, choices: &[&str]) -> Session {
    let ids: Vec<ChoiceId> = choices.iter().map(ChoiceId::new).collect();
    Session::replay(story, ids.iter()).expect("path is playable")
}

fn value(session: &Session, emotion: &str) -> i32 {
    *session
        .emotions
        .get(&EmotionId::new(emotion))
        .expect("the story has this emotion")
}

/// (fixture, expected problems as (pointer, line, column, message fragment)).
type Case = (
    &'static str,
    &'static [(&'static str, usize, usize, &'static str)],
);

const BROKEN: &[Case] = &[
    ("syntax", &[("", 30, 8, "EOF while parsing")]),
    ("empty", &[("", 1, 1, "EOF while parsing")]),
    ("deep", &[("", 1, 128, "recursion limit")]),
    ("binary", &[("", 2, 118, "not UTF-8")]),
    ("not-object", &[("/", 1, 1, "must be a JSON object")]),
    ("wrong-type", &[("/minutes", 19, 14, "expected u32")]),
    (
        "unknown-field",
        &[("/nodes/0/choices/0/txt", 181, 18, "unknown field `txt`")],
    ),
    (
        "dangling-next",
        &[(
            "/nodes/0/choices/1/next",
            184,
            19,
            "node `nowhere`, which does not exist",
        )],
    ),
    (
        "missing-locale",
        &[(
            "/nodes/2/lines/0/text",
            315,
            19,
            "missing translation: `pt`",
        )],
    ),
    (
        "unknown-emotion",
        &[(
            "/nodes/1/choices/0/effects/angr",
            249,
            21,
            "unknown emotion `angr`",
        )],
    ),
    (
        "unknown-flag",
        &[(
            "/nodes/1/choices/2/when/flags/0",
            287,
            15,
            "unknown flag `joke`",
        )],
    ),
    (
        "unknown-speaker",
        &[(
            "/nodes/0/lines/0/speaker",
            144,
            22,
            "unknown speaker `boss`",
        )],
    ),
    (
        "bad-start",
        &[("/start", 138, 12, "start node `begin` does not exist")],
    ),
    ("no-default-mood", &[("/moods", 85, 12, "no default mood")]),
    (
        "stuck-node",
        &[("/nodes/3", 336, 5, "neither choices nor an ending")],
    ),
    (
        "duplicate-node",
        &[
            (
                "/nodes/3",
                336,
                5,
                "duplicate node id `fixed` (first at /nodes/2)",
            ),
            ("/nodes/1/choices/1/next", 262, 19, "node `shaky`"),
            ("/nodes/1/choices/2/next", 284, 19, "node `shaky`"),
        ],
    ),
    (
        "two-structural",
        &[
            ("/nodes/0/choices/0/txt", 181, 18, "unknown field `txt`"),
            (
                "/nodes/3/ending/outcome",
                349,
                20,
                "unknown variant `victory`",
            ),
        ],
    ),
    (
        "many-problems",
        &[
            ("/start", 138, 12, "start node `begin`"),
            ("/nodes/0/choices/1/next", 184, 19, "`nowhere`"),
            (
                "/nodes/1/choices/0/feedback/principle",
                252,
                26,
                "principle `honesty`",
            ),
            (
                "/nodes/2/lines/0/text",
                315,
                19,
                "missing translation: `es`",
            ),
        ],
    ),
];

#[test]
fn broken_fixtures_report_every_problem_where_it_is() {
    for (name, expected) in BROKEN {
        let path = format!("tests/fixtures/broken/{name}.json");
        let bytes = std::fs::read(repo(&path)).expect("fixture exists");
        let (story, report) = load(StoryId::new(*name), &bytes);
        assert!(story.is_none(), "{name} must not load");
        let got: Vec<_> = report
            .errors
            .iter()
            .map(|d| {
                (
                    d.pointer
                        .clone()
                        .map(|p| if p.is_empty() { "/".into() } else { p }),
                    d.line,
                    d.column,
                    d.message.clone(),
                )
            })
            .collect();
        assert_eq!(got.len(), expected.len(), "{name}: {got:#?}");
        for ((pointer, line, column, fragment), (gp, gl, gc, gm)) in expected.iter().zip(&got) {
            if !pointer.is_empty() {
                assert_eq!(gp.as_deref(), Some(*pointer), "{name}: {gm}");
            }
            assert_eq!((*gl, *gc), (Some(*line), Some(*column)), "{name}: {gm}");
            assert!(gm.contains(fragment), "{name}: `{gm}` lacks `{fragment}`");
        }
    }
}

#[test]
fn unreachable_nodes_are_warnings_not_errors() {
    let bytes = std::fs::read(repo("tests/fixtures/broken/unreachable.json")).expect("fixture");
    let (story, report) = load(StoryId::new("u"), &bytes);
    assert!(story.is_some());
    assert_eq!(report.warnings.len(), 1);
    assert_eq!(report.warnings[0].pointer.as_deref(), Some("/nodes/5"));
    assert!(report.warnings[0]
        .message
        .contains("`orphan` is unreachable"));
}

#[test]
fn the_expert_path_calms_the_client_and_succeeds() {
    let story = mini();
    let s = play(&story, &["explain", "alert"]);
    assert_eq!(s.node.as_str(), "fixed");
    assert!(s.is_over(&story));
    // trust 50 +15 +20; anger 30 -15 -20 clamps at 0.
    assert_eq!((value(&s, "trust"), value(&s, "anger")), (85, 0));
    let changes = &s.history[1].changes;
    assert_eq!(
        changes
            .iter()
            .find(|c| c.emotion.as_str() == "anger")
            .map(|c| c.delta()),
        Some(-15)
    );
    let r = review(&story, &s);
    assert_eq!(r.outcome, Some(Outcome::Success));
    assert_eq!(r.total_percent(), Some(100));
    assert!(r.turns.iter().all(|t| t.better.is_none()));
}

#[test]
fn a_threshold_rule_ends_the_conversation_early() {
    let story = mini();
    let s = play(&story, &["joke", "hope"]);
    assert_eq!(s.node.as_str(), "walked_out");
    assert_eq!(
        s.history[1].rule.as_ref().map(|r| r.as_str()),
        Some("walks_out")
    );
    assert_eq!(value(&s, "anger"), 100, "clamped at max");
    let r = review(&story, &s);
    assert_eq!(r.outcome, Some(Outcome::Failure));
    assert_eq!(r.total_percent(), Some(0));
    assert_eq!(
        r.turns[0].better.as_ref().map(|c| c.as_str()),
        Some("explain")
    );
    assert_eq!(
        r.turns[1].better.as_ref().map(|c| c.as_str()),
        Some("alert")
    );
}

#[test]
fn lines_follow_the_clients_mood() {
    let story = mini();
    let calm = transcript(&story, &play(&story, &["explain"]), "en");
    let cross = transcript(&story, &play(&story, &["joke"]), "en");
    assert!(calm.contains("Fine. And next week?"));
    assert!(!calm.contains("Funny."));
    assert!(cross.contains("Funny. Will it happen again next week?"));
}

#[test]
fn conditional_choices_are_offered_disabled_until_they_hold() {
    let story = mini();
    let s = play(&story, &["explain"]);
    let step = s.step(&story).expect("step");
    let apologise = step
        .offers
        .iter()
        .find(|o| o.choice.id.as_str() == "apologise_again");
    assert_eq!(apologise.map(|o| o.available), Some(false));
    let mut s2 = s.clone();
    assert_eq!(
        s2.choose(&story, &ChoiceId::new("apologise_again")),
        Err(PlayError::Unavailable {
            node: "plan".into(),
            choice: "apologise_again".into()
        })
    );
    assert_eq!(s2, s, "a refused choice changes nothing");
    let joked = play(&story, &["joke"]);
    let step = joked.step(&story).expect("step");
    assert!(step.offers.iter().all(|o| o.available));
}

#[test]
fn misuse_is_a_typed_error() {
    let story = mini();
    let mut s = Session::new(&story);
    assert_eq!(
        s.choose(&story, &ChoiceId::new("nope")),
        Err(PlayError::UnknownChoice {
            node: "ask".into(),
            choice: "nope".into()
        })
    );
    let mut done = play(&story, &["explain", "alert"]);
    assert_eq!(
        done.choose(&story, &ChoiceId::new("explain")),
        Err(PlayError::Ended {
            node: "fixed".into()
        })
    );
    assert_eq!(s.back(&story), Err(PlayError::CannotGoBack));
}

#[test]
fn back_restores_the_previous_state_exactly() {
    let story = mini();
    let before = play(&story, &[]);
    let mut after = play(&story, &["joke"]);
    after.back(&story).expect("can go back");
    assert_eq!(after, before);
    // An ending is final: it would otherwise be reached, and reported, twice.
    let mut ended = play(&story, &["joke", "apologise_again"]);
    assert_eq!(ended.back(&story), Err(PlayError::CannotGoBack));
}

#[test]
fn sessions_round_trip_through_json_and_refuse_tampering() {
    let story = mini();
    let s = play(&story, &["joke", "apologise_again"]);
    let json = serde_json::to_string(&s).expect("serialises");
    let restored: Session = serde_json::from_str(&json).expect("parses");
    let restored = restored.verify(&story).expect("verifies");
    assert_eq!(restored, s);
    let mut continued = restored.clone();
    let mut original = s.clone();
    let _ = continued.back(&story);
    let _ = original.back(&story);
    assert_eq!(
        continued, original,
        "a restored session continues identically"
    );

    let tampered = json.replace("\"trust\":45", "\"trust\":99");
    assert_ne!(tampered, json, "the fixture value is where we expect");
    let tampered: Session = serde_json::from_str(&tampered).expect("parses");
    assert_eq!(tampered.verify(&story), Err(PlayError::Diverged));
}

#[test]
fn moods_are_derived_from_emotions() {
    let story = mini();
    let start = Session::new(&story);
    let mood = |s: &Session| story.mood(&s.emotions, &s.flags).map(|m| m.id.to_string());
    assert_eq!(mood(&start).as_deref(), Some("calm"));
    assert_eq!(mood(&play(&story, &["joke"])).as_deref(), Some("annoyed"));
    assert_eq!(
        mood(&play(&story, &["joke", "hope"])).as_deref(),
        Some("furious")
    );
}

#[test]
fn an_emotion_reads_its_start_until_moved_and_places_values_in_its_range() {
    let story = mini();
    let anger = story
        .emotion(&EmotionId::new("anger"))
        .expect("mini has anger");
    let start = Session::new(&story);
    let mut untouched = start.emotions.clone();
    untouched.remove(&anger.id);
    assert_eq!(anger.value_in(&untouched), 30, "the start value stands in");
    let joked = play(&story, &["joke"]);
    assert_eq!(anger.value_in(&joked.emotions), value(&joked, "anger"));
    assert_ne!(anger.value_in(&joked.emotions), 30, "the joke moved anger");
    // Range 0..=100 by default: the ends are 0 and 1, the middle a half.
    assert_eq!(anger.share(0.0), 0.0);
    assert_eq!(anger.share(100.0), 1.0);
    assert_eq!(anger.share(50.0), 0.5);
    // The portrait's strain is each emotion's distance from its good end, averaged.
    let strain = story.strain(&start.emotions);
    assert!((strain - (0.5 + 0.3) / 2.0).abs() < 1e-6, "strain {strain}");
}

#[test]
fn locales_fall_back_to_the_first_declared() {
    let story = mini();
    let s = play(&story, &["explain"]);
    let pt = transcript(&story, &s, "pt");
    assert!(pt.contains("O relatório semanal não chegou"));
    let fr = transcript(&story, &s, "fr");
    assert!(fr.contains("The weekly report never came"));
}

#[test]
fn a_repeated_key_keeps_its_last_value_and_the_file_order_is_kept() {
    let text = std::fs::read_to_string(repo("tests/fixtures/mini.json")).expect("fixture");
    let (start, _) = text.split_once("\"nodes\"").expect("nodes");
    let title_at = start.find("\"title\"").expect("title");
    // `"en"` twice in the story's title: JSON parsers keep the last value.
    let close = title_at + start[title_at..].find('}').expect("object end");
    let open = title_at + start[title_at..].find('{').expect("object start");
    let patched = format!(
        "{}{{\"en\": \"First\", \"es\": \"Uno\", \"pt\": \"Um\", \"en\": \"Second\"}}{}",
        &text[..open],
        &text[close + 1..]
    );
    let (story, report) = load(StoryId::new("dup"), patched.as_bytes());
    let story = story.unwrap_or_else(|| panic!("{:#?}", report.errors));
    assert_eq!(story.file.title.get("en", "en"), "Second");
    assert_eq!(story.file.title.get("pt", "en"), "Um");
    assert_eq!(
        story.file.title.locales().collect::<Vec<_>>(),
        ["en", "es", "pt"]
    );
}

#[test]
fn a_structural_error_deep_in_a_choice_names_its_exact_place() {
    // A number where a rating should be, and a word where an effect's number should be.
    let mut broken = mini_json();
    broken["nodes"][0]["choices"][1]["feedback"]["rating"] = serde_json::json!(7);
    broken["nodes"][1]["choices"][0]["effects"] = serde_json::json!({ "trust": "lots" });
    let errors = errors_of(&broken);
    let pointers: Vec<_> = errors.iter().filter_map(|d| d.pointer.clone()).collect();
    assert_eq!(
        pointers,
        [
            "/nodes/0/choices/1/feedback/rating",
            "/nodes/1/choices/0/effects/trust"
        ],
        "{:#?}",
        errors
    );
    assert!(errors.iter().all(|d| d.line.is_some()));
}

#[test]
fn texts_with_and_without_escapes_read_back_exactly() {
    let mut story = mini_json();
    story["title"]["en"] = serde_json::json!("Tom said \"no\" — twice\nthen left");
    story["summary"]["es"] = serde_json::json!("Sin escapes, con acentos: qué día");
    let bytes = serde_json::to_vec(&story).expect("serialises");
    let (loaded, report) = load(StoryId::new("esc"), &bytes);
    let loaded = loaded.unwrap_or_else(|| panic!("{:#?}", report.errors));
    assert_eq!(
        loaded.file.title.get("en", "en"),
        "Tom said \"no\" — twice\nthen left"
    );
    assert_eq!(
        loaded.file.summary.get("es", "en"),
        "Sin escapes, con acentos: qué día"
    );
    // Read back as JSON, the story is the same again.
    let again = serde_json::to_value(&loaded.file).expect("serialises");
    assert_eq!(again["title"], story["title"]);
}

/// Every enum name the schema documents reads into its type and writes back the same, so the
/// hand-written readers and the derived writers cannot drift apart.
#[test]
fn every_enum_name_in_the_schema_reads_and_writes_back() {
    use rapport_engine::model::{
        AddressForm, Difficulty, Face, HairColour, HairStyle, Outcome, Polarity, Rating,
        Unavailable,
    };
    fn round<T: serde::Serialize + serde::de::DeserializeOwned>(name: &str) -> String {
        let value: T = serde_json::from_value(serde_json::json!(name))
            .unwrap_or_else(|e| panic!("`{name}` does not read: {e}"));
        serde_json::to_value(value)
            .expect("writes")
            .as_str()
            .expect("a string")
            .to_string()
    }
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo("schema/story.schema.json")).expect("schema"),
    )
    .expect("schema is JSON");
    let mut checked = 0;
    for (def, body) in schema["$defs"].as_object().expect("definitions") {
        // `{"enum": [...]}`, or `{"oneOf": [{"const": ...}, ...]}` where variants are documented.
        let names: Vec<&str> = match (body["enum"].as_array(), body["oneOf"].as_array()) {
            (Some(names), _) => names.iter().filter_map(|n| n.as_str()).collect(),
            (None, Some(alternatives)) => alternatives
                .iter()
                .filter_map(|a| a["const"].as_str().or_else(|| a["enum"][0].as_str()))
                .collect(),
            (None, None) => continue,
        };
        for name in names {
            let back = match def.as_str() {
                "AddressForm" => round::<AddressForm>(name),
                "Difficulty" => round::<Difficulty>(name),
                "Face" => round::<Face>(name),
                "HairColour" => round::<HairColour>(name),
                "HairStyle" => round::<HairStyle>(name),
                "Outcome" => round::<Outcome>(name),
                "Polarity" => round::<Polarity>(name),
                "Rating" => round::<Rating>(name),
                "Unavailable" => round::<Unavailable>(name),
                other => panic!("a new enum `{other}`: add it here"),
            };
            assert_eq!(back, name);
            checked += 1;
        }
    }
    assert_eq!(checked, 36);
    let wrong = serde_json::from_value::<Outcome>(serde_json::json!("victory"));
    assert!(wrong
        .expect_err("not a name")
        .to_string()
        .contains("unknown variant `victory`"));
}

#[test]
fn stories_are_equal_by_content_whether_shared_or_loaded_twice() {
    // The view compares its props on every reply; the same shared story must compare equal (it
    // does so without walking the graph), and a changed one must not.
    let shared = std::rc::Rc::new(mini());
    assert_eq!(*shared, *shared.clone());
    assert_eq!(mini(), mini(), "two loads of one file are equal");
    let mut json = mini_json();
    json["nodes"][0]["lines"][0]["text"]["en"] = "Something else.".into();
    let bytes = serde_json::to_vec(&json).expect("json");
    let changed = load(StoryId::new("mini"), &bytes).0.expect("loads");
    assert_ne!(mini(), changed);
    let renamed = load(
        StoryId::new("other"),
        &serde_json::to_vec(&mini_json()).expect("json"),
    )
    .0
    .expect("loads");
    assert_ne!(mini(), renamed, "another id is another story");
}

#[test]
fn a_repeated_effect_keeps_its_last_value_whether_alone_or_among_others() {
    let text = std::fs::read_to_string(repo("tests/fixtures/mini.json")).expect("fixture");
    let written = r#""effects": {"trust": 15, "anger": -15}"#;
    assert!(text.contains(written));
    let story = mini();
    let start = Session::new(&story);
    let after = |effects: &str| {
        let patched = text.replacen(written, &format!(r#""effects": {effects}"#), 1);
        let (story, report) = load(StoryId::new("mini"), patched.as_bytes());
        let story = story.unwrap_or_else(|| panic!("{:#?}", report.errors));
        let s = play(&story, &["explain"]);
        (value(&s, "trust"), value(&s, "anger"))
    };
    let (trust, anger) = (value(&start, "trust"), value(&start, "anger"));
    assert_eq!(after(r#"{"trust": 40, "trust": 15}"#), (trust + 15, anger));
    assert_eq!(
        after(r#"{"trust": 40, "anger": -15, "trust": 15}"#),
        (trust + 15, anger - 15)
    );
}

#[test]
fn a_repeated_choice_id_is_reported_where_it_repeats() {
    let mut broken = mini_json();
    broken["nodes"][0]["choices"][1]["id"] = serde_json::json!("explain");
    let errors = errors_of(&broken);
    let found: Vec<_> = errors
        .iter()
        .map(|d| (d.pointer.as_deref().unwrap_or(""), d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            "/nodes/0/choices/1",
            "duplicate choice id `explain` (first at /nodes/0/choices/0)"
        )]
    );
}

#[test]
fn a_built_story_loads_in_one_parse_and_a_mangled_one_says_where() {
    let bytes = std::fs::read(repo("stories/mr-santino.json")).expect("story");
    let (full, _) = rapport_engine::load(StoryId::new("mr-santino"), &bytes);
    let checked = rapport_engine::load_checked(StoryId::new("mr-santino"), &bytes).expect("loads");
    // The same story as the full loader reads, without its validation pass.
    assert_eq!(full.expect("valid").file, checked.file);
    // Cut short by a host: one error, at the line and column serde stopped at.
    let cut = &bytes[..bytes.len() / 2];
    let problem =
        rapport_engine::load_checked(StoryId::new("mr-santino"), cut).expect_err("refused");
    let lines = std::str::from_utf8(cut)
        .map(|t| t.lines().count())
        .unwrap_or(0);
    assert_eq!(problem.line, Some(lines));
    assert!(problem.message.contains("EOF"), "{}", problem.message);
}
