//! Numbers with their nouns: the catalogue chooses singular or plural and the word order, so a
//! screen never says "1 elever".

/// `n` with the singular or the plural noun.
fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "1 elev", "10 elever".
pub fn pupils(n: impl Into<u64>) -> String {
    count(n, "elev", "elever")
}

/// "1 forløb", "3 forløb".
/// "Viser 3 af 40 elever", under the administration's search.
pub fn pupils_shown(shown: usize, total: usize) -> String {
    format!("Viser {shown} af {}", count(total as u64, "elev", "elever"))
}

pub fn units(n: impl Into<u64>) -> String {
    count(n, "forløb", "forløb")
}

/// "1 mål", "2 mål".
pub fn goals(n: impl Into<u64>) -> String {
    count(n, "mål", "mål")
}

/// "1 opgave", "4 opgaver".
pub fn tasks(n: impl Into<u64>) -> String {
    count(n, "opgave", "opgaver")
}

/// "1 materiale", "3 materialer".
pub fn materials(n: impl Into<u64>) -> String {
    count(n, "materiale", "materialer")
}

/// "1 uge", "3 uger".
pub fn weeks(n: impl Into<u64>) -> String {
    count(n, "uge", "uger")
}

/// What loading a pupil's package added: "Indlæst: 1 plan, 2 versioner, 0 evalueringer."
pub fn package_imported(plans: u32, versions: u32, evaluations: u32, work: u32) -> String {
    format!(
        "Indlæst: {}, {}, {} og {}.",
        count(plans, "plan", "planer"),
        count(versions, "version", "versioner"),
        count(evaluations, "evaluering", "evalueringer"),
        count(work, "stykke arbejde", "stykker arbejde")
    )
}

/// "1 årsplan", "2 årsplaner".
pub fn year_plans(n: impl Into<u64>) -> String {
    count(n, "årsplan", "årsplaner")
}

/// "1 evaluering givet", "12 evalueringer givet".
pub fn evaluations_given(n: impl Into<u64>) -> String {
    format!("{} givet", count(n, "evaluering", "evalueringer"))
}

/// "1 svar til en elev", "3 svar til elever".
pub fn answers_given(n: impl Into<u64>) -> String {
    let n = n.into();
    if n == 1 {
        "1 svar til en elev".to_owned()
    } else {
        format!("{n} svar til elever")
    }
}

/// What a confirmed batch anonymised: "3 personer er anonymiseret: 2 elever, 0 medarbejdere og
/// 1 forælder."
pub fn people_anonymised(pupils: u32, staff: u32, guardians: u32) -> String {
    format!(
        "{} er anonymiseret: {}, {} og {}.",
        count(pupils + staff + guardians, "person", "personer"),
        count(pupils, "elev", "elever"),
        count(staff, "medarbejder", "medarbejdere"),
        count(guardians, "forælder", "forældre")
    )
}

/// A batch's counts in the list of earlier ones: "2 elever, 0 medarbejdere, 1 forælder".
pub fn batch_counts(pupils: u32, staff: u32, guardians: u32) -> String {
    format!(
        "{}, {}, {}",
        count(pupils, "elev", "elever"),
        count(staff, "medarbejder", "medarbejdere"),
        count(guardians, "forælder", "forældre")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_takes_the_singular_and_every_other_number_the_plural() {
        assert_eq!(pupils(1u32), "1 elev");
        assert_eq!(pupils(0u32), "0 elever");
        assert_eq!(pupils(10u32), "10 elever");
        assert_eq!(tasks(1u32), "1 opgave");
        assert_eq!(weeks(2u32), "2 uger");
        assert_eq!(units(1u32), "1 forløb");
        assert_eq!(
            package_imported(1, 2, 0, 1),
            "Indlæst: 1 plan, 2 versioner, 0 evalueringer og 1 stykke arbejde."
        );
    }
}
