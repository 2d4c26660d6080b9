//! Class iPads: a teacher turns a shared iPad into the class's device; pupils then sign in by
//! tapping their own picture, with no reading, typing or remembering (WCAG 3.3.8), and sign out
//! with "Færdig" so the iPad is handed on.

use super::{
    SESSION_SECS, class_device_of, current_principal, new_token, sign_out, start_session_on_device,
    token_hash,
};
use crate::entity::{class_device, person, pupil, school_class, session};
use crate::facts::classes_taught;
use crate::facts::current_pupils_of_class;
use crate::pupil::avatar_of;
use crate::{RequestCtx, SessionChange, clock, db_err, policy};
use domain::Field;
use domain::identity::{ClassDevice, Me, OpenClassDevice, PupilTile};
use domain::{AppError, ErrorCode};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::Principal;

/// A class iPad stays open for a school day.
pub const DEVICE_SECS: i64 = SESSION_SECS;

/// The signed-in person and the class, if they may set up how that class signs in (class iPads,
/// login cards); otherwise the refusal.
pub(crate) async fn authorize_class_sign_in(
    ctx: &RequestCtx,
    class_id: i64,
) -> Result<(Principal, school_class::Model), AppError> {
    let p = current_principal(ctx).await?;
    let class_id = i32::try_from(class_id).map_err(|_| AppError::invalid(Field::Class))?;
    let db = &ctx.db;
    let class = school_class::Entity::find_by_id(class_id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    let teaches = classes_taught(db, &p)
        .await?
        .iter()
        .any(|c| c.id == i64::from(class_id));
    policy::require(policy::can_manage_class_sign_in(
        &p,
        class.school_id,
        teaches,
    ))?;
    Ok((p, class))
}

/// Turns this device into a class iPad for `class_id`. The adult who opened it is signed out:
/// from now on the iPad belongs to the class.
pub async fn open(ctx: &RequestCtx, class_id: i64) -> Result<(), AppError> {
    let (p, class) = authorize_class_sign_in(ctx, class_id).await?;
    let class_id = class.id;
    let db = &ctx.db;
    let now = clock::now();
    let token = new_token();
    class_device::ActiveModel {
        token_hash: Set(token_hash(&token)),
        class_id: Set(class_id),
        opened_by: Set(p.person_id),
        created_at: Set(now),
        expires_at: Set(now + DEVICE_SECS),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    ctx.record_device_change(SessionChange::Started {
        token,
        max_age_secs: DEVICE_SECS,
    });
    sign_out(ctx).await
}

/// On a class iPad: the class and its pupils' picture tiles. Elsewhere: `None`. The device token
/// is the credential; without it nothing about the class is revealed.
pub async fn status(ctx: &RequestCtx) -> Result<Option<ClassDevice>, AppError> {
    let Some(device) = class_device_of(ctx).await? else {
        return Ok(None);
    };
    let db = &ctx.db;
    let class = school_class::Entity::find_by_id(device.class_id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::internal)?;
    let pupils = person::Entity::find()
        .filter(person::Column::Id.in_subquery(current_pupils_of_class(device.class_id)))
        .order_by_asc(person::Column::GivenName)
        .order_by_asc(person::Column::FamilyName)
        .all(db)
        .await
        .map_err(db_err)?;
    Ok(Some(ClassDevice {
        class_name: class.name,
        pupils: pupils
            .iter()
            .map(|p| PupilTile {
                id: i64::from(p.id),
                first_name: p.given_name.clone(),
                avatar: avatar_of(p),
            })
            .collect(),
    }))
}

/// A pupil taps their picture on the class iPad: signed in, as themselves, with no password.
pub async fn sign_in_pupil(ctx: &RequestCtx, pupil_id: i64) -> Result<Me, AppError> {
    let device = class_device_of(ctx)
        .await?
        .ok_or_else(AppError::forbidden)?;
    let pupil_id = i32::try_from(pupil_id).map_err(|_| AppError::invalid(Field::Pupil))?;
    let placement = pupil::Entity::find_by_id(pupil_id)
        .one(&ctx.db)
        .await
        .map_err(db_err)?;
    // A pupil of another class (or no pupil at all) gets the same refusal: the tap reveals nothing.
    let pupil_class = placement.map(|p| p.class_id);
    policy::require(policy::can_sign_in_on_class_device(
        device.class_id,
        pupil_class,
    ))?;
    start_session_on_device(ctx, pupil_id, device.id, ctx.now()).await
}

/// Closes this class iPad. Staff of the school sign in as adults on it to do so.
pub async fn close(ctx: &RequestCtx) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let Some(device) = class_device_of(ctx).await? else {
        ctx.record_device_change(SessionChange::Ended);
        return Ok(());
    };
    let class = school_class::Entity::find_by_id(device.class_id)
        .one(&ctx.db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::internal)?;
    policy::require(policy::can_close_class_device(&p, class.school_id))?;
    end_device(&ctx.db, device.id).await?;
    ctx.record_device_change(SessionChange::Ended);
    Ok(())
}

/// Closes a class iPad and ends the pupils' sessions on it, in one transaction.
async fn end_device(db: &sea_orm::DatabaseConnection, device_id: i32) -> Result<(), AppError> {
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    session::Entity::delete_many()
        .filter(session::Column::DeviceId.eq(device_id))
        .exec(&txn)
        .await
        .map_err(db_err)?;
    class_device::Entity::delete_by_id(device_id)
        .exec(&txn)
        .await
        .map_err(db_err)?;
    txn.commit().await.map_err(db_err)
}

/// The school's open class iPads, for its leader and administration: which class, who opened it
/// and when, and how many pupils are signed in on it now.
pub async fn open_devices(ctx: &RequestCtx) -> Result<Vec<OpenClassDevice>, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_revoke_class_device(&p, p.school_id))?;
    let db = &ctx.db;
    let now = ctx.now();
    let classes = school_class::Entity::find()
        .filter(school_class::Column::SchoolId.eq(p.school_id))
        .all(db)
        .await
        .map_err(db_err)?;
    let devices = class_device::Entity::find()
        .filter(class_device::Column::ClassId.is_in(classes.iter().map(|c| c.id)))
        .filter(class_device::Column::ExpiresAt.gt(now))
        .order_by_asc(class_device::Column::CreatedAt)
        .all(db)
        .await
        .map_err(db_err)?;
    let openers: std::collections::HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(devices.iter().map(|d| d.opened_by)))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|o| (o.id, format!("{} {}", o.given_name, o.family_name)))
        .collect();
    let signed_in: Vec<Option<i32>> = session::Entity::find()
        .select_only()
        .column(session::Column::DeviceId)
        .filter(session::Column::DeviceId.is_in(devices.iter().map(|d| d.id)))
        .filter(session::Column::ExpiresAt.gt(now))
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;
    Ok(devices
        .iter()
        .map(|d| OpenClassDevice {
            id: i64::from(d.id),
            class_name: classes
                .iter()
                .find(|c| c.id == d.class_id)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            opened_by: openers.get(&d.opened_by).cloned().unwrap_or_default(),
            opened_at: clock::local_minute(d.created_at, &p.time_zone),
            pupils_signed_in: u32::try_from(signed_in.iter().filter(|s| **s == Some(d.id)).count())
                .unwrap_or(u32::MAX),
        })
        .collect())
}

/// Closes one of the school's class iPads from any device (a lost or stolen iPad): the iPad
/// shows the class picker no more, and the pupils signed in on it are signed out.
pub async fn revoke(ctx: &RequestCtx, device_id: i64) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_revoke_class_device(&p, p.school_id))?;
    let id = i32::try_from(device_id).map_err(|_| AppError::new(ErrorCode::NotFound))?;
    let db = &ctx.db;
    let device = class_device::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    // Another school's iPad is not there for this leader.
    let ours = school_class::Entity::find_by_id(device.class_id)
        .one(db)
        .await
        .map_err(db_err)?
        .is_some_and(|c| c.school_id == p.school_id);
    if !ours {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    end_device(db, device.id).await
}
