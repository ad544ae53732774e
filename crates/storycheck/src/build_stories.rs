//! `storycheck build-stories OUTDIR FILE...`: what the web build serves beside each whole story
//! file, so a learner downloads only what they look at.
//!
//! - `OUTDIR/stories/<id>.<locale>.json` for every story and each of its locales: the story
//!   reduced to that locale (`locales: [locale]`, every text holding only it; author notes and
//!   the `$schema` reference left out). A valid story, read by the same loader; a session played
//!   on one locale replays on any other, since the graph and every id are the same.
//! - `OUTDIR/catalog.json`: the library's cards ([`rapport_engine::catalog`]).
//!
//! Both are written compact: nobody reads them but the app. Every file is loaded and validated
//! first, and nothing is written unless all are valid: a build never serves a catalog that lists
//! a story it cannot play.

use crate::files::{human, read, stem};
use rapport_engine::catalog::{Card, Catalog};
use rapport_engine::model::{
    CastMember, Choice, DebriefPart, EmotionDef, Ending, EndingDebrief, Feedback, Line, Mood, Node,
    Objective, Persona,
};
use rapport_engine::{load, Story, StoryFile, StoryId, Text};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Arguments of `build-stories`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The build's output directory: `catalog.json` and `stories/` are written in it.
    outdir: PathBuf,
    /// The story files, in the order the catalog lists them; each file's stem is its id.
    #[arg(required = true)]
    files: Vec<String>,
}

/// Writes the split files and the catalog; 1 (and nothing written) when any story is invalid.
pub fn run(args: &Args, out: &mut dyn Write) -> std::io::Result<u8> {
    let mut stories: Vec<Story> = Vec::new();
    let mut failed = false;
    for file in &args.files {
        match story(file, &stories) {
            Ok(story) => stories.push(story),
            Err(problems) => {
                failed = true;
                for problem in problems {
                    writeln!(out, "{problem}")?;
                }
            }
        }
    }
    if failed {
        writeln!(out, "build-stories: nothing written")?;
        return Ok(1);
    }
    let dir = args.outdir.join("stories");
    std::fs::create_dir_all(&dir).map_err(|e| at(&dir, e))?;
    let mut written = 0;
    for story in &stories {
        for locale in &story.file.locales {
            let path = dir.join(format!("{}.{locale}.json", story.id));
            write_json(&path, &split(&story.file, locale))?;
            written += 1;
        }
    }
    let catalog = Catalog {
        stories: stories.iter().map(Card::of).collect(),
    };
    write_json(&args.outdir.join("catalog.json"), &catalog)?;
    writeln!(
        out,
        "build-stories: {} stories, {written} split files and catalog.json in {}",
        stories.len(),
        args.outdir.display()
    )?;
    Ok(0)
}

/// Reads and validates one file as the story its stem names, or says what is wrong, one line
/// per problem (`FILE:LINE:COLUMN: error: …`, as `storycheck FILE` writes them).
fn story(file: &str, before: &[Story]) -> Result<Story, Vec<String>> {
    let id = stem(file);
    // The split files are named `<id>.<locale>.json`: a dot in the id would make
    // `a.b.json` both story `a.b` and story `a` in locale `b`.
    if id.contains('.') {
        return Err(vec![format!(
            "{file}: error: the story id `{id}` (the file name) must not contain a dot"
        )]);
    }
    if before.iter().any(|s| s.id.as_str() == id) {
        return Err(vec![format!(
            "{file}: error: another file is also story `{id}`"
        )]);
    }
    let bytes = read(Path::new(file)).map_err(|message| vec![format!("{file}: {message}")])?;
    let (story, report) = load(StoryId::new(&id), &bytes);
    story.ok_or_else(|| {
        report
            .errors
            .iter()
            .map(|d| human(file, d, "error"))
            .collect()
    })
}

fn write_json(path: &Path, value: &impl serde::Serialize) -> std::io::Result<()> {
    let text = serde_json::to_string(value).map_err(std::io::Error::other)?;
    std::fs::write(path, text).map_err(|e| at(path, e))
}

