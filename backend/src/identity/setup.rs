//! A school from nothing: the operator's `spire init` makes the school and its first leader in an
//! empty database, without demo data or SQL. It is an operator command, not a server function,
//! and it works only while the database holds no school, so it can never make a second school or
//! a leader of an existing one.

use super::hash_password;
use super::roster::new_person;
use crate::entity::{account, school};
use crate::{clock, db_err};
use domain::calendar::DEFAULT_TIME_ZONE;
use domain::identity::{Password, Role, Username};
use domain::school::PersonName;
use domain::{AppError, ErrorCode, Field};
use rand::Rng;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set};

/// What `spire init` is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FirstSchool {
    pub school_name: String,
    pub leader_given_name: String,
    pub leader_family_name: String,
    pub leader_username: String,
}

/// What it made: the leader signs in with the username and this password, shown once (its
/// `Debug` does not show it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Started {
    pub school_id: i64,
    pub leader_id: i64,
    pub password: Password,
}

/// Letters and digits nobody confuses when reading them off a screen (no 0/O, 1/l/I).
const PASSWORD_ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const PASSWORD_LEN: usize = 16;

/// A first password of 16 characters (about 93 bits), for the leader to sign in with once.
fn first_password() -> Result<Password, AppError> {
    let mut rng = rand::rng();
    let text: String = (0..PASSWORD_LEN)
        .map(|_| char::from(PASSWORD_ALPHABET[rng.random_range(0..PASSWORD_ALPHABET.len())]))
        .collect();
    Password::parse(&text)
}

/// Makes the school and its first leader, in one transaction, if the database has no school yet;
/// `Conflict` if it has one.
pub async fn init_school(
    db: &DatabaseConnection,
    input: &FirstSchool,
) -> Result<Started, AppError> {
    let name = PersonName::parse(&input.school_name, Field::SchoolName)?;
    let given = PersonName::parse(&input.leader_given_name, Field::GivenName)?;
    let family = PersonName::parse(&input.leader_family_name, Field::FamilyName)?;
    let username = Username::parse(&input.leader_username)?;
    let password = first_password()?;
    let now = clock::now();
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    if school::Entity::find().count(&txn).await.map_err(db_err)? > 0 {
        return Err(AppError::new(ErrorCode::Conflict));
    }
    let made = school::ActiveModel {
        name: Set(name.as_str().to_owned()),
        time_zone: Set(DEFAULT_TIME_ZONE.to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    let leader = new_person(
        &txn,
        made.id,
        given.as_str(),
        family.as_str(),
        None,
        Role::Leader,
        now,
    )
    .await?;
    account::ActiveModel {
        person_id: Set(leader),
        username: Set(username.as_str().to_owned()),
        password_hash: Set(hash_password(&password)?),
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    txn.commit().await.map_err(db_err)?;
    Ok(Started {
        school_id: i64::from(made.id),
        leader_id: i64::from(leader),
        password,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_password_is_sixteen_unambiguous_characters_and_never_the_same_twice() {
        let a = first_password().unwrap();
        let b = first_password().unwrap();
        assert_eq!(a.expose().len(), PASSWORD_LEN);
        assert!(a.expose().bytes().all(|c| PASSWORD_ALPHABET.contains(&c)));
        assert_ne!(a.expose(), b.expose());
    }
}
