//! The leader's overview of their school: aggregates, never individual pupils.

use crate::entity::{person, person_role, pupil, school, school_class, team, team_member};
use crate::planning::MEMBER_PUPIL;
use crate::{Principal, db_err, policy};
use domain::AppError;
use domain::home::{ClassSummary, LeaderHome};
use domain::identity::{Me, Role};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use std::collections::{HashMap, HashSet};

/// Classes of this school year with their pupil and hold counts, and the number of teachers.
pub async fn school_overview(
    db: &impl ConnectionTrait,
    p: &Principal,
    school_id: i32,
) -> Result<LeaderHome, AppError> {
    policy::require(policy::can_view_school_overview(p, school_id))?;
    let year = if school_id == p.school_id {
        p.school_year
    } else {
        crate::identity::school_year::current_start_year(
            db,
            school_id,
            crate::identity::school_year::today(),
        )
        .await?
    };
    let school = school::Entity::find_by_id(school_id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(|| AppError::new(domain::ErrorCode::NotFound))?;
    let classes = school_class::Entity::find()
        .filter(school_class::Column::SchoolId.eq(school_id))
        .filter(school_class::Column::SchoolYear.eq(year))
        .order_by_asc(school_class::Column::Grade)
        .order_by_asc(school_class::Column::Name)
        .all(db)
        .await
        .map_err(db_err)?;
    let current_people = Query::select()
        .column(person::Column::Id)
        .from(person::Entity)
        .and_where(person::Column::SchoolId.eq(school_id))
        .and_where(person::Column::LeftAt.is_null())
        .to_owned();
    let placements = pupil::Entity::find()
        .filter(pupil::Column::ClassId.is_in(classes.iter().map(|c| c.id).collect::<Vec<_>>()))
        .filter(pupil::Column::PersonId.in_subquery(current_people))
        .all(db)
        .await
        .map_err(db_err)?;
    let class_of: HashMap<i32, i32> = placements
        .iter()
        .map(|p| (p.person_id, p.class_id))
        .collect();
    // Only this year's hold that are not archived count.
    let active_teams = Query::select()
        .column(team::Column::Id)
        .from(team::Entity)
        .and_where(team::Column::SchoolId.eq(school_id))
        .and_where(team::Column::SchoolYear.eq(year))
        .and_where(team::Column::ArchivedAt.is_null())
        .to_owned();
    let memberships = team_member::Entity::find()
        .filter(team_member::Column::PersonId.is_in(class_of.keys().copied().collect::<Vec<_>>()))
        .filter(team_member::Column::Role.eq(MEMBER_PUPIL))
        .filter(team_member::Column::TeamId.in_subquery(active_teams))
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
    let school_people = Query::select()
        .column(person::Column::Id)
        .from(person::Entity)
        .and_where(person::Column::SchoolId.eq(school_id))
        .to_owned();
    let teacher_count = person_role::Entity::find()
        .filter(person_role::Column::Role.eq(Role::Teacher.as_str()))
        .filter(person_role::Column::PersonId.in_subquery(school_people))
        .count(db)
        .await
        .map_err(db_err)?;

    let count = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    let count_usize = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(LeaderHome {
        me: Me {
            id: i64::from(p.person_id),
            name: p.name.clone(),
            role: p.role,
            roles: p.roles.clone(),
            school_name: school.name,
        },
        teacher_count: count(teacher_count),
        classes: classes
            .into_iter()
            .map(|c| ClassSummary {
                id: i64::from(c.id),
                pupil_count: count_usize(placements.iter().filter(|p| p.class_id == c.id).count()),
                team_count: count_usize(teams_of_class.get(&c.id).map_or(0, HashSet::len)),
                grade: u8::try_from(c.grade).unwrap_or(0),
                name: c.name,
            })
            .collect(),
    })
}
