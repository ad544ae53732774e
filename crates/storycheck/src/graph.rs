//! `storycheck graph FILE [--format dot|mermaid]`: the story graph for Graphviz or Mermaid.

use crate::files::load_valid;
use rapport_engine::graph::{to_dot, to_mermaid};
use std::io::Write;

/// The graph formats.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    /// Graphviz dot.
    Dot,
    /// Mermaid flowchart.
    Mermaid,
}

/// Arguments of `graph`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The story file.
    file: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "dot")]
    format: Format,
}

/// Prints the graph; 1 when the story is invalid.
pub fn run(args: &Args, out: &mut dyn Write) -> std::io::Result<u8> {
    let Some(story) = load_valid(&args.file, out)? else {
        return Ok(1);
    };
    let text = match args.format {
        Format::Dot => to_dot(&story.file, "en"),
        Format::Mermaid => to_mermaid(&story.file),
    };
    write!(out, "{text}")?;
    Ok(0)
}
