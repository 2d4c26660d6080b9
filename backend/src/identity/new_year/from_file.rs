//! Opening the new school year from next year's roster file, as a municipality's system sends
//! it: each of last year's classes continues as the file's class the årsrul matches it to
//! (`arsrul`), carrying its hold and teachers; then the file is imported into the new year
//! (new pupils and classes, guardians, UNI-IDs). The leader sees all of it first: the preview
//! runs the whole opening in a transaction it rolls back. A file with any problem opens nothing.
//!
//! Last year's pupils the new year then has no class for (their class ended and the file does not
//! place them) leave the school, named in the preview. A continuing class keeps a pupil the file
//! does not name: the leader marks them as left, as during the year.

use super::arsrul::{self, ClassPupils, PupilKey};
use super::{open_in, plan, preview_of};
use crate::entity::{person, pupil};
use crate::identity::roster::admin;
use crate::identity::roster_import::{self, parse::Parsed};
use crate::{RequestCtx, clock, db_err, policy};
use domain::roster::{ClassMatchRule, ImportKind, NewYearPreview};
use domain::{AppError, Field};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, HashMap};

/// The file as the browser sends it.
pub async fn new_year_from_file_base64(
    ctx: &RequestCtx,
    data_base64: &str,
    apply: bool,
) -> Result<NewYearPreview, AppError> {
    let p = admin(ctx).await?;
    policy::require(policy::can_open_school_year(&p, p.school_id))?;
    let bytes = roster_import::decode_base64(data_base64)?;
    open(ctx, &p, &bytes, apply).await
}

/// What opening this year from the roster file would do; with `apply` and no problem in the
/// file, does it.
pub async fn new_year_from_file(
    ctx: &RequestCtx,
    bytes: &[u8],
    apply: bool,
) -> Result<NewYearPreview, AppError> {
    let p = admin(ctx).await?;
    policy::require(policy::can_open_school_year(&p, p.school_id))?;
    open(ctx, &p, bytes, apply).await
}

async fn open(
    ctx: &RequestCtx,
    p: &crate::principal::Principal,
    bytes: &[u8],
    apply: bool,
) -> Result<NewYearPreview, AppError> {
    let parsed = roster_import::read(bytes)?;
    if parsed.kind != ImportKind::Pupils {
        return Err(AppError::invalid(Field::File));
    }
    let year = p.school_year;
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    crate::db::lock_roster(&txn, p.school_id)
        .await
        .map_err(db_err)?;
    let last = last_year(&txn, p.school_id, year - 1).await?;
    let matches = arsrul::match_classes(
        &last.iter().map(|(_, c)| c.clone()).collect::<Vec<_>>(),
        &file_classes(&parsed),
    );
    let by_class: HashMap<i32, arsrul::Continues> =
        last.iter().map(|(id, _)| *id).zip(matches).collect();
    let plan = plan(&txn, p.school_id, year, Some(&by_class)).await?;
    let mut preview = preview_of(&plan, year);
    open_in(&txn, p, year, &plan).await?;
    // Pupils of a class that ends count as still in it while the file is matched.
    let ended: Vec<(i32, String)> = plan
        .targets
        .iter()
        .filter(|(_, _, why)| *why == ClassMatchRule::Ends)
        .map(|(c, _, _)| (c.id, c.name.clone()))
        .collect();
    let earlier: HashMap<i32, (i32, String)> = ended
        .iter()
        .flat_map(|(class, name)| {
            plan.pupils
                .get(class)
                .into_iter()
                .flatten()
                .map(|pupil| (*pupil, (*class, name.clone())))
        })
        .collect();
    let mut report = roster_import::import_pupils_in(&txn, p, year, &parsed, earlier).await?;
    let leaving = if report.problems.is_empty() {
        still_in(&txn, &ended.iter().map(|(id, _)| *id).collect::<Vec<_>>()).await?
    } else {
        Vec::new()
    };
    preview.leaving = leaving.iter().map(|(_, name)| name.clone()).collect();
    if apply && report.problems.is_empty() {
        let now = clock::now();
        person::Entity::update_many()
            .col_expr(person::Column::LeftAt, Expr::value(Some(now)))
            .filter(person::Column::Id.is_in(leaving.iter().map(|(id, _)| *id)))
            .exec(&txn)
            .await
            .map_err(db_err)?;
        txn.commit().await.map_err(db_err)?;
        report.applied = true;
        preview.opened = true;
    } else {
        txn.rollback().await.map_err(db_err)?;
    }
    preview.file = Some(report);
    Ok(preview)
}

/// Last year's classes with the pupils still at the school, by class id.
async fn last_year(
    db: &impl ConnectionTrait,
    school_id: i32,
    year: i32,
) -> Result<Vec<(i32, ClassPupils)>, AppError> {
    let classes = crate::identity::roster::current_classes(db, school_id, year).await?;
    let mut pupils: HashMap<i32, Vec<PupilKey>> = HashMap::new();
    for (class_id, person) in
        pupils_in(db, &classes.iter().map(|c| c.id).collect::<Vec<_>>()).await?
    {
        pupils.entry(class_id).or_default().push(PupilKey {
            uni_id: person.external_id,
            given: person.given_name,
            family: person.family_name,
        });
    }
    Ok(classes
        .into_iter()
        .map(|c| {
            let keys = pupils.remove(&c.id).unwrap_or_default();
            let class = ClassPupils {
                name: c.name,
                grade: c.grade,
                pupils: keys,
            };
            (c.id, class)
        })
        .collect())
}

/// The file's classes with their pupils, in the order the file names them.
fn file_classes(parsed: &Parsed) -> Vec<ClassPupils> {
    let mut order: Vec<&str> = Vec::new();
    let mut classes: BTreeMap<&str, ClassPupils> = BTreeMap::new();
    for line in &parsed.pupils {
        let class = classes.entry(&line.class).or_insert_with(|| {
            order.push(&line.class);
            ClassPupils {
                name: line.class.clone(),
                grade: i16::from(line.grade.value()),
                pupils: Vec::new(),
            }
        });
        class.pupils.push(PupilKey {
            uni_id: line.uni_id.clone(),
            given: line.given.clone(),
            family: line.family.clone(),
        });
    }
    order
        .into_iter()
        .filter_map(|name| classes.remove(name))
        .collect()
}

/// The pupils still in these classes of last year, by name: the new year has no class for them.
async fn still_in(
    db: &impl ConnectionTrait,
    classes: &[i32],
) -> Result<Vec<(i32, String)>, AppError> {
    let mut left: Vec<(i32, String)> = pupils_in(db, classes)
        .await?
        .into_iter()
        .map(|(_, p)| (p.id, p.full_name()))
        .collect();
    left.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(left)
}

/// The pupils at the school in these classes, each with their class.
async fn pupils_in(
    db: &impl ConnectionTrait,
    classes: &[i32],
) -> Result<Vec<(i32, person::Model)>, AppError> {
    let placements: HashMap<i32, i32> = pupil::Entity::find()
        .filter(pupil::Column::ClassId.is_in(classes.iter().copied()))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|pl| (pl.person_id, pl.class_id))
        .collect();
    Ok(person::Entity::find()
        .filter(person::Column::Id.is_in(placements.keys().copied()))
        .filter(person::Column::LeftAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .filter_map(|p| placements.get(&p.id).map(|class| (*class, p)))
        .collect())
}
