//! The audit trail: who read or changed a pupil's evaluations, plans or work, in what role, when and
//! from where. Leaders of the pupil's school and the pupil's guardians read it; nobody edits it.

use crate::identity::Role;
use serde::{Deserialize, Serialize};

/// What part of a pupil's data an entry is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "db",
    sea_orm(
        rs_type = "String",
        db_type = "String(sea_orm::sea_query::StringLen::None)"
    )
)]
pub enum AuditTopic {
    /// Teachers' evaluations and the pupil's own, with their history.
    #[cfg_attr(feature = "db", sea_orm(string_value = "evaluations"))]
    Evaluations,
    /// The elevplan: drafts, published versions, the pupil's reflection.
    #[cfg_attr(feature = "db", sea_orm(string_value = "plan"))]
    Plan,
    /// What the pupil made: photos, drawings, recordings, text, tasks marked done.
    #[cfg_attr(feature = "db", sea_orm(string_value = "work"))]
    Work,
    /// The teachers' answers to the pupil's work.
    #[cfg_attr(feature = "db", sea_orm(string_value = "feedback"))]
    Feedback,
    /// Evidence chosen for a goal from the pupil's work.
    #[cfg_attr(feature = "db", sea_orm(string_value = "evidence"))]
    Evidence,
    /// The whole pupil package, taken out or brought in.
    #[cfg_attr(feature = "db", sea_orm(string_value = "package"))]
    Package,
}

/// Whether the data was read or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "db",
    sea_orm(
        rs_type = "String",
        db_type = "String(sea_orm::sea_query::StringLen::None)"
    )
)]
pub enum AuditAct {
    #[cfg_attr(feature = "db", sea_orm(string_value = "read"))]
    Read,
    #[cfg_attr(feature = "db", sea_orm(string_value = "change"))]
    Change,
}

/// One line of the trail as its readers see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Unix seconds.
    pub at: i64,
    /// The school's day and time of it, e.g. "2026-12-07 09:14".
    pub when: String,
    pub who: String,
    pub role: Role,
    pub topic: AuditTopic,
    pub act: AuditAct,
    /// The network address the request came from, when known and the reader is the leader.
    pub from: Option<String>,
}

/// A pupil's trail, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditTrail {
    pub pupil_id: i64,
    pub pupil_name: String,
    pub entries: Vec<AuditEntry>,
    /// Older entries exist than `entries` holds (the school can give the whole trail).
    pub more: bool,
    /// The reader sees where each request came from (the school's leader; not the family).
    pub shows_addresses: bool,
    /// How many days entries are kept.
    pub retention_days: u32,
}
