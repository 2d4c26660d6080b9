//! Class iPads: a teacher turns a shared iPad into the class's device; pupils then sign in by
//! tapping their own picture, with no reading, typing or remembering (WCAG 3.3.8), and sign out
//! with "Færdig" so the iPad is handed on.

use super::{SESSION_SECS, current_principal, new_token, sign_out, start_session, token_hash};
use crate::entity::{class_device, person, pupil, school_class};
use crate::facts::classes_taught;
use crate::facts::current_pupils_of_class;
use crate::pupil::avatar_of;
use crate::{RequestCtx, SessionChange, clock, db_err, policy};
use domain::Field;
use domain::identity::{ClassDevice, Me, PupilTile, Role};
use domain::{AppError, ErrorCode};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

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

/// The open class iPad this request comes from, if any.
async fn this_device(ctx: &RequestCtx) -> Result<Option<class_device::Model>, AppError> {
    let Some(token) = ctx.device_token.as_deref() else {
        return Ok(None);
    };
    Ok(class_device::Entity::find()
        .filter(class_device::Column::TokenHash.eq(token_hash(token)))
        .one(&ctx.db)
        .await
        .map_err(db_err)?
        .filter(|d| d.expires_at > clock::now()))
}

/// On a class iPad: the class and its pupils' picture tiles. Elsewhere: `None`. The device token
/// is the credential; without it nothing about the class is revealed.
pub async fn status(ctx: &RequestCtx) -> Result<Option<ClassDevice>, AppError> {
    let Some(device) = this_device(ctx).await? else {
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
    let device = this_device(ctx).await?.ok_or_else(AppError::forbidden)?;
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
    let now = clock::now();
    start_session(ctx, pupil_id, Role::Pupil, now).await
}

/// Closes this class iPad. Staff of the school sign in as adults on it to do so.
pub async fn close(ctx: &RequestCtx) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let Some(device) = this_device(ctx).await? else {
        ctx.record_device_change(SessionChange::Ended);
        return Ok(());
    };
    let class = school_class::Entity::find_by_id(device.class_id)
        .one(&ctx.db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::internal)?;
    policy::require(policy::can_close_class_device(&p, class.school_id))?;
    class_device::Entity::delete_by_id(device.id)
        .exec(&ctx.db)
        .await
        .map_err(db_err)?;
    ctx.record_device_change(SessionChange::Ended);
    Ok(())
}
