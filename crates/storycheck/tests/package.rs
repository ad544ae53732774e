//! `storycheck package`: the ZIP an LMS imports, from a build shaped as `make dist` leaves it
//! (the real `build-stories` output, placeholder app files). Its manifests carry the elements and
//! attributes cmi5 (§14) and SCORM 1.2 ask for, each AU or SCO opens its own story, and the
//! package holds the chosen stories and nothing of the others.

use rapport_engine::launch::{launch_url, LmsFormat};
use rapport_engine::{load, StoryId};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

const CMI5_NS: &str = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";
const IMSCP_NS: &str = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
const ADLCP_NS: &str = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
const STORIES: [&str; 3] = ["bad-news", "mr-santino", "the-email"];
/// The LMS app's files in the build (`lms/`), sorted as the manifest lists them.
const LMS_APP: [(&str, &str); 5] = [
    ("lms/boot.js", "// boot"),
    ("lms/icon-0123.png", "png"),
    ("lms/index.html", "<!doctype html><title>Rapport</title>"),
    ("lms/rapport-lms-0123.js", "// glue"),
    ("lms/rapport-lms-0123_bg.wasm", "wasm"),
];

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("storycheck-package-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

fn run(args: &[String]) -> (u8, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = storycheck::run(args, &mut out, &mut err).expect("runs");
    (
        code,
        String::from_utf8_lossy(&out).into_owned() + &String::from_utf8_lossy(&err),
    )
}

/// A `dist/` as the build leaves it: the stories (whole and split), the catalog, the learner's
/// app's files, a deployment's `config.json`, the LMS app in `lms/`, and `build.json` listing them
/// all (the LMS app's under `apps`, as `scripts/manifest.mjs` does).
fn dist(name: &str) -> PathBuf {
    let dir = scratch(name);
    let mut args = vec!["build-stories".to_string(), dir.display().to_string()];
    args.extend(
        STORIES
            .iter()
            .map(|id| repo(&format!("stories/{id}.json")).display().to_string()),
    );
    assert_eq!(run(&args).0, 0);
    for id in STORIES {
        std::fs::copy(
            repo(&format!("stories/{id}.json")),
            dir.join(format!("stories/{id}.json")),
        )
        .expect("copies");
    }
    for (file, text) in [
        ("index.html", "<!doctype html><title>Rapport</title>"),
        ("boot.js", "// boot"),
        ("sw.js", "// sw"),
        ("rapport-0123.js", "// glue"),
        ("rapport-0123_bg.wasm", "wasm"),
        (
            "config.json",
            r#"{"xapi": {"endpoint": "https://lrs.example/"}}"#,
        ),
    ] {
        std::fs::write(dir.join(file), text).expect("writes");
    }
    std::fs::create_dir_all(dir.join("lms")).expect("lms/");
    for (file, text) in LMS_APP {
        std::fs::write(dir.join(file), text).expect("writes");
    }
    let mut files: Vec<String> = Vec::new();
    for entry in walk(&dir) {
        files.push(
            entry
                .strip_prefix(&dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/"),
        );
    }
    files.retain(|f| !f.starts_with("lms/"));
    files.sort();
    let lms: Vec<&str> = LMS_APP.iter().map(|(f, _)| *f).collect();
    let build = serde_json::json!({
        "version": "0123456789abcdef",
        "app": {"js": "rapport-0123.js", "wasm": "rapport-0123_bg.wasm", "css": null},
        "stories": STORIES,
        "split": {},
        "catalog": "catalog.json",
        "files": files,
        "apps": {"lms/": lms},
    });
    std::fs::write(dir.join("build.json"), build.to_string()).expect("writes");
    dir
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("reads").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// The package's files, by name.
fn unzip(path: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(path).expect("the zip")).expect("a zip");
    let mut files = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).expect("an entry");
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).expect("reads");
        files.insert(f.name().to_string(), bytes);
    }
    files
}

fn package(dist: &Path, format: &str, stories: &[&str], out: &Path) -> (u8, String) {
    let mut args = vec![
        "package".to_string(),
        "--format".into(),
        format.into(),
        "--dist".into(),
        dist.display().to_string(),
        "--out".into(),
        out.display().to_string(),
        "--mastery".into(),
        "0.75".into(),
    ];
    for s in stories {
        args.push("--story".into());
        args.push((*s).into());
    }
    run(&args)
}

