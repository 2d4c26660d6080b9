//! The way back from pupils to their teachers: what pupils did with a task. A fixed number of
//! statements whatever the hold's size: the task with its hold, its pupils, their *Jeg er
//! færdig* and their work, each one query.

use crate::entity::task::AudienceKind;
use crate::entity::{person, portfolio_item, task_done, task_pupil, unit};
use crate::facts::hold_pupils;
use crate::identity::current_principal;
use crate::planning::access::{hide_other_schools, not_found, task_with_access};
use crate::{RequestCtx, db_err, policy};
use domain::AppError;
use domain::paths::WORK_FILES;
use domain::pupil::WorkItem;
use domain::returns::{PupilReturn, TaskReturns};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// One task as its teachers follow it: everyone it is for, whether each tapped *Jeg er færdig*
/// and when, and what each handed in for it.
pub async fn task_returns(ctx: &RequestCtx, task_id: i64) -> Result<TaskReturns, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (task, _, access) = task_with_access(db, &p, task_id).await?;
    hide_other_schools(&p, &access)?;
    policy::require(policy::can_follow_task_returns(&p, access.teaches))?;
    let unit = unit::Entity::find_by_id(task.unit_id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    // The hold's pupils now, or the pupils it was given to (those still at the school).
    let pupils: Vec<(i32, String)> = match task.audience {
        AudienceKind::Hold => hold_pupils(db, access.team.id)
            .await?
            .into_iter()
            .filter_map(|h| i32::try_from(h.id).ok().map(|id| (id, h.name)))
            .collect(),
        AudienceKind::Group | AudienceKind::Pupils => {
            let ids: Vec<i32> = task_pupil::Entity::find()
                .filter(task_pupil::Column::TaskId.eq(task.id))
                .all(db)
                .await
                .map_err(db_err)?
                .into_iter()
                .map(|r| r.pupil_id)
                .collect();
            person::Entity::find()
                .filter(person::Column::Id.is_in(ids))
                .filter(person::Column::LeftAt.is_null())
                .order_by_asc(person::Column::GivenName)
                .order_by_asc(person::Column::FamilyName)
                .all(db)
                .await
                .map_err(db_err)?
                .into_iter()
                .map(|p| (p.id, p.full_name()))
                .collect()
        }
    };
    let ids: Vec<i32> = pupils.iter().map(|(id, _)| *id).collect();
    let done: HashMap<i32, i64> = task_done::Entity::find()
        .filter(task_done::Column::TaskId.eq(task.id))
        .filter(task_done::Column::PupilId.is_in(ids.clone()))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|d| (d.pupil_id, d.done_at))
        .collect();
    let mut work: HashMap<i32, Vec<WorkItem>> = HashMap::new();
    for item in portfolio_item::Entity::find()
        .filter(portfolio_item::Column::TaskId.eq(task.id))
        .filter(portfolio_item::Column::PupilId.is_in(ids))
        .filter(portfolio_item::Column::ArchivedAt.is_null())
        .order_by_desc(portfolio_item::Column::CreatedAt)
        .order_by_desc(portfolio_item::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?
    {
        work.entry(item.pupil_id).or_default().push(WorkItem {
            id: i64::from(item.id),
            kind: item.kind,
            text: item.text,
            file_url: item.file_id.map(|_| format!("{WORK_FILES}/{}", item.id)),
            task_title: Some(task.title.clone()),
            goal_text: None,
            created_at: item.created_at,
            shared: item.shared_with_family,
        });
    }
    Ok(TaskReturns {
        task_id: i64::from(task.id),
        title: task.title.clone(),
        unit_id: i64::from(unit.id),
        unit_title: unit.title,
        team_name: access.team.name.clone(),
        pupils: pupils
            .into_iter()
            .map(|(id, name)| PupilReturn {
                pupil_id: i64::from(id),
                name,
                done_at: done.get(&id).copied(),
                work: work.remove(&id).unwrap_or_default(),
            })
            .collect(),
    })
}
