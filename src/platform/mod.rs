//! Browser glue: storage with an in-memory fallback, fetching story files, the URL.
//! Everything that can throw in a browser is caught here and turned into a value.

pub mod download;
pub mod frame;
pub mod location;
pub mod messaging;
pub mod storage;
pub mod stories;
pub mod sw;
pub mod xapi;
