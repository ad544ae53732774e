//! The learner's app: what a learner's visit downloads (`index.html`). Everything lives in the
//! library; this names the learner's pages, so no authoring page is linked into its wasm.

fn main() {
    rapport::start::<rapport::components::app::Learner>();
}
