//! The family's view: a guardian's children.

use crate::entity::{guardianship, person};
use crate::pupil::{avatar_of, class_names_of, subjects_of};
use crate::{Principal, db_err, policy};
use domain::AppError;
use domain::home::{ChildSummary, ParentHome};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

pub async fn family_home(db: &impl ConnectionTrait, p: &Principal) -> Result<ParentHome, AppError> {
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
                name: format!("{} {}", c.given_name, c.family_name),
            })
            .collect(),
    })
}
