//! Texts that take their arguments. The words around an argument, and where it stands, are the
//! catalogue's: a screen passes the name, never glues a label to it.

/// "Skift til lærer".
pub fn switch_role_to(role: &str) -> String {
    format!("Skift til {role}")
}

/// The label of a pupil's class choice: "Ny klasse for Ida Jensen".
pub fn new_class_for(pupil: &str) -> String {
    format!("Ny klasse for {pupil}")
}

/// "Meld ud: Ida Jensen".
pub fn mark_left(pupil: &str) -> String {
    format!("Meld ud: {pupil}")
}

/// "Tilknyt forælder til Ida Jensen".
pub fn link_guardian_to(pupil: &str) -> String {
    format!("Tilknyt forælder til {pupil}")
}

/// "Gem skoleår 2026/27".
pub fn save_school_year(year: &str) -> String {
    format!("Gem skoleår {year}")
}

/// "Skoleår 2026/27".
pub fn school_year(year: &str) -> String {
    format!("Skoleår {year}")
}

/// A pupil package's origin line: "Solskin Skole · hentet 7. december 2026".
pub fn package_origin(school: &str, exported_on: &str) -> String {
    format!("{school} · hentet {exported_on}")
}

/// "Planlægning 2026/27".
pub fn planning_for_year(year: &str) -> String {
    format!("Planlægning {year}")
}

/// "Titel på årsplanen for Matematik 1.A".
pub fn year_plan_title_for(team: &str) -> String {
    format!("Titel på årsplanen for {team}")
}

/// "Opret årsplan for Matematik 1.A".
pub fn create_year_plan_for(team: &str) -> String {
    format!("Opret årsplan for {team}")
}

/// "Gendan Tal til 20".
pub fn restore(what: &str) -> String {
    format!("Gendan {what}")
}

/// "Lavet af Anne Holm".
pub fn made_by(author: &str) -> String {
    format!("Lavet af {author}")
}

/// "Kopieret fra Eventyr (Anne Holm)".
pub fn copied_from(origin: &str) -> String {
    format!("Kopieret fra {origin}")
}

/// The label of a material's name field: "Navn på materiale 2".
pub fn material_name_label(number: usize) -> String {
    format!("Navn på materiale {number}")
}

/// The label of a material's link field: "Link til materiale 2".
pub fn material_link_label(number: usize) -> String {
    format!("Link til materiale {number}")
}

/// "Gør til klasse-iPad for 1.A".
pub fn make_class_ipad_for(class: &str) -> String {
    format!("Gør til klasse-iPad for {class}")
}

/// "Lav nye login-kort til 1.A".
pub fn make_login_cards_for(class: &str) -> String {
    format!("Lav nye login-kort til {class}")
}

/// The label of a pupil's variant choice: "Udgave til Ida Jensen".
pub fn variant_for(pupil: &str) -> String {
    format!("Udgave til {pupil}")
}

/// "Se forløbet Eventyr".
pub fn preview_unit(title: &str) -> String {
    format!("Se forløbet {title}")
}

/// The library preview's heading: "Forløbet Eventyr".
pub fn the_unit(title: &str) -> String {
    format!("Forløbet {title}")
}

/// "Kopiér Eventyr".
pub fn copy_unit(title: &str) -> String {
    format!("Kopiér {title}")
}

/// The pupil's greeting: "Hej Ida!".
pub fn greeting(first_name: &str) -> String {
    format!("Hej {first_name}!")
}

/// The weekly letter's line on shared work: "Delt med jer i denne uge: 3 ting".
pub fn shared_this_week(things: u32) -> String {
    format!("Delt med jer i denne uge: {things} ting")
}

/// "Deaktivér Anne Holm".
pub fn deactivate(name: &str) -> String {
    format!("Deaktivér {name}")
}

/// "Genaktivér Anne Holm".
pub fn reactivate(name: &str) -> String {
    format!("Genaktivér {name}")
}

/// "Fjern rollen lærer fra Camilla Berg".
pub fn remove_role(role: &str, name: &str) -> String {
    format!("Fjern rollen {role} fra {name}")
}

/// "Lav kode til ny adgangskode for Anne Holm".
pub fn make_reset_code_for(name: &str) -> String {
    format!("Lav kode til ny adgangskode for {name}")
}

/// The one-time code, shown once to whoever hands it over.
pub fn reset_code_for(name: &str, code: &str) -> String {
    format!(
        "Kode til ny adgangskode for {name}: {code}. Giv den til {name} personligt. Den virker én gang og i 3 døgn, og den vises ikke igen."
    )
}

/// The label of a person's UNI-ID field: "UNI-ID for Anne Holm".
pub fn uni_id_for(name: &str) -> String {
    format!("UNI-ID for {name}")
}

/// "Fjern adgang for Mette Jensen til Ida Jensen".
pub fn remove_guardian_access(guardian: &str, pupil: &str) -> String {
    format!("Fjern adgang for {guardian} til {pupil}")
}

/// "Giv Mette Jensen adgang til Ida Jensen igen".
pub fn restore_guardian_access(guardian: &str, pupil: &str) -> String {
    format!("Giv {guardian} adgang til {pupil} igen")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_message_puts_its_argument_where_danish_wants_it() {
        assert_eq!(restore("Tal til 20"), "Gendan Tal til 20");
        assert_eq!(greeting("Ida"), "Hej Ida!");
        assert_eq!(mark_left("Ida Jensen"), "Meld ud: Ida Jensen");
        assert_eq!(material_link_label(2), "Link til materiale 2");
        assert_eq!(
            package_origin("Solskin Skole", "7. december 2026"),
            "Solskin Skole · hentet 7. december 2026"
        );
        assert_eq!(shared_this_week(1), "Delt med jer i denne uge: 1 ting");
    }
}
