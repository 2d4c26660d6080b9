//! The one catalogue of user-facing text. Danish now; every string the UI shows comes from here,
//! keyed, so another language is one more `match` arm per key rather than a hunt through views.

use domain::ErrorCode;
use domain::identity::Role;
use domain::school::Subject;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    AppName,
    SkipToContent,
    Loading,
    SignInTitle,
    SignInIntro,
    Username,
    Password,
    SignIn,
    SigningIn,
    SignOut,
    Done,
    DemoTitle,
    DemoIntro,
    DemoSignInAs,
    DemoPasswordLabel,
    ReadAloud,
    StopReading,
    PupilGreeting,
    PupilSubjects,
    TeacherTitle,
    TeacherNoTeams,
    TeamPupils,
    TeamTeachers,
    ParentTitle,
    ParentNoChildren,
    ParentSubjects,
    LeaderTitle,
    LeaderClasses,
    LeaderTeachers,
    ColClass,
    ColGrade,
    ColPupils,
    ColTeams,
    NotFoundTitle,
    NotFoundBody,
    BackHome,
    TryAgain,
    SignedInAs,
    SignOutEverywhere,
    SwitchRoleTo,
    ClassPickerTitle,
    ClassPickerIntro,
    AdultSignIn,
    ClassIpadTitle,
    ClassIpadIntro,
    MakeClassIpadFor,
    ThisIsClassIpadFor,
    CloseClassIpad,
    CodeSignInTitle,
    CodeSignInIntro,
    CodeLabel,
    CodeSignInLink,
    SchoolYearsTitle,
    SchoolYearsIntro,
    SchoolYearCurrent,
    FirstDayLabel,
    LastDayLabel,
    SaveSchoolYear,
    ScanTitle,
    ScanTile,
    ScanStarting,
    ScanLooking,
    ScanReading,
    ScanCardNotValid,
    ScanNoCamera,
    ScanBackToPictures,
    ScanInstead,
    MakeLoginCardsFor,
    LoginCardsTitle,
    LoginCardsIntro,
    PrintCards,
    QrAltFor,
    AdminTitle,
    AdminLink,
    ImportTitle,
    ImportIntro,
    ImportFileLabel,
    ImportApply,
    ImportApplied,
    ImportClassesToCreate,
    ImportPupilsToAdd,
    ImportPupilsUnchanged,
    ImportGuardiansToAdd,
    ImportProblemsTitle,
    ImportNoProblems,
    ColLine,
    ColColumn,
    ColProblem,
    None_,
    Guardians,
    MoveTo,
    MovePupil,
    MarkLeft,
    ConfirmMarkLeft,
    Saved,
    GivenName,
    FamilyName,
    ClassLabel,
    ClassNameLabel,
    GradeLabel,
    RoleLabel,
    SubjectLabel,
    TeacherLabel,
    TeamNameLabel,
    NewPasswordLabel,
    NewPasswordHint,
    OptionalSuffix,
    HasAccessLabel,
    NewClassTitle,
    NewClassSubmit,
    NewPupilTitle,
    NewPupilSubmit,
    NewStaffTitle,
    NewStaffSubmit,
    NewTeamTitle,
    NewTeamSubmit,
    LinkGuardianFor,
    LinkGuardianSubmit,
    StaffTitle,
    TeamsTitle,
    CreateTitle,
    UniLogin,
    UniLoginFailed,
}

