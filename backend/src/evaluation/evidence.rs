//! Work as evidence: from the evaluation grid a teacher sees the pupil's work for a goal (made
//! for the goal itself or for a task of its forløb) and chooses pieces as evidence; the grid
//! counts them and a published elevplan shows those the pupil shared with the family.

use super::{Archived, goal_with_access, id32};
use crate::audit;
use crate::db::read::{self, Reads};
use crate::entity::{goal_evidence, portfolio_item, task, unit_goal};
use crate::facts::hold_pupils;
use crate::identity::current_principal;
use crate::pupil::work::pieces;
use crate::{Principal, RequestCtx, clock, db_err, policy};
use domain::audit::AuditTopic;
use domain::evaluation::GoalWork;
use domain::pupil::WorkItem;
use domain::{AppError, Field};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect, Select, Set,
};
use std::collections::{BTreeSet, HashMap};

/// The goal and the pupil, when the caller teaches the goal's hold and the pupil is in it.
async fn goal_and_pupil(
    db: &impl Reads,
    p: &Principal,
    goal_id: i64,
    pupil_id: i64,
    archived: Archived,
) -> Result<(unit_goal::Model, i32), AppError> {
    let (goal, access) = goal_with_access(db, p, goal_id, archived).await?;
    policy::require(policy::can_choose_evidence(p, access.teaches))?;
    let pupil_id = id32(pupil_id, Field::Pupil)?;
    let in_hold = hold_pupils(db, access.team.id)
        .await?
        .iter()
        .any(|h| h.id == i64::from(pupil_id));
    if !in_hold {
        return Err(AppError::invalid(Field::Pupil));
    }
    Ok((goal, pupil_id))
}

/// The pupil's pieces that can show the goal: made for it, or for a task of its forløb.
async fn candidates(
    db: &impl ConnectionTrait,
    goal: &unit_goal::Model,
    pupil_id: i32,
) -> Result<Select<portfolio_item::Entity>, AppError> {
    let tasks: Vec<i32> = task::Entity::find()
        .select_only()
        .column(task::Column::Id)
        .filter(task::Column::UnitId.eq(goal.unit_id))
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;
    Ok(portfolio_item::Entity::find()
        .filter(portfolio_item::Column::PupilId.eq(pupil_id))
        .filter(
            Condition::any()
                .add(portfolio_item::Column::GoalId.eq(goal.id))
                .add(portfolio_item::Column::TaskId.is_in(tasks)),
        ))
}

fn chosen(goal_id: i32, pupil_id: i32) -> Select<goal_evidence::Entity> {
    goal_evidence::Entity::find()
        .filter(goal_evidence::Column::GoalId.eq(goal_id))
        .filter(goal_evidence::Column::PupilId.eq(pupil_id))
        .filter(goal_evidence::Column::RemovedAt.is_null())
}

/// A pupil's work for a goal, and which pieces are its evidence: for the hold's teachers.
pub async fn goal_work(
    ctx: &RequestCtx,
    goal_id: i64,
    pupil_id: i64,
) -> Result<GoalWork, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (goal, pupil) = goal_and_pupil(db, &p, goal_id, pupil_id, Archived::Readable).await?;
    audit::read(ctx, &p, AuditTopic::Work, [pupil], Some(i64::from(goal.id))).await?;
    let work = pieces(db, candidates(db, &goal, pupil).await?, false).await?;
    let evidence: BTreeSet<i64> = chosen(goal.id, pupil)
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|e| i64::from(e.item_id))
        .collect();
    Ok(GoalWork {
        goal_id: i64::from(goal.id),
        pupil_id: i64::from(pupil),
        pieces: work,
        evidence: evidence.into_iter().collect(),
    })
}

/// Chooses a piece of the pupil's work as evidence for a goal, or takes it away again. Choosing a
/// piece twice keeps one.
pub async fn choose_evidence(
    ctx: &RequestCtx,
    goal_id: i64,
    pupil_id: i64,
    item_id: i64,
    evidence: bool,
) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    let (goal, pupil) = goal_and_pupil(&txn, &p, goal_id, pupil_id, Archived::Hidden).await?;
    let item = id32(item_id, Field::WorkItem)?;
    let is_candidate = candidates(&txn, &goal, pupil)
        .await?
        .filter(portfolio_item::Column::Id.eq(item))
        .filter(portfolio_item::Column::ArchivedAt.is_null())
        .one(&txn)
        .await
        .map_err(db_err)?
        .is_some();
    if !is_candidate {
        return Err(AppError::invalid(Field::WorkItem));
    }
    let current = chosen(goal.id, pupil)
        .filter(goal_evidence::Column::ItemId.eq(item))
        .one(&txn)
        .await
        .map_err(db_err)?;
    match (evidence, current) {
        (true, None) => {
            goal_evidence::ActiveModel {
                goal_id: Set(goal.id),
                pupil_id: Set(pupil),
                item_id: Set(item),
                chosen_by: Set(p.person_id),
                chosen_at: Set(clock::now()),
                removed_at: Set(None),
                ..Default::default()
            }
            .insert(&txn)
            .await
            .map_err(db_err)?;
        }
        (false, Some(_)) => {
            goal_evidence::Entity::update_many()
                .col_expr(goal_evidence::Column::RemovedAt, Expr::value(clock::now()))
                .filter(goal_evidence::Column::GoalId.eq(goal.id))
                .filter(goal_evidence::Column::PupilId.eq(pupil))
                .filter(goal_evidence::Column::ItemId.eq(item))
                .filter(goal_evidence::Column::RemovedAt.is_null())
                .exec(&txn)
                .await
                .map_err(db_err)?;
        }
        _ => return txn.commit().await.map_err(db_err),
    }
    audit::changed(
        &txn,
        ctx,
        &p,
        AuditTopic::Evidence,
        pupil,
        Some(i64::from(item)),
    )
    .await?;
    txn.commit().await.map_err(db_err)
}

