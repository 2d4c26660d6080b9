//! A school's own subjects: its leaders add and correct them; everyone of the school reads the
//! list, since every screen that names a hold's subject needs it. Nothing is deleted: hold, plans
//! and evaluations name a subject by id, so a corrected name reaches them all.

use crate::db::read::{self, Reads};
use crate::entity::school_subject;
use crate::identity::current_principal;
use crate::{RequestCtx, db_err, policy, taken_or_internal};
use domain::school::{OwnSubjectId, Subject};
use domain::subjects::{OwnIcon, OwnSubject, OwnSubjectInput, parse_spans, spans_code};
use domain::{AppError, ErrorCode, Field};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

/// The school's own subjects, in the order they were added.
pub async fn school_subjects(ctx: &RequestCtx) -> Result<Vec<OwnSubject>, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_read_school_subjects(&p))?;
    own_subjects_of(&ctx.db, p.school_id).await
}

/// Adds an own subject (`input.id` is `None`) or corrects one; its name must be the school's
/// only subject of that name, whatever the case.
pub async fn save_own_subject(
    ctx: &RequestCtx,
    input: &OwnSubjectInput,
) -> Result<OwnSubject, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_manage_own_subjects(&p, p.school_id))?;
    let valid = input.parse()?;
    let mut row = match valid.id {
        Some(id) => {
            let existing = find(&ctx.db, p.school_id, id)
                .await?
                .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
            school_subject::ActiveModel::from(existing)
        }
        None => school_subject::ActiveModel {
            school_id: Set(p.school_id),
            created_at: Set(ctx.now()),
            ..Default::default()
        },
    };
    row.name = Set(valid.name.as_str().to_owned());
    row.name_key = Set(valid.name.key());
    row.icon = Set(valid.icon.as_str().to_owned());
    row.first_grade = Set(i16::from(valid.first_grade));
    row.last_grade = Set(i16::from(valid.last_grade));
    row.spans = Set(spans_code(&valid.spans));
    let saved = if valid.id.is_some() {
        row.update(&ctx.db).await
    } else {
        row.insert(&ctx.db).await
    };
    let saved = saved.map_err(|e| taken_or_internal(e, Field::SubjectNameTaken))?;
    to_own(&saved)
}

/// A school's own subjects, for use cases that name or check them.
pub async fn own_subjects_of(
    db: &impl ConnectionTrait,
    school_id: i32,
) -> Result<Vec<OwnSubject>, AppError> {
    school_subject::Entity::find()
        .filter(school_subject::Column::SchoolId.eq(school_id))
        .order_by_asc(school_subject::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?
        .iter()
        .map(to_own)
        .collect()
}

/// One of the school's own subjects, if the school has it.
pub async fn find(
    db: &impl Reads,
    school_id: i32,
    id: OwnSubjectId,
) -> Result<Option<school_subject::Model>, AppError> {
    let Ok(id) = i32::try_from(id.value()) else {
        return Ok(None);
    };
    read::one(
        db,
        school_subject::Entity::find_by_id(id)
            .filter(school_subject::Column::SchoolId.eq(school_id)),
    )
    .await
    .map_err(db_err)
}

/// A subject a school may make a hold in: any of the law's, or one of its own.
pub async fn require_known(
    db: &impl Reads,
    school_id: i32,
    subject: Subject,
) -> Result<(), AppError> {
    match subject.own() {
        Some(id) if find(db, school_id, id).await?.is_none() => {
            Err(AppError::invalid(Field::Subject))
        }
        _ => Ok(()),
    }
}

/// The law's subjects whose Fælles Mål a forløb in `subject` plans with: the subject itself, or
/// every subject an own subject spans (none for one the school does not have).
pub async fn goal_subjects(
    db: &impl Reads,
    school_id: i32,
    subject: Subject,
) -> Result<Vec<Subject>, AppError> {
    match subject.own() {
        None => Ok(vec![subject]),
        Some(id) => match find(db, school_id, id).await? {
            Some(row) => Ok(to_own(&row)?.spans),
            None => Ok(Vec::new()),
        },
    }
}

pub(crate) fn to_own(row: &school_subject::Model) -> Result<OwnSubject, AppError> {
    let grade = |g: i16| u8::try_from(g).map_err(|_| AppError::internal());
    Ok(OwnSubject {
        id: OwnSubjectId::parse(i64::from(row.id))?,
        name: row.name.clone(),
        icon: OwnIcon::parse(&row.icon).map_err(|_| AppError::internal())?,
        first_grade: grade(row.first_grade)?,
        last_grade: grade(row.last_grade)?,
        spans: parse_spans(&row.spans).map_err(|_| AppError::internal())?,
    })
}