fn locales(id: &str) -> Vec<String> {
    let bytes = std::fs::read(repo(&format!("stories/{id}.json"))).expect("story");
    load(StoryId::new(id), &bytes)
        .0
        .expect("loads")
        .file
        .locales
        .clone()
}

fn langs(node: roxmltree::Node) -> Vec<String> {
    node.children()
        .filter(|c| c.has_tag_name((CMI5_NS, "langstring")))
        .map(|c| {
            assert!(
                !c.text().unwrap_or("").trim().is_empty(),
                "empty langstring"
            );
            c.attribute("lang").expect("a lang").to_string()
        })
        .collect()
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, ns: &str, name: &str) -> roxmltree::Node<'a, 'i> {
    node.children()
        .find(|c| c.has_tag_name((ns, name)))
        .unwrap_or_else(|| panic!("no <{name}> in <{}>", node.tag_name().name()))
}

/// The file a launch URL opens, and its query.
fn opened(url: &str) -> (&str, &str) {
    url.split_once('?').unwrap_or((url, ""))
}

#[test]
fn a_cmi5_package_has_one_au_per_story_with_move_on_mastery_and_every_locale() {
    let dist = dist("cmi5");
    let out = dist.join("out/course.zip");
    let chosen = ["mr-santino", "bad-news"];
    let (code, said) = package(&dist, "cmi5", &chosen, &out);
    assert_eq!(code, 0, "{said}");
    let files = unzip(&out);
    let xml = String::from_utf8(files["cmi5.xml"].clone()).expect("utf-8");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert!(root.has_tag_name((CMI5_NS, "courseStructure")), "{xml}");
    let course = child(root, CMI5_NS, "course");
    assert!(course
        .attribute("id")
        .expect("an id")
        .starts_with("https://"));
    let all: BTreeSet<String> = chosen.iter().flat_map(|id| locales(id)).collect();
    for part in ["title", "description"] {
        let got: BTreeSet<String> = langs(child(course, CMI5_NS, part)).into_iter().collect();
        assert_eq!(got, all, "the course's {part}");
    }
    let aus: Vec<_> = root
        .children()
        .filter(|c| c.has_tag_name((CMI5_NS, "au")))
        .collect();
    assert_eq!(aus.len(), chosen.len());
    let mut ids = BTreeSet::new();
    for (au, story) in aus.iter().zip(chosen) {
        let id = au.attribute("id").expect("an id");
        assert!(id.starts_with("https://") && ids.insert(id), "{id}");
        assert_eq!(au.attribute("moveOn"), Some("CompletedOrPassed"));
        assert_eq!(au.attribute("masteryScore"), Some("0.75"));
        for part in ["title", "description"] {
            assert_eq!(
                langs(child(*au, CMI5_NS, part)),
                locales(story),
                "{story} {part}"
            );
        }
        let url = child(*au, CMI5_NS, "url").text().expect("a url");
        assert_eq!(url, launch_url(story, LmsFormat::Cmi5));
        assert!(files.contains_key(opened(url).0), "{url} is in the package");
    }
    // The chosen stories, the app, and nothing of the others; no LRS of the deployment's.
    assert!(files.contains_key("stories/mr-santino.en.json"));
    assert!(files.contains_key("stories/bad-news.json"));
    assert!(!files.keys().any(|f| f.starts_with("stories/the-email")));
    assert_eq!(files["config.json"], b"{}\n");
    let build: serde_json::Value =
        serde_json::from_slice(&files["build.json"]).expect("build.json");
    let listed: BTreeSet<&str> = build["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f.as_str())
        .collect();
    let held: BTreeSet<&str> = files
        .keys()
        .map(String::as_str)
        .filter(|f| *f != "cmi5.xml" && *f != "build.json")
        .collect();
    assert_eq!(listed, held, "build.json lists what the package holds");
}

#[test]
fn a_scorm_package_has_one_sco_per_story_listing_its_files() {
    let dist = dist("scorm");
    let out = dist.join("out/scorm.zip");
    let (code, said) = package(&dist, "scorm12", &[], &out);
    assert_eq!(code, 0, "{said}");
    let files = unzip(&out);
    let xml = String::from_utf8(files["imsmanifest.xml"].clone()).expect("utf-8");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert!(root.has_tag_name((IMSCP_NS, "manifest")), "{xml}");
    let version = child(child(root, IMSCP_NS, "metadata"), IMSCP_NS, "schemaversion");
    assert_eq!(version.text(), Some("1.2"));
    let orgs = child(root, IMSCP_NS, "organizations");
    let org = child(orgs, IMSCP_NS, "organization");
    assert_eq!(orgs.attribute("default"), org.attribute("identifier"));
    let items: Vec<_> = org
        .children()
        .filter(|c| c.has_tag_name((IMSCP_NS, "item")))
        .collect();
    assert_eq!(items.len(), STORIES.len(), "every story by default");
    let resources = child(root, IMSCP_NS, "resources");
    for item in items {
        assert!(!child(item, IMSCP_NS, "title")
            .text()
            .unwrap_or("")
            .is_empty());
        assert_eq!(
            child(item, ADLCP_NS, "masteryscore").text(),
            Some("75"),
            "a percentage"
        );
        let target = item.attribute("identifierref").expect("identifierref");
        let resource = resources
            .children()
            .find(|r| r.attribute("identifier") == Some(target))
            .expect("the item's resource");
        assert_eq!(resource.attribute("type"), Some("webcontent"));
        assert_eq!(resource.attribute((ADLCP_NS, "scormtype")), Some("sco"));
        let href = resource.attribute("href").expect("href");
        let story = STORIES
            .iter()
            .find(|s| href == launch_url(s, LmsFormat::Scorm12))
            .unwrap_or_else(|| panic!("{href} opens no story"));
        let listed: Vec<&str> = resource
            .children()
            .filter(|c| c.has_tag_name((IMSCP_NS, "file")))
            .filter_map(|c| c.attribute("href"))
            .collect();
        assert!(listed.contains(&opened(href).0));
        assert!(listed.contains(&format!("stories/{story}.json").as_str()));
        assert!(!listed
            .iter()
            .any(|f| f.starts_with("stories/") && !f.starts_with(&format!("stories/{story}."))));
        for f in listed {
            assert!(
                files.contains_key(f),
                "{f} is listed but not in the package"
            );
        }
    }
}

#[test]
fn every_launch_url_opens_the_lms_app_which_the_package_holds_without_the_learners_app() {
    for (format, manifest) in [("cmi5", "cmi5.xml"), ("scorm12", "imsmanifest.xml")] {
        let dist = dist(&format!("lms-{format}"));
        let out = dist.join("out/p.zip");
        let (code, said) = package(&dist, format, &["mr-santino"], &out);
        assert_eq!(code, 0, "{said}");
        let files = unzip(&out);
        let xml = String::from_utf8(files[manifest].clone()).expect("utf-8");
        let url = launch_url("mr-santino", LmsFormat::parse(format).expect("a format"));
        assert!(url.starts_with("lms/index.html?"), "{url}");
        assert!(xml.contains(&url.replace('&', "&amp;")), "{xml}");
        for (file, _) in LMS_APP {
            assert!(
                files.contains_key(file),
                "{file} is in the {format} package"
            );
        }
        // An LMS opens only the LMS app: the learner's page and wasm stay out.
        for file in ["index.html", "rapport-0123_bg.wasm", "sw.js"] {
            assert!(
                !files.contains_key(file),
                "{file} is in the {format} package"
            );
        }
    }
    // A build from before the LMS app had its own page cannot be packaged.
    let dist = dist("lms-none");
    let build = std::fs::read_to_string(dist.join("build.json")).expect("build.json");
    let mut build: serde_json::Value = serde_json::from_str(&build).expect("json");
    build["apps"] = serde_json::json!({});
    std::fs::write(dist.join("build.json"), build.to_string()).expect("writes");
    let (code, said) = package(&dist, "cmi5", &[], &dist.join("out/x.zip"));
    assert_eq!(code, 1);
    assert!(
        said.contains("no LMS app") && said.contains("make dist"),
        "{said}"
    );
}

#[test]
fn a_story_the_build_lacks_or_a_missing_build_is_refused_with_what_to_do() {
    let dist = dist("refused");
    let out = dist.join("out/x.zip");
    let (code, said) = package(&dist, "cmi5", &["nope"], &out);
    assert_eq!(code, 1);
    assert!(
        said.contains("no story `nope`") && said.contains("mr-santino"),
        "{said}"
    );
    assert!(!out.exists(), "nothing written");
    let (code, said) = package(&dist.join("missing"), "scorm12", &[], &out);
    assert_eq!(code, 1);
    assert!(said.contains("make dist"), "{said}");
    let (code, _) = package(&dist, "scorm2004", &[], &out);
    assert_eq!(code, 2, "a usage error");
}
