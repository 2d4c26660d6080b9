//! Danish text: Planning: årsplaner, forløb, goals, tasks and scales.

use super::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanningKey {
    TeacherTitle,
    TeacherNoTeams,
    TeamTeachers,
    ClassIpadTitle,
    ClassIpadIntro,
    ThisIsClassIpadFor,
    CloseClassIpad,
    PlanningHolds,
    LibraryLink,
    YearPlanWord,
    OpenYearPlan,
    ArchivedYearPlans,
    EarlierYears,
    EarlierPlanLabel,
    BackToPlanning,
    UnitsTitle,
    NoUnitsYet,
    SharedBadge,
    NewUnitTitle,
    TitleLabel,
    CreateUnit,
    WeekByWeek,
    FirstWeekChoice,
    LastWeekChoice,
    TimelineHint,
    SchoolWeeks,
    TimelineScroll,
    Earlier,
    Later,
    Shorter,
    Longer,
    ChooseUnitHint,
    HolidaysOfYear,
    SummaryHold,
    SummaryWeeks,
    SummaryMadeBy,
    SharedShort,
    NotSharedShort,
    CoverageTitle,
    NotCoveredYet,
    ArchivedUnits,
    ArchiveYearPlan,
    ArchiveExplained,
    ConfirmArchive,
    UnitWord,
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
    MaterialsHint,
    AddMaterial,
    SaveUnit,
    NoMaterials,
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
    SearchGoals,
    NoGoalsFound,
    GoalResults,
    ChooseGoal,
    WholeHold,
    GroupWord,
    AGroup,
    ChosenPupils,
    NoTasks,
    EasierLabel,
    HarderLabel,
    ArchiveTask,
    ArchivedTasks,
    ArchivedGoals,
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
    Differentiate,
    PupilsAndVariantsHint,
    AddTask,
    PupilPreviewTitle,
    PupilPreviewHint,
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
    EvaluateUnit,
    LoginCardsTitle,
    LoginCardsIntro,
    PrintCards,
    QrAltFor,
}

