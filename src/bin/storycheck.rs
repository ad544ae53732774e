//! `storycheck`: validates story files with the same engine the app uses.
//!
//! `storycheck [--json] FILE...` — exit 0 when every file is valid, 1 when any is not, 2 on usage.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match rapport::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr()) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("storycheck: {err}");
            ExitCode::from(2)
        }
    }
}
