//! The school's roster, for leaders and administration: classes with their pupils, moving a
//! pupil, marking a pupil as having left, and importing a roster file.

use super::current_principal;
use super::{hash_password, roles_of};
use crate::entity::team_member::MemberRole;
use crate::entity::{
    account, guardianship, person, person_role, pupil, school, school_class, team, team_member,
};
use crate::facts::current_pupils_of_class;
use crate::{RequestCtx, clock, db_err, policy};
use domain::Field;
use domain::identity::{Password, Role, Username};
use domain::roster::{Roster, RosterClass, RosterGuardian, RosterPupil, RosterTeam, StaffMember};
use domain::school::{Avatar, AvatarColor, AvatarShape, Grade, GroupName, PersonName, Subject};
use domain::teams::ClassChangePreview;
use domain::{AppError, ErrorCode};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::{BTreeMap, HashMap};

pub(super) const MAX_CLASS_NAME: usize = 20;
pub(super) const MAX_NAME: usize = 100;

pub(super) async fn admin(ctx: &RequestCtx) -> Result<super::Principal, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_administer_school(&p, p.school_id))?;
    Ok(p)
}

pub(super) async fn current_classes(
    db: &impl ConnectionTrait,
    school_id: i32,
    school_year: i32,
) -> Result<Vec<school_class::Model>, AppError> {
    school_class::Entity::find()
        .filter(school_class::Column::SchoolId.eq(school_id))
        .filter(school_class::Column::SchoolYear.eq(school_year))
        .order_by_asc(school_class::Column::Grade)
        .order_by_asc(school_class::Column::Name)
        .all(db)
        .await
        .map_err(db_err)
}

