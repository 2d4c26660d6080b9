//! Goal frameworks (Fælles Mål and later ones) as they cross the wire: versioned trees of items,
//! each with a stable id that plans refer to.

use crate::school::Subject;
use serde::{Deserialize, Serialize};

/// What an item of a framework is. The names are Spire's; the Danish terms are in the comments.
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
pub enum ItemKind {
    /// Fag.
    #[cfg_attr(feature = "db", sea_orm(string_value = "subject"))]
    Subject,
    /// Fagformål.
    #[cfg_attr(feature = "db", sea_orm(string_value = "purpose"))]
    Purpose,
    /// Kompetenceområde.
    #[cfg_attr(feature = "db", sea_orm(string_value = "area"))]
    Area,
    /// Kompetencemål, for a band of grades.
    #[cfg_attr(feature = "db", sea_orm(string_value = "competence_goal"))]
    CompetenceGoal,
    /// Færdigheds- og vidensområde.
    #[cfg_attr(feature = "db", sea_orm(string_value = "skill_area"))]
    SkillArea,
    /// Opmærksomhedspunkt.
    #[cfg_attr(feature = "db", sea_orm(string_value = "attention_point"))]
    AttentionPoint,
}

impl ItemKind {
    pub const ALL: [ItemKind; 6] = [
        ItemKind::Subject,
        ItemKind::Purpose,
        ItemKind::Area,
        ItemKind::CompetenceGoal,
        ItemKind::SkillArea,
        ItemKind::AttentionPoint,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Subject => "subject",
            ItemKind::Purpose => "purpose",
            ItemKind::Area => "area",
            ItemKind::CompetenceGoal => "competence_goal",
            ItemKind::SkillArea => "skill_area",
            ItemKind::AttentionPoint => "attention_point",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// One imported version of a framework.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameworkVersion {
    pub id: i64,
    /// Stable across versions, e.g. `faelles-maal`.
    pub key: String,
    pub title: String,
    pub version: String,
    pub item_count: u64,
}

/// A framework item as a search finds it, with the names of the items above it for context.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameworkItem {
    pub id: i64,
    /// The item's stable id in its framework, e.g. `dansk.laesning.efter-2.kompetencemaal`.
    pub key: String,
    pub kind: ItemKind,
    pub subject: Option<Subject>,
    /// The grades the item is for, when it is for a band (kompetencemål: "efter 2. klassetrin").
    pub grades: Option<(u8, u8)>,
    pub text: String,
    /// Names of the items above, outermost first: ["Dansk", "Læsning"].
    pub path: Vec<String>,
    pub framework: String,
    pub version: String,
}

/// What a teacher searches framework goals by; empty fields do not narrow.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalSearch {
    pub subject: Option<Subject>,
    pub grade: Option<u8>,
    pub words: String,
}

/// What one import did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameworkImport {
    pub framework_id: i64,
    /// False when this exact version was already imported: nothing changed.
    pub created: bool,
    pub items: u64,
    /// Items of earlier versions now mapped to an item of this one.
    pub crosswalked: u64,
}
