//! A teacher's answer to a pupil's work or task: words, a voice recording or a sticker, which
//! the pupil hears without reading, and which the family sees with work the child shared when the
//! teacher chose so.

use crate::error::AppError;
use crate::field::Field;
use crate::media;
use serde::{Deserialize, Serialize};

/// One of the few ready answers a teacher gives with one tap. Each is a picture with its words,
/// which the pupil hears read aloud.
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
pub enum Sticker {
    /// "Flot arbejde"
    #[cfg_attr(feature = "db", sea_orm(string_value = "star"))]
    Star,
    /// "Godt gået"
    #[cfg_attr(feature = "db", sea_orm(string_value = "thumbs_up"))]
    ThumbsUp,
    /// "Du har arbejdet hårdt"
    #[cfg_attr(feature = "db", sea_orm(string_value = "effort"))]
    Effort,
    /// "Det vil jeg gerne høre mere om"
    #[cfg_attr(feature = "db", sea_orm(string_value = "tell_more"))]
    TellMore,
}

impl Sticker {
    pub const ALL: [Sticker; 4] = [
        Sticker::Star,
        Sticker::ThumbsUp,
        Sticker::Effort,
        Sticker::TellMore,
    ];
}

/// What a teacher's answer is: words, their voice, or a sticker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackBody {
    Text(String),
    /// Where the recording is played from.
    Voice {
        url: String,
    },
    Sticker(Sticker),
}

/// A teacher's answer to a pupil, on a piece of work or on a task.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub id: i64,
    pub body: FeedbackBody,
    /// The teacher who gave it, by name.
    pub author: String,
    /// Unix seconds.
    pub created_at: i64,
    /// The family sees it with the piece of work, once the pupil shares the piece.
    pub for_family: bool,
    /// The pupil has not yet had it on a screen.
    pub new: bool,
}

/// The longest written answer.
pub const MAX_FEEDBACK_TEXT: usize = 1000;

/// The longest voice answer, as a file. A minute of speech in the browsers' formats is well below.
pub const MAX_FEEDBACK_VOICE_BYTES: usize = 3 * 1024 * 1024;

/// An answer as the teacher's device sends it. A recording travels as base64 in the JSON body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackUpload {
    Text(String),
    Voice {
        content_type: String,
        data_base64: String,
    },
    Sticker(Sticker),
}

/// What an answer is given on: a piece of the pupil's work, or the pupil's task as a whole
/// (for a pupil who handed nothing in, or to answer all of it at once).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackOn {
    Work { item_id: i64 },
    Task { task_id: i64, pupil_id: i64 },
}

/// A teacher's answer, as sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackInput {
    pub on: FeedbackOn,
    pub body: FeedbackUpload,
    /// Whether the family may see it with the piece of work the pupil shared. Answers on a task
    /// as a whole stay between teacher and pupil.
    pub for_family: bool,
}

impl FeedbackInput {
    /// Everything that can be checked without the database: words within bounds, a recording of
    /// a voice type.
    pub fn check(&self) -> Result<(), AppError> {
        match &self.body {
            FeedbackUpload::Text(text) => {
                let text = text.trim();
                if text.is_empty() || text.chars().count() > MAX_FEEDBACK_TEXT {
                    return Err(AppError::invalid(Field::Feedback));
                }
            }
            FeedbackUpload::Voice { content_type, .. } => {
                if !media::is_voice(content_type) {
                    return Err(AppError::invalid(Field::FeedbackFile));
                }
            }
            FeedbackUpload::Sticker(_) => {}
        }
        if self.for_family && matches!(self.on, FeedbackOn::Task { .. }) {
            return Err(AppError::invalid(Field::Feedback));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(body: FeedbackUpload, for_family: bool) -> FeedbackInput {
        FeedbackInput {
            on: FeedbackOn::Work { item_id: 1 },
            body,
            for_family,
        }
    }

    #[test]
    fn a_written_answer_has_words_and_not_too_many() {
        assert!(
            input(FeedbackUpload::Text("Flot!".into()), true)
                .check()
                .is_ok()
        );
        assert!(
            input(FeedbackUpload::Text("   ".into()), false)
                .check()
                .is_err()
        );
        let long = "a".repeat(MAX_FEEDBACK_TEXT + 1);
        assert!(input(FeedbackUpload::Text(long), false).check().is_err());
    }

    #[test]
    fn a_voice_answer_must_be_sound() {
        let voice = |ct: &str| FeedbackUpload::Voice {
            content_type: ct.into(),
            data_base64: "AAAA".into(),
        };
        assert!(
            input(voice("audio/webm;codecs=opus"), false)
                .check()
                .is_ok()
        );
        assert_eq!(
            input(voice("text/html"), false).check(),
            Err(AppError::invalid(Field::FeedbackFile))
        );
    }

    #[test]
    fn only_an_answer_on_a_piece_of_work_can_reach_the_family() {
        let on_task = FeedbackInput {
            on: FeedbackOn::Task {
                task_id: 1,
                pupil_id: 2,
            },
            body: FeedbackUpload::Sticker(Sticker::Star),
            for_family: true,
        };
        assert!(on_task.check().is_err());
        assert!(
            input(FeedbackUpload::Sticker(Sticker::Star), true)
                .check()
                .is_ok()
        );
    }
}
