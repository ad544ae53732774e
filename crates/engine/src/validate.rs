//! Semantic checks on a structurally valid story: references, duplicates, translations, ranges,
//! reachability. Every problem is collected with its JSON pointer.

use super::diagnostic::{child, Diagnostic};
use super::model::{
    Condition, EndingDebrief, StoryFile, Text, CLIENT, FORMAT_VERSION, NARRATOR, YOU,
};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::VecDeque;
use std::fmt::Display;
use std::hash::Hash;

/// Checks a story; returns (errors, warnings).
pub fn validate(file: &StoryFile) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let mut v = Validator {
        file,
        nodes: file.node_index(),
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    v.run();
    (v.errors, v.warnings)
}

struct Validator<'a> {
    file: &'a StoryFile,
    /// Node positions by id, built once for every reference check and for reachability.
    nodes: HashMap<&'a str, usize>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Validator<'_> {
    fn error(&mut self, pointer: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Diagnostic::error(pointer, message));
    }

    fn warn(&mut self, pointer: impl Into<String>, message: impl Into<String>) {
        self.warnings.push(Diagnostic::warning(pointer, message));
    }

    fn run(&mut self) {
        let f = self.file;
        if f.format != FORMAT_VERSION {
            self.error(
                "/format",
                format!(
                    "unsupported format {}: this engine reads format {FORMAT_VERSION}",
                    f.format
                ),
            );
        }
        self.locales();
        self.text(|| "/title".into(), &f.title);
        self.text(|| "/summary".into(), &f.summary);
        if f.minutes == 0 {
            self.error("/minutes", "minutes must be at least 1");
        }
        if f.objectives.is_empty() {
            self.error(
                "/objectives",
                "a story needs at least one learning objective",
            );
        }
        self.text(|| "/persona/addressed_as".into(), &f.persona.addressed_as);
        self.text(|| "/persona/role".into(), &f.persona.role);
        if f.persona.look.skin > 5 {
            self.error("/persona/look/skin", "skin tone runs from 1 to 5");
        }

        self.unique(
            || "/objectives".into(),
            f.objectives.iter().map(|o| &o.id),
            "objective",
        );
        self.unique(
            || "/emotions".into(),
            f.emotions.iter().map(|e| &e.id),
            "emotion",
        );
        self.unique(|| "/moods".into(), f.moods.iter().map(|m| &m.id), "mood");
        self.unique(|| "/flags".into(), f.flags.iter(), "flag");
        self.unique(|| "/rules".into(), f.rules.iter().map(|r| &r.id), "rule");
        self.unique(
            || "/cast".into(),
            f.cast.iter().map(|c| &c.id),
            "cast member",
        );
        self.unique(|| "/nodes".into(), f.nodes.iter().map(|n| &n.id), "node");

        for (i, o) in f.objectives.iter().enumerate() {
            self.text(|| format!("/objectives/{i}/title"), &o.title);
        }
        for (i, c) in f.cast.iter().enumerate() {
            let p = format!("/cast/{i}");
            if [CLIENT, YOU, NARRATOR].contains(&c.id.as_str()) {
                self.error(
                    child(&p, "id"),
                    format!("`{}` is a reserved speaker id", c.id),
                );
            }
            self.text(|| child(&p, "name"), &c.name);
        }
        self.emotions();
        self.moods();
        for (i, r) in f.rules.iter().enumerate() {
            let p = format!("/rules/{i}");
            self.condition(&child(&p, "when"), &r.when);
            if !self.has_node(r.goto.as_str()) {
                self.error(
                    child(&p, "goto"),
                    format!("rule goes to node `{}`, which does not exist", r.goto),
                );
            }
        }
        if !self.has_node(f.start.as_str()) {
            self.error("/start", format!("start node `{}` does not exist", f.start));
        }
        self.nodes();
        // Without a start every node is "unreachable": one error says it better than N warnings.
        if self.has_node(f.start.as_str()) {
            self.reachability();
        }
        self.flags_used();
    }

    fn locales(&mut self) {
        let f = self.file;
        if f.locales.is_empty() {
            self.error(
                "/locales",
                "declare at least one locale, e.g. [\"en\", \"es\", \"pt\"]",
            );
        }
        for (i, l) in f.locales.iter().enumerate() {
            let ok = (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase());
            if !ok {
                self.error(
                    format!("/locales/{i}"),
                    format!("`{l}` is not a language code like `en`"),
                );
            }
        }
        self.unique(|| "/locales".into(), f.locales.iter(), "locale");
    }

    /// Every declared locale present and non-empty; no undeclared ones. The pointer is built
    /// only for a problem: a large story has tens of thousands of texts.
    fn text(&mut self, pointer: impl Fn() -> String, text: &Text) {
        for locale in &self.file.locales {
            match text.exact(locale) {
                None => self.error(pointer(), format!("missing translation: `{locale}`")),
                Some(s) if s.trim().is_empty() => self.error(
                    child(&pointer(), locale),
                    format!("empty translation: `{locale}`"),
                ),
                Some(_) => {}
            }
        }
        for locale in text.locales() {
            if !self.file.locales.iter().any(|l| l == locale) {
                self.error(
                    child(&pointer(), locale),
                    format!("locale `{locale}` is not declared in `locales`"),
                );
            }
        }
    }

    fn unique<'i, T: Display + Eq + Hash + 'i>(
        &mut self,
        base: impl Fn() -> String,
        ids: impl Iterator<Item = &'i T>,
        what: &str,
    ) {
        let mut seen: HashMap<&T, usize> = HashMap::default();
        for (i, id) in ids.enumerate() {
            if let Some(&first) = seen.get(id) {
                self.duplicate(&base(), i, first, what, id);
            } else {
                seen.insert(id, i);
            }
        }
    }

    /// Reports item `i` under `base` as repeating the id of item `first`.
    fn duplicate(&mut self, base: &str, i: usize, first: usize, what: &str, id: &dyn Display) {
        self.error(
            format!("{base}/{i}"),
            format!("duplicate {what} id `{id}` (first at {base}/{first})"),
        );
    }

    fn emotions(&mut self) {
        if self.file.emotions.is_empty() {
            self.error("/emotions", "a story needs at least one emotion dimension");
        }
        for (i, e) in self.file.emotions.iter().enumerate() {
            let p = format!("/emotions/{i}");
            self.text(|| child(&p, "label"), &e.label);
            if e.min >= e.max {
                self.error(
                    child(&p, "max"),
                    format!("max ({}) must be above min ({})", e.max, e.min),
                );
            } else if !(e.min..=e.max).contains(&e.start) {
                self.error(
                    child(&p, "start"),
                    format!("start {} is outside {}..={}", e.start, e.min, e.max),
                );
            }
        }
    }

    fn moods(&mut self) {
        let moods = &self.file.moods;
        let default = moods.iter().position(|m| m.when.is_none());
        match default {
            None => self.error(
                "/moods",
                "no default mood: the last mood must have no `when`, so the client always has one",
            ),
            Some(d) if d + 1 < moods.len() => self.warn(
                format!("/moods/{}", d + 1),
                "this mood can never apply: an earlier mood has no `when` and always wins",
            ),
            Some(_) => {}
        }
        for (i, m) in moods.iter().enumerate() {
            let p = format!("/moods/{i}");
            self.text(|| child(&p, "label"), &m.label);
            if let Some(c) = &m.when {
                self.condition(&child(&p, "when"), c);
            }
        }
    }

    fn has_node(&self, id: &str) -> bool {
        self.nodes.contains_key(id)
    }

    fn nodes(&mut self) {
        let f = self.file;
        let objectives: HashSet<&str> = f.objectives.iter().map(|o| o.id.as_str()).collect();
        let speakers: HashSet<&str> = [CLIENT, YOU, NARRATOR]
            .into_iter()
            .chain(f.cast.iter().map(|c| c.id.as_str()))
            .collect();
        if !f.nodes.iter().any(|n| n.ending.is_some()) {
            self.error("/nodes", "the story has no ending node");
        }
        for (i, node) in f.nodes.iter().enumerate() {
            // Pointers are closures: built only when there is something to report.
            let p = || format!("/nodes/{i}");
            for (j, line) in node.lines.iter().enumerate() {
                let lp = || format!("/nodes/{i}/lines/{j}");
                if !speakers.contains(line.speaker.as_str()) {
                    self.error(
                        child(&lp(), "speaker"),
                        format!(
                            "unknown speaker `{}`: use client, you, narrator or a cast id",
                            line.speaker
                        ),
                    );
                }
                self.text(|| child(&lp(), "text"), &line.text);
                if let Some(c) = &line.when {
                    self.condition(&child(&lp(), "when"), c);
                }
            }
            match (&node.ending, node.choices.is_empty()) {
                (Some(_), false) => self.error(
                    p(),
                    format!("node `{}` has both choices and an ending", node.id),
                ),
                (None, true) => self.error(
                    p(),
                    format!(
                        "node `{}` has neither choices nor an ending: the learner would be stuck",
                        node.id
                    ),
                ),
                _ => {}
            }
            if let Some(e) = &node.ending {
                self.text(|| format!("/nodes/{i}/ending/title"), &e.title);
                self.debrief(i, &e.debrief);
            }
            for (j, choice) in node.choices.iter().enumerate() {
                let cp = || format!("/nodes/{i}/choices/{j}");
                // Compared pairwise: a map for the few choices of each of thousands of nodes
                // cost more than the comparisons.
                if let Some(first) = node.choices[..j].iter().position(|c| c.id == choice.id) {
                    let base = format!("/nodes/{i}/choices");
                    self.duplicate(&base, j, first, "choice", &choice.id);
                }
                self.text(|| child(&cp(), "text"), &choice.text);
                if !self.has_node(choice.next.as_str()) {
                    self.error(
                        child(&cp(), "next"),
                        format!(
                            "choice leads to node `{}`, which does not exist",
                            choice.next
                        ),
                    );
                }
                for emotion in choice.effects.keys() {
                    self.emotion_ref(|| format!("{}/effects", cp()), emotion.as_str());
                }
                for (key, flags) in [("set", &choice.set), ("unset", &choice.unset)] {
                    for (k, flag) in flags.iter().enumerate() {
                        self.flag_ref(|| format!("{}/{key}/{k}", cp()), flag.as_str());
                    }
                }
                if let Some(c) = &choice.when {
                    self.condition(&child(&cp(), "when"), c);
                }
                let fp = || format!("{}/feedback", cp());
                if !objectives.contains(choice.feedback.principle.as_str()) {
                    self.error(
                        child(&fp(), "principle"),
                        format!(
                            "principle `{}` is not one of the story's objectives",
                            choice.feedback.principle
                        ),
                    );
                }
                self.text(|| child(&fp(), "text"), &choice.feedback.text);
            }
        }
    }

    /// A debrief's text, or each part's text and condition.
    fn debrief(&mut self, node: usize, debrief: &EndingDebrief) {
        let p = format!("/nodes/{node}/ending/debrief");
        match debrief {
            EndingDebrief::Text(text) => self.text(|| p.clone(), text),
            EndingDebrief::Parts(parts) if parts.is_empty() => self.error(
                p,
                "a debrief list needs at least one part (or write one text)",
            ),
            EndingDebrief::Parts(parts) => {
                for (k, part) in parts.iter().enumerate() {
                    self.text(|| format!("{p}/{k}/text"), &part.text);
                    if let Some(c) = &part.when {
                        self.condition(&format!("{p}/{k}/when"), c);
                    }
                }
            }
        }
    }

    fn emotion_ref(&mut self, base: impl Fn() -> String, id: &str) {
        if !self.file.emotions.iter().any(|e| e.id.as_str() == id) {
            self.error(child(&base(), id), format!("unknown emotion `{id}`"));
        }
    }

    fn flag_ref(&mut self, pointer: impl Fn() -> String, id: &str) {
        if !self.file.flags.iter().any(|f| f.as_str() == id) {
            self.error(
                pointer(),
                format!("unknown flag `{id}`: declare it in `flags`"),
            );
        }
    }

    fn condition(&mut self, base: &str, c: &Condition) {
        for (key, flags) in [("flags", &c.flags), ("not_flags", &c.not_flags)] {
            for (k, flag) in flags.iter().enumerate() {
                self.flag_ref(|| format!("{base}/{key}/{k}"), flag.as_str());
            }
        }
        for (key, tests) in [("at_least", &c.at_least), ("below", &c.below)] {
            for id in tests.keys() {
                self.emotion_ref(|| child(base, key), id.as_str());
            }
        }
        for (k, alt) in c.any.iter().enumerate() {
            self.condition(&format!("{base}/any/{k}"), alt);
        }
    }

    /// Warns on nodes no play can reach (ignoring conditions) and on endings among them.
    fn reachability(&mut self) {
        let f = self.file;
        let reached = reachable_with(f, &self.nodes);
        for (i, node) in f.nodes.iter().enumerate() {
            if !reached[i] {
                let what = if node.ending.is_some() {
                    "ending"
                } else {
                    "node"
                };
                self.warn(
                    format!("/nodes/{i}"),
                    format!("{what} `{}` is unreachable from the start", node.id),
                );
            }
        }
    }

    /// Warns on declared flags no choice ever sets (conditions on them never hold).
    fn flags_used(&mut self) {
        let f = self.file;
        let set: HashSet<&str> = f
            .nodes
            .iter()
            .flat_map(|n| n.choices.iter())
            .flat_map(|c| c.set.iter())
            .map(|x| x.as_str())
            .collect();
        for (i, flag) in f.flags.iter().enumerate() {
            if !set.contains(flag.as_str()) {
                self.warn(
                    format!("/flags/{i}"),
                    format!("flag `{flag}` is never set by any choice"),
                );
            }
        }
    }
}

/// Which nodes (by position in `nodes`) are reachable from the start through choices and rules,
/// ignoring conditions. A duplicated id resolves to its first node, as in play.
pub fn reachable(file: &StoryFile) -> Vec<bool> {
    reachable_with(file, &file.node_index())
}

fn reachable_with(file: &StoryFile, by_id: &HashMap<&str, usize>) -> Vec<bool> {
    let mut seen = vec![false; file.nodes.len()];
    let mut queue: VecDeque<usize> = VecDeque::new();
    let mut targets: Vec<&str> = vec![file.start.as_str()];
    // Rules can fire after any choice, so their targets are reachable once any choice is.
    let mut rules_added = false;
    loop {
        for id in targets.drain(..) {
            if let Some(&i) = by_id.get(id) {
                if !seen[i] {
                    seen[i] = true;
                    queue.push_back(i);
                }
            }
        }
        let Some(i) = queue.pop_front() else { break };
        let node = &file.nodes[i];
        targets.extend(node.choices.iter().map(|c| c.next.as_str()));
        if !node.choices.is_empty() && !rules_added {
            rules_added = true;
            targets.extend(file.rules.iter().map(|r| r.goto.as_str()));
        }
    }
    seen
}
