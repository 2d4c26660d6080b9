//! The facts the policy's rules are fed, gathered in one place: who teaches which hold and which
//! class, the pupils of a hold and of a class, how a person stands to a pupil, and the forløb a
//! pupil works in now. Features ask here before they ask `policy`; nothing here decides access.
//!
//! Depends only on the entities and the principal, so every feature may use it without a
//! feature depending on another for its access checks.

use crate::db::read::{self, Reads};
use crate::db_err;
use crate::entity::team_member::MemberRole;
use crate::entity::{
    guardianship, person, person_role, pupil, school_class, team, team_member, unit, year_plan,
};
use crate::policy::{self, PupilRelation};
use crate::principal::Principal;
use domain::home::ClassRef;
use domain::planning::HoldPupil;
use domain::school::Subject;
use domain::{AppError, ErrorCode};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{BTreeSet, HashMap};

fn not_found() -> AppError {
    AppError::new(ErrorCode::NotFound)
}

/// A person as the rules about their access need them: their school, the roles they hold, and
/// whether they are still at the school.
pub(crate) struct PersonFacts {
    pub person: person::Model,
    pub roles: Vec<domain::identity::Role>,
}

impl PersonFacts {
    pub(crate) fn view(&self) -> policy::PersonView<'_> {
        policy::PersonView {
            id: self.person.id,
            school_id: self.person.school_id,
            roles: &self.roles,
        }
    }
}

/// `NotFound` for a person of another school as for no person at all: ids reveal nothing.
pub(crate) async fn person_facts(
    db: &impl ConnectionTrait,
    p: &Principal,
    person_id: i64,
) -> Result<PersonFacts, AppError> {
    let id = i32::try_from(person_id).map_err(|_| not_found())?;
    let person = person::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|person| person.school_id == p.school_id)
        .ok_or_else(not_found)?;
    let mut roles: Vec<domain::identity::Role> = person_role::Entity::find()
        .filter(person_role::Column::PersonId.eq(id))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|r| r.role)
        .collect();
    roles.sort();
    Ok(PersonFacts { person, roles })
}

/// The school's name, for pages and records that say where they come from.
pub(crate) async fn school_name(
    db: &impl ConnectionTrait,
    school_id: i32,
) -> Result<String, AppError> {
    Ok(crate::entity::school::Entity::find_by_id(school_id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::internal)?
        .name)
}

/// The names of `ids` (first name, family name), in one statement: for the pages that say who
/// did something.
pub(crate) async fn names_of(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    let mut ids: Vec<i32> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|p| (p.id, p.full_name()))
        .collect())
}

/// A hold as the rules need it: its school and whether the caller teaches it.
pub(crate) struct HoldAccess {
    pub team: team::Model,
    pub teaches: bool,
}

pub(crate) async fn hold_access(
    db: &impl Reads,
    p: &Principal,
    team_id: i32,
) -> Result<HoldAccess, AppError> {
    let team = read::one(db, team::Entity::find_by_id(team_id))
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let teaches = read::one(
        db,
        team_member::Entity::find()
            .filter(team_member::Column::TeamId.eq(team_id))
            .filter(team_member::Column::PersonId.eq(p.person_id))
            .filter(team_member::Column::Role.eq(MemberRole::Teacher))
            .filter(team_member::Column::LeftAt.is_null()),
    )
    .await
    .map_err(db_err)?
    .is_some();
    Ok(HoldAccess { team, teaches })
}

/// The hold's current pupils, by name.
pub(crate) async fn hold_pupils(db: &impl Reads, team_id: i32) -> Result<Vec<HoldPupil>, AppError> {
    let ids: Vec<i32> = read::tuples(
        db,
        team_member::Entity::find()
            .select_only()
            .column(team_member::Column::PersonId)
            .filter(team_member::Column::TeamId.eq(team_id))
            .filter(team_member::Column::Role.eq(MemberRole::Pupil))
            .filter(team_member::Column::LeftAt.is_null()),
    )
    .await
    .map_err(db_err)?;
    still_here_by_name(db, ids).await
}

/// These pupils, those still at the school, by name: one statement.
pub(crate) async fn still_here_by_name(
    db: &impl Reads,
    ids: Vec<i32>,
) -> Result<Vec<HoldPupil>, AppError> {
    Ok(read::all(
        db,
        person::Entity::find()
            .filter(person::Column::Id.is_in(ids))
            .filter(person::Column::LeftAt.is_null())
            .order_by_asc(person::Column::GivenName)
            .order_by_asc(person::Column::FamilyName),
    )
    .await
    .map_err(db_err)?
    .into_iter()
    .map(|p| HoldPupil {
        id: i64::from(p.id),
        name: p.full_name(),
    })
    .collect())
}

