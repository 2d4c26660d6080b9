//! Reading settings: how a person likes text, stored with the person so they follow them to any
//! device (a shared iPad included).

use super::current_principal;
use crate::entity::reading_settings;
use crate::{RequestCtx, clock, db_err, policy};
use domain::AppError;
use domain::identity::ReadingSettings;
use sea_orm::sea_query::OnConflict;
use sea_orm::{EntityTrait, Set};

/// The signed-in person's settings; the design's defaults until they change one.
pub async fn my_settings(ctx: &RequestCtx) -> Result<ReadingSettings, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_set_own_reading_settings(&p))?;
    let row = reading_settings::Entity::find_by_id(p.person_id)
        .one(&ctx.db)
        .await
        .map_err(db_err)?;
    // A row written by an older Spire that no longer parses falls back to the defaults rather
    // than locking the person out of their screens.
    Ok(row
        .and_then(|r| serde_json::from_str(&r.settings).ok())
        .unwrap_or_default())
}

pub async fn save_settings(ctx: &RequestCtx, settings: ReadingSettings) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_set_own_reading_settings(&p))?;
    let json = serde_json::to_string(&settings).map_err(|_| AppError::internal())?;
    reading_settings::Entity::insert(reading_settings::ActiveModel {
        person_id: Set(p.person_id),
        settings: Set(json),
        updated_at: Set(clock::now()),
    })
    .on_conflict(
        OnConflict::column(reading_settings::Column::PersonId)
            .update_columns([
                reading_settings::Column::Settings,
                reading_settings::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(&ctx.db)
    .await
    .map_err(db_err)?;
    Ok(())
}
