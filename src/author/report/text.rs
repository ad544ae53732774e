//! The class report's own strings (a table apart from the learner's: only a visit that opens
//! the report needs them).

crate::i18n::messages! {
    /// A string of the class report.
    Text {
    /// Page heading.
    Title => "Class report", "Informe de la clase", "Relatório da turma";
    /// Under the heading.
    Intro => "Where a group of learners goes wrong, from the statements Rapport sent to your learning record store. The report only reads.",
        "Dónde se equivoca un grupo, a partir de las sentencias que Rapport envió a tu LRS. El informe solo lee.",
        "Onde um grupo erra, a partir das declarações que o Rapport enviou ao seu LRS. O relatório só lê.";
    /// Source: the LRS.
    FromLrs => "From the learning record store (LRS)", "Desde el LRS", "Do LRS";
    /// Endpoint field.
    Endpoint => "Endpoint", "Dirección (endpoint)", "Endereço (endpoint)";
    /// User field.
    User => "User", "Usuario", "Usuário";
    /// Password field.
    Password => "Password", "Contraseña", "Senha";
    /// Under the credentials.
    AuthHint => "Leave both empty to use the deployment's configured credentials.",
        "Déjalos vacíos para usar las credenciales configuradas.",
        "Deixe em branco para usar as credenciais configuradas.";
    /// Read from the LRS.
    ReadLrs => "Read from the LRS", "Leer del LRS", "Ler do LRS";
    /// Source: a file.
    FromFile => "Or from a statements file (JSON array, LRS export, JSON lines)",
        "O desde un archivo de sentencias (array JSON, exportación, líneas JSON)",
        "Ou de um arquivo de declarações (array JSON, exportação, linhas JSON)";
    /// Date range.
    Dates => "Dates", "Fechas", "Datas";
    /// First day.
    From => "From", "Desde", "De";
    /// Last day (included).
    Until => "Until", "Hasta", "Até";
    /// Activity base field.
    ActivityBase => "Activity IDs start with", "Los ID de actividad empiezan por", "Os IDs de atividade começam com";
    /// While reading.
    Reading => "Reading…", "Leyendo…", "Lendo…";
    /// Counts: read.
    Read => "statements read", "sentencias leídas", "declarações lidas";
    /// Counts: used.
    Used => "used", "usadas", "usadas";
    /// Counts: skipped.
    Skipped => "skipped", "omitidas", "ignoradas";
    /// Counts: malformed.
    Malformed => "malformed", "mal formadas", "malformadas";
    /// Counts: foreign.
    Foreign => "about other activities", "de otras actividades", "de outras atividades";
    /// Counts: unknown shape.
    Unknown => "of unknown shape", "de forma desconocida", "de formato desconhecido";
    /// Counts: outside the dates.
    Outside => "outside the dates", "fuera de las fechas", "fora das datas";
    /// Error: credentials refused.
    Refused => "The LRS refused these credentials. Check the user and password (or xapi.auth in the deployment's config.json) and that this user may read statements.",
        "El LRS rechazó estas credenciales. Revisa el usuario y la contraseña (o xapi.auth en config.json) y que ese usuario pueda leer sentencias.",
        "O LRS recusou estas credenciais. Confira usuário e senha (ou xapi.auth no config.json) e se esse usuário pode ler declarações.";
    /// Error: no answer in time.
    TimedOut => "The LRS did not answer within 30 seconds. Check the endpoint address and that the LRS is running.",
        "El LRS no respondió en 30 segundos. Revisa la dirección y que el LRS esté en marcha.",
        "O LRS não respondeu em 30 segundos. Confira o endereço e se o LRS está no ar.";
    /// Error: no connection.
    Unreachable => "The LRS could not be reached. Check the endpoint address, that the LRS is running, and that it accepts requests from this page's address (CORS).",
        "No se pudo contactar con el LRS. Revisa la dirección, que esté en marcha y que acepte peticiones desde esta página (CORS).",
        "Não foi possível contatar o LRS. Confira o endereço, se está no ar e se aceita pedidos desta página (CORS).";
    /// Error: another HTTP error.
    Status => "The LRS answered with an error. Check the endpoint: the address statements are sent to, usually ending in /xAPI/.",
        "El LRS respondió con un error. Revisa la dirección: la que recibe las sentencias, que suele acabar en /xAPI/.",
        "O LRS respondeu com erro. Confira o endereço: o que recebe as declarações, que costuma terminar em /xAPI/.";
    /// Error: not statements.
    NotStatements => "This is not a statements file or an LRS answer. Check the file, or that the endpoint is the LRS's.",
        "No es un archivo de sentencias ni una respuesta de LRS. Revisa el archivo o la dirección.",
        "Não é um arquivo de declarações nem uma resposta de LRS. Confira o arquivo ou o endereço.";
    /// Error: no endpoint.
    NoEndpoint => "No LRS endpoint: enter one, or set xapi.endpoint in the deployment's config.json.",
        "No hay dirección de LRS: escribe una o configura xapi.endpoint en config.json.",
        "Sem endereço de LRS: digite um ou configure xapi.endpoint no config.json.";
    /// Error: the stories could not be loaded.
    NoStories => "The stories could not be loaded, so statements cannot be matched to them. Reload the page.",
        "No se pudieron cargar las historias. Recarga la página.",
        "Não foi possível carregar as histórias. Recarregue a página.";
    /// After an error.
    KeptSoFar => "What was read before is shown below.", "Abajo se muestra lo leído hasta ahora.", "Abaixo está o que foi lido até agora.";
    /// Nothing to show.
    Empty => "No play-throughs in what was read.", "No hay partidas en lo leído.", "Nenhuma partida no que foi lido.";
    /// Every statement was about other activities.
    AllForeign => "None of these statements is about this deployment's stories. Check the activity IDs (beside the dates): they must start as the deployment's statements do.",
        "Ninguna sentencia trata de las historias de esta instalación. Revisa el inicio de los ID de actividad (junto a las fechas).",
        "Nenhuma declaração é sobre as histórias desta instalação. Confira o início dos IDs de atividade (ao lado das datas).";
    /// Figures.
    Learners => "learners", "participantes", "participantes";
    /// Figures.
    PlayThroughs => "play-throughs", "partidas", "partidas";
    /// Figures.
    Completions => "completed", "completadas", "concluídas";
    /// Section.
    WentWrong => "Where the class went wrong", "Dónde se equivocó la clase", "Onde a turma errou";
    /// No harm done.
    NoHarm => "Nobody picked a harmful reply.", "Nadie eligió una respuesta dañina.", "Ninguém escolheu uma resposta prejudicial.";
    /// "3 of 8" … this.
    PickedHarmful => "picked a harmful reply here", "eligieron aquí una respuesta dañina", "escolheram aqui uma resposta prejudicial";
    /// Before the most picked harmful reply.
    MostOften => "Most often", "La más elegida", "A mais escolhida";
    /// "of" between counts.
    Of => "of", "de", "de";
    /// Section.
    Stopped => "Where unfinished play-throughs stopped", "Dónde se quedaron las partidas sin terminar", "Onde pararam as partidas não concluídas";
    /// Every play-through finished.
    NoneStopped => "Every play-through reached an ending.", "Todas las partidas llegaron a un final.", "Todas as partidas chegaram a um final.";
    /// Section.
    Objectives => "Score per objective", "Puntuación por objetivo", "Pontuação por objetivo";
    /// Column.
    Median => "Median", "Mediana", "Mediana";
    /// Column.
    MiddleHalf => "Middle half", "Mitad central", "Metade central";
    /// Column.
    Scored => "Completions scored", "Partidas puntuadas", "Partidas pontuadas";
    /// Section.
    Emotions => "The client's emotions per turn: the class (median, band: middle half) beside the best path",
        "Las emociones del cliente por turno: la clase (mediana, banda: mitad central) junto al mejor camino",
        "As emoções do cliente por turno: a turma (mediana, faixa: metade central) ao lado do melhor caminho";
    /// Legend: the class.
    ClassLine => "class median", "mediana de la clase", "mediana da turma";
    /// Legend: the best path.
    BestLine => "best path", "mejor camino", "melhor caminho";
    /// Section.
    Decisions => "Replies at each decision", "Respuestas en cada decisión", "Respostas em cada decisão";
    /// Column.
    Reply => "Reply", "Respuesta", "Resposta";
    /// Column.
    Picks => "Picks", "Elecciones", "Escolhas";
    /// Section.
    Map => "Story map: play-throughs through each moment", "Mapa: partidas por cada momento", "Mapa: partidas em cada momento";
    /// Download.
    RepliesCsv => "Replies (CSV)", "Respuestas (CSV)", "Respostas (CSV)";
    /// Download.
    LearnersCsv => "Learners' results (CSV)", "Resultados por participante (CSV)", "Resultados por participante (CSV)";
    /// Span of the statements.
    Between => "Statements from", "Sentencias del", "Declarações de";
    /// Span: "to".
    To => "to", "al", "a";
    }
}
