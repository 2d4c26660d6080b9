//! The one catalogue of user-facing text. Danish now; every string the UI shows comes from here,
//! keyed, so another language is one more `match` arm per key rather than a hunt through views.

use domain::ErrorCode;
use domain::identity::Role;
use domain::school::Subject;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    AppName,
    SkipToContent,
    Loading,
    SignInTitle,
    SignInIntro,
    Username,
    Password,
    SignIn,
    SigningIn,
    SignOut,
    Done,
    DemoTitle,
    DemoIntro,
    DemoSignInAs,
    DemoPasswordLabel,
    ReadAloud,
    StopReading,
    PupilGreeting,
    PupilSubjects,
    TeacherTitle,
    TeacherNoTeams,
    TeamPupils,
    TeamTeachers,
    ParentTitle,
    ParentNoChildren,
    ParentSubjects,
    LeaderTitle,
    LeaderClasses,
    LeaderTeachers,
    ColClass,
    ColGrade,
    ColPupils,
    ColTeams,
    NotFoundTitle,
    NotFoundBody,
    BackHome,
    TryAgain,
    SignedInAs,
    SignOutEverywhere,
    SwitchRoleTo,
    ClassPickerTitle,
    ClassPickerIntro,
    AdultSignIn,
    ClassIpadTitle,
    ClassIpadIntro,
    MakeClassIpadFor,
    ThisIsClassIpadFor,
    CloseClassIpad,
    CodeSignInTitle,
    CodeSignInIntro,
    CodeLabel,
    CodeSignInLink,
    PlanningTitle,
    PlanningHolds,
    HomeLink,
    MainMenu,
    LibraryTitle,
    LibraryLink,
    LibraryIntro,
    LibraryFilters,
    LibraryResults,
    YearPlanWord,
    OpenYearPlan,
    UnitsCount,
    YearPlanTitleFor,
    CreateYearPlanFor,
    ArchivedYearPlans,
    Restore,
    SchoolYearWord,
    BackToPlanning,
    UnitsTitle,
    NoUnitsYet,
    GoalsCount,
    TasksCount,
    SharedBadge,
    NewUnitTitle,
    TitleLabel,
    FirstWeekLabel,
    LastWeekLabel,
    CreateUnit,
    WeekByWeek,
    WeekWord,
    WeeksWord,
    ArchivedUnits,
    ArchiveYearPlan,
    ArchiveExplained,
    ConfirmArchive,
    UnitWord,
    AuthorWord,
    CopiedFrom,
    BackToYearPlan,
    UnitIsShared,
    UnitIsNotShared,
    Unshare,
    ShareWithSchool,
    ArchiveUnit,
    UnitDetails,
    ConflictTitle,
    ConflictExplained,
    StoredVersion,
    YourVersion,
    YourVersionExplained,
    KeepMine,
    TakeStored,
    DescriptionLabel,
    MaterialsTitle,
    MaterialsHint,
    MaterialTitleLabel,
    MaterialUrlLabel,
    AddMaterial,
    SaveUnit,
    NoMaterials,
    GoalsTitle,
    NoGoals,
    ScaleWord,
    SignsLabel,
    RemoveGoal,
    NewGoalTitle,
    GoalKindLegend,
    OwnGoalLabel,
    AddGoal,
    FrameworkGoalLegend,
    ChosenGoal,
    UseOwnWords,
    AnyGrade,
    AnySubject,
    AnyAuthor,
    SearchWords,
    SearchGoals,
    NoGoalsFound,
    GoalResults,
    ChooseGoal,
    DayWord,
    WholeHold,
    GroupWord,
    AGroup,
    ChosenPupils,
    TasksTitle,
    NoTasks,
    EasierLabel,
    HarderLabel,
    ArchiveTask,
    ArchivedTasks,
    NewTaskTitle,
    InstructionLabel,
    InstructionHint,
    TaskIconLegend,
    WhenLegend,
    OnADay,
    InAWeek,
    DateLabel,
    AudienceLegend,
    GroupNameLabel,
    PupilsAndVariants,
    PupilsAndVariantsHint,
    VariantFor,
    AddTask,
    PupilPreviewTitle,
    PupilPreviewHint,
    SubjectLabel,
    GoalFilterLabel,
    AuthorLabel,
    SearchLibrary,
    NothingFound,
    PreviewUnit,
    PreviewOf,
    NoYearPlanToCopyTo,
    CopyInto,
    CopyUnit,
    CopiedNotice,
    OpenCopy,
    EditTask,
    SaveTask,
    CancelEdit,
    NewScaleTitle,
    ScaleNameLabel,
    ScaleStepsLabel,
    ScaleStepsHint,
    CreateScale,
    RemoveFile,
    AttachFile,
    AttachFileHint,
    EvaluationTitle,
    NotEvaluated,
    SavedFor,
    BackToUnit,
    GridHint,
    PupilWord,
    PupilsOwn,
    EvaluateUnit,
    MyGoalsTitle,
    NoGoalsForPupil,
    ReadGoalAloud,
    HowDidItGo,
    PupilMenu,
    SchoolYearsTitle,
    SchoolYearsIntro,
    SchoolYearCurrent,
    FirstDayLabel,
    LastDayLabel,
    SaveSchoolYear,
    ScanTitle,
    ScanTile,
    ScanStarting,
    ScanLooking,
    ScanReading,
    ScanCardNotValid,
    ScanNoCamera,
    ScanBackToPictures,
    ScanInstead,
    MakeLoginCardsFor,
    LoginCardsTitle,
    LoginCardsIntro,
    PrintCards,
    QrAltFor,
    AdminTitle,
    AdminLink,
    ImportTitle,
    ImportIntro,
    ImportFileLabel,
    ImportApply,
    ImportApplied,
    ImportClassesToCreate,
    ImportPupilsToAdd,
    ImportPupilsUnchanged,
    ImportGuardiansToAdd,
    ImportProblemsTitle,
    ImportNoProblems,
    ColLine,
    ColColumn,
    ColProblem,
    None_,
    Guardians,
    MoveTo,
    MovePupil,
    MarkLeft,
    ConfirmMarkLeft,
    Saved,
    GivenName,
    FamilyName,
    ClassLabel,
    ClassNameLabel,
    GradeLabel,
    RoleLabel,
    TeacherLabel,
    TeamNameLabel,
    NewPasswordLabel,
    NewPasswordHint,
    OptionalSuffix,
    HasAccessLabel,
    NewClassTitle,
    NewClassSubmit,
    NewPupilTitle,
    NewPupilSubmit,
    NewStaffTitle,
    NewStaffSubmit,
    NewTeamTitle,
    NewTeamSubmit,
    LinkGuardianFor,
    LinkGuardianSubmit,
    StaffTitle,
    TeamsTitle,
    CreateTitle,
    UniLogin,
    UniLoginFailed,
}

