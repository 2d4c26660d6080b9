//! The leader's overview of their school: aggregates, never individual pupils.

use crate::entity::{person, person_role, pupil, school, school_class, team_member};
use crate::planning::MEMBER_PUPIL;
use crate::{Principal, db_err, policy};
use domain::AppError;
use domain::home::{ClassSummary, LeaderHome};
use domain::identity::Role;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{HashMap, HashSet};

pub async fn school_overview(
    db: &impl ConnectionTrait,
    p: &Principal,
) -> Result<LeaderHome, AppError> {
    policy::require(policy::can_view_school_overview(p, p.school_id))?;
    let school = school::Entity::find_by_id(p.school_id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::internal)?;
    let all_classes = school_class::Entity::find()
        .filter(school_class::Column::SchoolId.eq(p.school_id))
        .order_by_asc(school_class::Column::Grade)
        .order_by_asc(school_class::Column::Name)
        .all(db)
        .await
        .map_err(db_err)?;
    // The school's current year is the newest one it has classes for.
    let current_year = all_classes.iter().map(|c| c.school_year).max();
    let classes: Vec<_> = all_classes
        .into_iter()
        .filter(|c| Some(c.school_year) == current_year)
        .collect();
    let placements = pupil::Entity::find()
        .filter(pupil::Column::ClassId.is_in(classes.iter().map(|c| c.id).collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?;
    let class_of: HashMap<i32, i32> = placements
        .iter()
        .map(|p| (p.person_id, p.class_id))
        .collect();
    let memberships = team_member::Entity::find()
        .filter(team_member::Column::PersonId.is_in(class_of.keys().copied().collect::<Vec<_>>()))
        .filter(team_member::Column::Role.eq(MEMBER_PUPIL))
        .all(db)
        .await
        .map_err(db_err)?;
    let mut teams_of_class: HashMap<i32, HashSet<i32>> = HashMap::new();
    for m in &memberships {
        if let Some(class_id) = class_of.get(&m.person_id) {
            teams_of_class
                .entry(*class_id)
                .or_default()
                .insert(m.team_id);
        }
    }
    let school_people = person::Entity::find()
        .select_only()
        .column(person::Column::Id)
        .filter(person::Column::SchoolId.eq(p.school_id))
        .into_tuple::<i32>()
        .all(db)
        .await
        .map_err(db_err)?;
    let teacher_count = person_role::Entity::find()
        .filter(person_role::Column::Role.eq(Role::Teacher.as_str()))
        .filter(person_role::Column::PersonId.is_in(school_people))
        .all(db)
        .await
        .map_err(db_err)?
        .len();

    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(LeaderHome {
        name: p.name.clone(),
        school_name: school.name,
        teacher_count: count(teacher_count),
        classes: classes
            .into_iter()
            .map(|c| ClassSummary {
                id: i64::from(c.id),
                pupil_count: count(placements.iter().filter(|p| p.class_id == c.id).count()),
                team_count: count(teams_of_class.get(&c.id).map_or(0, HashSet::len)),
                grade: u8::try_from(c.grade).unwrap_or(0),
                name: c.name,
            })
            .collect(),
    })
}
