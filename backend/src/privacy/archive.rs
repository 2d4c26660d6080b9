//! Everything Spire holds about one person, for the school's answer to an access request: who
//! they are to the school, how they sign in, their relatives, classes and hold, what a staff
//! member made, the audit trail about and by them, and a pupil's whole package.

use super::leader;
use crate::entity::{
    account, audit_event, calendar_feed, evaluation, guardianship, reading_settings, session, team,
    team_member, unit, work_feedback, year_plan,
};
use crate::facts::person_facts;
use crate::{RequestCtx, audit, clock, db_err, policy};
use domain::AppError;
use domain::audit::AuditTopic;
use domain::privacy::{Membership, PersonArchive, PersonKind, Relative, StaffWork};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use std::collections::HashMap;

/// The trail's lines an archive holds at most, each way: a year of a busy pupil's reads.
const TRAIL_LINES: u64 = 20_000;

/// The archive of one person of the leader's school (another school's person is NotFound). A
/// pupil's archive is a read of their whole record, and stands on their audit trail as one.
pub async fn archive(ctx: &RequestCtx, person_id: i64) -> Result<PersonArchive, AppError> {
    let p = leader(ctx).await?;
    let db = &ctx.db;
    let facts = person_facts(db, &p, person_id).await?;
    policy::require(policy::can_answer_data_requests(&p, facts.person.school_id))?;
    let person = facts.person;
    let id = person.id;
    let kind = PersonKind::of_roles(&facts.roles).unwrap_or(PersonKind::Guardian);
    if kind == PersonKind::Pupil {
        audit::read(ctx, &p, AuditTopic::Package, [id], None).await?;
    }
    let tz = p.time_zone.as_str();
    let day = |t: i64| {
        clock::day_at(t, tz)
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let now = ctx.now();
    let username = account::Entity::find()
        .filter(account::Column::PersonId.eq(id))
        .one(db)
        .await
        .map_err(db_err)?
        .map(|a| a.username);
    let open_sessions = session::Entity::find()
        .filter(session::Column::PersonId.eq(id))
        .filter(session::Column::ExpiresAt.gt(now))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|s| clock::local_minute(s.created_at, tz))
        .collect();
    let calendar_feeds = calendar_feed::Entity::find()
        .filter(
            Condition::any()
                .add(calendar_feed::Column::GuardianId.eq(id))
                .add(calendar_feed::Column::PupilId.eq(id)),
        )
        .filter(calendar_feed::Column::RevokedAt.is_null())
        .count(db)
        .await
        .map_err(db_err)?;
    let reading_settings = reading_settings::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_err)?
        .map(|r| r.settings);
    let (guardians, children) = relatives(db, id).await?;
    let staff_work = if kind == PersonKind::Staff {
        Some(staff_work(db, id).await?)
    } else {
        None
    };
    let trail_about = if kind == PersonKind::Pupil {
        // Flushes the buffer first, so the archive holds its own read too.
        if let Some(buffer) = &ctx.audit.buffer
            && let Err(err) = buffer.flush(db).await
        {
            tracing::error!(error = %err, "audit lines not yet written when an archive was made");
        }
        // Without addresses: those are the readers', not the pupil's (nor the family's).
        audit::entries(
            db,
            audit_event::Column::PupilId.eq(id),
            TRAIL_LINES,
            tz,
            false,
        )
        .await?
        .0
    } else {
        Vec::new()
    };
    let trail_by = audit::entries(
        db,
        audit_event::Column::ActorId.eq(id),
        TRAIL_LINES,
        tz,
        true,
    )
    .await?
    .0;
    let package = if kind == PersonKind::Pupil {
        Some(crate::pupil_plan::package::package_of(db, &person, now).await?)
    } else {
        None
    };
    let school = crate::facts::school_name(db, person.school_id).await?;
    Ok(PersonArchive {
        school,
        made_at: clock::local_minute(now, tz),
        time_zone: p.time_zone.clone(),
        name: person.full_name(),
        kind,
        roles: facts.roles,
        username,
        uni_id: person.external_id.clone(),
        created_on: day(person.created_at),
        left_on: person.left_at.map(day),
        open_sessions,
        calendar_feeds: u32::try_from(calendar_feeds).unwrap_or(u32::MAX),
        reading_settings,
        guardians,
        children,
        memberships: memberships(db, id, &day).await?,
        staff_work,
        trail_about,
        trail_by,
        package,
    })
}

