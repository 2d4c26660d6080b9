//! Danish text: the school's own subjects and tværfaglige forløb.

use super::Text;
use domain::subjects::OwnIcon;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubjectsKey {
    SectionTitle,
    Intro,
    NoneYet,
    LeadersAdd,
    AddTitle,
    NameLabel,
    IconLegend,
    FirstGrade,
    LastGrade,
    SpansLegend,
    SpansHint,
    Add,
    SaveChanges,
    Cancel,
    Saved,
    UnknownOwn,
    AcrossSubjects,
    SpansLabel,
    SpansNone,
    GoalsFrom,
}

impl Text for SubjectsKey {
    fn danish(self) -> &'static str {
        match self {
            SubjectsKey::SectionTitle => "Skolens egne fag",
            SubjectsKey::Intro => {
                "Fag og tværfaglige forløb, som skolen selv har. Hold, årsplaner, forløb og elevplaner laves i dem som i lovens fag."
            }
            SubjectsKey::NoneYet => "Skolen har ingen egne fag endnu.",
            SubjectsKey::LeadersAdd => "Skolens ledelse tilføjer og retter skolens egne fag.",
            SubjectsKey::AddTitle => "Tilføj et fag",
            SubjectsKey::NameLabel => "Fagets navn",
            SubjectsKey::IconLegend => "Billede til elevernes iPad",
            SubjectsKey::FirstGrade => "Fra klassetrin",
            SubjectsKey::LastGrade => "Til klassetrin",
            SubjectsKey::SpansLegend => "Går på tværs af",
            SubjectsKey::SpansHint => {
                "Forløb i faget kan bruge målene fra Fælles Mål i de fag, du vælger. To eller flere gør faget tværfagligt."
            }
            SubjectsKey::Add => "Tilføj faget",
            SubjectsKey::SaveChanges => "Gem rettelserne",
            SubjectsKey::Cancel => "Fortryd",
            SubjectsKey::Saved => "Gemt.",
            SubjectsKey::UnknownOwn => "Eget fag",
            SubjectsKey::AcrossSubjects => "Tværfagligt",
            SubjectsKey::SpansLabel => "Går på tværs af",
            SubjectsKey::SpansNone => "ingen af lovens fag",
            SubjectsKey::GoalsFrom => "Mål fra",
        }
    }
}

/// The pictures' names, for choosing one and for screen readers.
pub fn own_icon_name(icon: OwnIcon) -> &'static str {
    match icon {
        OwnIcon::Tree => "Træ",
        OwnIcon::Lightbulb => "Pære",
        OwnIcon::Rocket => "Raket",
        OwnIcon::Film => "Filmklap",
        OwnIcon::Masks => "Teatermasker",
        OwnIcon::Computer => "Computer",
        OwnIcon::Sprout => "Spire",
        OwnIcon::Compass => "Kompas",
        OwnIcon::Dice => "Terning",
        OwnIcon::Binoculars => "Kikkert",
    }
}
