//! Årsplaner, forløb, goals and tasks.
//!
//! An årsplan belongs to its hold, and every teacher of the hold may edit it: there is no owner
//! to take it away from the others. Deleting anything archives it, and the hold's teachers or a
//! leader can restore it. Saves carry the version they started from; a save from an older
//! version is refused with `Conflict`, so two teachers never overwrite each other silently.

use super::framework;
use crate::entity::team_member::MemberRole;
use crate::entity::{
    person, scale, school_year, task, task_pupil, team, team_member, unit, unit_goal,
    unit_material, year_plan,
};
use crate::facts::{HoldAccess, hold_access, hold_pupils};
use crate::identity::current_principal;
use crate::{Principal, RequestCtx, clock, db_err, next_version, policy, write_err};
use domain::calendar::{Date, school_year_name};
use domain::planning::{
    ArchivedYearPlan, Audience, GoalInput, GoalKind, Instruction, Link, LongText, Material,
    MaterialKind, PlanWeek, PlanningOverview, PlanningTeam, Scale, Task, TaskIcon, TaskInput,
    TaskPupil, TaskWhen, Title, Unit, UnitGoal, UnitInput, UnitSummary, Variant, YearPlan,
    YearPlanSummary,
};
use domain::school::Subject;
use domain::{AppError, ErrorCode};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::{HashMap, HashSet};

const MAX_MATERIALS: usize = 30;
/// Where the server serves an uploaded file, followed by `/{id}`.
pub const FILES_PATH: &str = "/filer";

fn conflict() -> AppError {
    AppError::new(ErrorCode::Conflict)
}

fn not_found() -> AppError {
    AppError::new(ErrorCode::NotFound)
}

fn id32(id: i64) -> Result<i32, AppError> {
    i32::try_from(id).map_err(|_| not_found())
}

/// Outsiders learn nothing, not even that the thing exists: another school's plan is NotFound.
fn hide_other_schools(p: &Principal, access: &HoldAccess) -> Result<(), AppError> {
    if access.team.school_id == p.school_id {
        Ok(())
    } else {
        Err(not_found())
    }
}

async fn plan_with_access(
    db: &impl ConnectionTrait,
    p: &Principal,
    year_plan_id: i64,
) -> Result<(year_plan::Model, HoldAccess), AppError> {
    let plan = year_plan::Entity::find_by_id(id32(year_plan_id)?)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let access = hold_access(db, p, plan.team_id).await?;
    hide_other_schools(p, &access)?;
    Ok((plan, access))
}

pub(crate) async fn unit_with_access(
    db: &impl ConnectionTrait,
    p: &Principal,
    unit_id: i64,
) -> Result<(unit::Model, year_plan::Model, HoldAccess), AppError> {
    let unit = unit::Entity::find_by_id(id32(unit_id)?)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let (plan, access) = plan_with_access(db, p, i64::from(unit.year_plan_id)).await?;
    Ok((unit, plan, access))
}

pub(crate) fn require_edit(p: &Principal, access: &HoldAccess) -> Result<(), AppError> {
    policy::require(policy::can_edit_year_plan(p, access.teaches))
}

fn require_view(p: &Principal, access: &HoldAccess) -> Result<(), AppError> {
    policy::require(policy::can_view_year_plan(
        p,
        access.teaches,
        access.team.school_id,
    ))
}

fn require_restore(p: &Principal, access: &HoldAccess) -> Result<(), AppError> {
    policy::require(policy::can_restore_plan(
        p,
        access.teaches,
        access.team.school_id,
    ))
}

/// The school year's first and last day; a year without a record gets the proposed dates.
async fn year_dates(
    db: &impl ConnectionTrait,
    school_id: i32,
    start_year: i32,
) -> Result<(Date, Date), AppError> {
    let row = school_year::Entity::find()
        .filter(school_year::Column::SchoolId.eq(school_id))
        .filter(school_year::Column::StartYear.eq(start_year))
        .one(db)
        .await
        .map_err(db_err)?;
    match row {
        Some(r) => Ok((
            Date::parse(&r.first_day, "first_day").map_err(|_| AppError::internal())?,
            Date::parse(&r.last_day, "last_day").map_err(|_| AppError::internal())?,
        )),
        None => {
            domain::calendar::SchoolYear::default_dates(start_year).ok_or_else(AppError::internal)
        }
    }
}

/// Every Monday from the week of `first` to the week of `last`.
fn mondays(first: Date, last: Date) -> Result<Vec<Date>, AppError> {
    let mut out = Vec::new();
    let mut at = first.monday();
    while at <= last && out.len() < 60 {
        out.push(at);
        at = at.add_days(7).ok_or_else(AppError::internal)?;
    }
    Ok(out)
}

fn parse_stored_date(text: &str) -> Result<Date, AppError> {
    Date::parse(text, "date").map_err(|_| AppError::internal())
}

// ---------------------------------------------------------------------------------------------
// Årsplaner

