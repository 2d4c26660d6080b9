use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pupil_code")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub person_id: i32,
    /// HMAC-SHA-256 of the code with the server's secret (hex).
    #[sea_orm(unique)]
    pub code_hash: String,
    pub created_at: i64,
    /// The end of the school year the card was printed in (the school's midnight after its last
    /// day).
    pub expires_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
