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
    /// Studio's heading.
    Studio => "Studio", "Studio", "Studio";
    /// What Studio is for.
    StudioIntro => "Write a conversation through forms, translate it side by side, test it as a learner would, and download the file.", "Escribe una conversación con formularios, tradúcela lado a lado, pruébala como la vería quien aprende y descarga el archivo.", "Escreva uma conversa com formulários, traduza lado a lado, teste como quem aprende veria e baixe o arquivo.";
    /// Heading of the saved draft offered back.
    SavedDraft => "Your draft in this browser", "Tu borrador en este navegador", "Seu rascunho neste navegador";
    /// Open the saved draft.
    ResumeDraft => "Continue the draft", "Continuar el borrador", "Continuar o rascunho";
    /// Forget the saved draft.
    DiscardDraft => "Discard it", "Descartarlo", "Descartá-lo";
    /// Heading: new story.
    NewStory => "A new story", "Una historia nueva", "Uma história nova";
    /// What the template is.
    NewStoryHint => "Starts from a small story with two moments, in English and Spanish, that you change into yours.", "Parte de una historia pequeña de dos momentos, en inglés y español, que conviertes en la tuya.", "Parte de uma história pequena de dois momentos, em inglês e espanhol, que você transforma na sua.";
    /// Button: new story from the template.
    StartFromTemplate => "Start a new story", "Empezar una historia nueva", "Começar uma história nova";
    /// Heading: library stories.
    EditLibraryStory => "Edit a story of the library", "Editar una historia de la biblioteca", "Editar uma história da biblioteca";
    /// Heading: open a file.
    OpenFile => "Open a story file", "Abrir un archivo de historia", "Abrir um arquivo de história";
    /// Button: open pasted JSON.
    OpenPasted => "Open the pasted story", "Abrir la historia pegada", "Abrir a história colada";
    /// Undo button.
    Undo => "Undo", "Deshacer", "Desfazer";
    /// Redo button.
    Redo => "Redo", "Rehacer", "Refazer";
    /// Download button.
    Download => "Download", "Descargar", "Baixar";
    /// Close the draft (it stays saved).
    CloseDraft => "Close", "Cerrar", "Fechar";
    /// Accessible name of the section tabs.
    Sections => "Parts of the story", "Partes de la historia", "Partes da história";
    /// Notice: storage blocked.
    StorageBlocked => "This browser does not let Studio save: your edits are kept in this tab only. Download the story to keep it.", "Este navegador no deja guardar a Studio: tus cambios solo se conservan en esta pestaña. Descarga la historia para no perderla.", "Este navegador não deixa o Studio salvar: suas alterações ficam só nesta aba. Baixe a história para não perdê-la.";
    /// Notice: storage full.
    StorageFull => "The browser's storage is full: your latest edits are kept in this tab only. Download the story to keep it.", "El almacenamiento del navegador está lleno: tus últimos cambios solo se conservan en esta pestaña. Descarga la historia para no perderla.", "O armazenamento do navegador está cheio: suas últimas alterações ficam só nesta aba. Baixe a história para não perdê-la.";
    /// Section tab.
    StorySection => "Story", "Historia", "História";
    /// Section tab.
    ClientSection => "Client", "Cliente", "Cliente";
    /// Section tab.
    FeelingsSection => "Emotions and moods", "Emociones y estados de ánimo", "Emoções e humores";
    /// Section tab.
    LogicSection => "Flags and rules", "Marcas y reglas", "Marcadores e regras";
    /// Section tab.
    LanguagesSection => "Languages", "Idiomas", "Idiomas";
    /// A node of the story.
    Node => "Moment", "Momento", "Momento";
    /// Field.
    Title => "Title", "Título", "Título";
    /// Field.
    Summary => "Summary", "Resumen", "Resumo";
    /// Field.
    Minutes => "Minutes", "Minutos", "Minutos";
    /// Field.
    Difficulty => "Difficulty", "Dificultad", "Dificuldade";
    /// Field.
    Tags => "Tags (separated by commas)", "Etiquetas (separadas por comas)", "Etiquetas (separadas por vírgulas)";
    /// Field: start node.
    StartsAt => "Starts at", "Empieza en", "Começa em";
    /// Field: allow_back.
    AllowBack => "Learners may take back a reply", "Se puede retirar una respuesta", "É possível desfazer uma resposta";
    /// Heading.
    Objectives => "Objectives", "Objetivos", "Objetivos";
    /// Hint.
    ObjectivesHint => "What the learner practises; each reply's feedback names one.", "Lo que se practica; la valoración de cada respuesta nombra uno.", "O que se pratica; o feedback de cada resposta cita um.";
    /// Field.
    Objective => "Objective", "Objetivo", "Objetivo";
    /// Button.
    AddObjective => "Add an objective", "Añadir un objetivo", "Adicionar um objetivo";
    /// Field: identifier.
    Id => "Id", "Id", "Id";
    /// Button.
    Remove => "Remove", "Quitar", "Remover";
    /// Accessible name part: move an item up.
    MoveUp => "move up", "subir", "subir";
    /// Field.
    FullName => "Full name", "Nombre completo", "Nome completo";
    /// Field.
    Company => "Company", "Empresa", "Empresa";
    /// Field: formal or first name.
    Address => "Address", "Trato", "Tratamento";
    /// Field.
    AddressedAs => "Addressed as", "Se le llama", "Chamado de";
    /// Field.
    Role => "Role", "Cargo", "Cargo";
    /// Fieldset.
    Look => "Portrait", "Retrato", "Retrato";
    /// Field.
    Skin => "Skin tone", "Tono de piel", "Tom de pele";
    /// Field.
    Hair => "Hair", "Pelo", "Cabelo";
    /// Field.
    HairColour => "Hair colour", "Color de pelo", "Cor do cabelo";
    /// Field.
    Glasses => "Glasses", "Gafas", "Óculos";
    /// Field.
    Tie => "Tie", "Corbata", "Gravata";
    /// Caption.
    Preview => "Preview", "Vista previa", "Prévia";
    /// Heading: cast.
    Cast => "Other people", "Otras personas", "Outras pessoas";
    /// Hint.
    CastHint => "A colleague or a partner who also speaks; their id is a line's speaker.", "Un colega o alguien más que también habla; su id es el hablante de una línea.", "Um colega ou alguém que também fala; o id é o falante de uma fala.";
    /// Field.
    Name => "Name", "Nombre", "Nome";
    /// Button.
    AddPerson => "Add a person", "Añadir una persona", "Adicionar uma pessoa";
    /// Heading.
    Emotions => "Emotions", "Emociones", "Emoções";
    /// Field.
    Lowest => "Lowest", "Mínimo", "Mínimo";
    /// Field.
    Highest => "Highest", "Máximo", "Máximo";
    /// Field.
    StartValue => "At the start", "Al empezar", "No início";
    /// Field: polarity.
    HighIs => "A high value is", "Un valor alto es", "Um valor alto é";
    /// Field.
    Label => "Label", "Etiqueta", "Rótulo";
    /// Button.
    AddEmotion => "Add an emotion", "Añadir una emoción", "Adicionar uma emoção";
    /// Heading.
    Moods => "Moods", "Estados de ánimo", "Humores";
    /// Hint.
    MoodsHint => "The first mood whose condition holds is the face the client shows; the last, without a condition, is the default.", "El primer estado cuya condición se cumple es la cara del cliente; el último, sin condición, es el de siempre.", "O primeiro humor cuja condição vale é o rosto do cliente; o último, sem condição, é o padrão.";
    /// Field.
    Face => "Face", "Cara", "Rosto";
    /// Button.
    AddMood => "Add a mood", "Añadir un estado", "Adicionar um humor";
    /// Heading.
    Flags => "Flags", "Marcas", "Marcadores";
    /// Hint.
    FlagsHint => "Things the learner did that later lines and replies can depend on.", "Cosas que hizo quien aprende y de las que pueden depender líneas y respuestas posteriores.", "Coisas que quem aprende fez e das quais falas e respostas posteriores podem depender.";
    /// Field.
    Flag => "Flag", "Marca", "Marcador";
    /// Button.
    AddFlag => "Add a flag", "Añadir una marca", "Adicionar um marcador";
    /// Heading.
    Rules => "Threshold rules", "Reglas de umbral", "Regras de limite";
    /// Hint.
    RulesHint => "After any reply, the first rule whose condition holds sends the conversation elsewhere (the client hangs up).", "Tras cualquier respuesta, la primera regla que se cumple lleva la conversación a otro sitio (el cliente cuelga).", "Após qualquer resposta, a primeira regra que vale leva a conversa a outro lugar (o cliente desliga).";
    /// Field.
    GoesTo => "Goes to", "Va a", "Vai para";
    /// Button.
    AddRule => "Add a rule", "Añadir una regla", "Adicionar uma regra";
    /// Hint.
    LanguagesHint => "Every text is written in each language; the first is used where a translation is missing.", "Cada texto se escribe en cada idioma; el primero se usa donde falta una traducción.", "Cada texto é escrito em cada idioma; o primeiro é usado onde falta uma tradução.";
    /// Locale status.
    AllTranslated => "all translated", "todo traducido", "tudo traduzido";
    /// Locale status.
    ToTranslate => "texts to translate", "textos por traducir", "textos a traduzir";
    /// Summary.
    ShowMissing => "Show them", "Mostrarlos", "Mostrá-los";
    /// Button.
    RemoveLanguage => "Remove this language", "Quitar este idioma", "Remover este idioma";
    /// Field.
    NewLanguage => "Language code", "Código de idioma", "Código de idioma";
    /// Button.
    AddLanguage => "Add the language", "Añadir el idioma", "Adicionar o idioma";
    /// Placeholder of a missing translation.
    MissingTranslation => "to translate", "por traducir", "a traduzir";
    /// Legend of a condition.
    Condition => "Only when", "Solo cuando", "Só quando";
    /// Checkbox: add a condition.
    OnlyWhen => "Only under a condition", "Solo con una condición", "Só com uma condição";
    /// Hint.
    NothingToTest => "Add emotions or flags to test them here.", "Añade emociones o marcas para comprobarlas aquí.", "Adicione emoções ou marcadores para testá-los aqui.";
    /// Bound.
    AtLeast => "at least", "al menos", "pelo menos";
    /// Bound.
    Below => "below", "por debajo de", "abaixo de";
    /// Alternatives.
    AnyOf => "Or when any of these holds:", "O cuando se cumple alguna de estas:", "Ou quando qualquer uma destas vale:";
    /// Button.
    AddAlternative => "Add an “or”", "Añadir un «o»", "Adicionar um “ou”";
    /// Button.
    RemoveAlternative => "Remove this “or”", "Quitar este «o»", "Remover este “ou”";
    /// Flag test.
    NotTested => "not tested", "no se comprueba", "não testado";
    /// Flag test.
    IsSet => "is set", "está marcada", "está marcado";
    /// Flag test.
    IsNotSet => "is not set", "no está marcada", "não está marcado";
    /// Field.
    NodeId => "Name of this moment", "Nombre de este momento", "Nome deste momento";
    /// Badge.
    IsStart => "the start", "el inicio", "o início";
    /// Button.
    MakeStart => "Start the story here", "Empezar la historia aquí", "Começar a história aqui";
    /// Field.
    Note => "Note for authors", "Nota para autores", "Nota para autores";
    /// Heading.
    Lines => "What is said", "Lo que se dice", "O que se diz";
    /// Field.
    Line => "Line", "Línea", "Fala";
    /// Field.
    Speaker => "speaker", "quién habla", "quem fala";
    /// Speaker.
    TheClient => "the client", "el cliente", "o cliente";
    /// Button.
    AddLine => "Add a line", "Añadir una línea", "Adicionar uma fala";
    /// Legend.
    ThenComes => "Then comes", "Después viene", "Depois vem";
    /// Heading.
    Replies => "Replies", "Respuestas", "Respostas";
    /// Kind.
    AnEnding => "An ending", "Un final", "Um final";
    /// Item.
    Reply => "Reply", "Respuesta", "Resposta";
    /// Button.
    AddReply => "Add a reply", "Añadir una respuesta", "Adicionar uma resposta";
    /// Button.
    RemoveNode => "Remove this moment", "Quitar este momento", "Remover este momento";
    /// Field.
    LeadsTo => "Leads to", "Lleva a", "Leva a";
    /// Option.
    NewNode => "＋ A new moment", "＋ Un momento nuevo", "＋ Um momento novo";
    /// Button.
    PickOnMap => "Pick on the map", "Elegir en el mapa", "Escolher no mapa";
    /// Button.
    PickingOnMap => "Picking… (press again to stop)", "Eligiendo… (pulsa otra vez para parar)", "Escolhendo… (clique de novo para parar)";
    /// Fieldset.
    Effects => "Effect on emotions", "Efecto en las emociones", "Efeito nas emoções";
    /// Fieldset.
    FlagsChanged => "Flags", "Marcas", "Marcadores";
    /// Flag change.
    Unchanged => "unchanged", "sin cambio", "sem mudança";
    /// Flag change.
    Sets => "sets it", "la marca", "marca";
    /// Flag change.
    Clears => "clears it", "la quita", "desmarca";
    /// Field.
    WhenUnavailable => "When the condition fails", "Cuando no se cumple", "Quando não vale";
    /// Fieldset.
    Feedback => "Feedback in the debrief", "Valoración en el balance", "Feedback no balanço";
    /// Field.
    Rating => "Rating", "Valoración", "Avaliação";
    /// Field.
    Principle => "Objective", "Objetivo", "Objetivo";
    /// Field.
    Why => "Why", "Por qué", "Por quê";
    /// Heading.
    Ending => "Ending", "Final", "Final";
    /// Field.
    Outcome => "Outcome", "Resultado", "Resultado";
    /// Heading.
    Debrief => "Debrief", "Balance", "Balanço";
    /// Hint.
    DebriefHint => "What the learner reads at this ending; add parts shown only under a condition to speak to how they got here.", "Lo que se lee en este final; añade partes que solo se muestran con una condición para hablar de cómo se llegó.", "O que se lê neste final; adicione partes mostradas só sob uma condição para falar de como se chegou aqui.";
    /// Item.
    Part => "Part", "Parte", "Parte";
    /// Button.
    AddPart => "Add a part", "Añadir una parte", "Adicionar uma parte";
    /// Heading.
    Map => "Map", "Mapa", "Mapa";
    /// Hint.
    MapHint => "Pick a moment to edit it.", "Elige un momento para editarlo.", "Escolha um momento para editá-lo.";
    /// Hint.
    PickHint => "Pick the moment this reply leads to.", "Elige el momento al que lleva esta respuesta.", "Escolha o momento ao qual esta resposta leva.";
    /// Node status.
    Unreachable => "unreachable", "inalcanzable", "inalcançável";
    /// Button.
    AddNode => "Add a moment", "Añadir un momento", "Adicionar um momento";
    /// Heading.
    Problems => "Problems", "Problemas", "Problemas";
    /// Count.
    Errors => "errors", "errores", "erros";
    /// Count.
    Warnings => "warnings", "avisos", "avisos";
    /// Hint.
    FixErrorsFirst => "Fix the errors to see what the analysis and the assessment checks find.", "Corrige los errores para ver lo que encuentran el análisis y las comprobaciones de evaluación.", "Corrija os erros para ver o que a análise e as verificações de avaliação encontram.";
    /// Heading.
    PlayTest => "Play-test", "Probar", "Testar";
    /// Field.
    FromNode => "From the moment", "Desde el momento", "A partir do momento";
    /// Field: language.
    InLanguage => "In", "En", "Em";
    /// Button.
    PlayFromHere => "Play from here", "Jugar desde aquí", "Jogar a partir daqui";
    /// Button.
    PlayAgainFromHere => "Start again with these settings", "Empezar otra vez con estos ajustes", "Começar de novo com estes ajustes";
    /// Button.
    StopPlaying => "Stop", "Parar", "Parar";
    /// Error.
    CannotPlay => "This language cannot play yet: fix its problems first", "Este idioma aún no se puede jugar: corrige antes sus problemas", "Este idioma ainda não pode ser jogado: corrija antes os problemas";
    /// The list that selects a moment.
    GoToMoment => "Go to moment", "Ir al momento", "Ir ao momento";
    /// How many flags a reply changes.
    Changed => "changed", "cambiadas", "alterados";
    }
}
