//! From the tally to what the trainer sees, per story. Each play-through's replies are replayed
//! through the engine (`Session::choose`, then `Session::walk` for the emotions at each turn),
//! so a reply taken back and answered again ends where the learner's own conversation did, and
//! no rule of the story is worked out twice.

use crate::tally::{Answer, Counts, Play, StoryTally, Tally};
use rapport_engine::model::{Outcome, Rating};
use rapport_engine::review::best_path;
use rapport_engine::{ChoiceId, EmotionId, NodeId, ObjectiveId, Session, Story, StoryId};
use rustc_hash::FxHashMap;
use std::rc::Rc;

/// Replies followed on the authored best path before giving up (a story whose best replies
/// loop would otherwise never end).
const BEST_PATH_LIMIT: usize = 200;

/// The lower quartile, median and upper quartile of some values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// 25th percentile.
    pub low: f64,
    /// Median.
    pub median: f64,
    /// 75th percentile.
    pub high: f64,
}

impl Band {
    /// The band of `values` (linear interpolation between ranks, as numpy's default), or
    /// `None` when there are none.
    pub fn of(mut values: Vec<f64>) -> Option<Band> {
        if values.is_empty() {
            return None;
        }
        values.sort_by(f64::total_cmp);
        let at = |q: f64| {
            let pos = q * (values.len() - 1) as f64;
            let (i, frac) = (pos.floor() as usize, pos.fract());
            let next = values.get(i + 1).copied().unwrap_or(values[i]);
            values[i] + (next - values[i]) * frac
        };
        Some(Band {
            low: at(0.25),
            median: at(0.5),
            high: at(0.75),
        })
    }
}

/// The class's scores on one learning objective, over completed play-throughs that practised it.
#[derive(Clone, Debug, PartialEq)]
pub struct Objective {
    /// The objective.
    pub objective: ObjectiveId,
    /// Completed play-throughs with a score for it.
    pub scored: usize,
    /// Their spread, in percent.
    pub band: Option<Band>,
}

/// How many picked one reply.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplyCount {
    /// The reply.
    pub choice: ChoiceId,
    /// Its rating, as the story gives it.
    pub rating: Rating,
    /// Times it was picked (every reply counts, one taken back too: it was picked).
    pub picks: usize,
}

/// One decision point and what the class picked there.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// The node.
    pub node: NodeId,
    /// Replies made here in all.
    pub picks: usize,
    /// Every reply the story offers here, in its order.
    pub replies: Vec<ReplyCount>,
}

/// A decision where the class often picked a harmful (`bad`) reply.
#[derive(Clone, Debug, PartialEq)]
pub struct Hotspot {
    /// The node.
    pub node: NodeId,
    /// Harmful replies picked here.
    pub harmful: usize,
    /// Replies picked here in all.
    pub picks: usize,
    /// The harmful reply picked most.
    pub worst: ChoiceId,
}

/// The client's emotions at one turn across the class (turn 0: the start).
#[derive(Clone, Debug, PartialEq)]
pub struct Turn {
    /// Play-throughs that got this far.
    pub plays: usize,
    /// Per emotion of the story, in its order.
    pub bands: Vec<(EmotionId, Band)>,
}

/// One learner's results in one story.
#[derive(Clone, Debug, PartialEq)]
pub struct Learner {
    /// Who (name, else identifier).
    pub learner: String,
    /// Which story.
    pub story: StoryId,
    /// Play-throughs begun.
    pub plays: usize,
    /// Play-throughs completed.
    pub completions: usize,
    /// The best outcome reached.
    pub best: Option<Outcome>,
    /// The latest completion's overall score, in percent.
    pub last_score: Option<f64>,
    /// The latest completion's score per objective, in the story's order.
    pub last_scores: Vec<Option<f64>>,
}

/// Everything the report shows about one story.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryReport {
    /// The story.
    pub story: Rc<Story>,
    /// Distinct learners.
    pub learners: usize,
    /// Play-throughs (registrations).
    pub plays: usize,
    /// Play-throughs that reached an ending.
    pub completions: usize,
    /// Completions per outcome, best first (every outcome, zeros too).
    pub outcomes: Vec<(Outcome, usize)>,
    /// Per objective, in the story's order.
    pub objectives: Vec<Objective>,
    /// Decision points where anyone replied, in the story's order.
    pub decisions: Vec<Decision>,
    /// Decisions with harmful picks, most first.
    pub hotspots: Vec<Hotspot>,
    /// Where unfinished play-throughs stand, most first.
    pub stopped: Vec<(NodeId, usize)>,
    /// The class's emotions per turn.
    pub turns: Vec<Turn>,
    /// The emotions per turn along the authored best path.
    pub best: Vec<Vec<(EmotionId, i32)>>,
    /// Play-throughs that reached each node, by node id.
    pub visits: FxHashMap<NodeId, usize>,
    /// Play-throughs that went from one node to another (kept replies).
    pub edges: FxHashMap<(NodeId, NodeId), usize>,
    /// The earliest and latest statement time used (ms since the epoch).
    pub span: Option<(i64, i64)>,
}

