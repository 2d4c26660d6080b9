//! Hold a school can run: its leaders, its office and the hold's own teachers add and remove
//! teachers and pædagoger, add pupils from any class of the year (one by one or a whole class),
//! take pupils off, and archive the hold. Every change is kept: a membership is ended, never
//! deleted, so evaluations and plans keep the people they were made with and the hold's history
//! says who was in it when. `follow` makes the hold of a class follow the roster.

mod follow;

pub(crate) use follow::{follow_class, join, plan_change};

use crate::entity::team_member::{LeftReason, MemberRole};
use crate::entity::{person, pupil, school_class, team, team_member};
use crate::facts::{self, current_pupils_of_class};
use crate::identity::current_principal;
use crate::principal::Principal;
use crate::{RequestCtx, clock, db_err, policy};
use domain::identity::Role;
use domain::school::Subject;
use domain::teams::{
    Choice, ClassChoice, MembershipChange, MembershipEvent, TeamMembers, TeamPupil, TeamTeacher,
};
use domain::{AppError, ErrorCode, Field};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// The hold, if the caller may run it; `NotFound` for an id that is no hold at all.
async fn managed(ctx: &RequestCtx, team_id: i64) -> Result<(Principal, team::Model), AppError> {
    let p = current_principal(ctx).await?;
    let id = i32::try_from(team_id).map_err(|_| AppError::new(ErrorCode::NotFound))?;
    let access = facts::hold_access(&ctx.db, &p, id).await?;
    policy::require(policy::can_manage_team(
        &p,
        access.team.school_id,
        access.teaches,
    ))?;
    Ok((p, access.team))
}

/// A hold whose people may change: this year's, not archived.
async fn changeable(ctx: &RequestCtx, team_id: i64) -> Result<(Principal, team::Model), AppError> {
    let (p, team) = managed(ctx, team_id).await?;
    if team.archived_at.is_some() || team.school_year != p.school_year {
        return Err(AppError::invalid(Field::Team));
    }
    Ok((p, team))
}

