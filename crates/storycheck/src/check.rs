//! `storycheck [check] [--json] [--no-analysis] [--max-states N] [--random N [--seed S]] FILE...`:
//! validates each file, then explores every reachable state of each valid one and reports what
//! no single play-through shows (unreachable endings, dead ends, the range of outcomes, paths)
//! and the assessment lints (length cue, non-reading strategies, rating-only emotions, objective
//! balance, single spine; docs/FORMAT.md). Lints are warnings: they do not make a story invalid,
//! unless `--strict`.

use crate::files::{human, plain, read, stem};
use rapport_engine::analysis::{analyse_graph, Analysis, DEFAULT_MAX_STATES};
use rapport_engine::diagnostic::locate_all;
use rapport_engine::lints::{lint, locate, Lint, LintSummary};
use rapport_engine::random::{random_walks, Coverage};
use rapport_engine::stats::{stats, Stats};
use rapport_engine::{check, Diagnostic, Outcome, Story, StoryId};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// Arguments of `check`, the default command.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// One JSON object per file on stdout instead of lines for people.
    #[arg(long)]
    json: bool,
    /// Warnings and lints count as errors (exit 1).
    #[arg(long)]
    strict: bool,
    /// Print only the lints and their summary.
    #[arg(long = "lints")]
    lints_only: bool,
    /// Only the format checks: skip the exploration of reachable states and the lints.
    #[arg(long)]
    no_analysis: bool,
    /// Stop exploring after this many distinct states (the report then says it is partial).
    #[arg(long, default_value_t = DEFAULT_MAX_STATES as u64, value_parser = clap::value_parser!(u64).range(1..))]
    max_states: u64,
    /// Also play N seeded random walks and report node/choice coverage and ending frequencies.
    #[arg(long, value_name = "N")]
    random: Option<usize>,
    /// Seed of the random walks.
    #[arg(long, default_value_t = 1, requires = "random")]
    seed: u64,
    /// Story files.
    #[arg(required = true)]
    files: Vec<String>,
}

#[derive(Serialize)]
struct FileReport<'a> {
    file: &'a str,
    ok: bool,
    errors: &'a [Diagnostic],
    warnings: &'a [Diagnostic],
    notes: &'a [Diagnostic],
    lints: &'a [Lint],
    #[serde(skip_serializing_if = "Option::is_none")]
    lint_summary: Option<&'a LintSummary>,
    stats: Option<FullStats>,
    #[serde(skip_serializing_if = "Option::is_none")]
    random: Option<Coverage>,
}

#[derive(Serialize)]
struct FullStats {
    #[serde(flatten)]
    basic: Stats,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    analysis: Option<Analysis>,
}

/// Checks every file; 0 when all are valid, else 1.
pub fn run(o: &Args, out: &mut dyn Write) -> std::io::Result<u8> {
    let mut all_ok = true;
    for file in &o.files {
        all_ok &= check_one(file, o, out)?;
    }
    Ok(if all_ok { 0 } else { 1 })
}

