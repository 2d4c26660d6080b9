//! Danish text: The family's view: a child's week, the weekly letter, the calendar link.

use super::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FamilyKey {
    ParentTitle,
    ParentNoChildren,
    ParentSubjects,
    DigestTitle,
    DigestIntro,
    TasksThisWeek,
    NoTasksThisWeek,
    UnitsThisWeek,
    PublishedThisWeek,
    DigestAsEmail,
    PrintDigest,
    ChildWeekTitle,
    ChildrenNav,
    ProgressTitle,
    ProgressIntro,
    NoProgressYet,
    NotYetEvaluated,
    SharedWorkTitle,
    NoSharedWork,
    CalendarTitle,
    CalendarIntro,
    MakeCalendarLink,
    NewCalendarLink,
    RevokeCalendarLink,
    CalendarLinkLabel,
    CalendarLinkActive,
    CalendarLinkStopped,
    SeeTheWeek,
    ForLabel,
}

impl Text for FamilyKey {
    fn danish(self) -> &'static str {
        match self {
            FamilyKey::ParentTitle => "Mine børn",
            FamilyKey::ParentNoChildren => "Der er ingen børn knyttet til dig endnu.",
            FamilyKey::ParentSubjects => "Fag",
            FamilyKey::DigestTitle => "Ugens brev",
            FamilyKey::DigestIntro => "Her er ugen for jeres børn, samlet ét sted.",
            FamilyKey::TasksThisWeek => "Opgaver i denne uge",
            FamilyKey::NoTasksThisWeek => "Ingen opgaver i denne uge.",
            FamilyKey::UnitsThisWeek => "Forløb i denne uge",
            FamilyKey::PublishedThisWeek => "Ny elevplan i denne uge",
            FamilyKey::DigestAsEmail => "Ugens brev som e-mail (HTML)",
            FamilyKey::PrintDigest => "Udskriv ugens brev",
            FamilyKey::ChildWeekTitle => "Ugen for",
            FamilyKey::ChildrenNav => "Mine børn",
            FamilyKey::ProgressTitle => "Sådan går det",
            FamilyKey::ProgressIntro => "Barnets egen vurdering af sine mål.",
            FamilyKey::NoProgressYet => "Barnet har ikke vurderet sine mål endnu.",
            FamilyKey::NotYetEvaluated => "ikke vurderet endnu",
            FamilyKey::SharedWorkTitle => "Delt arbejde",
            FamilyKey::NoSharedWork => "Barnet har ikke delt noget med jer endnu.",
            FamilyKey::CalendarTitle => "Kalender",
            FamilyKey::CalendarIntro => {
                "Et privat link til barnets uge i jeres telefons kalender. Del det ikke med andre."
            }
            FamilyKey::MakeCalendarLink => "Lav kalenderlink",
            FamilyKey::NewCalendarLink => "Lav et nyt link (det gamle holder op med at virke)",
            FamilyKey::RevokeCalendarLink => "Stop kalenderlinket",
            FamilyKey::CalendarLinkLabel => "Kalenderlink",
            FamilyKey::CalendarLinkActive => {
                "Der er et aktivt kalenderlink. Lav et nyt for at se adressen igen."
            }
            FamilyKey::CalendarLinkStopped => "Kalenderlinket virker ikke længere.",
            FamilyKey::SeeTheWeek => "Se ugen",
            FamilyKey::ForLabel => "for",
        }
    }
}
