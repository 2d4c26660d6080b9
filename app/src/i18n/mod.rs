//! The catalogue of user-facing text, split by feature (`common` for what the shells and several
//! features share). Danish now; every string the UI shows comes from here, keyed per feature, so
//! another language is one more `match` arm per key rather than a hunt through views. Texts that
//! take arguments are message functions here, so word order and plurals are the catalogue's.

mod access;
mod common;
pub mod counts;
pub mod documents;
mod evaluation;
mod family;
mod identity;
mod leader;
mod library;
pub mod messages;
mod planning;
pub mod privacy;
mod pupil;
mod pupil_plan;
mod returns;
mod subjects;
mod teams;

pub use access::AccessKey;
pub use common::Key;
pub use documents::DocumentKey;
pub use evaluation::EvaluationKey;
pub use family::FamilyKey;
pub use identity::IdentityKey;
pub use leader::LeaderKey;
pub use library::LibraryKey;
pub use planning::PlanningKey;
pub use privacy::PrivacyKey;
pub use pupil::PupilKey;
pub use pupil_plan::PupilPlanKey;
pub use returns::ReturnsKey;
pub use subjects::{SubjectsKey, own_icon_name};
pub use teams::TeamsKey;

use domain::identity::Role;
use domain::school::Subject;
use domain::subjects::OwnSubject;
use domain::{ErrorCode, Field};

/// A key of one of the feature catalogues.
pub trait Text: Copy {
    fn danish(self) -> &'static str;
}

/// The text of a key, in the user's language (Danish).
pub fn t(key: impl Text) -> &'static str {
    key.danish()
}

/// The Danish message for an error code: what happened and what to do, never a technical detail.
pub fn error_text(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::NotSignedIn => "Du er ikke logget ind. Log ind for at fortsætte.",
        ErrorCode::WrongCredentials => "Brugernavn eller adgangskode er forkert. Prøv igen.",
        ErrorCode::Forbidden => "Du har ikke adgang til dette.",
        ErrorCode::NotFound => "Vi kunne ikke finde det, du ledte efter.",
        ErrorCode::InvalidInput => "Noget af det indtastede er ikke gyldigt. Ret det og prøv igen.",
        ErrorCode::Conflict => {
            "En anden har gemt ændringer imens. Hent siden igen og se forskellen."
        }
        ErrorCode::RateLimited => "For mange forsøg. Vent lidt, og prøv så igen.",
        ErrorCode::Network => {
            "Vi kunne ikke få forbindelse til Spire. Tjek netværket, og prøv igen."
        }
        ErrorCode::Internal => "Noget gik galt hos os. Prøv igen om lidt.",
        ErrorCode::Unavailable => "Det kan ikke lade sig gøre lige nu. Prøv igen om lidt.",
    }
}

/// The Danish message for an invalid field, where the form can point at it. A code that is not
/// one of the `Field`s (a decoding error names any key of a body) gets the general message.
pub fn field_error_text(field: &str) -> Option<&'static str> {
    Field::from_code(field).map(field_text)
}

