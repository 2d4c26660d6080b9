//! Danish text: The library of shared forløb.

use super::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibraryKey {
    LibraryIntro,
    LibraryFilters,
    LibraryResults,
    AnySubject,
    AnyAuthor,
    GoalFilterLabel,
    AuthorLabel,
    SearchLibrary,
    NothingFound,
    NoYearPlanToCopyTo,
    CopyInto,
    CopiedNotice,
    OpenCopy,
}

impl Text for LibraryKey {
    fn danish(self) -> &'static str {
        match self {
            LibraryKey::LibraryIntro => {
                "Forløb, som kolleger på skolen har delt. Se et forløb, og kopiér det til din egen årsplan; kopien er din og kan ændres frit."
            }
            LibraryKey::LibraryFilters => "Søg i biblioteket",
            LibraryKey::LibraryResults => "Fundne forløb",
            LibraryKey::AnySubject => "Alle fag",
            LibraryKey::AnyAuthor => "Alle kolleger",
            LibraryKey::GoalFilterLabel => "Mål (ord fra målet)",
            LibraryKey::AuthorLabel => "Lavet af",
            LibraryKey::SearchLibrary => "Søg",
            LibraryKey::NothingFound => "Ingen forløb passer til søgningen.",
            LibraryKey::NoYearPlanToCopyTo => {
                "Du har ingen årsplan at kopiere til. Opret en årsplan under Planlægning."
            }
            LibraryKey::CopyInto => "Kopiér til årsplanen",
            LibraryKey::CopiedNotice => "Forløbet er kopieret til din årsplan.",
            LibraryKey::OpenCopy => "Åbn kopien",
        }
    }
}
