//! The xAPI vocabulary Rapport's statements use: verbs, activity IRIs and result-extension
//! names. The app's statement builder writes with these and the class report reads with them,
//! so the two cannot drift apart: an IRI is spelled here and nowhere else.

/// xAPI verbs used.
pub mod verbs {
    /// The learner opened a story (a play-through began).
    pub const INITIALIZED: &str = "http://adlnet.gov/expapi/verbs/initialized";
    /// The learner picked a reply.
    pub const ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
    /// The conversation reached an ending.
    pub const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
    /// cmi5: the score met the LMS's mastery score.
    pub const PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
    /// cmi5: the score fell short of the LMS's mastery score.
    pub const FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
    /// cmi5: the last statement of a session.
    pub const TERMINATED: &str = "http://adlnet.gov/expapi/verbs/terminated";
    /// cmi5: how far through the learner is (a "cmi5 allowed" statement).
    pub const PROGRESSED: &str = "http://adlnet.gov/expapi/verbs/progressed";
}

/// Names of the result extensions, each under `{activity_base}ext/` (see [`ext`]).
pub mod ext {
    /// On `answered`: emotion id → change the reply caused (after clamping).
    pub const EMOTION_CHANGES: &str = "emotion-changes";
    /// On `answered`: the choice id picked.
    pub const CHOICE: &str = "choice";
    /// On `answered`: the reply's rating (`bad`, `weak`, `good`, `best`).
    pub const RATING: &str = "rating";
    /// On `answered`: the learning objective the reply practises.
    pub const PRINCIPLE: &str = "principle";
    /// On `answered`: the reply's English text.
    pub const REPLY: &str = "reply";
    /// On `answered`: the threshold rule the reply triggered.
    pub const RULE: &str = "rule";
    /// On `completed`: the ending's outcome (`success`, `partial`, `failure`).
    pub const OUTCOME: &str = "outcome";
    /// On `completed`: objective id → percentage (or null: not practised).
    pub const OBJECTIVE_SCORES: &str = "objective-scores";
    /// On `completed`: the ending node.
    pub const ENDING: &str = "ending";
}

/// The activity base a deployment gets when it names none.
pub const DEFAULT_BASE: &str = "https://rapport.training/xapi/";

/// A story's activity IRI; `base` ends in `/`.
pub fn story_iri(base: &str, story: &str) -> String {
    format!("{base}stories/{story}")
}

/// A decision point's activity IRI (the object of `answered`).
pub fn node_iri(base: &str, story: &str, node: &str) -> String {
    format!("{}/nodes/{node}", story_iri(base, story))
}

/// A result extension's IRI.
pub fn ext(base: &str, name: &str) -> String {
    format!("{base}ext/{name}")
}

/// What an activity IRI names: a story, or a decision point in one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Activity<'a> {
    /// The story id.
    pub story: &'a str,
    /// The node id, for a decision point.
    pub node: Option<&'a str>,
}

/// Reads an activity IRI written by [`story_iri`] or [`node_iri`] under `base`; `None` for
/// anything else (another base, another shape).
pub fn activity<'a>(base: &str, iri: &'a str) -> Option<Activity<'a>> {
    let rest = iri.strip_prefix(base)?.strip_prefix("stories/")?;
    let (story, node) = match rest.split_once("/nodes/") {
        Some((story, node)) => (story, Some(node)),
        None => (rest, None),
    };
    let fine = |s: &str| !s.is_empty() && !s.contains('/');
    (fine(story) && node.is_none_or(fine)).then_some(Activity { story, node })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_reads_what_the_builders_write() {
        let base = "https://x.example/xapi/";
        let story = story_iri(base, "mr-santino");
        assert_eq!(
            activity(base, &story),
            Some(Activity {
                story: "mr-santino",
                node: None
            })
        );
        assert_eq!(
            activity(base, &node_iri(base, "mr-santino", "case_open")),
            Some(Activity {
                story: "mr-santino",
                node: Some("case_open")
            })
        );
        assert_eq!(activity(base, "https://other.example/xapi/stories/a"), None);
        assert_eq!(activity(base, &format!("{base}stories/")), None);
        assert_eq!(activity(base, &format!("{base}stories/a/nodes/")), None);
    }
}
