use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "task")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub unit_id: i32,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub instruction: String,
    pub icon: String,
    pub due_kind: String,
    pub due_on: String,
    pub audience: String,
    pub group_name: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub easier: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub harder: Option<String>,
    pub version: i64,
    pub archived_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
