//! The private calendar link: a guardian makes one per child, and it can be revoked. The link
//! carries a 256-bit secret; only its hash is stored, so neither a leaked database nor a guess
//! opens a feed.

use super::ics;
use crate::db::read::{self, Reads};
use crate::entity::school;
use crate::entity::{calendar_feed, guardianship, person};
use crate::facts::CurrentUnits;
use crate::identity::{current_principal, new_token, token_hash};
use crate::pupil::today::{Due, as_seen_by_pupil, pupils_tasks};
use crate::{RequestCtx, clock, db_err};
use domain::{AppError, ErrorCode};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// Where a feed is served: followed by the secret and `.ics`.
pub use domain::paths::CALENDAR as CALENDAR_PATH;

pub(crate) async fn active_link(
    db: &impl Reads,
    guardian_id: i32,
    pupil_id: i32,
) -> Result<bool, AppError> {
    Ok(read::one(
        db,
        calendar_feed::Entity::find()
            .filter(calendar_feed::Column::GuardianId.eq(guardian_id))
            .filter(calendar_feed::Column::PupilId.eq(pupil_id))
            .filter(calendar_feed::Column::RevokedAt.is_null()),
    )
    .await
    .map_err(db_err)?
    .is_some())
}

async fn revoke_all(
    db: &impl ConnectionTrait,
    guardian_id: i32,
    pupil_id: i32,
) -> Result<(), AppError> {
    calendar_feed::Entity::update_many()
        .col_expr(calendar_feed::Column::RevokedAt, Expr::value(clock::now()))
        .filter(calendar_feed::Column::GuardianId.eq(guardian_id))
        .filter(calendar_feed::Column::PupilId.eq(pupil_id))
        .filter(calendar_feed::Column::RevokedAt.is_null())
        .exec(db)
        .await
        .map_err(db_err)?;
    Ok(())
}

/// A new calendar link for a child (any earlier one stops working). Returns its path.
pub async fn make_link(ctx: &RequestCtx, pupil_id: i64) -> Result<String, AppError> {
    let p = current_principal(ctx).await?;
    let id = i32::try_from(pupil_id).map_err(|_| AppError::new(ErrorCode::NotFound))?;
    super::require_follow(&ctx.db, &p, id).await?;
    let token = new_token();
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    revoke_all(&txn, p.person_id, id).await?;
    calendar_feed::ActiveModel {
        guardian_id: Set(p.person_id),
        pupil_id: Set(id),
        token_hash: Set(token_hash(&token)),
        created_at: Set(clock::now()),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    txn.commit().await.map_err(db_err)?;
    Ok(format!("{CALENDAR_PATH}/{token}.ics"))
}

/// Stops the child's calendar link.
pub async fn revoke_link(ctx: &RequestCtx, pupil_id: i64) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let id = i32::try_from(pupil_id).map_err(|_| AppError::new(ErrorCode::NotFound))?;
    super::require_follow(&ctx.db, &p, id).await?;
    revoke_all(&ctx.db, p.person_id, id).await
}

/// The feed behind a link: this week's and next week's tasks, as the child sees them. No
/// session: the secret is the credential, and it stops working when revoked or when the guardian
/// no longer has access to the child. Anything else is NotFound, telling a guesser nothing.
/// `now` is the instant asked at (unix seconds): the feed's weeks are the child's school's.
pub async fn feed(db: &impl Reads, token: &str, now: i64) -> Result<String, AppError> {
    let not_found = || AppError::new(ErrorCode::NotFound);
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(not_found());
    }
    let link = calendar_feed::Entity::find()
        .filter(calendar_feed::Column::TokenHash.eq(token_hash(token)))
        .filter(calendar_feed::Column::RevokedAt.is_null())
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let still_allowed = guardianship::Entity::find()
        .filter(guardianship::Column::GuardianId.eq(link.guardian_id))
        .filter(guardianship::Column::PupilId.eq(link.pupil_id))
        .filter(guardianship::Column::HasAccess.eq(true))
        .one(db)
        .await
        .map_err(db_err)?
        .is_some();
    let child = person::Entity::find_by_id(link.pupil_id)
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|c| still_allowed && c.left_at.is_none())
        .ok_or_else(not_found)?;
    let zone = school::Entity::find_by_id(child.school_id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::internal)?
        .time_zone;
    let date = clock::day_at(now, &zone)?;
    let school_year =
        crate::identity::school_year::current_start_year(db, child.school_id, date).await?;
    let monday = date.monday();
    let current = CurrentUnits::of(db, child.id, school_year).await?;
    let tasks = pupils_tasks(db, child.id, &current, &Due::weeks(monday, 2)?).await?;
    let tasks = as_seen_by_pupil(db, child.id, &current, tasks).await?;
    let now = ics_stamp(now)?;
    Ok(ics::render(&child.full_name(), &tasks, &now))
}

/// Unix seconds as an iCalendar UTC date-time (`DTSTAMP`).
fn ics_stamp(secs: i64) -> Result<String, AppError> {
    let t = jiff::Timestamp::from_second(secs).map_err(|_| AppError::internal())?;
    Ok(t.strftime("%Y%m%dT%H%M%SZ").to_string())
}