/// The class report: every story with a play-through, and what was skipped.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// What happened to the statements read.
    pub counts: Counts,
    /// One per story that has play-throughs, in the order the stories were given.
    pub stories: Vec<StoryReport>,
    /// One row per learner and story, by learner then story.
    pub learners: Vec<Learner>,
}

/// Replays a play-through's replies, oldest first. A reply at a node the conversation is not
/// at was made after taking replies back: the conversation goes back to the last time it stood
/// there. A reply the story cannot take (another version) ends the replay.
fn replay(story: &Story, answers: &[Answer]) -> Session {
    let mut session = Session::new(story);
    for a in answers {
        let Some(node) = story.file.nodes.get(a.node as usize) else {
            break;
        };
        let Some(choice) = node.choices.get(a.choice as usize) else {
            break;
        };
        if session.node != node.id {
            let Some(back) = session.history.iter().rposition(|t| t.node == node.id) else {
                break;
            };
            let kept: Vec<ChoiceId> = session.history[..back]
                .iter()
                .map(|t| t.choice.clone())
                .collect();
            match Session::replay(story, &kept) {
                Ok(s) => session = s,
                Err(_) => break,
            }
        }
        if session.choose(story, &choice.id).is_err() {
            break;
        }
    }
    session
}

fn ranked<K: Ord + Clone>(counts: FxHashMap<K, usize>) -> Vec<(K, usize)> {
    let mut list: Vec<(K, usize)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}

