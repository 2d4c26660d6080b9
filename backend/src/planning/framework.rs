//! Goal frameworks: importing a version (Spire's CASE-like JSON, documented in
//! `docs/frameworks.md`), mapping older versions' items to newer ones, and searching goals.
//!
//! A framework is national data shared by every school, so importing one is an operator's job
//! (`spire import-framework FILE`), not a server function. Searching is for staff.

pub use super::framework_file::{
    Association, Crosswalk, FORMAT, FrameworkFile, Header, ImportError, ItemIn,
};
pub use super::transcription::parse_file;
use crate::db::read::{self, Reads};
use crate::entity::{framework, framework_crosswalk, framework_item};
use crate::{Principal, clock, db_err, policy};
use domain::AppError;
use domain::Field;
use domain::framework::{FrameworkImport, FrameworkItem, FrameworkVersion, GoalSearch, ItemKind};
use domain::school::Subject;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::{HashMap, HashSet};

const MAX_KEY: usize = 200;
const MAX_TEXT: usize = 8000;
const MAX_ITEMS: usize = 50_000;
/// Search answers stay short enough to read; narrowing is the user's next step.
pub const SEARCH_LIMIT: u64 = 50;

fn text_ok(text: &str, max: usize) -> bool {
    !text.trim().is_empty() && text.chars().count() <= max
}

/// Checks everything before anything is written: ids unique, every association between known
/// items and forming a tree, grades in order, texts present and bounded.
pub fn validate(file: &FrameworkFile) -> Result<HashMap<&str, &str>, ImportError> {
    let mut problems = Vec::new();
    if file.format != FORMAT {
        problems.push(format!(
            "format must be \"{FORMAT}\", not \"{}\"",
            file.format
        ));
    }
    for (name, value) in [
        ("framework.key", &file.framework.key),
        ("framework.title", &file.framework.title),
        ("framework.version", &file.framework.version),
    ] {
        if !text_ok(value, MAX_KEY) {
            problems.push(format!(
                "{name} is missing or longer than {MAX_KEY} characters"
            ));
        }
    }
    if file.items.is_empty() || file.items.len() > MAX_ITEMS {
        problems.push(format!("a framework has 1 to {MAX_ITEMS} items"));
    }
    let mut ids = HashSet::new();
    for (i, item) in file.items.iter().enumerate() {
        if !text_ok(&item.id, MAX_KEY) {
            problems.push(format!("items[{i}]: id is missing or too long"));
        } else if !ids.insert(item.id.as_str()) {
            problems.push(format!("items[{i}]: id \"{}\" is used twice", item.id));
        }
        if !text_ok(&item.text, MAX_TEXT) {
            problems.push(format!("item \"{}\": text is missing or too long", item.id));
        }
        if let Some([from, to]) = item.grades
            && (from > to || to > 10)
        {
            problems.push(format!(
                "item \"{}\": grades must be 0–10, first ≤ last",
                item.id
            ));
        }
    }
    let mut parent_of: HashMap<&str, &str> = HashMap::new();
    for a in &file.associations {
        if a.kind != "isChildOf" {
            problems.push(format!("association type \"{}\" is not supported", a.kind));
            continue;
        }
        for end in [&a.child, &a.parent] {
            if !ids.contains(end.as_str()) {
                problems.push(format!("association names unknown item \"{end}\""));
            }
        }
        if parent_of.insert(&a.child, &a.parent).is_some() {
            problems.push(format!("item \"{}\" has two parents", a.child));
        }
    }
    // Walking up from every item must end: no item is its own ancestor.
    for start in parent_of.keys() {
        let mut seen = HashSet::from([*start]);
        let mut at = *start;
        while let Some(parent) = parent_of.get(at) {
            if !seen.insert(parent) {
                problems.push(format!("item \"{start}\" is its own ancestor"));
                break;
            }
            at = parent;
        }
    }
    for c in &file.crosswalk {
        if !ids.contains(c.to.as_str()) {
            problems.push(format!("crosswalk names unknown item \"{}\"", c.to));
        }
    }
    if problems.is_empty() {
        Ok(parent_of)
    } else {
        Err(ImportError::Invalid(problems))
    }
}

