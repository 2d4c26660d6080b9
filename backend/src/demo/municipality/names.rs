//! The names the generated municipality gives its people, schools and tasks, and the subjects it
//! gives hold.

use domain::planning::TaskIcon;
use domain::school::Subject;

pub(super) const GIVEN: [&str; 24] = [
    "Ida", "Noah", "Freja", "Oscar", "Alma", "William", "Ella", "Karl", "Clara", "Emil", "Lucas",
    "Sofia", "Agnes", "Victor", "Laura", "Malthe", "Asta", "Elias", "Nora", "Magnus", "Olivia",
    "Alfred", "Emma", "Aksel",
];

pub(super) const ADULT_GIVEN: [&str; 16] = [
    "Mette", "Rasmus", "Louise", "Jesper", "Sara", "Thomas", "Katrine", "Martin", "Julie",
    "Anders", "Maria", "Henrik", "Sanne", "Peter", "Line", "Kasper",
];

pub(super) const FAMILY: [&str; 16] = [
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
];

pub(super) const SCHOOL_NAMES: [&str; 12] = [
    "Nørrebro",
    "Vesterbro",
    "Amager",
    "Valby",
    "Vanløse",
    "Brønshøj",
    "Østerbro",
    "Sundby",
    "Husum",
    "Bispebjerg",
    "Christianshavn",
    "Sydhavn",
];

pub(super) const ICONS: [TaskIcon; 9] = TaskIcon::ALL;

/// The subjects the generator gives hold: the seven it has always generated, so the generated
/// municipality (and every benchmark figure measured on it) stays the same size as the subject
/// catalogue grows.
pub(super) const GENERATED_SUBJECTS: [Subject; 7] = [
    Subject::Dansk,
    Subject::Matematik,
    Subject::Engelsk,
    Subject::NaturTeknologi,
    Subject::Idraet,
    Subject::Billedkunst,
    Subject::Musik,
];

/// Subjects taught in a grade: børnehaveklasse has Danish and maths; English from 1. klasse.
pub(super) fn subjects_of(grade: i16) -> Vec<Subject> {
    if grade == 0 {
        vec![Subject::Dansk, Subject::Matematik]
    } else {
        GENERATED_SUBJECTS.to_vec()
    }
}