fn check_one(file: &str, o: &Args, out: &mut dyn Write) -> std::io::Result<bool> {
    let (mut errors, mut warnings, mut notes, mut full, mut random) =
        (Vec::new(), Vec::new(), Vec::new(), None, None);
    let mut lints = None;
    match read(Path::new(file)) {
        Err(message) => errors.push(plain(message)),
        Ok(bytes) => {
            let (parsed, report) = check(&bytes);
            errors = report.errors;
            warnings = report.warnings;
            let basic = parsed.as_ref().map(stats);
            let mut analysis = None;
            if errors.is_empty() {
                if let Some(parsed) = parsed {
                    let story = Story::new(StoryId::new(stem(file)), parsed);
                    if !o.no_analysis {
                        let max = usize::try_from(o.max_states).unwrap_or(usize::MAX);
                        let (mut a, graph) = analyse_graph(&story, max);
                        let source = String::from_utf8_lossy(&bytes);
                        let mut found = lint(&story, &graph);
                        locate(&source, &mut found.lints);
                        lints = Some(found);
                        locate_all(&source, &mut a.errors);
                        locate_all(&source, &mut a.warnings);
                        locate_all(&source, &mut a.notes);
                        errors.append(&mut a.errors);
                        warnings.append(&mut a.warnings);
                        notes.append(&mut a.notes);
                        analysis = Some(a);
                    }
                    random = o.random.map(|n| random_walks(&story, n, o.seed));
                }
            }
            full = basic.map(|basic| FullStats { basic, analysis });
        }
    }
    let lint_list = lints.as_ref().map_or(&[][..], |l| &l.lints[..]);
    let valid = errors.is_empty();
    let ok = valid && !(o.strict && (!warnings.is_empty() || !lint_list.is_empty()));
    if o.json {
        let report = FileReport {
            file,
            ok,
            errors: &errors,
            warnings: &warnings,
            notes: &notes,
            lints: lint_list,
            lint_summary: lints.as_ref().map(|l| &l.summary),
            stats: full,
            random,
        };
        let line = serde_json::to_string(&report).map_err(std::io::Error::other)?;
        writeln!(out, "{line}")?;
        return Ok(ok);
    }
    for (list, kind) in [(&errors, "error"), (&warnings, "warning")] {
        if kind == "warning" && o.lints_only {
            continue;
        }
        for d in list {
            writeln!(out, "{}", human(file, d, kind))?;
        }
    }
    for l in lint_list {
        writeln!(
            out,
            "{}\n  help: {}",
            human(file, &l.diagnostic, &format!("warning[{}]", l.code)),
            l.help
        )?;
    }
    if let Some(l) = &lints {
        let n = l.lints.len();
        let s = if n == 1 { "" } else { "s" };
        write!(out, "{file}: {n} lint{s}; lint summary:\n{}", l.summary)?;
    }
    if o.lints_only {
        return finish(file, valid, ok, warnings.len(), lint_list.len(), out);
    }
    if !notes.is_empty() {
        writeln!(
            out,
            "{file}: {} note{} (emotion values clamped at a bound; listed with --json)",
            notes.len(),
            if notes.len() == 1 { "" } else { "s" }
        )?;
    }
    if let Some(a) = full.as_ref().and_then(|f| f.analysis.as_ref()) {
        let outcome = |o: Option<Outcome>| o.map_or("none", Outcome::as_str);
        let score = |s: Option<u32>| s.map_or("n/a".into(), |s| format!("{s}%"));
        writeln!(
            out,
            "{file}: {} states{}, {} play-throughs, {}–{} decisions, outcomes {}–{}, scores {}–{}",
            a.states,
            if a.truncated {
                " (bound reached: partial)"
            } else {
                ""
            },
            many(a.paths_explored),
            a.shortest_path,
            a.longest_path,
            outcome(a.worst_outcome),
            outcome(a.best_outcome),
            score(a.worst_score),
            score(a.best_score),
        )?;
        for e in &a.ending_paths {
            let span = match (e.shortest, e.longest) {
                (Some(s), Some(l)) => format!("{s}–{l} decisions"),
                _ => "unreachable".into(),
            };
            writeln!(
                out,
                "  ending {} ({}): {span}, {} play-throughs",
                e.ending,
                e.outcome,
                many(e.paths)
            )?;
        }
    }
    if let Some(r) = &random {
        writeln!(
            out,
            "{file}: {} random walks (seed {}): {:.0}% of nodes, {:.0}% of choices visited{}",
            r.walks,
            r.seed,
            r.nodes * 100.0,
            r.choices * 100.0,
            if r.unfinished > 0 {
                format!(", {} unfinished", r.unfinished)
            } else {
                String::new()
            }
        )?;
        for (ending, n) in &r.endings {
            writeln!(
                out,
                "  {ending}: {n} ({:.1}%)",
                *n as f64 * 100.0 / r.walks.max(1) as f64
            )?;
        }
    }
    finish(file, valid, ok, warnings.len(), lint_list.len(), out)
}

/// The last line of a file's report: `ok (N warnings)`, or why `--strict` failed it.
fn finish(
    file: &str,
    valid: bool,
    ok: bool,
    warnings: usize,
    lints: usize,
    out: &mut dyn Write,
) -> std::io::Result<bool> {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if ok {
        // Lints are left out here: they judge the assessment, not the file, and are counted
        // in the lint summary's heading.
        writeln!(out, "{file}: ok ({warnings} warning{})", plural(warnings))?;
    } else if valid {
        let lints = format!(", {lints} lint{}", plural(lints));
        writeln!(
            out,
            "{file}: fails --strict ({warnings} warning{}{lints})",
            plural(warnings)
        )?;
    }
    Ok(ok)
}

/// A path count; the counter saturates, so its ceiling means "more than this".
fn many(n: u64) -> String {
    if n == u64::MAX {
        format!("more than {n}")
    } else {
        n.to_string()
    }
}
