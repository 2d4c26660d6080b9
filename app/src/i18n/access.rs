//! Danish text: taking access away and giving it back; passwords reset with a code or changed.

use super::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessKey {
    DeactivatedTitle,
    ConfirmDeactivate,
    NoAccessSuffix,
    ResetTitle,
    ResetIntro,
    ResetCodeLabel,
    NewPasswordLabel,
    SaveNewPassword,
    ResetDone,
    ForgotPasswordLink,
    ChangeTitle,
    ChangeIntro,
    CurrentPasswordLabel,
    Changed,
    ChangeLink,
    BackToSignIn,
    SaveUniId,
    UniLoginTitle,
    UniLoginIntro,
    InstitutionNumberLabel,
    SaveInstitutionNumber,
}

impl Text for AccessKey {
    fn danish(self) -> &'static str {
        match self {
            AccessKey::DeactivatedTitle => "Deaktiverede medarbejdere",
            AccessKey::ConfirmDeactivate => {
                "Deaktivér medarbejderen? Personen bliver logget ud med det samme og kan ikke logge ind, før du genaktiverer. Alt, hvad personen har lavet, bliver."
            }
            AccessKey::NoAccessSuffix => "(uden adgang)",
            AccessKey::ResetTitle => "Ny adgangskode",
            AccessKey::ResetIntro => {
                "Har du fået en kode af skolen? Skriv dit brugernavn, koden og din nye adgangskode."
            }
            AccessKey::ResetCodeLabel => "Kode fra skolen",
            AccessKey::NewPasswordLabel => "Ny adgangskode",
            AccessKey::SaveNewPassword => "Gem ny adgangskode",
            AccessKey::ResetDone => "Din adgangskode er skiftet. Log ind med den nye.",
            AccessKey::ForgotPasswordLink => "Ny adgangskode med en kode fra skolen",
            AccessKey::ChangeTitle => "Skift adgangskode",
            AccessKey::ChangeIntro => {
                "Skriv din nuværende adgangskode og en ny. Du bliver logget ud på dine andre enheder."
            }
            AccessKey::CurrentPasswordLabel => "Nuværende adgangskode",
            AccessKey::Changed => {
                "Din adgangskode er skiftet. Du er logget ud på dine andre enheder."
            }
            AccessKey::ChangeLink => "Skift adgangskode",
            AccessKey::BackToSignIn => "Til log ind",
            AccessKey::SaveUniId => "Gem UNI-ID",
            AccessKey::UniLoginTitle => "UNI-Login",
            AccessKey::UniLoginIntro => {
                "Med skolens institutionsnummer og en persons UNI-ID kan personen logge ind med UNI-Login."
            }
            AccessKey::InstitutionNumberLabel => "Skolens institutionsnummer",
            AccessKey::SaveInstitutionNumber => "Gem institutionsnummer",
        }
    }
}
