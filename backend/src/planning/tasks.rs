//! Tasks for the whole hold, a group or named pupils, with easier and harder variants, due on a
//! day or in a week.

use super::access::*;
use crate::db::read::Reads;
use crate::entity::task::{AudienceKind, DueKind};
use crate::entity::{task, task_pupil, year_plan};
use crate::facts::{HoldAccess, hold_pupils};
use crate::identity::current_principal;
use crate::{Principal, RequestCtx, clock, db_err, next_version};
use domain::AppError;
use domain::Field;
use domain::planning::{
    Audience, Instruction, Task, TaskInput, TaskPupil, TaskWhen, Title, Variant,
};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use std::collections::HashSet;

pub(crate) fn to_task(t: &task::Model, pupils: Vec<TaskPupil>) -> Result<Task, AppError> {
    let due = parse_stored_date(&t.due_on)?;
    Ok(Task {
        id: i64::from(t.id),
        title: t.title.clone(),
        instruction: t.instruction.clone(),
        icon: t.icon,
        when: match t.due_kind {
            DueKind::Week => TaskWhen::Week(due),
            DueKind::Day => TaskWhen::Day(due),
        },
        audience: match t.audience {
            AudienceKind::Group => Audience::Group(t.group_name.clone().unwrap_or_default()),
            AudienceKind::Pupils => Audience::Pupils,
            AudienceKind::Hold => Audience::Hold,
        },
        pupils,
        easier: t.easier.clone(),
        harder: t.harder.clone(),
        version: t.version,
    })
}

pub(crate) struct CheckedTask {
    title: Title,
    instruction: Instruction,
    when: TaskWhen,
    audience: Audience,
    group_name: Option<Title>,
    pupils: Vec<(i32, Variant)>,
    easier: Option<Instruction>,
    harder: Option<Instruction>,
}

pub(crate) async fn check_task(
    db: &impl Reads,
    plan: &year_plan::Model,
    access: &HoldAccess,
    input: &TaskInput,
) -> Result<CheckedTask, AppError> {
    let title = Title::parse(&input.title, Field::Title)?;
    let instruction = Instruction::parse(&input.instruction, Field::Instruction)?;
    let optional = |text: &Option<String>, field: Field| match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => Instruction::parse(t, field).map(Some),
    };
    let easier = optional(&input.easier, Field::Easier)?;
    let harder = optional(&input.harder, Field::Harder)?;
    let (first_day, last_day) = year_dates(db, access.team.school_id, plan.school_year).await?;
    let when = match input.when {
        TaskWhen::Day(d) => TaskWhen::Day(d),
        TaskWhen::Week(d) => TaskWhen::Week(d.monday()),
    };
    let day = match when {
        TaskWhen::Day(d) | TaskWhen::Week(d) => d,
    };
    if day < first_day.monday() || day > last_day {
        return Err(AppError::invalid(Field::When));
    }
    let hold: HashSet<i64> = hold_pupils(db, access.team.id)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let mut seen = HashSet::new();
    let mut pupils = Vec::new();
    for (id, variant) in &input.pupils {
        if !hold.contains(id) || !seen.insert(*id) {
            return Err(AppError::invalid(Field::Pupils));
        }
        pupils.push((
            id32(*id).map_err(|_| AppError::invalid(Field::Pupils))?,
            *variant,
        ));
    }
    let group_name = match &input.audience {
        Audience::Group(name) => Some(Title::parse(name, Field::GroupName)?),
        _ => None,
    };
    if !matches!(input.audience, Audience::Hold) && pupils.is_empty() {
        return Err(AppError::invalid(Field::Pupils));
    }
    // A variant nobody wrote cannot be given to anyone.
    for (_, variant) in &pupils {
        if (*variant == Variant::Easier && easier.is_none())
            || (*variant == Variant::Harder && harder.is_none())
        {
            return Err(AppError::invalid(Field::Variant));
        }
    }
    if matches!(input.audience, Audience::Hold) {
        // For the whole hold only the exceptions are stored.
        pupils.retain(|(_, v)| *v != Variant::Standard);
    }
    Ok(CheckedTask {
        title,
        instruction,
        when,
        audience: input.audience.clone(),
        group_name,
        pupils,
        easier,
        harder,
    })
}

pub(crate) fn due_parts(when: TaskWhen) -> (DueKind, String) {
    match when {
        TaskWhen::Day(d) => (DueKind::Day, d.to_string()),
        TaskWhen::Week(d) => (DueKind::Week, d.to_string()),
    }
}

pub(crate) fn audience_kind(a: &Audience) -> AudienceKind {
    match a {
        Audience::Hold => AudienceKind::Hold,
        Audience::Group(_) => AudienceKind::Group,
        Audience::Pupils => AudienceKind::Pupils,
    }
}

