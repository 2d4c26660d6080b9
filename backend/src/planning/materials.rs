//! A forløb's materials: links to læremidler and documents, and attached files by their key.

use crate::db_err;
use crate::entity::stored_file;
use crate::entity::unit_material;
use domain::AppError;
use domain::planning::{Link, Material, MaterialKind, Title};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};
use std::collections::HashMap;

/// Where the server serves an uploaded file, followed by `/{id}`.
pub use domain::paths::FILES as FILES_PATH;

pub(crate) async fn write_materials(
    db: &impl ConnectionTrait,
    unit_id: i32,
    materials: &[(Title, Link)],
) -> Result<(), AppError> {
    // Links are rewritten from the form; uploaded files stay until removed on their own.
    unit_material::Entity::delete_many()
        .filter(unit_material::Column::UnitId.eq(unit_id))
        .filter(unit_material::Column::FileId.is_null())
        .exec(db)
        .await
        .map_err(db_err)?;
    for (position, (title, link)) in materials.iter().enumerate() {
        unit_material::ActiveModel {
            unit_id: Set(unit_id),
            title: Set(title.as_str().to_owned()),
            url: Set(link.as_str().to_owned()),
            kind: Set(MaterialKind::of_url(link.as_str())),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(db_err)?;
    }
    Ok(())
}

/// A forløb's goals in the order the teacher gave them, without the archived ones.
/// Materials as screens show them, each with its forløb's id: a link's own address, a file's by
/// its key.
pub(crate) async fn materials_of(
    db: &impl crate::db::read::Reads,
    rows: Vec<unit_material::Model>,
) -> Result<Vec<(i32, Material)>, AppError> {
    let urls = material_urls(db, rows.iter().filter_map(|m| m.file_id).collect()).await?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let material = Material {
                id: i64::from(m.id),
                kind: m.kind,
                url: match m.file_id {
                    Some(file_id) => urls.get(&file_id).cloned().unwrap_or_default(),
                    None => m.url.clone(),
                },
                title: m.title,
            };
            (m.unit_id, material)
        })
        .collect())
}

/// The addresses of material files, by file id, read without their bytes.
pub(crate) async fn material_urls(
    db: &impl crate::db::read::Reads,
    file_ids: Vec<i32>,
) -> Result<HashMap<i32, String>, AppError> {
    if file_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, String)> = crate::db::read::tuples(
        db,
        stored_file::Entity::find()
            .select_only()
            .columns([stored_file::Column::Id, stored_file::Column::PublicKey])
            .filter(stored_file::Column::Id.is_in(file_ids)),
    )
    .await
    .map_err(db_err)?;
    Ok(rows
        .into_iter()
        .map(|(id, key)| (id, format!("{FILES_PATH}/{key}")))
        .collect())
}