pub fn t(key: Key) -> &'static str {
    match key {
        Key::AppName => "Spire",
        Key::SkipToContent => "Spring til indhold",
        Key::Loading => "Henter …",
        Key::SignInTitle => "Log ind",
        Key::SignInIntro => "Log ind med dit brugernavn og din adgangskode.",
        Key::Username => "Brugernavn",
        Key::Password => "Adgangskode",
        Key::SignIn => "Log ind",
        Key::SigningIn => "Logger ind …",
        Key::SignOut => "Log ud",
        Key::Done => "Færdig",
        Key::DemoTitle => "Demo-skole",
        Key::DemoIntro => "Spire kører i demo-tilstand. Alle demo-brugere har adgangskoden:",
        Key::DemoSignInAs => "Log ind som",
        Key::DemoPasswordLabel => "Adgangskode",
        Key::ReadAloud => "Læs op",
        Key::StopReading => "Stop oplæsning",
        Key::PupilGreeting => "Hej",
        Key::PupilSubjects => "Mine fag",
        Key::TeacherTitle => "Mine hold",
        Key::TeacherNoTeams => "Du underviser ikke på nogen hold endnu.",
        Key::TeamPupils => "elever",
        Key::TeamTeachers => "Lærere",
        Key::ParentTitle => "Mine børn",
        Key::ParentNoChildren => "Der er ingen børn knyttet til dig endnu.",
        Key::ParentSubjects => "Fag",
        Key::LeaderTitle => "Overblik",
        Key::LeaderClasses => "Klasser i dette skoleår",
        Key::LeaderTeachers => "Lærere på skolen",
        Key::ColClass => "Klasse",
        Key::ColGrade => "Klassetrin",
        Key::ColPupils => "Elever",
        Key::ColTeams => "Hold",
        Key::NotFoundTitle => "Siden findes ikke",
        Key::NotFoundBody => "Vi kunne ikke finde den side, du ledte efter.",
        Key::BackHome => "Til forsiden",
        Key::TryAgain => "Prøv igen",
        Key::SignedInAs => "Logget ind som",
        Key::SignOutEverywhere => "Log ud alle steder",
        Key::SwitchRoleTo => "Skift til",
        Key::ClassPickerTitle => "Tryk på dit billede",
        Key::ClassPickerIntro => "Find dit billede og dit navn, og tryk på det.",
        Key::AdultSignIn => "Log ind som voksen",
        Key::ClassIpadTitle => "Klasse-iPad",
        Key::ClassIpadIntro => {
            "Gør denne enhed til klassens iPad. Eleverne logger så ind ved at trykke på deres billede, og du bliver logget ud."
        }
        Key::MakeClassIpadFor => "Gør til klasse-iPad for",
        Key::ThisIsClassIpadFor => "Denne enhed er klasse-iPad for",
        Key::CloseClassIpad => "Luk klasse-iPad",
        Key::CodeSignInTitle => "Log ind med kode",
        Key::CodeSignInIntro => "Skriv koden fra elevens login-kort.",
        Key::CodeLabel => "Koden fra login-kortet",
        Key::CodeSignInLink => "Log ind med kode",
        Key::PlanningTitle => "Planlægning",
        Key::PlanningHolds => "Mine hold",
        Key::HomeLink => "Forside",
        Key::MainMenu => "Hovedmenu",
        Key::LibraryTitle => "Bibliotek",
        Key::LibraryLink => "Find forløb i skolens bibliotek",
        Key::LibraryIntro => {
            "Forløb, som kolleger på skolen har delt. Se et forløb, og kopiér det til din egen årsplan; kopien er din og kan ændres frit."
        }
        Key::LibraryFilters => "Søg i biblioteket",
        Key::LibraryResults => "Fundne forløb",
        Key::YearPlanWord => "Årsplan",
        Key::OpenYearPlan => "Åbn årsplan",
        Key::UnitsCount => "forløb",
        Key::YearPlanTitleFor => "Titel på årsplanen for",
        Key::CreateYearPlanFor => "Opret årsplan for",
        Key::ArchivedYearPlans => "Arkiverede årsplaner",
        Key::Restore => "Gendan",
        Key::SchoolYearWord => "Skoleår",
        Key::BackToPlanning => "Tilbage til planlægning",
        Key::UnitsTitle => "Forløb",
        Key::NoUnitsYet => "Der er ingen forløb i årsplanen endnu.",
        Key::GoalsCount => "mål",
        Key::TasksCount => "opgaver",
        Key::SharedBadge => "Delt",
        Key::NewUnitTitle => "Nyt forløb",
        Key::TitleLabel => "Titel",
        Key::FirstWeekLabel => "Første uge (vælg en dag i ugen)",
        Key::LastWeekLabel => "Sidste uge (vælg en dag i ugen)",
        Key::CreateUnit => "Opret forløb",
        Key::WeekByWeek => "Uge for uge",
        Key::WeekWord => "Uge",
        Key::WeeksWord => "uger",
        Key::ArchivedUnits => "Arkiverede forløb",
        Key::ArchiveYearPlan => "Arkivér årsplanen",
        Key::ArchiveExplained => {
            "Intet bliver slettet. Det arkiverede kan gendannes af holdets lærere eller en leder, og alt hvad eleverne har lavet, bliver bevaret."
        }
        Key::ConfirmArchive => "Vil du arkivere? Det kan gendannes senere.",
        Key::UnitWord => "Forløb",
        Key::AuthorWord => "Lavet af",
        Key::CopiedFrom => "Kopieret fra",
        Key::BackToYearPlan => "Tilbage til årsplanen",
        Key::UnitIsShared => "Forløbet er delt med skolens bibliotek.",
        Key::UnitIsNotShared => {
            "Forløbet er ikke delt. Del det, så kolleger kan finde og kopiere det."
        }
        Key::Unshare => "Fjern fra biblioteket",
        Key::ShareWithSchool => "Del med skolens bibliotek",
        Key::ArchiveUnit => "Arkivér forløbet",
        Key::UnitDetails => "Om forløbet",
        Key::ConflictTitle => "En kollega har gemt forløbet imens",
        Key::ConflictExplained => {
            "Forløbet blev gemt af en anden, mens du skrev. Intet er overskrevet. Sammenlign de to versioner, og vælg."
        }
        Key::StoredVersion => "Den gemte version",
        Key::YourVersion => "Din version",
        Key::YourVersionExplained => "Står stadig i felterne nedenfor.",
        Key::KeepMine => "Gem min version",
        Key::TakeStored => "Brug den gemte version",
        Key::DescriptionLabel => "Beskrivelse",
        Key::MaterialsTitle => "Materialer",
        Key::MaterialsHint => {
            "Indsæt et link til et digitalt læremiddel, et Office 365- eller Google-dokument."
        }
        Key::MaterialTitleLabel => "Navn på materiale",
        Key::MaterialUrlLabel => "Link til materiale",
        Key::AddMaterial => "Tilføj materiale",
        Key::SaveUnit => "Gem forløb",
        Key::NoMaterials => "Ingen materialer endnu.",
        Key::GoalsTitle => "Mål",
        Key::NoGoals => "Forløbet har ingen mål endnu.",
        Key::ScaleWord => "Målestok",
        Key::SignsLabel => "Tegn på læring",
        Key::RemoveGoal => "Fjern mål",
        Key::NewGoalTitle => "Nyt mål",
        Key::GoalKindLegend => "Hvem vurderer målet?",
        Key::OwnGoalLabel => "Målet med dine egne ord",
        Key::AddGoal => "Tilføj mål",
        Key::FrameworkGoalLegend => "Eller vælg et mål fra Fælles Mål",
        Key::ChosenGoal => "Valgt mål",
        Key::UseOwnWords => "Skriv i stedet målet med egne ord",
        Key::AnyGrade => "Alle klassetrin",
        Key::AnySubject => "Alle fag",
        Key::AnyAuthor => "Alle kolleger",
        Key::SearchWords => "Søgeord",
        Key::SearchGoals => "Søg efter mål",
        Key::NoGoalsFound => "Ingen mål passer til søgningen.",
        Key::GoalResults => "Fundne mål",
        Key::ChooseGoal => "Vælg",
        Key::DayWord => "Dag",
        Key::WholeHold => "Hele holdet",
        Key::GroupWord => "Gruppe",
        Key::AGroup => "En gruppe",
        Key::ChosenPupils => "Udvalgte elever",
        Key::TasksTitle => "Opgaver",
        Key::NoTasks => "Forløbet har ingen opgaver endnu.",
        Key::EasierLabel => "Lettere udgave",
        Key::HarderLabel => "Sværere udgave",
        Key::ArchiveTask => "Arkivér opgave",
        Key::ArchivedTasks => "Arkiverede opgaver",
        Key::NewTaskTitle => "Ny opgave",
        Key::InstructionLabel => "Instruktion til eleven",
        Key::InstructionHint => "Kort og enkel: den bliver læst højt for eleven. Højst 300 tegn.",
        Key::TaskIconLegend => "Billede til opgaven",
        Key::WhenLegend => "Hvornår",
        Key::OnADay => "En bestemt dag",
        Key::InAWeek => "I løbet af en uge",
        Key::DateLabel => "Dato",
        Key::AudienceLegend => "Hvem er opgaven til?",
        Key::GroupNameLabel => "Gruppens navn",
        Key::PupilsAndVariants => "Elever og udgaver",
        Key::PupilsAndVariantsHint => {
            "Vælg eleverne for en gruppe eller udvalgte elever. For hele holdet: vælg kun dem, der skal have en lettere eller sværere udgave."
        }
        Key::VariantFor => "Udgave til",
        Key::AddTask => "Tilføj opgave",
        Key::PupilPreviewTitle => "Sådan ser eleven det",
        Key::PupilPreviewHint => {
            "Opgaverne og målene, som de vises på elevens iPad, med oplæsning."
        }
        Key::GoalFilterLabel => "Mål (ord fra målet)",
        Key::AuthorLabel => "Lavet af",
        Key::SearchLibrary => "Søg",
        Key::NothingFound => "Ingen forløb passer til søgningen.",
        Key::PreviewUnit => "Se forløbet",
        Key::PreviewOf => "Forløbet",
        Key::NoYearPlanToCopyTo => {
            "Du har ingen årsplan at kopiere til. Opret en årsplan under Planlægning."
        }
        Key::CopyInto => "Kopiér til årsplanen",
        Key::CopyUnit => "Kopiér",
        Key::CopiedNotice => "Forløbet er kopieret til din årsplan.",
        Key::OpenCopy => "Åbn kopien",
        Key::EditTask => "Ret opgave",
        Key::SaveTask => "Gem opgave",
        Key::CancelEdit => "Fortryd",
        Key::NewScaleTitle => "Lav din egen målestok",
        Key::ScaleNameLabel => "Målestokkens navn",
        Key::ScaleStepsLabel => "Trin, ét pr. linje",
        Key::ScaleStepsHint => {
            "Fra laveste til højeste, 2 til 7 trin, fx Ikke endnu / På vej / Sikker."
        }
        Key::CreateScale => "Gem målestok",
        Key::RemoveFile => "Fjern fil",
        Key::AttachFile => "Vedhæft en fil",
        Key::AttachFileHint => {
            "PDF, billeder, Word, Excel, PowerPoint, ODT, tekst eller MP3, højst 10 MB."
        }
        Key::EvaluationTitle => "Evaluering",
        Key::NotEvaluated => "ikke vurderet",
        Key::SavedFor => "Gemt:",
        Key::BackToUnit => "Tilbage til forløbet",
        Key::GridHint => {
            "Flyt mellem felterne med piletasterne. Tryk 1, 2, 3 … for at vælge trin på målestokken (1 er det laveste). Det gemmes med det samme. Et klik vælger næste trin."
        }
        Key::PupilWord => "Elev",
        Key::PupilsOwn => "Elevens egen",
        Key::EvaluateUnit => "Evaluér forløbet",
        Key::MyGoalsTitle => "Mine mål",
        Key::NoGoalsForPupil => "Du har ingen mål lige nu.",
        Key::ReadGoalAloud => "Læs målet op",
        Key::HowDidItGo => "Hvordan gik det?",
        Key::PupilMenu => "Hvad vil du?",
        Key::SchoolYearsTitle => "Skoleår",
        Key::SchoolYearsIntro => {
            "Skoleåret skifter på første skoledag. Indtil da hører nye klasser og hold til det gamle skoleår."
        }
        Key::SchoolYearCurrent => "nu",
        Key::FirstDayLabel => "Første skoledag",
        Key::LastDayLabel => "Sidste skoledag",
        Key::SaveSchoolYear => "Gem skoleår",
        Key::ScanTitle => "Vis dit kort",
        Key::ScanTile => "Mit kort",
        Key::ScanStarting => "Kameraet starter …",
        Key::ScanLooking => "Hold dit kort op foran kameraet.",
        Key::ScanReading => "Jeg kan se dit kort. Vent lidt.",
        Key::ScanCardNotValid => "Det kort virker ikke. Spørg din lærer om et nyt kort.",
        Key::ScanNoCamera => {
            "Kameraet kan ikke bruges her. Bed en voksen om at skrive koden fra dit kort."
        }
        Key::ScanBackToPictures => "Billeder",
        Key::ScanInstead => "Brug kameraet i stedet",
        Key::MakeLoginCardsFor => "Lav nye login-kort til",
        Key::LoginCardsTitle => "Login-kort",
        Key::LoginCardsIntro => {
            "Udskriv kortene og klip dem ud. De gamle kort til klassen virker ikke længere."
        }
        Key::PrintCards => "Udskriv",
        Key::QrAltFor => "QR-kode til",
        Key::AdminTitle => "Administration",
        Key::AdminLink => "Administration: klasser og elever",
        Key::ImportTitle => "Importér elevliste",
        Key::ImportIntro => {
            "Vælg en CSV-fil med kolonnerne klasse, klassetrin, fornavn, efternavn, forælder_fornavn, forælder_efternavn og forælder_adgang. Du ser først, hvad importen vil ændre."
        }
        Key::ImportFileLabel => "Vælg CSV-fil",
        Key::ImportApply => "Gennemfør import",
        Key::ImportApplied => "Importen er gennemført.",
        Key::ImportClassesToCreate => "Klasser der oprettes",
        Key::ImportPupilsToAdd => "Elever der tilføjes",
        Key::ImportPupilsUnchanged => "Elever der allerede findes",
        Key::ImportGuardiansToAdd => "Forældre der tilføjes",
        Key::ImportProblemsTitle => "Fejl i filen – intet er ændret",
        Key::ImportNoProblems => "Ingen fejl i filen.",
        Key::ColLine => "Linje",
        Key::ColColumn => "Kolonne",
        Key::ColProblem => "Problem",
        Key::None_ => "ingen",
        Key::Guardians => "Forældre",
        Key::MoveTo => "Ny klasse for",
        Key::MovePupil => "Flyt",
        Key::MarkLeft => "Meld ud:",
        Key::Saved => "Gemt.",
        Key::GivenName => "Fornavn",
        Key::FamilyName => "Efternavn",
        Key::ClassLabel => "Klasse",
        Key::ClassNameLabel => "Klassens navn, fx 2.C",
        Key::GradeLabel => "Klassetrin",
        Key::RoleLabel => "Rolle",
        Key::SubjectLabel => "Fag",
        Key::TeacherLabel => "Lærer",
        Key::TeamNameLabel => "Holdets navn, fx Dansk 2.C",
        Key::NewPasswordLabel => "Adgangskode",
        Key::NewPasswordHint => "Mindst 10 tegn. En sætning er god.",
        Key::OptionalSuffix => "(valgfrit)",
        Key::HasAccessLabel => "Adgang til skoleoplysninger",
        Key::NewClassTitle => "Ny klasse",
        Key::NewClassSubmit => "Opret klasse",
        Key::NewPupilTitle => "Ny elev",
        Key::NewPupilSubmit => "Tilføj elev",
        Key::NewStaffTitle => "Ny medarbejder",
        Key::NewStaffSubmit => "Tilføj medarbejder",
        Key::NewTeamTitle => "Nyt hold",
        Key::NewTeamSubmit => "Opret hold",
        Key::LinkGuardianFor => "Tilknyt forælder til",
        Key::LinkGuardianSubmit => "Tilknyt forælder",
        Key::StaffTitle => "Medarbejdere",
        Key::CreateTitle => "Opret og tilføj",
        Key::UniLogin => "Log ind med UNI-Login",
        Key::UniLoginFailed => {
            "Log ind med UNI-Login lykkedes ikke. Prøv igen, eller log ind med brugernavn og adgangskode."
        }
        Key::TeamsTitle => "Hold i dette skoleår",
        Key::ConfirmMarkLeft => {
            "Meld eleven ud af skolen? Elevens oplysninger gemmes, men eleven kan ikke længere logge ind."
        }
    }
}