/// Every field's message: a new `Field` without one does not compile.
fn field_text(field: Field) -> &'static str {
    match field {
        Field::Username => "Brugernavnet må kun indeholde bogstaver, tal, punktum og bindestreg.",
        Field::Password => "Skriv din adgangskode.",
        Field::Code => "Koden består af 8 tegn, fx ABCD-EFGH.",
        Field::CodeDevice => "Login-kortet virker kun på din klasses iPad. Bed din lærer om hjælp.",
        Field::File => "Filen er tom eller for stor (højst 1 MB).",
        Field::Class => "Vælg en af skolens klasser.",
        Field::GivenName => "Skriv et fornavn (højst 100 tegn).",
        Field::SchoolName => "Skriv skolens navn (højst 100 tegn).",
        Field::UniId => {
            "Et UNI-ID er 4–40 bogstaver og tal, og det må ikke allerede høre til en anden på skolen."
        }
        Field::InstitutionNumber => "Et institutionsnummer er 3–12 bogstaver og tal, fx 280123.",
        Field::LastTeacher => "Holdet skal have mindst én lærer. Tilføj en anden lærer først.",
        Field::FamilyName => "Skriv et efternavn (højst 100 tegn).",
        Field::Name => "Skriv et navn (højst 40 tegn).",
        Field::NameTaken => "Der findes allerede en klasse med det navn i dette skoleår.",
        Field::Grade => "Klassetrin skal være fra 0 til 10.",
        Field::UsernameTaken => "Brugernavnet er optaget. Vælg et andet.",
        Field::NewPassword => "Adgangskoden skal have mindst 10 tegn.",
        Field::Role => "Vælg en rolle for medarbejderen.",
        Field::Teacher => "Vælg en lærer eller pædagog.",
        Field::Title => "Skriv en titel på én linje (højst 120 tegn).",
        Field::Description => "Beskrivelsen er for lang (højst 10.000 tegn).",
        Field::FirstWeek => "Vælg en første uge inden for skoleåret.",
        Field::LastWeek => "Den sidste uge skal ligge efter den første og inden for skoleåret.",
        Field::MaterialTitle => "Giv hvert materiale et navn (højst 120 tegn).",
        Field::MaterialUrl => "Et materiale skal være et link, der begynder med https://.",
        Field::Materials => "Højst 30 materialer pr. forløb.",
        Field::OwnText => "Skriv målet med egne ord eller vælg et mål fra Fælles Mål (ikke begge).",
        Field::FrameworkItem => "Det valgte mål findes ikke. Søg igen.",
        Field::Scale => "Vælg en målestok.",
        Field::Signs => "Tegn på læring er for langt (højst 10.000 tegn).",
        Field::Instruction => "Skriv en kort instruktion (1 til 300 tegn).",
        Field::Easier | Field::Harder => "En udgave må højst være 300 tegn.",
        Field::When => "Vælg en dato inden for skoleåret.",
        Field::Confirmation => "Sæt flueben for at bekræfte, at du har gennemgået listen.",
        Field::People => "Vælg mindst én person fra listen.",
        Field::Pupils => "Vælg elever fra holdet (mindst én for en gruppe eller udvalgte elever).",
        Field::GroupName => "Giv gruppen et navn.",
        Field::Variant => "Skriv den lettere eller sværere udgave, før du giver den til en elev.",
        Field::Step => "Vælg et trin på målestokken, eller skriv en kommentar.",
        Field::Comment => "Kommentaren er for lang (højst 2.000 tegn).",
        Field::Pupil => "Eleven er ikke på holdet.",
        Field::Goal => "Eleven vurderer kun sig selv på mål og refleksion.",
        Field::ScaleName => "Giv målestokken et navn (højst 120 tegn).",
        Field::FileName => "Filens navn må højst være 120 tegn.",
        Field::FileType => {
            "Den slags fil kan ikke vedhæftes. Brug PDF, billeder, Office-dokumenter, ODT, tekst eller MP3."
        }
        Field::FileSize => "Filen er tom eller for stor (højst 10 MB).",
        Field::Steps => "En målestok har 2 til 7 trin, hvert på højst 40 tegn.",
        Field::YearPlan => "Årsplanen er arkiveret. Gendan den først.",
        Field::Words => "Søgningen er for lang (højst 200 tegn).",
        Field::FirstDay => {
            "Første skoledag skal være en dato i juli, august eller september i skoleårets første år."
        }
        Field::LastDay => {
            "Sidste skoledag skal være en dato i maj, juni eller juli i skoleårets andet år."
        }
        Field::StartYear => "Kun dette og næste skoleår kan ændres.",
        Field::AutumnHoliday => {
            "Efterårsferien skal ligge inden for skoleåret, højst tre uger og ikke oven i en anden ferie. Lad begge datoer stå tomme, hvis skolen ikke holder den."
        }
        Field::ChristmasHoliday => {
            "Juleferien skal ligge inden for skoleåret, højst tre uger og ikke oven i en anden ferie. Lad begge datoer stå tomme, hvis skolen ikke holder den."
        }
        Field::WinterHoliday => {
            "Vinterferien skal ligge inden for skoleåret, højst tre uger og ikke oven i en anden ferie. Lad begge datoer stå tomme, hvis skolen ikke holder den."
        }
        Field::EasterHoliday => {
            "Påskeferien skal ligge inden for skoleåret, højst tre uger og ikke oven i en anden ferie. Lad begge datoer stå tomme, hvis skolen ikke holder den."
        }
        Field::Status
        | Field::Goals
        | Field::FollowUp
        | Field::Wellbeing
        | Field::AllRound
        | Field::Education
        | Field::Support => "Et afsnit må højst være 10.000 tegn.",
        Field::GoalIds => "Vælg kun mål fra fagets forløb for eleven.",
        Field::Reflection => "Din tekst må højst være 2.000 tegn.",
        Field::ReflectionRecording => {
            "Optagelsen kunne ikke gemmes (højst 3 MB lyd). Indtal den igen."
        }
        Field::Transcript => "Det nedskrevne må højst være 2.000 tegn.",
        Field::WorkText => "Skriv noget først (højst 2.000 tegn).",
        Field::WorkFile | Field::WorkFileType => {
            "Det kunne ikke gemmes. Tag billedet, tegn eller indtal igen."
        }
        Field::WorkFileSize => "Det er for stort til at gemme (højst 5 MB).",
        Field::WorkItem => "Arbejdet findes ikke længere.",
        Field::Feedback => {
            "Skriv et svar (højst 1.000 tegn). Svar på en hel opgave ses kun af eleven."
        }
        Field::FeedbackFile => "Optagelsen kunne ikke gemmes (højst 3 MB lyd). Indtal den igen.",
        Field::TaskId => "Opgaven findes ikke længere.",
        Field::GoalId => "Målet findes ikke længere.",
        Field::PackageFormat => "Filen er ikke en elevpakke fra Spire (spire-pupil/1).",
        Field::PackagePlans | Field::PackageEvaluations | Field::PackagePortfolio => {
            "Pakken indeholder noget, der ikke kan læses. Intet er indlæst."
        }
        Field::PackageSchool => {
            "Pakken er fra jeres egen skole. Elevpakker indlæses kun for elever, der kommer fra en anden skole."
        }
        Field::PackagePupil => "Pakken er til en anden elev. Vælg eleven med samme navn.",
        Field::Version => "Siden er forældet. Hent den igen, og prøv igen.",
        Field::Avatar => "Vælg et billede.",
        Field::Database => {
            "Databasen er ikke tom: den genererede kommune skrives kun i en tom database."
        }
        Field::State => "Log-ind-forsøget er udløbet eller blev startet et andet sted. Prøv igen.",
        Field::Body => "Det sendte kunne ikke læses. Hent siden igen, og prøv igen.",
        Field::ClientKey => "Det kunne ikke gemmes. Prøv igen.",
        Field::Date => "Skriv en dato som 7. september 2026 (dag, måned og år).",
        Field::DueOn => "Vælg en dato inden for skoleåret.",
        Field::Method => "Siden bad om noget, den ikke kan. Hent siden igen.",
        Field::Subject => "Vælg et fag.",
        Field::SubjectGrades => {
            "Vælg klassetrin fra og til, fra 0. til 10. klasse, med det laveste først."
        }
        Field::SubjectIcon => "Vælg et billede til faget.",
        Field::SubjectName => "Skriv fagets navn på én linje (højst 60 tegn).",
        Field::SubjectNameTaken => "Skolen har allerede et fag med det navn.",
        Field::SubjectSpans => {
            "Et fag kan kun gå på tværs af lovens fag, ikke af emner eller understøttende undervisning."
        }
        Field::Team => "Vælg et hold i dette skoleår, som ikke er arkiveret.",
        Field::Text => "Der er ingen tekst at læse op, eller den er for lang (højst 1.500 tegn).",
    }
}

