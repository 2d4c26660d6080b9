use sea_orm::entity::prelude::*;

/// How a person belongs to a hold: teaching it (teachers and pædagoger) or being taught.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum MemberRole {
    #[sea_orm(string_value = "teacher")]
    Teacher,
    #[sea_orm(string_value = "pupil")]
    Pupil,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "team_member")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    pub person_id: i32,
    pub role: MemberRole,
    /// When they joined; `None` for memberships from before history was kept.
    pub joined_at: Option<i64>,
    /// When they left the hold; `None` while they are in it. Memberships are ended, never deleted.
    pub left_at: Option<i64>,
    pub left_reason: Option<LeftReason>,
    /// Who added them or, once they left, who removed them; `None` when the roster moved them.
    pub changed_by: Option<i32>,
}

/// Why a membership ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum LeftReason {
    /// Taken off the hold by a leader, the office or one of its teachers.
    #[sea_orm(string_value = "removed")]
    Removed,
    /// The pupil moved to another class, and the class's hold followed.
    #[sea_orm(string_value = "moved_class")]
    MovedClass,
    /// The pupil left the school.
    #[sea_orm(string_value = "left_school")]
    LeftSchool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
