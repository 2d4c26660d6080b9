use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "school")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    /// IANA zone name; the school's "today" and weeks are computed in it (`clock`).
    pub time_zone: String,
    pub created_at: i64,
    /// The institution number UNI-Login tokens must name for a sign-in to this school.
    pub institution_number: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
