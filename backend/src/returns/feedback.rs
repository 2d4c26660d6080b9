//! Teachers' answers to pupils: on a piece of work or on a task as a whole, in words, with their
//! voice, or with a sticker. The pupil hears them without reading and sees which are new; the
//! family sees those the teacher meant for them, with work the child shared.
//!
//! Every screen that shows answers loads them for all its pieces and tasks at once: two
//! statement (the answers with their authors' names) whatever their number.

use super::task_pupils;
use crate::audit;
use crate::db::read::Reads;
use crate::entity::stored_file::FileKind;
use crate::entity::work_feedback::{self, FeedbackKind};
use crate::entity::{person, portfolio_item};
use crate::facts::pupil_facts;
use crate::identity::current_principal;
use crate::planning::access::{hide_other_schools, not_found, task_with_access};
use crate::{Principal, RequestCtx, clock, db_err, policy};
use domain::audit::AuditTopic;
use domain::feedback::{
    Feedback, FeedbackBody, FeedbackInput, FeedbackOn, FeedbackUpload, MAX_FEEDBACK_VOICE_BYTES,
};
use domain::paths::FEEDBACK_FILES;
use domain::{AppError, Field};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Select, Set};
use std::collections::HashMap;

/// Who an answer goes to, and on what: the pupil, the task (if any), the piece (if any).
struct Target {
    pupil_id: i32,
    task_id: Option<i32>,
    item_id: Option<i32>,
}

/// Finds what the answer is on, with whether the caller teaches it: a piece of work with a task
/// is the task's hold's; one without is any of the pupil's teachers'. Another school's piece or
/// task is NotFound.
async fn target(
    db: &impl Reads,
    p: &Principal,
    on: FeedbackOn,
) -> Result<(Target, bool), AppError> {
    match on {
        FeedbackOn::Work { item_id } => {
            let id = i32::try_from(item_id).map_err(|_| not_found())?;
            let item = portfolio_item::Entity::find_by_id(id)
                .one(db)
                .await
                .map_err(db_err)?
                .filter(|i| i.school_id == p.school_id && i.archived_at.is_none())
                .ok_or_else(not_found)?;
            let teaches = match item.task_id {
                Some(task_id) => {
                    let (_, _, access) = task_with_access(db, p, i64::from(task_id)).await?;
                    access.teaches
                }
                None => pupil_facts(db, p, item.pupil_id).await?.relation.teaches,
            };
            Ok((
                Target {
                    pupil_id: item.pupil_id,
                    task_id: item.task_id,
                    item_id: Some(item.id),
                },
                teaches,
            ))
        }
        FeedbackOn::Task { task_id, pupil_id } => {
            let (task, _, access) = task_with_access(db, p, task_id).await?;
            hide_other_schools(p, &access)?;
            let pupil_id = i32::try_from(pupil_id).map_err(|_| AppError::invalid(Field::Pupil))?;
            let for_pupil = task_pupils(db, &task, access.team.id)
                .await?
                .iter()
                .any(|(id, _)| *id == pupil_id);
            if access.teaches && !for_pupil {
                return Err(AppError::invalid(Field::Pupil));
            }
            Ok((
                Target {
                    pupil_id,
                    task_id: Some(task.id),
                    item_id: None,
                },
                access.teaches,
            ))
        }
    }
}

