//! The `storycheck` command: argument parsing and output, kept in the library so tests call it.

use crate::engine::{check, stats::stats, Diagnostic};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// Files larger than this are refused without being parsed.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

const USAGE: &str = "usage: storycheck [--json] FILE...\n\
       storycheck play [--locale xx] FILE [CHOICE...]\n\
  Validates Rapport story files (exit 0 all valid, 1 some invalid, 2 usage error), or plays the\n\
  given choice ids from the start and prints the transcript with emotion changes.";

#[derive(Serialize)]
struct FileReport<'a> {
    file: &'a str,
    ok: bool,
    errors: &'a [Diagnostic],
    warnings: &'a [Diagnostic],
    stats: Option<crate::engine::stats::Stats>,
}

/// Runs storycheck with the given arguments; returns the exit status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    if args.first().map(String::as_str) == Some("play") {
        return play(&args[1..], out, err);
    }
    let mut json = false;
    let mut files = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                writeln!(out, "{USAGE}")?;
                return Ok(0);
            }
            flag if flag.starts_with("--") => {
                writeln!(err, "storycheck: unknown option `{flag}`\n{USAGE}")?;
                return Ok(2);
            }
            file => files.push(file.to_string()),
        }
    }
    if files.is_empty() {
        writeln!(err, "{USAGE}")?;
        return Ok(2);
    }
    let mut all_ok = true;
    for file in &files {
        let (errors, warnings, stats) = check_file(Path::new(file));
        all_ok &= errors.is_empty();
        if json {
            let report = FileReport {
                file,
                ok: errors.is_empty(),
                errors: &errors,
                warnings: &warnings,
                stats,
            };
            let line = serde_json::to_string(&report).map_err(std::io::Error::other)?;
            writeln!(out, "{line}")?;
        } else {
            for d in &errors {
                writeln!(out, "{}", human(file, d, "error"))?;
            }
            for d in &warnings {
                writeln!(out, "{}", human(file, d, "warning"))?;
            }
            if errors.is_empty() {
                writeln!(
                    out,
                    "{file}: ok ({} warning{})",
                    warnings.len(),
                    if warnings.len() == 1 { "" } else { "s" }
                )?;
            }
        }
    }
    Ok(if all_ok { 0 } else { 1 })
}

/// `FILE:LINE:COLUMN: error: message (at /pointer)`.
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

type Checked = (
    Vec<Diagnostic>,
    Vec<Diagnostic>,
    Option<crate::engine::stats::Stats>,
);

fn check_file(path: &Path) -> Checked {
    let fail = |message: String| (vec![plain(message)], Vec::new(), None);
    match std::fs::metadata(path) {
        Err(e) => return fail(format!("cannot read the file: {e}")),
        Ok(m) if m.is_dir() => return fail("is a directory, not a story file".into()),
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            return fail(format!(
                "the file is {} bytes; story files are limited to {} MB",
                m.len(),
                MAX_FILE_BYTES / 1024 / 1024
            ))
        }
        Ok(_) => {}
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return fail(format!("cannot read the file: {e}")),
    };
    let (file, report) = check(&bytes);
    (report.errors, report.warnings, file.as_ref().map(stats))
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

/// `storycheck play [--locale xx] FILE [CHOICE...]`.
fn play(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let mut locale = "en".to_string();
    let mut rest = args;
    if rest.first().map(String::as_str) == Some("--locale") {
        match rest.get(1) {
            Some(l) => locale = l.clone(),
            None => {
                writeln!(err, "{USAGE}")?;
                return Ok(2);
            }
        }
        rest = &rest[2..];
    }
    let Some((file, choices)) = rest.split_first() else {
        writeln!(err, "{USAGE}")?;
        return Ok(2);
    };
    let path = Path::new(file);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            writeln!(err, "{file}: cannot read the file: {e}")?;
            return Ok(1);
        }
    };
    let id = path
        .file_stem()
        .map_or("story".into(), |s| s.to_string_lossy().into_owned());
    let (story, report) = crate::engine::load(crate::engine::StoryId::new(id), &bytes);
    let Some(story) = story else {
        for d in &report.errors {
            writeln!(out, "{}", human(file, d, "error"))?;
        }
        return Ok(1);
    };
    let mut session = crate::engine::Session::new(&story);
    let mut code = 0;
    for choice in choices {
        if let Err(e) = session.choose(&story, &crate::engine::ChoiceId::new(choice)) {
            writeln!(err, "stopped: {e}")?;
            code = 1;
            break;
        }
    }
    write!(
        out,
        "{}",
        crate::engine::transcript::transcript(&story, &session, &locale)
    )?;
    Ok(code)
}
