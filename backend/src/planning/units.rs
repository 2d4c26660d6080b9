//! Forløb: created, saved from the version read, archived, restored and shared.

use super::access::*;
use super::materials::*;
use crate::db::read::Reads;
use crate::entity::{unit, year_plan};
use crate::identity::current_principal;
use crate::{Principal, RequestCtx, clock, db_err, next_version};
use domain::AppError;
use domain::Field;
use domain::calendar::Date;
use domain::planning::{Link, LongText, Title, UnitInput};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

pub(crate) const MAX_MATERIALS: usize = 30;

pub(crate) struct CheckedUnit {
    pub(crate) title: Title,
    pub(crate) description: LongText,
    pub(crate) first_week: Date,
    pub(crate) last_week: Date,
    pub(crate) materials: Vec<(Title, Link)>,
}

pub(crate) async fn check_unit(
    db: &impl Reads,
    plan: &year_plan::Model,
    school_id: i32,
    input: &UnitInput,
) -> Result<CheckedUnit, AppError> {
    let title = Title::parse(&input.title, Field::Title)?;
    let description = LongText::parse(&input.description, Field::Description)?;
    let (first_week, last_week) =
        check_weeks(db, plan, school_id, input.first_week, input.last_week).await?;
    if input.materials.len() > MAX_MATERIALS {
        return Err(AppError::invalid(Field::Materials));
    }
    let materials = input
        .materials
        .iter()
        .map(|m| {
            Ok((
                Title::parse(&m.title, Field::MaterialTitle)?,
                Link::parse(&m.url, Field::MaterialUrl)?,
            ))
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(CheckedUnit {
        title,
        description,
        first_week,
        last_week,
        materials,
    })
}

/// The Mondays of the weeks `first` and `last` fall in, if both are weeks of the plan's school
/// year and in order.
async fn check_weeks(
    db: &impl Reads,
    plan: &year_plan::Model,
    school_id: i32,
    first: Date,
    last: Date,
) -> Result<(Date, Date), AppError> {
    let (first_day, last_day) = year_dates(db, school_id, plan.school_year).await?;
    let (first_week, last_week) = (first.monday(), last.monday());
    if first_week < first_day.monday() || first_week > last_day {
        return Err(AppError::invalid(Field::FirstWeek));
    }
    if last_week < first_week || last_week > last_day {
        return Err(AppError::invalid(Field::LastWeek));
    }
    Ok((first_week, last_week))
}

/// Places a forløb in other weeks, as the årsplan's timeline moves or resizes it, from the
/// `version` read. Returns the new version; `Conflict` when someone saved in between.
pub async fn schedule_unit(
    ctx: &RequestCtx,
    unit_id: i64,
    version: i64,
    first_week: Date,
    last_week: Date,
) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (found, plan, access) = unit_with_access(db, &p, unit_id).await?;
    require_edit(&p, &access)?;
    if found.archived_at.is_some() || plan.archived_at.is_some() {
        return Err(AppError::invalid(Field::YearPlan));
    }
    let (first_week, last_week) =
        check_weeks(db, &plan, access.team.school_id, first_week, last_week).await?;
    bump_unit_columns(
        db,
        found.id,
        version,
        vec![
            (unit::Column::FirstWeek, Expr::value(first_week.to_string())),
            (unit::Column::LastWeek, Expr::value(last_week.to_string())),
        ],
    )
    .await
}

/// A new forløb in an årsplan.
pub async fn create_unit(
    ctx: &RequestCtx,
    year_plan_id: i64,
    input: &UnitInput,
) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    create_unit_as(&ctx.db, &p, year_plan_id, input).await
}

/// `create_unit` for a principal already known, in any connection or transaction: the demo seed
/// plans through here, as the screens do.
pub(crate) async fn create_unit_as<C: crate::db::Writes>(
    db: &C,
    p: &Principal,
    year_plan_id: i64,
    input: &UnitInput,
) -> Result<i64, AppError> {
    let (plan, access) = plan_with_access(db, p, year_plan_id).await?;
    require_edit(p, &access)?;
    if plan.archived_at.is_some() {
        return Err(AppError::invalid(Field::YearPlan));
    }
    let checked = check_unit(db, &plan, access.team.school_id, input).await?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let id = insert_unit(&txn, p, plan.id, &checked, None).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(i64::from(id))
}