/// The classes whose pupils are in the active hold the person teaches this year.
pub async fn classes_taught(
    db: &impl ConnectionTrait,
    p: &Principal,
) -> Result<Vec<ClassRef>, AppError> {
    let my_teams = Query::select()
        .column(team_member::Column::TeamId)
        .from(team_member::Entity)
        .and_where(team_member::Column::PersonId.eq(p.person_id))
        .and_where(team_member::Column::Role.eq(MemberRole::Teacher))
        .and_where(team_member::Column::LeftAt.is_null())
        .to_owned();
    let active_teams = Query::select()
        .column(team::Column::Id)
        .from(team::Entity)
        .and_where(team::Column::Id.in_subquery(my_teams))
        .and_where(team::Column::ArchivedAt.is_null())
        .and_where(team::Column::SchoolYear.eq(p.school_year))
        .to_owned();
    let my_pupils = Query::select()
        .column(team_member::Column::PersonId)
        .from(team_member::Entity)
        .and_where(team_member::Column::TeamId.in_subquery(active_teams))
        .and_where(team_member::Column::Role.eq(MemberRole::Pupil))
        .and_where(team_member::Column::LeftAt.is_null())
        .to_owned();
    let class_ids = Query::select()
        .column(pupil::Column::ClassId)
        .from(pupil::Entity)
        .and_where(pupil::Column::PersonId.in_subquery(my_pupils))
        .to_owned();
    Ok(school_class::Entity::find()
        .filter(school_class::Column::Id.in_subquery(class_ids))
        .order_by_asc(school_class::Column::Grade)
        .order_by_asc(school_class::Column::Name)
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|c| ClassRef {
            id: i64::from(c.id),
            name: c.name,
        })
        .collect())
}

/// The ids of the pupils placed in `class_id` who have not left the school, as a subquery.
pub(crate) fn current_pupils_of_class(class_id: i32) -> sea_orm::sea_query::SelectStatement {
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    Query::select()
        .column((pupil::Entity, pupil::Column::PersonId))
        .from(pupil::Entity)
        .inner_join(
            person::Entity,
            Expr::col((person::Entity, person::Column::Id))
                .equals((pupil::Entity, pupil::Column::PersonId)),
        )
        .and_where(Expr::col((pupil::Entity, pupil::Column::ClassId)).eq(class_id))
        .and_where(Expr::col((person::Entity, person::Column::LeftAt)).is_null())
        .to_owned()
}

/// A pupil as the rules and the plans need them.
pub(crate) struct PupilFacts {
    pub person: person::Model,
    pub class: Option<school_class::Model>,
    pub relation: PupilRelation,
    /// Subjects the caller teaches the pupil this school year.
    pub taught_subjects: BTreeSet<Subject>,
}

impl PupilFacts {
    pub(crate) fn name(&self) -> String {
        format!("{} {}", self.person.given_name, self.person.family_name)
    }

    pub(crate) fn grade(&self) -> i16 {
        self.class.as_ref().map_or(0, |c| c.grade)
    }

    pub(crate) fn may_write(&self, p: &Principal, subject: Option<Subject>) -> bool {
        let teaches_the_part = match subject {
            Some(s) => self.taught_subjects.contains(&s),
            None => self.relation.teaches,
        };
        policy::can_write_pupil_plan(p, teaches_the_part)
    }
}

/// Who the pupil is to the caller. Another school's pupil, or someone who is not a pupil, is
/// NotFound: outsiders learn nothing.
pub(crate) async fn pupil_facts(
    db: &impl Reads,
    p: &Principal,
    pupil_id: i32,
) -> Result<PupilFacts, AppError> {
    let person = read::one(db, person::Entity::find_by_id(pupil_id))
        .await
        .map_err(db_err)?
        .filter(|person| person.school_id == p.school_id)
        .ok_or_else(not_found)?;
    let membership = read::one(db, pupil::Entity::find_by_id(pupil_id))
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let class = read::one(db, school_class::Entity::find_by_id(membership.class_id))
        .await
        .map_err(db_err)?;
    let guardian_with_access = read::one(
        db,
        guardianship::Entity::find()
            .filter(guardianship::Column::GuardianId.eq(p.person_id))
            .filter(guardianship::Column::PupilId.eq(pupil_id))
            .filter(guardianship::Column::HasAccess.eq(true)),
    )
    .await
    .map_err(db_err)?
    .is_some();
    let taught_subjects = taught_subjects(db, p.person_id, pupil_id, p.school_year).await?;
    Ok(PupilFacts {
        relation: PupilRelation {
            school_id: person.school_id,
            is_self: p.person_id == pupil_id,
            guardian_with_access,
            teaches: !taught_subjects.is_empty(),
        },
        person,
        class,
        taught_subjects,
    })
}

