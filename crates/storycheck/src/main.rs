//! `storycheck`: the story validator and authoring CLI (see the library for the commands).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match storycheck::run(&args, &mut std::io::stdout(), &mut std::io::stderr()) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("storycheck: {err}");
            ExitCode::from(2)
        }
    }
}
