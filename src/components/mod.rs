//! The view: one component per file; hook-free pieces are plain functions returning `Html`.

pub mod app;
pub mod chart;
pub mod client_panel;
pub mod debrief;
pub mod header;
pub mod kiosk;
pub mod library;
pub mod player;
pub mod portrait;
pub mod problems;
pub mod report;
pub mod story_map;
pub mod transcript;
pub mod upload;

/// A number for an SVG attribute, to at most two decimals (`12.5`, `-3`, `0.25`), written with
/// integer formatting: the float formatter would add about 10 KB to the wasm for nothing a
/// learner sees.
pub fn num(v: f32) -> String {
    let hundredths = (v * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let (whole, frac) = (hundredths.abs() / 100, hundredths.abs() % 100);
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}
