//! Evaluations of a forløb's goals. Teachers evaluate every goal; for "mål og refleksion" the
//! pupil evaluates themselves too, and the two stay side by side. Nothing is overwritten: each
//! evaluation is a new row, the newest is current, the rest is history. Pupils' work chosen as
//! evidence for a goal is `evidence`.

pub mod evidence;

use crate::audit;
use crate::db::read::{self, Reads};
use crate::entity::{evaluation, unit_goal};
use crate::facts::{HoldAccess, hold_pupils};
use crate::identity::current_principal;
use crate::planning::access::{require_edit, unit_with_access};
use crate::planning::goals::{GoalContext, active_goals};
use crate::planning::scales::scales_by_id;
use crate::{Principal, RequestCtx, clock, db_err, policy};
use domain::Field;
use domain::audit::AuditTopic;
use domain::evaluation::{
    EvaluationGrid, EvaluationHistory, EvaluationValue, GridCell, GridGoal, GridPupil,
    parse_comment,
};
use domain::planning::{GoalKind, Scale};
use domain::{AppError, ErrorCode};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

fn not_found() -> AppError {
    AppError::new(ErrorCode::NotFound)
}

pub(super) fn id32(id: i64, field: Field) -> Result<i32, AppError> {
    i32::try_from(id).map_err(|_| AppError::invalid(field))
}

/// Whether a call may reach a goal taken out of its forløb: its history stays readable (the
/// evaluations are the pupil's), but nobody evaluates on it until it is restored.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Archived {
    Readable,
    Hidden,
}

/// A goal with its forløb's hold, for the rules.
pub(super) async fn goal_with_access(
    db: &impl Reads,
    p: &Principal,
    goal_id: i64,
    archived: Archived,
) -> Result<(unit_goal::Model, HoldAccess), AppError> {
    let goal = read::one(
        db,
        unit_goal::Entity::find_by_id(i32::try_from(goal_id).map_err(|_| not_found())?),
    )
    .await
    .map_err(db_err)?
    .filter(|g| g.archived_at.is_none() || archived == Archived::Readable)
    .ok_or_else(not_found)?;
    let (_, _, access) = unit_with_access(db, p, i64::from(goal.unit_id)).await?;
    Ok((goal, access))
}

fn value(row: &evaluation::Model) -> EvaluationValue {
    EvaluationValue {
        step: row.step.and_then(|s| u8::try_from(s).ok()),
        comment: row.comment.clone(),
        at: row.created_at,
    }
}

async fn scale_of(db: &impl Reads, goal: &unit_goal::Model) -> Result<Scale, AppError> {
    scales_by_id(db, vec![goal.scale_id])
        .await?
        .remove(&goal.scale_id)
        .ok_or_else(AppError::internal)
}

/// A step on the scale and/or words; at least one of them.
fn check_value(
    scale: &Scale,
    step: Option<i64>,
    comment: &str,
) -> Result<(Option<i16>, String), AppError> {
    let comment = parse_comment(comment)?;
    let step = match step {
        Some(s) if s >= 0 && usize::try_from(s).is_ok_and(|s| s < scale.steps.len()) => {
            Some(i16::try_from(s).map_err(|_| AppError::invalid(Field::Step))?)
        }
        Some(_) => return Err(AppError::invalid(Field::Step)),
        None => None,
    };
    if step.is_none() && comment.is_empty() {
        return Err(AppError::invalid(Field::Step));
    }
    Ok((step, comment))
}

