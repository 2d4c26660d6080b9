//! A forløb's goals: own words or Fælles Mål, on a målestok, with tegn på læring. Archived,
//! never deleted: evaluations point at them.

use super::access::*;
use super::framework;
use super::scales::*;
use super::units::bump_unit;
use crate::db::read::{self, Reads};
use crate::entity::{scale, unit_goal};
use crate::identity::current_principal;
use crate::{Principal, RequestCtx, clock, db_err};
use domain::AppError;
use domain::Field;
use domain::planning::{GoalInput, LongText, Scale};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

pub(crate) async fn active_goals(
    db: &impl Reads,
    unit_id: i32,
) -> Result<Vec<unit_goal::Model>, AppError> {
    read::all(
        db,
        unit_goal::Entity::find()
            .filter(unit_goal::Column::UnitId.eq(unit_id))
            .filter(unit_goal::Column::ArchivedAt.is_null())
            .order_by_asc(unit_goal::Column::Position)
            .order_by_asc(unit_goal::Column::Id),
    )
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
        db: &impl crate::db::read::Reads,
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
    add_goal_as(&ctx.db, &p, unit_id, version, input).await
}

/// `add_goal` for a principal already known, in any connection or transaction: the demo seed
/// plans through here, as the screens do.
pub(crate) async fn add_goal_as<C: crate::db::Writes>(
    db: &C,
    p: &Principal,
    unit_id: i64,
    version: i64,
    input: &GoalInput,
) -> Result<i64, AppError> {
    let (u, _, access) = unit_with_access(db, p, unit_id).await?;
    require_edit(p, &access)?;
    let own = match input.own_text.as_deref().map(str::trim) {
        Some("") | None => None,
        Some(text) => Some(LongText::parse(text, Field::OwnText)?),
    };
    let item_id = match input.framework_item_id {
        Some(id) => {
            let id = id32(id).map_err(|_| AppError::invalid(Field::FrameworkItem))?;
            framework::item(db, id)
                .await?
                .ok_or_else(|| AppError::invalid(Field::FrameworkItem))?;
            Some(id)
        }
        None => None,
    };
    if own.is_some() == item_id.is_some() {
        return Err(AppError::invalid(Field::OwnText));
    }
    let scale_id = id32(input.scale_id).map_err(|_| AppError::invalid(Field::Scale))?;
    let scale_row = scale::Entity::find_by_id(scale_id)
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|s| s.school_id.is_none() || s.school_id == Some(p.school_id))
        .ok_or_else(|| AppError::invalid(Field::Scale))?;
    let signs = LongText::parse(&input.signs, Field::Signs)?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    bump_unit(&txn, u.id, version, None).await?;
    let position = unit_goal::Entity::find()
        .filter(unit_goal::Column::UnitId.eq(u.id))
        .count(&txn)
        .await
        .map_err(db_err)?;
    let created = unit_goal::ActiveModel {
        unit_id: Set(u.id),
        kind: Set(input.kind),
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

pub(crate) async fn set_goal_archived(
    ctx: &RequestCtx,
    goal_id: i64,
    archived: bool,
) -> Result<(), AppError> {
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
