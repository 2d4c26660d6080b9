//! The home screen each role sees after signing in.

use crate::identity::Me;
use crate::school::{Avatar, Subject};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Home {
    Teacher(TeacherHome),
    Pupil(PupilHome),
    Parent(ParentHome),
    Leader(LeaderHome),
}

/// A hold as listed on a home screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamSummary {
    pub id: i64,
    pub name: String,
    pub subject: Subject,
    pub pupil_count: u32,
    pub teacher_names: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeacherHome {
    pub me: Me,
    pub teams: Vec<TeamSummary>,
    /// Classes this person may turn an iPad into a class iPad for.
    pub classes: Vec<ClassRef>,
}

/// A class by id and name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRef {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilHome {
    pub first_name: String,
    pub avatar: Avatar,
    pub class_name: String,
    pub subjects: Vec<Subject>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildSummary {
    pub id: i64,
    pub name: String,
    pub avatar: Avatar,
    pub class_name: String,
    pub subjects: Vec<Subject>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParentHome {
    pub me: Me,
    pub children: Vec<ChildSummary>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassSummary {
    pub id: i64,
    pub name: String,
    pub grade: u8,
    pub pupil_count: u32,
    pub team_count: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderHome {
    pub me: Me,
    pub classes: Vec<ClassSummary>,
    pub teacher_count: u32,
}
