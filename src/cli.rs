//! The `storycheck` command: argument parsing and output, kept in the library so tests call it.

use crate::engine::analysis::{analyse, analyse_graph, Analysis, DEFAULT_MAX_STATES};
use crate::engine::graph::{to_dot, to_mermaid};
use crate::engine::lints::{lint, Lint, LintSummary};
use crate::engine::random::{random_walks, Coverage};
use crate::engine::stats::{stats, Stats};
use crate::engine::{
    check, load, transcript::transcript, ChoiceId, Diagnostic, Session, Story, StoryId,
};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// Files larger than this are refused without being parsed.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

const USAGE: &str = "\
usage: storycheck [--json] [--strict] [--lints] [--no-analysis] [--max-states N]
                  [--random N [--seed S]] FILE...
       storycheck graph FILE [--format dot|mermaid]
       storycheck play [--locale en|es|pt] FILE [CHOICE...]
       storycheck schema
       storycheck generate NODES [SEED]
       storycheck openings DIR FILE...

  Validates Rapport story files and explores every reachable state of each valid one
  (exit 0 all valid, 1 some invalid, 2 usage error). The exploration also runs the
  assessment lints (length cue, non-reading strategies, rating-only emotions, objective
  balance, single spine; see docs/FORMAT.md) and prints their summary; lints are warnings
  and do not make a story invalid. --strict counts warnings and lints as errors (exit 1).
  --lints prints only the lints and their summary. --no-analysis skips exploration and lints.
  --random plays N seeded random walks and reports coverage. `graph` prints the story graph; `play` prints the transcript of
  the given choice ids; `schema` prints the format's JSON Schema;
  `generate` prints a valid generated story of NODES nodes (for scaling tests);
  `openings` writes DIR/<story>.<lang>[.embed].html, each story's opening screen in
  each interface language, for the page to show while the app starts (the build runs it).";

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

struct Options {
    json: bool,
    analysis: bool,
    /// Warnings and lints count as errors.
    strict: bool,
    /// Print only the lints and their summary.
    lints_only: bool,
    max_states: usize,
    random: Option<usize>,
    seed: u64,
    files: Vec<String>,
}

fn usage(err: &mut dyn Write, problem: &str) -> std::io::Result<u8> {
    writeln!(err, "storycheck: {problem}\n{USAGE}")?;
    Ok(2)
}

/// Runs storycheck with the given arguments; returns the exit status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    match args.first().map(String::as_str) {
        Some("play") => return play(&args[1..], out, err),
        Some("graph") => return graph(&args[1..], out, err),
        Some("generate") => {
            let n = args.get(1).and_then(|n| n.parse().ok());
            let seed = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1);
            let Some(n) = n else {
                return usage(err, "generate needs a node count");
            };
            writeln!(out, "{}", crate::engine::generate::generate_json(n, seed))?;
            return Ok(0);
        }
        Some("bench") => return bench(out),
        Some("openings") => return openings(&args[1..], out, err),
        Some("schema") => {
            write!(out, "{}", crate::engine::json_schema())?;
            return Ok(0);
        }
        _ => {}
    }
    let mut o = Options {
        json: false,
        analysis: true,
        strict: false,
        lints_only: false,
        max_states: DEFAULT_MAX_STATES,
        random: None,
        seed: 1,
        files: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            it.next()
                .and_then(|v| v.parse().ok())
                .ok_or(format!("{name} needs a whole number"))
        };
        match arg.as_str() {
            "--json" => o.json = true,
            "--no-analysis" => o.analysis = false,
            "--strict" => o.strict = true,
            "--lints" => o.lints_only = true,
            "--max-states" => match number("--max-states") {
                Ok(n) => o.max_states = n.max(1) as usize,
                Err(e) => return usage(err, &e),
            },
            "--random" => match number("--random") {
                Ok(n) => o.random = Some(n as usize),
                Err(e) => return usage(err, &e),
            },
            "--seed" => match number("--seed") {
                Ok(n) => o.seed = n,
                Err(e) => return usage(err, &e),
            },
            "-h" | "--help" => {
                writeln!(out, "{USAGE}")?;
                return Ok(0);
            }
            flag if flag.starts_with("--") => {
                return usage(err, &format!("unknown option `{flag}`"))
            }
            file => o.files.push(file.to_string()),
        }
    }
    if o.files.is_empty() {
        return usage(err, "no story file given");
    }
    let mut all_ok = true;
    for file in &o.files {
        all_ok &= check_one(file, &o, out)?;
    }
    Ok(if all_ok { 0 } else { 1 })
}

