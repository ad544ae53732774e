//! Studio's editing model: the story being written ([`Draft`]), every change to it as an
//! [`Edit`], undo and redo, and the whole-story operations the forms offer (locales, nodes,
//! fresh ids). Pure data: no yew, no browser, natively tested (`tests/studio.rs`).
//!
//! An edit replaces the story: a snapshot per undo step is simple, and at the size of a real
//! story (30 to 60 nodes) cheap, since a snapshot is an `Rc` the view already shares.

use crate::engine::diagnostic::child;
use crate::engine::format::pretty;
use crate::engine::model::{Condition, EndingDebrief, Pairs, StoryFile, Text};
use crate::engine::shared::Str;
use crate::engine::{EmotionId, FlagId, NodeId, ObjectiveId, SpeakerId};
use std::fmt;
use std::rc::Rc;

/// Undo steps kept; the oldest go first.
pub const MAX_UNDO: usize = 200;

/// The story a new draft starts from: small and valid, in English and Spanish.
pub const TEMPLATE: &str = include_str!("template.json");

/// One change to the story, named by the field it changes.
#[derive(Clone)]
pub struct Edit {
    /// The JSON pointer of the field (`/nodes/2/choices/0/text/es`). Consecutive edits of one
    /// field (the keystrokes of one word) make one undo step; the form's input ids derive from it.
    pub field: String,
    change: Rc<dyn Fn(&mut StoryFile)>,
}

impl Edit {
    /// An edit of `field` that applies `change` to the story.
    pub fn new(field: impl Into<String>, change: impl Fn(&mut StoryFile) + 'static) -> Self {
        Self {
            field: field.into(),
            change: Rc::new(change),
        }
    }
}

impl fmt::Debug for Edit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Edit({})", self.field)
    }
}

/// A story being written, with its history.
#[derive(Clone, Debug)]
pub struct Draft {
    /// The story as it stands.
    pub file: Rc<StoryFile>,
    /// The file name it downloads as (`mr-santino.json`): its stem is the story id.
    pub name: String,
    undo: Vec<Rc<StoryFile>>,
    redo: Vec<Rc<StoryFile>>,
    /// The field of the last edit while further edits of it join the same undo step.
    open_field: Option<String>,
    /// Counts every change of `file` (edits, undo, redo): what the view's effects key on.
    pub revision: u64,
}

impl PartialEq for Draft {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision && Rc::ptr_eq(&self.file, &other.file)
    }
}

impl Draft {
    /// A draft of `file`, saved as `name`, with no history.
    pub fn new(name: impl Into<String>, file: StoryFile) -> Self {
        Self {
            file: Rc::new(file),
            name: name.into(),
            undo: Vec::new(),
            redo: Vec::new(),
            open_field: None,
            revision: 0,
        }
    }

    /// A new story from [`TEMPLATE`]; `None` only if the template stopped being a story (a
    /// native test keeps it one).
    pub fn template() -> Option<Self> {
        let (file, report) = crate::engine::check(TEMPLATE.as_bytes());
        file.filter(|_| report.errors.is_empty())
            .map(|file| Self::new("my-story.json", file))
    }

    /// Applies `edit`; false when it changed nothing (no undo step, no revision).
    pub fn apply(&mut self, edit: &Edit) -> bool {
        let mut next = (*self.file).clone();
        (edit.change)(&mut next);
        if next == *self.file {
            return false;
        }
        let joins = self.open_field.as_deref() == Some(edit.field.as_str());
        if !joins {
            self.undo.push(self.file.clone());
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.open_field = Some(edit.field.clone());
        self.file = Rc::new(next);
        self.revision += 1;
        true
    }

    /// Ends the current undo step: the next edit of the same field is a step of its own (the
    /// field lost focus).
    pub fn settle(&mut self) {
        self.open_field = None;
    }

    /// Goes back one step; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        self.redo.push(std::mem::replace(&mut self.file, previous));
        self.open_field = None;
        self.revision += 1;
        true
    }

