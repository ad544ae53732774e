//! `storycheck package --format cmi5|scorm12 [--story ID…] [--mastery 0.8] --out FILE.zip`: the
//! built LMS app (`lms/` of `dist/`, as its `build.json` lists it) with the chosen stories, zipped
//! with the manifest an LMS imports: `cmi5.xml` (one AU per story) or `imsmanifest.xml` (one SCO
//! per story). Each AU or SCO opens its story alone in the LMS app
//! ([`rapport_engine::launch::launch_url`]).
//!
//! What the package holds of `dist/`: the LMS app's files (`apps["lms/"]`: its page, wasm, style
//! and icon) and the chosen stories' files, which the LMS app reads from the build's root. It
//! leaves out the learner's and the authoring apps (an LMS opens only the LMS app), the other
//! stories, and the deployment's `config.json` (its own LRS: inside an LMS, the LMS says where
//! records go), replaced by an empty one (`{}`: no LRS of its own). Its `build.json` and
//! `catalog.json` list only what it holds.

use rapport_engine::catalog::{Card, Catalog};
use rapport_engine::launch::{launch_url, LmsFormat};
use rapport_engine::Text;
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder of the build's LMS app (`apps` in `build.json`; `launch_url` opens its page).
const LMS_APP: &str = "lms/";

/// The files of `dist/` a package writes itself instead (see the module docs).
const REPLACED: &[&str] = &["build.json", "catalog.json", "config.json"];

/// The package's `config.json`: no LRS besides the LMS's.
const CONFIG: &str = "{}\n";

/// Arguments of `package`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The standard the LMS speaks: `cmi5` or `scorm12`.
    #[arg(long, value_parser = parse_format)]
    format: LmsFormat,
    /// A story to include (repeat for several); default: every story of the build.
    #[arg(long = "story", value_name = "ID")]
    stories: Vec<String>,
    /// The score (0 to 1) that passes: cmi5's `masteryScore`, SCORM's `adlcp:masteryscore`
    /// (as a percentage).
    #[arg(long, default_value_t = 0.8, value_parser = parse_mastery)]
    mastery: f64,
    /// The built app (`make dist`).
    #[arg(long, default_value = "dist")]
    dist: PathBuf,
    /// The ZIP to write.
    #[arg(long)]
    out: PathBuf,
}

fn parse_format(name: &str) -> Result<LmsFormat, String> {
    LmsFormat::parse(name).ok_or_else(|| format!("`{name}` is not a format: cmi5 or scorm12"))
}

fn parse_mastery(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(m) if (0.0..=1.0).contains(&m) => Ok(m),
        _ => Err(format!("`{text}` is not a score between 0 and 1")),
    }
}

/// Writes the package; 1 (and nothing written) when the build or a story id is wrong.
pub fn run(args: &Args, out: &mut dyn Write) -> std::io::Result<u8> {
    let build = match read_json(&args.dist.join("build.json")) {
        Ok(v) => v,
        Err(message) => {
            writeln!(out, "package: {message} (run `make dist` first)")?;
            return Ok(1);
        }
    };
    let catalog: Catalog = match read_json(&args.dist.join("catalog.json"))
        .and_then(|v| serde_json::from_value(v).map_err(|e| format!("catalog.json: {e}")))
    {
        Ok(c) => c,
        Err(message) => {
            writeln!(out, "package: {message} (run `make dist` first)")?;
            return Ok(1);
        }
    };
    let cards: Vec<Card> = if args.stories.is_empty() {
        catalog.stories.clone()
    } else {
        let mut cards = Vec::new();
        for id in &args.stories {
            match catalog.stories.iter().find(|c| c.id.as_str() == id) {
                Some(card) => cards.push(card.clone()),
                None => {
                    let known: Vec<&str> = catalog.stories.iter().map(|c| c.id.as_str()).collect();
                    writeln!(
                        out,
                        "package: no story `{id}` in {}; the build has: {}",
                        args.dist.display(),
                        known.join(", ")
                    )?;
                    return Ok(1);
                }
            }
        }
        cards
    };
    let ids: Vec<String> = cards.iter().map(|c| c.id.to_string()).collect();
    let chosen: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    let Some(app) = build["apps"][LMS_APP].as_array() else {
        writeln!(
            out,
            "package: {} has no LMS app ({LMS_APP} in build.json's apps): run `make dist`",
            args.dist.display()
        )?;
        return Ok(1);
    };
    let app = app.iter().filter_map(Value::as_str);
    let stories = build["files"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|f| keeps(f, &chosen));
    let mut files: Vec<String> = app.chain(stories).map(str::to_string).collect();
    files.sort();
    let (common, own) = split_files(&files);
    let (name, manifest) = match args.format {
        LmsFormat::Cmi5 => ("cmi5.xml", cmi5_xml(&cards, args.mastery)),
        LmsFormat::Scorm12 => (
            "imsmanifest.xml",
            scorm_manifest(&cards, args.mastery, &common, &own),
        ),
    };
    let mut build = build;
    // What the package holds, as the build lists it: every file but build.json itself.
    let mut listed = files.clone();
    listed.extend(["catalog.json".to_string(), "config.json".to_string()]);
    listed.sort();
    build["files"] = serde_json::json!(listed);
    // Every file it holds is in `files`; the learner's app (`app`) and the authoring app are not
    // in a package.
    build["apps"] = serde_json::json!({});
    if let Some(fields) = build.as_object_mut() {
        fields.remove("app");
    }
    build["stories"] = serde_json::json!(chosen);
    if let Some(split) = build.get_mut("split").and_then(Value::as_object_mut) {
        split.retain(|id, _| chosen.contains(id.as_str()));
    }
    let catalog = Catalog { stories: cards };
    let generated: Vec<(&str, Vec<u8>)> = vec![
        (name, manifest.into_bytes()),
        ("build.json", to_json(&build)?),
        ("catalog.json", to_json(&catalog)?),
        ("config.json", CONFIG.as_bytes().to_vec()),
    ];
    write_zip(&args.out, &args.dist, &files, &generated)?;
    writeln!(
        out,
        "package: {} with {} {} and {} files in {}",
        name,
        chosen.len(),
        if chosen.len() == 1 {
            "story"
        } else {
            "stories"
        },
        files.len() + generated.len(),
        args.out.display()
    )?;
    Ok(0)
}

