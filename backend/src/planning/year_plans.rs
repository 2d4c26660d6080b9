//! Årsplaner: one active per hold and school year, with the week-by-week overview.

use super::access::*;
use crate::db::read::{self, Reads};
use crate::entity::team_member::MemberRole;
use crate::entity::{task, team, team_member, unit, unit_goal, year_plan};
use crate::facts::hold_access;
use crate::identity::current_principal;
use crate::{Principal, RequestCtx, clock, db_err, next_version, policy, write_err};
use domain::AppError;
use domain::Field;
use domain::calendar::Date;
use domain::calendar::school_year_name;
use domain::planning::{
    ArchivedYearPlan, EarlierYearPlan, PlanWeek, PlanningOverview, PlanningTeam, Title,
    UnitSummary, YearPlan, YearPlanSummary,
};
use domain::school::Subject;
use domain::school_year::{Holiday, school_week};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::HashMap;

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
        .filter(team_member::Column::LeftAt.is_null())
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
        earlier: earlier_plans(db, &p).await?,
    })
}

/// The active årsplaner of earlier years in hold the person taught, newest year first. A
/// teacher's membership of an earlier year's hold is history, whether or not it ended.
async fn earlier_plans(
    db: &impl ConnectionTrait,
    p: &Principal,
) -> Result<Vec<EarlierYearPlan>, AppError> {
    let taught: Vec<i32> = team_member::Entity::find()
        .select_only()
        .column(team_member::Column::TeamId)
        .filter(team_member::Column::PersonId.eq(p.person_id))
        .filter(team_member::Column::Role.eq(MemberRole::Teacher))
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;
    let teams: HashMap<i32, team::Model> = team::Entity::find()
        .filter(team::Column::Id.is_in(taught))
        .filter(team::Column::SchoolYear.lt(p.school_year))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let plans = year_plan::Entity::find()
        .filter(year_plan::Column::TeamId.is_in(teams.keys().copied().collect::<Vec<_>>()))
        .filter(year_plan::Column::ArchivedAt.is_null())
        .order_by_desc(year_plan::Column::SchoolYear)
        .order_by_asc(year_plan::Column::Title)
        .all(db)
        .await
        .map_err(db_err)?;
    let counts = count_by(db, plans.iter().map(|pl| pl.id).collect()).await?;
    Ok(plans
        .into_iter()
        .filter_map(|pl| {
            let team = teams.get(&pl.team_id)?;
            Some(EarlierYearPlan {
                id: i64::from(pl.id),
                subject: Subject::parse(&team.subject).ok()?,
                team_name: team.name.clone(),
                school_year: school_year_name(pl.school_year),
                unit_count: counts.get(&pl.id).copied().unwrap_or(0),
                title: pl.title,
            })
        })
        .collect())
}