impl Text for PlanningKey {
    fn danish(self) -> &'static str {
        match self {
            PlanningKey::TeacherTitle => "Mine hold",
            PlanningKey::TeacherNoTeams => "Du underviser ikke på nogen hold endnu.",
            PlanningKey::TeamTeachers => "Lærere",
            PlanningKey::ClassIpadTitle => "Klasse-iPad",
            PlanningKey::ClassIpadIntro => {
                "Gør denne enhed til klassens iPad. Eleverne logger så ind ved at trykke på deres billede, og du bliver logget ud."
            }
            PlanningKey::ThisIsClassIpadFor => "Denne enhed er klasse-iPad for",
            PlanningKey::CloseClassIpad => "Luk klasse-iPad",
            PlanningKey::PlanningHolds => "Mine hold",
            PlanningKey::LibraryLink => "Find forløb i skolens bibliotek",
            PlanningKey::YearPlanWord => "Årsplan",
            PlanningKey::OpenYearPlan => "Åbn årsplan",
            PlanningKey::ArchivedYearPlans => "Arkiverede årsplaner",
            PlanningKey::EarlierYears => "Tidligere år",
            PlanningKey::EarlierPlanLabel => "Eller kopiér en årsplan fra et tidligere år",
            PlanningKey::BackToPlanning => "Tilbage til planlægning",
            PlanningKey::UnitsTitle => "Forløb",
            PlanningKey::NoUnitsYet => "Der er ingen forløb i årsplanen endnu.",
            PlanningKey::SharedBadge => "Delt",
            PlanningKey::NewUnitTitle => "Nyt forløb",
            PlanningKey::TitleLabel => "Titel",
            PlanningKey::CreateUnit => "Opret forløb",
            PlanningKey::WeekByWeek => "Året uge for uge",
            PlanningKey::FirstWeekChoice => "Første uge",
            PlanningKey::LastWeekChoice => "Sidste uge",
            PlanningKey::TimelineHint => {
                "Træk et forløb for at flytte det, og træk i dets ender for at gøre det kortere eller længere. Med tastaturet: vælg forløbet eller en ende med Tab, og flyt med piletasterne. Ændringer gemmes med det samme."
            }
            PlanningKey::SchoolWeeks => "Skoleårets uger",
            PlanningKey::TimelineScroll => "Tidslinje",
            PlanningKey::Earlier => "En uge tidligere",
            PlanningKey::Later => "En uge senere",
            PlanningKey::Shorter => "En uge kortere",
            PlanningKey::Longer => "En uge længere",
            PlanningKey::ChooseUnitHint => {
                "Vælg et forløb på tidslinjen for at flytte det med knapper."
            }
            PlanningKey::HolidaysOfYear => "Ferier",
            PlanningKey::SummaryHold => "Fag og hold",
            PlanningKey::SummaryWeeks => "Uger",
            PlanningKey::SummaryMadeBy => "Lavet af",
            PlanningKey::SharedShort => "Delt med skolen",
            PlanningKey::NotSharedShort => "Ikke delt",
            PlanningKey::CoverageTitle => "Kompetenceområder i årsplanen",
            PlanningKey::NotCoveredYet => "ikke i et forløb endnu",
            PlanningKey::ArchivedUnits => "Arkiverede forløb",
            PlanningKey::ArchiveYearPlan => "Arkivér årsplanen",
            PlanningKey::ArchiveExplained => {
                "Intet bliver slettet. Det arkiverede kan gendannes af holdets lærere eller en leder, og alt hvad eleverne har lavet, bliver bevaret."
            }
            PlanningKey::ConfirmArchive => "Vil du arkivere? Det kan gendannes senere.",
            PlanningKey::UnitWord => "Forløb",
            PlanningKey::BackToYearPlan => "Tilbage til årsplanen",
            PlanningKey::UnitIsShared => "Forløbet er delt med skolens bibliotek.",
            PlanningKey::UnitIsNotShared => {
                "Forløbet er ikke delt. Del det, så kolleger kan finde og kopiere det."
            }
            PlanningKey::Unshare => "Fjern fra biblioteket",
            PlanningKey::ShareWithSchool => "Del med skolens bibliotek",
            PlanningKey::ArchiveUnit => "Arkivér forløbet",
            PlanningKey::UnitDetails => "Om forløbet",
            PlanningKey::ConflictTitle => "En kollega har gemt forløbet imens",
            PlanningKey::ConflictExplained => {
                "Forløbet blev gemt af en anden, mens du skrev. Intet er overskrevet. Sammenlign de to versioner, og vælg."
            }
            PlanningKey::StoredVersion => "Den gemte version",
            PlanningKey::YourVersion => "Din version",
            PlanningKey::YourVersionExplained => "Står stadig i felterne nedenfor.",
            PlanningKey::KeepMine => "Gem min version",
            PlanningKey::TakeStored => "Brug den gemte version",
            PlanningKey::DescriptionLabel => "Beskrivelse",
            PlanningKey::MaterialsHint => {
                "Indsæt et link til et digitalt læremiddel, et Office 365- eller Google-dokument."
            }
            PlanningKey::AddMaterial => "Tilføj materiale",
            PlanningKey::SaveUnit => "Gem forløb",
            PlanningKey::NoMaterials => "Ingen materialer endnu.",
            PlanningKey::NoGoals => "Forløbet har ingen mål endnu.",
            PlanningKey::ScaleWord => "Målestok",
            PlanningKey::SignsLabel => "Tegn på læring",
            PlanningKey::RemoveGoal => "Fjern mål",
            PlanningKey::NewGoalTitle => "Nyt mål",
            PlanningKey::GoalKindLegend => "Hvem vurderer målet?",
            PlanningKey::OwnGoalLabel => "Målet med dine egne ord",
            PlanningKey::AddGoal => "Tilføj mål",
            PlanningKey::FrameworkGoalLegend => "Eller vælg et mål fra Fælles Mål",
            PlanningKey::ChosenGoal => "Valgt mål",
            PlanningKey::UseOwnWords => "Skriv i stedet målet med egne ord",
            PlanningKey::SearchGoals => "Søg efter mål",
            PlanningKey::NoGoalsFound => "Ingen mål passer til søgningen.",
            PlanningKey::GoalResults => "Fundne mål",
            PlanningKey::ChooseGoal => "Vælg",
            PlanningKey::WholeHold => "Hele holdet",
            PlanningKey::GroupWord => "Gruppe",
            PlanningKey::AGroup => "En gruppe",
            PlanningKey::ChosenPupils => "Udvalgte elever",
            PlanningKey::NoTasks => "Forløbet har ingen opgaver endnu.",
            PlanningKey::EasierLabel => "Lettere udgave",
            PlanningKey::HarderLabel => "Sværere udgave",
            PlanningKey::ArchiveTask => "Arkivér opgave",
            PlanningKey::ArchivedTasks => "Arkiverede opgaver",
            PlanningKey::ArchivedGoals => "Fjernede mål (evalueringerne er gemt)",
            PlanningKey::NewTaskTitle => "Ny opgave",
            PlanningKey::InstructionLabel => "Instruktion til eleven",
            PlanningKey::InstructionHint => {
                "Kort og enkel: den bliver læst højt for eleven. Højst 300 tegn."
            }
            PlanningKey::TaskIconLegend => "Billede til opgaven",
            PlanningKey::WhenLegend => "Hvornår",
            PlanningKey::OnADay => "En bestemt dag",
            PlanningKey::InAWeek => "I løbet af en uge",
            PlanningKey::DateLabel => "Dato",
            PlanningKey::AudienceLegend => "Hvem er opgaven til?",
            PlanningKey::GroupNameLabel => "Gruppens navn",
            PlanningKey::PupilsAndVariants => "Elever og udgaver",
            PlanningKey::Differentiate => {
                "Differentiering: elever og lettere eller sværere udgaver"
            }
            PlanningKey::PupilsAndVariantsHint => {
                "Vælg eleverne for en gruppe eller udvalgte elever. For hele holdet: vælg kun dem, der skal have en lettere eller sværere udgave."
            }
            PlanningKey::AddTask => "Tilføj opgave",
            PlanningKey::PupilPreviewTitle => "Sådan ser eleven det",
            PlanningKey::PupilPreviewHint => {
                "Opgaverne og målene, som de vises på elevens iPad, med oplæsning."
            }
            PlanningKey::EditTask => "Ret opgave",
            PlanningKey::SaveTask => "Gem opgave",
            PlanningKey::CancelEdit => "Fortryd",
            PlanningKey::NewScaleTitle => "Lav din egen målestok",
            PlanningKey::ScaleNameLabel => "Målestokkens navn",
            PlanningKey::ScaleStepsLabel => "Trin, ét pr. linje",
            PlanningKey::ScaleStepsHint => {
                "Fra laveste til højeste, 2 til 7 trin, fx Ikke endnu / På vej / Sikker."
            }
            PlanningKey::CreateScale => "Gem målestok",
            PlanningKey::RemoveFile => "Fjern fil",
            PlanningKey::AttachFile => "Vedhæft en fil",
            PlanningKey::AttachFileHint => {
                "PDF, billeder, Word, Excel, PowerPoint, ODT, tekst eller MP3, højst 10 MB."
            }
            PlanningKey::EvaluateUnit => "Evaluér forløbet",
            PlanningKey::LoginCardsTitle => "Login-kort",
            PlanningKey::LoginCardsIntro => {
                "Udskriv kortene og klip dem ud. De gamle kort til klassen virker ikke længere."
            }
            PlanningKey::PrintCards => "Udskriv",
            PlanningKey::QrAltFor => "QR-kode til",
        }
    }
}
