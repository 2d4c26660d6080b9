//! The pupil's day and work as they cross the wire: "I dag" (today's tasks with differentiation
//! applied) and "Mit arbejde" (photos, drawings, voice notes and words, linked to a task or goal).

use crate::Field;
use crate::calendar::Date;
use crate::error::AppError;
use crate::feedback::Feedback;
use crate::media;
use crate::planning::{Material, TaskIcon};
use crate::school::Subject;
use serde::{Deserialize, Serialize};

/// One task on the pupil's timeline, in the version this pupil was given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TodayTask {
    pub id: i64,
    pub title: String,
    /// The instruction of the pupil's variant (easier or harder where the teacher gave one).
    pub instruction: String,
    pub icon: TaskIcon,
    pub subject: Subject,
    pub unit_title: String,
    /// For the whole week rather than one day.
    pub this_week: bool,
    /// The day it is for, or the Monday of its week.
    pub due: Date,
    pub materials: Vec<Material>,
    /// The forløb's "mål og refleksion" goals, which work can be linked to.
    pub goals: Vec<TaskGoal>,
    pub done: bool,
    /// Teachers' answers on the task or on the pupil's work for it, newest first. Only the
    /// pupil's own "I dag" carries them; the family's week leaves them out.
    #[serde(default)]
    pub feedback: Vec<Feedback>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskGoal {
    pub id: i64,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Today {
    pub date: Date,
    /// Today's tasks first, then the week's, each in the order the teachers made them.
    pub tasks: Vec<TodayTask>,
}

/// What a piece of the pupil's work is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "db",
    sea_orm(
        rs_type = "String",
        db_type = "String(sea_orm::sea_query::StringLen::None)"
    )
)]
pub enum WorkKind {
    #[cfg_attr(feature = "db", sea_orm(string_value = "photo"))]
    Photo,
    #[cfg_attr(feature = "db", sea_orm(string_value = "drawing"))]
    Drawing,
    #[cfg_attr(feature = "db", sea_orm(string_value = "voice"))]
    Voice,
    #[cfg_attr(feature = "db", sea_orm(string_value = "text"))]
    Text,
}

impl WorkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            WorkKind::Photo => "photo",
            WorkKind::Drawing => "drawing",
            WorkKind::Voice => "voice",
            WorkKind::Text => "text",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            WorkKind::Photo,
            WorkKind::Drawing,
            WorkKind::Voice,
            WorkKind::Text,
        ]
        .into_iter()
        .find(|k| k.as_str() == text)
    }

    /// Whether a file of `content_type` may carry this kind of work. Text carries no file.
    pub fn accepts(self, content_type: &str) -> bool {
        let base = media::base_type(content_type);
        match self {
            WorkKind::Photo => ["image/jpeg", "image/png", "image/webp"].contains(&base),
            WorkKind::Drawing => base == "image/png",
            WorkKind::Voice => media::is_voice(content_type),
            WorkKind::Text => false,
        }
    }
}

/// The largest file a pupil's work may be. The client shrinks photos well below it first.
pub const MAX_WORK_BYTES: usize = 5 * 1024 * 1024;

/// The longest text a pupil may write as work or beside it.
pub const MAX_WORK_TEXT: usize = 2000;

/// The key the pupil's device gives a piece of work when it is made, so that sending it again after
/// a lost answer stores it once: 8–64 letters, digits or dashes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientKey(String);

impl ClientKey {
    pub fn parse(text: &str) -> Result<Self, AppError> {
        let ok = (8..=64).contains(&text.len())
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if ok {
            Ok(Self(text.to_owned()))
        } else {
            Err(AppError::invalid(Field::ClientKey))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A piece of work as the pupil's device sends it. A file travels as base64 in the JSON body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkUpload {
    pub client_key: String,
    pub kind: WorkKind,
    pub task_id: Option<i64>,
    pub goal_id: Option<i64>,
    pub text: String,
    pub content_type: Option<String>,
    pub data_base64: Option<String>,
}

impl WorkUpload {
    /// Everything that can be checked without the database: the key, the text, and that the
    /// kind has a file of an allowed type exactly when it needs one.
    pub fn check(&self) -> Result<ClientKey, AppError> {
        let key = ClientKey::parse(&self.client_key)?;
        if self.text.chars().count() > MAX_WORK_TEXT {
            return Err(AppError::invalid(Field::WorkText));
        }
        match (self.kind, &self.content_type, &self.data_base64) {
            (WorkKind::Text, None, None) if !self.text.trim().is_empty() => Ok(key),
            (WorkKind::Text, _, _) => Err(AppError::invalid(Field::WorkText)),
            (kind, Some(t), Some(_)) if kind.accepts(t) => Ok(key),
            _ => Err(AppError::invalid(Field::WorkFileType)),
        }
    }
}

/// A piece of work in "Mit arbejde".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkItem {
    pub id: i64,
    pub kind: WorkKind,
    pub text: String,
    /// Where the file is shown from, for photos, drawings and voice notes.
    pub file_url: Option<String>,
    pub task_title: Option<String>,
    pub goal_text: Option<String>,
    pub created_at: i64,
    /// The pupil shared it with their family.
    pub shared: bool,
    /// Teachers' answers on it, newest first (for the family: only those meant for them).
    #[serde(default)]
    pub feedback: Vec<Feedback>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(kind: WorkKind, content_type: Option<&str>, text: &str) -> WorkUpload {
        WorkUpload {
            client_key: "a1b2c3d4-e5f6".into(),
            kind,
            task_id: None,
            goal_id: None,
            text: text.into(),
            content_type: content_type.map(Into::into),
            data_base64: content_type.map(|_| "AAAA".into()),
        }
    }

    #[test]
    fn a_client_key_is_short_plain_and_not_empty() {
        assert!(ClientKey::parse("a1b2c3d4").is_ok());
        assert!(ClientKey::parse("short").is_err());
        assert!(ClientKey::parse("has space in it").is_err());
        assert!(ClientKey::parse(&"x".repeat(65)).is_err());
    }

    #[test]
    fn each_kind_of_work_takes_only_its_own_files() {
        assert!(WorkKind::Photo.accepts("image/jpeg"));
        assert!(WorkKind::Drawing.accepts("image/png"));
        assert!(!WorkKind::Drawing.accepts("image/jpeg"));
        assert!(WorkKind::Voice.accepts("audio/webm;codecs=opus"));
        assert!(!WorkKind::Voice.accepts("text/html"));
        assert!(!WorkKind::Photo.accepts("image/svg+xml"));
    }

    #[test]
    fn written_work_needs_words_and_no_file_and_files_need_an_allowed_type() {
        assert!(upload(WorkKind::Text, None, "Jeg talte 12").check().is_ok());
        assert!(upload(WorkKind::Text, None, "  ").check().is_err());
        assert!(
            upload(WorkKind::Photo, Some("image/png"), "")
                .check()
                .is_ok()
        );
        assert_eq!(
            upload(WorkKind::Photo, Some("text/html"), "")
                .check()
                .map_err(|e| e.field),
            Err(Some("work_file_type".into()))
        );
        assert!(upload(WorkKind::Voice, None, "").check().is_err());
        assert!(
            upload(WorkKind::Text, None, &"å".repeat(MAX_WORK_TEXT + 1))
                .check()
                .is_err()
        );
    }

    #[test]
    fn work_kinds_round_trip_through_their_stored_names() {
        for k in [
            WorkKind::Photo,
            WorkKind::Drawing,
            WorkKind::Voice,
            WorkKind::Text,
        ] {
            assert_eq!(WorkKind::parse(k.as_str()), Some(k));
        }
    }
}
