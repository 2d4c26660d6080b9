//! Danish text: The evaluation grid.

use super::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvaluationKey {
    EvaluationTitle,
    SavedFor,
    LegendTitle,
    BackToUnit,
    GridHint,
    PupilsOwn,
    NoGoalsForPupil,
    ReadGoalAloud,
    MyNoteLabel,
    SaveMyNote,
    CommentWord,
    WriteComment,
    SaveComment,
    HelpGoals,
    HelpHowDidItGo,
    MyGoalsIntro,
    EvidenceTitle,
    HowItWent,
    HearHowItWent,
    SpreadTitle,
    SpreadHint,
    EvidenceHint,
    ShowPupilsWork,
    IsEvidence,
    NoWorkForGoal,
    SharedWithFamily,
    NotSharedWithFamily,
}

impl Text for EvaluationKey {
    fn danish(self) -> &'static str {
        match self {
            EvaluationKey::EvaluationTitle => "Evaluering",
            EvaluationKey::SavedFor => "Gemt:",
            EvaluationKey::LegendTitle => "Trinene på målestokken",
            EvaluationKey::BackToUnit => "Tilbage til forløbet",
            EvaluationKey::GridHint => {
                "Tabulatortasten fører ind i og ud af tabellen. Flyt mellem felterne med piletasterne. Tryk 1, 2, 3 … for at vælge trin på målestokken (1 er det laveste). Det gemmes med det samme. Et klik vælger næste trin."
            }
            EvaluationKey::PupilsOwn => "Elevens egen",
            EvaluationKey::NoGoalsForPupil => "Du har ingen mål lige nu.",
            EvaluationKey::ReadGoalAloud => "Læs målet op",
            EvaluationKey::MyNoteLabel => "Vil du skrive noget? (Det er frivilligt)",
            EvaluationKey::SaveMyNote => "Gem det, jeg skrev",
            EvaluationKey::CommentWord => "Kommentar",
            EvaluationKey::EvidenceTitle => "Elevens arbejde som belæg",
            EvaluationKey::HowItWent => "Sådan er det gået",
            EvaluationKey::HearHowItWent => "Hør, hvordan det er gået",
            EvaluationKey::SpreadTitle => "Holdet på hvert mål",
            EvaluationKey::SpreadHint => {
                "Hvor mange elever du har vurderet på hvert trin. Tallene står ved hver søjle."
            }
            EvaluationKey::EvidenceHint => {
                "Vælg en elev og et mål for at se elevens arbejde til målet og til forløbets opgaver. Det, du vælger som belæg, vises i den næste elevplan, du udgiver, hvis eleven har delt det med sine voksne."
            }
            EvaluationKey::ShowPupilsWork => "Vis elevens arbejde",
            EvaluationKey::IsEvidence => "Belæg for målet",
            EvaluationKey::NoWorkForGoal => {
                "Eleven har intet arbejde til målet eller forløbets opgaver endnu."
            }
            EvaluationKey::SharedWithFamily => "Delt med familien",
            EvaluationKey::NotSharedWithFamily => "Ikke delt med familien",
            EvaluationKey::WriteComment => "Skriv en kommentar til en elev",
            EvaluationKey::SaveComment => "Gem kommentaren",
            EvaluationKey::HelpGoals => {
                "Her er dine mål. Tryk på Læs målet op for at høre et mål. Du kan vise, hvad du har lavet til et mål."
            }
            EvaluationKey::HelpHowDidItGo => {
                "Tryk på det ansigt, der passer til, hvordan det gik med målet. Du kan også skrive noget, hvis du vil."
            }
            EvaluationKey::MyGoalsIntro => "Det er det, du skal lære nu.",
        }
    }
}
