//! Talking to a learning management system: cmi5's `fetch` and LRS documents (the statements go
//! through the xAPI outbox, `platform::xapi`), and SCORM 1.2's `API` object found in a parent
//! or opener window. What is said is decided in `crate::lms`.

pub mod cmi5;
pub mod scorm;
