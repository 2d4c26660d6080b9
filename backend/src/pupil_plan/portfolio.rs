//! The pupil's work in their package: every piece they kept here, whole, with the teachers'
//! answers and the goals it was chosen as evidence for, and the work they brought from earlier
//! schools (`imported_work`), sent on again. A fixed number of statements however much work.

use crate::db::read::Reads;
use crate::entity::stored_file;
use crate::entity::work_feedback::{self, FeedbackKind};
use crate::entity::{goal_evidence, imported_work, person, portfolio_item, task, unit_goal};
use crate::planning::plans::GoalContext;
use crate::{clock, db_err};
use domain::AppError;
use domain::pupil_plan::{PackageFeedback, PackageFeedbackBody, PackageWork};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The pupil's work for their package: what they made at `school`, oldest first, then what they
/// brought from schools before.
pub(super) async fn export(
    db: &impl Reads,
    pupil_id: i32,
    school: &str,
) -> Result<Vec<PackageWork>, AppError> {
    let items = portfolio_item::Entity::find()
        .filter(portfolio_item::Column::PupilId.eq(pupil_id))
        .filter(portfolio_item::Column::ArchivedAt.is_null())
        .order_by_asc(portfolio_item::Column::CreatedAt)
        .order_by_asc(portfolio_item::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let item_ids: Vec<i32> = items.iter().map(|i| i.id).collect();
    let answers = work_feedback::Entity::find()
        .filter(work_feedback::Column::ItemId.is_in(item_ids.clone()))
        .filter(work_feedback::Column::ArchivedAt.is_null())
        .order_by_asc(work_feedback::Column::CreatedAt)
        .order_by_asc(work_feedback::Column::Id)
        .find_also_related(person::Entity)
        .all(db)
        .await
        .map_err(db_err)?;
    let file_ids: Vec<i32> = items
        .iter()
        .filter_map(|i| i.file_id)
        .chain(answers.iter().filter_map(|(a, _)| a.file_id))
        .collect();
    let files: HashMap<i32, stored_file::Model> = stored_file::Entity::find()
        .filter(stored_file::Column::Id.is_in(file_ids))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|f| (f.id, f))
        .collect();
    let tasks: HashMap<i32, String> = task::Entity::find()
        .filter(task::Column::Id.is_in(items.iter().filter_map(|i| i.task_id).collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|t| (t.id, t.title))
        .collect();
    let evidence = goal_evidence::Entity::find()
        .filter(goal_evidence::Column::ItemId.is_in(item_ids))
        .filter(goal_evidence::Column::RemovedAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?;
    let goal_ids: Vec<i32> = items
        .iter()
        .filter_map(|i| i.goal_id)
        .chain(evidence.iter().map(|e| e.goal_id))
        .collect();
    let goals = unit_goal::Entity::find()
        .filter(unit_goal::Column::Id.is_in(goal_ids))
        .all(db)
        .await
        .map_err(db_err)?;
    let context = GoalContext::load(db, &goals).await?;
    let goal_text: HashMap<i32, String> = goals.iter().map(|g| (g.id, context.text(g))).collect();
    let mut answers_of: HashMap<i32, Vec<PackageFeedback>> = HashMap::new();
    for (a, author) in answers {
        let body = match a.kind {
            FeedbackKind::Text => PackageFeedbackBody::Text(a.text.clone()),
            FeedbackKind::Sticker => match a.sticker {
                Some(s) => PackageFeedbackBody::Sticker(s),
                None => continue,
            },
            FeedbackKind::Voice => match a.file_id.and_then(|id| files.get(&id)) {
                Some(f) => PackageFeedbackBody::Voice {
                    content_type: f.content_type.clone(),
                    data_base64: base64(&f.bytes),
                },
                None => continue,
            },
        };
        if let Some(item) = a.item_id {
            answers_of.entry(item).or_default().push(PackageFeedback {
                author: author.map(|p| p.full_name()).unwrap_or_default(),
                at: a.created_at,
                for_family: a.for_family,
                body,
            });
        }
    }
    let mut evidence_of: HashMap<i32, Vec<String>> = HashMap::new();
    for e in &evidence {
        if let Some(text) = goal_text.get(&e.goal_id) {
            let list = evidence_of.entry(e.item_id).or_default();
            if !list.contains(text) {
                list.push(text.clone());
            }
        }
    }
    let mut out: Vec<PackageWork> = items
        .into_iter()
        .map(|i| {
            let file = i.file_id.and_then(|id| files.get(&id));
            PackageWork {
                school: school.to_owned(),
                kind: i.kind,
                made_at: i.created_at,
                made_for: i
                    .task_id
                    .and_then(|t| tasks.get(&t).cloned())
                    .or_else(|| i.goal_id.and_then(|g| goal_text.get(&g).cloned())),
                shared_with_family: i.shared_with_family,
                content_type: file.map(|f| f.content_type.clone()),
                data_base64: file.map(|f| base64(&f.bytes)),
                feedback: answers_of.remove(&i.id).unwrap_or_default(),
                evidence_for: evidence_of.remove(&i.id).unwrap_or_default(),
                text: i.text,
            }
        })
        .collect();
    for row in imported_work::Entity::find()
        .filter(imported_work::Column::PupilId.eq(pupil_id))
        .order_by_asc(imported_work::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?
    {
        out.push(serde_json::from_str(&row.content).map_err(|_| AppError::internal())?);
    }
    Ok(out)
}

/// Keeps the work a package brought, each piece once however often the package is imported:
/// returns how many pieces were new.
pub(super) async fn import(
    db: &impl ConnectionTrait,
    pupil_id: i32,
    work: &[PackageWork],
) -> Result<u32, AppError> {
    let mut have: Vec<PackageWork> = imported_work::Entity::find()
        .filter(imported_work::Column::PupilId.eq(pupil_id))
        .all(db)
        .await
        .map_err(db_err)?
        .iter()
        .filter_map(|row| serde_json::from_str(&row.content).ok())
        .collect();
    let mut added = 0;
    for piece in work {
        if have.iter().any(|h| h.same_piece(piece)) {
            continue;
        }
        imported_work::ActiveModel {
            pupil_id: Set(pupil_id),
            imported_at: Set(clock::now()),
            content: Set(serde_json::to_string(piece).map_err(|_| AppError::internal())?),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(db_err)?;
        have.push(piece.clone());
        added += 1;
    }
    Ok(added)
}
