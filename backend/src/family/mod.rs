//! The family's view: a guardian's children, each child's week, the weekly digest and the
//! private calendar feed. Only what the child sees themselves, or what is published or shared.

pub mod calendar;
pub mod ics;

use crate::db::read::{self, Reads};
use crate::entity::{guardianship, person, pupil_plan_version, unit};
use crate::facts::CurrentUnits;
use crate::identity::current_principal;
use crate::pupil::today::{Due, as_seen_by_pupil, pupils_tasks};
use crate::pupil::{avatar_of, class_names_of, subjects_of};
use crate::{Principal, RequestCtx, audit, db_err, policy};
use domain::audit::AuditTopic;
use domain::calendar::Date;
use domain::family::{ChildRef, ChildWeek, Digest, DigestChild, WeekUnit};
use domain::home::{ChildSummary, ParentHome};
use domain::school::Subject;
use domain::{AppError, ErrorCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

pub async fn family_home(db: &impl Reads, p: &Principal) -> Result<ParentHome, AppError> {
    policy::require(policy::can_view_family_home(p))?;
    // Only children the guardian has access to: a guardian without "adgang til skoleoplysninger"
    // sees nothing of that child, not even that the child exists.
    let child_ids: Vec<i32> = guardianship::Entity::find()
        .filter(guardianship::Column::GuardianId.eq(p.person_id))
        .filter(guardianship::Column::HasAccess.eq(true))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|g| g.pupil_id)
        .collect();
    let children = person::Entity::find()
        .filter(person::Column::Id.is_in(child_ids.clone()))
        .order_by_asc(person::Column::GivenName)
        .all(db)
        .await
        .map_err(db_err)?;
    let classes = class_names_of(db, &child_ids).await?;
    let mut subjects = subjects_of(db, &child_ids, p.school_year).await?;
    Ok(ParentHome {
        me: crate::identity::me_of(db, p).await?,
        children: children
            .into_iter()
            .map(|c| ChildSummary {
                id: i64::from(c.id),
                avatar: avatar_of(&c),
                class_name: classes.get(&c.id).cloned().unwrap_or_default(),
                subjects: subjects.remove(&c.id).unwrap_or_default(),
                name: c.full_name(),
            })
            .collect(),
    })
}

/// The children the guardian is linked to with access, in the order of their home.
pub(crate) async fn children_of(
    db: &impl Reads,
    guardian_id: i32,
) -> Result<Vec<person::Model>, AppError> {
    let child_ids: Vec<i32> = read::all(
        db,
        guardianship::Entity::find()
            .filter(guardianship::Column::GuardianId.eq(guardian_id))
            .filter(guardianship::Column::HasAccess.eq(true)),
    )
    .await
    .map_err(db_err)?
    .into_iter()
    .map(|g| g.pupil_id)
    .collect();
    read::all(
        db,
        person::Entity::find()
            .filter(person::Column::Id.is_in(child_ids))
            .order_by_asc(person::Column::GivenName),
    )
    .await
    .map_err(db_err)
}

/// The forløb a child is in during the week starting `monday`.
pub(crate) fn units_in_week(current: &CurrentUnits, monday: Date) -> Vec<WeekUnit> {
    let monday = monday.to_string();
    let mut units: Vec<&unit::Model> = current
        .units
        .values()
        .filter(|u| u.first_week <= monday && monday <= u.last_week)
        .collect();
    units.sort_by(|a, b| (&a.first_week, &a.title).cmp(&(&b.first_week, &b.title)));
    units
        .into_iter()
        .filter_map(|u| {
            let subject = current
                .team_of(u)
                .and_then(|t| Subject::parse(&t.subject).ok())?;
            Some(WeekUnit {
                title: u.title.clone(),
                subject,
                description: u.description.clone(),
            })
        })
        .collect()
}

/// The guardian may follow this child, or the call is refused.
async fn require_follow(db: &impl Reads, p: &Principal, pupil_id: i32) -> Result<(), AppError> {
    policy::require(policy::can_view_family_home(p))?;
    let facts = crate::facts::pupil_facts(db, p, pupil_id).await?;
    policy::require(policy::can_follow_child(p, facts.relation))
}

