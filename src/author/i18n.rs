//! The authoring app's own strings ([`AuthorMsg`]), apart from the learner's [`Msg`] so that
//! none of them is in the learner's wasm.
//!
//! [`Msg`]: crate::i18n::Msg

crate::i18n::messages! {
    /// A string of the authoring app.
    AuthorMsg {
    /// The authoring start page's heading.
    Authoring => "Authoring", "Autoría", "Autoria";
    /// What the authoring start page is for.
    AuthoringIntro => "Write your own scenarios, check a story file, and see where your group goes wrong.",
        "Escribe tus propios escenarios, revisa un archivo de historia y descubre dónde se equivoca tu grupo.",
        "Escreva seus próprios cenários, verifique um arquivo de história e veja onde seu grupo erra.";
    }
}
