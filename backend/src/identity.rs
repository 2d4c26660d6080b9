//! Identity: who is signed in, password sign-in and sessions.

use crate::entity::{account, person, person_role, school, session, setting};
use crate::{RequestCtx, SessionChange, clock, db_err};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use domain::identity::{DemoLogin, Me, Password, Role, Username};
use domain::{AppError, ErrorCode};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Set,
};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// How long an adult's session lasts without signing in again: one working day.
pub const SESSION_SECS: i64 = 12 * 60 * 60;

/// The signed-in person as the policy sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    pub person_id: i32,
    pub school_id: i32,
    pub role: Role,
    pub name: String,
}

/// Hashes a password with Argon2id and a fresh salt.
pub fn hash_password(password: &Password) -> Result<String, AppError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|_| AppError::internal())?;
    Argon2::default()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| AppError::internal())
}

fn verify_password(password: &Password, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|hash| {
            Argon2::default()
                .verify_password(password.expose().as_bytes(), &hash)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Verifies on the blocking pool: Argon2 takes tens of milliseconds of CPU by design, which must
/// not stall the async workers serving everyone else.
async fn verify_password_off_thread(password: Password, stored: String) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || verify_password(&password, &stored))
        .await
        .map_err(|_| AppError::internal())
}

/// The hash of a random password nobody knows: verifying against it when the username is unknown
/// makes a miss cost as much as a hit, so response time does not reveal which usernames exist.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        let mut raw = [0u8; 24];
        rand::rng().fill_bytes(&mut raw);
        Password::parse(&hex::encode(raw))
            .and_then(|p| hash_password(&p))
            .unwrap_or_default()
    })
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The role a person acts in when they sign in. A person with several roles starts in the one
/// with the widest work (a leader who also teaches starts as leader).
fn primary_role(roles: &[Role]) -> Option<Role> {
    [Role::Leader, Role::Teacher, Role::Parent, Role::Pupil]
        .into_iter()
        .find(|r| roles.contains(r))
}

async fn roles_of(db: &impl ConnectionTrait, person_id: i32) -> Result<Vec<Role>, AppError> {
    let rows = person_role::Entity::find()
        .filter(person_role::Column::PersonId.eq(person_id))
        .all(db)
        .await
        .map_err(db_err)?;
    Ok(rows
        .iter()
        .filter_map(|r| Role::parse(&r.role).ok())
        .collect())
}

/// Signs in with username and password. On success a session is stored and the request is told
/// to hand its token to the browser; on failure nothing is written.
pub async fn sign_in(ctx: &RequestCtx, username: &str, password: &str) -> Result<Me, AppError> {
    let username = Username::parse(username)?;
    let password = Password::parse(password)?;
    let db = &ctx.db;

    let account = account::Entity::find()
        .filter(account::Column::Username.eq(username.as_str()))
        .one(db)
        .await
        .map_err(db_err)?;
    let Some(account) = account else {
        verify_password_off_thread(password, decoy_hash().to_owned()).await?;
        return Err(AppError::new(ErrorCode::WrongCredentials));
    };
    if !verify_password_off_thread(password, account.password_hash.clone()).await? {
        return Err(AppError::new(ErrorCode::WrongCredentials));
    }
    if !ctx.demo_enabled && is_demo_person(db, account.person_id).await? {
        // The demo school's password is published; outside demo mode its accounts are closed.
        return Err(AppError::new(ErrorCode::WrongCredentials));
    }
    let role = primary_role(&roles_of(db, account.person_id).await?)
        .ok_or_else(|| AppError::new(ErrorCode::WrongCredentials))?;

    let mut raw = [0u8; 32];
    rand::rng().fill_bytes(&mut raw);
    let token = hex::encode(raw);
    let now = clock::now();
    // A new sign-in replaces the browser's previous session, and clears this person's expired ones.
    let mut stale = Condition::any().add(
        Condition::all()
            .add(session::Column::PersonId.eq(account.person_id))
            .add(session::Column::ExpiresAt.lte(now)),
    );
    if let Some(previous) = &ctx.session_token {
        stale = stale.add(session::Column::TokenHash.eq(token_hash(previous)));
    }
    session::Entity::delete_many()
        .filter(stale)
        .exec(db)
        .await
        .map_err(db_err)?;
    session::ActiveModel {
        token_hash: Set(token_hash(&token)),
        person_id: Set(account.person_id),
        role: Set(role.as_str().to_owned()),
        created_at: Set(now),
        expires_at: Set(now + SESSION_SECS),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    ctx.record_session_change(SessionChange::Started {
        token: token.clone(),
        max_age_secs: SESSION_SECS,
    });
    let principal = principal_for_token(db, &token, now).await?;
    me_of(db, &principal).await
}

/// Ends the current session, if there is one. Signing out twice is not an error.
pub async fn sign_out(ctx: &RequestCtx) -> Result<(), AppError> {
    // Clear the browser's cookie even if the delete below fails: on a shared iPad the next child
    // must never inherit this session.
    ctx.record_session_change(SessionChange::Ended);
    if let Some(token) = &ctx.session_token {
        session::Entity::delete_many()
            .filter(session::Column::TokenHash.eq(token_hash(token)))
            .exec(&ctx.db)
            .await
            .map_err(db_err)?;
    }
    Ok(())
}

/// The principal behind the request's session, or `NotSignedIn`.
pub async fn current_principal(ctx: &RequestCtx) -> Result<Principal, AppError> {
    let token = ctx
        .session_token
        .as_deref()
        .ok_or_else(AppError::not_signed_in)?;
    principal_for_token(&ctx.db, token, clock::now()).await
}

async fn principal_for_token(
    db: &impl ConnectionTrait,
    token: &str,
    now: i64,
) -> Result<Principal, AppError> {
    let session = session::Entity::find()
        .filter(session::Column::TokenHash.eq(token_hash(token)))
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|s| s.expires_at > now)
        .ok_or_else(AppError::not_signed_in)?;
    let role = Role::parse(&session.role).map_err(|_| AppError::not_signed_in())?;
    let person = person::Entity::find_by_id(session.person_id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::not_signed_in)?;
    Ok(Principal {
        person_id: person.id,
        school_id: person.school_id,
        role,
        name: format!("{} {}", person.given_name, person.family_name),
    })
}