pub(crate) async fn insert_unit(
    db: &impl ConnectionTrait,
    p: &Principal,
    year_plan_id: i32,
    checked: &CheckedUnit,
    copied_from: Option<i32>,
) -> Result<i32, AppError> {
    let now = clock::now();
    let created = unit::ActiveModel {
        year_plan_id: Set(year_plan_id),
        title: Set(checked.title.as_str().to_owned()),
        description: Set(checked.description.as_str().to_owned()),
        first_week: Set(checked.first_week.to_string()),
        last_week: Set(checked.last_week.to_string()),
        version: Set(1),
        archived_at: Set(None),
        shared_at: Set(None),
        copied_from: Set(copied_from),
        created_by: Set(p.person_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    write_materials(db, created.id, &checked.materials).await?;
    Ok(created.id)
}

/// Saves a forløb edited from `version`. Returns the new version, or `Conflict` when a
/// colleague saved in between; then nothing is written and the caller shows both versions.
pub async fn save_unit(
    ctx: &RequestCtx,
    unit_id: i64,
    version: i64,
    input: &UnitInput,
) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (found, plan, access) = unit_with_access(db, &p, unit_id).await?;
    require_edit(&p, &access)?;
    let checked = check_unit(db, &plan, access.team.school_id, input).await?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let next = bump_unit(&txn, found.id, version, Some(&checked)).await?;
    write_materials(&txn, found.id, &checked.materials).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(next)
}

/// Moves a forløb from `version` to the next, writing its fields if given, and returns the new
/// version. Conflict if the stored version is not `version`.
pub(crate) async fn bump_unit(
    db: &impl ConnectionTrait,
    unit_id: i32,
    version: i64,
    fields: Option<&CheckedUnit>,
) -> Result<i64, AppError> {
    let columns = match fields {
        Some(c) => vec![
            (unit::Column::Title, Expr::value(c.title.as_str())),
            (
                unit::Column::Description,
                Expr::value(c.description.as_str()),
            ),
            (
                unit::Column::FirstWeek,
                Expr::value(c.first_week.to_string()),
            ),
            (unit::Column::LastWeek, Expr::value(c.last_week.to_string())),
        ],
        None => Vec::new(),
    };
    bump_unit_columns(db, unit_id, version, columns).await
}

/// `bump_unit` writing the given columns: the one version-checked update of a forløb.
async fn bump_unit_columns(
    db: &impl ConnectionTrait,
    unit_id: i32,
    version: i64,
    columns: Vec<(unit::Column, Expr)>,
) -> Result<i64, AppError> {
    let next = next_version(version)?;
    let mut update = unit::Entity::update_many()
        .col_expr(unit::Column::Version, Expr::value(next))
        .col_expr(unit::Column::UpdatedAt, Expr::value(clock::now()));
    for (column, value) in columns {
        update = update.col_expr(column, value);
    }
    let done = update
        .filter(unit::Column::Id.eq(unit_id))
        .filter(unit::Column::Version.eq(version))
        .exec(db)
        .await
        .map_err(db_err)?;
    if done.rows_affected == 0 {
        return Err(conflict());
    }
    Ok(next)
}

/// Archives, restores or shares a forløb from the version read (see `set_plan_archived`).
pub(crate) async fn set_unit_column(
    db: &impl ConnectionTrait,
    u: &unit::Model,
    column: unit::Column,
    value: Option<i64>,
) -> Result<(), AppError> {
    let done = unit::Entity::update_many()
        .col_expr(column, Expr::value(value))
        .col_expr(unit::Column::Version, Expr::value(next_version(u.version)?))
        .col_expr(unit::Column::UpdatedAt, Expr::value(clock::now()))
        .filter(unit::Column::Id.eq(u.id))
        .filter(unit::Column::Version.eq(u.version))
        .exec(db)
        .await
        .map_err(db_err)?;
    if done.rows_affected == 0 {
        return Err(conflict());
    }
    Ok(())
}

pub async fn archive_unit(ctx: &RequestCtx, unit_id: i64) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (u, _, access) = unit_with_access(db, &p, unit_id).await?;
    require_edit(&p, &access)?;
    set_unit_column(db, &u, unit::Column::ArchivedAt, Some(clock::now())).await
}

pub async fn restore_unit(ctx: &RequestCtx, unit_id: i64) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (u, _, access) = unit_with_access(db, &p, unit_id).await?;
    require_restore(&p, &access)?;
    set_unit_column(db, &u, unit::Column::ArchivedAt, None).await
}

/// Shares a forløb with the school's library, or takes it back.
pub async fn share_unit(ctx: &RequestCtx, unit_id: i64, shared: bool) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    share_unit_as(&ctx.db, &p, unit_id, shared).await
}

/// `share_unit` for a principal already known, in any connection or transaction: the demo seed
/// plans through here, as the screens do.
pub(crate) async fn share_unit_as<C: crate::db::Writes>(
    db: &C,
    p: &Principal,
    unit_id: i64,
    shared: bool,
) -> Result<(), AppError> {
    let (u, _, access) = unit_with_access(db, p, unit_id).await?;
    require_edit(p, &access)?;
    let at = shared.then(clock::now);
    set_unit_column(db, &u, unit::Column::SharedAt, at).await
}