/// Imports one version. The same key and version again changes nothing. A new version keeps the
/// older ones, and each older item whose id is unchanged, or named in the file's crosswalk, is
/// mapped to its successor.
pub async fn import<C: crate::db::Writes>(
    db: &C,
    file: &FrameworkFile,
) -> Result<FrameworkImport, ImportError> {
    let parent_of = validate(file)?;
    let dberr = |e| {
        db_err(e);
        ImportError::Database
    };
    let txn = crate::db::begin_write(db).await.map_err(dberr)?;
    let existing = framework::Entity::find()
        .filter(framework::Column::Key.eq(file.framework.key.trim()))
        .filter(framework::Column::Version.eq(file.framework.version.trim()))
        .one(&txn)
        .await
        .map_err(dberr)?;
    if let Some(existing) = existing {
        let items = framework_item::Entity::find()
            .filter(framework_item::Column::FrameworkId.eq(existing.id))
            .count(&txn)
            .await
            .map_err(dberr)?;
        return Ok(FrameworkImport {
            framework_id: i64::from(existing.id),
            created: false,
            items,
            crosswalked: 0,
        });
    }
    let earlier: Vec<i32> = framework::Entity::find()
        .select_only()
        .column(framework::Column::Id)
        .filter(framework::Column::Key.eq(file.framework.key.trim()))
        .into_tuple()
        .all(&txn)
        .await
        .map_err(dberr)?;
    let created = framework::ActiveModel {
        key: Set(file.framework.key.trim().to_owned()),
        title: Set(file.framework.title.trim().to_owned()),
        version: Set(file.framework.version.trim().to_owned()),
        imported_at: Set(clock::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(dberr)?;

    // Parents first, so every parent id is known when its children are written.
    let depth = |id: &str| {
        let mut d = 0;
        let mut at = id;
        while let Some(p) = parent_of.get(at) {
            d += 1;
            at = p;
        }
        d
    };
    let mut order: Vec<(usize, &ItemIn)> = file.items.iter().enumerate().collect();
    order.sort_by_key(|(i, item)| (depth(&item.id), *i));
    let mut id_of: HashMap<&str, i32> = HashMap::new();
    for (position, item) in order {
        let row = framework_item::ActiveModel {
            framework_id: Set(created.id),
            parent_id: Set(parent_of
                .get(item.id.as_str())
                .and_then(|p| id_of.get(p))
                .copied()),
            key: Set(item.id.clone()),
            kind: Set(item.kind),
            subject: Set(item.subject.map(|s| s.code().into_owned())),
            grade_from: Set(item.grades.map(|[from, _]| i16::from(from))),
            grade_to: Set(item.grades.map(|[_, to]| i16::from(to))),
            text: Set(item.text.trim().to_owned()),
            search_text: Set(item.text.trim().to_lowercase()),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(dberr)?;
        id_of.insert(&item.id, row.id);
    }

    let mut crosswalked = 0;
    if !earlier.is_empty() {
        let old_items: Vec<(i32, String)> = framework_item::Entity::find()
            .select_only()
            .column(framework_item::Column::Id)
            .column(framework_item::Column::Key)
            .filter(framework_item::Column::FrameworkId.is_in(earlier))
            .into_tuple()
            .all(&txn)
            .await
            .map_err(dberr)?;
        let renamed: HashMap<&str, &str> = file
            .crosswalk
            .iter()
            .map(|c| (c.from.as_str(), c.to.as_str()))
            .collect();
        for (old_id, old_key) in &old_items {
            let new_key = renamed.get(old_key.as_str()).copied().unwrap_or(old_key);
            if let Some(new_id) = id_of.get(new_key) {
                framework_crosswalk::ActiveModel {
                    from_item_id: Set(*old_id),
                    to_item_id: Set(*new_id),
                }
                .insert(&txn)
                .await
                .map_err(dberr)?;
                crosswalked += 1;
            }
        }
    }
    txn.commit().await.map_err(dberr)?;
    Ok(FrameworkImport {
        framework_id: i64::from(created.id),
        created: true,
        items: u64::try_from(id_of.len()).unwrap_or(u64::MAX),
        crosswalked,
    })
}

/// Every imported version, newest first within each framework.
pub async fn versions(
    db: &impl ConnectionTrait,
    p: &Principal,
) -> Result<Vec<FrameworkVersion>, AppError> {
    policy::require(policy::can_plan(p))?;
    let frameworks = framework::Entity::find()
        .order_by_asc(framework::Column::Key)
        .order_by_desc(framework::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let counts: HashMap<i32, i64> = framework_item::Entity::find()
        .select_only()
        .column(framework_item::Column::FrameworkId)
        .column_as(framework_item::Column::Id.count(), "n")
        .group_by(framework_item::Column::FrameworkId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .collect();
    Ok(frameworks
        .into_iter()
        .map(|f| FrameworkVersion {
            id: i64::from(f.id),
            item_count: counts
                .get(&f.id)
                .copied()
                .and_then(|n| u64::try_from(n).ok())
                .unwrap_or(0),
            key: f.key,
            title: f.title,
            version: f.version,
        })
        .collect())
}

/// The newest version of each framework: what a teacher chooses goals from.
pub(crate) async fn newest_versions(
    db: &impl Reads,
) -> Result<HashMap<i32, framework::Model>, AppError> {
    let mut newest: HashMap<String, framework::Model> = HashMap::new();
    for f in read::all(db, framework::Entity::find())
        .await
        .map_err(db_err)?
    {
        match newest.get(&f.key) {
            Some(seen) if seen.id > f.id => {}
            _ => {
                newest.insert(f.key.clone(), f);
            }
        }
    }
    Ok(newest.into_values().map(|f| (f.id, f)).collect())
}

fn to_item(
    row: &framework_item::Model,
    path: Vec<String>,
    framework: &framework::Model,
) -> Result<FrameworkItem, AppError> {
    let grades = match (row.grade_from, row.grade_to) {
        (Some(from), Some(to)) => Some((
            u8::try_from(from).map_err(|_| AppError::internal())?,
            u8::try_from(to).map_err(|_| AppError::internal())?,
        )),
        _ => None,
    };
    Ok(FrameworkItem {
        id: i64::from(row.id),
        key: row.key.clone(),
        kind: row.kind,
        subject: row.subject.as_deref().and_then(|s| Subject::parse(s).ok()),
        grades,
        text: row.text.clone(),
        path,
        framework: framework.title.clone(),
        version: framework.version.clone(),
    })
}

/// The names above each item, outermost first, in one query per level (frameworks are shallow).
async fn paths_of(
    db: &impl Reads,
    rows: &[framework_item::Model],
) -> Result<HashMap<i32, Vec<String>>, AppError> {
    let mut paths: HashMap<i32, Vec<String>> = rows.iter().map(|r| (r.id, Vec::new())).collect();
    // Each row's current ancestor, followed upwards a level at a time.
    let mut at: HashMap<i32, i32> = rows
        .iter()
        .filter_map(|r| r.parent_id.map(|p| (r.id, p)))
        .collect();
    for _ in 0..8 {
        if at.is_empty() {
            break;
        }
        let ids: Vec<i32> = at
            .values()
            .copied()
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let parents: HashMap<i32, framework_item::Model> = read::all(
            db,
            framework_item::Entity::find().filter(framework_item::Column::Id.is_in(ids)),
        )
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
        let mut next = HashMap::new();
        for (row, parent_id) in at {
            if let Some(parent) = parents.get(&parent_id) {
                if let Some(path) = paths.get_mut(&row) {
                    path.insert(0, parent.text.clone());
                }
                if let Some(up) = parent.parent_id {
                    next.insert(row, up);
                }
            }
        }
        at = next;
    }
    Ok(paths)
}

/// Goals a teacher can choose (kompetencemål, færdigheds- og vidensområder,
/// opmærksomhedspunkter) from the newest version of each framework, by subject, grade and words.
pub async fn search_goals(
    db: &impl Reads,
    p: &Principal,
    search: &GoalSearch,
) -> Result<Vec<FrameworkItem>, AppError> {
    policy::require(policy::can_plan(p))?;
    if search.words.chars().count() > 200 {
        return Err(AppError::invalid(Field::Words));
    }
    if search.grade.is_some_and(|g| g > 10) {
        return Err(AppError::invalid(Field::Grade));
    }
    let newest = newest_versions(db).await?;
    let mut query = framework_item::Entity::find()
        .filter(
            framework_item::Column::FrameworkId.is_in(newest.keys().copied().collect::<Vec<_>>()),
        )
        .filter(framework_item::Column::Kind.is_in([
            ItemKind::CompetenceGoal,
            ItemKind::SkillArea,
            ItemKind::AttentionPoint,
        ]));
    if let Some(subject) = search.subject {
        // A school's own subject plans with the goals of the law's subjects it spans.
        let codes: Vec<String> = crate::subjects::goal_subjects(db, p.school_id, subject)
            .await?
            .into_iter()
            .map(|s| s.code().into_owned())
            .collect();
        query = query.filter(framework_item::Column::Subject.is_in(codes));
    }
    if let Some(grade) = search.grade {
        query = query
            .filter(framework_item::Column::GradeFrom.lte(i16::from(grade)))
            .filter(framework_item::Column::GradeTo.gte(i16::from(grade)));
    }
    for word in search.words.to_lowercase().split_whitespace() {
        let escaped = word
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        query = query.filter(
            framework_item::Column::SearchText
                .like(sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\')),
        );
    }
    let rows = query
        .order_by_asc(framework_item::Column::FrameworkId)
        .order_by_asc(framework_item::Column::Position)
        .limit(SEARCH_LIMIT)
        .all(db)
        .await
        .map_err(db_err)?;
    let mut paths = paths_of(db, &rows).await?;
    rows.iter()
        .map(|row| {
            let framework = newest
                .get(&row.framework_id)
                .ok_or_else(AppError::internal)?;
            to_item(row, paths.remove(&row.id).unwrap_or_default(), framework)
        })
        .collect()
}

/// Items by id, each in whatever version it is (plans keep the version they chose), with their
/// paths: a fixed number of queries however many items.
pub async fn items(db: &impl Reads, ids: &[i32]) -> Result<HashMap<i32, FrameworkItem>, AppError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = read::all(
        db,
        framework_item::Entity::find().filter(framework_item::Column::Id.is_in(ids.to_vec())),
    )
    .await
    .map_err(db_err)?;
    let frameworks: HashMap<i32, framework::Model> = read::all(
        db,
        framework::Entity::find().filter(
            framework::Column::Id
                .is_in(rows.iter().map(|r| r.framework_id).collect::<HashSet<_>>()),
        ),
    )
    .await
    .map_err(db_err)?
    .into_iter()
    .map(|f| (f.id, f))
    .collect();
    let mut paths = paths_of(db, &rows).await?;
    rows.iter()
        .map(|row| {
            let framework = frameworks
                .get(&row.framework_id)
                .ok_or_else(AppError::internal)?;
            let item = to_item(row, paths.remove(&row.id).unwrap_or_default(), framework)?;
            Ok((row.id, item))
        })
        .collect()
}

/// One item by id.
pub async fn item(db: &impl Reads, item_id: i32) -> Result<Option<FrameworkItem>, AppError> {
    Ok(items(db, &[item_id]).await?.remove(&item_id))
}

/// The items of newer versions an item was mapped to.
pub async fn successors(db: &impl ConnectionTrait, item_id: i32) -> Result<Vec<i32>, AppError> {
    framework_crosswalk::Entity::find()
        .select_only()
        .column(framework_crosswalk::Column::ToItemId)
        .filter(framework_crosswalk::Column::FromItemId.eq(item_id))
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)
}
