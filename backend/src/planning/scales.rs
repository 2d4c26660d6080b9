//! Målestokke: the built-in scales and the ones teachers at a school made.

use crate::db::read::{self, Reads};
use crate::entity::scale;
use crate::identity::current_principal;
use crate::{RequestCtx, clock, db_err, policy};
use domain::AppError;
use domain::Field;
use domain::planning::{Scale, Title};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use std::collections::HashMap;

pub(crate) async fn scales_by_id(
    db: &impl Reads,
    ids: Vec<i32>,
) -> Result<HashMap<i32, Scale>, AppError> {
    read::all(
        db,
        scale::Entity::find().filter(scale::Column::Id.is_in(ids)),
    )
    .await
    .map_err(db_err)?
    .into_iter()
    .map(|s| Ok((s.id, to_scale(&s)?)))
    .collect()
}

pub(crate) fn to_scale(s: &scale::Model) -> Result<Scale, AppError> {
    Ok(Scale {
        id: i64::from(s.id),
        name: s.name.clone(),
        steps: serde_json::from_str(&s.steps).map_err(|_| AppError::internal())?,
        faces: s.faces,
        own: s.school_id.is_some(),
    })
}

/// The built-in scales and the ones teachers at this school made.
pub async fn scales(ctx: &RequestCtx) -> Result<Vec<Scale>, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_plan(&p))?;
    scale::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(scale::Column::SchoolId.is_null())
                .add(scale::Column::SchoolId.eq(p.school_id)),
        )
        .order_by_asc(scale::Column::Id)
        .all(&ctx.db)
        .await
        .map_err(db_err)?
        .iter()
        .map(to_scale)
        .collect()
}

/// A teacher's own scale, for the whole school to use.
pub async fn create_scale(ctx: &RequestCtx, name: &str, steps: &[String]) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_create_scale(&p))?;
    let name = Title::parse(name, Field::ScaleName)?;
    let steps = domain::planning::parse_scale_steps(steps)?;
    let created = scale::ActiveModel {
        school_id: Set(Some(p.school_id)),
        name: Set(name.as_str().to_owned()),
        steps: Set(serde_json::to_string(&steps).map_err(|_| AppError::internal())?),
        faces: Set(false),
        created_by: Set(Some(p.person_id)),
        created_at: Set(clock::now()),
        ..Default::default()
    }
    .insert(&ctx.db)
    .await
    .map_err(db_err)?;
    Ok(i64::from(created.id))
}