/// The hold (this school year, not archived) the pupil is in, and optionally only those the given
/// teacher teaches.
pub(crate) async fn pupils_holds(
    db: &impl Reads,
    pupil_id: i32,
    school_year: i32,
    teacher_id: Option<i32>,
) -> Result<Vec<team::Model>, AppError> {
    let holds_of = |person: i32, role: MemberRole| {
        Query::select()
            .column(team_member::Column::TeamId)
            .from(team_member::Entity)
            .and_where(team_member::Column::PersonId.eq(person))
            .and_where(team_member::Column::Role.eq(role))
            .and_where(team_member::Column::LeftAt.is_null())
            .to_owned()
    };
    let mut query = team::Entity::find()
        .filter(team::Column::Id.in_subquery(holds_of(pupil_id, MemberRole::Pupil)))
        .filter(team::Column::SchoolYear.eq(school_year))
        .filter(team::Column::ArchivedAt.is_null());
    if let Some(teacher_id) = teacher_id {
        query =
            query.filter(team::Column::Id.in_subquery(holds_of(teacher_id, MemberRole::Teacher)));
    }
    read::all(db, query).await.map_err(db_err)
}

async fn taught_subjects(
    db: &impl Reads,
    teacher_id: i32,
    pupil_id: i32,
    school_year: i32,
) -> Result<BTreeSet<Subject>, AppError> {
    Ok(pupils_holds(db, pupil_id, school_year, Some(teacher_id))
        .await?
        .iter()
        .filter_map(|t| Subject::parse(&t.subject).ok())
        .collect())
}

/// The forløb a pupil works in now: those of this school year's active hold they belong to, in
/// årsplaner and forløb that are not archived. Three queries, however many hold.
pub(crate) struct CurrentUnits {
    pub teams: HashMap<i32, team::Model>,
    /// Each årsplan's hold.
    pub plan_team: HashMap<i32, i32>,
    pub units: HashMap<i32, unit::Model>,
}

impl CurrentUnits {
    pub(crate) async fn of_pupil(db: &impl Reads, p: &Principal) -> Result<Self, AppError> {
        Self::of(db, p.person_id, p.school_year).await
    }

    /// The current forløb of any pupil, for those who follow them.
    pub(crate) async fn of(
        db: &impl Reads,
        pupil_id: i32,
        school_year: i32,
    ) -> Result<Self, AppError> {
        let teams: HashMap<i32, team::Model> = pupils_holds(db, pupil_id, school_year, None)
            .await?
            .into_iter()
            .map(|t| (t.id, t))
            .collect();
        let plan_team: HashMap<i32, i32> = read::tuples::<(i32, i32), _, _>(
            db,
            year_plan::Entity::find()
                .select_only()
                .columns([year_plan::Column::Id, year_plan::Column::TeamId])
                .filter(year_plan::Column::TeamId.is_in(teams.keys().copied().collect::<Vec<_>>()))
                .filter(year_plan::Column::ArchivedAt.is_null()),
        )
        .await
        .map_err(db_err)?
        .into_iter()
        .collect();
        let units: HashMap<i32, unit::Model> = read::all(
            db,
            unit::Entity::find()
                .filter(
                    unit::Column::YearPlanId.is_in(plan_team.keys().copied().collect::<Vec<_>>()),
                )
                .filter(unit::Column::ArchivedAt.is_null())
                .order_by_asc(unit::Column::FirstWeek),
        )
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
        Ok(Self {
            teams,
            plan_team,
            units,
        })
    }

    /// The hold a forløb belongs to.
    pub(crate) fn team_of(&self, u: &unit::Model) -> Option<&team::Model> {
        self.plan_team
            .get(&u.year_plan_id)
            .and_then(|team_id| self.teams.get(team_id))
    }
}

/// Every role of everyone at a school, by person: one statement, however large the school.
pub(crate) async fn roles_at_school(
    db: &impl ConnectionTrait,
    school_id: i32,
) -> Result<HashMap<i32, Vec<domain::identity::Role>>, AppError> {
    let people = Query::select()
        .column(person::Column::Id)
        .from(person::Entity)
        .and_where(person::Column::SchoolId.eq(school_id))
        .to_owned();
    let mut roles: HashMap<i32, Vec<domain::identity::Role>> = HashMap::new();
    for row in person_role::Entity::find()
        .filter(person_role::Column::PersonId.in_subquery(people))
        .all(db)
        .await
        .map_err(db_err)?
    {
        roles.entry(row.person_id).or_default().push(row.role);
    }
    Ok(roles)
}

/// Which of these classes each pupil placed in one of them is in, by pupil.
pub(crate) async fn placements_in(
    db: &impl ConnectionTrait,
    classes: &[school_class::Model],
) -> Result<HashMap<i32, i32>, AppError> {
    Ok(pupil::Entity::find()
        .filter(pupil::Column::ClassId.is_in(classes.iter().map(|c| c.id).collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|pl| (pl.person_id, pl.class_id))
        .collect())
}
