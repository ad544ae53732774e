//! Server-side render tests of the components: what a learner (and a screen reader) would get.

use rapport::components::library::{Library, LibraryProps};
use rapport::components::player::{Player, PlayerProps};
use rapport::engine::catalog::{Card, Catalog};
use rapport::engine::small::SortedMap;
use rapport::engine::{load, ChoiceId, Outcome, Session, Story, StoryId};
use rapport::i18n::Lang;
use rapport::state::{catalog_read, Action, Fetched};
use std::rc::Rc;
use yew::{Callback, LocalServerRenderer};

fn mini() -> Rc<Story> {
    let bytes = std::fs::read("tests/fixtures/mini.json").expect("fixture");
    Rc::new(load(StoryId::new("mini"), &bytes).0.expect("loads"))
}

fn played(story: &Story, choices: &[&str]) -> Session {
    let ids: Vec<ChoiceId> = choices.iter().map(ChoiceId::new).collect();
    Session::replay(story, ids.iter()).expect("playable")
}

async fn render_player(story: Rc<Story>, session: Session, lang: Lang) -> String {
    render_player_in(story, session, lang, false).await
}

async fn render_player_in(
    story: Rc<Story>,
    session: Session,
    lang: Lang,
    embedded: bool,
) -> String {
    LocalServerRenderer::<Player>::with_props(PlayerProps {
        story,
        session,
        lang,
        dispatch: Callback::noop(),
        embedded,
        pane: false,
    })
    .hydratable(false)
    .render()
    .await
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[tokio::test]
async fn the_conversation_shows_lines_choices_and_meters() {
    let story = mini();
    let html = render_player(story.clone(), Session::new(&story), Lang::En).await;
    assert!(html.contains("The weekly report never came. What happened?"));
    assert!(
        html.contains(r#"role="group" aria-label="Your reply""#),
        "{html}"
    );
    assert_eq!(
        count(&html, r#"class="choice""#),
        2,
        "two replies at the start"
    );
    assert_eq!(count(&html, r#"role="meter""#), 2, "one meter per emotion");
    assert!(html.contains(r#"aria-valuenow="50""#), "trust starts at 50");
    assert!(html.contains("Mood"));
    assert!(!html.contains("Take back"), "nothing to take back yet");
}

#[tokio::test]
async fn embedded_the_player_has_no_site_navigation() {
    let story = mini();
    let plain = render_player_in(story.clone(), Session::new(&story), Lang::En, false).await;
    let embedded = render_player_in(story.clone(), Session::new(&story), Lang::En, true).await;
    assert!(plain.contains("All conversations"));
    assert!(!embedded.contains("All conversations"));
    assert!(embedded.contains(r#"role="group" aria-label="Your reply""#));
}

#[tokio::test]
async fn a_reply_moves_the_meters_and_is_announced() {
    let story = mini();
    let html = render_player(story.clone(), played(&story, &["joke"]), Lang::En).await;
    assert!(html.contains(r#"aria-valuenow="55""#), "anger 30 → 55");
    assert!(
        html.contains("▲ +25"),
        "the change is shown with an arrow and amount"
    );
    assert!(
        html.contains("Ana: trust fell slightly, anger rose sharply."),
        "{html}"
    );
    assert!(html.contains("Funny. Will it happen again next week?"));
    assert!(
        html.contains("Even reports need a weekend off!"),
        "the learner's reply is in the transcript"
    );
    assert!(html.contains("Take back my last reply"));
    assert_eq!(
        count(&html, "disabled"),
        0,
        "after the joke the apology is available"
    );
}

#[tokio::test]
async fn unavailable_replies_are_shown_disabled() {
    let story = mini();
    let html = render_player(story.clone(), played(&story, &["explain"]), Lang::En).await;
    assert_eq!(count(&html, r#"disabled="disabled""#), 1, "{html}");
    assert!(html.contains("not possible now"));
}

#[tokio::test]
async fn the_ending_has_a_heading_and_a_debrief() {
    let story = mini();
    let html = render_player(story.clone(), played(&story, &["joke", "hope"]), Lang::En).await;
    assert!(html.contains("<h2>Escalated</h2>"), "{html}");
    assert!(html.contains("Debrief"));
    assert!(html.contains("A better reply"));
    assert!(
        html.contains("The export job failed on Friday"),
        "the better reply is quoted"
    );
    assert!(html.contains("This reply turned the conversation."));
    assert_eq!(
        count(&html, r#"data-emotion="trust""#),
        3,
        "one chart point per turn plus the start"
    );
    assert!(
        !html.contains(r#"role="group" aria-label="Your reply""#),
        "no replies after the end"
    );
}

#[tokio::test]
async fn the_interface_and_story_follow_the_language() {
    let story = mini();
    let html = render_player(story.clone(), Session::new(&story), Lang::Pt).await;
    assert!(html.contains("O relatório semanal não chegou."));
    assert!(html.contains("Sua resposta"));
    assert!(html.contains("Confiança"));
    // The story's Portuguese is marked as the interface's is, Brazilian (screen readers pick
    // the voice by it).
    assert!(html.contains(r#"lang="pt-BR" class="player""#), "{html}");
}

#[tokio::test]
async fn story_text_is_rendered_as_text_never_as_markup() {
    let source = std::fs::read_to_string("tests/fixtures/mini.json")
        .expect("fixture")
        .replace(
            "The weekly report never came. What happened?",
            "<script>alert(1)</script><img src=x onerror=alert(2)>",
        );
    let story = Rc::new(load(StoryId::new("x"), source.as_bytes()).0.expect("loads"));
    let html = render_player(story.clone(), Session::new(&story), Lang::En).await;
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

async fn render_library(
    catalog: Fetched<Rc<Catalog>>,
    sessions: SortedMap<StoryId, Session>,
    best: SortedMap<StoryId, Outcome>,
    lang: Lang,
) -> String {
    LocalServerRenderer::<Library>::with_props(LibraryProps {
        lang,
        catalog,
        sessions,
        best,
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn the_library_shows_cards_and_progress_from_the_catalog_alone() {
    let story = mini();
    // Two cards of the same story under two ids: one in progress, one finished.
    let mut done = Card::of(&story);
    done.id = StoryId::new("done");
    let catalog = Catalog {
        stories: vec![Card::of(&story), done],
    };
    let mut sessions = SortedMap::new();
    sessions.insert(story.id.clone(), played(&story, &["explain"]));
    let mut finished = played(&story, &["explain", "hope"]);
    finished.story = StoryId::new("done");
    sessions.insert(StoryId::new("done"), finished);
    let mut best = SortedMap::new();
    best.insert(StoryId::new("done"), Outcome::Partial);
    let catalog = Fetched::Ready(Rc::new(catalog));
    let html = render_library(catalog.clone(), sessions.clone(), best.clone(), Lang::En).await;
    assert!(html.contains("The late report"));
    assert!(html.contains("Ana"));
    assert!(html.contains("Operations lead"));
    assert!(html.contains("2 min"));
    assert_eq!(count(&html, "In progress"), 1, "{html}");
    assert!(html.contains("Continue"));
    assert!(html.contains("Best result: Partial"), "{html}");
    assert!(html.contains(r##"href="#/story/done""##), "{html}");
    let html = render_library(catalog, sessions, best, Lang::Es).await;
    assert!(html.contains("El informe atrasado"), "{html}");
    assert!(html.contains("En curso"));
}

#[tokio::test]
async fn a_catalog_that_cannot_be_read_is_shown_with_its_problems() {
    let Action::Catalog(Err(problems)) = catalog_read("catalog.json", br#"{"stories": ["#) else {
        panic!("a broken catalog is refused");
    };
    let html = render_library(
        Fetched::Broken(problems),
        SortedMap::new(),
        SortedMap::new(),
        Lang::En,
    )
    .await;
    assert!(
        html.contains("The list of conversations could not be loaded"),
        "{html}"
    );
    assert!(html.contains("catalog.json:1:13"), "{html}");
    assert!(html.contains("EOF while parsing"), "{html}");
    let html = render_library(
        Fetched::Loading,
        SortedMap::new(),
        SortedMap::new(),
        Lang::En,
    )
    .await;
    assert!(html.contains(r#"aria-busy="true""#), "{html}");
}

#[tokio::test]
async fn an_assessment_story_forbids_taking_back_a_reply() {
    let source = std::fs::read_to_string("tests/fixtures/mini.json")
        .expect("fixture")
        .replacen(
            "\"start\": \"ask\"",
            "\"allow_back\": false, \"start\": \"ask\"",
            1,
        );
    let story = Rc::new(
        load(StoryId::new("exam"), source.as_bytes())
            .0
            .expect("loads"),
    );
    assert!(!story.file.allow_back);
    let html = render_player(story.clone(), played(&story, &["joke"]), Lang::En).await;
    assert!(!html.contains("Take back my last reply"), "{html}");
}

#[test]
fn svg_numbers_are_written_without_the_float_formatter() {
    use rapport::components::num;
    assert_eq!(num(12.0), "12");
    assert_eq!(num(12.5), "12.5");
    assert_eq!(num(0.25), "0.25");
    assert_eq!(num(-3.04), "-3.04");
    assert_eq!(num(-0.5), "-0.5");
    assert_eq!(num(99.999), "100");
}

#[test]
fn the_face_changes_by_visible_steps_only() {
    // A reply that moves the client's strain a little must not redraw the face (a repaint for a
    // change under a pixel); a large move must.
    use rapport::components::portrait::portrait;
    use rapport::engine::model::{Face, Look};
    let look = Look::default();
    let at = |intensity: f32| portrait(&look, Face::Angry, intensity, "Tom");
    assert_eq!(at(0.50), at(0.52));
    assert_eq!(at(0.0), at(-1.0), "clamped below");
    assert_ne!(at(0.50), at(0.70));
    assert_ne!(at(0.0), at(1.0));
}

async fn render_lms_bar(phase: rapport::components::lms_bar::LmsPhase, lang: Lang) -> String {
    use rapport::components::lms_bar::{LmsBar, LmsBarProps};
    LocalServerRenderer::<LmsBar>::with_props(LmsBarProps {
        lang,
        status: rapport::components::lms_bar::LmsStatus {
            phase,
            exit: Callback::noop(),
        },
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn an_lms_launch_offers_exit_and_save_then_says_where_leaving_is() {
    use rapport::components::lms_bar::LmsPhase;
    assert_eq!(render_lms_bar(LmsPhase::None, Lang::En).await, "");
    let reporting = render_lms_bar(LmsPhase::Reporting, Lang::En).await;
    assert!(reporting.contains(">Exit and save</button>"), "{reporting}");
    assert!(reporting.contains("aria-label=\"Learning management system\""));
    let sending = render_lms_bar(LmsPhase::Leaving, Lang::Es).await;
    assert!(
        sending.contains("role=\"status\"") && sending.contains("Enviando"),
        "{sending}"
    );
    assert!(!sending.contains("<button"));
    let left = render_lms_bar(LmsPhase::Left, Lang::En).await;
    assert!(left.contains("You can close this window"), "{left}");
}
