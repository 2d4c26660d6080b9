//! The school's roster as administration sees it, and the CSV roster import.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub school_name: String,
    /// What UNI-Login tokens must name for a sign-in here; none means UNI-Login is off.
    pub institution_number: Option<String>,
    pub classes: Vec<RosterClass>,
    pub staff: Vec<StaffMember>,
    pub teams: Vec<RosterTeam>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub name: String,
    pub roles: Vec<crate::identity::Role>,
    /// False once deactivated: they cannot sign in, and what they made stays.
    pub active: bool,
    /// The UNI-ID they sign in with through UNI-Login, if set.
    pub uni_id: Option<String>,
}

/// A hold this school year, with who teaches it and how many pupils it has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterTeam {
    pub id: i64,
    pub name: String,
    pub subject: crate::school::Subject,
    pub teachers: Vec<String>,
    pub pupil_count: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterClass {
    pub id: i64,
    pub name: String,
    pub grade: u8,
    pub pupils: Vec<RosterPupil>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterPupil {
    pub id: i64,
    pub name: String,
    pub guardians: Vec<RosterGuardian>,
}

/// A pupil's guardian, and whether they follow the child in Spire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterGuardian {
    pub id: i64,
    pub name: String,
    pub has_access: bool,
}

/// The columns of a roster file, in order (see docs/roster-import.md).
pub const IMPORT_COLUMNS: [&str; 7] = [
    "klasse",
    "klassetrin",
    "fornavn",
    "efternavn",
    "forælder_fornavn",
    "forælder_efternavn",
    "forælder_adgang",
];

/// A roster file larger than this is refused unread (a whole school is a few hundred kB).
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;

/// What an import would do (dry run) or did. With any problem it does nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub applied: bool,
    pub classes_to_create: Vec<String>,
    pub pupils_to_add: u32,
    pub pupils_unchanged: u32,
    pub guardians_to_add: u32,
    pub problems: Vec<RowProblem>,
}

/// One bad cell, by line (1 is the header) and column name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    pub line: u32,
    pub column: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The first line is not the documented header.
    WrongHeader,
    /// The line has too few or too many columns, or is not readable text.
    Unreadable,
    Missing,
    TooLong,
    /// Klassetrin must be 0–10.
    InvalidGrade,
    /// Forælder_adgang must be "ja" or "nej".
    InvalidAccess,
    /// A guardian needs both first and last name.
    IncompleteGuardian,
    /// The same class appears with two different grades.
    GradeConflict,
}
