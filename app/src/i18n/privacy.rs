//! Danish text: the leader's page about people's data and the archive of everything about one
//! person, which the server writes as plain pages. The staff build uses only the link.

use super::Text;
use domain::privacy::PersonKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrivacyKey {
    /// The link on the leader's screens, and the page's heading.
    PageLink,
    Intro,
    ArchiveHeading,
    ArchiveExplained,
    ArchivePerson,
    ArchiveButton,
    EraseHeading,
    EraseWhatGoes,
    EraseWhatStays,
    EraseArchiveFirst,
    DueCaption,
    DueName,
    DueKind,
    DueLeftOn,
    DueArchive,
    Reviewed,
    EraseButton,
    BatchesHeading,
    BatchesNone,
    BatchWhen,
    BatchBy,
    BatchCounts,
    ErasedTitle,
    BackToPage,
    LeftMark,
    // The archive.
    PersonHeading,
    Name,
    Roles,
    Username,
    UniId,
    Created,
    LeftOn,
    OpenSessions,
    CalendarFeeds,
    ReadingSettings,
    Nothing,
    Guardians,
    Children,
    HasAccess,
    NoAccess,
    Memberships,
    MembershipHold,
    MembershipYear,
    MembershipFrom,
    MembershipTo,
    StillThere,
    StaffWorkHeading,
    StaffWorkExplained,
    PlansHeading,
    EvaluationsHeading,
    EvaluationWhen,
    EvaluationSubject,
    EvaluationGoal,
    EvaluationBy,
    EvaluationStep,
    EvaluationComment,
    ByTeacher,
    ByPupil,
    WorkHeading,
    MadeFor,
    SharedWithFamily,
    NotSharedWithFamily,
    AnswerForFamily,
    AnswerNotForFamily,
    TrailByHeading,
    Yes,
    No,
    CollectedPlan,
}

impl Text for PrivacyKey {
    fn danish(self) -> &'static str {
        use PrivacyKey as K;
        match self {
            K::PageLink => "Personoplysninger",
            K::Intro => {
                "Her henter du alt, hvad Spire har om en person, når nogen beder om deres \
                 oplysninger, og her anonymiserer du dem, der har forladt skolen for længe siden."
            }
            K::ArchiveHeading => "Hent alt om en person",
            K::ArchiveExplained => {
                "Arkivet er én side, der kan åbnes i enhver browser og udskrives. For en elev rummer \
                 det også elevplaner, evalueringer og elevens arbejde med billeder og lyd. At du \
                 henter en elevs arkiv, står i elevens adgangslog."
            }
            K::ArchivePerson => "Person",
            K::ArchiveButton => "Hent arkiv",
            K::EraseHeading => "Anonymisér dem, der har forladt skolen",
            K::EraseWhatGoes => {
                "Når en person anonymiseres, forsvinder navn, UNI-ID, login, login-kort, \
                 indstillinger og kalenderlinks. For en elev forsvinder også arbejde, billeder, \
                 lydoptagelser, elevplaner, lærernes svar og kommentarerne til evalueringerne. \
                 Det kan ikke fortrydes."
            }
            K::EraseWhatStays => {
                "Tilbage bliver kun det, skolen skal kunne regne med: evalueringernes trin uden \
                 navn, så skolens tal stadig passer, det medarbejdere har planlagt, uden deres navn, \
                 og adgangsloggen, indtil dens egen gemmetid er gået."
            }
            K::EraseArchiveFirst => {
                "Skal noget afleveres til kommunens arkiv, så hent personens arkiv, før du \
                 anonymiserer."
            }
            K::DueCaption => "Klar til anonymisering",
            K::DueName => "Navn",
            K::DueKind => "Var",
            K::DueLeftOn => "Forlod skolen",
            K::DueArchive => "Arkiv",
            K::Reviewed => "Jeg har gennemgået listen, og det, der skal gemmes, er hentet.",
            K::EraseButton => "Anonymisér de valgte",
            K::BatchesHeading => "Tidligere anonymiseringer",
            K::BatchesNone => "Ingen er anonymiseret endnu.",
            K::BatchWhen => "Tidspunkt",
            K::BatchBy => "Bekræftet af",
            K::BatchCounts => "Antal",
            K::ErasedTitle => "Anonymiseringen er gennemført",
            K::BackToPage => "Tilbage til personoplysninger",
            K::LeftMark => "har forladt skolen",
            K::PersonHeading => "Personen",
            K::Name => "Navn",
            K::Roles => "Roller",
            K::Username => "Brugernavn",
            K::UniId => "UNI-ID",
            K::Created => "Oprettet i Spire",
            K::LeftOn => "Forlod skolen",
            K::OpenSessions => "Logget ind nu (siden)",
            K::CalendarFeeds => "Kalenderlinks i brug",
            K::ReadingSettings => "Indstillinger for læsning",
            K::Nothing => "Ingen",
            K::Guardians => "Forældre",
            K::Children => "Børn",
            K::HasAccess => "har adgang i Spire",
            K::NoAccess => "har ikke adgang i Spire",
            K::Memberships => "Klasser og hold",
            K::MembershipHold => "Hold",
            K::MembershipYear => "Skoleår",
            K::MembershipFrom => "Fra",
            K::MembershipTo => "Til",
            K::StillThere => "stadig",
            K::StaffWorkHeading => "Lavet i Spire",
            K::StaffWorkExplained => {
                "Det, en medarbejder har planlagt og skrevet til eleverne, hører til skolen og \
                 eleverne. Arkivet viser, hvor meget det er."
            }
            K::PlansHeading => "Elevplaner",
            K::EvaluationsHeading => "Evalueringer",
            K::EvaluationWhen => "Dato",
            K::EvaluationSubject => "Fag og forløb",
            K::EvaluationGoal => "Mål",
            K::EvaluationBy => "Hvem",
            K::EvaluationStep => "Vurdering",
            K::EvaluationComment => "Kommentar",
            K::ByTeacher => "læreren",
            K::ByPupil => "eleven selv",
            K::WorkHeading => "Elevens arbejde og lærernes svar",
            K::MadeFor => "Lavet til",
            K::SharedWithFamily => "Delt med forældrene",
            K::NotSharedWithFamily => "Ikke delt med forældrene",
            K::AnswerForFamily => "forældrene ser svaret",
            K::AnswerNotForFamily => "kun til eleven",
            K::TrailByHeading => "Elevers oplysninger, personen har set eller ændret",
            K::Yes => "ja",
            K::No => "nej",
            K::CollectedPlan => "Samlet elevplan",
        }
    }
}

