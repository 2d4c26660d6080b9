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
use domain::identity::{Password, Role, Username};
use domain::roster::{
    IMPORT_COLUMNS, ImportReport, MAX_IMPORT_BYTES, ProblemKind, Roster, RosterClass, RosterPupil,
    RosterTeam, RowProblem, StaffMember,
};
use domain::school::{Avatar, AvatarColor, AvatarShape, Grade, GroupName, PersonName, Subject};
use domain::{AppError, ErrorCode};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::{BTreeMap, HashMap, HashSet};

const MAX_CLASS_NAME: usize = 20;
const MAX_NAME: usize = 100;

async fn admin(ctx: &RequestCtx) -> Result<super::Principal, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_administer_school(&p, p.school_id))?;
    Ok(p)
}

async fn current_classes(
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
    let full_name = |p: &person::Model| format!("{} {}", p.given_name, p.family_name);
    let (staff, teams) = staff_and_teams(db, p.school_id, p.school_year).await?;
    Ok(Roster {
        school_name: school.name,
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
                        name: full_name(p),
                        guardians: links
                            .iter()
                            .filter(|l| l.pupil_id == p.id)
                            .filter_map(|l| people.get(&l.guardian_id).map(full_name))
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
async fn staff_and_teams(
    db: &impl ConnectionTrait,
    school_id: i32,
    school_year: i32,
) -> Result<(Vec<StaffMember>, Vec<RosterTeam>), AppError> {
    let people: HashMap<i32, person::Model> = person::Entity::find()
        .filter(person::Column::SchoolId.eq(school_id))
        .filter(person::Column::LeftAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let roles = person_role::Entity::find()
        .filter(person_role::Column::PersonId.is_in(people.keys().copied().collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?;
    let full_name = |p: &person::Model| format!("{} {}", p.given_name, p.family_name);
    let mut staff_roles: BTreeMap<i32, Vec<Role>> = BTreeMap::new();
    for r in &roles {
        if let Ok(role) = Role::parse(&r.role)
            && !matches!(role, Role::Pupil | Role::Parent)
        {
            staff_roles.entry(r.person_id).or_default().push(role);
        }
    }
    let mut staff: Vec<StaffMember> = staff_roles
        .into_iter()
        .filter_map(|(id, mut roles)| {
            roles.sort();
            people.get(&id).map(|p| StaffMember {
                id: i64::from(id),
                name: full_name(p),
                roles,
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
                .filter_map(|m| people.get(&m.person_id).map(full_name))
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

/// A unique-constraint violation is the user's input colliding with what exists; anything else
/// is ours.
fn taken_or_internal(err: sea_orm::DbErr, field: &str) -> AppError {
    match err.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => AppError::invalid(field),
        _ => db_err(err),
    }
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
    .map_err(|e| taken_or_internal(e, "name_taken"))?;
    Ok(i64::from(created.id))
}

async fn class_of_school(
    db: &impl ConnectionTrait,
    p: &super::Principal,
    class_id: i64,
) -> Result<school_class::Model, AppError> {
    let class_id = i32::try_from(class_id).map_err(|_| AppError::invalid("class"))?;
    current_classes(db, p.school_id, p.school_year)
        .await?
        .into_iter()
        .find(|c| c.id == class_id)
        .ok_or_else(|| AppError::invalid("class"))
}

/// Adds a pupil to a class, with the next free picture of that class.
pub async fn add_pupil(
    ctx: &RequestCtx,
    given: &str,
    family: &str,
    class_id: i64,
) -> Result<i64, AppError> {
    let p = admin(ctx).await?;
    let given = PersonName::parse(given, "given_name")?;
    let family = PersonName::parse(family, "family_name")?;
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
    txn.commit().await.map_err(db_err)?;
    Ok(i64::from(id))
}

/// The `n`th picture of a class: every shape in one colour, then the next colour.
fn avatar_number(n: usize) -> Avatar {
    Avatar {
        shape: AvatarShape::ALL[n % AvatarShape::ALL.len()],
        color: AvatarColor::ALL[(n / AvatarShape::ALL.len()) % AvatarColor::ALL.len()],
    }
}

/// A username and a new password, both or neither.
fn new_account(username: &str, password: &str) -> Result<Option<(Username, Password)>, AppError> {
    if username.trim().is_empty() && password.is_empty() {
        return Ok(None);
    }
    let username = Username::parse(username)?;
    // A new password must be long enough to resist guessing; passphrases are welcome.
    if password.chars().count() < 10 {
        return Err(AppError::invalid("new_password"));
    }
    Ok(Some((username, Password::parse(password)?)))
}

async fn add_account(
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
    .map_err(|e| taken_or_internal(e, "username_taken"))?;
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
        return Err(AppError::invalid("role"));
    }
    policy::require(policy::can_give_staff_role(&p, role))?;
    let given = PersonName::parse(given, "given_name")?;
    let family = PersonName::parse(family, "family_name")?;
    let account = new_account(username, password)?.ok_or_else(|| AppError::invalid("username"))?;
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
    let given = PersonName::parse(given, "given_name")?;
    let family = PersonName::parse(family, "family_name")?;
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

/// Creates a hold for this school year with a class's current pupils and one teacher (more
/// teachers and pupils from other classes can join it later).
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
    let class = class_of_school(db, &p, class_id).await?;
    let teacher_id = i32::try_from(teacher_id).map_err(|_| AppError::invalid("teacher"))?;
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
        return Err(AppError::invalid("teacher"));
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
        subject: Set(subject.as_str().to_owned()),
        school_year: Set(p.school_year),
        archived_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    let members = std::iter::once((teacher_id, MemberRole::Teacher))
        .chain(pupils.into_iter().map(|id| (id, MemberRole::Pupil)));
    for (person_id, role) in members {
        team_member::ActiveModel {
            team_id: Set(created.id),
            person_id: Set(person_id),
            role: Set(role),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(db_err)?;
    }
    txn.commit().await.map_err(db_err)?;
    Ok(i64::from(created.id))
}

/// A pupil of this school, still at it; otherwise `NotFound` (which reveals nothing more).
async fn pupil_of_school(
    db: &impl ConnectionTrait,
    school_id: i32,
    pupil_id: i64,
) -> Result<person::Model, AppError> {
    let id = i32::try_from(pupil_id).map_err(|_| AppError::invalid("pupil"))?;
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
    let class_id = i32::try_from(class_id).map_err(|_| AppError::invalid("class"))?;
    let class = current_classes(db, p.school_id, p.school_year)
        .await?
        .into_iter()
        .find(|c| c.id == class_id)
        .ok_or_else(|| AppError::invalid("class"))?;
    pupil::ActiveModel {
        person_id: Set(pupil.id),
        class_id: Set(class.id),
    }
    .update(db)
    .await
    .map_err(db_err)?;
    Ok(())
}

/// Marks a pupil as having left the school: no longer listed or able to sign in; every record of
/// theirs is kept.
pub async fn mark_pupil_left(ctx: &RequestCtx, pupil_id: i64) -> Result<(), AppError> {
    let p = admin(ctx).await?;
    let db = &ctx.db;
    let pupil = pupil_of_school(db, p.school_id, pupil_id).await?;
    let mut active = pupil.into_active_model();
    active.left_at = Set(Some(clock::now()));
    active.update(db).await.map_err(db_err)?;
    Ok(())
}

/// One valid line of a roster file.
struct Row {
    line: u32,
    class: String,
    grade: Grade,
    given: String,
    family: String,
    guardian: Option<(String, String, bool)>,
}

fn parse(text: &str) -> (Vec<Row>, Vec<RowProblem>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or_default();
    // Spreadsheets in a Danish locale save CSV with semicolons.
    let delimiter = if first_line.contains(';') && !first_line.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let problem = |line: u32, column: &str, kind| RowProblem {
        line,
        column: column.to_owned(),
        kind,
    };
    for (index, record) in reader.records().enumerate() {
        let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let Ok(record) = record else {
            problems.push(problem(line, "", ProblemKind::Unreadable));
            continue;
        };
        let cells: Vec<&str> = record.iter().map(str::trim).collect();
        if line == 1 {
            let header_ok = cells.len() == IMPORT_COLUMNS.len()
                && cells
                    .iter()
                    .zip(IMPORT_COLUMNS)
                    .all(|(c, want)| c.to_lowercase() == want);
            if !header_ok {
                problems.push(problem(1, "", ProblemKind::WrongHeader));
                break;
            }
            continue;
        }
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if cells.len() != IMPORT_COLUMNS.len() {
            problems.push(problem(line, "", ProblemKind::Unreadable));
            continue;
        }
        let before = problems.len();
        let mut text_cell = |i: usize, max: usize| {
            let value = cells[i];
            if value.is_empty() {
                problems.push(problem(line, IMPORT_COLUMNS[i], ProblemKind::Missing));
            } else if value.chars().count() > max {
                problems.push(problem(line, IMPORT_COLUMNS[i], ProblemKind::TooLong));
            }
            value.to_owned()
        };
        let class = text_cell(0, MAX_CLASS_NAME);
        let given = text_cell(2, MAX_NAME);
        let family = text_cell(3, MAX_NAME);
        let grade = cells[1]
            .parse::<i64>()
            .ok()
            .and_then(|g| Grade::parse(g).ok());
        if grade.is_none() {
            problems.push(problem(line, IMPORT_COLUMNS[1], ProblemKind::InvalidGrade));
        }
        let (g_given, g_family, access) = (cells[4], cells[5], cells[6].to_lowercase());
        let has_access = match access.as_str() {
            "" | "ja" => true,
            "nej" => false,
            _ => {
                problems.push(problem(line, IMPORT_COLUMNS[6], ProblemKind::InvalidAccess));
                true
            }
        };
        let guardian = match (g_given.is_empty(), g_family.is_empty()) {
            (true, true) => None,
            (false, false)
                if g_given.chars().count() <= MAX_NAME && g_family.chars().count() <= MAX_NAME =>
            {
                Some((g_given.to_owned(), g_family.to_owned(), has_access))
            }
            (false, false) => {
                problems.push(problem(line, IMPORT_COLUMNS[4], ProblemKind::TooLong));
                None
            }
            _ => {
                problems.push(problem(
                    line,
                    IMPORT_COLUMNS[4],
                    ProblemKind::IncompleteGuardian,
                ));
                None
            }
        };
        if let (Some(grade), true) = (grade, problems.len() == before) {
            rows.push(Row {
                line,
                class,
                grade,
                given,
                family,
                guardian,
            });
        }
    }
    (rows, problems)
}

/// Reads a roster file (format in docs/roster-import.md) and reports what it would change. With
/// `apply` and no problem, makes those changes in one transaction; with any problem, changes
/// nothing. Importing the same file twice adds nothing the second time.
pub async fn import_roster(
    ctx: &RequestCtx,
    text: &str,
    apply: bool,
) -> Result<ImportReport, AppError> {
    let p = admin(ctx).await?;
    if text.len() > MAX_IMPORT_BYTES {
        return Err(AppError::invalid("file"));
    }
    let db = &ctx.db;
    let (rows, mut problems) = parse(text);
    if rows.is_empty() && problems.is_empty() {
        return Err(AppError::invalid("file"));
    }

    let existing = current_classes(db, p.school_id, p.school_year).await?;
    let mut grade_of: HashMap<String, i16> =
        existing.iter().map(|c| (c.name.clone(), c.grade)).collect();
    let mut classes_to_create = Vec::new();
    for row in &rows {
        let grade = i16::from(row.grade.value());
        match grade_of.get(&row.class) {
            Some(g) if *g != grade => problems.push(RowProblem {
                line: row.line,
                column: IMPORT_COLUMNS[1].to_owned(),
                kind: ProblemKind::GradeConflict,
            }),
            Some(_) => {}
            None => {
                grade_of.insert(row.class.clone(), grade);
                classes_to_create.push(row.class.clone());
            }
        }
    }

    // Who is already in each existing class, by name, so a second import adds nothing.
    let placements = pupil::Entity::find()
        .filter(pupil::Column::ClassId.is_in(existing.iter().map(|c| c.id).collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?;
    let class_name: HashMap<i32, &str> = existing.iter().map(|c| (c.id, c.name.as_str())).collect();
    let placed_people: HashMap<i32, person::Model> = person::Entity::find()
        .filter(
            person::Column::Id.is_in(placements.iter().map(|p| p.person_id).collect::<Vec<_>>()),
        )
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut present: HashSet<(String, String, String)> = placements
        .iter()
        .filter_map(|pl| {
            let person = placed_people.get(&pl.person_id)?;
            Some((
                class_name.get(&pl.class_id)?.to_string(),
                person.given_name.clone(),
                person.family_name.clone(),
            ))
        })
        .collect();

    let mut report = ImportReport {
        classes_to_create,
        problems,
        ..ImportReport::default()
    };
    let mut new_rows = Vec::new();
    let mut new_guardians = HashSet::new();
    for row in &rows {
        if present.insert((row.class.clone(), row.given.clone(), row.family.clone())) {
            report.pupils_to_add += 1;
            if let Some((g, f, _)) = &row.guardian
                && new_guardians.insert((g.clone(), f.clone()))
            {
                report.guardians_to_add += 1;
            }
            new_rows.push(row);
        } else {
            report.pupils_unchanged += 1;
        }
    }
    report.problems.sort_by_key(|p| p.line);
    if !apply || !report.problems.is_empty() {
        return Ok(report);
    }

    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let now = clock::now();
    let year = p.school_year;
    super::school_year::ensure(&txn, p.school_id, year).await?;
    let mut class_ids: HashMap<String, i32> =
        existing.iter().map(|c| (c.name.clone(), c.id)).collect();
    for name in &report.classes_to_create {
        let grade = grade_of.get(name).copied().unwrap_or(0);
        let created = school_class::ActiveModel {
            school_id: Set(p.school_id),
            name: Set(name.clone()),
            grade: Set(grade),
            school_year: Set(year),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(db_err)?;
        class_ids.insert(name.clone(), created.id);
    }
    let mut per_class: BTreeMap<i32, usize> = BTreeMap::new();
    for pl in &placements {
        *per_class.entry(pl.class_id).or_default() += 1;
    }
    let mut guardian_ids: HashMap<(String, String), i32> = HashMap::new();
    for row in new_rows {
        let class_id = class_ids
            .get(&row.class)
            .copied()
            .ok_or_else(AppError::internal)?;
        let n = per_class.entry(class_id).or_default();
        let avatar = avatar_number(*n);
        *n += 1;
        let pupil_id = new_person(
            &txn,
            p.school_id,
            &row.given,
            &row.family,
            Some(avatar),
            Role::Pupil,
            now,
        )
        .await?;
        pupil::ActiveModel {
            person_id: Set(pupil_id),
            class_id: Set(class_id),
        }
        .insert(&txn)
        .await
        .map_err(db_err)?;
        if let Some((given, family, has_access)) = &row.guardian {
            let key = (given.clone(), family.clone());
            let guardian_id = match guardian_ids.get(&key) {
                Some(id) => *id,
                None => {
                    let id = new_person(&txn, p.school_id, given, family, None, Role::Parent, now)
                        .await?;
                    guardian_ids.insert(key, id);
                    id
                }
            };
            guardianship::ActiveModel {
                guardian_id: Set(guardian_id),
                pupil_id: Set(pupil_id),
                has_access: Set(*has_access),
                ..Default::default()
            }
            .insert(&txn)
            .await
            .map_err(db_err)?;
        }
    }
    txn.commit().await.map_err(db_err)?;
    report.applied = true;
    Ok(report)
}

async fn new_person(
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
        role: Set(role.as_str().to_owned()),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    Ok(created.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "klasse,klassetrin,fornavn,efternavn,forælder_fornavn,forælder_efternavn,forælder_adgang";

    #[test]
    fn a_valid_file_parses_into_rows_with_optional_guardians() {
        let text = format!("{HEADER}\n2.C,2,Otto,Lind,Eva,Lind,ja\n2.C,2,Maja,Holt,,,\n");
        let (rows, problems) = parse(&text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].guardian, Some(("Eva".into(), "Lind".into(), true)));
        assert_eq!(rows[1].guardian, None);
    }

    #[test]
    fn semicolons_and_a_byte_order_mark_from_a_danish_spreadsheet_are_understood() {
        let text = format!(
            "\u{feff}{}\n2.C;2;Otto;Lind;Eva;Lind;nej\n",
            HEADER.replace(',', ";")
        );
        let (rows, problems) = parse(&text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows[0].guardian, Some(("Eva".into(), "Lind".into(), false)));
    }

    #[test]
    fn bad_cells_are_reported_by_line_and_column() {
        let text = format!("{HEADER}\n2.C,12,Otto,Lind,,,\n,2,,Holt,Eva,,måske\n");
        let (rows, problems) = parse(&text);
        assert!(rows.is_empty());
        let found: Vec<_> = problems
            .iter()
            .map(|p| (p.line, p.column.as_str(), p.kind))
            .collect();
        assert_eq!(
            found,
            [
                (2, "klassetrin", ProblemKind::InvalidGrade),
                (3, "klasse", ProblemKind::Missing),
                (3, "fornavn", ProblemKind::Missing),
                (3, "forælder_adgang", ProblemKind::InvalidAccess),
                (3, "forælder_fornavn", ProblemKind::IncompleteGuardian),
            ]
        );
    }

    #[test]
    fn a_file_without_the_documented_header_is_refused_at_line_one() {
        let (_, problems) = parse("class,grade\n2.C,2\n");
        assert_eq!(problems[0].line, 1);
        assert_eq!(problems[0].kind, ProblemKind::WrongHeader);
    }

    #[test]
    fn a_line_with_the_wrong_number_of_columns_is_unreadable() {
        let (_, problems) = parse(&format!("{HEADER}\n2.C,2,Otto\n"));
        assert_eq!(
            (problems[0].line, problems[0].kind),
            (2, ProblemKind::Unreadable)
        );
    }
}