/// The Danish message for an error code: what happened and what to do, never a technical detail.
pub fn error_text(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::NotSignedIn => "Du er ikke logget ind. Log ind for at fortsætte.",
        ErrorCode::WrongCredentials => "Brugernavn eller adgangskode er forkert. Prøv igen.",
        ErrorCode::Forbidden => "Du har ikke adgang til dette.",
        ErrorCode::NotFound => "Vi kunne ikke finde det, du ledte efter.",
        ErrorCode::InvalidInput => "Noget af det indtastede er ikke gyldigt. Ret det og prøv igen.",
        ErrorCode::Conflict => {
            "En anden har gemt ændringer imens. Hent siden igen og se forskellen."
        }
        ErrorCode::RateLimited => "For mange forsøg. Vent lidt, og prøv så igen.",
        ErrorCode::Network => {
            "Vi kunne ikke få forbindelse til Spire. Tjek netværket, og prøv igen."
        }
        ErrorCode::Internal => "Noget gik galt hos os. Prøv igen om lidt.",
    }
}

/// The Danish message for an invalid field, where the form can point at it.
pub fn field_error_text(field: &str) -> Option<&'static str> {
    match field {
        "username" => Some("Brugernavnet må kun indeholde bogstaver, tal, punktum og bindestreg."),
        "password" => Some("Skriv din adgangskode."),
        "code" => Some("Koden består af 8 tegn, fx ABCD-EFGH."),
        "file" => Some("Filen er tom eller for stor (højst 1 MB)."),
        "class" => Some("Vælg en af skolens klasser."),
        "given_name" => Some("Skriv et fornavn (højst 100 tegn)."),
        "family_name" => Some("Skriv et efternavn (højst 100 tegn)."),
        "name" => Some("Skriv et navn (højst 40 tegn)."),
        "name_taken" => Some("Der findes allerede en klasse med det navn i dette skoleår."),
        "grade" => Some("Klassetrin skal være fra 0 til 10."),
        "username_taken" => Some("Brugernavnet er optaget. Vælg et andet."),
        "new_password" => Some("Adgangskoden skal have mindst 10 tegn."),
        "role" => Some("Vælg en rolle for medarbejderen."),
        "teacher" => Some("Vælg en lærer eller pædagog."),
        "title" => Some("Skriv en titel på én linje (højst 120 tegn)."),
        "description" => Some("Beskrivelsen er for lang (højst 10.000 tegn)."),
        "first_week" => Some("Vælg en første uge inden for skoleåret."),
        "last_week" => Some("Den sidste uge skal ligge efter den første og inden for skoleåret."),
        "material_title" => Some("Giv hvert materiale et navn (højst 120 tegn)."),
        "material_url" => Some("Et materiale skal være et link, der begynder med https://."),
        "materials" => Some("Højst 30 materialer pr. forløb."),
        "own_text" => {
            Some("Skriv målet med egne ord eller vælg et mål fra Fælles Mål (ikke begge).")
        }
        "framework_item" => Some("Det valgte mål findes ikke. Søg igen."),
        "scale" => Some("Vælg en målestok."),
        "signs" => Some("Tegn på læring er for langt (højst 10.000 tegn)."),
        "instruction" => Some("Skriv en kort instruktion (1 til 300 tegn)."),
        "easier" | "harder" => Some("En udgave må højst være 300 tegn."),
        "when" => Some("Vælg en dato inden for skoleåret."),
        "pupils" => Some("Vælg elever fra holdet (mindst én for en gruppe eller udvalgte elever)."),
        "group_name" => Some("Giv gruppen et navn."),
        "variant" => Some("Skriv den lettere eller sværere udgave, før du giver den til en elev."),
        "step" => Some("Vælg et trin på målestokken, eller skriv en kommentar."),
        "comment" => Some("Kommentaren er for lang (højst 2.000 tegn)."),
        "pupil" => Some("Eleven er ikke på holdet."),
        "goal" => Some("Eleven vurderer kun sig selv på mål og refleksion."),
        "scale_name" => Some("Giv målestokken et navn (højst 120 tegn)."),
        "file_name" => Some("Filens navn må højst være 120 tegn."),
        "file_type" => Some(
            "Den slags fil kan ikke vedhæftes. Brug PDF, billeder, Office-dokumenter, ODT, tekst eller MP3.",
        ),
        "file_size" => Some("Filen er tom eller for stor (højst 10 MB)."),
        "steps" => Some("En målestok har 2 til 7 trin, hvert på højst 40 tegn."),
        "year_plan" => Some("Årsplanen er arkiveret. Gendan den først."),
        "words" => Some("Søgningen er for lang (højst 200 tegn)."),
        "first_day" => Some(
            "Første skoledag skal være en dato i juli, august eller september i skoleårets første år.",
        ),
        "last_day" => {
            Some("Sidste skoledag skal være en dato i maj, juni eller juli i skoleårets andet år.")
        }
        "start_year" => Some("Kun dette og næste skoleår kan ændres."),
        _ => None,
    }
}

