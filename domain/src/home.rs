//! The home screen each role sees after signing in.

use crate::identity::Role;
use crate::school::{Avatar, Subject};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Home {
    Teacher(TeacherHome),
    Pupil(PupilHome),
    Parent(ParentHome),
    Leader(LeaderHome),
}

impl Home {
    pub fn role(&self) -> Role {
        match self {
            Home::Teacher(_) => Role::Teacher,
            Home::Pupil(_) => Role::Pupil,
            Home::Parent(_) => Role::Parent,
            Home::Leader(_) => Role::Leader,
        }
    }
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
    pub name: String,
    pub school_name: String,
    pub teams: Vec<TeamSummary>,
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
    pub name: String,
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
    pub name: String,
    pub school_name: String,
    pub classes: Vec<ClassSummary>,
    pub teacher_count: u32,
}
