//! Spire's native core. Every request path enters through a use case in one of the feature
//! modules; each use case asks the [`policy`] first and only then touches the database.

pub mod clock;
pub mod db;
pub mod demo;
pub mod entity;
pub mod evaluation;
pub mod family;
pub mod home;
pub mod identity;
pub mod leader;
pub mod library;
pub mod migration;
pub mod planning;
pub mod policy;
pub mod pupil;
pub mod pupil_plan;
pub mod request;
pub mod speech;

pub use identity::Principal;
pub use request::{RequestCtx, SessionChange};
pub use sea_orm::DatabaseConnection;

use domain::AppError;

/// A database failure is never the user's fault and never shown to them: log it, answer
/// `Internal`. Constraint violations that *are* the user's fault are mapped where they can happen.
pub(crate) fn db_err(err: sea_orm::DbErr) -> AppError {
    tracing::error!(error = %err, "database error");
    AppError::internal()
}
