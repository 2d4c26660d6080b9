use domain::audit::{AuditAct, AuditTopic};
use domain::identity::Role;
use sea_orm::entity::prelude::*;

/// One read or change of a pupil's data (`backend::audit`). Only ever inserted; deleted only when
/// older than the retention period.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub school_id: i32,
    pub at: i64,
    pub actor_id: i32,
    pub actor_role: Role,
    pub pupil_id: i32,
    pub topic: AuditTopic,
    pub act: AuditAct,
    /// The row the call was about (a plan, a piece of work, a goal …), when there is one.
    pub object_id: Option<i64>,
    #[sea_orm(column_type = "Text", nullable)]
    pub client_addr: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