/// The holds this teacher teaches this year, each with its årsplan if it has one.
pub async fn overview(ctx: &RequestCtx) -> Result<PlanningOverview, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_view_teacher_home(&p))?;
    let db = &ctx.db;
    let my_teams: Vec<i32> = team_member::Entity::find()
        .select_only()
        .column(team_member::Column::TeamId)
        .filter(team_member::Column::PersonId.eq(p.person_id))
        .filter(team_member::Column::Role.eq(MemberRole::Teacher))
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;
    let teams = team::Entity::find()
        .filter(team::Column::Id.is_in(my_teams.clone()))
        .filter(team::Column::ArchivedAt.is_null())
        .filter(team::Column::SchoolYear.eq(p.school_year))
        .order_by_asc(team::Column::Name)
        .all(db)
        .await
        .map_err(db_err)?;
    let plans = year_plan::Entity::find()
        .filter(year_plan::Column::TeamId.is_in(my_teams))
        .filter(year_plan::Column::SchoolYear.eq(p.school_year))
        .order_by_asc(year_plan::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let unit_counts = count_by(db, plans.iter().map(|pl| pl.id).collect()).await?;
    let team_names: HashMap<i32, String> = teams.iter().map(|t| (t.id, t.name.clone())).collect();
    let archived = plans
        .iter()
        .filter(|pl| pl.archived_at.is_some())
        .filter_map(|pl| {
            Some(ArchivedYearPlan {
                id: i64::from(pl.id),
                title: pl.title.clone(),
                team_name: team_names.get(&pl.team_id)?.clone(),
            })
        })
        .collect();
    let teams = teams
        .into_iter()
        .filter_map(|t| {
            let subject = Subject::parse(&t.subject).ok()?;
            let plan = plans
                .iter()
                .find(|pl| pl.team_id == t.id && pl.archived_at.is_none());
            Some(PlanningTeam {
                team_id: i64::from(t.id),
                team_name: t.name,
                subject,
                year_plan: plan.map(|pl| YearPlanSummary {
                    id: i64::from(pl.id),
                    title: pl.title.clone(),
                    unit_count: unit_counts.get(&pl.id).copied().unwrap_or(0),
                }),
            })
        })
        .collect();
    Ok(PlanningOverview {
        school_year: school_year_name(p.school_year),
        teams,
        archived,
    })
}

/// Active forløb per årsplan.
async fn count_by(
    db: &impl ConnectionTrait,
    plan_ids: Vec<i32>,
) -> Result<HashMap<i32, u32>, AppError> {
    let rows: Vec<(i32, i64)> = unit::Entity::find()
        .select_only()
        .column(unit::Column::YearPlanId)
        .column_as(unit::Column::Id.count(), "n")
        .filter(unit::Column::YearPlanId.is_in(plan_ids))
        .filter(unit::Column::ArchivedAt.is_null())
        .group_by(unit::Column::YearPlanId)
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;
    Ok(rows
        .into_iter()
        .map(|(id, n)| (id, u32::try_from(n).unwrap_or(u32::MAX)))
        .collect())
}

async fn active_plan_of(
    db: &impl ConnectionTrait,
    team_id: i32,
    school_year: i32,
) -> Result<Option<year_plan::Model>, AppError> {
    year_plan::Entity::find()
        .filter(year_plan::Column::TeamId.eq(team_id))
        .filter(year_plan::Column::SchoolYear.eq(school_year))
        .filter(year_plan::Column::ArchivedAt.is_null())
        .one(db)
        .await
        .map_err(db_err)
}

/// A new årsplan for a hold this school year. A hold has one active årsplan a year; asking for
/// a second is a conflict (a colleague made it first).
pub async fn create_year_plan(
    ctx: &RequestCtx,
    team_id: i64,
    title: &str,
) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let access = hold_access(db, &p, id32(team_id)?).await?;
    hide_other_schools(&p, &access)?;
    require_edit(&p, &access)?;
    let title = Title::parse(title, "title")?;
    if access.team.archived_at.is_some() || access.team.school_year != p.school_year {
        return Err(AppError::invalid("team"));
    }
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    if active_plan_of(&txn, access.team.id, p.school_year)
        .await?
        .is_some()
    {
        return Err(conflict());
    }
    let now = clock::now();
    let created = year_plan::ActiveModel {
        team_id: Set(access.team.id),
        school_year: Set(p.school_year),
        title: Set(title.as_str().to_owned()),
        version: Set(1),
        archived_at: Set(None),
        created_by: Set(p.person_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(write_err)?;
    txn.commit().await.map_err(db_err)?;
    Ok(i64::from(created.id))
}

fn summary(u: &unit::Model, goals: u32, tasks: u32) -> Result<UnitSummary, AppError> {
    Ok(UnitSummary {
        id: i64::from(u.id),
        title: u.title.clone(),
        first_week: parse_stored_date(&u.first_week)?,
        last_week: parse_stored_date(&u.last_week)?,
        goal_count: goals,
        task_count: tasks,
        shared: u.shared_at.is_some(),
    })
}

async fn counts_per_unit<E, C>(
    db: &impl ConnectionTrait,
    unit_ids: &[i32],
    unit_col: C,
    archived_col: C,
) -> Result<HashMap<i32, u32>, AppError>
where
    E: EntityTrait,
    C: ColumnTrait,
{
    let rows: Vec<(i32, i64)> = E::find()
        .select_only()
        .column(unit_col)
        .column_as(unit_col.count(), "n")
        .filter(unit_col.is_in(unit_ids.to_vec()))
        .filter(archived_col.is_null())
        .group_by(unit_col)
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;
    Ok(rows
        .into_iter()
        .map(|(id, n)| (id, u32::try_from(n).unwrap_or(u32::MAX)))
        .collect())
}

/// An årsplan with its forløb and the week-by-week overview of the school year.
pub async fn year_plan(ctx: &RequestCtx, year_plan_id: i64) -> Result<YearPlan, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (plan, access) = plan_with_access(db, &p, year_plan_id).await?;
    require_view(&p, &access)?;
    let units = unit::Entity::find()
        .filter(unit::Column::YearPlanId.eq(plan.id))
        .order_by_asc(unit::Column::FirstWeek)
        .order_by_asc(unit::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let ids: Vec<i32> = units.iter().map(|u| u.id).collect();
    let goals = counts_per_unit::<unit_goal::Entity, _>(
        db,
        &ids,
        unit_goal::Column::UnitId,
        unit_goal::Column::ArchivedAt,
    )
    .await?;
    let tasks = counts_per_unit::<task::Entity, _>(
        db,
        &ids,
        task::Column::UnitId,
        task::Column::ArchivedAt,
    )
    .await?;
    let mut active = Vec::new();
    let mut archived = Vec::new();
    for u in &units {
        let s = summary(
            u,
            goals.get(&u.id).copied().unwrap_or(0),
            tasks.get(&u.id).copied().unwrap_or(0),
        )?;
        if u.archived_at.is_some() {
            archived.push(s);
        } else {
            active.push(s);
        }
    }
    let (first, last) = year_dates(db, access.team.school_id, plan.school_year).await?;
    let weeks = mondays(first, last)?
        .into_iter()
        .map(|monday| PlanWeek {
            week: monday.iso_week().week,
            monday,
            unit_ids: active
                .iter()
                .filter(|u| u.first_week <= monday && monday <= u.last_week)
                .map(|u| u.id)
                .collect(),
        })
        .collect();
    Ok(YearPlan {
        id: i64::from(plan.id),
        team_id: i64::from(access.team.id),
        team_name: access.team.name.clone(),
        subject: Subject::parse(&access.team.subject).map_err(|_| AppError::internal())?,
        school_year: school_year_name(plan.school_year),
        title: plan.title,
        version: plan.version,
        units: active,
        archived_units: archived,
        weeks,
    })
}

/// Renames an årsplan, if nobody renamed it since `version`. Returns the new version.
pub async fn rename_year_plan(
    ctx: &RequestCtx,
    year_plan_id: i64,
    version: i64,
    title: &str,
) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (plan, access) = plan_with_access(db, &p, year_plan_id).await?;
    require_edit(&p, &access)?;
    let title = Title::parse(title, "title")?;
    let next = next_version(version)?;
    let done = year_plan::Entity::update_many()
        .col_expr(year_plan::Column::Title, Expr::value(title.as_str()))
        .col_expr(year_plan::Column::Version, Expr::value(next))
        .col_expr(year_plan::Column::UpdatedAt, Expr::value(clock::now()))
        .filter(year_plan::Column::Id.eq(plan.id))
        .filter(year_plan::Column::Version.eq(version))
        .exec(db)
        .await
        .map_err(db_err)?;
    if done.rows_affected == 0 {
        return Err(conflict());
    }
    Ok(next)
}

