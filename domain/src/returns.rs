//! The way back from pupils to their teachers: for one task, who it is for, who has tapped
//! *Jeg er færdig*, and what each handed in.

use crate::feedback::Feedback;
use crate::pupil::WorkItem;
use serde::{Deserialize, Serialize};

/// A task as its teachers follow it, for the whole hold (or the pupils it is for) on one screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskReturns {
    pub task_id: i64,
    pub title: String,
    pub unit_id: i64,
    pub unit_title: String,
    pub team_id: i64,
    pub team_name: String,
    /// Everyone the task is for now, by name.
    pub pupils: Vec<PupilReturn>,
}

/// One pupil's answer to a task: done or not, and their work for it, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilReturn {
    pub pupil_id: i64,
    pub name: String,
    /// Unix seconds of their *Jeg er færdig*, if they tapped it.
    pub done_at: Option<i64>,
    /// Each piece carries the answers given on it.
    pub work: Vec<WorkItem>,
    /// Answers on the task as a whole, newest first.
    pub feedback: Vec<Feedback>,
}

impl TaskReturns {
    /// How many of the task's pupils are done.
    pub fn done(&self) -> u32 {
        let n = self.pupils.iter().filter(|p| p.done_at.is_some()).count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

/// A task due this week in one of the teacher's hold, for the teacher's home ("Denne uge").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekTask {
    pub task_id: i64,
    pub title: String,
    pub team_name: String,
    /// The day it is for; `None` for a task of the whole week.
    pub day: Option<crate::calendar::Date>,
    /// How many pupils it is for: the hold, or those it was given to.
    pub pupils: u32,
    /// How many of them tapped *Jeg er færdig*.
    pub done: u32,
    /// Pieces of work handed in for it.
    pub handed_in: u32,
}

/// A task pupils answered lately, for the teacher's home ("Nyt fra eleverne").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskNews {
    pub task_id: i64,
    pub title: String,
    pub team_name: String,
    /// Pieces of work handed in for it in the last seven days.
    pub handed_in: u32,
    /// *Jeg er færdig* tapped in the last seven days.
    pub done: u32,
    /// Unix seconds of the newest of them.
    pub latest: i64,
}

/// Everything one pupil made in a hold's forløb this school year, for the hold's teachers: by
/// forløb, the running ones first, then the latest before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilWorkInHold {
    pub team_id: i64,
    pub team_name: String,
    pub pupil_id: i64,
    pub pupil_name: String,
    pub units: Vec<UnitWork>,
    /// Work the pupil brought from earlier schools in their package, as it came, newest first.
    #[serde(default)]
    pub brought: Vec<BroughtWork>,
}

/// A piece of work from an earlier school: the school's name, and the piece as a work list shows
/// it (`item.task_title` is what it was made for there; its answers are read-only here).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BroughtWork {
    pub school: String,
    pub item: crate::pupil::WorkItem,
}

/// A pupil's work in one forløb: made for its tasks or its goals, newest first, with the answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitWork {
    pub unit_id: i64,
    pub title: String,
    /// The forløb runs this week.
    pub current: bool,
    pub pieces: Vec<WorkItem>,
    /// Each of the forløb's goals with every evaluation of the pupil on it, oldest first.
    pub goals: Vec<GoalTrack>,
}

/// A pupil's evaluations on one goal over time: the teachers' and the pupil's own, apart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalTrack {
    pub goal_id: i64,
    pub text: String,
    /// The scale's steps, lowest first.
    pub steps: Vec<String>,
    pub teacher: Vec<crate::evaluation::EvaluationValue>,
    pub pupil: Vec<crate::evaluation::EvaluationValue>,
}
