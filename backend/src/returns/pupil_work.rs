//! Everything one pupil made in a hold this school year, by forløb, with their evaluations on each
//! goal over time, for the hold's teachers: the teacher's view of a pupil across the forløb and
//! the year. A fixed number of statements however
//! much the pupil made: the hold, its pupils, årsplaner, forløb, tasks, goals, the pupil's pieces
//! and their display (`pupil::work::pieces`), and the work they brought from earlier schools.

use crate::audit;
use crate::db::read::Reads;
use crate::entity::{evaluation, portfolio_item, task, unit, unit_goal, year_plan};
use crate::facts::{hold_access, hold_pupils};
use crate::identity::current_principal;
use crate::planning::access::not_found;
use crate::planning::plans::GoalContext;
use crate::pupil::work::pieces;
use crate::{RequestCtx, db_err, policy};
use domain::audit::AuditTopic;
use domain::evaluation::EvaluationValue;
use domain::pupil::WorkItem;
use domain::returns::{GoalTrack, PupilWorkInHold, UnitWork};
use domain::{AppError, Field};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// A pupil's work in a hold's forløb this year, the running forløb first, then the latest before.
pub async fn pupil_work(
    ctx: &RequestCtx,
    team_id: i64,
    pupil_id: i64,
) -> Result<PupilWorkInHold, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let team_id = i32::try_from(team_id).map_err(|_| not_found())?;
    let access = hold_access(db, &p, team_id).await?;
    if access.team.school_id != p.school_id {
        return Err(not_found());
    }
    policy::require(policy::can_follow_task_returns(&p, access.teaches))?;
    let pupil = hold_pupils(db, team_id)
        .await?
        .into_iter()
        .find(|h| h.id == pupil_id)
        .ok_or_else(|| AppError::invalid(Field::Pupil))?;
    let pupil_id = i32::try_from(pupil.id).map_err(|_| AppError::invalid(Field::Pupil))?;
    // The screen shows the pupil's work and their evaluations over time.
    for topic in [AuditTopic::Work, AuditTopic::Evaluations] {
        audit::read(ctx, &p, topic, [pupil_id], Some(i64::from(team_id))).await?;
    }
    let plans: Vec<i32> = year_plan::Entity::find()
        .select_only()
        .column(year_plan::Column::Id)
        .filter(year_plan::Column::TeamId.eq(team_id))
        .filter(year_plan::Column::ArchivedAt.is_null())
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;
    let units = unit::Entity::find()
        .filter(unit::Column::YearPlanId.is_in(plans))
        .filter(unit::Column::ArchivedAt.is_null())
        .order_by_desc(unit::Column::FirstWeek)
        .order_by_desc(unit::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let unit_ids: Vec<i32> = units.iter().map(|u| u.id).collect();
    let task_unit: HashMap<i32, i32> = task::Entity::find()
        .select_only()
        .column(task::Column::Id)
        .column(task::Column::UnitId)
        .filter(task::Column::UnitId.is_in(unit_ids.clone()))
        .into_tuple::<(i32, i32)>()
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .collect();
    let goal_rows = unit_goal::Entity::find()
        .filter(unit_goal::Column::UnitId.is_in(unit_ids))
        .filter(unit_goal::Column::ArchivedAt.is_null())
        .order_by_asc(unit_goal::Column::Position)
        .all(db)
        .await
        .map_err(db_err)?;
    let goal_unit: HashMap<i32, i32> = goal_rows.iter().map(|g| (g.id, g.unit_id)).collect();
    let tracks = tracks(db, pupil_id, &goal_rows).await?;
    let query = portfolio_item::Entity::find()
        .filter(portfolio_item::Column::PupilId.eq(pupil_id))
        .filter(
            Condition::any()
                .add(
                    portfolio_item::Column::TaskId
                        .is_in(task_unit.keys().copied().collect::<Vec<_>>()),
                )
                .add(
                    portfolio_item::Column::GoalId
                        .is_in(goal_unit.keys().copied().collect::<Vec<_>>()),
                ),
        );
    // Which forløb each piece is for: its task's, else its goal's.
    let unit_of: HashMap<i64, i32> = query
        .clone()
        .select_only()
        .column(portfolio_item::Column::Id)
        .column(portfolio_item::Column::TaskId)
        .column(portfolio_item::Column::GoalId)
        .into_tuple::<(i32, Option<i32>, Option<i32>)>()
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .filter_map(|(id, task, goal)| {
            let unit = task
                .and_then(|t| task_unit.get(&t))
                .or_else(|| goal.and_then(|g| goal_unit.get(&g)))?;
            Some((i64::from(id), *unit))
        })
        .collect();
    let mut by_unit: HashMap<i32, Vec<WorkItem>> = HashMap::new();
    for piece in pieces(db, query, false).await? {
        if let Some(unit) = unit_of.get(&piece.id) {
            by_unit.entry(*unit).or_default().push(piece);
        }
    }
    let monday = p.today.monday().to_string();
    let mut out: Vec<UnitWork> = units
        .into_iter()
        .filter(|u| u.first_week <= monday)
        .map(|u| UnitWork {
            unit_id: i64::from(u.id),
            current: monday <= u.last_week,
            pieces: by_unit.remove(&u.id).unwrap_or_default(),
            goals: goal_rows
                .iter()
                .filter(|g| g.unit_id == u.id)
                .filter_map(|g| tracks.get(&g.id).cloned())
                .collect(),
            title: u.title,
        })
        .collect();
    // The running forløb first; the rest stay newest first.
    out.sort_by_key(|u| !u.current);
    Ok(PupilWorkInHold {
        team_id: i64::from(team_id),
        team_name: access.team.name,
        pupil_id: pupil.id,
        pupil_name: pupil.name,
        units: out,
        brought: crate::pupil_plan::brought::brought_work(db, pupil_id).await?,
    })
}

/// The pupil's evaluations on each goal, oldest first, the teachers' and the pupil's own apart.
async fn tracks(
    db: &impl Reads,
    pupil_id: i32,
    goals: &[unit_goal::Model],
) -> Result<HashMap<i32, GoalTrack>, AppError> {
    let context = GoalContext::load(db, goals).await?;
    let mut out: HashMap<i32, GoalTrack> = HashMap::new();
    for g in goals {
        out.insert(
            g.id,
            GoalTrack {
                goal_id: i64::from(g.id),
                text: context.text(g),
                steps: context.scale(g)?.steps,
                teacher: Vec::new(),
                pupil: Vec::new(),
            },
        );
    }
    for e in evaluation::Entity::find()
        .filter(evaluation::Column::PupilId.eq(pupil_id))
        .filter(evaluation::Column::GoalId.is_in(goals.iter().map(|g| g.id).collect::<Vec<_>>()))
        .order_by_asc(evaluation::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?
    {
        if let Some(track) = out.get_mut(&e.goal_id) {
            let value = EvaluationValue {
                step: e.step.and_then(|s| u8::try_from(s).ok()),
                comment: e.comment.clone(),
                at: e.created_at,
            };
            if e.by_pupil {
                track.pupil.push(value);
            } else {
                track.teacher.push(value);
            }
        }
    }
    Ok(out)
}
