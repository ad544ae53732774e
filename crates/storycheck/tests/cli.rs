//! `storycheck` as an author runs it: exit codes, human and JSON output, hostile files.

use std::process::Command;

fn storycheck(args: &[&str]) -> (i32, String, String) {
    // From the repository's root, so the files are named as an author names them.
    let out = Command::new(env!("CARGO_BIN_EXE_storycheck"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .args(args)
        .output()
        .expect("storycheck runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_valid_file_exits_zero() {
    let (code, out, _) = storycheck(&["tests/fixtures/mini.json"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().last(),
        Some("tests/fixtures/mini.json: ok (0 warnings)")
    );
    assert!(
        out.contains(
            "8 states, 5 play-throughs, 2–2 decisions, outcomes failure–success, scores 0%–100%"
        ),
        "{out}"
    );
    assert!(
        out.contains("ending walked_out (failure): 2–2 decisions, 1 play-throughs"),
        "{out}"
    );
}

#[test]
fn problems_are_one_line_each_with_file_and_location() {
    let (code, out, _) = storycheck(&[
        "tests/fixtures/mini.json",
        "tests/fixtures/broken/many-problems.json",
    ]);
    assert_eq!(code, 1, "any invalid file makes the exit status 1");
    let errors: Vec<&str> = out.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 4, "{out}");
    assert!(errors.contains(
        &"tests/fixtures/broken/many-problems.json:184:19: error: choice leads to node `nowhere`, which does not exist (at /nodes/0/choices/1/next)"
    ), "{out}");
}

#[test]
fn json_output_is_one_object_per_file() {
    let (code, out, _) = storycheck(&[
        "--json",
        "tests/fixtures/mini.json",
        "tests/fixtures/broken/syntax.json",
    ]);
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2);
    let ok = &lines[0];
    assert_eq!(ok["ok"], true);
    assert_eq!(ok["stats"]["nodes"], 5);
    assert_eq!(ok["stats"]["choices"], 5);
    assert_eq!(ok["stats"]["endings"], 3);
    assert_eq!(ok["stats"]["reachable_endings"], 3);
    assert_eq!(
        ok["stats"]["locales"],
        serde_json::json!(["en", "es", "pt"])
    );
    assert_eq!(
        ok["stats"]["emotions"],
        serde_json::json!(["trust", "anger"])
    );
    let bad = &lines[1];
    assert_eq!(bad["ok"], false);
    assert_eq!(bad["errors"][0]["line"], 30);
    assert_eq!(bad["errors"][0]["column"], 8);
    assert_eq!(bad["errors"][0]["pointer"], serde_json::Value::Null);
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(storycheck(&[]).0, 2);
    assert_eq!(storycheck(&["--bogus", "x.json"]).0, 2);
}

#[test]
fn hostile_files_are_reported_never_panicked_on() {
    for f in ["empty", "binary", "deep", "not-object", "syntax"] {
        let path = format!("tests/fixtures/broken/{f}.json");
        let (code, out, err) = storycheck(&[&path]);
        assert_eq!(code, 1, "{f}: {out}{err}");
        assert!(out.starts_with(&path), "{f}: {out}");
        assert!(!err.contains("panicked"), "{f}: {err}");
    }
    let (code, out, _) = storycheck(&["no/such/file.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("cannot read the file"));
}

#[test]
fn files_over_ten_megabytes_are_refused_unread() {
    let dir = std::env::temp_dir().join(format!("storycheck-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let big = dir.join("big.json");
    let file = std::fs::File::create(&big).expect("create");
    file.set_len(11 * 1024 * 1024).expect("sparse 11 MB");
    let (code, out, _) = storycheck(&[big.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1);
    assert!(out.contains("limited to 10 MB"), "{out}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn play_prints_a_transcript_with_emotion_changes() {
    let (code, out, _) = storycheck(&["play", "tests/fixtures/mini.json", "joke", "hope"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("trust 40→25 (-15), anger 55→100 (+45)"),
        "{out}"
    );
    assert!(out.contains("rule `walks_out` fired → walked_out"));
    assert!(out.contains("END Failure: Escalated"));
    let (code, _, err) = storycheck(&["play", "tests/fixtures/mini.json", "nope"]);
    assert_eq!(code, 1);
    assert!(err.contains("node `ask` has no choice `nope`"));
}

#[test]
fn random_walks_report_coverage_and_endings_reproducibly() {
    let args = [
        "--json",
        "--random",
        "200",
        "--seed",
        "42",
        "tests/fixtures/mini.json",
    ];
    let (code, out, _) = storycheck(&args);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
    let r = &v["random"];
    assert_eq!(r["walks"], 200);
    assert_eq!(r["nodes"], 1.0, "200 walks visit all 5 nodes");
    assert_eq!(r["unfinished"], 0);
    let total: u64 = r["endings"]
        .as_object()
        .expect("map")
        .values()
        .filter_map(|n| n.as_u64())
        .sum();
    assert_eq!(total, 200);
    assert_eq!(storycheck(&args).1, out, "same seed, same report");
    let (_, other, _) = storycheck(&[
        "--json",
        "--random",
        "200",
        "--seed",
        "43",
        "tests/fixtures/mini.json",
    ]);
    assert_ne!(other, out, "another seed, other walks");
}

#[test]
fn the_graph_exports_as_dot_and_mermaid() {
    let (code, dot, _) = storycheck(&["graph", "tests/fixtures/mini.json"]);
    assert_eq!(code, 0);
    assert!(dot.starts_with("digraph story {"));
    assert!(
        dot.contains(r#""ask" -> "plan" [label="explain"];"#),
        "{dot}"
    );
    assert!(dot.contains(
        r##""walked_out" [shape=doubleoctagon, style=filled, fontcolor=white, fillcolor="#b3261e""##
    ));
    assert!(dot.contains(r#""rule: walks_out" -> "walked_out" [style=dashed];"#));
    let (code, mermaid, _) =
        storycheck(&["graph", "tests/fixtures/mini.json", "--format", "mermaid"]);
    assert_eq!(code, 0);
    assert!(mermaid.starts_with("flowchart TD\n"));
    assert!(mermaid.contains("n0 -->|explain| n1"), "{mermaid}");
    assert!(mermaid.contains(r#"n2(["fixed (Success)"]):::Success"#));
    assert_eq!(
        storycheck(&["graph", "tests/fixtures/mini.json", "--format", "png"]).0,
        2
    );
}

#[test]
fn strict_counts_warnings_and_lints_as_errors() {
    // The example story is valid but trips assessment lints: fine normally, a failure in --strict.
    let (code, out, _) = storycheck(&["tests/fixtures/mini.json"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("tests/fixtures/mini.json: 9 lints; lint summary:"),
        "{out}"
    );
    let (code, out, _) = storycheck(&["--strict", "tests/fixtures/mini.json"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        out.lines().last(),
        Some("tests/fixtures/mini.json: fails --strict (0 warnings, 9 lints)")
    );
    let (code, out, _) = storycheck(&["--strict", "tests/fixtures/lint-clean.json"]);
    assert_eq!(code, 0, "no warning, no lint: {out}");
    let (code, out, _) = storycheck(&["--strict", "--json", "tests/fixtures/mini.json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
    assert_eq!(v["ok"], false);
}

#[test]
fn lints_are_reported_with_code_location_and_help() {
    let (code, out, _) = storycheck(&["--lints", "tests/fixtures/mini.json"]);
    assert_eq!(code, 0);
    assert!(out.contains(
        "tests/fixtures/mini.json:4:15: warning[length-cue]: in `en`, a top-rated reply is also the longest in 3 of 3 graded decisions (100%, over 40%): length gives the answer away (at /locales/0)\n  help: "
    ), "{out}");
    assert!(
        out.contains("  always the first reply: ending `fixed` (success) after 2 replies\n"),
        "{out}"
    );
    assert!(
        !out.contains("play-throughs"),
        "--lints prints only lints and their summary"
    );
    let (_, out, _) = storycheck(&["--json", "tests/fixtures/mini.json"]);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
    assert_eq!(
        v["warnings"],
        serde_json::json!([]),
        "lints are apart from warnings"
    );
    let first = &v["lints"][0];
    assert_eq!(first["code"], "length-cue");
    assert_eq!(first["locale"], "en");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(4), Some(15))
    );
    assert_eq!(v["lint_summary"]["length_cue"][0]["percent"], 100);
    assert_eq!(v["lint_summary"]["strategies"][4]["strategy"], "shortest");
    let (_, out, _) = storycheck(&["--no-analysis", "tests/fixtures/mini.json"]);
    assert!(!out.contains("lint"), "no exploration, no lints: {out}");
}

#[test]
fn play_takes_the_locale_before_or_after_the_file() {
    let (code, out, _) = storycheck(&[
        "play",
        "tests/fixtures/mini.json",
        "--locale",
        "pt",
        "joke",
        "hope",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("END Failure: Escalado\ndebrief: Ana perdeu a paciência e escalou.\n"),
        "{out}"
    );
    assert!(out.contains("(Raiva ≥ 80)"), "{out}");
}