/// What is wrong with a cell of an imported roster file.
pub fn problem_text(kind: domain::roster::ProblemKind) -> &'static str {
    use domain::roster::ProblemKind;
    match kind {
        ProblemKind::WrongHeader => "Første linje skal være kolonneoverskrifterne.",
        ProblemKind::Unreadable => "Linjen har ikke 7 kolonner.",
        ProblemKind::Missing => "Mangler.",
        ProblemKind::TooLong => "For lang.",
        ProblemKind::InvalidGrade => "Klassetrin skal være et tal fra 0 til 10.",
        ProblemKind::InvalidAccess => "Skal være ja eller nej.",
        ProblemKind::IncompleteGuardian => "Forælderen skal have både fornavn og efternavn.",
        ProblemKind::GradeConflict => "Klassen findes allerede med et andet klassetrin.",
    }
}

pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Pupil => "elev",
        Role::Parent => "forælder",
        Role::Teacher => "lærer",
        Role::Paedagog => "pædagog",
        Role::Leader => "leder",
        Role::Administrator => "administrator",
    }
}

pub fn subject_name(subject: Subject) -> &'static str {
    match subject {
        Subject::Dansk => "Dansk",
        Subject::Matematik => "Matematik",
        Subject::Engelsk => "Engelsk",
        Subject::NaturTeknologi => "Natur/teknologi",
        Subject::Idraet => "Idræt",
        Subject::Billedkunst => "Billedkunst",
        Subject::Musik => "Musik",
    }
}