pub(crate) async fn write_task_pupils(
    db: &impl ConnectionTrait,
    task_id: i32,
    pupils: &[(i32, Variant)],
) -> Result<(), AppError> {
    task_pupil::Entity::delete_many()
        .filter(task_pupil::Column::TaskId.eq(task_id))
        .exec(db)
        .await
        .map_err(db_err)?;
    for (pupil_id, variant) in pupils {
        task_pupil::ActiveModel {
            task_id: Set(task_id),
            pupil_id: Set(*pupil_id),
            variant: Set(*variant),
        }
        .insert(db)
        .await
        .map_err(db_err)?;
    }
    Ok(())
}

/// A new task in a forløb.
pub async fn create_task(
    ctx: &RequestCtx,
    unit_id: i64,
    input: &TaskInput,
) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    create_task_as(&ctx.db, &p, unit_id, input).await
}

/// `create_task` for a principal already known, in any connection or transaction: the demo seed
/// plans through here, as the screens do.
pub(crate) async fn create_task_as<C: crate::db::Writes>(
    db: &C,
    p: &Principal,
    unit_id: i64,
    input: &TaskInput,
) -> Result<i64, AppError> {
    let (u, plan, access) = unit_with_access(db, p, unit_id).await?;
    require_edit(p, &access)?;
    let c = check_task(db, &plan, &access, input).await?;
    let (due_kind, due_on) = due_parts(c.when);
    let now = clock::now();
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let created = task::ActiveModel {
        unit_id: Set(u.id),
        title: Set(c.title.as_str().to_owned()),
        instruction: Set(c.instruction.as_str().to_owned()),
        icon: Set(input.icon),
        due_kind: Set(due_kind),
        due_on: Set(due_on),
        audience: Set(audience_kind(&c.audience)),
        group_name: Set(c.group_name.map(|g| g.as_str().to_owned())),
        easier: Set(c.easier.map(|e| e.as_str().to_owned())),
        harder: Set(c.harder.map(|h| h.as_str().to_owned())),
        version: Set(1),
        archived_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    write_task_pupils(&txn, created.id, &c.pupils).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(i64::from(created.id))
}

/// Saves a task edited from `version`; `Conflict` if someone saved it in between.
pub async fn save_task(
    ctx: &RequestCtx,
    task_id: i64,
    version: i64,
    input: &TaskInput,
) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (t, plan, access) = task_with_access(db, &p, task_id).await?;
    require_edit(&p, &access)?;
    let c = check_task(db, &plan, &access, input).await?;
    let (due_kind, due_on) = due_parts(c.when);
    let next = next_version(version)?;
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let done = task::Entity::update_many()
        .col_expr(task::Column::Title, Expr::value(c.title.as_str()))
        .col_expr(
            task::Column::Instruction,
            Expr::value(c.instruction.as_str()),
        )
        .col_expr(task::Column::Icon, Expr::value(input.icon))
        .col_expr(task::Column::DueKind, Expr::value(due_kind))
        .col_expr(task::Column::DueOn, Expr::value(due_on))
        .col_expr(
            task::Column::Audience,
            Expr::value(audience_kind(&c.audience)),
        )
        .col_expr(
            task::Column::GroupName,
            Expr::value(c.group_name.map(|g| g.as_str().to_owned())),
        )
        .col_expr(
            task::Column::Easier,
            Expr::value(c.easier.map(|e| e.as_str().to_owned())),
        )
        .col_expr(
            task::Column::Harder,
            Expr::value(c.harder.map(|h| h.as_str().to_owned())),
        )
        .col_expr(task::Column::Version, Expr::value(next))
        .col_expr(task::Column::UpdatedAt, Expr::value(clock::now()))
        .filter(task::Column::Id.eq(t.id))
        .filter(task::Column::Version.eq(version))
        .exec(&txn)
        .await
        .map_err(db_err)?;
    if done.rows_affected == 0 {
        return Err(conflict());
    }
    write_task_pupils(&txn, t.id, &c.pupils).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(next)
}

pub(crate) async fn set_task_archived(
    ctx: &RequestCtx,
    task_id: i64,
    archived: bool,
) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (t, _, access) = task_with_access(db, &p, task_id).await?;
    if archived {
        require_edit(&p, &access)?;
    } else {
        require_restore(&p, &access)?;
    }
    let done = task::Entity::update_many()
        .col_expr(
            task::Column::ArchivedAt,
            Expr::value(archived.then(clock::now)),
        )
        .col_expr(task::Column::Version, Expr::value(next_version(t.version)?))
        .col_expr(task::Column::UpdatedAt, Expr::value(clock::now()))
        .filter(task::Column::Id.eq(t.id))
        .filter(task::Column::Version.eq(t.version))
        .exec(db)
        .await
        .map_err(db_err)?;
    if done.rows_affected == 0 {
        return Err(conflict());
    }
    Ok(())
}

pub async fn archive_task(ctx: &RequestCtx, task_id: i64) -> Result<(), AppError> {
    set_task_archived(ctx, task_id, true).await
}

pub async fn restore_task(ctx: &RequestCtx, task_id: i64) -> Result<(), AppError> {
    set_task_archived(ctx, task_id, false).await
}