/// The hold's people now, what changed when, and who could join.
pub async fn team_members(ctx: &RequestCtx, team_id: i64) -> Result<TeamMembers, AppError> {
    let (p, team) = managed(ctx, team_id).await?;
    let db = &ctx.db;
    let rows = team_member::Entity::find()
        .filter(team_member::Column::TeamId.eq(team.id))
        .order_by_asc(team_member::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let classes = school_class::Entity::find()
        .filter(school_class::Column::SchoolId.eq(p.school_id))
        .filter(school_class::Column::SchoolYear.eq(team.school_year))
        .order_by_asc(school_class::Column::Grade)
        .order_by_asc(school_class::Column::Name)
        .all(db)
        .await
        .map_err(db_err)?;
    let class_name: HashMap<i32, &str> = classes.iter().map(|c| (c.id, c.name.as_str())).collect();
    let placements = facts::placements_in(db, &classes).await?;
    let people: HashMap<i32, person::Model> = person::Entity::find()
        .filter(person::Column::SchoolId.eq(p.school_id))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|person| (person.id, person))
        .collect();
    let roles = facts::roles_at_school(db, p.school_id).await?;
    let current: Vec<&team_member::Model> = rows.iter().filter(|m| m.left_at.is_none()).collect();
    let is_current = |id: i32| current.iter().any(|m| m.person_id == id);

    let mut teachers: Vec<TeamTeacher> = current
        .iter()
        .filter(|m| m.role == MemberRole::Teacher)
        .filter_map(|m| {
            let person = people.get(&m.person_id)?;
            let role = roles
                .get(&m.person_id)
                .and_then(|r| r.iter().copied().find(|r| r.is_teaching_staff()))
                .unwrap_or(Role::Teacher);
            Some(TeamTeacher {
                id: i64::from(person.id),
                name: person.full_name(),
                role,
            })
        })
        .collect();
    teachers.sort_by(|a, b| a.name.cmp(&b.name));
    let mut pupils: Vec<TeamPupil> = current
        .iter()
        .filter(|m| m.role == MemberRole::Pupil)
        .filter_map(|m| {
            let person = people.get(&m.person_id).filter(|p| p.left_at.is_none())?;
            Some(TeamPupil {
                id: i64::from(person.id),
                name: person.full_name(),
                class_name: placements
                    .get(&person.id)
                    .and_then(|c| class_name.get(c))
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            })
        })
        .collect();
    pupils.sort_by(|a, b| (&a.class_name, &a.name).cmp(&(&b.class_name, &b.name)));

    let day = |at: i64| clock::day_at(at, &p.time_zone);
    let mut history = Vec::new();
    for m in &rows {
        let Some(person) = people.get(&m.person_id) else {
            continue;
        };
        let pupil = m.role == MemberRole::Pupil;
        if let Some(at) = m.joined_at {
            history.push((
                (at, history.len()),
                MembershipEvent {
                    name: person.full_name(),
                    pupil,
                    change: MembershipChange::Joined,
                    on: day(at)?,
                },
            ));
        }
        if let Some(at) = m.left_at {
            let change = match m.left_reason {
                Some(LeftReason::MovedClass) => MembershipChange::MovedClass,
                Some(LeftReason::LeftSchool) => MembershipChange::LeftSchool,
                Some(LeftReason::Removed) | None => MembershipChange::Removed,
            };
            history.push((
                (at, history.len()),
                MembershipEvent {
                    name: person.full_name(),
                    pupil,
                    change,
                    on: day(at)?,
                },
            ));
        }
    }
    // Newest first; within a second, later changes (in the order they were made) first.
    history.sort_by_key(|e| std::cmp::Reverse(e.0));

    let mut staff_to_add: Vec<Choice> = people
        .values()
        .filter(|person| person.left_at.is_none() && !is_current(person.id))
        .filter(|person| {
            roles
                .get(&person.id)
                .is_some_and(|r| r.iter().any(|r| r.is_teaching_staff()))
        })
        .map(|person| Choice {
            id: i64::from(person.id),
            name: person.full_name(),
        })
        .collect();
    staff_to_add.sort_by(|a, b| a.name.cmp(&b.name));
    let classes = classes
        .iter()
        .map(|class| {
            let mut choices: Vec<Choice> = placements
                .iter()
                .filter(|(id, c)| **c == class.id && !is_current(**id))
                .filter_map(|(id, _)| people.get(id).filter(|p| p.left_at.is_none()))
                .map(|person| Choice {
                    id: i64::from(person.id),
                    name: person.full_name(),
                })
                .collect();
            choices.sort_by(|a, b| a.name.cmp(&b.name));
            ClassChoice {
                id: i64::from(class.id),
                name: class.name.clone(),
                pupils: choices,
            }
        })
        .collect();
    Ok(TeamMembers {
        id: i64::from(team.id),
        subject: Subject::parse(&team.subject)?,
        class_name: team
            .class_id
            .and_then(|c| class_name.get(&c))
            .map(|n| n.to_string()),
        name: team.name,
        archived: team.archived_at.is_some(),
        teachers,
        pupils,
        history: history.into_iter().map(|(_, e)| e).collect(),
        staff_to_add,
        classes,
    })
}

/// Adds a teacher or pædagog of the school to the hold.
pub async fn add_teacher(ctx: &RequestCtx, team_id: i64, person_id: i64) -> Result<(), AppError> {
    let (p, team) = changeable(ctx, team_id).await?;
    let db = &ctx.db;
    let teacher = facts::person_facts(db, &p, person_id)
        .await
        .ok()
        .filter(|t| t.person.left_at.is_none() && t.roles.iter().any(|r| r.is_teaching_staff()))
        .ok_or_else(|| AppError::invalid(Field::Teacher))?;
    join(
        db,
        team.id,
        teacher.person.id,
        MemberRole::Teacher,
        Some(p.person_id),
    )
    .await?;
    Ok(())
}

/// A pupil of this school year's classes at the school, now.
async fn pupil_of_year(
    db: &impl ConnectionTrait,
    p: &Principal,
    team: &team::Model,
    pupil_id: i64,
) -> Result<i32, AppError> {
    let id = i32::try_from(pupil_id).map_err(|_| AppError::invalid(Field::Pupil))?;
    let class = match pupil::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_err)?
    {
        Some(pl) => school_class::Entity::find_by_id(pl.class_id)
            .one(db)
            .await
            .map_err(db_err)?,
        None => None,
    };
    let at_school = person::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_err)?
        .is_some_and(|person| person.left_at.is_none());
    match class {
        Some(c) if at_school && c.school_id == p.school_id && c.school_year == team.school_year => {
            Ok(id)
        }
        _ => Err(AppError::invalid(Field::Pupil)),
    }
}