/// This year's classes with their current pupils and each pupil's guardians.
pub async fn roster(ctx: &RequestCtx) -> Result<Roster, AppError> {
    let p = admin(ctx).await?;
    let db = &ctx.db;
    let school = school::Entity::find_by_id(p.school_id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::internal)?;
    let classes = current_classes(db, p.school_id, p.school_year).await?;
    let placements = pupil::Entity::find()
        .filter(pupil::Column::ClassId.is_in(classes.iter().map(|c| c.id).collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?;
    let pupil_ids: Vec<i32> = placements.iter().map(|p| p.person_id).collect();
    let links = guardianship::Entity::find()
        .filter(guardianship::Column::PupilId.is_in(pupil_ids.clone()))
        .all(db)
        .await
        .map_err(db_err)?;
    let people_ids: Vec<i32> = pupil_ids
        .iter()
        .copied()
        .chain(links.iter().map(|l| l.guardian_id))
        .collect();
    let people: HashMap<i32, person::Model> = person::Entity::find()
        .filter(person::Column::Id.is_in(people_ids))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let (staff, teams) = staff_and_teams(db, p.school_id, p.school_year).await?;
    Ok(Roster {
        school_name: school.name,
        institution_number: school.institution_number,
        staff,
        teams,
        classes: classes
            .into_iter()
            .map(|class| {
                let mut pupils: Vec<RosterPupil> = placements
                    .iter()
                    .filter(|pl| pl.class_id == class.id)
                    .filter_map(|pl| people.get(&pl.person_id))
                    .filter(|p| p.left_at.is_none())
                    .map(|p| RosterPupil {
                        id: i64::from(p.id),
                        name: p.full_name(),
                        guardians: links
                            .iter()
                            .filter(|l| l.pupil_id == p.id)
                            .filter_map(|l| {
                                people.get(&l.guardian_id).map(|g| RosterGuardian {
                                    id: i64::from(g.id),
                                    name: g.full_name(),
                                    has_access: l.has_access,
                                })
                            })
                            .collect(),
                    })
                    .collect();
                pupils.sort_by(|a, b| a.name.cmp(&b.name));
                RosterClass {
                    id: i64::from(class.id),
                    name: class.name,
                    grade: u8::try_from(class.grade).unwrap_or(0),
                    pupils,
                }
            })
            .collect(),
    })
}

/// The school's staff (everyone holding a staff role) and this year's active hold.
pub(super) async fn staff_and_teams(
    db: &impl ConnectionTrait,
    school_id: i32,
    school_year: i32,
) -> Result<(Vec<StaffMember>, Vec<RosterTeam>), AppError> {
    let everyone = person::Entity::find()
        .filter(person::Column::SchoolId.eq(school_id))
        .all(db)
        .await
        .map_err(db_err)?;
    let roles = person_role::Entity::find()
        .filter(
            person_role::Column::PersonId.is_in(everyone.iter().map(|p| p.id).collect::<Vec<_>>()),
        )
        .all(db)
        .await
        .map_err(db_err)?;
    // Staff who were deactivated stay on the list, to be given access back (unless anonymised:
    // nobody comes back nameless); pupils who left do not count in any hold.
    let deactivated: HashMap<i32, person::Model> = everyone
        .iter()
        .filter(|p| p.left_at.is_some() && p.anonymised_at.is_none())
        .map(|p| (p.id, p.clone()))
        .collect();
    let people: HashMap<i32, person::Model> = everyone
        .into_iter()
        .filter(|p| p.left_at.is_none())
        .map(|p| (p.id, p))
        .collect();
    let mut staff_roles: BTreeMap<i32, Vec<Role>> = BTreeMap::new();
    for r in &roles {
        if !matches!(r.role, Role::Pupil | Role::Parent) {
            staff_roles.entry(r.person_id).or_default().push(r.role);
        }
    }
    let mut staff: Vec<StaffMember> = staff_roles
        .into_iter()
        .filter_map(|(id, mut roles)| {
            roles.sort();
            let (person, active) = match people.get(&id) {
                Some(p) => (p, true),
                None => (deactivated.get(&id)?, false),
            };
            Some(StaffMember {
                id: i64::from(id),
                name: person.full_name(),
                roles,
                active,
                uni_id: person.external_id.clone(),
            })
        })
        .collect();
    staff.sort_by(|a, b| a.name.cmp(&b.name));

    let teams = team::Entity::find()
        .filter(team::Column::SchoolId.eq(school_id))
        .filter(team::Column::SchoolYear.eq(school_year))
        .filter(team::Column::ArchivedAt.is_null())
        .order_by_asc(team::Column::Name)
        .all(db)
        .await
        .map_err(db_err)?;
    let members = team_member::Entity::find()
        .filter(team_member::Column::TeamId.is_in(teams.iter().map(|t| t.id).collect::<Vec<_>>()))
        .filter(team_member::Column::LeftAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?;
    let teams = teams
        .into_iter()
        .filter_map(|t| {
            let subject = Subject::parse(&t.subject).ok()?;
            let of_team = || members.iter().filter(move |m| m.team_id == t.id);
            let mut teachers: Vec<String> = of_team()
                .filter(|m| m.role == MemberRole::Teacher)
                .filter_map(|m| people.get(&m.person_id).map(person::Model::full_name))
                .collect();
            teachers.sort();
            let pupil_count = of_team()
                .filter(|m| m.role == MemberRole::Pupil && people.contains_key(&m.person_id))
                .count();
            Some(RosterTeam {
                id: i64::from(t.id),
                name: t.name,
                subject,
                teachers,
                pupil_count: u32::try_from(pupil_count).unwrap_or(u32::MAX),
            })
        })
        .collect();
    Ok((staff, teams))
}

/// Creates a class for this school year.
pub async fn create_class(ctx: &RequestCtx, name: &str, grade: i64) -> Result<i64, AppError> {
    let p = admin(ctx).await?;
    let name = GroupName::parse(name)?;
    let grade = Grade::parse(grade)?;
    super::school_year::ensure(&ctx.db, p.school_id, p.school_year).await?;
    let created = school_class::ActiveModel {
        school_id: Set(p.school_id),
        name: Set(name.as_str().to_owned()),
        grade: Set(i16::from(grade.value())),
        school_year: Set(p.school_year),
        ..Default::default()
    }
    .insert(&ctx.db)
    .await
    .map_err(|e| crate::taken_or_internal(e, Field::NameTaken))?;
    Ok(i64::from(created.id))
}

pub(super) async fn class_of_school(
    db: &impl ConnectionTrait,
    p: &super::Principal,
    class_id: i64,
) -> Result<school_class::Model, AppError> {
    let class_id = i32::try_from(class_id).map_err(|_| AppError::invalid(Field::Class))?;
    current_classes(db, p.school_id, p.school_year)
        .await?
        .into_iter()
        .find(|c| c.id == class_id)
        .ok_or_else(|| AppError::invalid(Field::Class))
}

/// Adds a pupil to a class, with the next free picture of that class.
pub async fn add_pupil(
    ctx: &RequestCtx,
    given: &str,
    family: &str,
    class_id: i64,
) -> Result<i64, AppError> {
    let p = admin(ctx).await?;
    let given = PersonName::parse(given, Field::GivenName)?;
    let family = PersonName::parse(family, Field::FamilyName)?;
    let class = class_of_school(&ctx.db, &p, class_id).await?;
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    let in_class = pupil::Entity::find()
        .filter(pupil::Column::ClassId.eq(class.id))
        .count(&txn)
        .await
        .map_err(db_err)?;
    let avatar = avatar_number(usize::try_from(in_class).unwrap_or(0));
    let id = new_person(
        &txn,
        p.school_id,
        given.as_str(),
        family.as_str(),
        Some(avatar),
        Role::Pupil,
        clock::now(),
    )
    .await?;
    pupil::ActiveModel {
        person_id: Set(id),
        class_id: Set(class.id),
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    crate::teams::follow_class(&txn, id, None, Some(class.id), class.school_year).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(i64::from(id))
}

/// The `n`th picture of a class: every shape in one colour, then the next colour.
pub(super) fn avatar_number(n: usize) -> Avatar {
    Avatar {
        shape: AvatarShape::ALL[n % AvatarShape::ALL.len()],
        color: AvatarColor::ALL[(n / AvatarShape::ALL.len()) % AvatarColor::ALL.len()],
    }
}

/// A username and a new password, both or neither.
pub(super) fn new_account(
    username: &str,
    password: &str,
) -> Result<Option<(Username, Password)>, AppError> {
    if username.trim().is_empty() && password.is_empty() {
        return Ok(None);
    }
    let username = Username::parse(username)?;
    // A new password must be long enough to resist guessing; passphrases are welcome.
    if password.chars().count() < 10 {
        return Err(AppError::invalid(Field::NewPassword));
    }
    Ok(Some((username, Password::parse(password)?)))
}

pub(super) async fn add_account(
    db: &impl ConnectionTrait,
    person_id: i32,
    account: Option<(Username, Password)>,
) -> Result<(), AppError> {
    let Some((username, password)) = account else {
        return Ok(());
    };
    account::ActiveModel {
        person_id: Set(person_id),
        username: Set(username.as_str().to_owned()),
        password_hash: Set(hash_password(&password)?),
    }
    .insert(db)
    .await
    .map_err(|e| crate::taken_or_internal(e, Field::UsernameTaken))?;
    Ok(())
}

/// Adds a staff member (teacher, pædagog, leader or administration) with a sign-in.
pub async fn add_staff(
    ctx: &RequestCtx,
    given: &str,
    family: &str,
    role: Role,
    username: &str,
    password: &str,
) -> Result<i64, AppError> {
    let p = admin(ctx).await?;
    if matches!(role, Role::Pupil | Role::Parent) {
        return Err(AppError::invalid(Field::Role));
    }
    policy::require(policy::can_give_staff_role(&p, role))?;
    let given = PersonName::parse(given, Field::GivenName)?;
    let family = PersonName::parse(family, Field::FamilyName)?;
    let account =
        new_account(username, password)?.ok_or_else(|| AppError::invalid(Field::Username))?;
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    let id = new_person(
        &txn,
        p.school_id,
        given.as_str(),
        family.as_str(),
        None,
        role,
        clock::now(),
    )
    .await?;
    add_account(&txn, id, Some(account)).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(i64::from(id))
}

/// Links a new guardian to a pupil, optionally with a sign-in.
pub async fn link_guardian(
    ctx: &RequestCtx,
    pupil_id: i64,
    given: &str,
    family: &str,
    has_access: bool,
    username: &str,
    password: &str,
) -> Result<i64, AppError> {
    let p = admin(ctx).await?;
    let pupil = pupil_of_school(&ctx.db, p.school_id, pupil_id).await?;
    let given = PersonName::parse(given, Field::GivenName)?;
    let family = PersonName::parse(family, Field::FamilyName)?;
    let account = new_account(username, password)?;
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    let id = new_person(
        &txn,
        p.school_id,
        given.as_str(),
        family.as_str(),
        None,
        Role::Parent,
        clock::now(),
    )
    .await?;
    add_account(&txn, id, account).await?;
    guardianship::ActiveModel {
        guardian_id: Set(id),
        pupil_id: Set(pupil.id),
        has_access: Set(has_access),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    txn.commit().await.map_err(db_err)?;
    Ok(i64::from(id))
}

/// Creates a hold for this school year with a class's current pupils and one teacher. It is the
/// class's hold: pupils who join or leave the class join or leave it. More teachers and pupils
/// from other classes are added on the hold's own screen (`teams`).
pub async fn create_team(
    ctx: &RequestCtx,
    name: &str,
    subject: Subject,
    class_id: i64,
    teacher_id: i64,
) -> Result<i64, AppError> {
    let p = admin(ctx).await?;
    let name = GroupName::parse(name)?;
    let db = &ctx.db;
    crate::subjects::require_known(db, p.school_id, subject).await?;
    let class = class_of_school(db, &p, class_id).await?;
    let teacher_id = i32::try_from(teacher_id).map_err(|_| AppError::invalid(Field::Teacher))?;
    let teacher = person::Entity::find_by_id(teacher_id)
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|t| t.school_id == p.school_id && t.left_at.is_none());
    let teaches = match teacher {
        Some(t) => roles_of(db, t.id)
            .await?
            .iter()
            .any(|r| r.is_teaching_staff()),
        None => false,
    };
    if !teaches {
        return Err(AppError::invalid(Field::Teacher));
    }
    let pupils: Vec<i32> = person::Entity::find()
        .select_only()
        .column(person::Column::Id)
        .filter(person::Column::Id.in_subquery(current_pupils_of_class(class.id)))
        .into_tuple::<i32>()
        .all(db)
        .await
        .map_err(db_err)?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    super::school_year::ensure(&txn, p.school_id, p.school_year).await?;
    let created = team::ActiveModel {
        school_id: Set(p.school_id),
        name: Set(name.as_str().to_owned()),
        subject: Set(subject.code().into_owned()),
        school_year: Set(p.school_year),
        archived_at: Set(None),
        class_id: Set(Some(class.id)),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    let members = std::iter::once((teacher_id, MemberRole::Teacher))
        .chain(pupils.into_iter().map(|id| (id, MemberRole::Pupil)));
    for (person_id, role) in members {
        crate::teams::join(&txn, created.id, person_id, role, Some(p.person_id)).await?;
    }
    txn.commit().await.map_err(db_err)?;
    Ok(i64::from(created.id))
}

/// A pupil of this school, still at it; otherwise `NotFound` (which reveals nothing more).
pub(super) async fn pupil_of_school(
    db: &impl ConnectionTrait,
    school_id: i32,
    pupil_id: i64,
) -> Result<person::Model, AppError> {
    let id = i32::try_from(pupil_id).map_err(|_| AppError::invalid(Field::Pupil))?;
    let found = person::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_err)?;
    let placed = pupil::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_err)?
        .is_some();
    found
        .filter(|p| p.school_id == school_id && p.left_at.is_none() && placed)
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))
}

/// Moves a pupil to another class of this school year. Their history stays with them.
pub async fn move_pupil(ctx: &RequestCtx, pupil_id: i64, class_id: i64) -> Result<(), AppError> {
    let p = admin(ctx).await?;
    let db = &ctx.db;
    let pupil = pupil_of_school(db, p.school_id, pupil_id).await?;
    let class_id = i32::try_from(class_id).map_err(|_| AppError::invalid(Field::Class))?;
    let class = current_classes(db, p.school_id, p.school_year)
        .await?
        .into_iter()
        .find(|c| c.id == class_id)
        .ok_or_else(|| AppError::invalid(Field::Class))?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    place_pupil(&txn, pupil.id, class.id).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(())
}

/// What moving a pupil to a class of this year (or, without one, out of the school) will do to
/// their hold, for the leader to see before it happens.
pub async fn preview_class_change(
    ctx: &RequestCtx,
    pupil_id: i64,
    class_id: Option<i64>,
) -> Result<ClassChangePreview, AppError> {
    let p = admin(ctx).await?;
    let db = &ctx.db;
    let pupil = pupil_of_school(db, p.school_id, pupil_id).await?;
    let to = match class_id {
        Some(id) => Some(class_of_school(db, &p, id).await?.id),
        None => None,
    };
    let from = pupil::Entity::find_by_id(pupil.id)
        .one(db)
        .await
        .map_err(db_err)?
        .map(|pl| pl.class_id);
    let (leaves, joins) = crate::teams::plan_change(db, pupil.id, from, to, p.school_year).await?;
    Ok(ClassChangePreview {
        leaves: leaves.into_iter().map(|t| t.name).collect(),
        joins: joins.into_iter().map(|t| t.name).collect(),
    })
}

/// Places a pupil in a class of this year: a move, or a return to the school. What they made
/// and were given stays theirs.
pub(super) async fn place_pupil(
    db: &impl ConnectionTrait,
    person_id: i32,
    class_id: i32,
) -> Result<(), AppError> {
    let from = pupil::Entity::find_by_id(person_id)
        .one(db)
        .await
        .map_err(db_err)?
        .map(|pl| pl.class_id);
    let placed = from.is_some();
    let placement = pupil::ActiveModel {
        person_id: Set(person_id),
        class_id: Set(class_id),
    };
    if placed {
        placement.update(db).await.map_err(db_err)?;
    } else {
        placement.insert(db).await.map_err(db_err)?;
    }
    person::Entity::update_many()
        .col_expr(
            person::Column::LeftAt,
            sea_orm::sea_query::Expr::value(Option::<i64>::None),
        )
        .filter(person::Column::Id.eq(person_id))
        .exec(db)
        .await
        .map_err(db_err)?;
    let year = school_class::Entity::find_by_id(class_id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::internal)?
        .school_year;
    crate::teams::follow_class(db, person_id, from, Some(class_id), year).await
}

/// Marks a pupil as having left the school: no longer listed or able to sign in; every record of
/// theirs is kept.
pub async fn mark_pupil_left(ctx: &RequestCtx, pupil_id: i64) -> Result<(), AppError> {
    let p = admin(ctx).await?;
    let db = &ctx.db;
    let pupil = pupil_of_school(db, p.school_id, pupil_id).await?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    crate::teams::follow_class(&txn, pupil.id, None, None, p.school_year).await?;
    let mut active = pupil.into_active_model();
    active.left_at = Set(Some(ctx.now()));
    active.update(&txn).await.map_err(db_err)?;
    txn.commit().await.map_err(db_err)?;
    Ok(())
}

pub(super) async fn new_person(
    db: &impl ConnectionTrait,
    school_id: i32,
    given: &str,
    family: &str,
    avatar: Option<Avatar>,
    role: Role,
    now: i64,
) -> Result<i32, AppError> {
    let created = person::ActiveModel {
        school_id: Set(school_id),
        given_name: Set(given.to_owned()),
        family_name: Set(family.to_owned()),
        avatar: Set(avatar.map(Avatar::to_key)),
        created_at: Set(now),
        left_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    person_role::ActiveModel {
        person_id: Set(created.id),
        role: Set(role),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    Ok(created.id)
}
