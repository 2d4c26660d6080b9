//! The pupil's elevplan reflection said aloud, for pupils who do not yet write: the pupil records
//! it on their own plan; the plan's writers hear it and choose to include the recording, write
//! down what was said, or both, in the next published version. Recording again supersedes the
//! one before without deleting it: a published version may play it.

use super::{conflict, id32, not_found, plan_row};
use crate::entity::plan_voice;
use crate::entity::pupil_plan;
use crate::entity::stored_file::FileKind;
use crate::facts::pupil_facts;
use crate::identity::current_principal;
use crate::{RequestCtx, audit, clock, db_err, policy};
use domain::audit::AuditTopic;
use domain::pupil_plan::{
    MAX_REFLECTION_VOICE_BYTES, PublishedVoice, PupilVoice, VoiceChoice, VoiceFile,
    parse_transcript,
};
use domain::{AppError, Field};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;

pub(super) fn shown(row: &plan_voice::Model) -> PupilVoice {
    PupilVoice {
        id: i64::from(row.id),
        recorded_at: row.recorded_at,
        in_plan: row.in_plan,
        transcript: row.transcript.clone(),
    }
}

/// Each plan's current recording (the pupil's newest, not superseded): one statement.
pub(super) async fn current(
    db: &impl ConnectionTrait,
    plan_ids: Vec<i32>,
) -> Result<HashMap<i32, plan_voice::Model>, AppError> {
    Ok(plan_voice::Entity::find()
        .filter(plan_voice::Column::PlanId.is_in(plan_ids))
        .filter(plan_voice::Column::SupersededAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|v| (v.plan_id, v))
        .collect())
}

/// The pupil records their reflection on one of their own plans, replacing an earlier recording
/// in the draft (a published version keeps playing the one it has).
pub async fn record_reflection(
    ctx: &RequestCtx,
    plan_id: i64,
    content_type: &str,
    data_base64: &str,
) -> Result<PupilVoice, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let plan = plan_row(db, plan_id).await?;
    let facts = pupil_facts(db, &p, plan.pupil_id).await?;
    policy::require(policy::can_reflect_on_pupil_plan(&p, facts.relation))?;
    if !domain::media::is_voice(content_type) {
        return Err(AppError::invalid(Field::ReflectionRecording));
    }
    let bytes = crate::media::decode_checked(
        data_base64,
        content_type,
        MAX_REFLECTION_VOICE_BYTES,
        crate::media::FileFields::all(Field::ReflectionRecording),
    )?;
    let now = clock::now();
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    supersede(&txn, plan.id, now).await?;
    let file = crate::planning::files::new_file(
        p.school_id,
        p.person_id,
        FileKind::Reflection,
        format!("refleksion-{}", plan.id),
        content_type.to_owned(),
        bytes,
        now,
    )
    .insert(&txn)
    .await
    .map_err(db_err)?;
    let row = plan_voice::ActiveModel {
        plan_id: Set(plan.id),
        pupil_id: Set(plan.pupil_id),
        file_id: Set(file.id),
        recorded_at: Set(now),
        in_plan: Set(false),
        transcript: Set(String::new()),
        published: Set(false),
        superseded_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    super::plan_changed(&txn, ctx, &p, &plan).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(shown(&row))
}

async fn supersede(db: &impl ConnectionTrait, plan_id: i32, now: i64) -> Result<(), AppError> {
    plan_voice::Entity::update_many()
        .set(plan_voice::ActiveModel {
            superseded_at: Set(Some(now)),
            ..Default::default()
        })
        .filter(plan_voice::Column::PlanId.eq(plan_id))
        .filter(plan_voice::Column::SupersededAt.is_null())
        .exec(db)
        .await
        .map_err(db_err)?;
    Ok(())
}

/// The teacher's choice about the recording they heard, saved with the draft. A recording made
/// since (the pupil said it again) is a conflict: the teacher has not heard that one.
pub(super) async fn choose(
    db: &impl ConnectionTrait,
    plan: &pupil_plan::Model,
    choice: &VoiceChoice,
) -> Result<(), AppError> {
    let transcript = parse_transcript(&choice.transcript)?;
    let row = current(db, vec![plan.id])
        .await?
        .remove(&plan.id)
        .filter(|v| i64::from(v.id) == choice.voice_id)
        .ok_or_else(conflict)?;
    let mut row: plan_voice::ActiveModel = row.into();
    row.in_plan = Set(choice.in_plan);
    row.transcript = Set(transcript);
    row.update(db).await.map_err(db_err)?;
    Ok(())
}