async fn record(
    db: &impl ConnectionTrait,
    goal_id: i32,
    pupil_id: i32,
    author_id: i32,
    by_pupil: bool,
    (step, comment): (Option<i16>, String),
) -> Result<(), AppError> {
    evaluation::ActiveModel {
        goal_id: Set(goal_id),
        pupil_id: Set(pupil_id),
        author_id: Set(author_id),
        by_pupil: Set(by_pupil),
        step: Set(step),
        comment: Set(comment),
        created_at: Set(clock::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    Ok(())
}

/// The teacher's evaluation of one pupil on one goal.
pub async fn evaluate(
    ctx: &RequestCtx,
    goal_id: i64,
    pupil_id: i64,
    step: Option<i64>,
    comment: &str,
) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (goal, access) = goal_with_access(db, &p, goal_id, Archived::Hidden).await?;
    require_edit(&p, &access)?;
    let pupil_id = id32(pupil_id, Field::Pupil)?;
    let in_hold = hold_pupils(db, access.team.id)
        .await?
        .iter()
        .any(|pupil| pupil.id == i64::from(pupil_id));
    if !in_hold {
        return Err(AppError::invalid(Field::Pupil));
    }
    let checked = check_value(&scale_of(db, &goal).await?, step, comment)?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    record(&txn, goal.id, pupil_id, p.person_id, false, checked).await?;
    audit::changed(
        &txn,
        ctx,
        &p,
        AuditTopic::Evaluations,
        pupil_id,
        Some(i64::from(goal.id)),
    )
    .await?;
    txn.commit().await.map_err(db_err)
}

/// A pupil's evaluation of themselves, on a "mål og refleksion" goal of a hold they are in.
pub async fn self_evaluate(
    ctx: &RequestCtx,
    goal_id: i64,
    step: Option<i64>,
    comment: &str,
) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (goal, access) = goal_with_access(db, &p, goal_id, Archived::Hidden).await?;
    let in_hold = hold_pupils(db, access.team.id)
        .await?
        .iter()
        .any(|pupil| pupil.id == i64::from(p.person_id));
    policy::require(policy::can_self_evaluate(&p, in_hold))?;
    if goal.kind != GoalKind::Refleksion {
        return Err(AppError::invalid(Field::Goal));
    }
    let checked = check_value(&scale_of(db, &goal).await?, step, comment)?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    record(&txn, goal.id, p.person_id, p.person_id, true, checked).await?;
    audit::changed(
        &txn,
        ctx,
        &p,
        AuditTopic::Evaluations,
        p.person_id,
        Some(i64::from(goal.id)),
    )
    .await?;
    txn.commit().await.map_err(db_err)
}

