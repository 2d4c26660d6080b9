//! An årsplan's goal coverage at a glance: for each kompetenceområde of the hold's subject (in
//! the newest version of its framework), the forløb with goals under it. Goals chosen from an
//! older version count by their area's key, which versions keep.

use crate::db::read::{self, Reads};
use crate::entity::framework_item;
use crate::planning::framework::newest_versions;
use crate::{db_err, subjects};
use domain::AppError;
use domain::framework::ItemKind;
use domain::planning::AreaCoverage;
use domain::school::Subject;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::{BTreeSet, HashMap};

/// `goals` are (forløb id, framework item id) of the plan's goals that came from a framework.
/// Two statements (the frameworks, and the subject's items), or none for a subject without a
/// framework's goals (a school's own subject spanning none of the law's).
pub(crate) async fn coverage(
    db: &impl Reads,
    school_id: i32,
    subject: Subject,
    goals: &[(i32, i32)],
) -> Result<Vec<AreaCoverage>, AppError> {
    let codes: Vec<String> = subjects::goal_subjects(db, school_id, subject)
        .await?
        .into_iter()
        .map(|s| s.code().into_owned())
        .collect();
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    let newest = newest_versions(db).await?;
    let items = read::all(
        db,
        framework_item::Entity::find()
            .filter(framework_item::Column::Subject.is_in(codes))
            .order_by_asc(framework_item::Column::Position)
            .order_by_asc(framework_item::Column::Id),
    )
    .await
    .map_err(db_err)?;
    let by_id: HashMap<i32, &framework_item::Model> = items.iter().map(|i| (i.id, i)).collect();
    // The area a goal's item lies in: up through its parents (a kompetencemål's area, or a
    // færdigheds- og vidensområde's kompetencemål's).
    let area_key_of = |mut id: i32| -> Option<&str> {
        for _ in 0..8 {
            let item = by_id.get(&id)?;
            if item.kind == ItemKind::Area {
                return Some(item.key.as_str());
            }
            id = item.parent_id?;
        }
        None
    };
    let mut units_by_area: HashMap<&str, BTreeSet<i32>> = HashMap::new();
    for (unit_id, item_id) in goals {
        if let Some(key) = area_key_of(*item_id) {
            units_by_area.entry(key).or_default().insert(*unit_id);
        }
    }
    Ok(items
        .iter()
        .filter(|i| i.kind == ItemKind::Area && newest.contains_key(&i.framework_id))
        .map(|area| AreaCoverage {
            name: area.text.clone(),
            units: units_by_area
                .get(area.key.as_str())
                .map(|ids| ids.iter().map(|id| i64::from(*id)).collect())
                .unwrap_or_default(),
        })
        .collect())
}