/// How many pieces are evidence, per (goal, pupil), for the grid: one statement.
pub(crate) async fn counts(
    db: &impl Reads,
    goal_ids: &[i32],
) -> Result<HashMap<(i32, i32), u32>, AppError> {
    let rows: Vec<(i32, i32, i32)> = read::tuples(
        db,
        goal_evidence::Entity::find()
            .select_only()
            .column(goal_evidence::Column::GoalId)
            .column(goal_evidence::Column::PupilId)
            .column(goal_evidence::Column::ItemId)
            .filter(goal_evidence::Column::GoalId.is_in(goal_ids.to_vec()))
            .filter(goal_evidence::Column::RemovedAt.is_null()),
    )
    .await
    .map_err(db_err)?;
    let distinct: BTreeSet<(i32, i32, i32)> = rows.into_iter().collect();
    let mut out: HashMap<(i32, i32), u32> = HashMap::new();
    for (goal, pupil, _) in distinct {
        *out.entry((goal, pupil)).or_default() += 1;
    }
    Ok(out)
}

/// The evidence a published plan shows for each of its goals: the chosen pieces the pupil shared
/// with the family, with the answers meant for the family.
pub(crate) async fn for_plan(
    db: &impl Reads,
    pupil_id: i32,
    goal_ids: &[i32],
) -> Result<HashMap<i32, Vec<WorkItem>>, AppError> {
    let rows = goal_evidence::Entity::find()
        .filter(goal_evidence::Column::PupilId.eq(pupil_id))
        .filter(goal_evidence::Column::GoalId.is_in(goal_ids.to_vec()))
        .filter(goal_evidence::Column::RemovedAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?;
    let ids: BTreeSet<i32> = rows.iter().map(|r| r.item_id).collect();
    let query = portfolio_item::Entity::find()
        .filter(portfolio_item::Column::PupilId.eq(pupil_id))
        .filter(portfolio_item::Column::Id.is_in(ids));
    let shared: HashMap<i64, WorkItem> = pieces(db, query, true)
        .await?
        .into_iter()
        .map(|w| (w.id, w))
        .collect();
    let mut out: HashMap<i32, Vec<WorkItem>> = HashMap::new();
    let mut seen: BTreeSet<(i32, i32)> = BTreeSet::new();
    for r in rows {
        if let Some(piece) = shared.get(&i64::from(r.item_id))
            && seen.insert((r.goal_id, r.item_id))
        {
            out.entry(r.goal_id).or_default().push(piece.clone());
        }
    }
    // Newest first, as everywhere work is listed.
    for list in out.values_mut() {
        list.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    }
    Ok(out)
}

/// A published version froze the pieces the pupil had shared; a piece the pupil stopped sharing
/// since (or that was archived) leaves every version's evidence, so the pupil's choice holds and
/// no reader meets a picture they may not open. One statement for all the versions.
pub(crate) async fn still_shared(
    db: &impl Reads,
    versions: &mut [&mut domain::pupil_plan::PublishedPlan],
) -> Result<(), AppError> {
    let ids: Vec<i32> = versions
        .iter()
        .flat_map(|v| v.goals.iter())
        .flat_map(|g| g.evidence.iter())
        .filter_map(|w| i32::try_from(w.id).ok())
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    let shared: BTreeSet<i64> = read::all(
        db,
        portfolio_item::Entity::find()
            .filter(portfolio_item::Column::Id.is_in(ids))
            .filter(portfolio_item::Column::SharedWithFamily.eq(true))
            .filter(portfolio_item::Column::ArchivedAt.is_null()),
    )
    .await
    .map_err(db_err)?
    .into_iter()
    .map(|i| i64::from(i.id))
    .collect();
    for version in versions.iter_mut() {
        for goal in &mut version.goals {
            goal.evidence.retain(|w| shared.contains(&w.id));
        }
    }
    Ok(())
}
