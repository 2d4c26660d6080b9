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
    /// This year's årsplan of the hold, if one is made: the hold's card opens it.
    pub year_plan: Option<PlanRef>,
}

/// An årsplan by id and title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRef {
    pub id: i64,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeacherHome {
    pub me: Me,
    pub teams: Vec<TeamSummary>,
    /// Classes this person may turn an iPad into a class iPad for.
    pub classes: Vec<ClassRef>,
    /// The tasks of their hold that pupils answered in the last seven days, newest first.
    pub news: Vec<crate::returns::TaskNews>,
    /// This week's tasks across their hold, the week's first, then by day.
    #[serde(default)]
    pub this_week: Vec<crate::returns::WeekTask>,
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
    /// This year's hold with their planning, by class and subject.
    pub holds: Vec<HoldPlanning>,
    /// Elevplan status per grade, with each pupil for the drill-down.
    pub grades: Vec<GradePlans>,
}

/// Aggregates about pupils are shown only for groups at least this large, so no figure points
/// at one child.
pub const MIN_AGGREGATE_GROUP: u32 = 5;

/// A hold's planning this year, for the leader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldPlanning {
    pub team_id: i64,
    pub name: String,
    pub subject: Subject,
    pub class_names: Vec<String>,
    pub pupil_count: u32,
    /// The hold's årsplan this year, if it has one (for the drill-down).
    pub year_plan_id: Option<i64>,
    pub unit_count: u32,
    /// How many of the hold's pupils evaluated themselves on a goal this year; `None` when the
    /// hold has fewer than `MIN_AGGREGATE_GROUP` pupils.
    pub pupils_self_evaluated: Option<u32>,
}

/// Where a pupil's elevplan stands this year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Published,
    Draft,
    Missing,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilPlanStatus {
    pub pupil_id: i64,
    pub name: String,
    pub class_name: String,
    pub status: PlanStatus,
    /// Required parts (DESIGN: meddelelsesbog minimum) the year's plans do not cover yet.
    pub missing_parts: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradePlans {
    pub grade: u8,
    pub pupils: Vec<PupilPlanStatus>,
}

impl GradePlans {
    pub fn count(&self, status: PlanStatus) -> usize {
        self.pupils.iter().filter(|p| p.status == status).count()
    }

    pub fn missing_required(&self) -> usize {
        self.pupils.iter().filter(|p| p.missing_parts > 0).count()
    }
}
