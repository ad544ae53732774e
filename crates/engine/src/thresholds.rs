//! Why a threshold rule fired, as data: which emotion crossed which line. Derived from the
//! rule's `when`, so stories need nothing new; the app words it per interface language, the text
//! transcript in a neutral notation (`Patience < 10`).

use super::ids::{EmotionId, FlagId, RuleId};
use super::model::Condition;
use super::session::Session;
use super::small::SortedSet;
use super::story::{holds, Emotions, Story};

/// Which side of its line an emotion ended on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The value fell below the threshold (`below`).
    Below,
    /// The value reached the threshold or more (`at_least`).
    AtLeast,
}

/// One emotion past one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crossing {
    /// The emotion.
    pub emotion: EmotionId,
    /// Which side of the line it is on.
    pub side: Side,
    /// The line, as written in the condition.
    pub threshold: i32,
}

impl Crossing {
    /// The crossing with a label, in a notation for any language: `Patience < 10`,
    /// `Anger ≥ 80`.
    pub fn neutral(&self, label: &str) -> String {
        let op = match self.side {
            Side::Below => "<",
            Side::AtLeast => "≥",
        };
        format!("{label} {op} {}", self.threshold)
    }
}

/// The emotion tests of `condition` that hold for these values: every `at_least` and `below` of
/// the condition itself, and of each `any` alternative that holds. Flag tests are left out: a
/// flag is a fact about the conversation, not a feeling crossing a line. Repeats are dropped.
pub fn crossings(
    condition: &Condition,
    emotions: &Emotions,
    flags: &SortedSet<FlagId>,
) -> Vec<Crossing> {
    let mut out = Vec::new();
    collect(condition, emotions, flags, &mut out);
    out
}

fn collect(
    condition: &Condition,
    emotions: &Emotions,
    flags: &SortedSet<FlagId>,
    out: &mut Vec<Crossing>,
) {
    let tests = [
        (Side::AtLeast, &condition.at_least),
        (Side::Below, &condition.below),
    ];
    for (side, tests) in tests {
        for (emotion, &threshold) in tests.iter() {
            let crossing = Crossing {
                emotion: emotion.clone(),
                side,
                threshold,
            };
            if !out.contains(&crossing) {
                out.push(crossing);
            }
        }
    }
    for alternative in &condition.any {
        if holds(alternative, emotions, flags) {
            collect(alternative, emotions, flags, out);
        }
    }
}

impl Crossing {
    /// Whether `emotions` are on this side of the line.
    pub fn holds(&self, emotions: &Emotions) -> bool {
        let value = emotions.get(&self.emotion).copied().unwrap_or(0);
        match self.side {
            Side::Below => value < self.threshold,
            Side::AtLeast => value >= self.threshold,
        }
    }
}

/// Why `rule` fired on a reply, from the states `before` and `after` it: the emotion tests that
/// hold after and did not before (the lines this reply crossed), or, when the reply crossed none
/// (a flag tipped the rule), every emotion test that holds. Empty for an unknown rule or a rule
/// on flags alone.
pub fn why_rule_fired(
    story: &Story,
    rule: &RuleId,
    before: &Session,
    after: &Session,
) -> Vec<Crossing> {
    let Some(rule) = story.file.rules.iter().find(|r| &r.id == rule) else {
        return Vec::new();
    };
    let all = crossings(&rule.when, &after.emotions, &after.flags);
    let crossed: Vec<Crossing> = all
        .iter()
        .filter(|c| !c.holds(&before.emotions))
        .cloned()
        .collect();
    if crossed.is_empty() {
        all
    } else {
        crossed
    }
}
