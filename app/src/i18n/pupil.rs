//! Danish text: The pupil's iPad: home, I dag, Mine mål, Hvordan gik det?, Mit arbejde.

use super::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PupilKey {
    PupilSubjects,
    PupilMenu,
    TodayTitle,
    MyWorkTitle,
    HelpButton,
    HelpHome,
    HelpToday,
    HelpTask,
    HelpWork,
    CloseHelp,
    NoTasksToday,
    TasksToday,
    DueToday,
    TaskIsDone,
    ReadTaskAloud,
    IAmDone,
    WellDone,
    Materials,
    TakePhoto,
    DrawWork,
    RecordVoice,
    WriteWork,
    DrawingLabel,
    DrawingTools,
    PenTool,
    LineTool,
    LineToolHint,
    ColourBlack,
    ColourBlue,
    ColourRed,
    ColourGreen,
    UndoDrawing,
    ClearDrawing,
    SaveDrawing,
    StartRecording,
    StopRecording,
    RecordingNow,
    SaveRecording,
    MicrophoneUnavailable,
    WriteLabel,
    SaveText,
    WorkSaved,
    WorkWaiting,
    SendNow,
    NoWorkYet,
    WorkPhoto,
    WorkDrawing,
    WorkVoice,
    WorkText,
    WorkForGoal,
    ReadingTile,
    WorkPicture,
    MorePupilLinks,
    PupilHomeTile,
    ShareWithFamily,
    HelpSubject,
    NoSubjectTasks,
    NoSubjectGoals,
}

impl Text for PupilKey {
    fn danish(self) -> &'static str {
        match self {
            PupilKey::PupilSubjects => "Mine fag",
            PupilKey::PupilMenu => "Hvad vil du?",
            PupilKey::TodayTitle => "I dag",
            PupilKey::MyWorkTitle => "Mit arbejde",
            PupilKey::HelpButton => "Hjælp",
            PupilKey::HelpHome => {
                "Tryk på et billede for at vælge. I dag viser dine opgaver. Mine mål viser, hvad du skal lære. Hvordan gik det? er, hvor du viser, hvordan det gik. Mit arbejde viser det, du har lavet. Tryk på et fag for at se dets opgaver og mål."
            }
            PupilKey::HelpToday => {
                "Her er dine opgaver i dag og i denne uge. Tryk på en opgave for at se og høre, hvad du skal."
            }
            PupilKey::HelpTask => {
                "Tryk på højttaleren for at høre opgaven igen. Når du er færdig, så tryk på Jeg er færdig. Du kan tage et billede, tegne, indtale eller skrive, hvad du har lavet."
            }
            PupilKey::HelpWork => "Her er alt det, du har lavet og gemt.",
            PupilKey::CloseHelp => "Luk hjælpen",
            PupilKey::NoTasksToday => "Du har ingen opgaver i dag. God dag!",
            PupilKey::TasksToday => "Mine opgaver",
            PupilKey::DueToday => "I dag",
            PupilKey::TaskIsDone => "færdig",
            PupilKey::ReadTaskAloud => "Læs opgaven op",
            PupilKey::IAmDone => "Jeg er færdig",
            PupilKey::WellDone => "Godt klaret!",
            PupilKey::Materials => "Materialer",
            PupilKey::TakePhoto => "Tag et billede",
            PupilKey::DrawWork => "Tegn",
            PupilKey::RecordVoice => "Indtal",
            PupilKey::WriteWork => "Skriv",
            PupilKey::DrawingLabel => "Din tegning",
            PupilKey::DrawingTools => "Tegneværktøj",
            PupilKey::PenTool => "Pen",
            PupilKey::LineTool => "Streg",
            PupilKey::LineToolHint => "Streg: tryk ét sted, og tryk så et andet sted.",
            PupilKey::ColourBlack => "Sort",
            PupilKey::ColourBlue => "Blå",
            PupilKey::ColourRed => "Rød",
            PupilKey::ColourGreen => "Grøn",
            PupilKey::UndoDrawing => "Fortryd",
            PupilKey::ClearDrawing => "Visk det hele ud",
            PupilKey::SaveDrawing => "Gem tegningen",
            PupilKey::StartRecording => "Start optagelse",
            PupilKey::StopRecording => "Stop optagelse",
            PupilKey::RecordingNow => "Optager … Tryk på Stop optagelse, når du er færdig.",
            PupilKey::SaveRecording => "Gem lyden",
            PupilKey::MicrophoneUnavailable => {
                "Mikrofonen kan ikke bruges lige nu. Spørg din lærer."
            }
            PupilKey::WriteLabel => "Skriv her",
            PupilKey::SaveText => "Gem teksten",
            PupilKey::WorkSaved => "Gemt i Mit arbejde.",
            PupilKey::WorkWaiting => {
                "Ikke sendt endnu. Det er gemt på iPad'en, og vi prøver igen af os selv."
            }
            PupilKey::SendNow => "Prøv igen nu",
            PupilKey::NoWorkYet => "Du har ikke gemt noget endnu.",
            PupilKey::WorkPhoto => "Billede",
            PupilKey::WorkDrawing => "Tegning",
            PupilKey::WorkVoice => "Lydoptagelse",
            PupilKey::WorkText => "Tekst",
            PupilKey::WorkForGoal => "Mål",
            PupilKey::ReadingTile => "Læsning",
            PupilKey::WorkPicture => "Billede du har lavet",
            PupilKey::MorePupilLinks => "Mere",
            PupilKey::PupilHomeTile => "Hjem",
            PupilKey::ShareWithFamily => "Del med mine voksne",
            PupilKey::HelpSubject => {
                "Her er dine opgaver og dine mål i faget. Tryk på en opgave for at se og høre, hvad du skal. Tryk på højttaleren for at høre et mål."
            }
            PupilKey::NoSubjectTasks => "Du har ingen opgaver i faget i denne uge.",
            PupilKey::NoSubjectGoals => "Du har ingen mål i faget lige nu.",
        }
    }
}
