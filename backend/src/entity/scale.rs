use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "scale")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: Option<i32>,
    pub name: String,
    #[sea_orm(column_type = "Text")]
    pub steps: String,
    pub faces: bool,
    pub created_by: Option<i32>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
