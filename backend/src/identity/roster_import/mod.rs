//! Importing a roster file (pupils with guardians, or staff) from the school's administrative
//! system: read in either encoding Excel saves, checked whole against the school as it is, then
//! applied in one transaction, or not at all. The format is docs/roster-import.md.

pub(crate) mod parse;
mod plan;

use super::roster::{admin, avatar_number, new_person, place_pupil};
use crate::entity::{guardianship, person, person_role, pupil, school_class};
use crate::{RequestCtx, clock, db_err, policy};
use domain::identity::Role;
use domain::roster::{ImportKind, ImportReport, MAX_IMPORT_BYTES};
use domain::{AppError, Field};
use plan::{NewPerson, Who};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use std::collections::{BTreeMap, HashMap};

/// The import of a file sent as base64, as the browser reads it.
pub async fn import_roster_base64(
    ctx: &RequestCtx,
    data_base64: &str,
    apply: bool,
) -> Result<ImportReport, AppError> {
    let p = admin(ctx).await?;
    import(ctx, &p, &decode_base64(data_base64)?, apply).await
}

/// A file as the browser sends it; an oversized one is refused before decoding (base64 is 4/3
/// of the bytes).
pub(crate) fn decode_base64(data_base64: &str) -> Result<Vec<u8>, AppError> {
    use base64::Engine as _;
    if data_base64.len() > MAX_IMPORT_BYTES / 3 * 4 + 4 {
        return Err(AppError::invalid(Field::File));
    }
    base64::engine::general_purpose::STANDARD
        .decode(data_base64.trim())
        .map_err(|_| AppError::invalid(Field::File))
}

/// Reads a roster file and reports what it would change. With `apply` and no problem, makes
/// those changes in one transaction; with any problem, changes nothing. Importing the same file
/// twice changes nothing the second time.
pub async fn import_roster(
    ctx: &RequestCtx,
    bytes: &[u8],
    apply: bool,
) -> Result<ImportReport, AppError> {
    let p = admin(ctx).await?;
    import(ctx, &p, bytes, apply).await
}

async fn import(
    ctx: &RequestCtx,
    p: &crate::principal::Principal,
    bytes: &[u8],
    apply: bool,
) -> Result<ImportReport, AppError> {
    let parsed = read(bytes)?;
    let mut report = ImportReport::new(parsed.kind);
    report.lines = parsed.lines;
    report.problems = parsed.problems;

    // Applying reads the school inside the transaction it writes in, so what it applies is what
    // it checked.
    let txn = if apply {
        let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
        crate::db::lock_roster(&txn, p.school_id)
            .await
            .map_err(db_err)?;
        Some(txn)
    } else {
        None
    };
    let school = match &txn {
        Some(txn) => load(txn, p.school_id, p.school_year).await?,
        None => load(&ctx.db, p.school_id, p.school_year).await?,
    };
    let plan = match parsed.kind {
        ImportKind::Pupils => plan::pupils(&school, &parsed.pupils, &mut report),
        ImportKind::Staff => plan::staff(
            &school,
            &parsed.staff,
            |role| policy::can_give_staff_role(p, role),
            |roles| {
                policy::can_provision_identity(
                    p,
                    &policy::PersonView {
                        id: 0,
                        school_id: p.school_id,
                        roles,
                    },
                )
            },
            &mut report,
        ),
    };
    report.problems.sort_by_key(|p| p.line);
    let Some(txn) = txn.filter(|_| report.problems.is_empty()) else {
        return Ok(report);
    };
    apply_plan(&txn, p.school_id, p.school_year, &school, plan).await?;
    txn.commit().await.map_err(db_err)?;
    report.applied = true;
    Ok(report)
}

/// A roster file read whole, in either encoding; refused when too large or empty.
pub(crate) fn read(bytes: &[u8]) -> Result<parse::Parsed, AppError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(AppError::invalid(Field::File));
    }
    let text = parse::decode(bytes);
    if text.trim().is_empty() {
        return Err(AppError::invalid(Field::File));
    }
    Ok(parse::parse(&text))
}

/// A pupil list checked against `year`'s classes inside `txn`, and applied there when it has no
/// problem (the caller commits or rolls back). `earlier` places pupils the new year has no class
/// for yet in last year's class (pupil → class id and name), so a same-named line in another
/// class is a possible duplicate, never a second person.
pub(crate) async fn import_pupils_in(
    txn: &impl ConnectionTrait,
    p: &crate::principal::Principal,
    year: i32,
    parsed: &parse::Parsed,
    earlier: HashMap<i32, (i32, String)>,
) -> Result<ImportReport, AppError> {
    let mut report = ImportReport::new(ImportKind::Pupils);
    report.lines = parsed.lines;
    report.problems = parsed.problems.clone();
    let mut school = load(txn, p.school_id, year).await?;
    for (pupil, (class_id, name)) in earlier {
        school.placement.entry(pupil).or_insert(class_id);
        school.earlier_classes.insert(class_id, name);
    }
    let plan = plan::pupils(&school, &parsed.pupils, &mut report);
    report.problems.sort_by_key(|p| p.line);
    if report.problems.is_empty() {
        apply_plan(txn, p.school_id, year, &school, plan).await?;
    }
    Ok(report)
}

/// Everyone of a school, as a subquery.
fn people_of(school_id: i32) -> sea_orm::sea_query::SelectStatement {
    sea_orm::sea_query::Query::select()
        .column(person::Column::Id)
        .from(person::Entity)
        .and_where(person::Column::SchoolId.eq(school_id))
        .to_owned()
}

