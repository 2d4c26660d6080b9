//! Files attached to a forløb: uploaded by the hold's teachers, checked by kind and size, kept
//! in the database, and served to staff of the same school.

use super::plans::{FILES_PATH, bump_unit, require_edit, unit_with_access};
use crate::entity::{stored_file, unit_material};
use crate::identity::current_principal;
use crate::{RequestCtx, clock, db_err, policy};
use domain::planning::{MAX_FILE_BYTES, Title, file_type_of};
use domain::{AppError, ErrorCode};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};

/// Files sit after the links in a forløb's list of materials.
const FILE_POSITIONS: i32 = 1000;

/// The first bytes a kind of file starts with, where the kind has such a signature: a file named
/// `.pdf` that is not a PDF is refused rather than served as one.
fn content_matches(content_type: &str, bytes: &[u8]) -> bool {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    match content_type {
        "application/pdf" => starts(b"%PDF-"),
        "image/png" => starts(b"\x89PNG\r\n\x1a\n"),
        "image/jpeg" => starts(b"\xff\xd8\xff"),
        "image/gif" => starts(b"GIF87a") || starts(b"GIF89a"),
        "image/webp" => starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP"),
        t if t.starts_with("application/vnd.openxmlformats")
            || t.starts_with("application/vnd.oasis") =>
        {
            starts(b"PK\x03\x04")
        }
        "audio/mpeg" => starts(b"ID3") || starts(b"\xff\xfb") || starts(b"\xff\xf3"),
        t if t.starts_with("text/plain") => std::str::from_utf8(bytes).is_ok(),
        _ => false,
    }
}

/// Attaches a file to a forløb edited from `version`. Returns the new version.
pub async fn upload_material(
    ctx: &RequestCtx,
    unit_id: i64,
    version: i64,
    name: &str,
    bytes: &[u8],
) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (u, _, access) = unit_with_access(db, &p, unit_id).await?;
    require_edit(&p, &access)?;
    let name = Title::parse(name, "file_name")?;
    let content_type = file_type_of(name.as_str()).ok_or_else(|| AppError::invalid("file_type"))?;
    if bytes.is_empty() || bytes.len() > MAX_FILE_BYTES {
        return Err(AppError::invalid("file_size"));
    }
    if !content_matches(content_type, bytes) {
        return Err(AppError::invalid("file_type"));
    }
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    bump_unit(&txn, u.id, version, None).await?;
    let file = stored_file::ActiveModel {
        school_id: Set(access.team.school_id),
        uploaded_by: Set(p.person_id),
        name: Set(name.as_str().to_owned()),
        content_type: Set(content_type.to_owned()),
        size: Set(i64::try_from(bytes.len()).unwrap_or(i64::MAX)),
        sha256: Set(hex::encode(Sha256::digest(bytes))),
        bytes: Set(bytes.to_vec()),
        created_at: Set(clock::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    let files_so_far = unit_material::Entity::find()
        .filter(unit_material::Column::UnitId.eq(u.id))
        .filter(unit_material::Column::FileId.is_not_null())
        .count(&txn)
        .await
        .map_err(db_err)?;
    unit_material::ActiveModel {
        unit_id: Set(u.id),
        title: Set(name.as_str().to_owned()),
        url: Set(String::new()),
        kind: Set("file".into()),
        position: Set(FILE_POSITIONS + i32::try_from(files_so_far).unwrap_or(0)),
        file_id: Set(Some(file.id)),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    txn.commit().await.map_err(db_err)?;
    Ok(version + 1)
}

/// The same, for a file that travelled as base64 (server functions carry JSON).
pub async fn upload_material_base64(
    ctx: &RequestCtx,
    unit_id: i64,
    version: i64,
    name: &str,
    data_base64: &str,
) -> Result<i64, AppError> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data_base64.as_bytes())
        .map_err(|_| AppError::invalid("file"))?;
    upload_material(ctx, unit_id, version, name, &bytes).await
}

/// Takes a file off a forløb. The file itself is kept: copies of the forløb may still use it.
pub async fn remove_material(ctx: &RequestCtx, material_id: i64) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let id = i32::try_from(material_id).map_err(|_| AppError::new(ErrorCode::NotFound))?;
    let material = unit_material::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    let (_, _, access) = unit_with_access(db, &p, i64::from(material.unit_id)).await?;
    require_edit(&p, &access)?;
    unit_material::Entity::delete_by_id(material.id)
        .exec(db)
        .await
        .map_err(db_err)?;
    Ok(())
}

/// A stored file for download: staff who plan at the file's school.
pub async fn read_file(
    ctx: &RequestCtx,
    file_id: i64,
) -> Result<(String, String, Vec<u8>), AppError> {
    let p = current_principal(ctx).await?;
    let id = i32::try_from(file_id).map_err(|_| AppError::new(ErrorCode::NotFound))?;
    let file = stored_file::Entity::find_by_id(id)
        .one(&ctx.db)
        .await
        .map_err(db_err)?
        .filter(|f| f.school_id == p.school_id)
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    let pupil_in_hold = if p.role == domain::identity::Role::Pupil {
        let units: Vec<i32> = unit_material::Entity::find()
            .filter(unit_material::Column::FileId.eq(file.id))
            .all(&ctx.db)
            .await
            .map_err(db_err)?
            .into_iter()
            .map(|m| m.unit_id)
            .collect();
        let current = crate::pupil::today::CurrentUnits::of_pupil(&ctx.db, &p).await?;
        units.iter().any(|u| current.units.contains_key(u))
    } else {
        false
    };
    policy::require(policy::can_read_material_file(
        &p,
        file.school_id,
        pupil_in_hold,
    ))?;
    Ok((file.name, file.content_type, file.bytes))
}

/// The address a file is served at.
pub fn file_url(file_id: i64) -> String {
    format!("{FILES_PATH}/{file_id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_must_be_what_its_name_says() {
        assert!(content_matches("application/pdf", b"%PDF-1.7 ..."));
        assert!(!content_matches("application/pdf", b"<html><script>"));
        assert!(content_matches("image/png", b"\x89PNG\r\n\x1a\n...."));
        assert!(content_matches(
            "text/plain; charset=utf-8",
            "Læs højt".as_bytes()
        ));
        assert!(!content_matches(
            "text/plain; charset=utf-8",
            b"\xff\xfe\x00"
        ));
        assert!(!content_matches("application/x-unknown", b"anything"));
    }
}