/// Archives an årsplan. Its forløb, tasks and everything pupils did stay as they are.
pub async fn archive_year_plan(ctx: &RequestCtx, year_plan_id: i64) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (plan, access) = plan_with_access(db, &p, year_plan_id).await?;
    require_edit(&p, &access)?;
    set_plan_archived(db, plan, Some(clock::now())).await
}

/// Brings an archived årsplan back, unless the hold has made a new one for the year meanwhile.
pub async fn restore_year_plan(ctx: &RequestCtx, year_plan_id: i64) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (plan, access) = plan_with_access(db, &p, year_plan_id).await?;
    require_restore(&p, &access)?;
    if plan.archived_at.is_none() {
        return Ok(());
    }
    if active_plan_of(db, plan.team_id, plan.school_year)
        .await?
        .is_some()
    {
        return Err(conflict());
    }
    set_plan_archived(db, plan, None).await
}

/// Archives or restores from the version read: a colleague's change in between is a conflict,
/// and a second active plan for the hold's year is refused by the database's unique index.
async fn set_plan_archived(
    db: &impl ConnectionTrait,
    plan: year_plan::Model,
    at: Option<i64>,
) -> Result<(), AppError> {
    let done = year_plan::Entity::update_many()
        .col_expr(year_plan::Column::ArchivedAt, Expr::value(at))
        .col_expr(
            year_plan::Column::Version,
            Expr::value(next_version(plan.version)?),
        )
        .col_expr(year_plan::Column::UpdatedAt, Expr::value(clock::now()))
        .filter(year_plan::Column::Id.eq(plan.id))
        .filter(year_plan::Column::Version.eq(plan.version))
        .exec(db)
        .await
        .map_err(write_err)?;
    if done.rows_affected == 0 {
        return Err(conflict());
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Forløb

pub(crate) struct CheckedUnit {
    title: Title,
    description: LongText,
    first_week: Date,
    last_week: Date,
    materials: Vec<(Title, Link)>,
}

async fn check_unit(
    db: &impl ConnectionTrait,
    plan: &year_plan::Model,
    school_id: i32,
    input: &UnitInput,
) -> Result<CheckedUnit, AppError> {
    let title = Title::parse(&input.title, "title")?;
    let description = LongText::parse(&input.description, "description")?;
    let (first_day, last_day) = year_dates(db, school_id, plan.school_year).await?;
    let first_week = input.first_week.monday();
    let last_week = input.last_week.monday();
    if first_week < first_day.monday() || first_week > last_day {
        return Err(AppError::invalid("first_week"));
    }
    if last_week < first_week || last_week > last_day {
        return Err(AppError::invalid("last_week"));
    }
    if input.materials.len() > MAX_MATERIALS {
        return Err(AppError::invalid("materials"));
    }
    let materials = input
        .materials
        .iter()
        .map(|m| {
            Ok((
                Title::parse(&m.title, "material_title")?,
                Link::parse(&m.url, "material_url")?,
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

async fn write_materials(
    db: &impl ConnectionTrait,
    unit_id: i32,
    materials: &[(Title, Link)],
) -> Result<(), AppError> {
    // Links are rewritten from the form; uploaded files stay until removed on their own.
    unit_material::Entity::delete_many()
        .filter(unit_material::Column::UnitId.eq(unit_id))
        .filter(unit_material::Column::FileId.is_null())
        .exec(db)
        .await
        .map_err(db_err)?;
    for (position, (title, link)) in materials.iter().enumerate() {
        unit_material::ActiveModel {
            unit_id: Set(unit_id),
            title: Set(title.as_str().to_owned()),
            url: Set(link.as_str().to_owned()),
            kind: Set(material_kind_str(MaterialKind::of_url(link.as_str())).to_owned()),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(db_err)?;
    }
    Ok(())
}

fn material_kind_str(kind: MaterialKind) -> &'static str {
    match kind {
        MaterialKind::Office365 => "office365",
        MaterialKind::GoogleDocs => "google_docs",
        MaterialKind::Link => "link",
        MaterialKind::File => "file",
    }
}

pub(crate) fn material_kind_of(text: &str) -> MaterialKind {
    match text {
        "office365" => MaterialKind::Office365,
        "google_docs" => MaterialKind::GoogleDocs,
        "file" => MaterialKind::File,
        _ => MaterialKind::Link,
    }
}

/// A new forløb in an årsplan.
pub async fn create_unit(
    ctx: &RequestCtx,
    year_plan_id: i64,
    input: &UnitInput,
) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (plan, access) = plan_with_access(db, &p, year_plan_id).await?;
    require_edit(&p, &access)?;
    if plan.archived_at.is_some() {
        return Err(AppError::invalid("year_plan"));
    }
    let checked = check_unit(db, &plan, access.team.school_id, input).await?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let id = insert_unit(&txn, &p, plan.id, &checked, None).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(i64::from(id))
}

async fn insert_unit(
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
    let next = next_version(version)?;
    let mut update = unit::Entity::update_many()
        .col_expr(unit::Column::Version, Expr::value(next))
        .col_expr(unit::Column::UpdatedAt, Expr::value(clock::now()));
    if let Some(c) = fields {
        update = update
            .col_expr(unit::Column::Title, Expr::value(c.title.as_str()))
            .col_expr(
                unit::Column::Description,
                Expr::value(c.description.as_str()),
            )
            .col_expr(
                unit::Column::FirstWeek,
                Expr::value(c.first_week.to_string()),
            )
            .col_expr(unit::Column::LastWeek, Expr::value(c.last_week.to_string()));
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
async fn set_unit_column(
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
    let db = &ctx.db;
    let (u, _, access) = unit_with_access(db, &p, unit_id).await?;
    require_edit(&p, &access)?;
    let at = shared.then(clock::now);
    set_unit_column(db, &u, unit::Column::SharedAt, at).await
}

pub(crate) async fn scales_by_id(
    db: &impl ConnectionTrait,
    ids: Vec<i32>,
) -> Result<HashMap<i32, Scale>, AppError> {
    scale::Entity::find()
        .filter(scale::Column::Id.is_in(ids))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|s| Ok((s.id, to_scale(&s)?)))
        .collect()
}

pub(crate) fn to_scale(s: &scale::Model) -> Result<Scale, AppError> {
    Ok(Scale {
        id: i64::from(s.id),
        name: s.name.clone(),
        steps: serde_json::from_str(&s.steps).map_err(|_| AppError::internal())?,
        faces: s.faces,
        own: s.school_id.is_some(),
    })
}

fn to_task(t: &task::Model, pupils: Vec<TaskPupil>) -> Result<Task, AppError> {
    let due = parse_stored_date(&t.due_on)?;
    Ok(Task {
        id: i64::from(t.id),
        title: t.title.clone(),
        instruction: t.instruction.clone(),
        icon: TaskIcon::parse(&t.icon).ok_or_else(AppError::internal)?,
        when: if t.due_kind == "week" {
            TaskWhen::Week(due)
        } else {
            TaskWhen::Day(due)
        },
        audience: match t.audience.as_str() {
            "group" => Audience::Group(t.group_name.clone().unwrap_or_default()),
            "pupils" => Audience::Pupils,
            _ => Audience::Hold,
        },
        pupils,
        easier: t.easier.clone(),
        harder: t.harder.clone(),
        version: t.version,
    })
}

/// A forløb whole: fields, materials, goals, tasks. Used by the editor and, for shared forløb,
/// by the library's preview.
pub(crate) async fn load_unit(
    db: &impl ConnectionTrait,
    u: unit::Model,
    access: &HoldAccess,
) -> Result<Unit, AppError> {
    let rows = unit_material::Entity::find()
        .filter(unit_material::Column::UnitId.eq(u.id))
        .order_by_asc(unit_material::Column::Position)
        .all(db)
        .await
        .map_err(db_err)?;
    let materials = materials_of(db, rows)
        .await?
        .into_iter()
        .map(|(_, m)| m)
        .collect();
    let goal_rows = unit_goal::Entity::find()
        .filter(unit_goal::Column::UnitId.eq(u.id))
        .order_by_asc(unit_goal::Column::Position)
        .order_by_asc(unit_goal::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let context = GoalContext::load(db, &goal_rows).await?;
    let mut goals = Vec::with_capacity(goal_rows.len());
    let mut archived_goals = Vec::new();
    for g in goal_rows {
        let archived = g.archived_at.is_some();
        let goal = UnitGoal {
            id: i64::from(g.id),
            kind: GoalKind::parse(&g.kind).ok_or_else(AppError::internal)?,
            text: context.text(&g),
            framework_item: context.item(&g).cloned(),
            scale: context.scale(&g)?,
            signs: g.signs,
        };
        if archived {
            archived_goals.push(goal);
        } else {
            goals.push(goal);
        }
    }
    let task_rows = task::Entity::find()
        .filter(task::Column::UnitId.eq(u.id))
        .order_by_asc(task::Column::DueOn)
        .order_by_asc(task::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let targets = task_pupil::Entity::find()
        .filter(
            task_pupil::Column::TaskId.is_in(task_rows.iter().map(|t| t.id).collect::<Vec<_>>()),
        )
        .all(db)
        .await
        .map_err(db_err)?;
    let names: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(targets.iter().map(|t| t.pupil_id).collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|p| (p.id, format!("{} {}", p.given_name, p.family_name)))
        .collect();
    let mut tasks = Vec::new();
    let mut archived_tasks = Vec::new();
    for t in &task_rows {
        let mut pupils: Vec<TaskPupil> = targets
            .iter()
            .filter(|x| x.task_id == t.id)
            .map(|x| TaskPupil {
                pupil_id: i64::from(x.pupil_id),
                name: names.get(&x.pupil_id).cloned().unwrap_or_default(),
                variant: Variant::parse(&x.variant).unwrap_or(Variant::Standard),
            })
            .collect();
        pupils.sort_by(|a, b| a.name.cmp(&b.name));
        let task = to_task(t, pupils)?;
        if t.archived_at.is_some() {
            archived_tasks.push(task);
        } else {
            tasks.push(task);
        }
    }
    let author = person::Entity::find_by_id(u.created_by)
        .one(db)
        .await
        .map_err(db_err)?
        .map(|a| format!("{} {}", a.given_name, a.family_name))
        .unwrap_or_default();
    let copied_from = match u.copied_from {
        Some(id) => unit::Entity::find_by_id(id)
            .one(db)
            .await
            .map_err(db_err)?
            .map(|o| o.title),
        None => None,
    };
    Ok(Unit {
        id: i64::from(u.id),
        year_plan_id: i64::from(u.year_plan_id),
        team_name: access.team.name.clone(),
        subject: Subject::parse(&access.team.subject).map_err(|_| AppError::internal())?,
        title: u.title,
        description: u.description,
        first_week: parse_stored_date(&u.first_week)?,
        last_week: parse_stored_date(&u.last_week)?,
        version: u.version,
        materials,
        goals,
        archived_goals,
        tasks,
        archived_tasks,
        pupils: hold_pupils(db, access.team.id).await?,
        shared: u.shared_at.is_some(),
        archived: u.archived_at.is_some(),
        author,
        copied_from,
    })
}

pub async fn unit(ctx: &RequestCtx, unit_id: i64) -> Result<Unit, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (u, _, access) = unit_with_access(db, &p, unit_id).await?;
    require_view(&p, &access)?;
    load_unit(db, u, &access).await
}

// ---------------------------------------------------------------------------------------------
// Goals

/// A forløb's goals in the order the teacher gave them, without the archived ones.
/// Materials as screens show them, each with its forløb's id: a link's own address, a file's by
/// its key.
pub(crate) async fn materials_of(
    db: &impl ConnectionTrait,
    rows: Vec<unit_material::Model>,
) -> Result<Vec<(i32, Material)>, AppError> {
    let urls =
        super::files::material_urls(db, rows.iter().filter_map(|m| m.file_id).collect()).await?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let material = Material {
                id: i64::from(m.id),
                kind: material_kind_of(&m.kind),
                url: match m.file_id {
                    Some(file_id) => urls.get(&file_id).cloned().unwrap_or_default(),
                    None => m.url.clone(),
                },
                title: m.title,
            };
            (m.unit_id, material)
        })
        .collect())
}

pub(crate) async fn active_goals(
    db: &impl ConnectionTrait,
    unit_id: i32,
) -> Result<Vec<unit_goal::Model>, AppError> {
    unit_goal::Entity::find()
        .filter(unit_goal::Column::UnitId.eq(unit_id))
        .filter(unit_goal::Column::ArchivedAt.is_null())
        .order_by_asc(unit_goal::Column::Position)
        .order_by_asc(unit_goal::Column::Id)
        .all(db)
        .await
        .map_err(db_err)
}

/// What goal rows need to be shown: their scales and framework items, loaded once for all of
/// them (one query each, however many goals).
pub(crate) struct GoalContext {
    scales: HashMap<i32, Scale>,
    items: HashMap<i32, domain::framework::FrameworkItem>,
}

impl GoalContext {
    pub(crate) async fn load(
        db: &impl ConnectionTrait,
        goals: &[unit_goal::Model],
    ) -> Result<Self, AppError> {
        let item_ids: Vec<i32> = goals.iter().filter_map(|g| g.framework_item_id).collect();
        Ok(Self {
            scales: scales_by_id(db, goals.iter().map(|g| g.scale_id).collect()).await?,
            items: framework::items(db, &item_ids).await?,
        })
    }

    pub(crate) fn item(
        &self,
        goal: &unit_goal::Model,
    ) -> Option<&domain::framework::FrameworkItem> {
        goal.framework_item_id.and_then(|id| self.items.get(&id))
    }

    /// The teacher's own words, or the framework item's.
    pub(crate) fn text(&self, goal: &unit_goal::Model) -> String {
        goal.own_text
            .clone()
            .or_else(|| self.item(goal).map(|i| i.text.clone()))
            .unwrap_or_default()
    }

    pub(crate) fn scale(&self, goal: &unit_goal::Model) -> Result<Scale, AppError> {
        self.scales
            .get(&goal.scale_id)
            .cloned()
            .ok_or_else(AppError::internal)
    }
}

/// Adds a goal to a forløb: the teacher's own words or a framework item, on a scale.
pub async fn add_goal(
    ctx: &RequestCtx,
    unit_id: i64,
    version: i64,
    input: &GoalInput,
) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (u, _, access) = unit_with_access(db, &p, unit_id).await?;
    require_edit(&p, &access)?;
    let own = match input.own_text.as_deref().map(str::trim) {
        Some("") | None => None,
        Some(text) => Some(LongText::parse(text, "own_text")?),
    };
    let item_id = match input.framework_item_id {
        Some(id) => {
            let id = id32(id).map_err(|_| AppError::invalid("framework_item"))?;
            framework::item(db, id)
                .await?
                .ok_or_else(|| AppError::invalid("framework_item"))?;
            Some(id)
        }
        None => None,
    };
    if own.is_some() == item_id.is_some() {
        return Err(AppError::invalid("own_text"));
    }
    let scale_id = id32(input.scale_id).map_err(|_| AppError::invalid("scale"))?;
    let scale_row = scale::Entity::find_by_id(scale_id)
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|s| s.school_id.is_none() || s.school_id == Some(p.school_id))
        .ok_or_else(|| AppError::invalid("scale"))?;
    let signs = LongText::parse(&input.signs, "signs")?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    bump_unit(&txn, u.id, version, None).await?;
    let position = unit_goal::Entity::find()
        .filter(unit_goal::Column::UnitId.eq(u.id))
        .count(&txn)
        .await
        .map_err(db_err)?;
    let created = unit_goal::ActiveModel {
        unit_id: Set(u.id),
        kind: Set(input.kind.as_str().to_owned()),
        own_text: Set(own.map(|o| o.as_str().to_owned())),
        framework_item_id: Set(item_id),
        scale_id: Set(scale_row.id),
        signs: Set(signs.as_str().to_owned()),
        position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
        archived_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    txn.commit().await.map_err(db_err)?;
    Ok(i64::from(created.id))
}

/// Takes a goal out of a forløb. It is archived, not deleted: evaluations point at it and stay
/// readable in its history, and the goal can be restored.
pub async fn archive_goal(ctx: &RequestCtx, goal_id: i64) -> Result<(), AppError> {
    set_goal_archived(ctx, goal_id, true).await
}

/// Brings an archived goal back into its forløb, with every evaluation it had.
pub async fn restore_goal(ctx: &RequestCtx, goal_id: i64) -> Result<(), AppError> {
    set_goal_archived(ctx, goal_id, false).await
}

async fn set_goal_archived(ctx: &RequestCtx, goal_id: i64, archived: bool) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let goal = unit_goal::Entity::find_by_id(id32(goal_id)?)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let (_, _, access) = unit_with_access(db, &p, i64::from(goal.unit_id)).await?;
    if archived {
        require_edit(&p, &access)?;
    } else {
        require_restore(&p, &access)?;
    }
    // Only from the other state: archiving what a colleague just archived (or restoring what
    // they restored) leaves it as both wanted, with the first stamp.
    let was = if archived {
        unit_goal::Column::ArchivedAt.is_null()
    } else {
        unit_goal::Column::ArchivedAt.is_not_null()
    };
    unit_goal::Entity::update_many()
        .col_expr(
            unit_goal::Column::ArchivedAt,
            Expr::value(archived.then(clock::now)),
        )
        .filter(unit_goal::Column::Id.eq(goal.id))
        .filter(was)
        .exec(db)
        .await
        .map_err(db_err)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Tasks

struct CheckedTask {
    title: Title,
    instruction: Instruction,
    when: TaskWhen,
    audience: Audience,
    group_name: Option<Title>,
    pupils: Vec<(i32, Variant)>,
    easier: Option<Instruction>,
    harder: Option<Instruction>,
}

async fn check_task(
    db: &impl ConnectionTrait,
    plan: &year_plan::Model,
    access: &HoldAccess,
    input: &TaskInput,
) -> Result<CheckedTask, AppError> {
    let title = Title::parse(&input.title, "title")?;
    let instruction = Instruction::parse(&input.instruction, "instruction")?;
    let optional = |text: &Option<String>, field: &str| match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => Instruction::parse(t, field).map(Some),
    };
    let easier = optional(&input.easier, "easier")?;
    let harder = optional(&input.harder, "harder")?;
    let (first_day, last_day) = year_dates(db, access.team.school_id, plan.school_year).await?;
    let when = match input.when {
        TaskWhen::Day(d) => TaskWhen::Day(d),
        TaskWhen::Week(d) => TaskWhen::Week(d.monday()),
    };
    let day = match when {
        TaskWhen::Day(d) | TaskWhen::Week(d) => d,
    };
    if day < first_day.monday() || day > last_day {
        return Err(AppError::invalid("when"));
    }
    let hold: HashSet<i64> = hold_pupils(db, access.team.id)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let mut seen = HashSet::new();
    let mut pupils = Vec::new();
    for (id, variant) in &input.pupils {
        if !hold.contains(id) || !seen.insert(*id) {
            return Err(AppError::invalid("pupils"));
        }
        pupils.push((
            id32(*id).map_err(|_| AppError::invalid("pupils"))?,
            *variant,
        ));
    }
    let group_name = match &input.audience {
        Audience::Group(name) => Some(Title::parse(name, "group_name")?),
        _ => None,
    };
    if !matches!(input.audience, Audience::Hold) && pupils.is_empty() {
        return Err(AppError::invalid("pupils"));
    }
    // A variant nobody wrote cannot be given to anyone.
    for (_, variant) in &pupils {
        if (*variant == Variant::Easier && easier.is_none())
            || (*variant == Variant::Harder && harder.is_none())
        {
            return Err(AppError::invalid("variant"));
        }
    }
    if matches!(input.audience, Audience::Hold) {
        // For the whole hold only the exceptions are stored.
        pupils.retain(|(_, v)| *v != Variant::Standard);
    }
    Ok(CheckedTask {
        title,
        instruction,
        when,
        audience: input.audience.clone(),
        group_name,
        pupils,
        easier,
        harder,
    })
}

fn due_parts(when: TaskWhen) -> (&'static str, String) {
    match when {
        TaskWhen::Day(d) => ("day", d.to_string()),
        TaskWhen::Week(d) => ("week", d.to_string()),
    }
}

fn audience_str(a: &Audience) -> &'static str {
    match a {
        Audience::Hold => "hold",
        Audience::Group(_) => "group",
        Audience::Pupils => "pupils",
    }
}

async fn write_task_pupils(
    db: &impl ConnectionTrait,
    task_id: i32,
    pupils: &[(i32, Variant)],
) -> Result<(), AppError> {
    task_pupil::Entity::delete_many()
        .filter(task_pupil::Column::TaskId.eq(task_id))
        .exec(db)
        .await
        .map_err(db_err)?;
    for (pupil_id, variant) in pupils {
        task_pupil::ActiveModel {
            task_id: Set(task_id),
            pupil_id: Set(*pupil_id),
            variant: Set(variant.as_str().to_owned()),
        }
        .insert(db)
        .await
        .map_err(db_err)?;
    }
    Ok(())
}

/// A new task in a forløb.
pub async fn create_task(
    ctx: &RequestCtx,
    unit_id: i64,
    input: &TaskInput,
) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (u, plan, access) = unit_with_access(db, &p, unit_id).await?;
    require_edit(&p, &access)?;
    let c = check_task(db, &plan, &access, input).await?;
    let (due_kind, due_on) = due_parts(c.when);
    let now = clock::now();
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let created = task::ActiveModel {
        unit_id: Set(u.id),
        title: Set(c.title.as_str().to_owned()),
        instruction: Set(c.instruction.as_str().to_owned()),
        icon: Set(input.icon.as_str().to_owned()),
        due_kind: Set(due_kind.to_owned()),
        due_on: Set(due_on),
        audience: Set(audience_str(&c.audience).to_owned()),
        group_name: Set(c.group_name.map(|g| g.as_str().to_owned())),
        easier: Set(c.easier.map(|e| e.as_str().to_owned())),
        harder: Set(c.harder.map(|h| h.as_str().to_owned())),
        version: Set(1),
        archived_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    write_task_pupils(&txn, created.id, &c.pupils).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(i64::from(created.id))
}

async fn task_with_access(
    db: &impl ConnectionTrait,
    p: &Principal,
    task_id: i64,
) -> Result<(task::Model, year_plan::Model, HoldAccess), AppError> {
    let t = task::Entity::find_by_id(id32(task_id)?)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let (_, plan, access) = unit_with_access(db, p, i64::from(t.unit_id)).await?;
    Ok((t, plan, access))
}

/// Saves a task edited from `version`; `Conflict` if someone saved it in between.
pub async fn save_task(
    ctx: &RequestCtx,
    task_id: i64,
    version: i64,
    input: &TaskInput,
) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (t, plan, access) = task_with_access(db, &p, task_id).await?;
    require_edit(&p, &access)?;
    let c = check_task(db, &plan, &access, input).await?;
    let (due_kind, due_on) = due_parts(c.when);
    let next = next_version(version)?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let done = task::Entity::update_many()
        .col_expr(task::Column::Title, Expr::value(c.title.as_str()))
        .col_expr(
            task::Column::Instruction,
            Expr::value(c.instruction.as_str()),
        )
        .col_expr(task::Column::Icon, Expr::value(input.icon.as_str()))
        .col_expr(task::Column::DueKind, Expr::value(due_kind))
        .col_expr(task::Column::DueOn, Expr::value(due_on))
        .col_expr(
            task::Column::Audience,
            Expr::value(audience_str(&c.audience)),
        )
        .col_expr(
            task::Column::GroupName,
            Expr::value(c.group_name.map(|g| g.as_str().to_owned())),
        )
        .col_expr(
            task::Column::Easier,
            Expr::value(c.easier.map(|e| e.as_str().to_owned())),
        )
        .col_expr(
            task::Column::Harder,
            Expr::value(c.harder.map(|h| h.as_str().to_owned())),
        )
        .col_expr(task::Column::Version, Expr::value(next))
        .col_expr(task::Column::UpdatedAt, Expr::value(clock::now()))
        .filter(task::Column::Id.eq(t.id))
        .filter(task::Column::Version.eq(version))
        .exec(&txn)
        .await
        .map_err(db_err)?;
    if done.rows_affected == 0 {
        return Err(conflict());
    }
    write_task_pupils(&txn, t.id, &c.pupils).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(next)
}

async fn set_task_archived(ctx: &RequestCtx, task_id: i64, archived: bool) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (t, _, access) = task_with_access(db, &p, task_id).await?;
    if archived {
        require_edit(&p, &access)?;
    } else {
        require_restore(&p, &access)?;
    }
    let done = task::Entity::update_many()
        .col_expr(
            task::Column::ArchivedAt,
            Expr::value(archived.then(clock::now)),
        )
        .col_expr(task::Column::Version, Expr::value(next_version(t.version)?))
        .col_expr(task::Column::UpdatedAt, Expr::value(clock::now()))
        .filter(task::Column::Id.eq(t.id))
        .filter(task::Column::Version.eq(t.version))
        .exec(db)
        .await
        .map_err(db_err)?;
    if done.rows_affected == 0 {
        return Err(conflict());
    }
    Ok(())
}