/// The school as the import needs to see it: its people with their roles and UNI-IDs, this
/// year's classes and who is in them, and each pupil's guardians.
async fn load(
    db: &impl ConnectionTrait,
    school_id: i32,
    school_year: i32,
) -> Result<plan::School, AppError> {
    let people = person::Entity::find()
        .filter(person::Column::SchoolId.eq(school_id))
        .all(db)
        .await
        .map_err(db_err)?;
    let mut roles = crate::facts::roles_at_school(db, school_id).await?;
    let classes = super::roster::current_classes(db, school_id, school_year).await?;
    let placement = crate::facts::placements_in(db, &classes).await?;
    let mut guardians_of: HashMap<i32, Vec<i32>> = HashMap::new();
    for link in guardianship::Entity::find()
        .filter(guardianship::Column::PupilId.in_subquery(people_of(school_id)))
        .all(db)
        .await
        .map_err(db_err)?
    {
        guardians_of
            .entry(link.pupil_id)
            .or_default()
            .push(link.guardian_id);
    }
    Ok(plan::School {
        people: people
            .into_iter()
            .map(|p| {
                let known = plan::Known {
                    given: p.given_name,
                    family: p.family_name,
                    uni_id: p.external_id,
                    roles: roles.remove(&p.id).unwrap_or_default(),
                    left: p.left_at.is_some(),
                };
                (p.id, known)
            })
            .collect(),
        classes: classes
            .into_iter()
            .map(|c| (c.name, (c.id, c.grade)))
            .collect(),
        placement,
        guardians_of,
        earlier_classes: HashMap::new(),
    })
}

async fn set_uni_id(db: &impl ConnectionTrait, id: i32, uni_id: &str) -> Result<(), AppError> {
    person::Entity::update_many()
        .col_expr(person::Column::ExternalId, Expr::value(uni_id))
        .filter(person::Column::Id.eq(id))
        .exec(db)
        .await
        .map_err(|e| crate::taken_or_internal(e, Field::UniId))?;
    Ok(())
}

/// Creates a person with their roles and UNI-ID.
async fn create(
    db: &impl ConnectionTrait,
    school_id: i32,
    who: &NewPerson,
    avatar: Option<domain::school::Avatar>,
    roles: &[Role],
    now: i64,
) -> Result<i32, AppError> {
    let (first, more) = roles.split_first().ok_or_else(AppError::internal)?;
    let id = new_person(db, school_id, &who.given, &who.family, avatar, *first, now).await?;
    for role in more {
        add_role(db, id, *role).await?;
    }
    if let Some(uni_id) = &who.uni_id {
        set_uni_id(db, id, uni_id).await?;
    }
    Ok(id)
}

async fn add_role(db: &impl ConnectionTrait, person_id: i32, role: Role) -> Result<(), AppError> {
    person_role::ActiveModel {
        person_id: Set(person_id),
        role: Set(role),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    Ok(())
}

async fn apply_plan(
    txn: &impl ConnectionTrait,
    school_id: i32,
    school_year: i32,
    school: &plan::School,
    plan: plan::Plan,
) -> Result<(), AppError> {
    let now = clock::now();
    super::school_year::ensure(txn, school_id, school_year).await?;
    let mut class_ids: HashMap<String, i32> = school
        .classes
        .iter()
        .map(|(name, (id, _))| (name.clone(), *id))
        .collect();
    for (name, grade) in &plan.new_classes {
        let created = school_class::ActiveModel {
            school_id: Set(school_id),
            name: Set(name.clone()),
            grade: Set(*grade),
            school_year: Set(school_year),
            ..Default::default()
        }
        .insert(txn)
        .await
        .map_err(db_err)?;
        class_ids.insert(name.clone(), created.id);
    }
    let class_id = |name: &str| class_ids.get(name).copied().ok_or_else(AppError::internal);
    for (id, uni_id) in &plan.links {
        set_uni_id(txn, *id, uni_id).await?;
    }
    for (id, class) in &plan.moves {
        place_pupil(txn, *id, class_id(class)?).await?;
    }
    // Each class's pupils get the next free pictures of that class.
    let mut per_class: BTreeMap<i32, usize> = BTreeMap::new();
    for class in school.placement.values() {
        *per_class.entry(*class).or_default() += 1;
    }
    let mut pupil_ids = Vec::with_capacity(plan.new_pupils.len());
    for (who, class) in &plan.new_pupils {
        let class_id = class_id(class)?;
        let n = per_class.entry(class_id).or_default();
        let avatar = avatar_number(*n);
        *n += 1;
        let id = create(txn, school_id, who, Some(avatar), &[Role::Pupil], now).await?;
        pupil::ActiveModel {
            person_id: Set(id),
            class_id: Set(class_id),
        }
        .insert(txn)
        .await
        .map_err(db_err)?;
        crate::teams::follow_class(txn, id, None, Some(class_id), school_year).await?;
        pupil_ids.push(id);
    }
    let mut guardian_ids = Vec::with_capacity(plan.new_guardians.len());
    for who in &plan.new_guardians {
        guardian_ids.push(create(txn, school_id, who, None, &[Role::Parent], now).await?);
    }
    let resolve = |who: Who, new: &[i32]| match who {
        Who::Known(id) => Ok(id),
        Who::New(i) => new.get(i).copied().ok_or_else(AppError::internal),
    };
    for (pupil, guardian, has_access) in &plan.guardianships {
        guardianship::ActiveModel {
            pupil_id: Set(resolve(*pupil, &pupil_ids)?),
            guardian_id: Set(resolve(*guardian, &guardian_ids)?),
            has_access: Set(*has_access),
            ..Default::default()
        }
        .insert(txn)
        .await
        .map_err(db_err)?;
    }
    for (who, roles) in &plan.new_staff {
        create(txn, school_id, who, None, roles, now).await?;
    }
    for (id, role) in &plan.roles {
        add_role(txn, *id, *role).await?;
    }
    Ok(())
}
