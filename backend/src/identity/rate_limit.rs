//! Limits on failed sign-ins, per account and per network address, over a sliding window. Counted
//! in the database so that every server process enforces the same limit.

use crate::db_err;
use crate::entity::sign_in_attempt;
use domain::{AppError, ErrorCode};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};

pub const WINDOW_SECS: i64 = 15 * 60;
/// Enough for a child or a tired parent to mistype; far too few to guess a password.
pub const MAX_FAILURES_PER_ACCOUNT: u64 = 10;
/// A school shares one address behind its router; allow for a classroom of mistakes.
pub const MAX_FAILURES_PER_ADDRESS: u64 = 100;

pub(crate) struct Keys {
    account: String,
    account_limit: u64,
    address: Option<String>,
}

impl Keys {
    pub(crate) fn new(username: &str, address: Option<&str>) -> Self {
        Self {
            account: format!("account:{username}"),
            account_limit: MAX_FAILURES_PER_ACCOUNT,
            address: address.map(|a| format!("address:{a}")),
        }
    }

    /// Login-card codes name no account: they are limited per address only (a classroom of
    /// mistyped codes shares one).
    pub(crate) fn for_codes(address: Option<&str>) -> Self {
        Self {
            account: format!("codes-from:{}", address.unwrap_or("unknown")),
            account_limit: MAX_FAILURES_PER_ADDRESS,
            address: None,
        }
    }
}

async fn failures(db: &impl ConnectionTrait, key: &str, since: i64) -> Result<u64, AppError> {
    sign_in_attempt::Entity::find()
        .filter(sign_in_attempt::Column::Key.eq(key))
        .filter(sign_in_attempt::Column::At.gt(since))
        .count(db)
        .await
        .map_err(db_err)
}

/// Refuses before any password is checked when either limit is reached.
pub(crate) async fn check(
    db: &impl ConnectionTrait,
    keys: &Keys,
    now: i64,
) -> Result<(), AppError> {
    let since = now - WINDOW_SECS;
    if failures(db, &keys.account, since).await? >= keys.account_limit {
        return Err(AppError::new(ErrorCode::RateLimited));
    }
    if let Some(address) = &keys.address
        && failures(db, address, since).await? >= MAX_FAILURES_PER_ADDRESS
    {
        return Err(AppError::new(ErrorCode::RateLimited));
    }
    Ok(())
}

/// Records a failure against both keys, and forgets failures older than the window.
pub(crate) async fn record_failure(
    db: &impl ConnectionTrait,
    keys: &Keys,
    now: i64,
) -> Result<(), AppError> {
    sign_in_attempt::Entity::delete_many()
        .filter(sign_in_attempt::Column::At.lte(now - WINDOW_SECS))
        .exec(db)
        .await
        .map_err(db_err)?;
    for key in std::iter::once(&keys.account).chain(keys.address.as_ref()) {
        sign_in_attempt::ActiveModel {
            key: Set(key.clone()),
            at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(db_err)?;
    }
    Ok(())
}

/// A successful sign-in clears the account's failures (not the address's).
pub(crate) async fn record_success(db: &impl ConnectionTrait, keys: &Keys) -> Result<(), AppError> {
    sign_in_attempt::Entity::delete_many()
        .filter(sign_in_attempt::Column::Key.eq(keys.account.as_str()))
        .exec(db)
        .await
        .map_err(db_err)?;
    Ok(())
}
