//! Assessment lints: does the story reward judgment, or can a learner score without reading?
//!
//! Five checks over the states [`analyse_graph`] explored, each reported as a warning with a
//! stable code and a help line, plus a [`LintSummary`] of the figures behind them. They are an
//! analysis for authors (storycheck, the upload check), never part of loading: a learner opening
//! a story does not pay for them, and a story with lints still plays.
//!
//! The definitions are the ones story writers were given; change them only together with
//! `docs/FORMAT.md`.

use super::analysis::{analyse_graph, StateGraph};
use super::diagnostic::{locate_all, Diagnostic};
use super::ids::NodeId;
use super::model::{Choice, Outcome, Rating, Text};
use super::session::Session;
use super::story::Story;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};
use std::fmt;

/// A length cue is flagged when, in more than this share (%) of graded decisions, a top-rated
/// reply is also the longest.
pub const LENGTH_CUE_MAX_PERCENT: usize = 40;
/// A deterministic walk stops after this many replies (a loop the state check missed).
pub const MAX_WALK_STEPS: usize = 1_000;
/// An emotion moved by fewer choices than this is not judged by the rating-only lint.
pub const RATING_ONLY_MIN_CHOICES: usize = 8;
/// An objective needs at least this many choices naming it as their principle.
pub const OBJECTIVE_MIN_CHOICES: usize = 3;

/// Which lint found something; the name is stable, for tools and for authors to search.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LintCode {
    /// The top-rated reply is usually the longest.
    LengthCue,
    /// A strategy that ignores what replies say reaches a success.
    NonReadingStrategy,
    /// An emotion moves by the reply's rating alone.
    RatingOnlyEmotion,
    /// An objective is barely practised, or not on the expert path.
    ObjectiveBalance,
    /// Only one route leads to a good ending.
    SingleSpine,
}

impl LintCode {
    /// The code as printed: `length-cue`, `non-reading-strategy`, ….
    pub fn as_str(self) -> &'static str {
        match self {
            LintCode::LengthCue => "length-cue",
            LintCode::NonReadingStrategy => "non-reading-strategy",
            LintCode::RatingOnlyEmotion => "rating-only-emotion",
            LintCode::ObjectiveBalance => "objective-balance",
            LintCode::SingleSpine => "single-spine",
        }
    }
}

impl fmt::Display for LintCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding: a located warning with its code, what it concerns, and what to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Lint {
    /// Which lint.
    pub code: LintCode,
    /// The node it concerns (an ending reached, say), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<NodeId>,
    /// The locale it concerns, for lints that count words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// What the author can do about it.
    pub help: String,
    /// The warning: message and location.
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
}

/// The lints of one story and the figures behind them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Lints {
    /// What was found, in the order of the definitions.
    pub lints: Vec<Lint>,
    /// The figures, flagged or not.
    pub summary: LintSummary,
}

/// The figures every lint computed, for a report on a story whether or not it was flagged.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LintSummary {
    /// True when the exploration stopped at its bound: figures over states are partial.
    pub partial: bool,
    /// Per locale: how often the top-rated reply is the longest.
    pub length_cue: Vec<LengthCue>,
    /// Where each non-reading strategy ends.
    pub strategies: Vec<StrategyRun>,
    /// Where always picking the top-rated reply ends.
    pub expert: Option<WalkEnd>,
    /// The two most different routes to good endings that were found.
    pub spine: Option<Spine>,
}

/// The length cue in one locale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LengthCue {
    /// The locale.
    pub locale: String,
    /// Distinct graded decisions: (node, available replies) with 2+ replies of differing ratings.
    pub decisions: usize,
    /// Those where a top-rated reply is also the longest in words.
    pub top_is_longest: usize,
    /// `top_is_longest` as a rounded percentage of `decisions`, when there are any.
    pub percent: Option<usize>,
    /// Whether the share is over [`LENGTH_CUE_MAX_PERCENT`] (compared exactly, not rounded).
    pub flagged: bool,
}

impl LengthCue {
    fn new(locale: &str, decisions: usize, top_is_longest: usize) -> Self {
        Self {
            locale: locale.to_string(),
            decisions,
            top_is_longest,
            percent: (decisions > 0).then(|| (top_is_longest * 100 + decisions / 2) / decisions),
            flagged: top_is_longest * 100 > LENGTH_CUE_MAX_PERCENT * decisions,
        }
    }
}

