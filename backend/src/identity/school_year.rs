//! School years as the school sets them. A school is "in" the latest year whose first day has
//! come, so a school that starts on 10 August is still in the old year on the 5th, and a year can
//! be prepared (its classes created) before it begins.

use super::{Principal, current_principal};
use crate::entity::school_year;
use crate::{RequestCtx, db_err, policy};
use domain::AppError;
use domain::Field;
use domain::calendar::Date;
use domain::school_year::SchoolYear;
use domain::school_year::{self as holidays, Holiday, HolidayInput};
use sea_orm::sea_query::{Expr, ExprTrait, Order, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, IdenStatic, QueryFilter, QueryOrder, Set,
};

/// The start year of the school year `school_id` is in on `today`. Without any record yet (a
/// school just created), the calendar's school year.
pub async fn current_start_year(
    db: &impl ConnectionTrait,
    school_id: i32,
    today: Date,
) -> Result<i32, AppError> {
    let query = started_year(Expr::val(school_id), today);
    let started = db
        .query_one_raw(db.get_database_backend().build(&query))
        .await
        .map_err(db_err)?
        .map(|row| row.try_get::<i32>("", school_year::Column::StartYear.as_str()))
        .transpose()
        .map_err(db_err)?;
    Ok(started.unwrap_or_else(|| calendar_school_year(today)))
}

/// The start year of the latest year of `school` whose first day has come by `today`: no row
/// before the school has any. `school` may be a value or a column of an outer query (the
/// principal asks for it inside its own statement).
pub(crate) fn started_year(school: Expr, today: Date) -> SelectStatement {
    Query::select()
        .column((school_year::Entity, school_year::Column::StartYear))
        .from(school_year::Entity)
        .and_where(ExprTrait::eq(
            Expr::col((school_year::Entity, school_year::Column::SchoolId)),
            school,
        ))
        .and_where(school_year::Column::FirstDay.lte(today.to_string()))
        .order_by(
            (school_year::Entity, school_year::Column::StartYear),
            Order::Desc,
        )
        .limit(1)
        .to_owned()
}

/// August onwards belongs to the year starting that calendar year.
pub(crate) fn calendar_school_year(today: Date) -> i32 {
    if today.month() >= 8 {
        today.year()
    } else {
        today.year() - 1
    }
}

/// Makes sure the year has a record, with proposed dates if the school has set none.
pub(crate) async fn ensure(
    db: &impl ConnectionTrait,
    school_id: i32,
    start_year: i32,
) -> Result<(), AppError> {
    let (first, last) =
        SchoolYear::default_dates(start_year).ok_or_else(|| AppError::invalid(Field::StartYear))?;
    school_year::Entity::insert(school_year::ActiveModel {
        school_id: Set(school_id),
        start_year: Set(start_year),
        first_day: Set(first.to_string()),
        last_day: Set(last.to_string()),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([
        school_year::Column::SchoolId,
        school_year::Column::StartYear,
    ])
    .exec(db)
    .await
    .map_err(db_err)?;
    Ok(())
}

fn to_domain(row: &school_year::Model, current: i32) -> Result<SchoolYear, AppError> {
    let first_day =
        Date::parse(&row.first_day, Field::FirstDay).map_err(|_| AppError::internal())?;
    let last_day = Date::parse(&row.last_day, Field::LastDay).map_err(|_| AppError::internal())?;
    Ok(SchoolYear {
        start_year: row.start_year,
        holidays: holidays_of(row)?,
        holidays_set: row.holidays.is_some(),
        first_day,
        last_day,
        current: row.start_year == current,
        version: row.version,
    })
}

/// A year's holidays as stored, or Spire's proposal for a year whose holidays nobody set.
pub(crate) fn holidays_of(row: &school_year::Model) -> Result<Vec<Holiday>, AppError> {
    match &row.holidays {
        Some(json) => serde_json::from_str(json).map_err(|e| {
            tracing::error!(error = %e, year = row.id, "stored holidays are not readable");
            AppError::internal()
        }),
        None => Ok(holidays::proposed(row.start_year)),
    }
}

async fn admin(ctx: &RequestCtx) -> Result<Principal, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_administer_school(&p, p.school_id))?;
    Ok(p)
}

/// The school's years, newest first; the current one and the next are always there to set.
pub async fn list(ctx: &RequestCtx) -> Result<Vec<SchoolYear>, AppError> {
    let p = admin(ctx).await?;
    let db = &ctx.db;
    ensure(db, p.school_id, p.school_year).await?;
    ensure(db, p.school_id, p.school_year + 1).await?;
    let rows = school_year::Entity::find()
        .filter(school_year::Column::SchoolId.eq(p.school_id))
        .order_by_desc(school_year::Column::StartYear)
        .all(db)
        .await
        .map_err(db_err)?;
    rows.iter().map(|r| to_domain(r, p.school_year)).collect()
}

/// Sets a year's first and last day and its holidays, from the `version` read. Only the current
/// year and the next can be set: older years are history, and further ahead nobody plans.
/// Returns the new version; `Conflict` (and nothing written) when someone saved in between.
pub async fn save(
    ctx: &RequestCtx,
    start_year: i64,
    version: i64,
    first_day: &str,
    last_day: &str,
    holidays: &[HolidayInput],
) -> Result<i64, AppError> {
    let p = admin(ctx).await?;
    let start_year = i32::try_from(start_year)
        .ok()
        .filter(|y| (p.school_year..=p.school_year + 1).contains(y))
        .ok_or_else(|| AppError::invalid(Field::StartYear))?;
    let first = Date::parse(first_day, Field::FirstDay)?;
    let last = Date::parse(last_day, Field::LastDay)?;
    SchoolYear::check_dates(start_year, first, last)?;
    let given = holidays
        .iter()
        .map(HolidayInput::parse)
        .collect::<Result<Vec<_>, _>>()?;
    let checked = holidays::check(
        first,
        last,
        &given.into_iter().flatten().collect::<Vec<_>>(),
    )?;
    let stored = serde_json::to_string(&checked).map_err(|_| AppError::internal())?;
    let db = &ctx.db;
    ensure(db, p.school_id, start_year).await?;
    let next = crate::next_version(version)?;
    let done = school_year::Entity::update_many()
        .col_expr(
            school_year::Column::FirstDay,
            Expr::value(first.to_string()),
        )
        .col_expr(school_year::Column::LastDay, Expr::value(last.to_string()))
        .col_expr(school_year::Column::Holidays, Expr::value(stored))
        .col_expr(school_year::Column::Version, Expr::value(next))
        .filter(school_year::Column::SchoolId.eq(p.school_id))
        .filter(school_year::Column::StartYear.eq(start_year))
        .filter(school_year::Column::Version.eq(version))
        .exec(db)
        .await
        .map_err(db_err)?;
    if done.rows_affected == 0 {
        return Err(AppError::new(domain::ErrorCode::Conflict));
    }
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_records_the_calendar_decides_the_school_year() {
        assert_eq!(calendar_school_year(Date::new(2026, 11, 22).unwrap()), 2026);
        assert_eq!(calendar_school_year(Date::new(2027, 7, 31).unwrap()), 2026);
        assert_eq!(calendar_school_year(Date::new(2027, 8, 1).unwrap()), 2027);
    }
}