/// A teacher answers a pupil's work or task. Returns the answer as its screen shows it.
pub async fn give_feedback(ctx: &RequestCtx, input: &FeedbackInput) -> Result<Feedback, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    input.check()?;
    let (target, teaches) = target(db, &p, input.on).await?;
    policy::require(policy::can_answer_pupil(&p, teaches))?;
    let voice = match &input.body {
        FeedbackUpload::Voice {
            content_type,
            data_base64,
        } => {
            let bytes = crate::media::decode_checked(
                data_base64,
                content_type,
                MAX_FEEDBACK_VOICE_BYTES,
                crate::media::FileFields::all(Field::FeedbackFile),
            )?;
            Some((content_type.clone(), bytes))
        }
        _ => None,
    };
    let now = clock::now();
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let file_id = match voice {
        Some((content_type, bytes)) => Some(
            crate::planning::files::new_file(
                p.school_id,
                p.person_id,
                FileKind::Feedback,
                format!("svar-{}", target.pupil_id),
                content_type,
                bytes,
                now,
            )
            .insert(&txn)
            .await
            .map_err(db_err)?
            .id,
        ),
        None => None,
    };
    let (kind, text, sticker) = match &input.body {
        FeedbackUpload::Text(text) => (FeedbackKind::Text, text.trim().to_owned(), None),
        FeedbackUpload::Voice { .. } => (FeedbackKind::Voice, String::new(), None),
        FeedbackUpload::Sticker(s) => (FeedbackKind::Sticker, String::new(), Some(*s)),
    };
    let row = work_feedback::ActiveModel {
        school_id: Set(p.school_id),
        pupil_id: Set(target.pupil_id),
        task_id: Set(target.task_id),
        item_id: Set(target.item_id),
        author_id: Set(p.person_id),
        kind: Set(kind),
        text: Set(text),
        sticker: Set(sticker),
        file_id: Set(file_id),
        for_family: Set(input.for_family),
        created_at: Set(now),
        seen_at: Set(None),
        archived_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    audit::changed(
        &txn,
        ctx,
        &p,
        AuditTopic::Feedback,
        target.pupil_id,
        Some(i64::from(row.id)),
    )
    .await?;
    txn.commit().await.map_err(db_err)?;
    load(db, work_feedback::Entity::find_by_id(row.id))
        .await?
        .pop()
        .map(|(_, given)| given)
        .ok_or_else(AppError::internal)
}

/// The signed-in pupil has had these answers on a screen: they are no longer new. Answers that
/// are not theirs are left as they are.
pub async fn saw_feedback(ctx: &RequestCtx, ids: &[i64]) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_hear_own_feedback(&p))?;
    let ids: Vec<i32> = ids
        .iter()
        .filter_map(|id| i32::try_from(*id).ok())
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    work_feedback::Entity::update_many()
        .col_expr(work_feedback::Column::SeenAt, Expr::value(clock::now()))
        .filter(work_feedback::Column::Id.is_in(ids))
        .filter(work_feedback::Column::PupilId.eq(p.person_id))
        .filter(work_feedback::Column::SeenAt.is_null())
        .exec(&ctx.db)
        .await
        .map_err(db_err)?;
    Ok(())
}

/// The recording of a voice answer, for the pupil, their teachers, and their guardians with
/// access when the answer is meant for the family and is on a piece the child shared.
pub async fn feedback_file(
    ctx: &RequestCtx,
    feedback_id: i64,
) -> Result<(String, Vec<u8>), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let id = i32::try_from(feedback_id).map_err(|_| not_found())?;
    let answer = work_feedback::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|f| f.school_id == p.school_id && f.archived_at.is_none())
        .ok_or_else(not_found)?;
    let shared_piece = match answer.item_id {
        Some(item_id) => portfolio_item::Entity::find_by_id(item_id)
            .one(db)
            .await
            .map_err(db_err)?
            .is_some_and(|i| i.shared_with_family && i.archived_at.is_none()),
        None => false,
    };
    let facts = pupil_facts(db, &p, answer.pupil_id).await?;
    policy::require(policy::can_read_feedback(
        &p,
        facts.relation,
        answer.for_family && shared_piece,
    ))?;
    audit::read(
        ctx,
        &p,
        AuditTopic::Feedback,
        [answer.pupil_id],
        Some(i64::from(answer.id)),
    )
    .await?;
    crate::planning::files::bytes_of(db, answer.file_id).await
}