pub fn grade_name(grade: u8) -> String {
    format!("{grade}. klasse")
}

pub fn goal_kind_name(kind: domain::planning::GoalKind) -> &'static str {
    match kind {
        domain::planning::GoalKind::Faglig => "Faglige mål (læreren vurderer)",
        domain::planning::GoalKind::Refleksion => "Mål og refleksion (eleven og læreren vurderer)",
    }
}

pub fn task_icon_name(icon: domain::planning::TaskIcon) -> &'static str {
    use domain::planning::TaskIcon;
    match icon {
        TaskIcon::Read => "Læs",
        TaskIcon::Write => "Skriv",
        TaskIcon::Count => "Regn",
        TaskIcon::Draw => "Tegn",
        TaskIcon::Listen => "Lyt",
        TaskIcon::Talk => "Fortæl",
        TaskIcon::Build => "Byg",
        TaskIcon::Move => "Bevæg dig",
        TaskIcon::Photo => "Tag et billede",
    }
}

pub fn variant_name(variant: domain::planning::Variant) -> &'static str {
    use domain::planning::Variant;
    match variant {
        Variant::Standard => "almindelig",
        Variant::Easier => "lettere",
        Variant::Harder => "sværere",
    }
}

/// "Uge 38–40", or "Uge 38" for a single week.
pub fn week_range(first: domain::calendar::Date, last: domain::calendar::Date) -> String {
    let (a, b) = (first.iso_week().1, last.iso_week().1);
    if a == b {
        format!("Uge {a}")
    } else {
        format!("Uge {a}–{b}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_code_has_danish_text() {
        for code in [
            ErrorCode::NotSignedIn,
            ErrorCode::WrongCredentials,
            ErrorCode::Forbidden,
            ErrorCode::NotFound,
            ErrorCode::InvalidInput,
            ErrorCode::Conflict,
            ErrorCode::RateLimited,
            ErrorCode::Network,
            ErrorCode::Internal,
        ] {
            let text = error_text(code);
            assert!(text.ends_with('.'), "{code:?}: {text}");
            assert!(!text.contains("error"), "{code:?} leaks English: {text}");
        }
    }

    #[test]
    fn grades_read_as_danish_class_names() {
        assert_eq!(grade_name(0), "0. klasse");
        assert_eq!(grade_name(5), "5. klasse");
    }
}