/// Whether a file of the learner's build goes into a package of the `chosen` stories: their own
/// files (`stories/<id>.json`, `stories/<id>.<locale>.json`); the rest is the learner's app, or
/// written by the package itself (`REPLACED`).
fn keeps(file: &str, chosen: &BTreeSet<&str>) -> bool {
    story_of(file).is_some_and(|id| chosen.contains(id))
}

/// The story a file of the build belongs to, if it is a story file.
fn story_of(file: &str) -> Option<&str> {
    let name = file.strip_prefix("stories/")?.strip_suffix(".json")?;
    // Story ids hold no dot (build-stories refuses them), so the id ends at the first one.
    Some(name.split('.').next().unwrap_or(name))
}

/// The files every story needs, and each story's own, by id.
fn split_files(files: &[String]) -> (Vec<String>, Vec<(String, String)>) {
    let mut common: Vec<String> = REPLACED.iter().map(|f| f.to_string()).collect();
    let mut own = Vec::new();
    for f in files {
        match story_of(f) {
            Some(id) => own.push((id.to_string(), f.clone())),
            None => common.push(f.clone()),
        }
    }
    common.sort();
    (common, own)
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn to_json(value: &impl serde::Serialize) -> std::io::Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(std::io::Error::other)
}

/// Escapes text for XML content and attribute values.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The IRI of a story: the AU's id, and the activity the app's statements name (under the
/// default base, which a package's app uses: its `config.json` is empty).
fn story_iri(card: &Card) -> String {
    rapport_engine::xapi::story_iri(rapport_engine::xapi::DEFAULT_BASE, card.id.as_str())
}

/// `<tag>` holding a `<langstring>` of `text` in each of `locales`, indented by `indent`.
fn langstrings(
    tag: &str,
    locales: &[String],
    text: impl Fn(&str) -> String,
    indent: &str,
) -> String {
    let strings: String = locales
        .iter()
        .map(|l| {
            format!(
                "{indent}  <langstring lang=\"{}\">{}</langstring>\n",
                xml(l),
                xml(&text(l))
            )
        })
        .collect();
    format!("{indent}<{tag}>\n{strings}{indent}</{tag}>\n")
}

/// `field` of `card` in a locale (its fallback where it lacks it).
fn localised<'a>(card: &'a Card, field: &'a Text) -> impl Fn(&str) -> String + 'a {
    move |l: &str| card.localiser(l).text(field).to_string()
}