fn check_one(file: &str, o: &Options, out: &mut dyn Write) -> std::io::Result<bool> {
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
                    if o.analysis {
                        let (mut a, graph) = analyse_graph(&story, o.max_states);
                        let source = String::from_utf8_lossy(&bytes);
                        let mut found = lint(&story, &graph);
                        crate::engine::lints::locate(&source, &mut found.lints);
                        lints = Some(found);
                        crate::engine::diagnostic::locate_all(&source, &mut a.errors);
                        crate::engine::diagnostic::locate_all(&source, &mut a.warnings);
                        crate::engine::diagnostic::locate_all(&source, &mut a.notes);
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
        let outcome =
            |o: Option<crate::engine::Outcome>| o.map_or("none", crate::engine::Outcome::as_str);
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

/// The last line of a file's report: `ok (N warnings)` (and lints), or why `--strict` failed it.
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

/// `FILE:LINE:COLUMN: kind: message (at /pointer)`.
fn human(file: &str, d: &Diagnostic, kind: &str) -> String {
    let mut out = file.to_string();
    if let (Some(l), Some(c)) = (d.line, d.column) {
        out.push_str(&format!(":{l}:{c}"));
    }
    out.push_str(&format!(": {kind}: {}", d.message));
    if let Some(p) = &d.pointer {
        out.push_str(&format!(" (at {})", if p.is_empty() { "/" } else { p }));
    }
    out
}

fn stem(file: &str) -> String {
    Path::new(file)
        .file_stem()
        .map_or("story".into(), |s| s.to_string_lossy().into_owned())
}

/// Reads a story file, refusing directories and files over [`MAX_FILE_BYTES`] unread.
fn read(path: &Path) -> Result<Vec<u8>, String> {
    match std::fs::metadata(path) {
        Err(e) => return Err(format!("cannot read the file: {e}")),
        Ok(m) if m.is_dir() => return Err("is a directory, not a story file".into()),
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            return Err(format!(
                "the file is {} bytes; story files are limited to {} MB",
                m.len(),
                MAX_FILE_BYTES / 1024 / 1024
            ))
        }
        Ok(_) => {}
    }
    std::fs::read(path).map_err(|e| format!("cannot read the file: {e}"))
}

fn plain(message: String) -> Diagnostic {
    Diagnostic {
        severity: crate::engine::Severity::Error,
        message,
        pointer: None,
        line: None,
        column: None,
    }
}

/// Loads a valid story for `play` and `graph`, printing its problems otherwise.
fn load_valid(file: &str, out: &mut dyn Write) -> std::io::Result<Option<crate::engine::Story>> {
    let bytes = match read(Path::new(file)) {
        Ok(b) => b,
        Err(message) => {
            writeln!(out, "{file}: {message}")?;
            return Ok(None);
        }
    };
    let (story, report) = load(StoryId::new(stem(file)), &bytes);
    if story.is_none() {
        for d in &report.errors {
            writeln!(out, "{}", human(file, d, "error"))?;
        }
    }
    Ok(story)
}

/// `storycheck openings DIR FILE...`: writes `DIR/<story>.<lang>.html` (and `.embed.html`, as
/// embedded in a host page) for every valid story and every interface language. An invalid
/// story gets none (the app reports it when opened) and makes the exit status 1.
fn openings(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let [dir, files @ ..] = args else {
        return usage(err, "openings needs an output directory");
    };
    if files.is_empty() {
        return usage(err, "no story file given");
    }
    std::fs::create_dir_all(dir)?;
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    let mut status = 0;
    let mut written = 0;
    for file in files {
        let Some(story) = load_valid(file, out)? else {
            status = 1;
            continue;
        };
        let story = std::rc::Rc::new(story);
        for lang in crate::i18n::Lang::ALL {
            for (embedded, suffix) in [(false, ""), (true, ".embed")] {
                let opening = crate::components::opening::render(story.clone(), lang, embedded);
                let name = format!("{}.{}{suffix}.html", story.id, lang.code());
                std::fs::write(Path::new(dir).join(name), runtime.block_on(opening))?;
                written += 1;
            }
        }
    }
    writeln!(out, "storycheck: {written} openings written to {dir}")?;
    Ok(status)
}

/// `storycheck graph FILE [--format dot|mermaid]`.
fn graph(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let mut format = "dot".to_string();
    let mut file = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => match it.next() {
                Some(f) if f == "dot" || f == "mermaid" => format = f.clone(),
                _ => return usage(err, "--format takes dot or mermaid"),
            },
            f if !f.starts_with("--") && file.is_none() => file = Some(f.to_string()),
            other => return usage(err, &format!("unexpected `{other}`")),
        }
    }
    let Some(file) = file else {
        return usage(err, "graph needs a story file");
    };
    let Some(story) = load_valid(&file, out)? else {
        return Ok(1);
    };
    let text = if format == "dot" {
        to_dot(&story.file, "en")
    } else {
        to_mermaid(&story.file)
    };
    write!(out, "{text}")?;
    Ok(0)
}

