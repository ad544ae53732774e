//! Studio: write, translate and test a scenario in the browser, through forms.

pub mod draft;
