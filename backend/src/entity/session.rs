use domain::identity::Role;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "session")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub person_id: i32,
    pub role: Role,
    pub created_at: i64,
    pub expires_at: i64,
    /// The level of assurance UNI-Login reported (`loa`), for sessions it started.
    pub assurance: Option<String>,
    /// A pupil's session on a class iPad: ends after this many seconds without a call.
    pub idle_secs: Option<i64>,
    /// The class iPad it was started on; closing the iPad ends it.
    pub device_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