/// A way of picking replies without reading them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// The available reply with the most words (first in file order on a tie).
    Longest,
    /// The available reply with the fewest words (first in file order on a tie).
    Shortest,
    /// The first available reply.
    First,
    /// The last available reply.
    Last,
}

impl Strategy {
    /// Every strategy, in report order.
    pub const ALL: [Strategy; 4] = [
        Strategy::Longest,
        Strategy::Shortest,
        Strategy::First,
        Strategy::Last,
    ];

    /// How it reads in a report.
    pub fn describe(self) -> &'static str {
        match self {
            Strategy::Longest => "always the longest reply",
            Strategy::Shortest => "always the shortest reply",
            Strategy::First => "always the first reply",
            Strategy::Last => "always the last reply",
        }
    }

    /// Whether the pick depends on the locale (word counts do; positions do not).
    pub fn counts_words(self) -> bool {
        matches!(self, Strategy::Longest | Strategy::Shortest)
    }
}

/// One strategy's walk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StrategyRun {
    /// The strategy.
    pub strategy: Strategy,
    /// The locale whose word counts it used (none for first and last).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Where it stopped.
    pub end: WalkEnd,
}

/// Where a deterministic walk stopped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WalkEnd {
    /// The node it stopped at.
    pub node: NodeId,
    /// The ending's outcome, when it reached one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Why it stopped when not at an ending: `stuck` (no reply available) or `loop`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stopped: Option<&'static str>,
    /// Replies made.
    pub replies: usize,
}

impl fmt::Display for WalkEnd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.outcome, self.stopped) {
            (Some(o), _) => write!(f, "ending `{}` ({})", self.node, o.as_str()),
            (None, Some(why)) => write!(f, "{why} at `{}`", self.node),
            (None, None) => write!(f, "`{}`", self.node),
        }?;
        let s = if self.replies == 1 { "y" } else { "ies" };
        write!(f, " after {} repl{s}", self.replies)
    }
}

/// The routes the single-spine lint compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Spine {
    /// Decision nodes of the reference route (the expert path when it ends well).
    pub a: Vec<NodeId>,
    /// Where it ends.
    pub a_ending: NodeId,
    /// Decision nodes of the route to a good ending found sharing the fewest of them.
    pub b: Vec<NodeId>,
    /// Where it ends.
    pub b_ending: NodeId,
    /// Decision nodes the two share.
    pub shared: usize,
}

impl Spine {
    /// Whether the two routes count as distinct: they share at most half of the shorter one.
    pub fn distinct(&self) -> bool {
        self.shared * 2 <= self.a.len().min(self.b.len())
    }
}

/// Runs the lints on a story, exploring at most `max_states` states.
pub fn lint_story(story: &Story, max_states: usize) -> Lints {
    lint(story, &analyse_graph(story, max_states).1)
}

/// Runs the lints on a story whose states are already explored.
pub fn lint(story: &Story, graph: &StateGraph) -> Lints {
    let mut l = Linter {
        story,
        graph,
        out: Lints::default(),
    };
    l.out.summary.partial = graph.truncated;
    l.length_cue();
    l.non_reading();
    l.rating_only();
    let expert = walk(story, |offers, _| top_rated(offers));
    l.out.summary.expert = Some(expert.end.clone());
    l.objectives(&expert);
    l.spine(&expert);
    l.out
}

/// Fills in line and column of each lint from the story's source text.
pub fn locate(source: &str, lints: &mut [Lint]) {
    let mut diagnostics: Vec<Diagnostic> = lints.iter().map(|l| l.diagnostic.clone()).collect();
    locate_all(source, &mut diagnostics);
    for (lint, located) in lints.iter_mut().zip(diagnostics) {
        lint.diagnostic = located;
    }
}

struct Linter<'a> {
    story: &'a Story,
    graph: &'a StateGraph,
    out: Lints,
}

/// A walk's replies and where it stopped.
struct Walk<'a> {
    /// Node ids where a reply was made, in order (repeats kept).
    nodes: Vec<NodeId>,
    /// The replies made.
    replies: Vec<&'a Choice>,
    end: WalkEnd,
}

