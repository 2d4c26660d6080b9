//! The roster's changes reaching the hold: a pupil who joins a class joins its hold, one who moves
//! class leaves the old class's hold and joins the new one's, one who leaves the school leaves
//! every hold. Hold across classes (holddeling, valgfag) are changed by hand only. Memberships are
//! ended, never deleted, so what a pupil made in the old hold stays theirs and the hold's history
//! says when they were in it.

use crate::entity::team_member::{LeftReason, MemberRole};
use crate::entity::{team, team_member};
use crate::{clock, db_err};
use domain::AppError;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

/// This year's active hold of a class.
async fn hold_of_class(
    db: &impl ConnectionTrait,
    class_id: i32,
) -> Result<Vec<team::Model>, AppError> {
    team::Entity::find()
        .filter(team::Column::ClassId.eq(class_id))
        .filter(team::Column::ArchivedAt.is_null())
        .order_by_asc(team::Column::Name)
        .all(db)
        .await
        .map_err(db_err)
}

/// The active hold of a school year a pupil is in now. Hold of earlier years keep their pupils as
/// they were when the year ended: that is their history, not a membership to end.
async fn current_holds(
    db: &impl ConnectionTrait,
    person_id: i32,
    school_year: i32,
) -> Result<Vec<team::Model>, AppError> {
    let ids: Vec<i32> = team_member::Entity::find()
        .filter(team_member::Column::PersonId.eq(person_id))
        .filter(team_member::Column::Role.eq(MemberRole::Pupil))
        .filter(team_member::Column::LeftAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|m| m.team_id)
        .collect();
    team::Entity::find()
        .filter(team::Column::Id.is_in(ids))
        .filter(team::Column::SchoolYear.eq(school_year))
        .filter(team::Column::ArchivedAt.is_null())
        .order_by_asc(team::Column::Name)
        .all(db)
        .await
        .map_err(db_err)
}

/// Adds a person to a hold now, unless they are in it already.
pub(crate) async fn join(
    db: &impl ConnectionTrait,
    team_id: i32,
    person_id: i32,
    role: MemberRole,
    by: Option<i32>,
) -> Result<bool, AppError> {
    let already = team_member::Entity::find()
        .filter(team_member::Column::TeamId.eq(team_id))
        .filter(team_member::Column::PersonId.eq(person_id))
        .filter(team_member::Column::LeftAt.is_null())
        .one(db)
        .await
        .map_err(db_err)?
        .is_some();
    if already {
        return Ok(false);
    }
    team_member::ActiveModel {
        team_id: Set(team_id),
        person_id: Set(person_id),
        role: Set(role),
        joined_at: Set(Some(clock::now())),
        left_at: Set(None),
        left_reason: Set(None),
        changed_by: Set(by),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    Ok(true)
}

/// Ends a person's current membership of a hold; `false` if they were not in it.
pub(crate) async fn leave(
    db: &impl ConnectionTrait,
    team_id: i32,
    person_id: i32,
    reason: LeftReason,
    by: Option<i32>,
) -> Result<bool, AppError> {
    let ended = team_member::Entity::update_many()
        .col_expr(team_member::Column::LeftAt, Expr::value(Some(clock::now())))
        .col_expr(team_member::Column::LeftReason, Expr::value(Some(reason)))
        .col_expr(team_member::Column::ChangedBy, Expr::value(by))
        .filter(team_member::Column::TeamId.eq(team_id))
        .filter(team_member::Column::PersonId.eq(person_id))
        .filter(team_member::Column::LeftAt.is_null())
        .exec(db)
        .await
        .map_err(db_err)?;
    Ok(ended.rows_affected > 0)
}

/// What moving a pupil from class `from` to `to`, a class of `school_year` (or taking them out
/// of the school, `None`), does to their hold of that year.
pub(crate) async fn plan_change(
    db: &impl ConnectionTrait,
    person_id: i32,
    from: Option<i32>,
    to: Option<i32>,
    school_year: i32,
) -> Result<(Vec<team::Model>, Vec<team::Model>), AppError> {
    let now_in = current_holds(db, person_id, school_year).await?;
    let Some(to) = to else {
        return Ok((now_in, Vec::new()));
    };
    let target = hold_of_class(db, to).await?;
    // Only the old class's hold: one of another class they were added to by hand stays theirs.
    let leaves = now_in
        .iter()
        .filter(|t| t.class_id.is_some() && t.class_id == from && from != Some(to))
        .cloned()
        .collect();
    let joins = target
        .into_iter()
        .filter(|t| !now_in.iter().any(|n| n.id == t.id))
        .collect();
    Ok((leaves, joins))
}

/// Makes a pupil's hold follow their class: called in the transaction that places them in `to`
/// (a new pupil, a move, a return) or takes them out of the school (`None`).
pub(crate) async fn follow_class(
    db: &impl ConnectionTrait,
    person_id: i32,
    from: Option<i32>,
    to: Option<i32>,
    school_year: i32,
) -> Result<(), AppError> {
    let (leaves, joins) = plan_change(db, person_id, from, to, school_year).await?;
    let reason = if to.is_some() {
        LeftReason::MovedClass
    } else {
        LeftReason::LeftSchool
    };
    for team in leaves {
        leave(db, team.id, person_id, reason, None).await?;
    }
    for team in joins {
        join(db, team.id, person_id, MemberRole::Pupil, None).await?;
    }
    Ok(())
}
