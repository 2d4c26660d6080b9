use sea_orm::entity::prelude::*;

/// One of a school's own subjects (`domain::subjects::OwnSubject`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "school_subject")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub name: String,
    /// The name lower-cased: unique within the school.
    pub name_key: String,
    pub icon: String,
    pub first_grade: i16,
    pub last_grade: i16,
    /// The law's subjects it spans, as codes separated by commas.
    pub spans: String,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