/// Plays from the start, taking at each node the available reply `pick` chooses among the
/// available ones (in file order), until an ending, no reply, a repeated state or
/// [`MAX_WALK_STEPS`].
fn walk<'s>(story: &'s Story, pick: impl Fn(&[&'s Choice], usize) -> usize) -> Walk<'s> {
    let mut session = Session::new(story);
    let mut seen: HashSet<Session> = HashSet::new();
    let mut nodes = Vec::new();
    let mut replies = Vec::new();
    let stop = |session: &Session, outcome, stopped, replies: usize| WalkEnd {
        node: session.node.clone(),
        outcome,
        stopped,
        replies,
    };
    let end = loop {
        let Ok(step) = session.step(story) else {
            break stop(&session, None, Some("stuck"), replies.len());
        };
        if let Some(ending) = step.ending {
            break stop(&session, Some(ending.outcome), None, replies.len());
        }
        let offers: Vec<&Choice> = step
            .offers
            .iter()
            .filter(|o| o.available)
            .map(|o| o.choice)
            .collect();
        if offers.is_empty() {
            break stop(&session, None, Some("stuck"), replies.len());
        }
        // The state without its history: the same state again means the walk goes round.
        let mut state = session.clone();
        state.history.clear();
        if replies.len() >= MAX_WALK_STEPS || !seen.insert(state) {
            break stop(&session, None, Some("loop"), replies.len());
        }
        let choice = offers[pick(&offers, replies.len()).min(offers.len() - 1)];
        nodes.push(session.node.clone());
        replies.push(choice);
        if session.choose(story, &choice.id).is_err() {
            break stop(&session, None, Some("stuck"), replies.len());
        }
    };
    Walk {
        nodes,
        replies,
        end,
    }
}

/// The first of the top-rated offers.
fn top_rated(offers: &[&Choice]) -> usize {
    first_best(offers, |c| c.feedback.rating as i64)
}

/// The first offer with the highest `key` (so file order breaks ties).
fn first_best(offers: &[&Choice], key: impl Fn(&Choice) -> i64) -> usize {
    let mut best = 0;
    for (i, c) in offers.iter().enumerate().skip(1) {
        if key(c) > key(offers[best]) {
            best = i;
        }
    }
    best
}

/// Words in a text in one locale.
fn words(text: &Text, locale: &str, fallback: &str) -> usize {
    text.get(locale, fallback).split_whitespace().count()
}

impl Linter<'_> {
    fn warn(
        &mut self,
        code: LintCode,
        pointer: String,
        node: Option<NodeId>,
        locale: Option<&str>,
        message: String,
        help: String,
    ) {
        self.out.lints.push(Lint {
            code,
            node,
            locale: locale.map(str::to_string),
            help,
            diagnostic: Diagnostic::warning(pointer, message),
        });
    }

    fn node_pointer(&self, id: &NodeId) -> String {
        let i = self.story.file.nodes.iter().position(|n| &n.id == id);
        i.map_or("/nodes".into(), |i| format!("/nodes/{i}"))
    }

    /// Length cue (lint 1): per locale, the share of distinct graded decisions where a top-rated
    /// available reply is also the longest (ties for longest count).
    fn length_cue(&mut self) {
        let story = self.story;
        let f = &story.file;
        let fallback = story.fallback_locale();
        // Each distinct (node, available replies) once, however many states reach it.
        let mut decisions: BTreeSet<(usize, Vec<usize>)> = BTreeSet::new();
        let node_index = f.node_index();
        for state in &self.graph.states {
            let Ok(step) = state.step(story) else {
                continue;
            };
            let available: Vec<usize> = step
                .offers
                .iter()
                .filter(|o| o.available)
                .filter_map(|o| {
                    step.node
                        .choices
                        .iter()
                        .position(|c| std::ptr::eq(c, o.choice))
                })
                .collect();
            let ratings: BTreeSet<Rating> = available
                .iter()
                .map(|&c| step.node.choices[c].feedback.rating)
                .collect();
            if available.len() < 2 || ratings.len() < 2 {
                continue;
            }
            if let Some(&n) = node_index.get(step.node.id.as_str()) {
                decisions.insert((n, available));
            }
        }
        for (k, locale) in f.locales.iter().enumerate() {
            let mut top_is_longest = 0;
            for (n, available) in &decisions {
                let choices: Vec<&Choice> =
                    available.iter().map(|&c| &f.nodes[*n].choices[c]).collect();
                let top = choices.iter().map(|c| c.feedback.rating).max();
                let longest = choices
                    .iter()
                    .map(|c| words(&c.text, locale, fallback))
                    .max();
                if choices.iter().any(|c| {
                    Some(c.feedback.rating) == top
                        && Some(words(&c.text, locale, fallback)) == longest
                }) {
                    top_is_longest += 1;
                }
            }
            let cue = LengthCue::new(locale, decisions.len(), top_is_longest);
            if cue.flagged {
                self.warn(
                    LintCode::LengthCue,
                    format!("/locales/{k}"),
                    None,
                    Some(locale),
                    format!(
                        "in `{locale}`, a top-rated reply is also the longest in {} of {} graded decisions ({}%, over {LENGTH_CUE_MAX_PERCENT}%): length gives the answer away",
                        cue.top_is_longest,
                        cue.decisions,
                        cue.percent.unwrap_or(0)
                    ),
                    "make some top-rated replies short and plain, and give weaker replies the \
                     length of over-explaining, hedging or deflecting; a decision counts where \
                     2+ available replies differ in rating"
                        .into(),
                );
            }
            self.out.summary.length_cue.push(cue);
        }
    }

    /// Non-reading strategies (lint 2): always the longest, shortest, first or last available reply.
    fn non_reading(&mut self) {
        let story = self.story;
        let fallback = story.fallback_locale();
        for strategy in Strategy::ALL {
            let locales: Vec<Option<&str>> = if strategy.counts_words() {
                story
                    .file
                    .locales
                    .iter()
                    .map(|l| Some(l.as_str()))
                    .collect()
            } else {
                vec![None]
            };
            for locale in locales {
                let length = |c: &Choice| words(&c.text, locale.unwrap_or(fallback), fallback);
                let w = walk(story, |offers, _| match strategy {
                    Strategy::Longest => first_best(offers, |c| length(c) as i64),
                    Strategy::Shortest => first_best(offers, |c| -(length(c) as i64)),
                    Strategy::First => 0,
                    Strategy::Last => offers.len() - 1,
                });
                if w.end.outcome == Some(Outcome::Success) {
                    let in_locale = locale.map_or(String::new(), |l| format!(" (in `{l}`)"));
                    self.warn(
                        LintCode::NonReadingStrategy,
                        self.node_pointer(&w.end.node),
                        Some(w.end.node.clone()),
                        locale,
                        format!(
                            "picking {}{in_locale} without reading reaches the success ending `{}`",
                            strategy.describe(),
                            w.end.node,
                        ),
                        "a learner who ignores what the replies say should not succeed: on this \
                         walk, make a tempting reply (long, short, first or last) a poor one \
                         somewhere, or move the best reply to another position"
                            .into(),
                    );
                }
                self.out.summary.strategies.push(StrategyRun {
                    strategy,
                    locale: locale.map(str::to_string),
                    end: w.end,
                });
            }
        }
    }

    /// Rating-only emotion (lint 3): 8+ choices move it, and within each rating always by one value.
    fn rating_only(&mut self) {
        let f = &self.story.file;
        for (k, emotion) in f.emotions.iter().enumerate() {
            let mut by_rating: BTreeMap<Rating, BTreeSet<i32>> = BTreeMap::new();
            let mut moving = 0;
            for (_, choice) in self.story.choices() {
                let delta = choice.effects.get(&emotion.id).copied().unwrap_or(0);
                if delta != 0 {
                    moving += 1;
                    by_rating
                        .entry(choice.feedback.rating)
                        .or_default()
                        .insert(delta);
                }
            }
            if moving < RATING_ONLY_MIN_CHOICES || by_rating.values().any(|d| d.len() != 1) {
                continue;
            }
            let rule: Vec<String> = by_rating
                .iter()
                .rev()
                .map(|(r, d)| format!("{} {:+}", r.as_str(), d.first().copied().unwrap_or(0)))
                .collect();
            self.warn(
                LintCode::RatingOnlyEmotion,
                format!("/emotions/{k}"),
                None,
                None,
                format!(
                    "`{}` moves by rating alone: each of the {moving} choices that move it changes it by its rating's one value ({})",
                    emotion.id,
                    rule.join(", ")
                ),
                "the meter then shows the rating, and the client reacts to scores, not words: \
                 let this emotion follow what each reply does (a blunt but honest reply may cost \
                 comfort yet earn trust)"
                    .into(),
            );
        }
    }

    /// Objective balance (lint 4): fewer than 3 choices name it, or the expert path never does.
    fn objectives(&mut self, expert: &Walk) {
        let f = &self.story.file;
        for (k, objective) in f.objectives.iter().enumerate() {
            let count = self
                .story
                .choices()
                .filter(|(_, c)| c.feedback.principle == objective.id)
                .count();
            if count < OBJECTIVE_MIN_CHOICES {
                self.warn(
                    LintCode::ObjectiveBalance,
                    format!("/objectives/{k}"),
                    None,
                    None,
                    format!(
                        "objective `{}` is the principle of only {count} choice{}: its score rests on too few replies",
                        objective.id,
                        if count == 1 { "" } else { "s" }
                    ),
                    format!(
                        "name it as the principle of at least {OBJECTIVE_MIN_CHOICES} choices, \
                         or merge it into another objective"
                    ),
                );
            }
            if !expert
                .replies
                .iter()
                .any(|c| c.feedback.principle == objective.id)
            {
                self.warn(
                    LintCode::ObjectiveBalance,
                    format!("/objectives/{k}"),
                    None,
                    None,
                    format!(
                        "no reply on the expert path (always the top-rated reply, {}) practises objective `{}`",
                        expert.end,
                        objective.id
                    ),
                    "an expert play should show every objective: make a reply on that path \
                     name it as its principle, or put a decision on it along the way"
                        .into(),
                );
            }
        }
    }

    /// Single spine (lint 5): two routes to non-failure endings sharing at most half their decision
    /// nodes. A is the expert path when it ends well (else the shortest good route); B is the
    /// good route found sharing the fewest decision nodes with A (0-1 BFS, cost 1 per state at
    /// a node of A).
    fn spine(&mut self, expert: &Walk) {
        let story = self.story;
        let f = &story.file;
        let g = self.graph;
        let node_index = f.node_index();
        let node_of: Vec<Option<usize>> = g
            .states
            .iter()
            .map(|s| node_index.get(s.node.as_str()).copied())
            .collect();
        let outcome_of =
            |s: usize| node_of[s].and_then(|n| f.nodes[n].ending.as_deref().map(|e| e.outcome));
        let good = |s: usize| outcome_of(s).is_some_and(|o| o > Outcome::Failure);
        // Cheapest route from the start to a good ending, paying `cost` per state entered.
        let route = |cost: &dyn Fn(usize) -> usize| -> Option<(Vec<usize>, usize)> {
            let n = g.states.len();
            if n == 0 {
                return None;
            }
            let mut dist = vec![usize::MAX; n];
            let mut parent = vec![usize::MAX; n];
            let mut queue = VecDeque::new();
            dist[0] = cost(0);
            queue.push_back(0);
            while let Some(s) = queue.pop_front() {
                if outcome_of(s).is_some() {
                    continue; // an ending: no replies from here
                }
                for e in &g.edges[s] {
                    let d = dist[s] + cost(e.to);
                    if d < dist[e.to] {
                        dist[e.to] = d;
                        parent[e.to] = s;
                        if cost(e.to) == 0 {
                            queue.push_front(e.to);
                        } else {
                            queue.push_back(e.to);
                        }
                    }
                }
            }
            let end = (0..n)
                .filter(|&s| good(s) && dist[s] != usize::MAX)
                .min_by_key(|&s| dist[s])?;
            let mut path = vec![end];
            while let Some(&p) = path.last().map(|&s| &parent[s]) {
                if p == usize::MAX {
                    break;
                }
                path.push(p);
            }
            path.reverse();
            Some((path, end))
        };
        // Decision nodes of a route of states: the distinct non-ending node ids.
        let decision_nodes = |path: &[usize]| -> Vec<NodeId> {
            let mut seen = BTreeSet::new();
            path.iter()
                .filter(|&&s| outcome_of(s).is_none())
                .filter_map(|&s| {
                    let id = &g.states[s].node;
                    seen.insert(id.clone()).then(|| id.clone())
                })
                .collect()
        };
        let (a, a_ending) = if expert.end.outcome.is_some_and(|o| o > Outcome::Failure) {
            let mut seen = BTreeSet::new();
            let a: Vec<NodeId> = expert
                .nodes
                .iter()
                .filter(|id| seen.insert((*id).clone()))
                .cloned()
                .collect();
            (a, expert.end.node.clone())
        } else if let Some((path, end)) = route(&|_| 1) {
            (decision_nodes(&path), g.states[end].node.clone())
        } else {
            self.warn(
                LintCode::SingleSpine,
                "/start".into(),
                None,
                None,
                "no route reaches a success or partial ending".into(),
                "give the learner at least two distinct ways to a good ending".into(),
            );
            return;
        };
        let in_a: HashSet<&NodeId> = a.iter().collect();
        let cost =
            |s: usize| usize::from(outcome_of(s).is_none() && in_a.contains(&g.states[s].node));
        let Some((path, end)) = route(&cost) else {
            return;
        };
        let b = decision_nodes(&path);
        let shared = b.iter().filter(|id| in_a.contains(id)).count();
        let spine = Spine {
            a,
            a_ending,
            b,
            b_ending: g.states[end].node.clone(),
            shared,
        };
        if !spine.distinct() {
            let which = if expert.end.outcome.is_some_and(|o| o > Outcome::Failure) {
                "the expert path"
            } else {
                "the shortest good route"
            };
            self.warn(
                LintCode::SingleSpine,
                "/start".into(),
                None,
                None,
                format!(
                    "one spine: every route to a success or partial ending shares more than half its decision nodes with {which} ({} decision nodes, to `{}`); the most different one found (to `{}`) shares {} of its {}",
                    spine.a.len(),
                    spine.a_ending,
                    spine.b_ending,
                    spine.shared,
                    spine.b.len()
                ),
                format!(
                    "two routes are distinct when they share at most half of the shorter one's \
                     decision nodes; {which} runs {}; add a sound route to a good ending that \
                     leaves it early and rejoins late, so judgment is rewarded more than one way",
                    spine
                        .a
                        .iter()
                        .map(|id| id.as_str())
                        .collect::<Vec<_>>()
                        .join(" → ")
                ),
            );
        }
        self.out.summary.spine = Some(spine);
    }
}

impl fmt::Display for LintSummary {
    /// A few indented lines: the length cue per locale, where each strategy ends, the expert
    /// path and the spine.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cues: Vec<String> = self
            .length_cue
            .iter()
            .map(|c| match c.percent {
                Some(p) => format!("{} {p}% ({}/{})", c.locale, c.top_is_longest, c.decisions),
                None => format!("{} n/a (no graded decisions)", c.locale),
            })
            .collect();
        writeln!(
            f,
            "  length cue (top-rated reply is the longest; flagged over {LENGTH_CUE_MAX_PERCENT}%): {}{}",
            cues.join(", "),
            if self.partial { " [partial exploration]" } else { "" }
        )?;
        for run in &self.strategies {
            let locale = run
                .locale
                .as_deref()
                .map_or(String::new(), |l| format!(" ({l})"));
            writeln!(f, "  {}{locale}: {}", run.strategy.describe(), run.end)?;
        }
        if let Some(expert) = &self.expert {
            writeln!(f, "  expert path (always the top-rated reply): {expert}")?;
        }
        if let Some(s) = &self.spine {
            writeln!(
                f,
                "  routes to good endings: A to `{}` ({} decision nodes), most different B to `{}` ({} nodes, {} shared): {}",
                s.a_ending,
                s.a.len(),
                s.b_ending,
                s.b.len(),
                s.shared,
                if s.distinct() { "distinct" } else { "one spine" }
            )?;
        }
        Ok(())
    }
}
