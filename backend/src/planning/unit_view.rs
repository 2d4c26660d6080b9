//! A forløb as its screen shows it: materials, goals, tasks (active and archived) and pupils.

use super::access::*;
use super::goals::GoalContext;
use super::materials::materials_of;
use super::tasks::to_task;
use crate::db::read::Reads;
use crate::entity::{person, task, task_pupil, unit, unit_goal, unit_material};
use crate::facts::{HoldAccess, hold_pupils};
use crate::identity::current_principal;
use crate::{RequestCtx, db_err};
use domain::AppError;
use domain::planning::{TaskPupil, Unit, UnitGoal};
use domain::school::Subject;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// A forløb whole: fields, materials, goals, tasks. Used by the editor and, for shared forløb,
/// by the library's preview.
pub(crate) async fn load_unit(
    db: &impl Reads,
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
            kind: g.kind,
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
        .map(|p| (p.id, p.full_name()))
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
                variant: x.variant,
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
        .map(|a| a.full_name())
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
        weeks: Vec::new(),
    })
}

pub async fn unit(ctx: &RequestCtx, unit_id: i64) -> Result<Unit, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (u, plan, access) = unit_with_access(db, &p, unit_id).await?;
    require_view(&p, &access)?;
    let (first, last, holidays) =
        year_calendar(db, access.team.school_id, plan.school_year).await?;
    let mut unit = load_unit(db, u, &access).await?;
    unit.weeks = super::year_plans::plan_weeks(first, last, &holidays, &[])?;
    Ok(unit)
}
