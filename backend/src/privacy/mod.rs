//! A school's answers about one person's data (`docs/privacy.md`): the archive of everything
//! Spire holds about someone (`archive`), and anonymising the people who left longer ago than
//! the retention period, as a batch the leader reviews and confirms (`erase`).
//!
//! Who has left: a pupil marked as left, a deactivated staff member, a guardian none of whose
//! children is still at the school (since the last of them left). Anonymising keeps the person
//! row, nameless, so what it anchors still adds up: evaluations as steps without their comments
//! (the hold's and the school's figures over the years), the hold's history, the plans and
//! answers staff made (the school's and the pupils' records). Everything else about the person
//! goes: names, UNI-ID, sign-in, sessions, cards, settings, calendar links, guardianships, and a
//! pupil's work, files, recordings, plans and brought records. The audit trail's lines stay
//! until the trail's own retention period removes them: they are the record of who looked.

mod archive;
mod erase;

pub use archive::archive;
pub use erase::erase;

use crate::entity::{erasure_batch, guardianship, person, person_role};
use crate::identity::current_principal;
use crate::{Principal, RequestCtx, clock, db_err, policy};
use domain::AppError;
use domain::privacy::{DuePerson, ErasureBatch, PersonChoice, PersonKind, PrivacyOverview};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The name an anonymised person is shown by wherever their records still appear.
pub const ANONYMISED_GIVEN: &str = "Anonymiseret";
pub const ANONYMISED_FAMILY: &str = "person";

async fn leader(ctx: &RequestCtx) -> Result<Principal, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_answer_data_requests(&p, p.school_id))?;
    Ok(p)
}

/// A person of the school, not anonymised, with what they are and since when they have been
/// gone (if they have).
struct Standing {
    person: person::Model,
    kind: PersonKind,
    gone_since: Option<i64>,
}

/// Everyone of the school not yet anonymised, by name, in four statements however many they are.
async fn standings(db: &impl ConnectionTrait, school_id: i32) -> Result<Vec<Standing>, AppError> {
    let people = person::Entity::find()
        .filter(person::Column::SchoolId.eq(school_id))
        .filter(person::Column::AnonymisedAt.is_null())
        .order_by_asc(person::Column::GivenName)
        .order_by_asc(person::Column::FamilyName)
        .order_by_asc(person::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let of_school = || {
        Query::select()
            .column(person::Column::Id)
            .from(person::Entity)
            .and_where(person::Column::SchoolId.eq(school_id))
            .to_owned()
    };
    let mut roles: HashMap<i32, Vec<domain::identity::Role>> = HashMap::new();
    for r in person_role::Entity::find()
        .filter(person_role::Column::PersonId.in_subquery(of_school()))
        .all(db)
        .await
        .map_err(db_err)?
    {
        roles.entry(r.person_id).or_default().push(r.role);
    }
    let mut children: HashMap<i32, Vec<i32>> = HashMap::new();
    for g in guardianship::Entity::find()
        .filter(guardianship::Column::GuardianId.in_subquery(of_school()))
        .all(db)
        .await
        .map_err(db_err)?
    {
        children.entry(g.guardian_id).or_default().push(g.pupil_id);
    }
    // When each child left (`None`: still here). Anonymising a child ends their guardianships,
    // so a guardian whose only child was anonymised has no children left here and counts from
    // their own creation: by then the child has been gone longer than the retention period.
    let left_at: HashMap<i32, Option<i64>> = person::Entity::find()
        .filter(person::Column::SchoolId.eq(school_id))
        .filter(
            person::Column::Id.in_subquery(
                Query::select()
                    .column(guardianship::Column::PupilId)
                    .from(guardianship::Entity)
                    .to_owned(),
            ),
        )
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|c| (c.id, c.left_at))
        .collect();
    Ok(people
        .into_iter()
        .filter_map(|person| {
            let their_roles = roles.get(&person.id).map_or(&[][..], Vec::as_slice);
            let kind = PersonKind::of_roles(their_roles)?;
            // Gone when the last child has gone; a child still here keeps them.
            let as_guardian = || match children.get(&person.id) {
                Some(kids) => kids
                    .iter()
                    .map(|k| left_at.get(k).copied().flatten())
                    .collect::<Option<Vec<i64>>>()
                    .and_then(|times| times.into_iter().max()),
                None => Some(person.created_at),
            };
            let gone_since = match kind {
                PersonKind::Pupil => person.left_at,
                // A colleague who is also a parent has gone when both have: the later day.
                PersonKind::Staff if their_roles.contains(&domain::identity::Role::Parent) => {
                    person.left_at.zip(as_guardian()).map(|(a, b)| a.max(b))
                }
                PersonKind::Staff => person.left_at,
                PersonKind::Guardian => as_guardian(),
            };
            Some(Standing {
                person,
                kind,
                gone_since,
            })
        })
        .collect())
}

/// Those gone longer than `erase_after_days` before `now`.
fn due(standings: Vec<Standing>, now: i64, erase_after_days: u32) -> Vec<Standing> {
    let cutoff = now - i64::from(erase_after_days) * 86_400;
    standings
        .into_iter()
        .filter(|s| s.gone_since.is_some_and(|t| t <= cutoff))
        .collect()
}

/// The leader's page: everyone whose archive can be fetched, who is due to be anonymised, and
/// the batches confirmed before.
pub async fn overview(ctx: &RequestCtx) -> Result<PrivacyOverview, AppError> {
    let p = leader(ctx).await?;
    let db = &ctx.db;
    let school = crate::facts::school_name(db, p.school_id).await?;
    let standings = standings(db, p.school_id).await?;
    let people = standings
        .iter()
        .map(|s| PersonChoice {
            id: i64::from(s.person.id),
            name: s.person.full_name(),
            kind: s.kind,
            left: s.gone_since.is_some(),
        })
        .collect();
    let due = due(standings, ctx.now(), ctx.erase_after_days)
        .into_iter()
        .map(|s| DuePerson {
            id: i64::from(s.person.id),
            name: s.person.full_name(),
            kind: s.kind,
            left_on: s
                .gone_since
                .and_then(|t| clock::day_at(t, &p.time_zone).ok())
                .map(|d| d.to_string())
                .unwrap_or_default(),
        })
        .collect();
    let rows = erasure_batch::Entity::find()
        .filter(erasure_batch::Column::SchoolId.eq(p.school_id))
        .order_by_desc(erasure_batch::Column::At)
        .order_by_desc(erasure_batch::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let names = crate::facts::names_of(db, rows.iter().map(|b| b.confirmed_by)).await?;
    let count = |n: i32| u32::try_from(n).unwrap_or(0);
    Ok(PrivacyOverview {
        school,
        erase_after_days: ctx.erase_after_days,
        people,
        due,
        batches: rows
            .into_iter()
            .map(|b| ErasureBatch {
                when: clock::local_minute(b.at, &p.time_zone),
                confirmed_by: names.get(&b.confirmed_by).cloned().unwrap_or_default(),
                pupils: count(b.pupils),
                staff: count(b.staff),
                guardians: count(b.guardians),
            })
            .collect(),
    })
}
