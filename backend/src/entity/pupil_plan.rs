use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pupil_plan")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub pupil_id: i32,
    pub school_year: i32,
    /// A subject's stable name, or '' for the collected plan.
    pub subject: String,
    #[sea_orm(column_type = "Text")]
    pub status: String,
    #[sea_orm(column_type = "Text")]
    pub goals: String,
    #[sea_orm(column_type = "Text")]
    pub follow_up: String,
    #[sea_orm(column_type = "Text")]
    pub wellbeing: String,
    #[sea_orm(column_type = "Text")]
    pub all_round: String,
    #[sea_orm(column_type = "Text")]
    pub education: String,
    #[sea_orm(column_type = "Text")]
    pub support: String,
    pub receives_support: bool,
    #[sea_orm(column_type = "Text")]
    pub pupil_reflection: String,
    pub version: i32,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
