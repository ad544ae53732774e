//! The committed `schema/story.schema.json` is exactly what the Rust types generate, so editors
//! that follow a story's `$schema` see the format the engine reads. Regenerate with `UPDATE_SCHEMA=1`.

use std::path::Path;

#[test]
fn committed_schema_matches_the_rust_types() {
    let generated = rapport_engine::json_schema();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/story.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write schema");
    }
    let committed = std::fs::read_to_string(&path).expect("schema/story.schema.json exists");
    assert!(
        committed == generated,
        "schema/story.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test -p storycheck --test schema`"
    );
    assert!(
        generated.contains("\"additionalProperties\": false"),
        "unknown fields are rejected"
    );
}