/// `cmi5.xml`: the course, then one AU per story, each titled and described in every locale
/// of its story.
fn cmi5_xml(cards: &[Card], mastery: f64) -> String {
    let mut locales: Vec<String> = Vec::new();
    for card in cards {
        for l in &card.locales {
            if !locales.contains(l) {
                locales.push(l.clone());
            }
        }
    }
    // A course of one story is that story; of several, Rapport with their titles.
    let course_title = |l: &str| match cards {
        [one] => one.localiser(l).text(&one.title).to_string(),
        _ => "Rapport".to_string(),
    };
    let course_description = |l: &str| match cards {
        [one] => one.localiser(l).text(&one.summary).to_string(),
        _ => cards
            .iter()
            .map(|c| c.localiser(l).text(&c.title).to_string())
            .collect::<Vec<_>>()
            .join("; "),
    };
    let ids: Vec<&str> = cards.iter().map(|c| c.id.as_str()).collect();
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(
        "<courseStructure xmlns=\"https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd\">\n",
    );
    x.push_str(&format!(
        "  <course id=\"{}\">\n{}{}  </course>\n",
        xml(&format!(
            "{}courses/{}",
            rapport_engine::xapi::DEFAULT_BASE,
            ids.join("+")
        )),
        langstrings("title", &locales, course_title, "    "),
        langstrings("description", &locales, course_description, "    "),
    ));
    for card in cards {
        x.push_str(&format!(
            "  <au id=\"{}\" moveOn=\"CompletedOrPassed\" masteryScore=\"{mastery}\" launchMethod=\"AnyWindow\">\n{}{}    <url>{}</url>\n  </au>\n",
            xml(&story_iri(card)),
            langstrings("title", &card.locales, localised(card, &card.title), "    "),
            langstrings("description", &card.locales, localised(card, &card.summary), "    "),
            xml(&launch_url(card.id.as_str(), LmsFormat::Cmi5))
        ));
    }
    x.push_str("</courseStructure>\n");
    x
}

/// `imsmanifest.xml`: one organization with an item per story, and one SCO resource per story
/// listing every file it uses. SCORM 1.2 titles have one language: the story's first locale.
fn scorm_manifest(
    cards: &[Card],
    mastery: f64,
    common: &[String],
    own: &[(String, String)],
) -> String {
    let percent = (mastery * 100.0).round();
    let title = |card: &Card| {
        let first = card.locales.first().map_or("en", String::as_str);
        card.localiser(first).text(&card.title).to_string()
    };
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str(concat!(
        "<manifest identifier=\"rapport\" version=\"1.0\"\n",
        "    xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"\n",
        "    xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\"\n",
        "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n",
        "    xsi:schemaLocation=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd ",
        "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd ",
        "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd\">\n",
        "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n",
        "  <organizations default=\"rapport\">\n    <organization identifier=\"rapport\">\n",
        "      <title>Rapport</title>\n",
    ));
    for card in cards {
        x.push_str(&format!(
            "      <item identifier=\"item-{id}\" identifierref=\"sco-{id}\" isvisible=\"true\">\n        <title>{}</title>\n        <adlcp:masteryscore>{percent}</adlcp:masteryscore>\n      </item>\n",
            xml(&title(card)),
            id = xml(card.id.as_str()),
        ));
    }
    x.push_str("    </organization>\n  </organizations>\n  <resources>\n");
    for card in cards {
        x.push_str(&format!(
            "    <resource identifier=\"sco-{}\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"{}\">\n",
            xml(card.id.as_str()),
            xml(&launch_url(card.id.as_str(), LmsFormat::Scorm12))
        ));
        let mine = own
            .iter()
            .filter(|(id, _)| id == card.id.as_str())
            .map(|(_, f)| f);
        let mut files: Vec<&String> = common.iter().chain(mine).collect();
        files.sort();
        for f in files {
            x.push_str(&format!("      <file href=\"{}\"/>\n", xml(f)));
        }
        x.push_str("    </resource>\n");
    }
    x.push_str("  </resources>\n</manifest>\n");
    x
}

/// Writes the ZIP: the manifest and the generated files first, then the build's `files`.
fn write_zip(
    out: &Path,
    dist: &Path,
    files: &[String],
    generated: &[(&str, Vec<u8>)],
) -> std::io::Result<()> {
    let at = |e: &dyn std::fmt::Display| std::io::Error::other(format!("{}: {e}", out.display()));
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let file = std::fs::File::create(out).map_err(|e| at(&e))?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in generated {
        zip.start_file(*name, options).map_err(|e| at(&e))?;
        zip.write_all(bytes)?;
    }
    for name in files {
        let path = dist.join(name);
        let bytes = std::fs::read(&path)
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        zip.start_file(name.as_str(), options).map_err(|e| at(&e))?;
        zip.write_all(&bytes)?;
    }
    zip.finish().map_err(|e| at(&e))?;
    Ok(())
}