/// One child's week, for a guardian with access.
pub async fn child_week(ctx: &RequestCtx, pupil_id: i64) -> Result<ChildWeek, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let id = i32::try_from(pupil_id).map_err(|_| AppError::new(ErrorCode::NotFound))?;
    require_follow(db, &p, id).await?;
    let children = children_of(db, p.person_id).await?;
    let child = children
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(AppError::forbidden)?;
    // The week shows the child's own evaluations and the work they shared.
    for topic in [AuditTopic::Evaluations, AuditTopic::Work] {
        audit::read(ctx, &p, topic, [id], None).await?;
    }
    let monday = p.today.monday();
    let current = CurrentUnits::of(db, id, p.school_year).await?;
    let tasks = pupils_tasks(db, id, &current, &Due::weeks(monday, 1)?).await?;
    let tasks = as_seen_by_pupil(db, id, &current, tasks).await?;
    let classes = class_names_of(db, &[id]).await?;
    let mut subjects = subjects_of(db, &[id], p.school_year).await?;
    Ok(ChildWeek {
        child: ChildSummary {
            id: pupil_id,
            name: child.full_name(),
            avatar: avatar_of(child),
            class_name: classes.get(&id).cloned().unwrap_or_default(),
            subjects: subjects.remove(&id).unwrap_or_default(),
        },
        children: children
            .iter()
            .map(|c| ChildRef {
                id: i64::from(c.id),
                name: c.full_name(),
            })
            .collect(),
        monday,
        tasks,
        units: units_in_week(&current, monday),
        progress: crate::evaluation::reflection_goals_of(db, id, p.school_year).await?,
        shared_work: crate::pupil::work::work_of(db, id, true).await?,
        calendar_link_active: calendar::active_link(db, p.person_id, id).await?,
    })
}

/// The week's letter to the signed-in guardian: every child with access, one page.
pub async fn digest(ctx: &RequestCtx) -> Result<Digest, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_view_family_home(&p))?;
    let db = &ctx.db;
    let monday = p.today.monday();
    let week_start = crate::clock::start_of_day(monday, &p.time_zone);
    let children = children_of(db, p.person_id).await?;
    let ids: Vec<i32> = children.iter().map(|c| c.id).collect();
    let classes = class_names_of(db, &ids).await?;
    let mut out = Vec::with_capacity(children.len());
    for c in &children {
        let current = CurrentUnits::of(db, c.id, p.school_year).await?;
        let tasks = pupils_tasks(db, c.id, &current, &Due::weeks(monday, 1)?).await?;
        let published: Vec<Option<Subject>> = pupil_plan_version::Entity::find()
            .filter(pupil_plan_version::Column::PupilId.eq(c.id))
            .filter(pupil_plan_version::Column::PublishedAt.gte(week_start))
            .all(db)
            .await
            .map_err(db_err)?
            .into_iter()
            .filter_map(|v| {
                serde_json::from_str::<domain::pupil_plan::PublishedPlan>(&v.content).ok()
            })
            .map(|plan| plan.subject)
            .collect();
        let shared_this_week = crate::pupil::work::work_of(db, c.id, true)
            .await?
            .iter()
            .filter(|w| w.created_at >= week_start)
            .count();
        out.push(DigestChild {
            name: c.full_name(),
            class_name: classes.get(&c.id).cloned().unwrap_or_default(),
            tasks: as_seen_by_pupil(db, c.id, &current, tasks).await?,
            units: units_in_week(&current, monday),
            published_this_week: published,
            shared_this_week: u32::try_from(shared_this_week).unwrap_or(u32::MAX),
        });
    }
    let me = crate::identity::me_of(db, &p).await?;
    Ok(Digest {
        guardian_name: me.name,
        school_name: me.school_name,
        monday,
        children: out,
        own_subjects: crate::subjects::own_subjects_of(db, p.school_id).await?,
    })
}
