use domain::planning::TaskIcon;
use sea_orm::entity::prelude::*;

/// Whether `due_on` is the task's day, or the Monday of its week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum DueKind {
    #[sea_orm(string_value = "day")]
    Day,
    #[sea_orm(string_value = "week")]
    Week,
}

/// Who the task is for, as stored: the pupils of a group or a list are rows of `task_pupil`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum AudienceKind {
    #[sea_orm(string_value = "hold")]
    Hold,
    #[sea_orm(string_value = "group")]
    Group,
    #[sea_orm(string_value = "pupils")]
    Pupils,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "task")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub unit_id: i32,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub instruction: String,
    pub icon: TaskIcon,
    pub due_kind: DueKind,
    pub due_on: String,
    pub audience: AudienceKind,
    pub group_name: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub easier: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub harder: Option<String>,
    pub version: i64,
    pub archived_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
