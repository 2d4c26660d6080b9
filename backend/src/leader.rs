//! The leader's overview of their school: aggregates, never individual pupils.

use crate::entity::team_member::MemberRole;
use crate::entity::{
    evaluation, person, person_role, pupil, pupil_plan, pupil_plan_goal, pupil_plan_version,
    school, school_class, team, team_member, unit, unit_goal, year_plan,
};
use crate::{Principal, db_err, policy};
use domain::AppError;
use domain::home::{
    ClassSummary, GradePlans, HoldPlanning, LeaderHome, MIN_AGGREGATE_GROUP, PlanStatus,
    PupilPlanStatus,
};
use domain::identity::{Me, Role};
use domain::school::Subject;
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
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
        crate::identity::school_year::current_start_year(db, school_id, p.today).await?
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
    // By hold only: adding `person_id IN (every pupil)` made SQLite probe each hold × pupil
    // pair (150,000 probes at a school of 750); the loop below keeps only current pupils.
    let memberships = team_member::Entity::find()
        .filter(team_member::Column::Role.eq(MemberRole::Pupil))
        .filter(team_member::Column::LeftAt.is_null())
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
        .filter(person_role::Column::Role.eq(Role::Teacher))
        .filter(person_role::Column::PersonId.in_subquery(school_people))
        .count(db)
        .await
        .map_err(db_err)?;

    let count = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    let count_usize = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let class_names: HashMap<i32, String> =
        classes.iter().map(|c| (c.id, c.name.clone())).collect();
    let holds = hold_planning(db, school_id, year, &memberships, &class_of, &class_names).await?;
    let grades = grade_plans(db, school_id, year, &classes, &class_of).await?;
    Ok(LeaderHome {
        holds,
        grades,
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

/// Each of this year's hold: its classes and pupils, its årsplan and forløb, and (for hold of at
/// least `MIN_AGGREGATE_GROUP` pupils) how many pupils evaluated themselves. Six queries.
async fn hold_planning(
    db: &impl ConnectionTrait,
    school_id: i32,
    year: i32,
    memberships: &[team_member::Model],
    class_of: &HashMap<i32, i32>,
    class_names: &HashMap<i32, String>,
) -> Result<Vec<HoldPlanning>, AppError> {
    let teams = team::Entity::find()
        .filter(team::Column::SchoolId.eq(school_id))
        .filter(team::Column::SchoolYear.eq(year))
        .filter(team::Column::ArchivedAt.is_null())
        .order_by_asc(team::Column::Name)
        .all(db)
        .await
        .map_err(db_err)?;
    let plans = year_plan::Entity::find()
        .filter(year_plan::Column::TeamId.is_in(teams.iter().map(|t| t.id).collect::<Vec<_>>()))
        .filter(year_plan::Column::ArchivedAt.is_null())
        .order_by_asc(year_plan::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let units = unit::Entity::find()
        .filter(unit::Column::YearPlanId.is_in(plans.iter().map(|p| p.id).collect::<Vec<_>>()))
        .filter(unit::Column::ArchivedAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?;
    let goals = unit_goal::Entity::find()
        .filter(unit_goal::Column::UnitId.is_in(units.iter().map(|u| u.id).collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?;
    let self_evaluations: Vec<(i32, i32)> = evaluation::Entity::find()
        .select_only()
        .column(evaluation::Column::PupilId)
        .column(evaluation::Column::GoalId)
        .filter(evaluation::Column::ByPupil.eq(true))
        .filter(evaluation::Column::GoalId.is_in(goals.iter().map(|g| g.id).collect::<Vec<_>>()))
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;
    let unit_of_goal: HashMap<i32, i32> = goals.iter().map(|g| (g.id, g.unit_id)).collect();
    let plan_of_unit: HashMap<i32, i32> = units.iter().map(|u| (u.id, u.year_plan_id)).collect();
    let team_of_plan: HashMap<i32, i32> = plans.iter().map(|p| (p.id, p.team_id)).collect();
    let mut evaluated: HashMap<i32, HashSet<i32>> = HashMap::new();
    for (pupil_id, goal_id) in self_evaluations {
        let team = unit_of_goal
            .get(&goal_id)
            .and_then(|u| plan_of_unit.get(u))
            .and_then(|p| team_of_plan.get(p));
        if let Some(team) = team {
            evaluated.entry(*team).or_default().insert(pupil_id);
        }
    }
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    teams
        .into_iter()
        .map(|t| {
            let pupils: Vec<i32> = memberships
                .iter()
                .filter(|m| m.team_id == t.id)
                .map(|m| m.person_id)
                .collect();
            let mut classes: Vec<String> = pupils
                .iter()
                .filter_map(|p| class_of.get(p).and_then(|c| class_names.get(c)).cloned())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            classes.sort();
            let plan = plans
                .iter()
                .find(|p| p.team_id == t.id && p.school_year == year);
            let pupil_count = count(pupils.len());
            Ok(HoldPlanning {
                team_id: i64::from(t.id),
                subject: Subject::parse(&t.subject).map_err(|_| AppError::internal())?,
                name: t.name,
                class_names: classes,
                pupil_count,
                year_plan_id: plan.map(|p| i64::from(p.id)),
                unit_count: count(plan.map_or(0, |p| {
                    units.iter().filter(|u| u.year_plan_id == p.id).count()
                })),
                pupils_self_evaluated: (pupil_count >= MIN_AGGREGATE_GROUP).then(|| {
                    count(
                        evaluated
                            .get(&t.id)
                            .map_or(0, |set| set.iter().filter(|p| pupils.contains(p)).count()),
                    )
                }),
            })
        })
        .collect()
}

/// Each grade's pupils with where their elevplan stands: published, a draft only, or nothing,
/// and how many required parts are not covered yet. Five queries.
async fn grade_plans(
    db: &impl ConnectionTrait,
    school_id: i32,
    year: i32,
    classes: &[school_class::Model],
    class_of: &HashMap<i32, i32>,
) -> Result<Vec<GradePlans>, AppError> {
    let pupil_ids: Vec<i32> = class_of.keys().copied().collect();
    let people: HashMap<i32, person::Model> = person::Entity::find()
        .filter(person::Column::Id.is_in(pupil_ids.clone()))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let plans = pupil_plan::Entity::find()
        .filter(pupil_plan::Column::SchoolId.eq(school_id))
        .filter(pupil_plan::Column::SchoolYear.eq(year))
        .filter(pupil_plan::Column::PupilId.is_in(pupil_ids))
        .all(db)
        .await
        .map_err(db_err)?;
    let plan_ids: Vec<i32> = plans.iter().map(|p| p.id).collect();
    let published: HashSet<i32> = pupil_plan_version::Entity::find()
        .select_only()
        .column(pupil_plan_version::Column::PlanId)
        .filter(pupil_plan_version::Column::PlanId.is_in(plan_ids.clone()))
        .into_tuple::<i32>()
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .collect();
    let chosen: std::collections::BTreeSet<i32> = pupil_plan_goal::Entity::find()
        .select_only()
        .column(pupil_plan_goal::Column::PlanId)
        .filter(pupil_plan_goal::Column::PlanId.is_in(plan_ids))
        .into_tuple::<i32>()
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .collect();
    let class_by_id: HashMap<i32, &school_class::Model> =
        classes.iter().map(|c| (c.id, c)).collect();
    let mut grades: std::collections::BTreeMap<u8, Vec<PupilPlanStatus>> =
        std::collections::BTreeMap::new();
    for (pupil_id, class_id) in class_of {
        let (Some(class), Some(person)) = (class_by_id.get(class_id), people.get(pupil_id)) else {
            continue;
        };
        let own: Vec<&pupil_plan::Model> =
            plans.iter().filter(|p| p.pupil_id == *pupil_id).collect();
        let status = if own.iter().any(|p| published.contains(&p.id)) {
            PlanStatus::Published
        } else if own.is_empty() {
            PlanStatus::Missing
        } else {
            PlanStatus::Draft
        };
        let coverage = crate::pupil_plan::plans_coverage(class.grade, own.into_iter(), &chosen)?;
        grades
            .entry(u8::try_from(class.grade).unwrap_or(0))
            .or_default()
            .push(PupilPlanStatus {
                pupil_id: i64::from(*pupil_id),
                name: person.full_name(),
                class_name: class.name.clone(),
                status,
                missing_parts: u32::try_from(coverage.iter().filter(|c| !c.covered).count())
                    .unwrap_or(u32::MAX),
            });
    }
    Ok(grades
        .into_iter()
        .map(|(grade, mut pupils)| {
            pupils.sort_by(|a, b| (&a.class_name, &a.name).cmp(&(&b.class_name, &b.name)));
            GradePlans { grade, pupils }
        })
        .collect())
}