/// An I/O error that names its file.
fn at(path: &Path, e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// The story reduced to `locale`: the same graph, ids, numbers and conditions, every text in
/// `locale` only. `locale` must be one the story declares (validation then guarantees every
/// text has it).
///
/// Every struct is taken apart field by field, with no `..`: a field added to the format is a
/// compile error here until this function says what the split does with it.
pub fn split(file: &StoryFile, locale: &str) -> StoryFile {
    let only = |text: &Text| only(text, locale);
    let StoryFile {
        schema: _,
        format,
        locales: _,
        title,
        summary,
        minutes,
        difficulty,
        tags,
        objectives,
        persona,
        cast,
        emotions,
        moods,
        flags,
        rules,
        allow_back,
        start,
        nodes,
    } = file;
    let Persona {
        name,
        address,
        addressed_as,
        role,
        company,
        look,
    } = persona;
    StoryFile {
        // An editor's hint, of no use to the app.
        schema: None,
        format: *format,
        locales: vec![locale.to_string()],
        title: only(title),
        summary: only(summary),
        minutes: *minutes,
        difficulty: *difficulty,
        tags: tags.clone(),
        objectives: objectives
            .iter()
            .map(|Objective { id, title }| Objective {
                id: id.clone(),
                title: only(title),
            })
            .collect(),
        persona: Persona {
            name: name.clone(),
            address: *address,
            addressed_as: only(addressed_as),
            role: only(role),
            company: company.clone(),
            look: look.clone(),
        },
        cast: cast
            .iter()
            .map(|CastMember { id, name }| CastMember {
                id: id.clone(),
                name: only(name),
            })
            .collect(),
        emotions: emotions
            .iter()
            .map(
                |EmotionDef {
                     id,
                     label,
                     min,
                     max,
                     start,
                     high_is,
                 }| EmotionDef {
                    id: id.clone(),
                    label: only(label),
                    min: *min,
                    max: *max,
                    start: *start,
                    high_is: *high_is,
                },
            )
            .collect(),
        moods: moods
            .iter()
            .map(
                |Mood {
                     id,
                     label,
                     face,
                     when,
                 }| Mood {
                    id: id.clone(),
                    label: only(label),
                    face: *face,
                    when: when.clone(),
                },
            )
            .collect(),
        flags: flags.clone(),
        rules: rules.clone(),
        allow_back: *allow_back,
        start: start.clone(),
        nodes: nodes.iter().map(|n| node(n, locale)).collect(),
    }
}

fn node(node: &Node, locale: &str) -> Node {
    let only = |text: &Text| only(text, locale);
    let Node {
        id,
        lines,
        choices,
        ending,
        note: _,
    } = node;
    Node {
        id: id.clone(),
        lines: lines
            .iter()
            .map(
                |Line {
                     speaker,
                     text,
                     when,
                 }| Line {
                    speaker: speaker.clone(),
                    text: only(text),
                    when: when.clone(),
                },
            )
            .collect(),
        choices: choices.iter().map(|c| choice(c, locale)).collect(),
        ending: ending.as_deref().map(|e| Box::new(self::ending(e, locale))),
        // For authors; a learner never sees it.
        note: None,
    }
}

fn choice(choice: &Choice, locale: &str) -> Choice {
    let Choice {
        id,
        text,
        next,
        effects,
        set,
        unset,
        when,
        if_unavailable,
        feedback:
            Feedback {
                rating,
                principle,
                text: why,
            },
    } = choice;
    Choice {
        id: id.clone(),
        text: only(text, locale),
        next: next.clone(),
        effects: effects.clone(),
        set: set.clone(),
        unset: unset.clone(),
        when: when.clone(),
        if_unavailable: *if_unavailable,
        feedback: Feedback {
            rating: *rating,
            principle: principle.clone(),
            text: only(why, locale),
        },
    }
}

fn ending(ending: &Ending, locale: &str) -> Ending {
    let Ending {
        outcome,
        title,
        debrief,
    } = ending;
    Ending {
        outcome: *outcome,
        title: only(title, locale),
        debrief: match debrief {
            EndingDebrief::Text(text) => EndingDebrief::Text(only(text, locale)),
            EndingDebrief::Parts(parts) => EndingDebrief::Parts(
                parts
                    .iter()
                    .map(|DebriefPart { text, when }| DebriefPart {
                        text: only(text, locale),
                        when: when.clone(),
                    })
                    .collect(),
            ),
        },
    }
}

/// The text in `locale` alone (empty when it has none, which validation rules out for a
/// declared locale, and the loader would report).
fn only(text: &Text, locale: &str) -> Text {
    let mut pairs = text.0.clone();
    pairs.0.retain(|(l, _)| l.as_str() == locale);
    Text(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mini() -> Story {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/mini.json"
        );
        let bytes = std::fs::read(path).expect("fixture");
        load(StoryId::new("mini"), &bytes).0.expect("loads")
    }

    #[test]
    fn a_split_holds_one_locale_and_loads() {
        let story = mini();
        for locale in &story.file.locales {
            let part = split(&story.file, locale);
            assert_eq!(part.locales, std::slice::from_ref(locale));
            assert_eq!(part.title.locales().collect::<Vec<_>>(), [locale.as_str()]);
            let text = serde_json::to_string(&part).expect("serialises");
            // The loader rejects a text in an undeclared locale: every text was reduced.
            let (again, report) = load(StoryId::new("mini"), text.as_bytes());
            assert!(report.errors.is_empty(), "{locale}: {:#?}", report.errors);
            let again = again.expect("loads");
            assert_eq!(again.file.nodes.len(), story.file.nodes.len());
            assert_eq!(
                again.localiser(locale).text(&again.file.title),
                story.localiser(locale).text(&story.file.title)
            );
        }
    }

    #[test]
    fn notes_and_the_schema_reference_are_left_out() {
        let mut file = mini().file;
        file.schema = Some("../schema/story.schema.json".into());
        file.nodes[0].note = Some("remember to check the wording".into());
        let text = serde_json::to_string(&split(&file, "en")).expect("serialises");
        assert!(!text.contains("remember to check"), "{text}");
        assert!(!text.contains("$schema"), "{text}");
    }
}