/// What is wrong with a line or cell of an imported roster file. A clash names the other line
/// through `messages::same_person_as_line`.
pub fn problem_text(kind: domain::roster::ProblemKind) -> &'static str {
    use domain::roster::ProblemKind;
    match kind {
        ProblemKind::WrongHeader => {
            "Første linje mangler denne kolonne. Se vejledningen for, hvilke kolonner filen skal have."
        }
        ProblemKind::UnknownColumn => {
            "Første linje har en kolonne, som en elevliste eller personaleliste ikke har."
        }
        ProblemKind::DuplicateColumn => "Kolonnen står to gange i første linje.",
        ProblemKind::Unreadable => "Linjen har ikke lige så mange kolonner som første linje.",
        ProblemKind::Missing => "Mangler.",
        ProblemKind::TooLong => "For lang.",
        ProblemKind::InvalidGrade => "Klassetrin skal være et tal fra 0 til 10.",
        ProblemKind::InvalidAccess => "Skal være ja eller nej.",
        ProblemKind::IncompleteGuardian => "Forælderen skal have både fornavn og efternavn.",
        ProblemKind::GradeConflict => "Klassen findes allerede med et andet klassetrin.",
        ProblemKind::InvalidUniId => "Et UNI-ID er 4 til 40 bogstaver og tal.",
        ProblemKind::InvalidRole => "Rollen skal være lærer, pædagog, leder eller administration.",
        ProblemKind::RoleNotAllowed => "Kun en leder kan gøre en anden til leder.",
        ProblemKind::SamePersonTwice => {
            "En anden linje har samme person med andet navn, klasse eller UNI-ID."
        }
        ProblemKind::UniIdOfSomeoneElse => "UNI-ID'et tilhører en anden person på skolen.",
        ProblemKind::PossibleDuplicate => {
            "En person med samme navn findes allerede et andet sted på skolen. Skriv personens UNI-ID, eller flyt eleven på skærmen."
        }
    }
}

pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Pupil => "elev",
        Role::Parent => "forælder",
        Role::Teacher => "lærer",
        Role::Paedagog => "pædagog",
        Role::Leader => "leder",
        Role::Administrator => "administrator",
    }
}

/// A law's subject's Danish name; `None` for a school's own, whose name is the school's.
pub fn law_subject_name(subject: Subject) -> Option<&'static str> {
    Some(match subject {
        Subject::Dansk => "Dansk",
        Subject::Matematik => "Matematik",
        Subject::Engelsk => "Engelsk",
        Subject::NaturTeknologi => "Natur/teknologi",
        Subject::Idraet => "Idræt",
        Subject::Billedkunst => "Billedkunst",
        Subject::Musik => "Musik",
        Subject::Tysk => "Tysk",
        Subject::Fransk => "Fransk",
        Subject::Kristendomskundskab => "Kristendomskundskab",
        Subject::Historie => "Historie",
        Subject::Samfundsfag => "Samfundsfag",
        Subject::Geografi => "Geografi",
        Subject::Biologi => "Biologi",
        Subject::FysikKemi => "Fysik/kemi",
        Subject::HaandvaerkDesign => "Håndværk og design",
        Subject::Madkundskab => "Madkundskab",
        Subject::Valgfag => "Valgfag",
        Subject::Understoettende => "Understøttende undervisning",
        Subject::Faerdselslaere => "Færdselslære",
        Subject::SundhedSeksualFamilie => "Sundheds- og seksualundervisning og familiekundskab",
        Subject::UddannelseJob => "Uddannelse og job",
        Subject::Own(_) => return None,
    })
}