pub async fn archive_task(ctx: &RequestCtx, task_id: i64) -> Result<(), AppError> {
    set_task_archived(ctx, task_id, true).await
}

pub async fn restore_task(ctx: &RequestCtx, task_id: i64) -> Result<(), AppError> {
    set_task_archived(ctx, task_id, false).await
}

// ---------------------------------------------------------------------------------------------
// Scales

/// The built-in scales and the ones teachers at this school made.
pub async fn scales(ctx: &RequestCtx) -> Result<Vec<Scale>, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_plan(&p))?;
    scale::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(scale::Column::SchoolId.is_null())
                .add(scale::Column::SchoolId.eq(p.school_id)),
        )
        .order_by_asc(scale::Column::Id)
        .all(&ctx.db)
        .await
        .map_err(db_err)?
        .iter()
        .map(to_scale)
        .collect()
}

/// A teacher's own scale, for the whole school to use.
pub async fn create_scale(ctx: &RequestCtx, name: &str, steps: &[String]) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_create_scale(&p))?;
    let name = Title::parse(name, "scale_name")?;
    let steps = domain::planning::parse_scale_steps(steps)?;
    let created = scale::ActiveModel {
        school_id: Set(Some(p.school_id)),
        name: Set(name.as_str().to_owned()),
        steps: Set(serde_json::to_string(&steps).map_err(|_| AppError::internal())?),
        faces: Set(false),
        created_by: Set(Some(p.person_id)),
        created_at: Set(clock::now()),
        ..Default::default()
    }
    .insert(&ctx.db)
    .await
    .map_err(db_err)?;
    Ok(i64::from(created.id))
}