/// A pupil's guardians and a guardian's children, by name, with whether the guardian has access.
async fn relatives(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<(Vec<Relative>, Vec<Relative>), AppError> {
    let links = guardianship::Entity::find()
        .filter(
            Condition::any()
                .add(guardianship::Column::GuardianId.eq(id))
                .add(guardianship::Column::PupilId.eq(id)),
        )
        .all(db)
        .await
        .map_err(db_err)?;
    let others: Vec<i32> = links
        .iter()
        .map(|g| {
            if g.pupil_id == id {
                g.guardian_id
            } else {
                g.pupil_id
            }
        })
        .collect();
    let names = crate::facts::names_of(db, others).await?;
    let named = |other: i32, access: bool| Relative {
        name: names.get(&other).cloned().unwrap_or_default(),
        access,
    };
    let mut guardians = Vec::new();
    let mut children = Vec::new();
    for g in &links {
        if g.pupil_id == id {
            guardians.push(named(g.guardian_id, g.has_access));
        } else {
            children.push(named(g.pupil_id, g.has_access));
        }
    }
    guardians.sort_by(|a, b| a.name.cmp(&b.name));
    children.sort_by(|a, b| a.name.cmp(&b.name));
    Ok((guardians, children))
}

/// Every class hold and subject hold the person was in, oldest year first.
async fn memberships(
    db: &impl ConnectionTrait,
    id: i32,
    day: &impl Fn(i64) -> String,
) -> Result<Vec<Membership>, AppError> {
    let rows = team_member::Entity::find()
        .filter(team_member::Column::PersonId.eq(id))
        .all(db)
        .await
        .map_err(db_err)?;
    let teams: HashMap<i32, team::Model> = team::Entity::find()
        .filter(team::Column::Id.is_in(rows.iter().map(|r| r.team_id).collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let mut out: Vec<Membership> = rows
        .iter()
        .filter_map(|r| {
            let team = teams.get(&r.team_id)?;
            Some(Membership {
                name: team.name.clone(),
                school_year: team.school_year,
                from: r.joined_at.map(day).unwrap_or_default(),
                to: r.left_at.map(day),
            })
        })
        .collect();
    out.sort_by(|a, b| (a.school_year, &a.name).cmp(&(b.school_year, &b.name)));
    Ok(out)
}

/// How much a staff member planned, evaluated and answered.
async fn staff_work(db: &impl ConnectionTrait, id: i32) -> Result<StaffWork, AppError> {
    let n = |count: u64| u32::try_from(count).unwrap_or(u32::MAX);
    Ok(StaffWork {
        year_plans: n(year_plan::Entity::find()
            .filter(year_plan::Column::CreatedBy.eq(id))
            .count(db)
            .await
            .map_err(db_err)?),
        units: n(unit::Entity::find()
            .filter(unit::Column::CreatedBy.eq(id))
            .count(db)
            .await
            .map_err(db_err)?),
        evaluations: n(evaluation::Entity::find()
            .filter(evaluation::Column::AuthorId.eq(id))
            .filter(evaluation::Column::ByPupil.eq(false))
            .count(db)
            .await
            .map_err(db_err)?),
        feedback: n(work_feedback::Entity::find()
            .filter(work_feedback::Column::AuthorId.eq(id))
            .count(db)
            .await
            .map_err(db_err)?),
    })
}
