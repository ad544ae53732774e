//! `rapport-bench`: generated stories for scaling tests, and native engine timings.

use clap::{Parser, Subcommand};
use rapport_bench::{load_story, play_first};
use rapport_engine::analysis::{analyse, DEFAULT_MAX_STATES};
use rapport_engine::generate::generate_json;
use std::time::Instant;

/// Engine timings and generated stories for `make bench`.
#[derive(Parser)]
#[command(name = "rapport-bench", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print a valid generated story of NODES nodes.
    Generate {
        /// How many nodes.
        nodes: usize,
        /// Seed of the generator.
        #[arg(default_value_t = 1)]
        seed: u64,
    },
    /// Native engine timings on generated stories, one JSON object per size.
    Engine,
}

fn main() {
    match Cli::parse().command {
        Command::Generate { nodes, seed } => println!("{}", generate_json(nodes, seed)),
        Command::Engine => engine(),
    }
}

fn engine() {
    for nodes in [1_000usize, 10_000, 100_000] {
        let text = generate_json(nodes, 1);
        // The median of several loads (one for the largest), so a cold first run does not decide.
        let runs = if nodes >= 100_000 { 1 } else { 5 };
        let mut times = Vec::with_capacity(runs);
        let mut loaded = None;
        for _ in 0..runs {
            let t0 = Instant::now();
            let story = load_story(&text);
            times.push(t0.elapsed().as_secs_f64() * 1000.0);
            loaded = story; // the previous one is dropped here, outside the timing
        }
        let Some(story) = loaded else {
            println!("{{\"nodes\":{nodes},\"error\":\"invalid\"}}");
            continue;
        };
        times.sort_by(f64::total_cmp);
        let load_ms = times[times.len() / 2];
        let t1 = Instant::now();
        let steps = play_first(&story);
        let play_ms = t1.elapsed().as_secs_f64() * 1000.0;
        let t2 = Instant::now();
        let a = analyse(&story, DEFAULT_MAX_STATES);
        let analysis_ms = t2.elapsed().as_secs_f64() * 1000.0;
        let line = serde_json::json!({
            "nodes": nodes, "bytes": text.len(), "load_ms": load_ms, "play_ms": play_ms,
            "steps": steps, "analysis_ms": analysis_ms, "states": a.states, "truncated": a.truncated,
        });
        println!("{line}");
    }
}
