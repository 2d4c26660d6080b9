//! The sessions the load benchmark acts with, minted as rows like any sign-in makes.

use serde::{Deserialize, Serialize};

/// Sessions minted for the load benchmark, with what each person may read. Tokens are random
/// from the seed and stored only as hashes in the database, like every session.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct BenchSessions {
    pub leaders: Vec<LeaderSession>,
    pub pupils: Vec<PupilSession>,
    pub parents: Vec<ParentSession>,
    pub teachers: Vec<TeacherSession>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LeaderSession {
    pub token: String,
    pub person_id: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PupilSession {
    pub token: String,
    pub person_id: i64,
    /// Tasks of the pupil's current forløb (for "Jeg er færdig").
    pub tasks: Vec<i64>,
    /// Reflection goals of the pupil's current forløb (for self-evaluation), with their scale's
    /// step count.
    pub goals: Vec<(i64, u8)>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ParentSession {
    pub token: String,
    pub person_id: i64,
    pub children: Vec<i64>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TeacherSession {
    pub token: String,
    pub person_id: i64,
    pub year_plans: Vec<i64>,
    /// Forløb that have evaluations (for the evaluation grid).
    pub units: Vec<i64>,
    /// Tasks of current forløb (for the task's screen), those due before today answered.
    #[serde(default)]
    pub tasks: Vec<i64>,
    /// (hold, pupil) for a pupil's year in a hold they teach.
    #[serde(default)]
    pub pupils: Vec<(i64, i64)>,
    /// (goal, pupil) for a pupil's work on a goal of theirs (the grid's evidence section).
    #[serde(default)]
    pub goals: Vec<(i64, i64)>,
}
