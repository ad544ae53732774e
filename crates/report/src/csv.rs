//! The report as CSV, for a spreadsheet: the replies picked at each decision, and each
//! learner's results. Fields are quoted when they must be (RFC 4180).

use crate::summary::Report;
use std::fmt::Write;

fn field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, f);
    }
    out.push_str("\r\n");
}

fn number(v: Option<f64>) -> String {
    v.map(|v| format!("{}", (v * 10.0).round() / 10.0))
        .unwrap_or_default()
}

/// One row per reply offered at a decision anyone reached: story, node, choice, rating, the
/// reply's text in `locale`, picks, and its share of the decision's picks in percent.
pub fn replies_csv(report: &Report, locale: &str) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "story",
            "node",
            "choice",
            "rating",
            "reply",
            "picks",
            "share_percent",
        ],
    );
    for s in &report.stories {
        let tr = s.story.localiser(locale);
        for d in &s.decisions {
            let node = s.story.node(&d.node);
            for r in &d.replies {
                let text = node
                    .and_then(|n| n.choice(&r.choice))
                    .map(|c| tr.text(&c.text))
                    .unwrap_or_default();
                let share = (d.picks > 0).then(|| r.picks as f64 * 100.0 / d.picks as f64);
                row(
                    &mut out,
                    &[
                        s.story.id.as_str(),
                        d.node.as_str(),
                        r.choice.as_str(),
                        r.rating.as_str(),
                        text,
                        &r.picks.to_string(),
                        &number(share),
                    ],
                );
            }
        }
    }
    out
}

/// One row per learner and story: play-throughs, completions, best outcome, the latest
/// completion's score, and its score per objective (`objective=percent; …`).
pub fn learners_csv(report: &Report) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "learner",
            "story",
            "play_throughs",
            "completions",
            "best_outcome",
            "last_score",
            "last_objective_scores",
        ],
    );
    for l in &report.learners {
        let objectives = report
            .stories
            .iter()
            .find(|s| s.story.id == l.story)
            .map(|s| {
                let mut text = String::new();
                for (o, v) in s.story.file.objectives.iter().zip(&l.last_scores) {
                    if let Some(v) = v {
                        if !text.is_empty() {
                            text.push_str("; ");
                        }
                        let _ = write!(text, "{}={}", o.id, number(Some(*v)));
                    }
                }
                text
            })
            .unwrap_or_default();
        row(
            &mut out,
            &[
                &l.learner,
                l.story.as_str(),
                &l.plays.to_string(),
                &l.completions.to_string(),
                l.best.map(|o| o.as_str()).unwrap_or_default(),
                &number(l.last_score),
                &objectives,
            ],
        );
    }
    out
}