    /// Goes forward one undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(&mut self.file, next));
        self.open_field = None;
        self.revision += 1;
        true
    }

    /// Whether [`Draft::undo`] would do something.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether [`Draft::redo`] would do something.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The story file as it downloads.
    pub fn text(&self) -> String {
        pretty(&self.file)
    }
}

/// Sets the translation of `text` in `locale`, keeping the order of the others (a new locale
/// goes in the story's locale order, so files stay tidy).
pub fn set_translation(text: &mut Text, locale: &str, value: &str, order: &[String]) {
    let pairs = &mut text.0 .0;
    if let Some(pair) = pairs.iter_mut().find(|(l, _)| l.as_str() == locale) {
        pair.1 = Str::new(value);
        return;
    }
    let rank = |l: &str| order.iter().position(|o| o == l).unwrap_or(usize::MAX);
    let at = pairs
        .iter()
        .position(|(l, _)| rank(l.as_str()) > rank(locale))
        .unwrap_or(pairs.len());
    pairs.insert(
        at,
        (crate::engine::ids::Locale::new(locale), Str::new(value)),
    );
}

/// A text in every locale of `file`: `value` in the first, empty elsewhere (to be translated).
pub fn new_text(file: &StoryFile, value: &str) -> Text {
    let mut text = Text::default();
    if let Some(first) = file.locales.first() {
        set_translation(&mut text, first, value, &file.locales);
    }
    text
}

/// Calls `visit` with the JSON pointer and the value of every learner-visible text of `file`.
pub fn each_text(file: &mut StoryFile, visit: &mut dyn FnMut(&str, &mut Text)) {
    visit("/title", &mut file.title);
    visit("/summary", &mut file.summary);
    for (i, o) in file.objectives.iter_mut().enumerate() {
        visit(&format!("/objectives/{i}/title"), &mut o.title);
    }
    visit("/persona/addressed_as", &mut file.persona.addressed_as);
    visit("/persona/role", &mut file.persona.role);
    for (i, c) in file.cast.iter_mut().enumerate() {
        visit(&format!("/cast/{i}/name"), &mut c.name);
    }
    for (i, e) in file.emotions.iter_mut().enumerate() {
        visit(&format!("/emotions/{i}/label"), &mut e.label);
    }
    for (i, m) in file.moods.iter_mut().enumerate() {
        visit(&format!("/moods/{i}/label"), &mut m.label);
    }
    for (i, n) in file.nodes.iter_mut().enumerate() {
        for (j, l) in n.lines.iter_mut().enumerate() {
            visit(&format!("/nodes/{i}/lines/{j}/text"), &mut l.text);
        }
        for (j, c) in n.choices.iter_mut().enumerate() {
            visit(&format!("/nodes/{i}/choices/{j}/text"), &mut c.text);
            visit(
                &format!("/nodes/{i}/choices/{j}/feedback/text"),
                &mut c.feedback.text,
            );
        }
        if let Some(ending) = n.ending.as_deref_mut() {
            visit(&format!("/nodes/{i}/ending/title"), &mut ending.title);
            match &mut ending.debrief {
                EndingDebrief::Text(text) => visit(&format!("/nodes/{i}/ending/debrief"), text),
                EndingDebrief::Parts(parts) => {
                    for (k, p) in parts.iter_mut().enumerate() {
                        visit(&format!("/nodes/{i}/ending/debrief/{k}/text"), &mut p.text);
                    }
                }
            }
        }
    }
}

/// Declares `locale` for the whole story (after the others); every text then lacks it until
/// translated. False when it is empty or already declared.
pub fn add_locale(file: &mut StoryFile, locale: &str) -> bool {
    let locale = locale.trim();
    if locale.is_empty() || file.locales.iter().any(|l| l == locale) {
        return false;
    }
    file.locales.push(locale.to_string());
    true
}

