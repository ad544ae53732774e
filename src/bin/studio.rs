//! The authoring app (`studio/index.html`): Studio, checking your own story, the class report.
//! A wasm of its own, so a learner's visit never downloads it.

fn main() {
    rapport::start::<rapport::author::Author>();
}
