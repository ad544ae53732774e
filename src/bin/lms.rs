//! The LMS app (`lms/index.html`): the learner's app as an LMS launches it, one story reporting
//! over cmi5 or SCORM 1.2. A wasm of its own, so a learner's plain visit never downloads that code.

fn main() {
    rapport::start::<rapport::components::app::LmsLearner>();
}