/// Answers a query finds, newest first, as their readers see them, with their authors' names:
/// one statement.
async fn load(
    db: &impl crate::db::read::Reads,
    query: Select<work_feedback::Entity>,
) -> Result<Vec<(work_feedback::Model, Feedback)>, AppError> {
    let rows = crate::db::read::all_also(
        db,
        query
            .filter(work_feedback::Column::ArchivedAt.is_null())
            .order_by_desc(work_feedback::Column::CreatedAt)
            .order_by_desc(work_feedback::Column::Id)
            .find_also_related(person::Entity),
    )
    .await
    .map_err(db_err)?;
    Ok(rows
        .into_iter()
        .filter_map(|(r, author)| {
            let body = match r.kind {
                FeedbackKind::Text => FeedbackBody::Text(r.text.clone()),
                FeedbackKind::Voice => FeedbackBody::Voice {
                    url: format!("{FEEDBACK_FILES}/{}", r.id),
                },
                FeedbackKind::Sticker => FeedbackBody::Sticker(r.sticker?),
            };
            let feedback = Feedback {
                id: i64::from(r.id),
                body,
                author: author.map(|a| a.full_name()).unwrap_or_default(),
                created_at: r.created_at,
                for_family: r.for_family,
                new: r.seen_at.is_none(),
            };
            Some((r, feedback))
        })
        .collect())
}

/// A task's answers for its screen: by piece of work, and by pupil for those on the task as a
/// whole.
pub(crate) struct TaskAnswers {
    pub by_item: HashMap<i32, Vec<Feedback>>,
    pub by_pupil: HashMap<i32, Vec<Feedback>>,
}

pub(crate) async fn on_task(
    db: &impl Reads,
    task_id: i32,
    pupil_ids: &[i32],
) -> Result<TaskAnswers, AppError> {
    let mut answers = TaskAnswers {
        by_item: HashMap::new(),
        by_pupil: HashMap::new(),
    };
    let query = work_feedback::Entity::find()
        .filter(work_feedback::Column::TaskId.eq(task_id))
        .filter(work_feedback::Column::PupilId.is_in(pupil_ids.to_vec()));
    for (row, feedback) in load(db, query).await? {
        match row.item_id {
            Some(item) => answers.by_item.entry(item).or_default().push(feedback),
            None => answers
                .by_pupil
                .entry(row.pupil_id)
                .or_default()
                .push(feedback),
        }
    }
    Ok(answers)
}

/// The answers on pieces of work; with `family_only`, only those meant for the family.
pub(crate) async fn on_items(
    db: &impl Reads,
    item_ids: &[i32],
    family_only: bool,
) -> Result<HashMap<i32, Vec<Feedback>>, AppError> {
    let mut query = work_feedback::Entity::find()
        .filter(work_feedback::Column::ItemId.is_in(item_ids.to_vec()));
    if family_only {
        query = query.filter(work_feedback::Column::ForFamily.eq(true));
    }
    let mut out: HashMap<i32, Vec<Feedback>> = HashMap::new();
    for (row, feedback) in load(db, query).await? {
        if let Some(item) = row.item_id {
            out.entry(item).or_default().push(feedback);
        }
    }
    Ok(out)
}

/// Everything a pupil's teachers answered on these tasks, on the task or on the pupil's work for
/// it, by task.
pub(crate) async fn for_pupil_tasks(
    db: &impl crate::db::read::Reads,
    pupil_id: i32,
    task_ids: &[i32],
) -> Result<HashMap<i32, Vec<Feedback>>, AppError> {
    let query = work_feedback::Entity::find()
        .filter(work_feedback::Column::PupilId.eq(pupil_id))
        .filter(work_feedback::Column::TaskId.is_in(task_ids.to_vec()));
    let mut out: HashMap<i32, Vec<Feedback>> = HashMap::new();
    for (row, feedback) in load(db, query).await? {
        if let Some(task) = row.task_id {
            out.entry(task).or_default().push(feedback);
        }
    }
    Ok(out)
}
