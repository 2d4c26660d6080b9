//! What a guardian follows of a child, as it crosses the wire: only what the pupil sees
//! themselves, or what has been published or shared with the family.

use crate::calendar::Date;
use crate::evaluation::MyGoal;
use crate::home::ChildSummary;
use crate::pupil::{TodayTask, WorkItem};
use crate::school::Subject;
use serde::{Deserialize, Serialize};

/// A forløb a child is in this week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekUnit {
    pub title: String,
    pub subject: Subject,
    pub description: String,
}

/// A child by id and name, to switch between a guardian's children.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildRef {
    pub id: i64,
    pub name: String,
}

/// One child's week for their guardian.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildWeek {
    pub child: ChildSummary,
    /// All of the guardian's children (this one included), in the order of their home.
    pub children: Vec<ChildRef>,
    pub monday: Date,
    /// This week's tasks as the child sees them.
    pub tasks: Vec<TodayTask>,
    pub units: Vec<WeekUnit>,
    /// The child's own evaluations of their "mål og refleksion" goals.
    pub progress: Vec<MyGoal>,
    /// Work the child shared with the family.
    pub shared_work: Vec<WorkItem>,
    /// Whether a calendar link is active for this child (its address is shown only when made).
    pub calendar_link_active: bool,
}

/// The week's letter to a family: every child, calm and in one place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Digest {
    pub guardian_name: String,
    pub school_name: String,
    pub monday: Date,
    pub children: Vec<DigestChild>,
    /// The school's own subjects, so the letter can name them away from the app.
    pub own_subjects: Vec<crate::subjects::OwnSubject>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigestChild {
    pub name: String,
    pub class_name: String,
    pub tasks: Vec<TodayTask>,
    pub units: Vec<WeekUnit>,
    /// Elevplan versions published this week: their subject, or `None` for the collected plan.
    pub published_this_week: Vec<Option<Subject>>,
    pub shared_this_week: u32,
}
