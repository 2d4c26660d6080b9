//! "I dag": the tasks a pupil has today and this week, in the version their teacher gave them.

use crate::db::read::{self, Reads};
use crate::entity::task::{AudienceKind, DueKind};
use crate::entity::{task, task_done, task_pupil, unit_goal, unit_material};
use crate::facts::CurrentUnits;
use crate::identity::current_principal;
use crate::planning::plans::{GoalContext, materials_of};
use crate::{Principal, RequestCtx, audit, clock, db_err, policy};
use domain::Field;
use domain::audit::AuditTopic;
use domain::calendar::Date;
use domain::planning::{GoalKind, Variant};
use domain::pupil::{TaskGoal, Today, TodayTask};
use domain::school::Subject;
use domain::{AppError, ErrorCode};
use sea_orm::sea_query::ExprTrait;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use std::collections::{HashMap, HashSet};

/// The variant a pupil is given of a task, or `None` when the task is not for them.
fn variant_for(t: &task::Model, mine: Option<&task_pupil::Model>) -> Option<Variant> {
    match (t.audience, mine) {
        (_, Some(row)) => Some(row.variant),
        (AudienceKind::Hold, None) => Some(Variant::Standard),
        (AudienceKind::Group | AudienceKind::Pupils, None) => None,
    }
}

fn instruction_for(t: &task::Model, variant: Variant) -> String {
    let text = match variant {
        Variant::Easier => t.easier.as_deref(),
        Variant::Harder => t.harder.as_deref(),
        Variant::Standard => None,
    };
    text.filter(|s| !s.trim().is_empty())
        .unwrap_or(&t.instruction)
        .to_owned()
}

/// Which tasks to take: those due on a day in `days`, and those for a week starting on one of
/// `mondays`.
pub(crate) struct Due {
    pub days: Vec<Date>,
    pub mondays: Vec<Date>,
}

impl Due {
    /// Today's, and this week's.
    pub(crate) fn today(date: Date) -> Result<Self, AppError> {
        Ok(Self {
            days: vec![date],
            mondays: vec![date.monday()],
        })
    }

    /// Every task of `weeks` weeks from `monday`.
    pub(crate) fn weeks(monday: Date, weeks: i64) -> Result<Self, AppError> {
        let days = (0..7 * weeks)
            .map(|d| monday.add_days(d).ok_or_else(AppError::internal))
            .collect::<Result<Vec<_>, _>>()?;
        let mondays = days.iter().copied().step_by(7).collect();
        Ok(Self { days, mondays })
    }
}

/// The tasks of the current forløb that are for this pupil and due as `due` says, in their variant.
pub(crate) async fn pupils_tasks(
    db: &impl Reads,
    pupil_id: i32,
    current: &CurrentUnits,
    due: &Due,
) -> Result<Vec<(task::Model, Variant)>, AppError> {
    let as_text = |dates: &[Date]| dates.iter().map(ToString::to_string).collect::<Vec<_>>();
    let rows = read::all(
        db,
        task::Entity::find()
            .filter(task::Column::UnitId.is_in(current.units.keys().copied().collect::<Vec<_>>()))
            .filter(task::Column::ArchivedAt.is_null())
            .filter(
                sea_orm::Condition::any()
                    .add(
                        task::Column::DueKind
                            .eq(DueKind::Day)
                            .and(task::Column::DueOn.is_in(as_text(&due.days))),
                    )
                    .add(
                        task::Column::DueKind
                            .eq(DueKind::Week)
                            .and(task::Column::DueOn.is_in(as_text(&due.mondays))),
                    ),
            )
            .order_by_asc(task::Column::DueOn)
            .order_by_asc(task::Column::DueKind)
            .order_by_asc(task::Column::Id),
    )
    .await
    .map_err(db_err)?;
    let mine: HashMap<i32, task_pupil::Model> = read::all(
        db,
        task_pupil::Entity::find()
            .filter(task_pupil::Column::PupilId.eq(pupil_id))
            .filter(
                task_pupil::Column::TaskId.is_in(rows.iter().map(|t| t.id).collect::<Vec<_>>()),
            ),
    )
    .await
    .map_err(db_err)?
    .into_iter()
    .map(|r| (r.task_id, r))
    .collect();
    Ok(rows
        .into_iter()
        .filter_map(|t| variant_for(&t, mine.get(&t.id)).map(|v| (t, v)))
        .collect())
}

