//! "Mit arbejde": the pupil's photos, drawings, voice notes and words, linked to a task or goal.
//!
//! A device names each piece when it is made (`ClientKey`) and keeps it until the server confirms;
//! sending it again (after a lost answer, say) finds the piece already stored and stores nothing
//! twice.

use super::today::is_my_task;
use crate::db::read::{self, Reads};
use crate::entity::{portfolio_item, task, unit_goal};
use crate::facts::CurrentUnits;
use crate::facts::pupil_facts;
use crate::identity::current_principal;
use crate::{Principal, RequestCtx, audit, clock, db_err, policy};
use domain::Field;
use domain::audit::AuditTopic;
use domain::pupil::{MAX_WORK_BYTES, WorkItem, WorkUpload};
use domain::{AppError, ErrorCode};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Select,
    Set,
};
use std::collections::HashMap;

/// Where a piece of work's file is shown from.
pub use domain::paths::WORK_FILES as WORK_FILES_PATH;

fn not_found() -> AppError {
    AppError::new(ErrorCode::NotFound)
}

async fn existing(
    db: &impl ConnectionTrait,
    pupil_id: i32,
    key: &str,
) -> Result<Option<portfolio_item::Model>, AppError> {
    portfolio_item::Entity::find()
        .filter(portfolio_item::Column::PupilId.eq(pupil_id))
        .filter(portfolio_item::Column::ClientKey.eq(key))
        .one(db)
        .await
        .map_err(db_err)
}

/// Stores a piece of the signed-in pupil's work. Returns its id, the same id however often the
/// same piece is sent.
pub async fn add_work(ctx: &RequestCtx, upload: &WorkUpload) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_keep_own_work(&p))?;
    let db = &ctx.db;
    let key = upload.check()?;
    if let Some(row) = existing(db, p.person_id, key.as_str()).await? {
        return Ok(i64::from(row.id));
    }
    let task_id = match upload.task_id {
        Some(id) => {
            let id = i32::try_from(id).map_err(|_| AppError::invalid(Field::TaskId))?;
            if !is_my_task(db, &p, id).await? {
                return Err(AppError::invalid(Field::TaskId));
            }
            Some(id)
        }
        None => None,
    };
    let goal_id = match upload.goal_id {
        Some(id) => Some(my_goal(db, &p, id).await?),
        None => None,
    };
    let file = match (&upload.content_type, &upload.data_base64) {
        (Some(content_type), Some(data)) => {
            let bytes = crate::media::decode_checked(
                data,
                content_type,
                MAX_WORK_BYTES,
                crate::media::FileFields {
                    undecodable: Field::WorkFile,
                    size: Field::WorkFileSize,
                    kind: Field::WorkFileType,
                },
            )?;
            Some((content_type.clone(), bytes))
        }
        _ => None,
    };
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let file_id = match file {
        Some((content_type, bytes)) => Some(
            crate::planning::files::new_file(
                p.school_id,
                p.person_id,
                crate::entity::stored_file::FileKind::PupilWork,
                format!("{}-{}", upload.kind.as_str(), key.as_str()),
                content_type,
                bytes,
                clock::now(),
            )
            .insert(&txn)
            .await
            .map_err(db_err)?
            .id,
        ),
        None => None,
    };
    let inserted = portfolio_item::ActiveModel {
        pupil_id: Set(p.person_id),
        school_id: Set(p.school_id),
        client_key: Set(key.as_str().to_owned()),
        kind: Set(upload.kind),
        text: Set(upload.text.trim().to_owned()),
        file_id: Set(file_id),
        task_id: Set(task_id),
        goal_id: Set(goal_id),
        shared_with_family: Set(false),
        created_at: Set(clock::now()),
        archived_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    match inserted {
        Ok(row) => {
            audit::changed(
                &txn,
                ctx,
                &p,
                AuditTopic::Work,
                p.person_id,
                Some(row.id.into()),
            )
            .await?;
            txn.commit().await.map_err(db_err)?;
            Ok(i64::from(row.id))
        }
        // The same piece arrived twice at once: the other request stored it.
        Err(e)
            if matches!(
                e.sql_err(),
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
            ) =>
        {
            txn.rollback().await.map_err(db_err)?;
            existing(db, p.person_id, key.as_str())
                .await?
                .map(|row| i64::from(row.id))
                .ok_or_else(AppError::internal)
        }
        Err(e) => Err(db_err(e)),
    }
}

/// A "mål og refleksion" goal of one of the pupil's current forløb.
async fn my_goal(db: &impl Reads, p: &Principal, goal_id: i64) -> Result<i32, AppError> {
    let id = i32::try_from(goal_id).map_err(|_| AppError::invalid(Field::GoalId))?;
    let goal = read::one(db, unit_goal::Entity::find_by_id(id))
        .await
        .map_err(db_err)?
        .filter(|g| g.archived_at.is_none())
        .ok_or_else(|| AppError::invalid(Field::GoalId))?;
    let current = CurrentUnits::of_pupil(db, p).await?;
    if current.units.contains_key(&goal.unit_id) {
        Ok(id)
    } else {
        Err(AppError::invalid(Field::GoalId))
    }
}