/// Active forløb per årsplan.
pub(crate) async fn count_by(
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

pub(crate) async fn active_plan_of(
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
    create_year_plan_as(&ctx.db, &p, team_id, title).await
}

/// `create_year_plan` for a principal already known, in any connection or transaction: the demo seed
/// plans through here, as the screens do.
pub(crate) async fn create_year_plan_as<C: crate::db::Writes>(
    db: &C,
    p: &Principal,
    team_id: i64,
    title: &str,
) -> Result<i64, AppError> {
    let access = hold_access(db, p, id32(team_id)?).await?;
    hide_other_schools(p, &access)?;
    require_edit(p, &access)?;
    let title = Title::parse(title, Field::Title)?;
    if access.team.archived_at.is_some() || access.team.school_year != p.school_year {
        return Err(AppError::invalid(Field::Team));
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

pub(crate) fn summary(u: &unit::Model, goals: u32, tasks: u32) -> Result<UnitSummary, AppError> {
    Ok(UnitSummary {
        id: i64::from(u.id),
        title: u.title.clone(),
        first_week: parse_stored_date(&u.first_week)?,
        last_week: parse_stored_date(&u.last_week)?,
        goal_count: goals,
        task_count: tasks,
        shared: u.shared_at.is_some(),
        version: u.version,
    })
}

pub(crate) async fn counts_per_unit<E, C>(
    db: &impl Reads,
    unit_ids: &[i32],
    unit_col: C,
    archived_col: C,
) -> Result<HashMap<i32, u32>, AppError>
where
    E: EntityTrait,
    C: ColumnTrait,
{
    let rows: Vec<(i32, i64)> = read::tuples(
        db,
        E::find()
            .select_only()
            .column(unit_col)
            .column_as(unit_col.count(), "n")
            .filter(unit_col.is_in(unit_ids.to_vec()))
            .filter(archived_col.is_null())
            .group_by(unit_col),
    )
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
    let units = read::all(
        db,
        unit::Entity::find()
            .filter(unit::Column::YearPlanId.eq(plan.id))
            .order_by_asc(unit::Column::FirstWeek)
            .order_by_asc(unit::Column::Id),
    )
    .await
    .map_err(db_err)?;
    let ids: Vec<i32> = units.iter().map(|u| u.id).collect();
    // One read gives both each forløb's number of goals and the framework goals for coverage.
    let goal_rows: Vec<(i32, Option<i32>)> = read::tuples(
        db,
        unit_goal::Entity::find()
            .select_only()
            .column(unit_goal::Column::UnitId)
            .column(unit_goal::Column::FrameworkItemId)
            .filter(unit_goal::Column::UnitId.is_in(ids.clone()))
            .filter(unit_goal::Column::ArchivedAt.is_null()),
    )
    .await
    .map_err(db_err)?;
    let mut goals: HashMap<i32, u32> = HashMap::new();
    for (unit_id, _) in &goal_rows {
        *goals.entry(*unit_id).or_default() += 1;
    }
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
    let (first, last, holidays) =
        year_calendar(db, access.team.school_id, plan.school_year).await?;
    let weeks = plan_weeks(first, last, &holidays, &active)?;
    let subject = Subject::parse(&access.team.subject).map_err(|_| AppError::internal())?;
    let running: std::collections::HashSet<i64> = active.iter().map(|u| u.id).collect();
    let framework_goals: Vec<(i32, i32)> = goal_rows
        .into_iter()
        .filter(|(unit_id, _)| running.contains(&i64::from(*unit_id)))
        .filter_map(|(unit_id, item)| Some((unit_id, item?)))
        .collect();
    let mut coverage =
        super::coverage::coverage(db, access.team.school_id, subject, &framework_goals).await?;
    // In the plan's order (by first week), as the timeline shows them.
    for area in &mut coverage {
        area.units
            .sort_by_key(|id| active.iter().position(|u| u.id == *id));
    }
    Ok(YearPlan {
        id: i64::from(plan.id),
        team_id: i64::from(access.team.id),
        team_name: access.team.name.clone(),
        subject,
        school_year: school_year_name(plan.school_year),
        title: plan.title,
        version: plan.version,
        units: active,
        archived_units: archived,
        weeks,
        last_day: last,
        this_week: p.today.monday(),
        coverage,
    })
}

/// Every week of a school year from `first` to `last`, with its school days, its holiday and
/// the `units` that run in it.
pub(crate) fn plan_weeks(
    first: Date,
    last: Date,
    holidays: &[Holiday],
    units: &[UnitSummary],
) -> Result<Vec<PlanWeek>, AppError> {
    Ok(mondays(first, last)?
        .into_iter()
        .map(|monday| {
            let school = school_week(monday, first, last, holidays);
            PlanWeek {
                week: monday.iso_week().week,
                monday,
                unit_ids: units
                    .iter()
                    .filter(|u| u.first_week <= monday && monday <= u.last_week)
                    .map(|u| u.id)
                    .collect(),
                school_days: school.school_days,
                holiday: school.holiday,
            }
        })
        .collect())
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
    let title = Title::parse(title, Field::Title)?;
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
pub(crate) async fn set_plan_archived(
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
