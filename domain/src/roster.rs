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

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RosterPupil {
    pub id: i64,
    pub name: String,
    pub guardians: Vec<RosterGuardian>,
}

/// A pupil's guardian, and whether they follow the child in Spire.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RosterGuardian {
    pub id: i64,
    pub name: String,
    pub has_access: bool,
}

/// A column a roster file may have. A file names its columns on its first line, in any order;
/// which columns it has decides whether it lists pupils or staff (see docs/roster-import.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportColumn {
    Class,
    Grade,
    GivenName,
    FamilyName,
    UniId,
    GuardianGivenName,
    GuardianFamilyName,
    GuardianAccess,
    GuardianUniId,
    Role,
}

impl ImportColumn {
    pub const ALL: [ImportColumn; 10] = [
        ImportColumn::Class,
        ImportColumn::Grade,
        ImportColumn::GivenName,
        ImportColumn::FamilyName,
        ImportColumn::UniId,
        ImportColumn::GuardianGivenName,
        ImportColumn::GuardianFamilyName,
        ImportColumn::GuardianAccess,
        ImportColumn::GuardianUniId,
        ImportColumn::Role,
    ];

    /// The column's name on a file's first line, as the school's spreadsheet has it.
    pub fn header(self) -> &'static str {
        match self {
            ImportColumn::Class => "klasse",
            ImportColumn::Grade => "klassetrin",
            ImportColumn::GivenName => "fornavn",
            ImportColumn::FamilyName => "efternavn",
            ImportColumn::UniId => "uni_id",
            ImportColumn::GuardianGivenName => "forælder_fornavn",
            ImportColumn::GuardianFamilyName => "forælder_efternavn",
            ImportColumn::GuardianAccess => "forælder_adgang",
            ImportColumn::GuardianUniId => "forælder_uni_id",
            ImportColumn::Role => "rolle",
        }
    }

    /// Reads a header cell: case, surrounding space, and `-` or a space for `_` do not matter.
    pub fn from_header(cell: &str) -> Option<Self> {
        let cell = cell.trim().to_lowercase().replace(['-', ' '], "_");
        Self::ALL.into_iter().find(|c| c.header() == cell)
    }
}

/// What a roster file lists, told by its columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    /// Pupils in classes, with their guardians.
    Pupils,
    /// Staff and their roles, signing in with UNI-Login.
    Staff,
}

impl ImportKind {
    pub fn required(self) -> &'static [ImportColumn] {
        match self {
            ImportKind::Pupils => &[
                ImportColumn::Class,
                ImportColumn::Grade,
                ImportColumn::GivenName,
                ImportColumn::FamilyName,
            ],
            ImportKind::Staff => &[
                ImportColumn::GivenName,
                ImportColumn::FamilyName,
                ImportColumn::Role,
                ImportColumn::UniId,
            ],
        }
    }

    pub fn optional(self) -> &'static [ImportColumn] {
        match self {
            ImportKind::Pupils => &[
                ImportColumn::UniId,
                ImportColumn::GuardianGivenName,
                ImportColumn::GuardianFamilyName,
                ImportColumn::GuardianAccess,
                ImportColumn::GuardianUniId,
            ],
            ImportKind::Staff => &[],
        }
    }
}

/// A roster file larger than this is refused unread (a whole school is a few hundred kB).
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;

/// What an import would do (dry run) or did. With any problem it does nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub kind: ImportKind,
    pub applied: bool,
    /// Lines read, the header not counted.
    pub lines: u32,
    pub classes_to_create: Vec<String>,
    pub pupils_to_add: u32,
    /// Pupils already here who change class, or come back to the school.
    pub pupils_to_move: Vec<PupilMove>,
    /// Pupils already in their class who get the UNI-ID the file gives them.
    pub pupils_to_link: u32,
    pub pupils_unchanged: u32,
    pub guardians_to_add: u32,
    /// Guardians already known by their UNI-ID who become guardian of one more child.
    pub guardians_to_link: u32,
    pub staff_to_add: u32,
    /// Staff already known by their UNI-ID who get a role they did not have.
    pub staff_to_update: u32,
    pub staff_unchanged: u32,
    pub problems: Vec<RowProblem>,
}

