//! Danish text: The leader's overview.

use super::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeaderKey {
    LeaderTitle,
    LeaderClasses,
    LeaderTeachers,
    ColClass,
    ColGrade,
    ColPupils,
    ColTeams,
    AdminLink,
    HoldsTitle,
    ColHold,
    ColSubject,
    ColClasses,
    ColYearPlan,
    ColUnits,
    ColSelfEvaluated,
    NoYearPlanYet,
    TooFewToShow,
    PlansByGrade,
    ColPublished,
    ColDraft,
    ColNoPlan,
    ColMissingParts,
    PupilsInGrade,
    StatusPublished,
    StatusDraft,
    StatusMissing,
    MissingPartsWord,
    AllPartsCovered,
}

impl Text for LeaderKey {
    fn danish(self) -> &'static str {
        match self {
            LeaderKey::LeaderTitle => "Overblik",
            LeaderKey::LeaderClasses => "Klasser i dette skoleår",
            LeaderKey::LeaderTeachers => "Lærere på skolen",
            LeaderKey::ColClass => "Klasse",
            LeaderKey::ColGrade => "Klassetrin",
            LeaderKey::ColPupils => "Elever",
            LeaderKey::ColTeams => "Hold",
            LeaderKey::AdminLink => "Administration: klasser og elever",
            LeaderKey::HoldsTitle => "Hold og planlægning i år",
            LeaderKey::ColHold => "Hold",
            LeaderKey::ColSubject => "Fag",
            LeaderKey::ColClasses => "Klasser",
            LeaderKey::ColYearPlan => "Årsplan",
            LeaderKey::ColUnits => "Forløb",
            LeaderKey::ColSelfEvaluated => "Har vurderet sig selv",
            LeaderKey::NoYearPlanYet => "Ingen årsplan endnu",
            LeaderKey::TooFewToShow => "Vises ikke (under 5 elever)",
            LeaderKey::PlansByGrade => "Elevplaner pr. klassetrin",
            LeaderKey::ColPublished => "Offentliggjort",
            LeaderKey::ColDraft => "Kun kladde",
            LeaderKey::ColNoPlan => "Ingen plan",
            LeaderKey::ColMissingParts => "Mangler krævede dele",
            LeaderKey::PupilsInGrade => "Eleverne i",
            LeaderKey::StatusPublished => "offentliggjort",
            LeaderKey::StatusDraft => "kladde",
            LeaderKey::StatusMissing => "ingen plan",
            LeaderKey::MissingPartsWord => "krævede dele mangler",
            LeaderKey::AllPartsCovered => "alle krævede dele er skrevet",
        }
    }
}
