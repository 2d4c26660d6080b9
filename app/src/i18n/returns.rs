//! Danish text: what pupils did with a task, as their teachers see it.

use super::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnsKey {
    Done,
    NotDoneYet,
    NothingHandedIn,
    NoPupils,
    PupilsTitle,
    BackToUnit,
    TaskWord,
    NewsTitle,
    WeekTitle,
    NoTasksThisWeek,
    WholeWeek,
    NoNews,
    AnswerWork,
    AnswerTask,
    Stickers,
    WriteAnswer,
    SendAnswer,
    RecordAnswer,
    FamilySees,
    AnswerSent,
    AnswersTitle,
    AnswersToYou,
    NewMark,
    NewAnswer,
    HearAnswer,
    VoiceAnswer,
    StickerStar,
    StickerThumbsUp,
    StickerEffort,
    StickerTellMore,
    PupilsWorkWord,
    NoUnitsYet,
    RunningNow,
    NothingInUnit,
    BroughtTitle,
    BroughtHint,
    ProgressTitle,
    TeachersEvaluations,
    PupilsOwnEvaluations,
    NoEvaluationsYet,
}

impl Text for ReturnsKey {
    fn danish(self) -> &'static str {
        match self {
            ReturnsKey::Done => "Færdig",
            ReturnsKey::NotDoneYet => "Ikke færdig endnu",
            ReturnsKey::NothingHandedIn => "Intet afleveret endnu.",
            ReturnsKey::NoPupils => "Opgaven er ikke til nogen elever lige nu.",
            ReturnsKey::PupilsTitle => "Eleverne",
            ReturnsKey::BackToUnit => "Tilbage til forløbet",
            ReturnsKey::TaskWord => "Opgave",
            ReturnsKey::NewsTitle => "Nyt fra eleverne",
            ReturnsKey::WeekTitle => "Denne uge",
            ReturnsKey::NoTasksThisWeek => "Ingen opgaver i denne uge på dine hold.",
            ReturnsKey::WholeWeek => "Hele ugen",
            ReturnsKey::NoNews => "Intet nyt fra eleverne de sidste syv dage.",
            ReturnsKey::AnswerWork => "Svar på arbejdet",
            ReturnsKey::AnswerTask => "Svar på opgaven",
            ReturnsKey::Stickers => "Send et klistermærke",
            ReturnsKey::WriteAnswer => "Skriv et svar",
            ReturnsKey::SendAnswer => "Send svaret",
            ReturnsKey::RecordAnswer => "Indtal et svar",
            ReturnsKey::FamilySees => "Familien må se svaret, når eleven deler arbejdet",
            ReturnsKey::AnswerSent => "Svaret er sendt.",
            ReturnsKey::AnswersTitle => "Svar",
            ReturnsKey::AnswersToYou => "Svar fra din lærer",
            ReturnsKey::NewMark => "Nyt",
            ReturnsKey::NewAnswer => "Nyt svar",
            ReturnsKey::HearAnswer => "Hør svaret",
            ReturnsKey::VoiceAnswer => "Indtalt svar",
            ReturnsKey::StickerStar => "Flot arbejde!",
            ReturnsKey::StickerThumbsUp => "Godt gået!",
            ReturnsKey::StickerEffort => "Du har arbejdet hårdt!",
            ReturnsKey::StickerTellMore => "Fortæl mig mere om det!",
            ReturnsKey::PupilsWorkWord => "Elevens arbejde",
            ReturnsKey::NoUnitsYet => {
                "Holdet har ingen forløb, der er gået i gang, i dette skoleår."
            }
            ReturnsKey::RunningNow => "Forløbet er i gang nu.",
            ReturnsKey::NothingInUnit => "Intet arbejde i dette forløb.",
            ReturnsKey::BroughtTitle => "Med fra tidligere skoler",
            ReturnsKey::BroughtHint => {
                "Arbejde og svar, som eleven havde med i sin elevpakke. Det kan læses, ikke ændres."
            }
            ReturnsKey::ProgressTitle => "Udvikling på målene",
            ReturnsKey::TeachersEvaluations => "Lærernes vurderinger",
            ReturnsKey::PupilsOwnEvaluations => "Elevens egne vurderinger",
            ReturnsKey::NoEvaluationsYet => "Ikke vurderet endnu.",
        }
    }
}
