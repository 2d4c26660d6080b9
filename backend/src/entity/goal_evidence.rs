use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "goal_evidence")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub goal_id: i32,
    pub pupil_id: i32,
    /// The piece of the pupil's work (`portfolio_item`).
    pub item_id: i32,
    pub chosen_by: i32,
    pub chosen_at: i64,
    /// When a teacher took it away again; the row stays.
    pub removed_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