/// The pupil's tasks as the pupil sees them: instruction of their variant, materials, the
/// forløb's "mål og refleksion" goals, and whether they said they are done. Five queries.
pub(crate) async fn as_seen_by_pupil(
    db: &impl Reads,
    pupil_id: i32,
    current: &CurrentUnits,
    tasks: Vec<(task::Model, Variant)>,
) -> Result<Vec<TodayTask>, AppError> {
    let unit_ids: Vec<i32> = tasks
        .iter()
        .map(|(t, _)| t.unit_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let materials = read::all(
        db,
        unit_material::Entity::find()
            .filter(unit_material::Column::UnitId.is_in(unit_ids.clone()))
            .order_by_asc(unit_material::Column::Position),
    )
    .await
    .map_err(db_err)?;
    let materials = materials_of(db, materials).await?;
    let goal_rows = read::all(
        db,
        unit_goal::Entity::find()
            .filter(unit_goal::Column::UnitId.is_in(unit_ids))
            .filter(unit_goal::Column::ArchivedAt.is_null())
            .filter(unit_goal::Column::Kind.eq(GoalKind::Refleksion))
            .order_by_asc(unit_goal::Column::Position),
    )
    .await
    .map_err(db_err)?;
    let context = GoalContext::load(db, &goal_rows).await?;
    let done: HashSet<i32> = read::tuples::<i32, _, _>(
        db,
        task_done::Entity::find()
            .select_only()
            .column(task_done::Column::TaskId)
            .filter(task_done::Column::PupilId.eq(pupil_id))
            .filter(
                task_done::Column::TaskId
                    .is_in(tasks.iter().map(|(t, _)| t.id).collect::<Vec<_>>()),
            ),
    )
    .await
    .map_err(db_err)?
    .into_iter()
    .collect();
    let mut out = Vec::with_capacity(tasks.len());
    for (t, variant) in tasks {
        let Some(u) = current.units.get(&t.unit_id) else {
            continue;
        };
        let subject = current
            .team_of(u)
            .and_then(|team| Subject::parse(&team.subject).ok())
            .ok_or_else(AppError::internal)?;
        let due_on = Date::parse(&t.due_on, Field::DueOn).map_err(|_| AppError::internal())?;
        out.push(TodayTask {
            id: i64::from(t.id),
            title: t.title.clone(),
            instruction: instruction_for(&t, variant),
            icon: t.icon,
            subject,
            unit_title: u.title.clone(),
            this_week: t.due_kind == DueKind::Week,
            due: due_on,
            materials: materials
                .iter()
                .filter(|(unit_id, _)| *unit_id == t.unit_id)
                .map(|(_, m)| m.clone())
                .collect(),
            goals: goal_rows
                .iter()
                .filter(|g| g.unit_id == t.unit_id)
                .map(|g| TaskGoal {
                    id: i64::from(g.id),
                    text: context.text(g),
                })
                .collect(),
            done: done.contains(&t.id),
            feedback: Vec::new(),
        });
    }
    Ok(out)
}

/// `I dag` for the signed-in pupil, with their teachers' answers on each task.
pub async fn today_for_pupil(ctx: &RequestCtx) -> Result<Today, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_view_pupil_home(&p))?;
    let db = &ctx.db;
    let date = p.today;
    let current = CurrentUnits::of_pupil(db, &p).await?;
    let tasks = pupils_tasks(db, p.person_id, &current, &Due::today(date)?).await?;
    let mut out = as_seen_by_pupil(db, p.person_id, &current, tasks).await?;
    let ids: Vec<i32> = out
        .iter()
        .filter_map(|t| i32::try_from(t.id).ok())
        .collect();
    let mut answers = crate::returns::feedback::for_pupil_tasks(db, p.person_id, &ids).await?;
    for task in &mut out {
        if let Ok(id) = i32::try_from(task.id) {
            task.feedback = answers.remove(&id).unwrap_or_default();
        }
    }
    // Today's tasks before the week's: the day's are the ones that cannot wait.
    out.sort_by_key(|t| t.this_week);
    Ok(Today { date, tasks: out })
}

/// Whether a task is one of the signed-in pupil's: of a current forløb and for them.
pub(crate) async fn is_my_task(
    db: &impl Reads,
    p: &Principal,
    task_id: i32,
) -> Result<bool, AppError> {
    let Some(t) = read::one(db, task::Entity::find_by_id(task_id))
        .await
        .map_err(db_err)?
        .filter(|t| t.archived_at.is_none())
    else {
        return Ok(false);
    };
    let current = CurrentUnits::of_pupil(db, p).await?;
    if !current.units.contains_key(&t.unit_id) {
        return Ok(false);
    }
    let mine = read::one(db, task_pupil::Entity::find_by_id((t.id, p.person_id)))
        .await
        .map_err(db_err)?;
    Ok(variant_for(&t, mine.as_ref()).is_some())
}

/// "Færdig" on a task, or taking it back.
pub async fn mark_done(ctx: &RequestCtx, task_id: i64, done: bool) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let id = i32::try_from(task_id).map_err(|_| AppError::new(ErrorCode::NotFound))?;
    let mine = p.role == domain::identity::Role::Pupil && is_my_task(db, &p, id).await?;
    policy::require(policy::can_work_on_task(&p, mine))?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let changed = if done {
        task_done::Entity::insert(task_done::ActiveModel {
            task_id: Set(id),
            pupil_id: Set(p.person_id),
            done_at: Set(clock::now()),
        })
        .on_conflict(
            OnConflict::columns([task_done::Column::TaskId, task_done::Column::PupilId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await
        .map_err(db_err)?
    } else {
        task_done::Entity::delete_by_id((id, p.person_id))
            .exec(&txn)
            .await
            .map_err(db_err)?
            .rows_affected
    };
    // Tapping "Færdig" twice changes nothing the second time, and records nothing.
    if changed > 0 {
        audit::changed(
            &txn,
            ctx,
            &p,
            AuditTopic::Work,
            p.person_id,
            Some(id.into()),
        )
        .await?;
    }
    txn.commit().await.map_err(db_err)
}
