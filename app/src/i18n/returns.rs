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
    NoNews,
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
            ReturnsKey::NoNews => "Intet nyt fra eleverne de sidste syv dage.",
        }
    }
}
