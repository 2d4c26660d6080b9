use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "school_year")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub start_year: i32,
    pub first_day: String,
    pub last_day: String,
    /// `domain::school_year::Holiday`s as JSON; `None` until the leader sets them.
    #[sea_orm(column_type = "Text", nullable)]
    pub holidays: Option<String>,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