/// Removes `locale` from the story: from `locales` and from every text.
pub fn remove_locale(file: &mut StoryFile, locale: &str) {
    file.locales.retain(|l| l != locale);
    each_text(file, &mut |_, text| {
        text.0 .0.retain(|(l, _)| l.as_str() != locale);
    });
}

/// Per declared locale, the pointers of the texts that lack it (absent or blank), in file order.
pub fn missing_translations(file: &StoryFile) -> Vec<(String, Vec<String>)> {
    let mut missing: Vec<(String, Vec<String>)> = file
        .locales
        .iter()
        .map(|l| (l.clone(), Vec::new()))
        .collect();
    // The visitor is one for reading and writing; a copy is cheap at a story's size.
    let mut copy = file.clone();
    each_text(&mut copy, &mut |pointer, text| {
        for (locale, list) in &mut missing {
            if text.exact(locale).is_none_or(|t| t.trim().is_empty()) {
                list.push(pointer.to_string());
            }
        }
    });
    missing
}

/// `base`, or `base-2`, `base-3`, … : the first that is not `taken`.
pub fn fresh_id<'a>(base: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let free = |id: &str| !taken.clone().any(|t| t == id);
    if free(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| free(id))
        .unwrap_or_else(|| base.to_string())
}

/// Adds a node with one empty client line and no choices (so a reply can lead to it at once);
/// returns its position.
pub fn add_node(file: &mut StoryFile) -> usize {
    let id = fresh_id("node", file.nodes.iter().map(|n| n.id.as_str()));
    let line = crate::engine::model::Line {
        speaker: crate::engine::SpeakerId::new(crate::engine::model::CLIENT),
        text: new_text(file, ""),
        when: None,
    };
    file.nodes.push(crate::engine::model::Node {
        id: NodeId::new(id),
        lines: vec![line],
        choices: Vec::new(),
        ending: None,
        note: None,
    });
    file.nodes.len() - 1
}

/// Renames node `index` to `id`, and every reference to it (the start, replies, rules), so a
/// rename never breaks a link. Nothing happens when another node has that id already.
pub fn rename_node(file: &mut StoryFile, index: usize, id: &str) {
    let Some(old) = file.nodes.get(index).map(|n| n.id.clone()) else {
        return;
    };
    if file.nodes.iter().any(|n| n.id.as_str() == id) {
        return;
    }
    let new = NodeId::new(id);
    if file.start == old {
        file.start = new.clone();
    }
    for n in &mut file.nodes {
        for c in &mut n.choices {
            if c.next == old {
                c.next = new.clone();
            }
        }
    }
    for r in &mut file.rules {
        if r.goto == old {
            r.goto = new.clone();
        }
    }
    file.nodes[index].id = new;
}

/// An id that other parts of the story refer to, by the list it is in: renaming one renames
/// every reference too, as [`rename_node`] does for nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// An emotion (`/emotions/i/id`): effects and conditions name it.
    Emotion,
    /// A flag (`/flags/i`): set, unset and conditions name it.
    Flag,
    /// A person of the cast (`/cast/i/id`): lines name their speaker.
    Speaker,
    /// An objective (`/objectives/i/id`): replies' feedback names its principle.
    Objective,
}

