//! `storycheck`: validates, analyses, plays and graphs Rapport story files with the same engine
//! the app uses, and writes what the web build serves beside them (`build-stories`). One module per subcommand; this file parses the arguments (clap) and dispatches.
//! Kept in a library so the tests call it as the binary does.

mod build_stories;
mod check;
mod files;
mod fmt;
mod graph;
mod package;
mod play;

use clap::{Parser, Subcommand};
use std::io::Write;

pub use files::MAX_FILE_BYTES;

/// Validates Rapport story files and explores every reachable state of each valid one.
///
/// Exit status: 0 when every file is valid, 1 when any is invalid, 2 on a usage error.
#[derive(Debug, Parser)]
#[command(
    name = "storycheck",
    version,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    check: check::Args,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate and analyse story files (the default: `storycheck FILE...`).
    Check(check::Args),
    /// Print the transcript of a play-through: the given choice ids from the start.
    Play(play::Args),
    /// Print the story graph as Graphviz dot or Mermaid.
    Graph(graph::Args),
    /// Rewrite story files in canonical form (as Studio writes them); `--check` only reports.
    Fmt(fmt::Args),
    /// Print the JSON Schema of the story format (generated from the engine's types).
    Schema,
    /// Write what the web build serves beside the story files: each story split into one file
    /// per locale (`OUTDIR/stories/<id>.<locale>.json`) and the library's `OUTDIR/catalog.json`.
    BuildStories(build_stories::Args),
    /// Zip the built app (`dist/`) with the chosen stories for an LMS: `cmi5.xml` (one AU per
    /// story) or SCORM 1.2's `imsmanifest.xml` (one SCO per story).
    Package(package::Args),
}

/// Runs storycheck with `args` (without the program name); returns the exit status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let cli = match Cli::try_parse_from(
        std::iter::once("storycheck".to_string()).chain(args.iter().cloned()),
    ) {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are answers, on stdout with status 0; the rest are usage errors.
            let text = e.render().to_string();
            if e.use_stderr() {
                write!(err, "{text}")?;
            } else {
                write!(out, "{text}")?;
            }
            return Ok(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match cli.command {
        None => check::run(&cli.check, out),
        Some(Command::Check(args)) => check::run(&args, out),
        Some(Command::Play(args)) => play::run(&args, out, err),
        Some(Command::Graph(args)) => graph::run(&args, out),
        Some(Command::Fmt(args)) => fmt::run(&args, out),
        Some(Command::BuildStories(args)) => build_stories::run(&args, out),
        Some(Command::Package(args)) => package::run(&args, out),
        Some(Command::Schema) => {
            write!(out, "{}", rapport_engine::json_schema())?;
            Ok(0)
        }
    }
}
