//! The web app's entry point: everything lives in the library.

fn main() {
    rapport::start();
}
