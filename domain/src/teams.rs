//! A hold as the people who run it see it: who teaches it and who is taught, what changed when,
//! and who could join.

use crate::calendar::Date;
use crate::identity::Role;
use crate::school::Subject;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMembers {
    pub id: i64,
    pub name: String,
    pub subject: Subject,
    /// The class whose hold it is (its pupils follow the roster), if any.
    pub class_name: Option<String>,
    pub archived: bool,
    pub teachers: Vec<TeamTeacher>,
    pub pupils: Vec<TeamPupil>,
    /// What changed, newest first.
    pub history: Vec<MembershipEvent>,
    /// Teaching staff of the school who could join.
    pub staff_to_add: Vec<Choice>,
    /// This year's classes, each with its pupils who are not in the hold.
    pub classes: Vec<ClassChoice>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamTeacher {
    pub id: i64,
    pub name: String,
    /// Teacher or pædagog.
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamPupil {
    pub id: i64,
    pub name: String,
    pub class_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassChoice {
    pub id: i64,
    pub name: String,
    pub pupils: Vec<Choice>,
}

/// One change to a hold's people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembershipEvent {
    pub name: String,
    pub pupil: bool,
    pub change: MembershipChange,
    pub on: Date,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MembershipChange {
    Joined,
    /// Taken off the hold by a leader, the office or one of its teachers.
    Removed,
    /// Followed their class change out of the hold.
    MovedClass,
    LeftSchool,
}

/// What moving a pupil to another class (or out of the school) will do to their hold, shown
/// before it happens.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassChangePreview {
    pub leaves: Vec<String>,
    pub joins: Vec<String>,
}
