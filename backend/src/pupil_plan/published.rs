//! The pupil's published plans as their readers see them: the samlet elevplan (the newest version
//! of each plan, every year) and one version by its id. Evidence the pupil stopped sharing is
//! taken out when a version is read.

use super::{id32, not_found, parse_version};
use crate::db::read::{self};
use crate::entity::pupil_plan_version;
use crate::facts::pupil_facts;
use crate::identity::current_principal;
use crate::{RequestCtx, audit, db_err, policy};
use domain::AppError;
use domain::audit::AuditTopic;
use domain::pupil_plan::{CollectedPlan, PlanVersionRef, PublishedPlan, PublishedPlanEntry};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// The pupil's samlet elevplan: the newest published version of each of their plans, every
/// school year, newest year first; earlier versions by reference.
pub async fn collected_plan(ctx: &RequestCtx, pupil_id: i64) -> Result<CollectedPlan, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let facts = pupil_facts(db, &p, id32(pupil_id)?).await?;
    policy::require(policy::can_read_published_pupil_plans(&p, facts.relation))?;
    audit::read(ctx, &p, AuditTopic::Plan, [facts.person.id], None).await?;
    let versions = read::all(
        db,
        pupil_plan_version::Entity::find()
            .filter(pupil_plan_version::Column::PupilId.eq(facts.person.id))
            .order_by_desc(pupil_plan_version::Column::Number),
    )
    .await
    .map_err(db_err)?;
    let mut by_plan: Vec<(i32, Vec<pupil_plan_version::Model>)> = Vec::new();
    for v in versions {
        match by_plan.iter_mut().find(|(id, _)| *id == v.plan_id) {
            Some((_, list)) => list.push(v),
            None => by_plan.push((v.plan_id, vec![v])),
        }
    }
    let mut plans = Vec::new();
    for (_, list) in by_plan {
        let Some(newest) = list.first() else { continue };
        plans.push(PublishedPlanEntry {
            newest: parse_version(newest)?,
            versions: list
                .iter()
                .map(|v| PlanVersionRef {
                    id: i64::from(v.id),
                    number: v.number,
                    published_at: v.published_at,
                })
                .collect(),
        });
    }
    let mut newest: Vec<&mut PublishedPlan> = plans.iter_mut().map(|e| &mut e.newest).collect();
    crate::evaluation::evidence::still_shared(db, &mut newest).await?;
    // Newest year first; within a year the collected plan, then subjects by name.
    plans.sort_by(|a, b| {
        b.newest
            .school_year
            .cmp(&a.newest.school_year)
            // The law's order, then the school's own subjects (the collected plan first).
            .then_with(|| a.newest.subject.cmp(&b.newest.subject))
    });
    Ok(CollectedPlan {
        pupil_id: i64::from(facts.person.id),
        pupil_name: facts.name(),
        current_year: p.school_year,
        plans,
    })
}

/// One published version, for whoever reads the pupil's published plans.
pub async fn plan_version(ctx: &RequestCtx, version_id: i64) -> Result<PublishedPlan, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let row = pupil_plan_version::Entity::find_by_id(id32(version_id)?)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let facts = pupil_facts(db, &p, row.pupil_id).await?;
    policy::require(policy::can_read_published_pupil_plans(&p, facts.relation))?;
    audit::read(
        ctx,
        &p,
        AuditTopic::Plan,
        [row.pupil_id],
        Some(row.plan_id.into()),
    )
    .await?;
    let mut version = parse_version(&row)?;
    crate::evaluation::evidence::still_shared(db, &mut [&mut version]).await?;
    Ok(version)
}