impl ImportReport {
    pub fn new(kind: ImportKind) -> Self {
        Self {
            kind,
            applied: false,
            lines: 0,
            classes_to_create: Vec::new(),
            pupils_to_add: 0,
            pupils_to_move: Vec::new(),
            pupils_to_link: 0,
            pupils_unchanged: 0,
            guardians_to_add: 0,
            guardians_to_link: 0,
            staff_to_add: 0,
            staff_to_update: 0,
            staff_unchanged: 0,
            problems: Vec::new(),
        }
    }
}

/// A pupil the import moves: from their current class (none when they come back to the school).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilMove {
    pub name: String,
    pub from: Option<String>,
    pub to: String,
}

/// One bad line or cell, by line (1 is the header) and column, and for a clash between lines,
/// the other line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    pub line: u32,
    pub column: Option<ImportColumn>,
    pub kind: ProblemKind,
    /// The other line of a clash within the file.
    pub other_line: Option<u32>,
}

impl RowProblem {
    pub fn new(line: u32, column: Option<ImportColumn>, kind: ProblemKind) -> Self {
        Self {
            line,
            column,
            kind,
            other_line: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The first line does not name the columns of a pupil list or a staff list.
    WrongHeader,
    /// The first line names a column that no roster file has.
    UnknownColumn,
    /// The first line names a column twice.
    DuplicateColumn,
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
    /// Not a UNI-ID (4–40 letters and digits).
    InvalidUniId,
    /// Rolle must be lærer, pædagog, leder or administration.
    InvalidRole,
    /// Only a leader can make someone a leader.
    RoleNotAllowed,
    /// Another line names the same person with another name, class or UNI-ID: applying both
    /// would make two people one.
    SamePersonTwice,
    /// The UNI-ID belongs to someone here who cannot be this person (a pupil given a staff
    /// member's UNI-ID, or a guardian given a pupil's).
    UniIdOfSomeoneElse,
    /// A pupil with this name is already in another class and has no UNI-ID to tell them apart:
    /// the line would make a second person of them. Give the UNI-ID, or move the pupil on the
    /// administration screen.
    PossibleDuplicate,
}

/// What opening the school's current year from the year before does, shown before it is done.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewYearPreview {
    /// The year the classes come from, and the year opened ("2026/27").
    pub from: String,
    pub to: String,
    /// Last year's classes and where each goes; `to: None` for 9. klasse, who leave the school.
    pub classes: Vec<ClassMove>,
    /// Last year's hold of a class, carried with their teachers to the class's new hold.
    pub teams: Vec<TeamMove>,
    /// Hold across classes (holddeling, valgfag), not carried: made again for the new year.
    pub not_carried: Vec<String>,
    /// Pupils who finish 9. klasse (or 10.) and leave, keeping every record.
    pub graduates: u32,
    /// Opening from next year's roster file: last year's pupils the file has in no class, who
    /// leave the school (keeping every record).
    pub leaving: Vec<String>,
    /// Opening from a file: what the file does besides moving classes (new pupils and classes,
    /// guardians, and any problem by line, which stops the opening).
    pub file: Option<ImportReport>,
    /// Whether this call opened the year (a preview never does; a file with problems neither).
    pub opened: bool,
}

/// Why one of last year's classes becomes what it does in the new year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClassMatchRule {
    /// Opened without a file: one grade up, by its name ("1.A" becomes "2.A").
    MovesUp,
    /// The file renamed its whole year group one grade up together.
    YearGroupMovedUp,
    /// The file's class has at least 70 % the same pupils.
    SamePupils { percent: u8 },
    /// After 9. klasse (or 10.) the class leaves the school.
    Graduates,
    /// The file has no class that continues it: its pupils go where the file puts them.
    Ends,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassMove {
    pub from: String,
    pub to: Option<String>,
    pub pupils: u32,
    pub why: ClassMatchRule,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMove {
    pub from: String,
    pub to: String,
    pub teachers: Vec<String>,
}
