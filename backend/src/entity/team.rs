use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "team")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub name: String,
    pub subject: String,
    pub school_year: i32,
    pub archived_at: Option<i64>,
    /// The class whose hold this is: its pupils join and leave with the roster. `None` for a hold
    /// across classes (holddeling, valgfag).
    pub class_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
