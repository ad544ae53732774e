//! Seeded random play-throughs: coverage of nodes and choices, and how often each ending is reached.

use super::session::Session;
use super::story::Story;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A walk gives up after this many replies (a story that loops forever).
const MAX_STEPS: usize = 1_000;

/// SplitMix64: tiny, seedable, and the same on every platform.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// What N random walks saw.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Coverage {
    /// Walks played.
    pub walks: usize,
    /// Seed used.
    pub seed: u64,
    /// Share of nodes visited, 0.0–1.0.
    pub nodes: f64,
    /// Share of choices taken, 0.0–1.0.
    pub choices: f64,
    /// How many walks ended at each ending.
    pub endings: BTreeMap<String, usize>,
    /// Walks that got stuck or looped past the step limit.
    pub unfinished: usize,
}

/// Plays `walks` seeded random play-throughs, picking uniformly among available replies.
pub fn random_walks(story: &Story, walks: usize, seed: u64) -> Coverage {
    let mut rng = Rng::new(seed);
    let mut nodes = BTreeSet::new();
    let mut choices = BTreeSet::new();
    let mut cov = Coverage {
        walks,
        seed,
        ..Coverage::default()
    };
    for _ in 0..walks {
        let mut s = Session::new(story);
        let mut finished = false;
        for _ in 0..MAX_STEPS {
            nodes.insert(s.node.clone());
            let Ok(step) = s.step(story) else { break };
            if step.ending.is_some() {
                *cov.endings.entry(s.node.to_string()).or_default() += 1;
                finished = true;
                break;
            }
            let available: Vec<_> = step.offers.iter().filter(|o| o.available).collect();
            if available.is_empty() {
                break;
            }
            let pick = available[rng.below(available.len())].choice.id.clone();
            choices.insert((s.node.clone(), pick.clone()));
            if s.choose(story, &pick).is_err() {
                break;
            }
            s.history.clear();
        }
        if !finished {
            cov.unfinished += 1;
        }
    }
    let total_nodes = story.file.nodes.len().max(1);
    let total_choices = story.choices().count().max(1);
    cov.nodes = nodes.len() as f64 / total_nodes as f64;
    cov.choices = choices.len() as f64 / total_choices as f64;
    cov
}
