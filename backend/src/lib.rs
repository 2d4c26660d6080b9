//! Spire's native core. Every request path enters through a use case in one of the feature
//! modules; each use case asks the [`policy`] first and only then touches the database.

pub mod audit;
pub mod backup;
pub mod clock;
pub mod db;
pub mod demo;
pub mod entity;
pub mod evaluation;
pub mod facts;
pub mod family;
pub mod home;
pub mod identity;
pub mod leader;
pub mod library;
pub mod media;
pub mod migration;
pub mod planning;
pub mod policy;
pub mod principal;
pub mod privacy;
pub mod pupil;
pub mod pupil_plan;
pub mod request;
pub mod returns;
pub mod speech;
pub mod subjects;
pub mod teams;

pub use principal::Principal;
pub use request::{RequestCtx, SessionChange};
pub use sea_orm::DatabaseConnection;

use domain::AppError;
use domain::Field;

/// A database failure is never the user's fault and never shown to them: log it, answer
/// `Internal`. Constraint violations that *are* the user's fault are mapped where they can happen.
pub(crate) fn db_err(err: sea_orm::DbErr) -> AppError {
    tracing::error!(error = %err, "database error");
    AppError::internal()
}

/// A unique-constraint violation is the user's input colliding with what exists; anything else
/// is ours.
pub(crate) fn taken_or_internal(err: sea_orm::DbErr, field: domain::Field) -> AppError {
    match err.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => AppError::invalid(field),
        _ => db_err(err),
    }
}

/// A failed write: a unique constraint another request won (two teachers creating the same
/// årsplan at once) is theirs to see as `Conflict`; anything else is `db_err`.
pub(crate) fn write_err(err: sea_orm::DbErr) -> AppError {
    if matches!(
        err.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    ) {
        AppError::new(domain::ErrorCode::Conflict)
    } else {
        db_err(err)
    }
}

/// `version + 1` for a version a client sent: one it cannot have read is not a version at all.
pub(crate) fn next_version(version: i64) -> Result<i64, AppError> {
    version
        .checked_add(1)
        .ok_or_else(|| AppError::invalid(Field::Version))
}
