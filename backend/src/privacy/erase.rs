//! Anonymising the people a leader confirmed, in one transaction: all of them, or (when the list
//! no longer matches who is due) none.

use super::{ANONYMISED_FAMILY, ANONYMISED_GIVEN, Standing, due, leader, standings};
use crate::entity::stored_file::FileKind;
use crate::entity::{
    account, calendar_feed, erasure_batch, evaluation, external_identity, goal_evidence,
    guardianship, imported_evaluation, imported_work, password_reset, person, plan_voice,
    portfolio_item, pupil_code, pupil_plan, pupil_plan_goal, pupil_plan_version, reading_settings,
    session, stored_file, task_done, task_pupil, work_feedback,
};
use crate::{RequestCtx, db_err};
use domain::privacy::{ErasureChoice, PersonKind};
use domain::{AppError, ErrorCode};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// Ids per `IN (…)`: well under SQLite's and PostgreSQL's bound-variable limits.
const CHUNK: usize = 2_000;

/// How many of each kind a confirmed batch anonymised.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Erased {
    pub pupils: u32,
    pub staff: u32,
    pub guardians: u32,
}

/// Anonymises exactly the people the leader reviewed. Someone on the list who is no longer due
/// (came back, was anonymised by another leader's batch, or is not of this school) makes the
/// whole batch a conflict, and nothing changes: the leader looks at the list again.
pub async fn erase(ctx: &RequestCtx, choice: &ErasureChoice) -> Result<Erased, AppError> {
    let p = leader(ctx).await?;
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    // PostgreSQL: one roster change at a time per school, so two leaders confirming at once, or
    // a pupil put back in a class meanwhile, cannot both go through on what each read.
    crate::db::lock_roster(&txn, p.school_id)
        .await
        .map_err(db_err)?;
    let now = ctx.now();
    let due: Vec<Standing> = due(
        standings(&txn, p.school_id).await?,
        now,
        ctx.erase_after_days,
    );
    let mut chosen: Vec<&Standing> = Vec::with_capacity(choice.ids().len());
    for id in choice.ids() {
        let standing = due
            .iter()
            .find(|s| i64::from(s.person.id) == *id)
            .ok_or_else(|| AppError::new(ErrorCode::Conflict))?;
        chosen.push(standing);
    }
    let of = |kind: PersonKind| -> Vec<i32> {
        chosen
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| s.person.id)
            .collect()
    };
    let (pupils, staff, guardians) = (
        of(PersonKind::Pupil),
        of(PersonKind::Staff),
        of(PersonKind::Guardian),
    );
    for ids in pupils.chunks(CHUNK) {
        erase_pupils_records(&txn, ids).await?;
    }
    // Guardianships go with every adult of the batch: a colleague may be a parent too.
    let adults: Vec<i32> = staff.iter().chain(&guardians).copied().collect();
    for ids in adults.chunks(CHUNK) {
        guardianship::Entity::delete_many()
            .filter(guardianship::Column::GuardianId.is_in(ids.to_vec()))
            .exec(&txn)
            .await
            .map_err(db_err)?;
        calendar_feed::Entity::delete_many()
            .filter(calendar_feed::Column::GuardianId.is_in(ids.to_vec()))
            .exec(&txn)
            .await
            .map_err(db_err)?;
    }
    let everyone: Vec<i32> = chosen.iter().map(|s| s.person.id).collect();
    for ids in everyone.chunks(CHUNK) {
        erase_person(&txn, ids, now).await?;
    }
    let count = |v: &Vec<i32>| u32::try_from(v.len()).unwrap_or(u32::MAX);
    let erased = Erased {
        pupils: count(&pupils),
        staff: count(&staff),
        guardians: count(&guardians),
    };
    erasure_batch::ActiveModel {
        school_id: Set(p.school_id),
        confirmed_by: Set(p.person_id),
        at: Set(now),
        pupils: Set(i32::try_from(erased.pupils).unwrap_or(i32::MAX)),
        staff: Set(i32::try_from(erased.staff).unwrap_or(i32::MAX)),
        guardians: Set(i32::try_from(erased.guardians).unwrap_or(i32::MAX)),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    txn.commit().await.map_err(db_err)?;
    tracing::info!(
        school = p.school_id,
        pupils = erased.pupils,
        staff = erased.staff,
        guardians = erased.guardians,
        "people who left were anonymised"
    );
    Ok(erased)
}

