use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub goal_id: i32,
    pub pupil_id: i32,
    pub author_id: i32,
    pub by_pupil: bool,
    pub step: Option<i16>,
    #[sea_orm(column_type = "Text")]
    pub comment: String,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
