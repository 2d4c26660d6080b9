//! The goal-framework file Spire reads (`docs/frameworks.md`): its shape and why a file is refused.

use domain::framework::ItemKind;
use domain::school::Subject;
use serde::Deserialize;

/// The `format` value of the files this version of Spire reads.
pub const FORMAT: &str = "spire-framework/1";

#[derive(Debug, Deserialize)]
pub struct FrameworkFile {
    pub format: String,
    pub framework: Header,
    pub items: Vec<ItemIn>,
    #[serde(default)]
    pub associations: Vec<Association>,
    #[serde(default)]
    pub crosswalk: Vec<Crosswalk>,
}

#[derive(Debug, Deserialize)]
pub struct Header {
    pub key: String,
    pub title: String,
    pub version: String,
}

#[derive(Debug, Deserialize)]
pub struct ItemIn {
    pub id: String,
    pub kind: ItemKind,
    #[serde(default)]
    pub subject: Option<Subject>,
    /// First and last grade of the band, e.g. `[1, 2]` for "efter 2. klassetrin".
    #[serde(default)]
    pub grades: Option<[u8; 2]>,
    pub text: String,
}

/// CASE's `isChildOf`: the only association Spire needs for a tree.
#[derive(Debug, Deserialize)]
pub struct Association {
    #[serde(rename = "type")]
    pub kind: String,
    pub child: String,
    pub parent: String,
}

/// An item id of an earlier version of the same framework, and the id it has in this one.
#[derive(Debug, Deserialize)]
pub struct Crosswalk {
    pub from: String,
    pub to: String,
}

/// Why a file was refused. Nothing is written when there is any.
#[derive(Debug, PartialEq, Eq)]
pub enum ImportError {
    Unreadable(String),
    Invalid(Vec<String>),
    Database,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Unreadable(why) => write!(f, "the file is not a framework file: {why}"),
            ImportError::Invalid(problems) => {
                write!(f, "the file has {} problem(s):", problems.len())?;
                for p in problems {
                    write!(f, "\n  - {p}")?;
                }
                Ok(())
            }
            ImportError::Database => write!(f, "the database refused the import (see the log)"),
        }
    }
}
