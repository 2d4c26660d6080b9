//! Work a pupil brought from earlier schools in their package (`imported_work`), shown on the
//! new school's screens as it came: each piece with the school it was made at and the answers it
//! had there, read-only. Its files are served from the stored piece itself, under the same rules
//! as work made here.

use super::{id32, not_found};
use crate::entity::imported_work;
use crate::facts::pupil_facts;
use crate::identity::current_principal;
use crate::{RequestCtx, audit, db_err, policy};
use domain::AppError;
use domain::audit::AuditTopic;
use domain::feedback::{Feedback, FeedbackBody};
use domain::paths::BROUGHT_WORK_FILES;
use domain::pupil::WorkItem;
use domain::pupil_plan::{PackageFeedbackBody, PackageWork};
use domain::returns::BroughtWork;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

fn parse(row: &imported_work::Model) -> Result<PackageWork, AppError> {
    serde_json::from_str(&row.content).map_err(|_| AppError::internal())
}

/// One piece as a work list shows it, its files addressed by the stored row's id.
fn shown(id: i32, piece: PackageWork) -> BroughtWork {
    let url = format!("{BROUGHT_WORK_FILES}/{id}");
    let feedback = piece
        .feedback
        .into_iter()
        .enumerate()
        .map(|(n, f)| Feedback {
            id: i64::try_from(n).unwrap_or(i64::MAX),
            body: match f.body {
                PackageFeedbackBody::Text(text) => FeedbackBody::Text(text),
                PackageFeedbackBody::Sticker(s) => FeedbackBody::Sticker(s),
                PackageFeedbackBody::Voice { .. } => FeedbackBody::Voice {
                    url: format!("{url}/svar/{n}"),
                },
            },
            author: f.author,
            created_at: f.at,
            for_family: f.for_family,
            new: false,
        })
        .collect();
    BroughtWork {
        school: piece.school,
        item: WorkItem {
            id: i64::from(id),
            kind: piece.kind,
            text: piece.text,
            file_url: piece.data_base64.is_some().then_some(url),
            task_title: piece.made_for,
            goal_text: None,
            created_at: piece.made_at,
            shared: piece.shared_with_family,
            feedback,
        },
    }
}

/// What the pupil brought, newest first: one statement.
pub(crate) async fn brought_work(
    db: &impl ConnectionTrait,
    pupil_id: i32,
) -> Result<Vec<BroughtWork>, AppError> {
    let mut out = imported_work::Entity::find()
        .filter(imported_work::Column::PupilId.eq(pupil_id))
        .order_by_asc(imported_work::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?
        .iter()
        .map(|row| Ok(shown(row.id, parse(row)?)))
        .collect::<Result<Vec<_>, AppError>>()?;
    out.sort_by_key(|b| std::cmp::Reverse(b.item.created_at));
    Ok(out)
}

/// `GET /tidligere-arbejde/{id}` (the piece's file) and `…/svar/{n}` (a recorded answer on it):
/// for the pupil and their teachers, and for guardians with access when the pupil shared the
/// piece (and, for an answer, the teacher meant it for the family), as with work made here.
pub async fn brought_file(
    ctx: &RequestCtx,
    id: i64,
    answer: Option<usize>,
) -> Result<(String, Vec<u8>), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let row = imported_work::Entity::find_by_id(id32(id)?)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let facts = pupil_facts(db, &p, row.pupil_id).await?;
    let piece = parse(&row)?;
    let (content_type, data) = match answer {
        None => {
            policy::require(policy::can_read_pupil_work(
                &p,
                facts.relation,
                piece.shared_with_family,
            ))?;
            (piece.content_type, piece.data_base64)
        }
        Some(n) => {
            let f = piece.feedback.get(n).ok_or_else(not_found)?;
            policy::require(policy::can_read_feedback(
                &p,
                facts.relation,
                f.for_family && piece.shared_with_family,
            ))?;
            match &f.body {
                PackageFeedbackBody::Voice {
                    content_type,
                    data_base64,
                } => (Some(content_type.clone()), Some(data_base64.clone())),
                _ => (None, None),
            }
        }
    };
    let (Some(content_type), Some(data)) = (content_type, data) else {
        return Err(not_found());
    };
    let topic = if answer.is_some() {
        AuditTopic::Feedback
    } else {
        AuditTopic::Work
    };
    audit::read(ctx, &p, topic, [row.pupil_id], Some(row.id.into())).await?;
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data.as_bytes())
        .map_err(|_| not_found())?;
    // Checked when it arrived; checked again here, since it is served from Spire's origin.
    if !crate::media::content_matches(&content_type, &bytes) {
        return Err(not_found());
    }
    Ok((content_type, bytes))
}