/// What of the current recording a version published now carries.
pub(super) async fn for_publication(
    db: &impl ConnectionTrait,
    plan_id: i32,
) -> Result<Option<PublishedVoice>, AppError> {
    Ok(current(db, vec![plan_id])
        .await?
        .remove(&plan_id)
        .filter(|v| v.in_plan || !v.transcript.is_empty())
        .map(|v| PublishedVoice {
            recording: v.in_plan.then_some(i64::from(v.id)),
            transcript: v.transcript,
            file: None,
        }))
}

/// A published version plays the recording: from now on the family may hear it.
pub(super) async fn mark_published(
    db: &impl ConnectionTrait,
    voice: &PublishedVoice,
) -> Result<(), AppError> {
    let Some(voice_id) = voice.recording else {
        return Ok(());
    };
    plan_voice::Entity::update_many()
        .set(plan_voice::ActiveModel {
            published: Set(true),
            ..Default::default()
        })
        .filter(plan_voice::Column::Id.eq(id32(voice_id)?))
        .exec(db)
        .await
        .map_err(db_err)?;
    Ok(())
}

/// `GET /refleksion/{id}`: the recording, for the pupil, the plan's readers among the staff, and,
/// once a published version plays it, the family.
pub async fn reflection_file(
    ctx: &RequestCtx,
    voice_id: i64,
) -> Result<(String, Vec<u8>), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let row = plan_voice::Entity::find_by_id(id32(voice_id)?)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let facts = pupil_facts(db, &p, row.pupil_id).await?;
    policy::require(policy::can_hear_pupil_reflection(
        &p,
        facts.relation,
        row.published,
    ))?;
    audit::read(
        ctx,
        &p,
        AuditTopic::Plan,
        [row.pupil_id],
        Some(row.plan_id.into()),
    )
    .await?;
    crate::planning::files::bytes_of(db, Some(row.file_id)).await
}

/// The plan's current recording for its writers' draft, once they were allowed to read it.
pub(super) async fn of_draft(
    db: &impl ConnectionTrait,
    plan_id: i32,
) -> Result<Option<PupilVoice>, AppError> {
    Ok(current(db, vec![plan_id]).await?.get(&plan_id).map(shown))
}

/// For a package: the recording a version plays, whole, in place of this school's id.
pub(super) async fn export_file(
    db: &impl ConnectionTrait,
    voice: &mut PublishedVoice,
) -> Result<(), AppError> {
    let Some(id) = voice.recording.take() else {
        return Ok(());
    };
    let row = plan_voice::Entity::find_by_id(id32(id)?)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::internal)?;
    let (content_type, bytes) = crate::planning::files::bytes_of(db, Some(row.file_id)).await?;
    use base64::Engine;
    voice.file = Some(VoiceFile {
        content_type,
        data_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
    });
    Ok(())
}

/// From a package: the recording a version brought, kept here as a published recording of the
/// plan (never the draft's current one), and the version pointed at it.
pub(super) async fn import_file(
    db: &impl ConnectionTrait,
    plan: (i32, i32, i32),
    uploaded_by: i32,
    voice: &mut PublishedVoice,
) -> Result<(), AppError> {
    let (school_id, plan_id, pupil_id) = plan;
    let Some(file) = voice.file.take() else {
        voice.recording = None;
        return Ok(());
    };
    let bytes = crate::media::decode_checked(
        &file.data_base64,
        &file.content_type,
        MAX_REFLECTION_VOICE_BYTES,
        crate::media::FileFields::all(Field::PackagePlans),
    )?;
    let now = clock::now();
    let stored = crate::planning::files::new_file(
        school_id,
        uploaded_by,
        FileKind::Reflection,
        format!("refleksion-{plan_id}"),
        file.content_type,
        bytes,
        now,
    )
    .insert(db)
    .await
    .map_err(db_err)?;
    let row = plan_voice::ActiveModel {
        plan_id: Set(plan_id),
        pupil_id: Set(pupil_id),
        file_id: Set(stored.id),
        recorded_at: Set(now),
        in_plan: Set(true),
        transcript: Set(voice.transcript.clone()),
        published: Set(true),
        superseded_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    voice.recording = Some(i64::from(row.id));
    Ok(())
}
