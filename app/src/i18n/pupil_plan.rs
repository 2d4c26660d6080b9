//! Danish text: The elevplan: drafts, publishing, the family's reading, the pupil's package.

use super::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PupilPlanKey {
    BroughtFrom,
    EvidenceTitle,
    TeacherBefore,
    PupilBefore,
    PartLanguage,
    PartMathAwareness,
    PartDanish,
    PartMaths,
    PartEducation,
    PartSupport,
    RequiredPartsTitle,
    PartCovered,
    PartMissing,
    PreviewNotPublished,
    VersionWord,
    PublishedOn,
    SectionStatus,
    SectionFollowUp,
    SectionWellbeing,
    SectionAllRound,
    SectionEducation,
    SectionSupport,
    SectionEvaluations,
    TeachersEvaluation,
    PupilsOwnEvaluation,
    PupilReflection,
    PupilPlansTitle,
    PupilPlansFor,
    PlansThisYear,
    NoPlansYet,
    PublishedAsVersion,
    DraftOnly,
    OpenPlan,
    StartPlanIn,
    StartCollectedPlan,
    PupilPlanWord,
    BackToPupilPlans,
    WritePlan,
    ReceivesSupport,
    GoalsToShow,
    NoGoalsToShow,
    NoReflectionYet,
    SavePlan,
    PlanConflict,
    UseStoredVersion,
    PreviewAndPublish,
    PreviewHint,
    SeeAsParent,
    PublishPlan,
    PublishedVersions,
    NotPublishedYet,
    NothingPublishedYet,
    EarlierVersions,
    EarlierYears,
    ShowVersion,
    FromWord,
    NewestWord,
    MyReflectionLabel,
    SayItInstead,
    MyRecording,
    PupilsRecording,
    HearPupilsRecording,
    IncludeRecording,
    TranscriptLabel,
    WrittenDownByTeacher,
    SaveReflection,
    PackageTitle,
    PackageHint,
    DownloadPackage,
    PrintPackage,
    ImportPackageTitle,
    PackageFileLabel,
    ImportPackage,
    PrintWord,
    DateWord,
    SubjectAndUnit,
    WhoEvaluated,
    EvaluationWord,
    HelpMyPlan,
    HelpCollectedPlan,
    SeePublishedPlans,
}

