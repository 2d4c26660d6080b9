//! Limits on sign-in attempts over a sliding window, counted in the database so that every server
//! process enforces the same limit.
//!
//! An attempt is recorded before its secret is checked and counted after it is recorded, so
//! attempts sent in parallel all count: the check and the record are one step, and a burst cannot
//! slip past the limit between them. A right secret takes its attempt back.
//!
//! The keys keep people apart. Failures on an account count per address first: someone guessing
//! Anne's password from elsewhere cannot lock Anne out at school, and a locked account does not
//! lock out the other accounts at the same address. A much higher limit on the account from all
//! addresses stops guessing spread over many addresses. Password failures and login-card code
//! failures are counted apart, so a classroom of mistyped codes does not stop adults signing in.

use crate::db_err;
use crate::entity::sign_in_attempt;
use domain::{AppError, ErrorCode};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};

pub const WINDOW_SECS: i64 = 15 * 60;
/// Failures on one account from one address: enough for a child or a tired parent to mistype,
/// far too few to guess a password.
pub const MAX_FAILURES_PER_ACCOUNT: u64 = 10;
/// Failures on one account from all addresses: guessing spread over many addresses stops here,
/// and locking someone out takes this many guesses from at least ten addresses.
pub const MAX_FAILURES_PER_ACCOUNT_EVERYWHERE: u64 = 100;
/// Failures from one address on any account: a school shares one address behind its router, so
/// this allows for a classroom of mistakes; password spraying from one address stops here.
pub const MAX_FAILURES_PER_ADDRESS: u64 = 100;
/// Failed login-card codes from one address (codes name no account).
pub const MAX_CODE_FAILURES_PER_ADDRESS: u64 = 100;

/// What an attempt counts against, each key with its limit.
pub(crate) struct Keys {
    limits: Vec<(String, u64)>,
    /// The keys a right secret clears: the account's own failures.
    cleared_by_success: Vec<String>,
}

impl Keys {
    pub(crate) fn new(username: &str, address: Option<&str>) -> Self {
        let address = address.unwrap_or("unknown");
        let here = format!("account:{username}@{address}");
        let everywhere = format!("account:{username}");
        Self {
            limits: vec![
                (here.clone(), MAX_FAILURES_PER_ACCOUNT),
                (everywhere.clone(), MAX_FAILURES_PER_ACCOUNT_EVERYWHERE),
                (format!("address:{address}"), MAX_FAILURES_PER_ADDRESS),
            ],
            cleared_by_success: vec![here, everywhere],
        }
    }

    /// Login-card codes name no account: they are limited per address only.
    pub(crate) fn for_codes(address: Option<&str>) -> Self {
        Self {
            limits: vec![(
                format!("codes-from:{}", address.unwrap_or("unknown")),
                MAX_CODE_FAILURES_PER_ADDRESS,
            )],
            cleared_by_success: Vec::new(),
        }
    }
}

/// An attempt under way: it counts as a failure unless `succeeded` takes it back.
#[must_use = "a right secret must take its attempt back with `succeeded`"]
pub(crate) struct Attempt {
    ids: Vec<i32>,
    cleared_by_success: Vec<String>,
}

/// Records an attempt against every key and refuses it, before any secret is checked, when a key
/// is past its limit with it. A refused attempt stays recorded: hammering keeps the lock.
pub(crate) async fn attempt(
    db: &impl ConnectionTrait,
    keys: &Keys,
    now: i64,
) -> Result<Attempt, AppError> {
    let since = now - WINDOW_SECS;
    sign_in_attempt::Entity::delete_many()
        .filter(sign_in_attempt::Column::At.lte(since))
        .exec(db)
        .await
        .map_err(db_err)?;
    let mut ids = Vec::with_capacity(keys.limits.len());
    for (key, _) in &keys.limits {
        let row = sign_in_attempt::ActiveModel {
            key: Set(key.clone()),
            at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(db_err)?;
        ids.push(row.id);
    }
    for (key, limit) in &keys.limits {
        let made = sign_in_attempt::Entity::find()
            .filter(sign_in_attempt::Column::Key.eq(key.as_str()))
            .filter(sign_in_attempt::Column::At.gt(since))
            .count(db)
            .await
            .map_err(db_err)?;
        if made > *limit {
            return Err(AppError::new(ErrorCode::RateLimited));
        }
    }
    Ok(Attempt {
        ids,
        cleared_by_success: keys.cleared_by_success.clone(),
    })
}

impl Attempt {
    /// The secret was right: this attempt was no failure, and the account's earlier failures are
    /// forgotten (not the address's).
    pub(crate) async fn succeeded(self, db: &impl ConnectionTrait) -> Result<(), AppError> {
        sign_in_attempt::Entity::delete_many()
            .filter(sign_in_attempt::Column::Id.is_in(self.ids))
            .exec(db)
            .await
            .map_err(db_err)?;
        if !self.cleared_by_success.is_empty() {
            sign_in_attempt::Entity::delete_many()
                .filter(sign_in_attempt::Column::Key.is_in(self.cleared_by_success))
                .exec(db)
                .await
                .map_err(db_err)?;
        }
        Ok(())
    }
}