/// Renames the `index`th emotion, flag, person or objective to `id`, and every reference to it,
/// so a rename never leaves a reply or a condition pointing at an id that is gone. Nothing happens
/// when another one of its kind has that id already (that would merge two), or when `id` is empty.
pub fn rename(file: &mut StoryFile, named: Named, index: usize, id: &str) {
    if id.is_empty() {
        return;
    }
    let old: String = match named {
        Named::Emotion => {
            if file.emotions.iter().any(|e| e.id.as_str() == id) {
                return;
            }
            let Some(e) = file.emotions.get_mut(index) else {
                return;
            };
            std::mem::replace(&mut e.id, EmotionId::new(id))
                .as_str()
                .to_string()
        }
        Named::Flag => {
            if file.flags.iter().any(|f| f.as_str() == id) {
                return;
            }
            let Some(f) = file.flags.get_mut(index) else {
                return;
            };
            std::mem::replace(f, FlagId::new(id)).as_str().to_string()
        }
        Named::Speaker => {
            if file.cast.iter().any(|c| c.id.as_str() == id) {
                return;
            }
            let Some(c) = file.cast.get_mut(index) else {
                return;
            };
            std::mem::replace(&mut c.id, SpeakerId::new(id))
                .as_str()
                .to_string()
        }
        Named::Objective => {
            if file.objectives.iter().any(|o| o.id.as_str() == id) {
                return;
            }
            let Some(o) = file.objectives.get_mut(index) else {
                return;
            };
            std::mem::replace(&mut o.id, ObjectiveId::new(id))
                .as_str()
                .to_string()
        }
    };
    match named {
        Named::Emotion => {
            let swap = |pairs: &mut Pairs<EmotionId, i32>| {
                for (k, _) in &mut pairs.0 {
                    if k.as_str() == old {
                        *k = EmotionId::new(id);
                    }
                }
            };
            for_each_condition(file, &mut |c| {
                swap(&mut c.at_least);
                swap(&mut c.below);
            });
            for c in file.nodes.iter_mut().flat_map(|n| &mut n.choices) {
                swap(&mut c.effects);
            }
        }
        Named::Flag => {
            let swap = |flags: &mut Vec<FlagId>| {
                for f in flags.iter_mut().filter(|f| f.as_str() == old) {
                    *f = FlagId::new(id);
                }
            };
            for_each_condition(file, &mut |c| {
                swap(&mut c.flags);
                swap(&mut c.not_flags);
            });
            for c in file.nodes.iter_mut().flat_map(|n| &mut n.choices) {
                swap(&mut c.set);
                swap(&mut c.unset);
            }
        }
        Named::Speaker => {
            for l in file.nodes.iter_mut().flat_map(|n| &mut n.lines) {
                if l.speaker.as_str() == old {
                    l.speaker = SpeakerId::new(id);
                }
            }
        }
        Named::Objective => {
            for c in file.nodes.iter_mut().flat_map(|n| &mut n.choices) {
                if c.feedback.principle.as_str() == old {
                    c.feedback.principle = ObjectiveId::new(id);
                }
            }
        }
    }
}

/// Calls `visit` on every condition of the story, nested alternatives included: lines',
/// replies', rules', moods' and debrief parts'.
fn for_each_condition(file: &mut StoryFile, visit: &mut dyn FnMut(&mut Condition)) {
    fn walk(c: &mut Condition, visit: &mut dyn FnMut(&mut Condition)) {
        visit(c);
        for any in &mut c.any {
            walk(any, visit);
        }
    }
    for r in &mut file.rules {
        walk(&mut r.when, visit);
    }
    for m in &mut file.moods {
        if let Some(c) = &mut m.when {
            walk(c, visit);
        }
    }
    for n in &mut file.nodes {
        for l in &mut n.lines {
            if let Some(c) = &mut l.when {
                walk(c, visit);
            }
        }
        for ch in &mut n.choices {
            if let Some(c) = &mut ch.when {
                walk(c, visit);
            }
        }
        if let Some(EndingDebrief::Parts(parts)) = n.ending.as_mut().map(|e| &mut e.debrief) {
            for p in parts {
                if let Some(c) = &mut p.when {
                    walk(c, visit);
                }
            }
        }
    }
}

/// The node a JSON pointer is in (`/nodes/3/choices/0/next` is in node 3).
pub fn node_of(pointer: &str) -> Option<usize> {
    pointer
        .strip_prefix("/nodes/")?
        .split('/')
        .next()?
        .parse()
        .ok()
}

/// The pointer of a text's translation: `base` and the locale.
pub fn translation_pointer(base: &str, locale: &str) -> String {
    child(base, locale)
}
