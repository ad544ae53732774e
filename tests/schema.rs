//! The committed `stories/schema.json` is exactly what the Rust types generate, so editors that
//! follow a story's `$schema` see the format the engine reads. Regenerate with `UPDATE_SCHEMA=1`.

#[test]
fn committed_schema_matches_the_rust_types() {
    let generated = rapport::engine::json_schema();
    let path = "stories/schema.json";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &generated).expect("write schema");
    }
    let committed = std::fs::read_to_string(path).expect("stories/schema.json exists");
    assert!(
        committed == generated,
        "stories/schema.json is stale: run `UPDATE_SCHEMA=1 cargo test --test schema`"
    );
    assert!(
        generated.contains("\"additionalProperties\": false"),
        "unknown fields are rejected"
    );
}
