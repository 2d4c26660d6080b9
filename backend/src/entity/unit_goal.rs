use domain::planning::GoalKind;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "unit_goal")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub unit_id: i32,
    pub kind: GoalKind,
    #[sea_orm(column_type = "Text")]
    pub own_text: Option<String>,
    pub framework_item_id: Option<i32>,
    pub scale_id: i32,
    #[sea_orm(column_type = "Text")]
    pub signs: String,
    pub position: i32,
    pub archived_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
