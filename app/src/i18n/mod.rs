//! The catalogue of user-facing text, split by feature (`common` for what the shells and several
//! features share). Danish now; every string the UI shows comes from here, keyed per feature, so
//! another language is one more `match` arm per key rather than a hunt through views. Texts that
//! take arguments are message functions here, so word order and plurals are the catalogue's.

mod common;
pub mod counts;
mod evaluation;
mod family;
mod identity;
mod leader;
mod library;
mod planning;
mod pupil;
mod pupil_plan;

pub use common::Key;
pub use evaluation::EvaluationKey;
pub use family::FamilyKey;
pub use identity::IdentityKey;
pub use leader::LeaderKey;
pub use library::LibraryKey;
pub use planning::PlanningKey;
pub use pupil::PupilKey;
pub use pupil_plan::PupilPlanKey;

use domain::ErrorCode;
use domain::identity::Role;
use domain::school::Subject;

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

/// The Danish message for an invalid field, where the form can point at it.
pub fn field_error_text(field: &str) -> Option<&'static str> {
    match field {
        "username" => Some("Brugernavnet må kun indeholde bogstaver, tal, punktum og bindestreg."),
        "password" => Some("Skriv din adgangskode."),
        "code" => Some("Koden består af 8 tegn, fx ABCD-EFGH."),
        "file" => Some("Filen er tom eller for stor (højst 1 MB)."),
        "class" => Some("Vælg en af skolens klasser."),
        "given_name" => Some("Skriv et fornavn (højst 100 tegn)."),
        "family_name" => Some("Skriv et efternavn (højst 100 tegn)."),
        "name" => Some("Skriv et navn (højst 40 tegn)."),
        "name_taken" => Some("Der findes allerede en klasse med det navn i dette skoleår."),
        "grade" => Some("Klassetrin skal være fra 0 til 10."),
        "username_taken" => Some("Brugernavnet er optaget. Vælg et andet."),
        "new_password" => Some("Adgangskoden skal have mindst 10 tegn."),
        "role" => Some("Vælg en rolle for medarbejderen."),
        "teacher" => Some("Vælg en lærer eller pædagog."),
        "title" => Some("Skriv en titel på én linje (højst 120 tegn)."),
        "description" => Some("Beskrivelsen er for lang (højst 10.000 tegn)."),
        "first_week" => Some("Vælg en første uge inden for skoleåret."),
        "last_week" => Some("Den sidste uge skal ligge efter den første og inden for skoleåret."),
        "material_title" => Some("Giv hvert materiale et navn (højst 120 tegn)."),
        "material_url" => Some("Et materiale skal være et link, der begynder med https://."),
        "materials" => Some("Højst 30 materialer pr. forløb."),
        "own_text" => {
            Some("Skriv målet med egne ord eller vælg et mål fra Fælles Mål (ikke begge).")
        }
        "framework_item" => Some("Det valgte mål findes ikke. Søg igen."),
        "scale" => Some("Vælg en målestok."),
        "signs" => Some("Tegn på læring er for langt (højst 10.000 tegn)."),
        "instruction" => Some("Skriv en kort instruktion (1 til 300 tegn)."),
        "easier" | "harder" => Some("En udgave må højst være 300 tegn."),
        "when" => Some("Vælg en dato inden for skoleåret."),
        "pupils" => Some("Vælg elever fra holdet (mindst én for en gruppe eller udvalgte elever)."),
        "group_name" => Some("Giv gruppen et navn."),
        "variant" => Some("Skriv den lettere eller sværere udgave, før du giver den til en elev."),
        "step" => Some("Vælg et trin på målestokken, eller skriv en kommentar."),
        "comment" => Some("Kommentaren er for lang (højst 2.000 tegn)."),
        "pupil" => Some("Eleven er ikke på holdet."),
        "goal" => Some("Eleven vurderer kun sig selv på mål og refleksion."),
        "scale_name" => Some("Giv målestokken et navn (højst 120 tegn)."),
        "file_name" => Some("Filens navn må højst være 120 tegn."),
        "file_type" => Some(
            "Den slags fil kan ikke vedhæftes. Brug PDF, billeder, Office-dokumenter, ODT, tekst eller MP3.",
        ),
        "file_size" => Some("Filen er tom eller for stor (højst 10 MB)."),
        "steps" => Some("En målestok har 2 til 7 trin, hvert på højst 40 tegn."),
        "year_plan" => Some("Årsplanen er arkiveret. Gendan den først."),
        "words" => Some("Søgningen er for lang (højst 200 tegn)."),
        "first_day" => Some(
            "Første skoledag skal være en dato i juli, august eller september i skoleårets første år.",
        ),
        "last_day" => {
            Some("Sidste skoledag skal være en dato i maj, juni eller juli i skoleårets andet år.")
        }
        "start_year" => Some("Kun dette og næste skoleår kan ændres."),
        "status" | "goals" | "follow_up" | "wellbeing" | "all_round" | "education" | "support" => {
            Some("Et afsnit må højst være 10.000 tegn.")
        }
        "goal_ids" => Some("Vælg kun mål fra fagets forløb for eleven."),
        "reflection" => Some("Din tekst må højst være 2.000 tegn."),
        "work_text" => Some("Skriv noget først (højst 2.000 tegn)."),
        "work_file" | "work_file_type" => {
            Some("Det kunne ikke gemmes. Tag billedet, tegn eller indtal igen.")
        }
        "work_file_size" => Some("Det er for stort til at gemme (højst 5 MB)."),
        "task_id" => Some("Opgaven findes ikke længere."),
        "goal_id" => Some("Målet findes ikke længere."),
        "package_format" => Some("Filen er ikke en elevpakke fra Spire (spire-pupil/1)."),
        "package_plans" | "package_evaluations" => {
            Some("Pakken indeholder noget, der ikke kan læses. Intet er indlæst.")
        }
        "package_school" => Some(
            "Pakken er fra jeres egen skole. Elevpakker indlæses kun for elever, der kommer fra en anden skole.",
        ),
        "package_pupil" => Some("Pakken er til en anden elev. Vælg eleven med samme navn."),
        "version" => Some("Siden er forældet. Hent den igen, og prøv igen."),
        _ => None,
    }
}

/// What is wrong with a cell of an imported roster file.
pub fn problem_text(kind: domain::roster::ProblemKind) -> &'static str {
    use domain::roster::ProblemKind;
    match kind {
        ProblemKind::WrongHeader => "Første linje skal være kolonneoverskrifterne.",
        ProblemKind::Unreadable => "Linjen har ikke 7 kolonner.",
        ProblemKind::Missing => "Mangler.",
        ProblemKind::TooLong => "For lang.",
        ProblemKind::InvalidGrade => "Klassetrin skal være et tal fra 0 til 10.",
        ProblemKind::InvalidAccess => "Skal være ja eller nej.",
        ProblemKind::IncompleteGuardian => "Forælderen skal have både fornavn og efternavn.",
        ProblemKind::GradeConflict => "Klassen findes allerede med et andet klassetrin.",
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

pub fn subject_name(subject: Subject) -> &'static str {
    match subject {
        Subject::Dansk => "Dansk",
        Subject::Matematik => "Matematik",
        Subject::Engelsk => "Engelsk",
        Subject::NaturTeknologi => "Natur/teknologi",
        Subject::Idraet => "Idræt",
        Subject::Billedkunst => "Billedkunst",
        Subject::Musik => "Musik",
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
