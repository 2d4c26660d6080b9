use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "imported_work")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub pupil_id: i32,
    pub imported_at: i64,
    /// `domain::pupil_plan::PackageWork` as JSON.
    #[sea_orm(column_type = "Text")]
    pub content: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
