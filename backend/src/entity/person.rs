use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "person")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub given_name: String,
    pub family_name: String,
    pub avatar: Option<String>,
    pub created_at: i64,
    pub left_at: Option<i64>,
    /// The UNI-ID (STIL's `uniid`) UNI-Login signs the person in by.
    pub external_id: Option<String>,
    /// When the person was anonymised after leaving (`privacy`): the name is gone for good.
    pub anonymised_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The name people are shown by: first name, then family name.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }
}
