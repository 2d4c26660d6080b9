use domain::pupil::WorkKind;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "portfolio_item")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub pupil_id: i32,
    pub school_id: i32,
    pub client_key: String,
    /// `domain::pupil::WorkKind::as_str`.
    pub kind: WorkKind,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub file_id: Option<i32>,
    pub task_id: Option<i32>,
    pub goal_id: Option<i32>,
    pub shared_with_family: bool,
    pub created_at: i64,
    pub archived_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
