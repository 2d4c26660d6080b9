//! Evaluations as they cross the wire: the teacher's grid for a forløb, and one pupil's
//! self-evaluation. A teacher's evaluation and the pupil's own are always two values, side by
//! side, never averaged.

use crate::AppError;
use crate::Field;
use crate::planning::{GoalKind, Scale};
use serde::{Deserialize, Serialize};

/// One evaluation: a step on the goal's scale and/or words, and when it was given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationValue {
    /// Index into the scale's steps, lowest 0.
    pub step: Option<u8>,
    pub comment: String,
    /// Unix seconds.
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridGoal {
    pub id: i64,
    pub text: String,
    pub kind: GoalKind,
    pub scale: Scale,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridPupil {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridCell {
    pub goal_id: i64,
    pub pupil_id: i64,
    pub teacher: Option<EvaluationValue>,
    /// Only for "mål og refleksion" goals.
    pub pupil: Option<EvaluationValue>,
    /// Pieces of the pupil's work the teachers chose as evidence for the goal.
    #[serde(default)]
    pub evidence: u32,
}

/// Pupils × goals for one forløb, for its teachers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationGrid {
    pub unit_id: i64,
    /// The forløb's hold.
    pub team_id: i64,
    pub unit_title: String,
    pub goals: Vec<GridGoal>,
    pub pupils: Vec<GridPupil>,
    pub cells: Vec<GridCell>,
}

/// A pupil's work that can show a goal: pieces made for the goal itself or for a task of its
/// forløb, newest first, and which of them the teachers chose as evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalWork {
    pub goal_id: i64,
    pub pupil_id: i64,
    pub pieces: Vec<crate::pupil::WorkItem>,
    /// Ids of the pieces chosen as evidence.
    pub evidence: Vec<i64>,
}

/// Every value one evaluation has had, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationHistory {
    pub teacher: Vec<EvaluationValue>,
    pub pupil: Vec<EvaluationValue>,
}

/// A comment on an evaluation: optional, at most 2,000 characters.
pub fn parse_comment(text: &str) -> Result<String, AppError> {
    let t = text.trim();
    if t.chars().count() > 2000 || t.chars().any(|c| c.is_control() && c != '\n') {
        return Err(AppError::invalid(Field::Comment));
    }
    Ok(t.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_may_be_empty_but_not_endless() {
        assert_eq!(parse_comment("  Godt læst  ").unwrap(), "Godt læst");
        assert_eq!(parse_comment("").unwrap(), "");
        assert!(parse_comment(&"a".repeat(2001)).is_err());
        assert!(parse_comment("a\u{0}b").is_err());
    }
}

/// A goal as the pupil meets it: the words, the scale, and only their own evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyGoal {
    pub goal_id: i64,
    pub text: String,
    pub unit_title: String,
    pub subject: crate::school::Subject,
    pub scale: Scale,
    pub mine: Option<EvaluationValue>,
    /// Every evaluation the pupil gave themselves on it, oldest first (the last is `mine`).
    #[serde(default)]
    pub history: Vec<EvaluationValue>,
}