/// What a pupil made and what was written about them alone: work with its files and answers,
/// recordings, plans, brought records, the comments on evaluations (the steps stay, nameless),
/// guardianships, calendar links and login cards.
async fn erase_pupils_records(db: &impl ConnectionTrait, ids: &[i32]) -> Result<(), AppError> {
    let ids = ids.to_vec();
    let mut files: Vec<i32> = Vec::new();
    files.extend(
        work_feedback::Entity::find()
            .filter(work_feedback::Column::PupilId.is_in(ids.clone()))
            .all(db)
            .await
            .map_err(db_err)?
            .into_iter()
            .filter_map(|f| f.file_id),
    );
    files.extend(
        plan_voice::Entity::find()
            .filter(plan_voice::Column::PupilId.is_in(ids.clone()))
            .all(db)
            .await
            .map_err(db_err)?
            .into_iter()
            .map(|v| v.file_id),
    );
    files.extend(
        portfolio_item::Entity::find()
            .filter(portfolio_item::Column::PupilId.is_in(ids.clone()))
            .all(db)
            .await
            .map_err(db_err)?
            .into_iter()
            .filter_map(|w| w.file_id),
    );
    // Children before parents: every foreign key refuses to leave a row pointing nowhere.
    macro_rules! delete_where {
        ($entity:ident, $col:expr) => {
            $entity::Entity::delete_many()
                .filter($col.is_in(ids.clone()))
                .exec(db)
                .await
                .map_err(db_err)?;
        };
    }
    delete_where!(goal_evidence, goal_evidence::Column::PupilId);
    delete_where!(work_feedback, work_feedback::Column::PupilId);
    delete_where!(plan_voice, plan_voice::Column::PupilId);
    delete_where!(portfolio_item, portfolio_item::Column::PupilId);
    for chunk in files.chunks(CHUNK) {
        stored_file::Entity::delete_many()
            .filter(stored_file::Column::Id.is_in(chunk.to_vec()))
            .exec(db)
            .await
            .map_err(db_err)?;
    }
    // A pupil's upload that never became a piece of work (a recording left behind).
    stored_file::Entity::delete_many()
        .filter(stored_file::Column::UploadedBy.is_in(ids.clone()))
        .filter(stored_file::Column::Kind.is_in([FileKind::PupilWork, FileKind::Reflection]))
        .exec(db)
        .await
        .map_err(db_err)?;
    pupil_plan_goal::Entity::delete_many()
        .filter(
            pupil_plan_goal::Column::PlanId.in_subquery(
                Query::select()
                    .column(pupil_plan::Column::Id)
                    .from(pupil_plan::Entity)
                    .and_where(pupil_plan::Column::PupilId.is_in(ids.clone()))
                    .to_owned(),
            ),
        )
        .exec(db)
        .await
        .map_err(db_err)?;
    delete_where!(pupil_plan_version, pupil_plan_version::Column::PupilId);
    delete_where!(pupil_plan, pupil_plan::Column::PupilId);
    delete_where!(imported_evaluation, imported_evaluation::Column::PupilId);
    delete_where!(imported_work, imported_work::Column::PupilId);
    delete_where!(guardianship, guardianship::Column::PupilId);
    delete_where!(calendar_feed, calendar_feed::Column::PupilId);
    delete_where!(pupil_code, pupil_code::Column::PersonId);
    // Which variant a pupil was given says something about them (easier: support), and what
    // they marked done when; the task stays the hold's.
    delete_where!(task_pupil, task_pupil::Column::PupilId);
    delete_where!(task_done, task_done::Column::PupilId);
    evaluation::Entity::update_many()
        .col_expr(evaluation::Column::Comment, Expr::value(""))
        .filter(evaluation::Column::PupilId.is_in(ids.clone()))
        .exec(db)
        .await
        .map_err(db_err)?;
    Ok(())
}

/// What anyone has as a person: a name, a UNI-ID, a way to sign in, open sessions, reset codes
/// and settings. The row stays, nameless, for the records that name it.
async fn erase_person(db: &impl ConnectionTrait, ids: &[i32], now: i64) -> Result<(), AppError> {
    let ids = ids.to_vec();
    session::Entity::delete_many()
        .filter(session::Column::PersonId.is_in(ids.clone()))
        .exec(db)
        .await
        .map_err(db_err)?;
    account::Entity::delete_many()
        .filter(account::Column::PersonId.is_in(ids.clone()))
        .exec(db)
        .await
        .map_err(db_err)?;
    external_identity::Entity::delete_many()
        .filter(external_identity::Column::PersonId.is_in(ids.clone()))
        .exec(db)
        .await
        .map_err(db_err)?;
    password_reset::Entity::delete_many()
        .filter(password_reset::Column::PersonId.is_in(ids.clone()))
        .exec(db)
        .await
        .map_err(db_err)?;
    reading_settings::Entity::delete_many()
        .filter(reading_settings::Column::PersonId.is_in(ids.clone()))
        .exec(db)
        .await
        .map_err(db_err)?;
    person::Entity::update_many()
        .col_expr(person::Column::GivenName, Expr::value(ANONYMISED_GIVEN))
        .col_expr(person::Column::FamilyName, Expr::value(ANONYMISED_FAMILY))
        .col_expr(person::Column::Avatar, Expr::value(None::<String>))
        .col_expr(person::Column::ExternalId, Expr::value(None::<String>))
        .col_expr(person::Column::AnonymisedAt, Expr::value(now))
        .filter(person::Column::Id.is_in(ids.clone()))
        .exec(db)
        .await
        .map_err(db_err)?;
    // A guardian had no date of leaving of their own: from now on they have one.
    person::Entity::update_many()
        .col_expr(person::Column::LeftAt, Expr::value(now))
        .filter(person::Column::Id.is_in(ids))
        .filter(person::Column::LeftAt.is_null())
        .exec(db)
        .await
        .map_err(db_err)?;
    Ok(())
}