impl Text for PupilPlanKey {
    fn danish(self) -> &'static str {
        match self {
            PupilPlanKey::BroughtFrom => "Elevplan fra",
            PupilPlanKey::PartLanguage => "Sprog",
            PupilPlanKey::PartMathAwareness => "Matematisk opmærksomhed",
            PupilPlanKey::PartDanish => "Dansk",
            PupilPlanKey::PartMaths => "Matematik",
            PupilPlanKey::PartEducation => "Overvejelser om uddannelse",
            PupilPlanKey::PartSupport => "Indsatser og opfølgning",
            PupilPlanKey::RequiredPartsTitle => "Det skal elevplanen indeholde",
            PupilPlanKey::PartCovered => "skrevet",
            PupilPlanKey::PartMissing => "mangler",
            PupilPlanKey::PreviewNotPublished => "Forhåndsvisning – ikke offentliggjort endnu",
            PupilPlanKey::VersionWord => "Version",
            PupilPlanKey::PublishedOn => "offentliggjort",
            PupilPlanKey::SectionStatus => "Status",
            PupilPlanKey::SectionFollowUp => "Opfølgning",
            PupilPlanKey::SectionWellbeing => "Trivsel",
            PupilPlanKey::SectionAllRound => "Alsidig udvikling",
            PupilPlanKey::SectionEducation => "Overvejelser om uddannelse",
            PupilPlanKey::SectionSupport => "Indsatser og opfølgning",
            PupilPlanKey::SectionEvaluations => "Evalueringer",
            PupilPlanKey::TeachersEvaluation => "Lærerens vurdering",
            PupilPlanKey::PupilsOwnEvaluation => "Elevens egen vurdering",
            PupilPlanKey::PupilReflection => "Elevens refleksion",
            PupilPlanKey::EvidenceTitle => "Arbejde, der viser målet",
            PupilPlanKey::TeacherBefore => "Lærerens vurdering ved sidste version",
            PupilPlanKey::PupilBefore => "Elevens egen vurdering ved sidste version",
            PupilPlanKey::PupilPlansTitle => "Elevplan",
            PupilPlanKey::PupilPlansFor => "Elevplan for",
            PupilPlanKey::PlansThisYear => "Planer i år",
            PupilPlanKey::NoPlansYet => "Der er ingen elevplaner endnu.",
            PupilPlanKey::SeePublishedPlans => "Se de elevplaner, skolen har vist dig",
            PupilPlanKey::PublishedAsVersion => "Offentliggjort som version",
            PupilPlanKey::DraftOnly => "kladde, ikke offentliggjort",
            PupilPlanKey::OpenPlan => "Åbn elevplan:",
            PupilPlanKey::StartPlanIn => "Start elevplan i",
            PupilPlanKey::StartCollectedPlan => "Start samlet elevplan",
            PupilPlanKey::PupilPlanWord => "Elevplan",
            PupilPlanKey::BackToPupilPlans => "Tilbage til elevens planer",
            PupilPlanKey::WritePlan => "Skriv planen",
            PupilPlanKey::ReceivesSupport => {
                "Eleven modtager støtte (så skal indsatser og opfølgning beskrives)"
            }
            PupilPlanKey::GoalsToShow => "Mål og evalueringer, der skal stå i planen",
            PupilPlanKey::NoGoalsToShow => "Der er ingen mål i fagets forløb endnu.",
            PupilPlanKey::NoReflectionYet => "Eleven har ikke skrevet noget endnu.",
            PupilPlanKey::SavePlan => "Gem elevplanen",
            PupilPlanKey::PlanConflict => {
                "En kollega har gemt planen, mens du skrev. Hent den gemte udgave, og skriv dine ændringer ind igen."
            }
            PupilPlanKey::UseStoredVersion => "Hent den gemte udgave",
            PupilPlanKey::PreviewAndPublish => "Se og offentliggør",
            PupilPlanKey::PreviewHint => {
                "Se planen, som forældre og elev vil se den. Det, du ser, er det, der bliver offentliggjort."
            }
            PupilPlanKey::SeeAsParent => "Se den som forældre ser den",
            PupilPlanKey::PublishPlan => "Offentliggør",
            PupilPlanKey::PublishedVersions => "Offentliggjorte versioner",
            PupilPlanKey::NotPublishedYet => "Planen er ikke offentliggjort endnu.",
            PupilPlanKey::NothingPublishedYet => {
                "Skolen har ikke offentliggjort nogen elevplan endnu."
            }
            PupilPlanKey::EarlierVersions => "Tidligere versioner",
            PupilPlanKey::EarlierYears => "Tidligere år",
            PupilPlanKey::ShowVersion => "Vis version",
            PupilPlanKey::FromWord => "fra",
            PupilPlanKey::NewestWord => "nyeste",
            PupilPlanKey::MyReflectionLabel => "Det tænker jeg",
            PupilPlanKey::SayItInstead => "Eller sig det",
            PupilPlanKey::MyRecording => "Det har du sagt",
            PupilPlanKey::PupilsRecording => "Elevens indtalte refleksion",
            PupilPlanKey::HearPupilsRecording => "Hør elevens optagelse",
            PupilPlanKey::IncludeRecording => "Tag optagelsen med i elevplanen",
            PupilPlanKey::TranscriptLabel => {
                "Skriv ned, hvad eleven siger (kommer med i elevplanen)"
            }
            PupilPlanKey::WrittenDownByTeacher => "Skrevet ned af læreren",
            PupilPlanKey::SaveReflection => "Gem",
            PupilPlanKey::PackageTitle => "Elevens pakke",
            PupilPlanKey::PackageHint => {
                "Når eleven skifter skole, følger elevplaner og evalueringer med: hent pakken her, og indlæs den på den nye skole."
            }
            PupilPlanKey::DownloadPackage => "Hent elevens pakke (JSON)",
            PupilPlanKey::PrintPackage => "Udskriv elevens pakke",
            PupilPlanKey::ImportPackageTitle => "Indlæs pakke fra elevens tidligere skole",
            PupilPlanKey::PackageFileLabel => "Pakke (JSON-fil)",
            PupilPlanKey::ImportPackage => "Indlæs pakken",
            PupilPlanKey::PrintWord => "Udskriv",
            PupilPlanKey::DateWord => "Dato",
            PupilPlanKey::SubjectAndUnit => "Fag og forløb",
            PupilPlanKey::WhoEvaluated => "Vurderet af",
            PupilPlanKey::EvaluationWord => "Vurdering",
            PupilPlanKey::HelpCollectedPlan => {
                "Her er dine elevplaner, som skolen har vist dig. Tryk på højttaleren for at høre dem. Tryk på Hjem for at gå tilbage."
            }
            PupilPlanKey::HelpMyPlan => {
                "Her er din elevplan. Skriv, hvad du selv tænker, og tryk på Gem. Du kan også sige det: tryk på Start optagelse, tal, tryk på Stop optagelse og så på Gem lyden."
            }
        }
    }
}
