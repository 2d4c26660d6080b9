//! Finding a plan, forløb or task with the caller's access to its hold, and the rules asked of
//! it; the school year's weeks that plans are placed in.

use crate::db::read::{self, Reads};
use crate::entity::{school_year, task, unit, year_plan};
use crate::facts::{HoldAccess, hold_access};
use crate::{Principal, db_err, policy};
use domain::Field;
use domain::calendar::Date;
use domain::school_year::Holiday;
use domain::{AppError, ErrorCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

pub(crate) fn conflict() -> AppError {
    AppError::new(ErrorCode::Conflict)
}

pub(crate) fn not_found() -> AppError {
    AppError::new(ErrorCode::NotFound)
}

pub(crate) fn id32(id: i64) -> Result<i32, AppError> {
    i32::try_from(id).map_err(|_| not_found())
}

/// Outsiders learn nothing, not even that the thing exists: another school's plan is NotFound.
pub(crate) fn hide_other_schools(p: &Principal, access: &HoldAccess) -> Result<(), AppError> {
    if access.team.school_id == p.school_id {
        Ok(())
    } else {
        Err(not_found())
    }
}

pub(crate) async fn plan_with_access(
    db: &impl Reads,
    p: &Principal,
    year_plan_id: i64,
) -> Result<(year_plan::Model, HoldAccess), AppError> {
    let plan = read::one(db, year_plan::Entity::find_by_id(id32(year_plan_id)?))
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let access = hold_access(db, p, plan.team_id).await?;
    hide_other_schools(p, &access)?;
    Ok((plan, access))
}

pub(crate) async fn unit_with_access(
    db: &impl Reads,
    p: &Principal,
    unit_id: i64,
) -> Result<(unit::Model, year_plan::Model, HoldAccess), AppError> {
    let unit = read::one(db, unit::Entity::find_by_id(id32(unit_id)?))
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let (plan, access) = plan_with_access(db, p, i64::from(unit.year_plan_id)).await?;
    Ok((unit, plan, access))
}

pub(crate) fn require_edit(p: &Principal, access: &HoldAccess) -> Result<(), AppError> {
    policy::require(policy::can_edit_year_plan(p, access.teaches))
}

pub(crate) fn require_view(p: &Principal, access: &HoldAccess) -> Result<(), AppError> {
    policy::require(policy::can_view_year_plan(
        p,
        access.teaches,
        access.team.school_id,
    ))
}

pub(crate) fn require_restore(p: &Principal, access: &HoldAccess) -> Result<(), AppError> {
    policy::require(policy::can_restore_plan(
        p,
        access.teaches,
        access.team.school_id,
    ))
}

/// The school year's first and last day; a year without a record gets the proposed dates.
pub(crate) async fn year_dates(
    db: &impl Reads,
    school_id: i32,
    start_year: i32,
) -> Result<(Date, Date), AppError> {
    let (first, last, _) = year_calendar(db, school_id, start_year).await?;
    Ok((first, last))
}

/// A school year's first and last day and its holidays, in one read: the school's, or Spire's
/// proposal for a year the school has not set.
pub(crate) async fn year_calendar(
    db: &impl Reads,
    school_id: i32,
    start_year: i32,
) -> Result<(Date, Date, Vec<Holiday>), AppError> {
    let row = read::one(
        db,
        school_year::Entity::find()
            .filter(school_year::Column::SchoolId.eq(school_id))
            .filter(school_year::Column::StartYear.eq(start_year)),
    )
    .await
    .map_err(db_err)?;
    match row {
        Some(r) => Ok((
            Date::parse(&r.first_day, Field::FirstDay).map_err(|_| AppError::internal())?,
            Date::parse(&r.last_day, Field::LastDay).map_err(|_| AppError::internal())?,
            crate::identity::school_year::holidays_of(&r)?,
        )),
        None => {
            let (first, last) = domain::school_year::SchoolYear::default_dates(start_year)
                .ok_or_else(AppError::internal)?;
            Ok((first, last, domain::school_year::proposed(start_year)))
        }
    }
}

/// Every Monday from the week of `first` to the week of `last`.
pub(crate) fn mondays(first: Date, last: Date) -> Result<Vec<Date>, AppError> {
    let mut out = Vec::new();
    let mut at = first.monday();
    while at <= last && out.len() < 60 {
        out.push(at);
        at = at.add_days(7).ok_or_else(AppError::internal)?;
    }
    Ok(out)
}

pub(crate) fn parse_stored_date(text: &str) -> Result<Date, AppError> {
    Date::parse(text, Field::Date).map_err(|_| AppError::internal())
}

pub(crate) async fn task_with_access(
    db: &impl Reads,
    p: &Principal,
    task_id: i64,
) -> Result<(task::Model, year_plan::Model, HoldAccess), AppError> {
    let t = read::one(db, task::Entity::find_by_id(id32(task_id)?))
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let (_, plan, access) = unit_with_access(db, p, i64::from(t.unit_id)).await?;
    Ok((t, plan, access))
}
