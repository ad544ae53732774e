//! Interface languages and the UI's own strings (stories carry their own translations).

use crate::engine::thresholds::{Crossing, Side};
use serde::{Deserialize, Serialize};

/// A language the interface is translated into.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Spanish.
    Es,
    /// Portuguese.
    Pt,
}

impl Lang {
    /// Every supported language, in switcher order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Pt];

    /// The BCP 47 code, which is also the story locale key.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Pt => "pt",
        }
    }

    /// The tag for HTML `lang` attributes: the Portuguese is Brazilian (`pt-BR`), so screen
    /// readers and spell checkers pick that variant.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Pt => "pt-BR",
        }
    }

    /// The language's own name.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Pt => "Português (Brasil)",
        }
    }

    /// The HTML `lang` of a story's text in `locale`: a story locale that is one of the
    /// interface's languages gets that language's tag (`pt` is Brazilian Portuguese, `pt-BR`, as
    /// the interface around it), any other is its own tag.
    pub fn text_tag(locale: &str) -> String {
        match Lang::ALL.into_iter().find(|l| l.code() == locale) {
            Some(lang) => lang.tag().to_string(),
            None => locale.to_string(),
        }
    }

    /// Parses a code such as `es`, `pt-BR` or `EN-gb`.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }
}

/// Declares an enum of interface strings, each in every [`Lang`], with `get(lang)`. The learner's
/// strings are [`Msg`]; the authoring app declares its own enum with this macro, so none of its
/// strings are in the learner's wasm (a `match` over every string cannot be trimmed by the linker).
macro_rules! messages {
    ($(#[$edoc:meta])* $enum:ident { $($(#[$doc:meta])* $name:ident => $en:expr, $es:expr, $pt:expr;)* }) => {
        $(#[$edoc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $enum {
            $($(#[$doc])* $name,)*
        }

        impl $enum {
            /// The string in a language.
            pub fn get(self, lang: $crate::i18n::Lang) -> &'static str {
                use $crate::i18n::Lang;
                match (self, lang) {
                    $(
                        ($enum::$name, Lang::En) => $en,
                        ($enum::$name, Lang::Es) => $es,
                        ($enum::$name, Lang::Pt) => $pt,
                    )*
                }
            }
        }
    };
}
pub(crate) use messages;

messages! {
    /// A string of the learner's interface.
    Msg {
    /// Product tagline.
    Tagline => "Rehearse the client conversations that matter.",
        "Ensaya las conversaciones con clientes que importan.",
        "Ensaie as conversas com clientes que importam.";
    /// Library heading.
    Library => "Conversations", "Conversaciones", "Conversas";
    /// Library link.
    BackToLibrary => "All conversations", "Todas las conversaciones", "Todas as conversas";
    /// Loading stories.
    Loading => "Loading…", "Cargando…", "Carregando…";
    /// Start a story.
    Start => "Start", "Empezar", "Começar";
    /// Resume a story.
    Resume => "Continue", "Continuar", "Continuar";
    /// Progress: not started.
    NotStarted => "Not started", "Sin empezar", "Não iniciada";
    /// Progress: in progress.
    InProgress => "In progress", "En curso", "Em andamento";
    /// Progress: best outcome prefix.
    BestOutcome => "Best result", "Mejor resultado", "Melhor resultado";
    /// Minutes suffix.
    Minutes => "min", "min", "min";
    /// Difficulty.
    Introductory => "Introductory", "Inicial", "Introdutória";
    /// Difficulty.
    Intermediate => "Intermediate", "Intermedia", "Intermediária";
    /// Difficulty.
    Advanced => "Advanced", "Avanzada", "Avançada";
    /// Outcome.
    Success => "Success", "Éxito", "Sucesso";
    /// Outcome.
    Partial => "Partial", "Parcial", "Parcial";
    /// Outcome.
    Failure => "Failure", "Fracaso", "Fracasso";
    /// Accessible name of the group of replies.
    YourReply => "Your reply", "Tu respuesta", "Sua resposta";
    /// The learner as a speaker.
    You => "You", "Tú", "Você";
    /// Narration as a speaker.
    Narrator => "Narrator", "Narración", "Narração";
    /// Take back the last reply.
    Back => "Take back my last reply", "Retirar mi última respuesta", "Desfazer minha última resposta";
    /// Start over.
    PlayAgain => "Play again", "Jugar de nuevo", "Jogar de novo";
    /// Heading on the ending screen.
    ConversationOver => "The conversation is over", "La conversación ha terminado", "A conversa terminou";
    /// Debrief heading.
    Debrief => "Debrief", "Análisis", "Análise";
    /// Score heading.
    Scores => "Score by objective", "Puntuación por objetivo", "Pontuação por objetivo";
    /// Overall score.
    Overall => "Overall", "Total", "Total";
    /// No replies for an objective.
    NotPractised => "not practised", "sin practicar", "não praticado";
    /// Path heading.
    YourPath => "Your path", "Tu recorrido", "Seu percurso";
    /// A better reply.
    BetterReply => "A better reply", "Una respuesta mejor", "Uma resposta melhor";
    /// Replay from a decision.
    ReplayFrom => "Replay from this decision", "Repetir desde esta decisión", "Repetir a partir desta decisão";
    /// Print the debrief.
    Print => "Print or save as PDF", "Imprimir o guardar en PDF", "Imprimir ou salvar em PDF";
    /// Download the result.
    SaveJson => "Download my result (JSON)", "Descargar mi resultado (JSON)", "Baixar meu resultado (JSON)";
    /// Emotion chart heading.
    Timeline => "How the client felt, turn by turn", "Cómo se sintió el cliente, turno a turno", "Como o cliente se sentiu, turno a turno";
    /// Chart: start point.
    ChartStart => "Start", "Inicio", "Início";
    /// Chart hint.
    ChartHint => "Hover or focus a turn to see the reply that caused the change.",
        "Pasa el ratón o el foco por un turno para ver la respuesta que causó el cambio.",
        "Passe o mouse ou o foco sobre um turno para ver a resposta que causou a mudança.";
    /// Chart: the reply.
    YouSaid => "You said", "Dijiste", "Você disse";
    /// Principle label.
    Principle => "Principle", "Principio", "Princípio";
    /// Rating labels.
    RatingBest => "Expert reply", "Respuesta experta", "Resposta de especialista";
    /// Rating labels.
    RatingGood => "Good reply", "Buena respuesta", "Boa resposta";
    /// Rating labels.
    RatingWeak => "Weak reply", "Respuesta floja", "Resposta fraca";
    /// Rating labels.
    RatingBad => "Harmful reply", "Respuesta dañina", "Resposta prejudicial";
    /// Threshold rule fired: the conversation went where the client's feelings took it (for
    /// better or worse: a story may end well this way too).
    RuleFired => "This reply turned the conversation.", "Esta respuesta cambió el rumbo de la conversación.", "Esta resposta mudou o rumo da conversa.";
    /// An emotion fell below a rule's line: "Patience fell below 10".
    FellBelow => "fell below", "bajó de", "caiu abaixo de";
    /// An emotion reached a rule's line: "Anger reached 80".
    Reached => "reached", "llegó a", "chegou a";
    /// Chart: turn label.
    Turn => "Turn", "Turno", "Turno";
    /// Story failed to load.
    StoryBroken => "This story could not be loaded", "No se pudo cargar esta historia", "Não foi possível carregar esta história";
    /// The catalog failed to load: the library has no cards to show.
    LibraryBroken => "The list of conversations could not be loaded", "No se pudo cargar la lista de conversaciones", "Não foi possível carregar a lista de conversas";
    /// Language switcher label.
    Language => "Language", "Idioma", "Idioma";
    /// A cmi5 launch the LMS did not accept (`fetch` failed or refused, no LaunchData).
    LmsRefused => "Your LMS did not accept this launch, so nothing can be recorded. You can still play; relaunch from your LMS to be recorded.",
        "Tu LMS no aceptó este inicio, así que no se puede registrar nada. Puedes seguir jugando; vuelve a abrirlo desde tu LMS para que quede registrado.",
        "Seu LMS não aceitou este acesso, então nada pode ser registrado. Você pode continuar jogando; abra de novo pelo LMS para ficar registrado.";
    /// The LMS's record store does not answer; statements wait and are retried.
    LmsUnreachable => "Your LMS is not answering: your replies are kept here and sent as soon as it does. Keep playing.",
        "Tu LMS no responde: tus respuestas se guardan aquí y se enviarán en cuanto responda. Sigue jugando.",
        "Seu LMS não está respondendo: suas respostas ficam guardadas aqui e serão enviadas assim que ele responder. Continue jogando.";
    /// Launched for SCORM but no LMS `API` was found.
    LmsNoApi => "This page was opened for an LMS, but the LMS could not be reached. You can play; nothing is recorded.",
        "Esta página se abrió para un LMS, pero no se pudo contactar con él. Puedes jugar; no se registra nada.",
        "Esta página foi aberta para um LMS, mas não foi possível contatá-lo. Você pode jogar; nada é registrado.";
    /// The saved progress no longer fits SCORM 1.2's 4,096 characters.
    LmsProgressTooLong => "This conversation is too long for your LMS to save in full: if you leave now, you will resume a few replies earlier.",
        "Esta conversación es demasiado larga para que tu LMS la guarde entera: si sales ahora, retomarás unas respuestas antes.",
        "Esta conversa é longa demais para o seu LMS salvar inteira: se sair agora, você retomará algumas respostas antes.";
    /// The button that ends an LMS session.
    LmsExit => "Exit and save", "Salir y guardar", "Sair e salvar";
    /// What the learner sees once the LMS session has ended.
    LmsDone => "Your LMS has your results. You can close this window.",
        "Tu LMS tiene tus resultados. Puedes cerrar esta ventana.",
        "Seu LMS recebeu seus resultados. Você pode fechar esta janela.";
    /// While the last records are being sent before leaving.
    LmsSending => "Sending your results to your LMS…", "Enviando tus resultados a tu LMS…", "Enviando seus resultados ao LMS…";
    /// Names the LMS bar for assistive technology.
    LmsBarLabel => "Learning management system", "Sistema de gestión del aprendizaje", "Sistema de gestão de aprendizagem";
    /// Storage unavailable notice.
    MemoryOnly => "Your browser does not allow saving here: progress is kept only until you close this tab.",
        "Tu navegador no permite guardar aquí: el progreso se conserva solo hasta que cierres esta pestaña.",
        "Seu navegador não permite salvar aqui: o progresso fica guardado só até você fechar esta aba.";
    /// Corrupted progress notice.
    CorruptProgress => "Saved progress could not be read, so it was set aside and you start fresh.",
        "No se pudo leer el progreso guardado; se apartó y empiezas de cero.",
        "Não foi possível ler o progresso salvo; ele foi separado e você começa do zero.";
    /// Stale session notice.
    StaleSession => "This story has changed since you last played it, so your old progress was set aside.",
        "Esta historia ha cambiado desde la última vez, así que tu progreso anterior se apartó.",
        "Esta história mudou desde a última vez, então seu progresso anterior foi separado.";
    /// Could not save notice.
    SaveFailed => "Progress could not be saved (storage full or blocked); it is kept in this tab.",
        "No se pudo guardar el progreso (almacenamiento lleno o bloqueado); se conserva en esta pestaña.",
        "Não foi possível salvar o progresso (armazenamento cheio ou bloqueado); ele fica nesta aba.";
    /// Dismiss a notice.
    Dismiss => "Dismiss", "Cerrar", "Fechar";
    /// Client panel heading.
    Client => "Client", "Cliente", "Cliente";
    /// Mood label.
    Mood => "Mood", "Estado de ánimo", "Humor";
    /// Meter change: rose.
    Rose => "rose", "subió", "subiu";
    /// Meter change: fell.
    Fell => "fell", "bajó", "caiu";
    /// Change size: sharply.
    Sharply => "sharply", "mucho", "muito";
    /// Change size: slightly.
    Slightly => "slightly", "un poco", "um pouco";
    /// Problems heading.
    Problems => "Problems found", "Problemas encontrados", "Problemas encontrados";
    /// Unavailable choice hint.
    Unavailable => "not possible now", "no es posible ahora", "não é possível agora";
    /// Heading of the library's links to the authoring pages.
    ForTrainers => "For trainers:", "Para formadores:", "Para formadores:";
    /// Link to Studio.
    StudioLink => "Write a scenario (Studio)", "Escribir un escenario (Studio)", "Escrever um cenário (Studio)";
    /// Link to the class report.
    ClassReport => "Class report", "Informe de la clase", "Relatório da turma";
    /// Link to the upload page.
    LoadOwn => "Load your own story", "Carga tu propia historia", "Carregue sua própria história";
    /// Upload help.
    LoadOwnHelp => "Choose a story file, drop it here, or paste its JSON. It is checked in your browser and never uploaded.",
        "Elige un archivo de historia, suéltalo aquí o pega su JSON. Se comprueba en tu navegador y nunca se sube.",
        "Escolha um arquivo de história, solte-o aqui ou cole o JSON. Ele é verificado no seu navegador e nunca enviado.";
    /// Paste area label.
    PasteJson => "Story JSON", "JSON de la historia", "JSON da história";
    /// Check pasted JSON.
    CheckAndPlay => "Check and play", "Comprobar y jugar", "Verificar e jogar";
    /// File too large.
    TooLarge => "This file is larger than 5 MB; story files are far smaller. Nothing was loaded.",
        "Este archivo pesa más de 5 MB; las historias son mucho más pequeñas. No se cargó nada.",
        "Este arquivo tem mais de 5 MB; as histórias são bem menores. Nada foi carregado.";
    /// Unreadable file.
    Unreadable => "The file could not be read.", "No se pudo leer el archivo.", "Não foi possível ler o arquivo.";
    /// Where.
    Where => "Where", "Dónde", "Onde";
    /// Story map heading.
    StoryMap => "Story map", "Mapa de la historia", "Mapa da história";
    /// Map legend: an ordinary node.
    MapStep => "Moment", "Momento", "Momento";
    /// Live check heading.
    LiveCheck => "Checked as you type", "Comprobado mientras escribes", "Verificado enquanto você digita";
    /// Heading of the assessment lints.
    AssessmentChecks => "Does it reward judgment? Assessment checks", "¿Premia el criterio? Comprobaciones de evaluación", "Recompensa o julgamento? Verificações de avaliação";
    /// What to do about a lint.
    Help => "What to do", "Qué hacer", "O que fazer";
    /// The figures behind the lints.
    LintFigures => "The figures", "Las cifras", "Os números";
    /// No problems.
    NoProblems => "No problems: this story is ready to play.", "Sin problemas: la historia está lista para jugar.", "Sem problemas: a história está pronta para jogar.";
    /// Kiosk attract headline.
    KioskWelcome => "Can you calm an angry client?", "¿Sabrías calmar a un cliente enfadado?", "Você consegue acalmar um cliente irritado?";
    /// Kiosk attract call to action.
    TouchToStart => "Touch to start", "Toca para empezar", "Toque para começar";
    /// Full-screen button.
    FullScreen => "Full screen", "Pantalla completa", "Tela cheia";
    /// Idle warning title.
    StillThere => "Are you still there?", "¿Sigues ahí?", "Você ainda está aí?";
    /// Idle warning countdown prefix.
    RestartingIn => "Starting over for the next visitor in", "Empezamos de nuevo para el siguiente visitante en", "Recomeçando para o próximo visitante em";
    /// Idle warning button.
    ImHere => "I'm still here", "Sigo aquí", "Ainda estou aqui";
    /// Seconds unit.
    Seconds => "s", "s", "s";
    /// Skip link.
    SkipToContent => "Skip to content", "Saltar al contenido", "Pular para o conteúdo";
    }
}

/// One line a threshold rule saw crossed, as the learner reads it: "Patience fell below 10".
/// `label` is the emotion's label in the story's locale.
pub fn crossing_text(lang: Lang, label: &str, crossing: &Crossing) -> String {
    let verb = match crossing.side {
        Side::Below => Msg::FellBelow,
        Side::AtLeast => Msg::Reached,
    };
    format!("{label} {} {}", verb.get(lang), crossing.threshold)
}
