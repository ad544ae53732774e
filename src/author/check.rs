//! The authoring check of a story's text, one pipeline for every authoring page (the upload
//! page's live check, Studio's problems): load (syntax, structure, validation), then for a
//! valid story the exploration of its reachable states and the assessment lints, every problem
//! located in the text.

use super::upload::own_id;
use crate::engine::analysis::analyse_graph;
use crate::engine::lints::{lint, locate, Lints};
use crate::engine::{Diagnostic, Report, Story, StoryFile};
use std::rc::Rc;

/// The live check explores at most this many states, so typing stays responsive; a larger
/// story's figures are marked partial (storycheck explores a million).
pub const LIVE_MAX_STATES: usize = 20_000;

/// What checking a story's text found.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// The parsed file, when its structure is sound (even with errors: the map can show it).
    pub file: Option<Rc<StoryFile>>,
    /// The story, when it has no errors (it can be played).
    pub story: Option<Rc<Story>>,
    /// The loader's errors; for a playable story its warnings and what the analysis found.
    pub problems: Vec<Diagnostic>,
    /// The assessment lints of a playable story, when it was analysed.
    pub lints: Option<Lints>,
}

/// Loads the bytes of a file named `name`: the story when it can be played, the parsed file,
/// and the loader's report.
pub fn load(name: &str, bytes: &[u8]) -> (Option<Rc<Story>>, Option<Rc<StoryFile>>, Report) {
    let (file, report) = crate::engine::check(bytes);
    let file = file.map(Rc::new);
    let story = match &file {
        Some(file) if report.errors.is_empty() => {
            Some(Rc::new(Story::new(own_id(name), (**file).clone())))
        }
        _ => None,
    };
    (story, file, report)
}

/// [`load`], and for a playable story also the analysis's problems and the assessment lints.
pub fn live(name: &str, text: &str) -> Checked {
    let (story, file, report) = load(name, text.as_bytes());
    let Some(story) = story else {
        return Checked {
            file,
            story: None,
            problems: report.errors,
            lints: None,
        };
    };
    let mut problems = report.warnings;
    let (mut analysis, graph) = analyse_graph(&story, LIVE_MAX_STATES);
    let mut lints = lint(&story, &graph);
    problems.append(&mut analysis.errors);
    problems.append(&mut analysis.warnings);
    crate::engine::diagnostic::locate_all(text, &mut problems);
    locate(text, &mut lints.lints);
    Checked {
        file,
        story: Some(story),
        problems,
        lints: Some(lints),
    }
}
