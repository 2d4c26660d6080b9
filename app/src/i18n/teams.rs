//! Danish text: a hold's teachers and pupils, and what changed when.

use super::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamsKey {
    TeachersTitle,
    PupilsTitle,
    HistoryTitle,
    NoHistory,
    AddTeacherTitle,
    TeacherLabel,
    AddTeacher,
    AddPupilTitle,
    PupilLabel,
    AddPupil,
    AddClassTitle,
    ClassLabel,
    AddClass,
    AcrossClasses,
    ArchiveTitle,
    ArchiveIntro,
    Archive,
    ConfirmArchive,
    Archived,
    Restore,
    ConfirmRemovePupil,
    NoneToAdd,
    OpenTeam,
    RoleTeacher,
    RolePaedagog,
}

impl Text for TeamsKey {
    fn danish(self) -> &'static str {
        match self {
            TeamsKey::TeachersTitle => "Lærere og pædagoger",
            TeamsKey::PupilsTitle => "Elever",
            TeamsKey::HistoryTitle => "Historik",
            TeamsKey::NoHistory => "Ingen ændringer endnu.",
            TeamsKey::AddTeacherTitle => "Tilføj lærer eller pædagog",
            TeamsKey::TeacherLabel => "Lærer eller pædagog",
            TeamsKey::AddTeacher => "Tilføj til holdet",
            TeamsKey::AddPupilTitle => "Tilføj elev",
            TeamsKey::PupilLabel => "Elev",
            TeamsKey::AddPupil => "Tilføj eleven",
            TeamsKey::AddClassTitle => "Tilføj en hel klasse",
            TeamsKey::ClassLabel => "Klasse",
            TeamsKey::AddClass => "Tilføj klassens elever",
            TeamsKey::AcrossClasses => "På tværs af klasser",
            TeamsKey::ArchiveTitle => "Arkivér holdet",
            TeamsKey::ArchiveIntro => {
                "Et arkiveret hold forsvinder fra årets skærme. Alt, hvad der er lavet på holdet, kan stadig læses, og holdet kan hentes tilbage."
            }
            TeamsKey::Archive => "Arkivér holdet",
            TeamsKey::ConfirmArchive => "Arkivér holdet? Det kan hentes tilbage igen.",
            TeamsKey::Archived => "Holdet er arkiveret.",
            TeamsKey::Restore => "Hent holdet tilbage",
            TeamsKey::ConfirmRemovePupil => {
                "Tag eleven af holdet? Alt, hvad eleven har lavet og fået, bliver hos eleven."
            }
            TeamsKey::NoneToAdd => "Der er ingen at tilføje.",
            TeamsKey::OpenTeam => "Elever og lærere",
            TeamsKey::RoleTeacher => "lærer",
            TeamsKey::RolePaedagog => "pædagog",
        }
    }
}
