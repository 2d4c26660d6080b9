//! Files attached to a forløb: uploaded by the hold's teachers, checked by kind and size, kept
//! in the database, and served to staff of the same school.

use super::access::{require_edit, unit_with_access};
use super::units::bump_unit;
use crate::entity::stored_file::FileKind;
use crate::entity::{stored_file, unit_material};
use crate::identity::current_principal;
use crate::{RequestCtx, clock, db_err, policy};
use domain::Field;
use domain::planning::{MAX_FILE_BYTES, Title, file_type_of};
use domain::{AppError, ErrorCode};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter,
    QuerySelect, Set,
};
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
    let name = Title::parse(name, Field::FileName)?;
    let content_type =
        file_type_of(name.as_str()).ok_or_else(|| AppError::invalid(Field::FileType))?;
    if bytes.is_empty() || bytes.len() > MAX_FILE_BYTES {
        return Err(AppError::invalid(Field::FileSize));
    }
    if !content_matches(content_type, bytes) {
        return Err(AppError::invalid(Field::FileType));
    }
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let next = bump_unit(&txn, u.id, version, None).await?;
    let file = new_file(
        access.team.school_id,
        p.person_id,
        FileKind::Material,
        name.as_str().to_owned(),
        content_type.to_owned(),
        bytes.to_vec(),
        clock::now(),
    )
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
        kind: Set(domain::planning::MaterialKind::File),
        position: Set(FILE_POSITIONS + i32::try_from(files_so_far).unwrap_or(0)),
        file_id: Set(Some(file.id)),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    txn.commit().await.map_err(db_err)?;
    Ok(next)
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
        .map_err(|_| AppError::invalid(Field::File))?;
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

/// A stored file's type and bytes, once its reader was allowed: pupils' work and recorded answers
/// are served by their own rules, then read the same way. None is NotFound.
pub(crate) async fn bytes_of(
    db: &impl sea_orm::ConnectionTrait,
    file_id: Option<i32>,
) -> Result<(String, Vec<u8>), AppError> {
    let not_found = || AppError::new(ErrorCode::NotFound);
    let file = stored_file::Entity::find_by_id(file_id.ok_or_else(not_found)?)
        .one(db)
        .await
        .map_err(crate::db_err)?
        .ok_or_else(not_found)?;
    Ok((file.content_type, file.bytes))
}

/// A file row as it is stored, with a fresh unguessable key. Every upload goes through here.
pub(crate) fn new_file(
    school_id: i32,
    uploaded_by: i32,
    kind: FileKind,
    name: String,
    content_type: String,
    bytes: Vec<u8>,
    now: i64,
) -> stored_file::ActiveModel {
    let mut key = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rng(), &mut key);
    stored_file::ActiveModel {
        school_id: Set(school_id),
        uploaded_by: Set(uploaded_by),
        name: Set(name),
        content_type: Set(content_type),
        size: Set(i64::try_from(bytes.len()).unwrap_or(i64::MAX)),
        sha256: Set(hex::encode(Sha256::digest(&bytes))),
        bytes: Set(bytes),
        created_at: Set(now),
        kind: Set(kind),
        public_key: Set(hex::encode(key)),
        ..Default::default()
    }
}

/// What is known of a file before its bytes are read: enough to decide who may have them.
#[derive(FromQueryResult)]
struct FileFacts {
    id: i32,
    school_id: i32,
    kind: FileKind,
    name: String,
    content_type: String,
}

/// A forløb's file for download, by its key. Pupils' work is never served here (only at
/// `/arbejde`, under the portfolio's rules); material goes to the school's planners and to pupils
/// of a hold whose current forløb holds it. Access is decided before a byte is read.
pub async fn read_file(ctx: &RequestCtx, key: &str) -> Result<(String, String, Vec<u8>), AppError> {
    let p = current_principal(ctx).await?;
    let not_found = || AppError::new(ErrorCode::NotFound);
    if key.len() != 32 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(not_found());
    }
    let file = stored_file::Entity::find()
        .select_only()
        .columns([
            stored_file::Column::Id,
            stored_file::Column::SchoolId,
            stored_file::Column::Kind,
            stored_file::Column::Name,
            stored_file::Column::ContentType,
        ])
        .filter(stored_file::Column::PublicKey.eq(key.to_ascii_lowercase()))
        .into_model::<FileFacts>()
        .one(&ctx.db)
        .await
        .map_err(db_err)?
        .filter(|f| f.school_id == p.school_id && f.kind == FileKind::Material)
        .ok_or_else(not_found)?;
    let pupil_in_hold = if p.role == domain::identity::Role::Pupil {
        let units: Vec<i32> = unit_material::Entity::find()
            .filter(unit_material::Column::FileId.eq(file.id))
            .all(&ctx.db)
            .await
            .map_err(db_err)?
            .into_iter()
            .map(|m| m.unit_id)
            .collect();
        let current = crate::facts::CurrentUnits::of_pupil(&ctx.db, &p).await?;
        units.iter().any(|u| current.units.contains_key(u))
    } else {
        false
    };
    policy::require(policy::can_read_material_file(
        &p,
        file.school_id,
        pupil_in_hold,
    ))?;
    let bytes: Vec<u8> = stored_file::Entity::find_by_id(file.id)
        .select_only()
        .column(stored_file::Column::Bytes)
        .into_tuple()
        .one(&ctx.db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    Ok((file.name, file.content_type, bytes))
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
