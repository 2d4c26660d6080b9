use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_voice")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub plan_id: i32,
    pub pupil_id: i32,
    /// The recording (`stored_file` of kind `reflection`).
    pub file_id: i32,
    pub recorded_at: i64,
    /// The teacher includes the recording in the next published version.
    pub in_plan: bool,
    #[sea_orm(column_type = "Text")]
    pub transcript: String,
    /// A published version plays it: the family may hear it from then on.
    pub published: bool,
    /// When the pupil recorded again (or it came with a package): no longer the draft's.
    pub superseded_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