fn story_report(t: &StoryTally) -> StoryReport {
    let story = &t.story;
    let file = &story.file;
    let mut plays: Vec<(&String, &Play)> = t.plays.iter().collect();
    plays.sort_by_key(|(reg, p)| (p.first, reg.as_str()));
    let mut picks: Vec<Vec<usize>> = file
        .nodes
        .iter()
        .map(|n| vec![0; n.choices.len()])
        .collect();
    let mut visits: FxHashMap<NodeId, usize> = FxHashMap::default();
    let mut edges: FxHashMap<(NodeId, NodeId), usize> = FxHashMap::default();
    let mut stopped: FxHashMap<NodeId, usize> = FxHashMap::default();
    let mut outcomes: FxHashMap<Outcome, usize> = FxHashMap::default();
    let mut scores: Vec<Vec<f64>> = vec![Vec::new(); file.objectives.len()];
    let mut values: Vec<Vec<Vec<f64>>> = Vec::new(); // turn → emotion → values
    let mut learners = rustc_hash::FxHashSet::default();
    let mut span: Option<(i64, i64)> = None;
    let mut answers = Vec::new();
    for (_, play) in &plays {
        learners.insert(play.learner);
        answers.clear();
        answers.extend_from_slice(&play.answers);
        answers.sort_by_key(|a| (a.at, a.stored, a.arrival));
        for a in &answers {
            if let Some(n) = picks
                .get_mut(a.node as usize)
                .and_then(|c| c.get_mut(a.choice as usize))
            {
                *n += 1;
            }
        }
        let last = answers
            .last()
            .map(|a| a.at)
            .into_iter()
            .chain(play.done.as_ref().map(|d| d.at))
            .max()
            .unwrap_or(play.first);
        span = Some(span.map_or((play.first, last), |(a, b)| {
            (a.min(play.first), b.max(last))
        }));
        let session = replay(story, &answers);
        let mut seen = rustc_hash::FxHashSet::default();
        for id in std::iter::once(&file.start).chain(session.history.iter().map(|t| &t.to)) {
            if seen.insert(id) {
                *visits.entry(id.clone()).or_default() += 1;
            }
        }
        let mut walked = rustc_hash::FxHashSet::default();
        for turn in &session.history {
            if walked.insert((&turn.node, &turn.to)) {
                *edges
                    .entry((turn.node.clone(), turn.to.clone()))
                    .or_default() += 1;
            }
        }
        for (turn, moment) in session.walk(story).iter().enumerate() {
            if values.len() <= turn {
                values.push(vec![Vec::new(); file.emotions.len()]);
            }
            for (k, e) in file.emotions.iter().enumerate() {
                let v = e.value_in(&moment.state.emotions);
                values[turn][k].push(f64::from(v));
            }
        }
        match &play.done {
            Some(done) => {
                *outcomes.entry(done.outcome).or_default() += 1;
                for (k, s) in done.scores.iter().enumerate() {
                    if let (Some(s), Some(list)) = (s, scores.get_mut(k)) {
                        list.push(*s);
                    }
                }
            }
            None if !session.is_over(story) => {
                *stopped.entry(session.node.clone()).or_default() += 1;
            }
            // Ended, but its `completed` statement is not among those read (the date range
            // cut it off): neither completed nor stopped.
            None => {}
        }
    }
    let decisions: Vec<Decision> = file
        .nodes
        .iter()
        .zip(&picks)
        .filter(|(_, p)| p.iter().sum::<usize>() > 0)
        .map(|(node, p)| Decision {
            node: node.id.clone(),
            picks: p.iter().sum(),
            replies: node
                .choices
                .iter()
                .zip(p)
                .map(|(c, &picks)| ReplyCount {
                    choice: c.id.clone(),
                    rating: c.feedback.rating,
                    picks,
                })
                .collect(),
        })
        .collect();
    let mut hotspots: Vec<Hotspot> = decisions
        .iter()
        .filter_map(|d| {
            let harmful: Vec<&ReplyCount> = d
                .replies
                .iter()
                .filter(|r| r.rating == Rating::Bad && r.picks > 0)
                .collect();
            let worst = harmful.iter().max_by_key(|r| r.picks)?;
            Some(Hotspot {
                node: d.node.clone(),
                harmful: harmful.iter().map(|r| r.picks).sum(),
                picks: d.picks,
                worst: worst.choice.clone(),
            })
        })
        .collect();
    // Most harmful picks first; at equal counts, the larger share of the decision's picks.
    hotspots.sort_by(|a, b| {
        b.harmful
            .cmp(&a.harmful)
            .then_with(|| (b.harmful * a.picks).cmp(&(a.harmful * b.picks)))
    });
    let best = best_path(story, BEST_PATH_LIMIT);
    StoryReport {
        learners: learners.len(),
        plays: plays.len(),
        completions: outcomes.values().sum(),
        outcomes: [Outcome::Success, Outcome::Partial, Outcome::Failure]
            .into_iter()
            .map(|o| (o, outcomes.get(&o).copied().unwrap_or(0)))
            .collect(),
        objectives: file
            .objectives
            .iter()
            .zip(scores)
            .map(|(o, list)| Objective {
                objective: o.id.clone(),
                scored: list.len(),
                band: Band::of(list),
            })
            .collect(),
        decisions,
        hotspots,
        stopped: ranked(stopped),
        turns: values
            .into_iter()
            .map(|per| Turn {
                plays: per.first().map_or(0, Vec::len),
                bands: file
                    .emotions
                    .iter()
                    .zip(per)
                    .filter_map(|(e, v)| Some((e.id.clone(), Band::of(v)?)))
                    .collect(),
            })
            .collect(),
        best: best
            .walk(story)
            .iter()
            .map(|m| {
                file.emotions
                    .iter()
                    .map(|e| {
                        let v = e.value_in(&m.state.emotions);
                        (e.id.clone(), v)
                    })
                    .collect()
            })
            .collect(),
        visits,
        edges,
        span,
        story: Rc::clone(story),
    }
}

fn learner_rows(tally: &Tally) -> Vec<Learner> {
    let mut rows: FxHashMap<(u32, usize), Learner> = FxHashMap::default();
    for (s, t) in tally.stories.iter().enumerate() {
        let mut plays: Vec<&Play> = t.plays.values().collect();
        plays.sort_by_key(|p| p.done.as_ref().map(|d| d.at));
        for play in plays {
            let row = rows.entry((play.learner, s)).or_insert_with(|| Learner {
                learner: tally.learners[play.learner as usize].clone(),
                story: t.story.id.clone(),
                plays: 0,
                completions: 0,
                best: None,
                last_score: None,
                last_scores: Vec::new(),
            });
            row.plays += 1;
            if let Some(done) = &play.done {
                row.completions += 1;
                row.best = row.best.max(Some(done.outcome));
                row.last_score = done.score;
                row.last_scores = done.scores.clone();
            }
        }
    }
    let mut rows: Vec<((u32, usize), Learner)> = rows.into_iter().collect();
    rows.sort_by(|a, b| {
        a.1.learner
            .cmp(&b.1.learner)
            .then(a.0 .0.cmp(&b.0 .0))
            .then(a.0 .1.cmp(&b.0 .1))
    });
    rows.into_iter().map(|(_, r)| r).collect()
}

impl Tally {
    /// The report on everything read so far (the tally goes on: read more, ask again).
    pub fn report(&self) -> Report {
        Report {
            counts: self.counts,
            stories: self
                .stories
                .iter()
                .filter(|t| !t.plays.is_empty())
                .map(story_report)
                .collect(),
            learners: learner_rows(self),
        }
    }
}
