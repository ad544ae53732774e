//! `storycheck fmt [--check] FILE...`: rewrites story files in the one canonical form
//! (`rapport_engine::format::pretty`, the form Studio downloads), or with `--check` only says
//! which files are not in it (for `make test`).

use crate::files::{human, read};
use rapport_engine::check;
use rapport_engine::format::pretty;
use std::io::Write;
use std::path::Path;

/// Arguments of `fmt`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Change nothing: list the files not in canonical form and exit 1 if there are any.
    #[arg(long)]
    check: bool,
    /// Story files.
    #[arg(required = true)]
    files: Vec<String>,
}

/// Formats (or checks) each file; 1 when a file could not be read or parsed, or with `--check`
/// when one is not canonical.
pub fn run(args: &Args, out: &mut dyn Write) -> std::io::Result<u8> {
    let mut status = 0;
    for file in &args.files {
        let bytes = match read(Path::new(file)) {
            Ok(bytes) => bytes,
            Err(message) => {
                writeln!(out, "{file}: {message}")?;
                status = 1;
                continue;
            }
        };
        let (parsed, report) = check(&bytes);
        let Some(parsed) = parsed else {
            // Only a file whose structure reads can be written back: say why this one does not.
            for d in &report.errors {
                writeln!(out, "{}", human(file, d, "error"))?;
            }
            status = 1;
            continue;
        };
        let canonical = pretty(&parsed);
        if canonical.as_bytes() == bytes.as_slice() {
            continue;
        }
        if args.check {
            writeln!(
                out,
                "{file}: not in canonical form (run `storycheck fmt {file}`)"
            )?;
            status = 1;
        } else if let Err(e) = std::fs::write(file, canonical) {
            writeln!(out, "{file}: cannot write the file: {e}")?;
            status = 1;
        } else {
            writeln!(out, "{file}: formatted")?;
        }
    }
    Ok(status)
}