/// Shares a piece of the signed-in pupil's work with their family, or takes it back.
pub async fn share_work(ctx: &RequestCtx, item_id: i64, shared: bool) -> Result<(), AppError> {
    use sea_orm::sea_query::Expr;
    let p = current_principal(ctx).await?;
    let id = i32::try_from(item_id).map_err(|_| not_found())?;
    let item = portfolio_item::Entity::find_by_id(id)
        .one(&ctx.db)
        .await
        .map_err(db_err)?
        .filter(|i| i.archived_at.is_none())
        .ok_or_else(not_found)?;
    policy::require(policy::can_share_own_work(&p, item.pupil_id == p.person_id))?;
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    portfolio_item::Entity::update_many()
        .col_expr(
            portfolio_item::Column::SharedWithFamily,
            Expr::value(shared),
        )
        .filter(portfolio_item::Column::Id.eq(id))
        .exec(&txn)
        .await
        .map_err(db_err)?;
    audit::changed(
        &txn,
        ctx,
        &p,
        AuditTopic::Work,
        item.pupil_id,
        Some(id.into()),
    )
    .await?;
    txn.commit().await.map_err(db_err)
}

/// "Mit arbejde" for the signed-in pupil, newest first.
pub async fn my_work(ctx: &RequestCtx) -> Result<Vec<WorkItem>, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_keep_own_work(&p))?;
    work_of(&ctx.db, p.person_id, false).await
}

/// A pupil's work with its teachers' answers, newest first; with `shared_only`, only what is
/// shared with the family, with the answers meant for the family.
pub(crate) async fn work_of(
    db: &impl Reads,
    pupil_id: i32,
    shared_only: bool,
) -> Result<Vec<WorkItem>, AppError> {
    let query = portfolio_item::Entity::find().filter(portfolio_item::Column::PupilId.eq(pupil_id));
    pieces(db, query, shared_only).await
}

/// The pieces a query finds that are not archived, newest first, with their tasks' titles, their
/// goals' words and their teachers' answers; with `shared_only`, only what is shared with the
/// family, with the answers meant for the family. Five statements however many pieces.
pub(crate) async fn pieces(
    db: &impl Reads,
    query: Select<portfolio_item::Entity>,
    shared_only: bool,
) -> Result<Vec<WorkItem>, AppError> {
    let mut query = query.filter(portfolio_item::Column::ArchivedAt.is_null());
    if shared_only {
        query = query.filter(portfolio_item::Column::SharedWithFamily.eq(true));
    }
    let rows = read::all(
        db,
        query
            .order_by_desc(portfolio_item::Column::CreatedAt)
            .order_by_desc(portfolio_item::Column::Id),
    )
    .await
    .map_err(db_err)?;
    let task_titles: HashMap<i32, String> = read::all(
        db,
        task::Entity::find().filter(
            task::Column::Id.is_in(rows.iter().filter_map(|r| r.task_id).collect::<Vec<_>>()),
        ),
    )
    .await
    .map_err(db_err)?
    .into_iter()
    .map(|t| (t.id, t.title))
    .collect();
    let goals = read::all(
        db,
        unit_goal::Entity::find().filter(
            unit_goal::Column::Id.is_in(rows.iter().filter_map(|r| r.goal_id).collect::<Vec<_>>()),
        ),
    )
    .await
    .map_err(db_err)?;
    let context = crate::planning::plans::GoalContext::load(db, &goals).await?;
    let goal_texts: HashMap<i32, String> = goals.iter().map(|g| (g.id, context.text(g))).collect();
    let item_ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let mut answers = crate::returns::feedback::on_items(db, &item_ids, shared_only).await?;
    rows.into_iter()
        .map(|r| {
            Ok(WorkItem {
                id: i64::from(r.id),
                kind: r.kind,
                text: r.text,
                file_url: r.file_id.map(|_| format!("{WORK_FILES_PATH}/{}", r.id)),
                task_title: r.task_id.and_then(|id| task_titles.get(&id).cloned()),
                goal_text: r.goal_id.and_then(|id| goal_texts.get(&id).cloned()),
                created_at: r.created_at,
                shared: r.shared_with_family,
                feedback: answers.remove(&r.id).unwrap_or_default(),
            })
        })
        .collect()
}

/// The file of a piece of work, for the pupil, their teachers, and (once shared) their guardians
/// with access: (content type, bytes).
pub async fn work_file(ctx: &RequestCtx, item_id: i64) -> Result<(String, Vec<u8>), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let id = i32::try_from(item_id).map_err(|_| not_found())?;
    let item = portfolio_item::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|i| i.school_id == p.school_id && i.archived_at.is_none())
        .ok_or_else(not_found)?;
    let facts = pupil_facts(db, &p, item.pupil_id).await?;
    policy::require(policy::can_read_pupil_work(
        &p,
        facts.relation,
        item.shared_with_family,
    ))?;
    audit::read(
        ctx,
        &p,
        AuditTopic::Work,
        [item.pupil_id],
        Some(item.id.into()),
    )
    .await?;
    crate::planning::files::bytes_of(db, item.file_id).await
}