async fn me_of(db: &impl ConnectionTrait, principal: &Principal) -> Result<Me, AppError> {
    let school = school::Entity::find_by_id(principal.school_id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::internal)?;
    Ok(Me {
        name: principal.name.clone(),
        role: principal.role,
        school_name: school.name,
    })
}

/// Who is signed in, for the client's shell.
pub async fn me(ctx: &RequestCtx) -> Result<Me, AppError> {
    let principal = current_principal(ctx).await?;
    me_of(&ctx.db, &principal).await
}

pub(crate) const DEMO_LOGINS_KEY: &str = "demo_logins";
pub(crate) const DEMO_SCHOOL_KEY: &str = "demo_school_id";

async fn is_demo_person(db: &impl ConnectionTrait, person_id: i32) -> Result<bool, AppError> {
    let Some(demo_school) = setting::Entity::find_by_id(DEMO_SCHOOL_KEY.to_owned())
        .one(db)
        .await
        .map_err(db_err)?
    else {
        return Ok(false);
    };
    let person = person::Entity::find_by_id(person_id)
        .one(db)
        .await
        .map_err(db_err)?;
    Ok(person.is_some_and(|p| p.school_id.to_string() == demo_school.value))
}

/// The demo accounts to show on the sign-in page: only while the server runs in demo mode and
/// the database holds the demo school. Anyone may ask; the answer is public by design.
pub async fn demo_logins(ctx: &RequestCtx) -> Result<Vec<DemoLogin>, AppError> {
    if !ctx.demo_enabled {
        return Ok(Vec::new());
    }
    let stored = setting::Entity::find_by_id(DEMO_LOGINS_KEY.to_owned())
        .one(&ctx.db)
        .await
        .map_err(db_err)?;
    Ok(stored
        .and_then(|s| serde_json::from_str(&s.value).ok())
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_own_hash_only() {
        let hash = hash_password(&Password::parse("rigtig kode").unwrap()).unwrap();
        assert!(verify_password(
            &Password::parse("rigtig kode").unwrap(),
            &hash
        ));
        assert!(!verify_password(
            &Password::parse("forkert kode").unwrap(),
            &hash
        ));
    }

    #[test]
    fn the_decoy_hash_is_a_real_argon2_hash_that_a_guess_does_not_match() {
        assert!(PasswordHash::new(decoy_hash()).is_ok());
        assert!(!verify_password(
            &Password::parse("spire-demo").unwrap(),
            decoy_hash()
        ));
    }

    #[test]
    fn a_person_with_several_roles_starts_in_the_widest_one() {
        assert_eq!(
            primary_role(&[Role::Parent, Role::Teacher]),
            Some(Role::Teacher)
        );
        assert_eq!(primary_role(&[Role::Pupil]), Some(Role::Pupil));
        assert_eq!(primary_role(&[]), None);
    }

    #[test]
    fn tokens_are_stored_only_as_their_hash() {
        let h = token_hash("abc");
        assert_eq!(h.len(), 64);
        assert_ne!(h, "abc");
    }
}