/// Pupils × goals of a forløb with the current teacher and pupil evaluations, in a fixed number
/// of queries.
pub async fn grid(ctx: &RequestCtx, unit_id: i64) -> Result<EvaluationGrid, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (unit, _, access) = unit_with_access(db, &p, unit_id).await?;
    policy::require(policy::can_view_year_plan(
        &p,
        access.teaches,
        access.team.school_id,
    ))?;
    let goal_rows = active_goals(db, unit.id).await?;
    let context = GoalContext::load(db, &goal_rows).await?;
    let goals: Vec<GridGoal> = goal_rows
        .iter()
        .map(|g| {
            Ok(GridGoal {
                id: i64::from(g.id),
                text: context.text(g),
                kind: g.kind,
                scale: context.scale(g)?,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let pupils = hold_pupils(db, access.team.id).await?;
    audit::read(
        ctx,
        &p,
        AuditTopic::Evaluations,
        pupils
            .iter()
            .filter_map(|pupil| i32::try_from(pupil.id).ok()),
        Some(i64::from(unit.id)),
    )
    .await?;
    let rows = read::all(
        db,
        evaluation::Entity::find()
            .filter(
                evaluation::Column::GoalId
                    .is_in(goal_rows.iter().map(|g| g.id).collect::<Vec<_>>()),
            )
            .order_by_asc(evaluation::Column::Id),
    )
    .await
    .map_err(db_err)?;
    let evidence =
        evidence::counts(db, &goal_rows.iter().map(|g| g.id).collect::<Vec<_>>()).await?;
    // Later rows replace earlier ones: what is left is the current value.
    let mut current: HashMap<(i32, i32, bool), &evaluation::Model> = HashMap::new();
    for row in &rows {
        current.insert((row.goal_id, row.pupil_id, row.by_pupil), row);
    }
    let mut cells = Vec::new();
    for pupil in &pupils {
        let pupil_id = i32::try_from(pupil.id).map_err(|_| AppError::internal())?;
        for g in &goal_rows {
            cells.push(GridCell {
                goal_id: i64::from(g.id),
                pupil_id: pupil.id,
                teacher: current.get(&(g.id, pupil_id, false)).map(|r| value(r)),
                pupil: current.get(&(g.id, pupil_id, true)).map(|r| value(r)),
                evidence: evidence.get(&(g.id, pupil_id)).copied().unwrap_or(0),
            });
        }
    }
    Ok(EvaluationGrid {
        unit_id: i64::from(unit.id),
        team_id: i64::from(access.team.id),
        unit_title: unit.title,
        goals,
        pupils: pupils
            .into_iter()
            .map(|pupil| GridPupil {
                id: pupil.id,
                name: pupil.name,
            })
            .collect(),
        cells,
    })
}

/// Every value a pupil's evaluation on a goal has had, the teacher's and the pupil's apart.
pub async fn history(
    ctx: &RequestCtx,
    goal_id: i64,
    pupil_id: i64,
) -> Result<EvaluationHistory, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (goal, access) = goal_with_access(db, &p, goal_id, Archived::Readable).await?;
    policy::require(policy::can_view_year_plan(
        &p,
        access.teaches,
        access.team.school_id,
    ))?;
    let pupil_id = id32(pupil_id, Field::Pupil)?;
    let rows = evaluation::Entity::find()
        .filter(evaluation::Column::GoalId.eq(goal.id))
        .filter(evaluation::Column::PupilId.eq(pupil_id))
        .order_by_asc(evaluation::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    // A pupil with no evaluation on the goal must be one of the hold's: an id from elsewhere is
    // refused, and never reaches the audit trail.
    if rows.is_empty()
        && !hold_pupils(db, access.team.id)
            .await?
            .iter()
            .any(|pupil| pupil.id == i64::from(pupil_id))
    {
        return Err(AppError::invalid(Field::Pupil));
    }
    audit::read(
        ctx,
        &p,
        AuditTopic::Evaluations,
        [pupil_id],
        Some(goal.id.into()),
    )
    .await?;
    Ok(EvaluationHistory {
        teacher: rows.iter().filter(|r| !r.by_pupil).map(value).collect(),
        pupil: rows.iter().filter(|r| r.by_pupil).map(value).collect(),
    })
}

/// The "mål og refleksion" goals of the forløb running in the pupil's hold this year, each with
/// the pupil's own latest evaluation and never the teacher's.
pub async fn my_goals(ctx: &RequestCtx) -> Result<Vec<domain::evaluation::MyGoal>, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_view_pupil_home(&p))?;
    reflection_goals_of(&ctx.db, p.person_id, p.school_year).await
}

/// A pupil's "mål og refleksion" goals in their current forløb, each with the pupil's own
/// current evaluation (never the teacher's): what the pupil sees, and what their family may.
pub(crate) async fn reflection_goals_of(
    db: &impl Reads,
    pupil_id: i32,
    school_year: i32,
) -> Result<Vec<domain::evaluation::MyGoal>, AppError> {
    let current = crate::facts::CurrentUnits::of(db, pupil_id, school_year).await?;
    let units = &current.units;
    let goal_rows = read::all(
        db,
        unit_goal::Entity::find()
            .filter(unit_goal::Column::UnitId.is_in(units.keys().copied().collect::<Vec<_>>()))
            .filter(unit_goal::Column::ArchivedAt.is_null())
            .filter(unit_goal::Column::Kind.eq(GoalKind::Refleksion))
            .order_by_asc(unit_goal::Column::UnitId)
            .order_by_asc(unit_goal::Column::Position),
    )
    .await
    .map_err(db_err)?;
    let context = GoalContext::load(db, &goal_rows).await?;
    // Oldest first: the last of each goal's is the current one.
    let mut mine: HashMap<i32, Vec<EvaluationValue>> = HashMap::new();
    for e in read::all(
        db,
        evaluation::Entity::find()
            .filter(evaluation::Column::PupilId.eq(pupil_id))
            .filter(evaluation::Column::ByPupil.eq(true))
            .filter(
                evaluation::Column::GoalId
                    .is_in(goal_rows.iter().map(|g| g.id).collect::<Vec<_>>()),
            )
            .order_by_asc(evaluation::Column::Id),
    )
    .await
    .map_err(db_err)?
    {
        mine.entry(e.goal_id).or_default().push(value(&e));
    }
    goal_rows
        .iter()
        .filter_map(|g| {
            let u = units.get(&g.unit_id)?;
            let t = current.team_of(u)?;
            Some((g, u, t))
        })
        .map(|(g, u, t)| {
            Ok(domain::evaluation::MyGoal {
                goal_id: i64::from(g.id),
                text: context.text(g),
                unit_title: u.title.clone(),
                subject: domain::school::Subject::parse(&t.subject)
                    .map_err(|_| AppError::internal())?,
                scale: context.scale(g)?,
                mine: mine.get(&g.id).and_then(|h| h.last().cloned()),
                history: mine.get(&g.id).cloned().unwrap_or_default(),
            })
        })
        .collect()
}