pub fn t(key: Key) -> &'static str {
    match key {
        Key::AppName => "Spire",
        Key::SkipToContent => "Spring til indhold",
        Key::Loading => "Henter …",
        Key::SignInTitle => "Log ind",
        Key::SignInIntro => "Log ind med dit brugernavn og din adgangskode.",
        Key::Username => "Brugernavn",
        Key::Password => "Adgangskode",
        Key::SignIn => "Log ind",
        Key::SigningIn => "Logger ind …",
        Key::SignOut => "Log ud",
        Key::Done => "Færdig",
        Key::DemoTitle => "Demo-skole",
        Key::DemoIntro => "Spire kører i demo-tilstand. Alle demo-brugere har adgangskoden:",
        Key::DemoSignInAs => "Log ind som",
        Key::DemoPasswordLabel => "Adgangskode",
        Key::ReadAloud => "Læs op",
        Key::StopReading => "Stop oplæsning",
        Key::PupilGreeting => "Hej",
        Key::PupilSubjects => "Mine fag",
        Key::TeacherTitle => "Mine hold",
        Key::TeacherNoTeams => "Du underviser ikke på nogen hold endnu.",
        Key::TeamPupils => "elever",
        Key::TeamTeachers => "Lærere",
        Key::ParentTitle => "Mine børn",
        Key::ParentNoChildren => "Der er ingen børn knyttet til dig endnu.",
        Key::ParentSubjects => "Fag",
        Key::LeaderTitle => "Overblik",
        Key::LeaderClasses => "Klasser i dette skoleår",
        Key::LeaderTeachers => "Lærere på skolen",
        Key::ColClass => "Klasse",
        Key::ColGrade => "Klassetrin",
        Key::ColPupils => "Elever",
        Key::ColTeams => "Hold",
        Key::NotFoundTitle => "Siden findes ikke",
        Key::NotFoundBody => "Vi kunne ikke finde den side, du ledte efter.",
        Key::BackHome => "Til forsiden",
        Key::TryAgain => "Prøv igen",
        Key::SignedInAs => "Logget ind som",
        Key::SignOutEverywhere => "Log ud alle steder",
        Key::SwitchRoleTo => "Skift til",
        Key::ClassPickerTitle => "Tryk på dit billede",
        Key::ClassPickerIntro => "Find dit billede og dit navn, og tryk på det.",
        Key::AdultSignIn => "Log ind som voksen",
        Key::ClassIpadTitle => "Klasse-iPad",
        Key::ClassIpadIntro => {
            "Gør denne enhed til klassens iPad. Eleverne logger så ind ved at trykke på deres billede, og du bliver logget ud."
        }
        Key::MakeClassIpadFor => "Gør til klasse-iPad for",
        Key::ThisIsClassIpadFor => "Denne enhed er klasse-iPad for",
        Key::CloseClassIpad => "Luk klasse-iPad",
        Key::CodeSignInTitle => "Log ind med kode",
        Key::CodeSignInIntro => "Skriv koden fra elevens login-kort.",
        Key::CodeLabel => "Koden fra login-kortet",
        Key::CodeSignInLink => "Log ind med kode",
        Key::SchoolYearsTitle => "Skoleår",
        Key::SchoolYearsIntro => {
            "Skoleåret skifter på første skoledag. Indtil da hører nye klasser og hold til det gamle skoleår."
        }
        Key::SchoolYearCurrent => "nu",
        Key::FirstDayLabel => "Første skoledag",
        Key::LastDayLabel => "Sidste skoledag",
        Key::SaveSchoolYear => "Gem skoleår",
        Key::ScanTitle => "Vis dit kort",
        Key::ScanTile => "Mit kort",
        Key::ScanStarting => "Kameraet starter …",
        Key::ScanLooking => "Hold dit kort op foran kameraet.",
        Key::ScanReading => "Jeg kan se dit kort. Vent lidt.",
        Key::ScanCardNotValid => "Det kort virker ikke. Spørg din lærer om et nyt kort.",
        Key::ScanNoCamera => {
            "Kameraet kan ikke bruges her. Bed en voksen om at skrive koden fra dit kort."
        }
        Key::ScanBackToPictures => "Billeder",
        Key::ScanInstead => "Brug kameraet i stedet",
        Key::MakeLoginCardsFor => "Lav nye login-kort til",
        Key::LoginCardsTitle => "Login-kort",
        Key::LoginCardsIntro => {
            "Udskriv kortene og klip dem ud. De gamle kort til klassen virker ikke længere."
        }
        Key::PrintCards => "Udskriv",
        Key::QrAltFor => "QR-kode til",
        Key::AdminTitle => "Administration",
        Key::AdminLink => "Administration: klasser og elever",
        Key::ImportTitle => "Importér elevliste",
        Key::ImportIntro => {
            "Vælg en CSV-fil med kolonnerne klasse, klassetrin, fornavn, efternavn, forælder_fornavn, forælder_efternavn og forælder_adgang. Du ser først, hvad importen vil ændre."
        }
        Key::ImportFileLabel => "Vælg CSV-fil",
        Key::ImportApply => "Gennemfør import",
        Key::ImportApplied => "Importen er gennemført.",
        Key::ImportClassesToCreate => "Klasser der oprettes",
        Key::ImportPupilsToAdd => "Elever der tilføjes",
        Key::ImportPupilsUnchanged => "Elever der allerede findes",
        Key::ImportGuardiansToAdd => "Forældre der tilføjes",
        Key::ImportProblemsTitle => "Fejl i filen – intet er ændret",
        Key::ImportNoProblems => "Ingen fejl i filen.",
        Key::ColLine => "Linje",
        Key::ColColumn => "Kolonne",
        Key::ColProblem => "Problem",
        Key::None_ => "ingen",
        Key::Guardians => "Forældre",
        Key::MoveTo => "Ny klasse for",
        Key::MovePupil => "Flyt",
        Key::MarkLeft => "Meld ud:",
        Key::Saved => "Gemt.",
        Key::GivenName => "Fornavn",
        Key::FamilyName => "Efternavn",
        Key::ClassLabel => "Klasse",
        Key::ClassNameLabel => "Klassens navn, fx 2.C",
        Key::GradeLabel => "Klassetrin",
        Key::RoleLabel => "Rolle",
        Key::SubjectLabel => "Fag",
        Key::TeacherLabel => "Lærer",
        Key::TeamNameLabel => "Holdets navn, fx Dansk 2.C",
        Key::NewPasswordLabel => "Adgangskode",
        Key::NewPasswordHint => "Mindst 10 tegn. En sætning er god.",
        Key::OptionalSuffix => "(valgfrit)",
        Key::HasAccessLabel => "Adgang til skoleoplysninger",
        Key::NewClassTitle => "Ny klasse",
        Key::NewClassSubmit => "Opret klasse",
        Key::NewPupilTitle => "Ny elev",
        Key::NewPupilSubmit => "Tilføj elev",
        Key::NewStaffTitle => "Ny medarbejder",
        Key::NewStaffSubmit => "Tilføj medarbejder",
        Key::NewTeamTitle => "Nyt hold",
        Key::NewTeamSubmit => "Opret hold",
        Key::LinkGuardianFor => "Tilknyt forælder til",
        Key::LinkGuardianSubmit => "Tilknyt forælder",
        Key::StaffTitle => "Medarbejdere",
        Key::CreateTitle => "Opret og tilføj",
        Key::UniLogin => "Log ind med UNI-Login",
        Key::UniLoginFailed => {
            "Log ind med UNI-Login lykkedes ikke. Prøv igen, eller log ind med brugernavn og adgangskode."
        }
        Key::TeamsTitle => "Hold i dette skoleår",
        Key::ConfirmMarkLeft => {
            "Meld eleven ud af skolen? Elevens oplysninger gemmes, men eleven kan ikke længere logge ind."
        }
    }
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
        "first_day" => Some(
            "Første skoledag skal være en dato i juli, august eller september i skoleårets første år.",
        ),
        "last_day" => {
            Some("Sidste skoledag skal være en dato i maj, juni eller juli i skoleårets andet år.")
        }
        "start_year" => Some("Kun dette og næste skoleår kan ændres."),
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
