//! The way back from pupils to their teachers: what pupils did with a task, and the teachers'
//! answers (`feedback`). A fixed number of statements whatever the hold's size: the task with its
//! hold, its pupils, their *Jeg er færdig*, their work and the answers, each one query.

pub mod feedback;
pub mod pupil_work;
pub mod week;

use crate::audit;
use crate::db::read::Reads;
use crate::entity::task::AudienceKind;
use crate::entity::{portfolio_item, task, task_done, task_pupil, unit};
use crate::facts::{hold_pupils, still_here_by_name};
use crate::identity::current_principal;
use crate::planning::access::{hide_other_schools, not_found, task_with_access};
use crate::{Principal, RequestCtx, clock, db_err, policy};
use domain::AppError;
use domain::audit::AuditTopic;
use domain::paths::WORK_FILES;
use domain::pupil::WorkItem;
use domain::returns::{PupilReturn, TaskNews, TaskReturns};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
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
    let pupils = task_pupils(db, &task, access.team.id).await?;
    let ids: Vec<i32> = pupils.iter().map(|(id, _)| *id).collect();
    audit::read(
        ctx,
        &p,
        AuditTopic::Work,
        ids.iter().copied(),
        Some(i64::from(task.id)),
    )
    .await?;
    let done: HashMap<i32, i64> = task_done::Entity::find()
        .filter(task_done::Column::TaskId.eq(task.id))
        .filter(task_done::Column::PupilId.is_in(ids.clone()))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|d| (d.pupil_id, d.done_at))
        .collect();
    let mut answers = feedback::on_task(db, task.id, &ids).await?;
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
            feedback: answers.by_item.remove(&item.id).unwrap_or_default(),
        });
    }
    Ok(TaskReturns {
        task_id: i64::from(task.id),
        title: task.title.clone(),
        unit_id: i64::from(unit.id),
        unit_title: unit.title,
        team_id: i64::from(access.team.id),
        team_name: access.team.name.clone(),
        pupils: pupils
            .into_iter()
            .map(|(id, name)| PupilReturn {
                pupil_id: i64::from(id),
                name,
                done_at: done.get(&id).copied(),
                work: work.remove(&id).unwrap_or_default(),
                feedback: answers.by_pupil.remove(&id).unwrap_or_default(),
            })
            .collect(),
    })
}

/// Everyone a task is for now, by name: the hold's pupils, or the pupils it was given to (those
/// still at the school).
pub(crate) async fn task_pupils(
    db: &impl Reads,
    task: &task::Model,
    team_id: i32,
) -> Result<Vec<(i32, String)>, AppError> {
    Ok(match task.audience {
        AudienceKind::Hold => hold_pupils(db, team_id)
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
            still_here_by_name(db, ids)
                .await?
                .into_iter()
                .filter_map(|h| i32::try_from(h.id).ok().map(|id| (id, h.name)))
                .collect()
        }
    })
}

/// How many tasks "Nyt fra eleverne" lists.
const NEWS_LIMIT: usize = 8;

/// "Nyt fra eleverne": the tasks of the teacher's hold (`tasks`, loaded once for the home) that
/// pupils answered in the last seven school days, today included: work handed in and *Jeg er
/// færdig*, counted per task, newest first. Two statements however many tasks: work and done
/// marks, each one query.
pub async fn news(
    db: &impl ConnectionTrait,
    p: &Principal,
    tasks: &week::HoldTasks,
) -> Result<Vec<TaskNews>, AppError> {
    policy::require(policy::can_view_teacher_home(p))?;
    let week_ago = p.today.add_days(-6).ok_or_else(AppError::internal)?;
    let since = clock::start_of_day(week_ago, &p.time_zone);
    let counts = week::answers(db, tasks.ids(), Some(since)).await?;
    let mut news: Vec<TaskNews> = counts
        .into_iter()
        .filter_map(|(task_id, (handed_in, done, latest))| {
            let task = tasks.get(task_id)?;
            Some(TaskNews {
                task_id: i64::from(task_id),
                title: task.title.clone(),
                team_name: task.team_name.clone(),
                handed_in,
                done,
                latest,
            })
        })
        .collect();
    news.sort_by(|a, b| b.latest.cmp(&a.latest).then(a.task_id.cmp(&b.task_id)));
    news.truncate(NEWS_LIMIT);
    Ok(news)
}
