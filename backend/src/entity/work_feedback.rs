use domain::feedback::Sticker;
use sea_orm::entity::prelude::*;

/// What an answer is: which of `text`, `file_id` and `sticker` carries it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum FeedbackKind {
    #[sea_orm(string_value = "text")]
    Text,
    #[sea_orm(string_value = "voice")]
    Voice,
    #[sea_orm(string_value = "sticker")]
    Sticker,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "work_feedback")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub pupil_id: i32,
    /// The task answered, or the task of the piece answered.
    pub task_id: Option<i32>,
    /// The piece of work answered; none for an answer on a task as a whole.
    pub item_id: Option<i32>,
    pub author_id: i32,
    pub kind: FeedbackKind,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub sticker: Option<Sticker>,
    pub file_id: Option<i32>,
    pub for_family: bool,
    pub created_at: i64,
    /// When the pupil first had it on a screen.
    pub seen_at: Option<i64>,
    pub archived_at: Option<i64>,
}

/// The author's name is read with the answers, in the same statement: every screen of answers
/// names who gave them.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::person::Entity",
        from = "Column::AuthorId",
        to = "super::person::Column::Id"
    )]
    Author,
}

impl Related<super::person::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Author.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
