//! Copying a forløb into an årsplan: the library's last step.

use super::access::*;
use super::units::*;
use crate::entity::{task, unit_goal, unit_material};
use crate::{Principal, clock, db_err};
use domain::AppError;
use domain::Field;
use domain::calendar::Date;
use domain::planning::{Link, LongText, MaterialKind, Title, Unit};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

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
        return Err(AppError::invalid(Field::YearPlan));
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
        title: Title::parse(&source.title, Field::Title)?,
        description: LongText::parse(&source.description, Field::Description)?,
        first_week: clamp(source.first_week)?,
        last_week: clamp(source.last_week)?.max(clamp(source.first_week)?),
        materials: source
            .materials
            .iter()
            .filter(|m| m.kind != MaterialKind::File)
            .map(|m| {
                Ok((
                    Title::parse(&m.title, Field::Title)?,
                    Link::parse(&m.url, Field::MaterialUrl)?,
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
            audience: Set(crate::entity::task::AudienceKind::Hold),
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

/// The same ISO week `years` later (week 53 becomes week 52 in a year without one).
fn same_week_later(day: Date, years: i32) -> Date {
    let week = day.iso_week();
    Date::monday_of_iso_week(week.year + years, week.week)
        .or_else(|| Date::monday_of_iso_week(week.year + years, week.week.saturating_sub(1)))
        .unwrap_or(day)
}

/// Copies an årsplan of an earlier year, with its forløb, goals, materials and tasks, into a hold
/// of this year the caller teaches: each forløb lands in the same weeks of this year. The earlier
/// plan is not changed. Returns the new årsplan.
pub async fn copy_year_plan(
    ctx: &crate::RequestCtx,
    source_plan_id: i64,
    target_team_id: i64,
) -> Result<i64, AppError> {
    let p = crate::identity::current_principal(ctx).await?;
    let db = &ctx.db;
    let (source, access) = plan_with_access(db, &p, source_plan_id).await?;
    require_view(&p, &access)?;
    let target = crate::facts::hold_access(db, &p, id32(target_team_id)?).await?;
    hide_other_schools(&p, &target)?;
    require_edit(&p, &target)?;
    if source.school_year >= p.school_year || source.archived_at.is_some() {
        return Err(AppError::invalid(Field::YearPlan));
    }
    let units = crate::entity::unit::Entity::find()
        .filter(crate::entity::unit::Column::YearPlanId.eq(source.id))
        .filter(crate::entity::unit::Column::ArchivedAt.is_null())
        .order_by_asc(crate::entity::unit::Column::FirstWeek)
        .all(db)
        .await
        .map_err(db_err)?;
    let plan_id =
        super::year_plans::create_year_plan_as(db, &p, target_team_id, &source.title).await?;
    let years = p.school_year - source.school_year;
    for u in units {
        let id = u.id;
        let mut whole = super::unit_view::load_unit(db, u, &access).await?;
        whole.first_week = same_week_later(whole.first_week, years);
        whole.last_week = same_week_later(whole.last_week, years);
        copy_unit_into(db, &p, &whole, id, plan_id).await?;
    }
    Ok(plan_id)
}