// ---------------------------------------------------------------------------------------------
// Copying (the library's last step)

/// Copies a forløb with its materials, goals and tasks into an årsplan the caller edits. Tasks
/// become tasks for the whole hold: the original's pupils are not the new hold's.
pub(crate) async fn copy_unit_into(
    db: &sea_orm::DatabaseConnection,
    p: &Principal,
    source: &Unit,
    source_id: i32,
    target_plan_id: i64,
) -> Result<i64, AppError> {
    let (plan, access) = plan_with_access(db, p, target_plan_id).await?;
    require_edit(p, &access)?;
    if plan.archived_at.is_some() {
        return Err(AppError::invalid("year_plan"));
    }
    let (first_day, last_day) = year_dates(db, access.team.school_id, plan.school_year).await?;
    // A forløb copied from another year keeps its length and lands inside this year.
    let clamp = |d: Date| -> Result<Date, AppError> {
        let first = first_day.monday();
        Ok(if d < first {
            first
        } else if d > last_day {
            last_day.monday()
        } else {
            d
        })
    };
    let checked = CheckedUnit {
        title: Title::parse(&source.title, "title")?,
        description: LongText::parse(&source.description, "description")?,
        first_week: clamp(source.first_week)?,
        last_week: clamp(source.last_week)?.max(clamp(source.first_week)?),
        materials: source
            .materials
            .iter()
            .filter(|m| m.kind != MaterialKind::File)
            .map(|m| {
                Ok((
                    Title::parse(&m.title, "title")?,
                    Link::parse(&m.url, "url")?,
                ))
            })
            .collect::<Result<_, AppError>>()?,
    };
    let goal_rows = unit_goal::Entity::find()
        .filter(unit_goal::Column::UnitId.eq(source_id))
        .filter(unit_goal::Column::ArchivedAt.is_null())
        .order_by_asc(unit_goal::Column::Position)
        .all(db)
        .await
        .map_err(db_err)?;
    let task_rows = task::Entity::find()
        .filter(task::Column::UnitId.eq(source_id))
        .filter(task::Column::ArchivedAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?;
    let files = unit_material::Entity::find()
        .filter(unit_material::Column::UnitId.eq(source_id))
        .filter(unit_material::Column::FileId.is_not_null())
        .all(db)
        .await
        .map_err(db_err)?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let new_id = insert_unit(&txn, p, plan.id, &checked, Some(source_id)).await?;
    // Files never change after upload, so the copy points at the same ones.
    for f in files {
        unit_material::ActiveModel {
            unit_id: Set(new_id),
            title: Set(f.title),
            url: Set(String::new()),
            kind: Set(f.kind),
            position: Set(f.position),
            file_id: Set(f.file_id),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(db_err)?;
    }
    for g in goal_rows {
        unit_goal::ActiveModel {
            unit_id: Set(new_id),
            kind: Set(g.kind),
            own_text: Set(g.own_text),
            framework_item_id: Set(g.framework_item_id),
            scale_id: Set(g.scale_id),
            signs: Set(g.signs),
            position: Set(g.position),
            archived_at: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(db_err)?;
    }
    let now = clock::now();
    for t in task_rows {
        let due = parse_stored_date(&t.due_on)?;
        task::ActiveModel {
            unit_id: Set(new_id),
            title: Set(t.title),
            instruction: Set(t.instruction),
            icon: Set(t.icon),
            due_kind: Set(t.due_kind),
            due_on: Set(clamp(due)?.to_string()),
            audience: Set("hold".into()),
            group_name: Set(None),
            easier: Set(t.easier),
            harder: Set(t.harder),
            version: Set(1),
            archived_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(db_err)?;
    }
    txn.commit().await.map_err(db_err)?;
    Ok(i64::from(new_id))
}