/// Adds a pupil of any class of the year to the hold (holddeling, valgfag).
pub async fn add_pupil(ctx: &RequestCtx, team_id: i64, pupil_id: i64) -> Result<(), AppError> {
    let (p, team) = changeable(ctx, team_id).await?;
    let id = pupil_of_year(&ctx.db, &p, &team, pupil_id).await?;
    join(&ctx.db, team.id, id, MemberRole::Pupil, Some(p.person_id)).await?;
    Ok(())
}

/// Adds every pupil of a class of the year who is not in the hold yet; returns how many joined.
pub async fn add_class(ctx: &RequestCtx, team_id: i64, class_id: i64) -> Result<u32, AppError> {
    let (p, team) = changeable(ctx, team_id).await?;
    let db = &ctx.db;
    let class_id = i32::try_from(class_id).map_err(|_| AppError::invalid(Field::Class))?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let class = school_class::Entity::find_by_id(class_id)
        .one(&txn)
        .await
        .map_err(db_err)?
        .filter(|c| c.school_id == p.school_id && c.school_year == team.school_year)
        .ok_or_else(|| AppError::invalid(Field::Class))?;
    let pupils: Vec<i32> = person::Entity::find()
        .select_only()
        .column(person::Column::Id)
        .filter(person::Column::Id.in_subquery(current_pupils_of_class(class.id)))
        .into_tuple()
        .all(&txn)
        .await
        .map_err(db_err)?;
    let mut joined = 0;
    for id in pupils {
        if join(&txn, team.id, id, MemberRole::Pupil, Some(p.person_id)).await? {
            joined += 1;
        }
    }
    txn.commit().await.map_err(db_err)?;
    Ok(joined)
}

/// Takes a teacher or a pupil off the hold. Their records stay; the hold keeps at least one
/// teacher, so it is never left without someone to run it.
pub async fn remove_member(ctx: &RequestCtx, team_id: i64, person_id: i64) -> Result<(), AppError> {
    let (p, team) = changeable(ctx, team_id).await?;
    let db = &ctx.db;
    let id = i32::try_from(person_id).map_err(|_| AppError::new(ErrorCode::NotFound))?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let current = team_member::Entity::find()
        .filter(team_member::Column::TeamId.eq(team.id))
        .filter(team_member::Column::LeftAt.is_null())
        .all(&txn)
        .await
        .map_err(db_err)?;
    let member = current
        .iter()
        .find(|m| m.person_id == id)
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    let teachers = current
        .iter()
        .filter(|m| m.role == MemberRole::Teacher)
        .count();
    if member.role == MemberRole::Teacher && teachers <= 1 {
        return Err(AppError::invalid(Field::LastTeacher));
    }
    follow::leave(&txn, team.id, id, LeftReason::Removed, Some(p.person_id)).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(())
}

/// Archives the hold: it leaves this year's screens, and everything made in it stays readable.
pub async fn archive_team(ctx: &RequestCtx, team_id: i64) -> Result<(), AppError> {
    let (_, team) = changeable(ctx, team_id).await?;
    team::Entity::update_many()
        .col_expr(team::Column::ArchivedAt, Expr::value(Some(clock::now())))
        .filter(team::Column::Id.eq(team.id))
        .filter(team::Column::ArchivedAt.is_null())
        .exec(&ctx.db)
        .await
        .map_err(db_err)?;
    Ok(())
}

/// Brings an archived hold of this year back.
pub async fn restore_team(ctx: &RequestCtx, team_id: i64) -> Result<(), AppError> {
    let (p, team) = managed(ctx, team_id).await?;
    if team.school_year != p.school_year {
        return Err(AppError::invalid(Field::Team));
    }
    team::Entity::update_many()
        .col_expr(team::Column::ArchivedAt, Expr::value(Option::<i64>::None))
        .filter(team::Column::Id.eq(team.id))
        .exec(&ctx.db)
        .await
        .map_err(db_err)?;
    Ok(())
}