/// A subject's name: the law's in Danish, or the school's own from `own` (its catalogue).
pub fn subject_name_in(subject: Subject, own: &[OwnSubject]) -> String {
    match law_subject_name(subject) {
        Some(name) => name.to_owned(),
        None => own
            .iter()
            .find(|o| o.subject() == subject)
            .map_or_else(|| t(SubjectsKey::UnknownOwn).to_owned(), |o| o.name.clone()),
    }
}

/// A subject's name on a screen, the school's own from the page's catalogue.
pub fn subject_name(subject: Subject) -> String {
    match law_subject_name(subject) {
        Some(name) => name.to_owned(),
        None => crate::subjects::with_catalogue(|own| subject_name_in(subject, own)),
    }
}

/// A subject with the grades it is taught in, for choosing one: "Historie (3.–9. klasse)".
pub fn subject_with_grades(subject: Subject) -> String {
    let grades = crate::subjects::grades_of(subject);
    let from = match grades.start() {
        0 => "0.".to_owned(),
        n => format!("{n}."),
    };
    format!(
        "{} ({from}–{}. klasse)",
        subject_name(subject),
        grades.end()
    )
}

pub fn holiday_name(kind: domain::school_year::HolidayKind) -> &'static str {
    match kind {
        domain::school_year::HolidayKind::Autumn => "Efterårsferie",
        domain::school_year::HolidayKind::Christmas => "Juleferie",
        domain::school_year::HolidayKind::Winter => "Vinterferie",
        domain::school_year::HolidayKind::Easter => "Påskeferie",
    }
}

pub fn grade_name(grade: u8) -> String {
    format!("{grade}. klasse")
}

pub fn goal_kind_name(kind: domain::planning::GoalKind) -> &'static str {
    match kind {
        domain::planning::GoalKind::Faglig => "Faglige mål (læreren vurderer)",
        domain::planning::GoalKind::Refleksion => "Mål og refleksion (eleven og læreren vurderer)",
    }
}

pub fn task_icon_name(icon: domain::planning::TaskIcon) -> &'static str {
    use domain::planning::TaskIcon;
    match icon {
        TaskIcon::Read => "Læs",
        TaskIcon::Write => "Skriv",
        TaskIcon::Count => "Regn",
        TaskIcon::Draw => "Tegn",
        TaskIcon::Listen => "Lyt",
        TaskIcon::Talk => "Fortæl",
        TaskIcon::Build => "Byg",
        TaskIcon::Move => "Bevæg dig",
        TaskIcon::Photo => "Tag et billede",
    }
}

pub fn variant_name(variant: domain::planning::Variant) -> &'static str {
    use domain::planning::Variant;
    match variant {
        Variant::Standard => "almindelig",
        Variant::Easier => "lettere",
        Variant::Harder => "sværere",
    }
}

/// "Uge 38–40", or "Uge 38" for a single week.
pub fn week_range(first: domain::calendar::Date, last: domain::calendar::Date) -> String {
    let (a, b) = (first.iso_week().week, last.iso_week().week);
    if a == b {
        format!("Uge {a}")
    } else {
        format!("Uge {a}–{b}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_code_has_danish_text() {
        for code in [
            ErrorCode::NotSignedIn,
            ErrorCode::WrongCredentials,
            ErrorCode::Forbidden,
            ErrorCode::NotFound,
            ErrorCode::InvalidInput,
            ErrorCode::Conflict,
            ErrorCode::RateLimited,
            ErrorCode::Network,
            ErrorCode::Internal,
            ErrorCode::Unavailable,
        ] {
            let text = error_text(code);
            assert!(text.ends_with('.'), "{code:?}: {text}");
            assert!(!text.contains("error"), "{code:?} leaks English: {text}");
        }
    }

    #[test]
    fn grades_read_as_danish_class_names() {
        assert_eq!(grade_name(0), "0. klasse");
        assert_eq!(grade_name(5), "5. klasse");
    }
}
