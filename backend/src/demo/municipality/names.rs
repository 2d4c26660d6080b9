//! The names the generated municipality gives its people, schools and tasks.

use domain::planning::TaskIcon;

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
