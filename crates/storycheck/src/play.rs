//! `storycheck play [--locale xx] FILE [CHOICE...]`: the transcript of a play-through.

use crate::files::load_valid;
use rapport_engine::{transcript::transcript, ChoiceId, Session};
use std::io::Write;

/// Arguments of `play`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Language of the transcript (falls back to the story's first locale).
    #[arg(long, default_value = "en")]
    locale: String,
    /// The story file.
    file: String,
    /// Choice ids, in order, from the start.
    choices: Vec<String>,
}

/// Plays the choices and prints the transcript; 1 when the story is invalid or a choice cannot
/// be made (the transcript then stops where it did).
pub fn run(args: &Args, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let Some(story) = load_valid(&args.file, out)? else {
        return Ok(1);
    };
    let mut session = Session::new(&story);
    let mut code = 0;
    for choice in &args.choices {
        if let Err(e) = session.choose(&story, &ChoiceId::new(choice)) {
            writeln!(err, "stopped: {e}")?;
            code = 1;
            break;
        }
    }
    write!(out, "{}", transcript(&story, &session, &args.locale))?;
    Ok(code)
}