/// `storycheck play [--locale xx] FILE [CHOICE...]`.
fn play(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let mut locale = "en".to_string();
    // `--locale xx` anywhere: choice ids never start with `--`.
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--locale" => match it.next() {
                Some(l) => locale = l.clone(),
                None => return usage(err, "--locale needs a language code"),
            },
            _ => rest.push(a.clone()),
        }
    }
    let Some((file, choices)) = rest.split_first() else {
        return usage(err, "play needs a story file");
    };
    let Some(story) = load_valid(file, out)? else {
        return Ok(1);
    };
    let mut session = Session::new(&story);
    let mut code = 0;
    for choice in choices {
        if let Err(e) = session.choose(&story, &ChoiceId::new(choice)) {
            writeln!(err, "stopped: {e}")?;
            code = 1;
            break;
        }
    }
    write!(out, "{}", transcript(&story, &session, &locale))?;
    Ok(code)
}

/// `storycheck bench`: native engine timings on generated stories, one JSON object per size.
fn bench(out: &mut dyn Write) -> std::io::Result<u8> {
    use std::time::Instant;
    for nodes in [1_000usize, 10_000, 100_000] {
        let text = crate::engine::generate::generate_json(nodes, 1);
        // The median of several loads (one for the largest), so a cold first run does not decide.
        let runs = if nodes >= 100_000 { 1 } else { 5 };
        let mut times = Vec::with_capacity(runs);
        let mut loaded = None;
        for _ in 0..runs {
            let t0 = Instant::now();
            let story = crate::bench::load_story(&text);
            times.push(t0.elapsed().as_secs_f64() * 1000.0);
            loaded = story; // the previous one is dropped here, outside the timing
        }
        let Some(story) = loaded else {
            writeln!(out, "{{\"nodes\":{nodes},\"error\":\"invalid\"}}")?;
            continue;
        };
        times.sort_by(f64::total_cmp);
        let load_ms = times[times.len() / 2];
        let t1 = Instant::now();
        let steps = crate::bench::play_first(&story);
        let play_ms = t1.elapsed().as_secs_f64() * 1000.0;
        let t2 = Instant::now();
        let a = analyse(&story, DEFAULT_MAX_STATES);
        let analysis_ms = t2.elapsed().as_secs_f64() * 1000.0;
        let line = serde_json::json!({
            "nodes": nodes, "bytes": text.len(), "load_ms": load_ms, "play_ms": play_ms,
            "steps": steps, "analysis_ms": analysis_ms, "states": a.states, "truncated": a.truncated,
        });
        writeln!(out, "{line}")?;
    }
    Ok(0)
}