pub fn page_title(school: &str) -> String {
    format!("Personoplysninger på {school}")
}

pub fn retention(days: u32) -> String {
    let years = f64::from(days) / 365.25;
    format!(
        "Kommunen har valgt, at oplysninger om dem, der har forladt skolen, gemmes i {days} dage \
         (omkring {years:.0} år). Derefter kan du anonymisere dem her, når du har gennemgået listen."
    )
}

pub fn none_due(days: u32) -> String {
    format!("Ingen har forladt skolen for mere end {days} dage siden.")
}

pub fn kind_name(kind: PersonKind) -> &'static str {
    match kind {
        PersonKind::Pupil => "Elev",
        PersonKind::Staff => "Medarbejder",
        PersonKind::Guardian => "Forælder",
    }
}

/// The group heading in the list of people to fetch an archive of.
pub fn kind_group(kind: PersonKind) -> &'static str {
    match kind {
        PersonKind::Pupil => "Elever",
        PersonKind::Staff => "Medarbejdere",
        PersonKind::Guardian => "Forældre",
    }
}

/// The link to one person's archive in the list of those due.
pub fn archive_of(name: &str) -> String {
    format!("Hent arkiv for {name}")
}

pub fn archive_title(name: &str) -> String {
    format!("Alt om {name} i Spire")
}

pub fn archive_intro(name: &str, school: &str, made_at: &str) -> String {
    format!(
        "Lavet {made_at} af {school}. Her står alt, hvad Spire havde om {name} på det tidspunkt."
    )
}

pub fn trail_about(name: &str) -> String {
    format!("Hvem har set og ændret oplysninger om {name}")
}

pub fn plan_heading(subject: &str, school_year: i32) -> String {
    format!("{subject}, skoleåret {school_year}/{}", school_year + 1)
}

pub fn plan_version(number: i32, published_on: &str, by: &str) -> String {
    format!("Version {number}, offentliggjort {published_on} af {by}")
}

pub fn answer_by(author: &str, on: &str) -> String {
    format!("Svar fra {author}, {on}")
}
