//! The pupil's own screens: home, "I dag" and "Mit arbejde".

pub mod today;
pub mod work;

use crate::db::read::{self, Reads};
use crate::entity::team_member::MemberRole;
use crate::entity::{person, pupil, school_class, team, team_member};
use crate::{Principal, db_err, policy};
use domain::AppError;
use domain::home::PupilHome;
use domain::school::{Avatar, AvatarColor, AvatarShape, Subject};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeSet, HashMap};

pub async fn pupil_home(db: &impl Reads, p: &Principal) -> Result<PupilHome, AppError> {
    policy::require(policy::can_view_pupil_home(p))?;
    let me = person::Entity::find_by_id(p.person_id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::internal)?;
    let class_names = class_names_of(db, &[p.person_id]).await?;
    let mut subjects = subjects_of(db, &[p.person_id], p.school_year).await?;
    Ok(PupilHome {
        avatar: avatar_of(&me),
        first_name: me.given_name,
        class_name: class_names.get(&p.person_id).cloned().unwrap_or_default(),
        subjects: subjects.remove(&p.person_id).unwrap_or_default(),
    })
}

/// A person's picture; someone without one gets a neutral default rather than an error.
pub(crate) fn avatar_of(person: &person::Model) -> Avatar {
    person
        .avatar
        .as_deref()
        .and_then(|key| Avatar::parse(key).ok())
        .unwrap_or(Avatar {
            shape: AvatarShape::Sun,
            color: AvatarColor::Blue,
        })
}

/// The class name of each pupil, in two queries however many pupils.
pub(crate) async fn class_names_of(
    db: &impl Reads,
    pupil_ids: &[i32],
) -> Result<HashMap<i32, String>, AppError> {
    let placements = read::all(
        db,
        pupil::Entity::find().filter(pupil::Column::PersonId.is_in(pupil_ids.to_vec())),
    )
    .await
    .map_err(db_err)?;
    let class_ids: Vec<i32> = placements.iter().map(|p| p.class_id).collect();
    let classes: HashMap<i32, String> = read::all(
        db,
        school_class::Entity::find().filter(school_class::Column::Id.is_in(class_ids)),
    )
    .await
    .map_err(db_err)?
    .into_iter()
    .map(|c| (c.id, c.name))
    .collect();
    Ok(placements
        .into_iter()
        .filter_map(|p| {
            classes
                .get(&p.class_id)
                .map(|name| (p.person_id, name.clone()))
        })
        .collect())
}

/// The subjects of the active hold of this school year each pupil belongs to, in two queries however many pupils.
pub(crate) async fn subjects_of(
    db: &impl Reads,
    pupil_ids: &[i32],
    school_year: i32,
) -> Result<HashMap<i32, Vec<Subject>>, AppError> {
    let memberships = read::all(
        db,
        team_member::Entity::find()
            .filter(team_member::Column::PersonId.is_in(pupil_ids.to_vec()))
            .filter(team_member::Column::Role.eq(MemberRole::Pupil))
            .filter(team_member::Column::LeftAt.is_null()),
    )
    .await
    .map_err(db_err)?;
    let team_ids: Vec<i32> = memberships.iter().map(|m| m.team_id).collect();
    let subject_of_team: HashMap<i32, Subject> = read::all(
        db,
        team::Entity::find()
            .filter(team::Column::Id.is_in(team_ids))
            .filter(team::Column::ArchivedAt.is_null())
            .filter(team::Column::SchoolYear.eq(school_year)),
    )
    .await
    .map_err(db_err)?
    .into_iter()
    .filter_map(|t| Subject::parse(&t.subject).ok().map(|s| (t.id, s)))
    .collect();
    let mut by_pupil: HashMap<i32, BTreeSet<Subject>> = HashMap::new();
    for m in memberships {
        if let Some(subject) = subject_of_team.get(&m.team_id) {
            by_pupil.entry(m.person_id).or_default().insert(*subject);
        }
    }
    Ok(by_pupil
        .into_iter()
        .map(|(id, set)| (id, set.into_iter().collect()))
        .collect())
}
