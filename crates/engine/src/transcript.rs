//! Plain-text transcripts of a play-through: what the learner saw and what each reply did.
//! Used by `storycheck play` and by the transcript tests that lock each story's key paths.

use super::session::Session;
use super::story::Story;
use super::thresholds::why_rule_fired;
use std::fmt::Write;

/// Renders a session as text in `locale`: every line shown, every reply with its emotion changes,
/// the ending, and the final emotion values and mood.
pub fn transcript(story: &Story, session: &Session, locale: &str) -> String {
    let tr = story.localiser(locale);
    let mut out = String::new();
    let moments = session.walk(story);
    for (i, moment) in moments.iter().enumerate() {
        let step = &moment.step;
        for line in &step.lines {
            let who = story
                .speaker_name(line.speaker.as_str(), tr.locale)
                .unwrap_or_else(|| line.speaker.to_string());
            let _ = writeln!(out, "[{}] {who}: {}", step.node.id, tr.text(&line.text));
        }
        if let Some(reply) = moment.reply {
            let turn = reply.turn;
            let _ = writeln!(out, "  > ({}) {}", turn.choice, tr.text(&reply.choice.text));
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
                let after = moments.get(i + 1).map_or(&moment.state, |m| &m.state);
                let why: Vec<String> = why_rule_fired(story, rule, &moment.state, after)
                    .iter()
                    .map(|c| {
                        let label = story
                            .emotion(&c.emotion)
                            .map_or(c.emotion.as_str(), |e| tr.text(&e.label));
                        c.neutral(label)
                    })
                    .collect();
                if !why.is_empty() {
                    let _ = write!(out, " ({})", why.join(", "));
                }
                let _ = writeln!(out);
            }
        } else if let Some(ending) = step.ending {
            let _ = writeln!(out, "END {:?}: {}", ending.outcome, tr.text(&ending.title));
            for text in moment.state.debrief(story) {
                let _ = writeln!(out, "debrief: {}", tr.text(text));
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
    if moments.len() <= session.history.len() {
        // The walk stopped early: the history no longer fits this story.
        let _ = writeln!(out, "!! the saved replies do not fit the story from here");
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
