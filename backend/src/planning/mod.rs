//! Planning: the teacher's hold, goal frameworks, årsplaner, forløb and tasks.

pub mod access;
pub mod copy;
mod coverage;
pub mod files;
pub mod framework;
pub mod framework_file;
pub mod goals;
pub mod materials;
pub mod plans;
pub mod scales;
pub mod tasks;
pub mod transcription;
pub mod unit_view;
pub mod units;
pub mod year_plans;

use crate::entity::team_member::MemberRole;
use crate::entity::{person, school, team, team_member, year_plan};
use crate::{Principal, db_err, policy};
use domain::AppError;
use domain::home::{PlanRef, TeacherHome, TeamSummary};
use domain::identity::Me;
use domain::school::Subject;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

pub async fn teacher_home(
    db: &impl ConnectionTrait,
    p: &Principal,
) -> Result<TeacherHome, AppError> {
    policy::require(policy::can_view_teacher_home(p))?;
    let school = school::Entity::find_by_id(p.school_id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::internal)?;
    let own: Vec<i32> = team_member::Entity::find()
        .filter(team_member::Column::PersonId.eq(p.person_id))
        .filter(team_member::Column::Role.eq(MemberRole::Teacher))
        .filter(team_member::Column::LeftAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|m| m.team_id)
        .collect();
    let teams = team::Entity::find()
        .filter(team::Column::Id.is_in(own.clone()))
        .filter(team::Column::ArchivedAt.is_null())
        .filter(team::Column::SchoolYear.eq(p.school_year))
        .order_by_asc(team::Column::Name)
        .all(db)
        .await
        .map_err(db_err)?;
    // One active årsplan per hold and year (a unique index), so a hold's card can open it.
    let plans: HashMap<i32, PlanRef> = year_plan::Entity::find()
        .filter(year_plan::Column::TeamId.is_in(teams.iter().map(|t| t.id)))
        .filter(year_plan::Column::SchoolYear.eq(p.school_year))
        .filter(year_plan::Column::ArchivedAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|y| {
            (
                y.team_id,
                PlanRef {
                    id: i64::from(y.id),
                    title: y.title,
                },
            )
        })
        .collect();
    let members = team_member::Entity::find()
        .filter(team_member::Column::TeamId.is_in(own))
        .filter(team_member::Column::LeftAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?;
    let teacher_ids: Vec<i32> = members
        .iter()
        .filter(|m| m.role == MemberRole::Teacher)
        .map(|m| m.person_id)
        .collect();
    // Pupils who have left keep their memberships (their history), but are not counted.
    let left: std::collections::HashSet<i32> = person::Entity::find()
        .select_only()
        .column(person::Column::Id)
        .filter(
            person::Column::Id.is_in(
                members
                    .iter()
                    .filter(|m| m.role == MemberRole::Pupil)
                    .map(|m| m.person_id)
                    .collect::<Vec<_>>(),
            ),
        )
        .filter(person::Column::LeftAt.is_not_null())
        .into_tuple::<i32>()
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .collect();
    let names: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(teacher_ids))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|t| (t.id, t.full_name()))
        .collect();

    let teams = teams
        .into_iter()
        .filter_map(|t| {
            let subject = Subject::parse(&t.subject).ok()?;
            let of_team = members.iter().filter(|m| m.team_id == t.id);
            let pupil_count = of_team
                .clone()
                .filter(|m| m.role == MemberRole::Pupil && !left.contains(&m.person_id))
                .count();
            let mut teacher_names: Vec<String> = of_team
                .filter(|m| m.role == MemberRole::Teacher)
                .filter_map(|m| names.get(&m.person_id).cloned())
                .collect();
            teacher_names.sort();
            Some(TeamSummary {
                id: i64::from(t.id),
                name: t.name,
                subject,
                pupil_count: u32::try_from(pupil_count).unwrap_or(u32::MAX),
                teacher_names,
                year_plan: plans.get(&t.id).cloned(),
            })
        })
        .collect();
    Ok(TeacherHome {
        me: Me {
            id: i64::from(p.person_id),
            name: p.name.clone(),
            role: p.role,
            roles: p.roles.clone(),
            school_name: school.name,
        },
        teams,
        classes: crate::facts::classes_taught(db, p).await?,
        // Filled by `home`, which asks `returns` (planning does not depend on it).
        news: Vec::new(),
        this_week: Vec::new(),
    })
}
