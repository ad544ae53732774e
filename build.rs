//! Lists the stories in `stories/` at build time, so the app knows which files to fetch.

use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=stories");
    let mut ids: Vec<String> = fs::read_dir("stories")
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter_map(|e| {
                    let path = e.path();
                    let stem = path.file_stem()?.to_str()?.to_string();
                    (path.extension()? == "json").then_some(stem)
                })
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let list: Vec<String> = ids.iter().map(|id| format!("{id:?}")).collect();
    let code = format!(
        "/// Story ids found in `stories/` at build time.\npub const STORY_IDS: &[&str] = &[{}];\n",
        list.join(", ")
    );
    if let Err(err) = fs::write(Path::new(&out).join("catalog.rs"), code) {
        panic!("cannot write the story catalog: {err}");
    }
}
