use sea_orm::entity::prelude::*;

/// One batch of people a leader confirmed for anonymising (`privacy`): counts, never names.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "erasure_batch")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub confirmed_by: i32,
    pub at: i64,
    pub pupils: i32,
    pub staff: i32,
    pub guardians: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
