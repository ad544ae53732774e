//! Plain-text transcripts of a play-through: what the learner saw and what each reply did.
//! Used by `storycheck play` and by the transcript tests that lock each story's key paths.

use super::session::Session;
use super::story::Story;
use super::thresholds::why_rule_fired;
use std::fmt::Write;

/// Renders a session as text in `locale`: every line shown, every reply with its emotion changes,
/// the ending, and the final emotion values and mood.
pub fn transcript(story: &Story, session: &Session, locale: &str) -> String {
    let locale = story.locale_for(locale);
    let fallback = story.fallback_locale();
    let mut out = String::new();
    let states = session.states(story);
    for (i, state) in states.iter().enumerate() {
        let Ok(step) = state.step(story) else {
            let _ = writeln!(out, "!! node `{}` does not exist", state.node);
            break;
        };
        for line in &step.lines {
            let who = story
                .speaker_name(line.speaker.as_str(), locale)
                .unwrap_or_else(|| line.speaker.to_string());
            let _ = writeln!(
                out,
                "[{}] {who}: {}",
                step.node.id,
                line.text.get(locale, fallback)
            );
        }
        if let Some(turn) = session.history.get(i) {
            let text = step
                .node
                .choices
                .iter()
                .find(|c| c.id == turn.choice)
                .map_or("", |c| c.text.get(locale, fallback));
            let _ = writeln!(out, "  > ({}) {text}", turn.choice);
            let changes: Vec<String> = turn
                .changes
                .iter()
                .map(|c| format!("{} {}→{} ({:+})", c.emotion, c.before, c.after, c.delta()))
                .collect();
            if !changes.is_empty() {
                let _ = writeln!(out, "    {}", changes.join(", "));
            }
            if let Some(rule) = &turn.rule {
                let _ = write!(out, "    rule `{rule}` fired → {}", turn.to);
                let after = states.get(i + 1).unwrap_or(state);
                let why: Vec<String> = why_rule_fired(story, rule, state, after)
                    .iter()
                    .map(|c| {
                        let label = story
                            .emotion(&c.emotion)
                            .map_or(c.emotion.as_str(), |e| e.label.get(locale, fallback));
                        c.neutral(label)
                    })
                    .collect();
                if !why.is_empty() {
                    let _ = write!(out, " ({})", why.join(", "));
                }
                let _ = writeln!(out);
            }
        } else if let Some(ending) = step.ending {
            let _ = writeln!(
                out,
                "END {:?}: {}",
                ending.outcome,
                ending.title.get(locale, fallback)
            );
            for text in state.debrief(story) {
                let _ = writeln!(out, "debrief: {}", text.get(locale, fallback));
            }
        } else {
            let offers: Vec<String> = step
                .offers
                .iter()
                .map(|o| {
                    let mark = if o.available { "" } else { " (unavailable)" };
                    format!("{}{mark}", o.choice.id)
                })
                .collect();
            let _ = writeln!(out, "  choices: {}", offers.join(", "));
        }
    }
    let values: Vec<String> = session
        .emotions
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let _ = writeln!(out, "emotions: {}", values.join(" "));
    if let Some(mood) = story.mood(&session.emotions, &session.flags) {
        let _ = writeln!(out, "mood: {}", mood.id);
    }
    out
}
