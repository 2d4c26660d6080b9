use sea_orm::entity::prelude::*;

/// What a stored file is, which decides who reads it and where it is served.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum FileKind {
    /// Teaching material attached to a forløb: `/filer/{key}`, for the school's planners and the
    /// hold's pupils.
    #[sea_orm(string_value = "material")]
    Material,
    /// A pupil's photo, drawing or voice note: only `/arbejde/{item}`, under the portfolio's rules.
    #[sea_orm(string_value = "pupil_work")]
    PupilWork,
    /// A teacher's recorded answer to a pupil: only `/svar/{feedback}`, under the answer's rules.
    #[sea_orm(string_value = "feedback")]
    Feedback,
    /// A pupil's recorded elevplan reflection: only `/refleksion/{recording}`, under the plan's
    /// rules.
    #[sea_orm(string_value = "reflection")]
    Reflection,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stored_file")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub uploaded_by: i32,
    pub name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    #[sea_orm(column_type = "Blob")]
    pub bytes: Vec<u8>,
    pub created_at: i64,
    pub kind: FileKind,
    /// 128 random bits (hex): the address a file is served at, so ids cannot be walked.
    pub public_key: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
