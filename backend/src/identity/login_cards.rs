//! Personal login cards: a code per pupil, printed as text and QR code, that signs the pupil in
//! without a password. Printing new cards for a class replaces its codes, so a lost card is
//! dealt with by printing again.

use super::class_device::authorize_class_sign_in;
use super::{class_device_of, rate_limit, start_session_on_device};
use crate::entity::{person, pupil, pupil_code, school, school_year};
use crate::facts::current_pupils_of_class;
use crate::pupil::avatar_of;
use crate::{RequestCtx, clock, db_err, policy};
use base64::Engine;
use domain::identity::{LoginCard, Me, PupilCode};
use domain::{AppError, ErrorCode, Field};
use rand::Rng;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

/// A code as stored: keyed with the server's secret, which is not in the database, so the
/// codes' ~40 bits cannot be tried offline against a copy of it.
fn code_hash(key: &[u8; 32], code: &PupilCode) -> String {
    use hmac::{Hmac, Mac};
    let Ok(mut mac) = Hmac::<sha2::Sha256>::new_from_slice(key) else {
        // Every key length is accepted by HMAC.
        return String::new();
    };
    mac.update(code.as_str().as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// When cards printed now for a class stop working: the school's midnight after the last day of
/// the class's school year.
async fn end_of_school_year(
    db: &impl sea_orm::ConnectionTrait,
    class: &crate::entity::school_class::Model,
) -> Result<i64, AppError> {
    let zone = school::Entity::find_by_id(class.school_id)
        .one(db)
        .await
        .map_err(db_err)?
        .map(|s| s.time_zone)
        .unwrap_or_else(|| domain::calendar::DEFAULT_TIME_ZONE.to_owned());
    let last_day = school_year::Entity::find()
        .filter(school_year::Column::SchoolId.eq(class.school_id))
        .filter(school_year::Column::StartYear.eq(class.school_year))
        .one(db)
        .await
        .map_err(db_err)?
        .and_then(|y| domain::calendar::Date::parse(&y.last_day, domain::Field::Date).ok())
        .or_else(|| domain::calendar::Date::new(class.school_year + 1, 7, 31))
        .ok_or_else(AppError::internal)?;
    let after = last_day.add_days(1).ok_or_else(AppError::internal)?;
    Ok(clock::start_of_day(after, &zone))
}

fn new_code() -> Result<PupilCode, AppError> {
    let mut rng = rand::rng();
    let raw: String = (0..PupilCode::LEN)
        .map(|_| char::from(PupilCode::ALPHABET[rng.random_range(0..PupilCode::ALPHABET.len())]))
        .collect();
    PupilCode::parse(&raw)
}

/// The code as a QR symbol, as a `data:` URL an `<img>` can show.
fn qr_data_url(code: &PupilCode) -> Result<String, AppError> {
    let qr = qrcode::QrCode::new(code.as_str().as_bytes()).map_err(|_| AppError::internal())?;
    let svg = qr
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(160, 160)
        .quiet_zone(true)
        .build();
    Ok(format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(svg)
    ))
}

/// New login cards for every pupil of a class, replacing their old codes.
pub async fn make_login_cards(ctx: &RequestCtx, class_id: i64) -> Result<Vec<LoginCard>, AppError> {
    let (_, class) = authorize_class_sign_in(ctx, class_id).await?;
    let class_id = class.id;
    let db = &ctx.db;

    let pupils = person::Entity::find()
        .filter(person::Column::Id.in_subquery(current_pupils_of_class(class_id)))
        .order_by_asc(person::Column::GivenName)
        .order_by_asc(person::Column::FamilyName)
        .all(db)
        .await
        .map_err(db_err)?;
    let now = clock::now();
    let expires_at = end_of_school_year(db, &class).await?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    pupil_code::Entity::delete_many()
        .filter(pupil_code::Column::PersonId.is_in(pupils.iter().map(|p| p.id).collect::<Vec<_>>()))
        .exec(&txn)
        .await
        .map_err(db_err)?;
    let mut cards = Vec::with_capacity(pupils.len());
    for pupil in &pupils {
        let code = new_code()?;
        pupil_code::ActiveModel {
            person_id: Set(pupil.id),
            code_hash: Set(code_hash(&ctx.code_key, &code)),
            created_at: Set(now),
            expires_at: Set(expires_at),
        }
        .insert(&txn)
        .await
        .map_err(db_err)?;
        cards.push(LoginCard {
            pupil_id: i64::from(pupil.id),
            name: pupil.full_name(),
            avatar: avatar_of(pupil),
            code: code.display(),
            qr_svg: qr_data_url(&code)?,
        });
    }
    txn.commit().await.map_err(db_err)?;
    Ok(cards)
}

/// Signs a pupil in with the code from their card (scanned or typed by an adult).
pub async fn sign_in_with_code(ctx: &RequestCtx, code: &str) -> Result<Me, AppError> {
    let code = PupilCode::parse(code)?;
    // A card is for the class iPad of the pupil's class: elsewhere no code is even looked up, so a
    // card found or copied outside the classroom opens nothing and tells nothing.
    let device = class_device_of(ctx)
        .await?
        .ok_or_else(|| AppError::invalid(Field::CodeDevice))?;
    let db = &ctx.db;
    let now = ctx.now();
    let keys = rate_limit::Keys::for_codes(ctx.client_addr.as_deref());
    let attempt = rate_limit::attempt(db, &keys, now).await?;
    let found = pupil_code::Entity::find()
        .filter(pupil_code::Column::CodeHash.eq(code_hash(&ctx.code_key, &code)))
        .filter(pupil_code::Column::ExpiresAt.gt(now))
        .one(db)
        .await
        .map_err(db_err)?;
    let Some(found) = found else {
        return Err(AppError::new(ErrorCode::WrongCredentials));
    };
    // Another class's card on this iPad is answered as a wrong code.
    let class_of_pupil = pupil::Entity::find_by_id(found.person_id)
        .one(db)
        .await
        .map_err(db_err)?
        .map(|p| p.class_id);
    if !policy::can_sign_in_on_class_device(device.class_id, class_of_pupil) {
        return Err(AppError::new(ErrorCode::WrongCredentials));
    }
    attempt.succeeded(db).await?;
    start_session_on_device(ctx, found.person_id, device.id, now).await
}
