//! Taking access away, and giving it back. A staff member who leaves is deactivated: their
//! sessions end at once, and their plans and evaluations stay with their name. A role can be
//! removed. A guardian's access to a child is removed or restored; removing it ends their
//! sessions and the child's calendar links. A forgotten password is reset with a one-time code the
//! administration hands over (never a password shown or stored in clear), and everyone changes
//! their own password.

use super::roster::admin;
use super::{current_principal, hash_password, password, rate_limit, token_hash};
use crate::entity::{
    account, calendar_feed, guardianship, password_reset, person, person_role, session,
};
use crate::facts::{PersonFacts, person_facts};
use crate::{Principal, RequestCtx, db_err, policy};
use domain::identity::{Password, Role, Username};
use domain::{AppError, ErrorCode, Field};
use rand::Rng;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Set,
};

/// How long a reset code works: long enough to reach a parent by letter or a colleague after a
/// weekend, short enough that a lost note is soon worthless.
pub const RESET_CODE_SECS: i64 = 72 * 60 * 60;
/// Letters and digits nobody confuses when reading them off paper (no 0/O, 1/l/I).
const CODE_ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
/// 14 characters of 32: 70 bits, and only ever tried within the sign-in rate limits.
const CODE_LEN: usize = 14;

/// The smallest password anyone sets: long enough to resist guessing; passphrases are welcome.
pub const MIN_PASSWORD_CHARS: usize = 10;

async fn staff_target(
    ctx: &RequestCtx,
    person_id: i64,
) -> Result<(Principal, PersonFacts), AppError> {
    let p = admin(ctx).await?;
    let target = person_facts(&ctx.db, &p, person_id).await?;
    policy::require(policy::can_manage_staff_access(&p, &target.view()))?;
    Ok((p, target))
}

async fn end_sessions(
    db: &impl ConnectionTrait,
    person_id: i32,
    only_role: Option<Role>,
    keep_token: Option<&str>,
) -> Result<(), AppError> {
    let mut which = Condition::all().add(session::Column::PersonId.eq(person_id));
    if let Some(role) = only_role {
        which = which.add(session::Column::Role.eq(role));
    }
    if let Some(token) = keep_token {
        which = which.add(session::Column::TokenHash.ne(token_hash(token)));
    }
    session::Entity::delete_many()
        .filter(which)
        .exec(db)
        .await
        .map_err(db_err)?;
    Ok(())
}

/// Deactivates a staff member who leaves: they can no longer sign in, and every session of theirs
/// ends now. What they made stays.
pub async fn deactivate_staff(ctx: &RequestCtx, person_id: i64) -> Result<(), AppError> {
    let (_, target) = staff_target(ctx, person_id).await?;
    if target.person.left_at.is_some() {
        return Ok(());
    }
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    person::Entity::update_many()
        .col_expr(person::Column::LeftAt, Expr::value(ctx.now()))
        .filter(person::Column::Id.eq(target.person.id))
        .exec(&txn)
        .await
        .map_err(db_err)?;
    end_sessions(&txn, target.person.id, None, None).await?;
    txn.commit().await.map_err(db_err)
}

/// Lets a deactivated staff member sign in again (a colleague back from leave).
pub async fn reactivate_staff(ctx: &RequestCtx, person_id: i64) -> Result<(), AppError> {
    let (_, target) = staff_target(ctx, person_id).await?;
    // An anonymised colleague has no name, no sign-in and no way back (`privacy`).
    if target.person.anonymised_at.is_some() {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    person::Entity::update_many()
        .col_expr(person::Column::LeftAt, Expr::value(None::<i64>))
        .filter(person::Column::Id.eq(target.person.id))
        .exec(&ctx.db)
        .await
        .map_err(db_err)?;
    Ok(())
}

/// Takes one staff role from a person; sessions acting in it end at once (the principal is read
/// with the person's roles on every call). The last role is not removed: that is deactivation.
pub async fn remove_role(ctx: &RequestCtx, person_id: i64, role: Role) -> Result<(), AppError> {
    let (p, target) = staff_target(ctx, person_id).await?;
    policy::require(policy::can_give_staff_role(&p, role))?;
    if !target.roles.contains(&role) || target.roles.len() < 2 {
        return Err(AppError::invalid(Field::Role));
    }
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    person_role::Entity::delete_many()
        .filter(person_role::Column::PersonId.eq(target.person.id))
        .filter(person_role::Column::Role.eq(role))
        .exec(&txn)
        .await
        .map_err(db_err)?;
    end_sessions(&txn, target.person.id, Some(role), None).await?;
    txn.commit().await.map_err(db_err)
}

/// Removes or restores a guardian's access to one child. Removing it ends the guardian's sessions
/// (they sign in again to whatever access they still have) and revokes their calendar links for
/// that child, which stop answering at once.
pub async fn set_guardian_access(
    ctx: &RequestCtx,
    guardian_id: i64,
    pupil_id: i64,
    has_access: bool,
) -> Result<(), AppError> {
    // `admin` is the rule; `person_facts` finds only people of the caller's school.
    let p = admin(ctx).await?;
    let guardian = person_facts(&ctx.db, &p, guardian_id).await?;
    let pupil = person_facts(&ctx.db, &p, pupil_id).await?;
    let link = guardianship::Entity::find()
        .filter(guardianship::Column::GuardianId.eq(guardian.person.id))
        .filter(guardianship::Column::PupilId.eq(pupil.person.id))
        .one(&ctx.db)
        .await
        .map_err(db_err)?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    guardianship::Entity::update_many()
        .col_expr(guardianship::Column::HasAccess, Expr::value(has_access))
        .filter(guardianship::Column::Id.eq(link.id))
        .exec(&txn)
        .await
        .map_err(db_err)?;
    if !has_access {
        calendar_feed::Entity::update_many()
            .col_expr(calendar_feed::Column::RevokedAt, Expr::value(ctx.now()))
            .filter(calendar_feed::Column::GuardianId.eq(guardian.person.id))
            .filter(calendar_feed::Column::PupilId.eq(pupil.person.id))
            .filter(calendar_feed::Column::RevokedAt.is_null())
            .exec(&txn)
            .await
            .map_err(db_err)?;
        end_sessions(&txn, guardian.person.id, Some(Role::Parent), None).await?;
    }
    txn.commit().await.map_err(db_err)
}

/// A new one-time code, grouped for reading aloud: `abcd-efgh-ijkl-mn`.
fn new_code() -> String {
    let mut rng = rand::rng();
    let raw: Vec<char> = (0..CODE_LEN)
        .map(|_| char::from(CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())]))
        .collect();
    raw.chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// What the person types back: case, spaces and dashes do not matter.
fn normalized_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Issues a one-time code for a person who forgot their password, to hand over in person or on
/// paper; an earlier code of theirs stops working. The code is shown now and never again.
pub async fn issue_password_reset(ctx: &RequestCtx, person_id: i64) -> Result<String, AppError> {
    let p = admin(ctx).await?;
    let target = person_facts(&ctx.db, &p, person_id).await?;
    let view = target.view();
    policy::require(
        policy::can_manage_staff_access(&p, &view) || policy::can_manage_family_access(&p, &view),
    )?;
    let has_account = account::Entity::find_by_id(target.person.id)
        .one(&ctx.db)
        .await
        .map_err(db_err)?
        .is_some();
    if !has_account {
        return Err(AppError::invalid(Field::Username));
    }
    let code = new_code();
    let now = ctx.now();
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, Expr::value(now))
        .filter(password_reset::Column::PersonId.eq(target.person.id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(&txn)
        .await
        .map_err(db_err)?;
    password_reset::ActiveModel {
        person_id: Set(target.person.id),
        code_hash: Set(token_hash(&normalized_code(&code))),
        issued_by: Set(p.person_id),
        created_at: Set(now),
        expires_at: Set(now + RESET_CODE_SECS),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    txn.commit().await.map_err(db_err)?;
    Ok(code)
}

fn new_password(text: &str) -> Result<Password, AppError> {
    if text.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AppError::invalid(Field::NewPassword));
    }
    Password::parse(text).map_err(|_| AppError::invalid(Field::NewPassword))
}

async fn set_password(
    db: &impl ConnectionTrait,
    person_id: i32,
    password: &Password,
) -> Result<(), AppError> {
    account::Entity::update_many()
        .col_expr(
            account::Column::PasswordHash,
            Expr::value(hash_password(password)?),
        )
        .filter(account::Column::PersonId.eq(person_id))
        .exec(db)
        .await
        .map_err(db_err)?;
    Ok(())
}

/// Sets a new password with a reset code, signed out. Wrong codes count against the sign-in
/// limits of the account and the address; the code works once, and every session of the person
/// ends (whoever knew the old password is out). The person then signs in as usual.
pub async fn reset_password(
    ctx: &RequestCtx,
    username: &str,
    code: &str,
    new: &str,
) -> Result<(), AppError> {
    let username = Username::parse(username)?;
    let password = new_password(new)?;
    let db = &ctx.db;
    let now = ctx.now();
    let keys = rate_limit::Keys::new(username.as_str(), ctx.client_addr.as_deref());
    let attempt = rate_limit::attempt(db, &keys, now).await?;
    let wrong = || AppError::new(ErrorCode::WrongCredentials);
    let account = account::Entity::find()
        .filter(account::Column::Username.eq(username.as_str()))
        .one(db)
        .await
        .map_err(db_err)?;
    let reset = match &account {
        Some(a) => password_reset::Entity::find()
            .filter(password_reset::Column::PersonId.eq(a.person_id))
            .filter(password_reset::Column::CodeHash.eq(token_hash(&normalized_code(code))))
            .filter(password_reset::Column::UsedAt.is_null())
            .filter(password_reset::Column::ExpiresAt.gt(now))
            .one(db)
            .await
            .map_err(db_err)?,
        None => None,
    };
    let (Some(account), Some(reset)) = (account, reset) else {
        return Err(wrong());
    };
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    // Used once: a second use of the same code (a race included) finds nothing to update.
    let used = password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, Expr::value(now))
        .filter(password_reset::Column::Id.eq(reset.id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(&txn)
        .await
        .map_err(db_err)?;
    if used.rows_affected == 0 {
        return Err(wrong());
    }
    set_password(&txn, account.person_id, &password).await?;
    end_sessions(&txn, account.person_id, None, None).await?;
    txn.commit().await.map_err(db_err)?;
    attempt.succeeded(db).await
}

/// Changes the signed-in person's own password, given the current one; their other sessions end
/// (a device left signed in elsewhere), this one stays.
pub async fn change_password(ctx: &RequestCtx, current: &str, new: &str) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let current = Password::parse(current).map_err(|_| AppError::invalid(Field::Password))?;
    let password = new_password(new)?;
    let account = account::Entity::find_by_id(p.person_id)
        .one(&ctx.db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::forbidden)?;
    // A session left open must not become a way to guess the password behind it.
    let now = ctx.now();
    let keys = rate_limit::Keys::new(&account.username, ctx.client_addr.as_deref());
    let attempt = rate_limit::attempt(&ctx.db, &keys, now).await?;
    if !password::verify_off_thread(current, Some(account.password_hash)).await? {
        return Err(AppError::new(ErrorCode::WrongCredentials));
    }
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    set_password(&txn, p.person_id, &password).await?;
    end_sessions(&txn, p.person_id, None, ctx.session_token.as_deref()).await?;
    txn.commit().await.map_err(db_err)?;
    attempt.succeeded(&ctx.db).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reset_code_is_fourteen_unambiguous_characters_in_groups_of_four() {
        let code = new_code();
        assert_eq!(code.len(), CODE_LEN + 3);
        assert_eq!(
            code.split('-').map(str::len).collect::<Vec<_>>(),
            [4, 4, 4, 2]
        );
        assert!(
            normalized_code(&code)
                .bytes()
                .all(|c| CODE_ALPHABET.contains(&c))
        );
        assert_ne!(new_code(), code);
    }

    #[test]
    fn a_typed_code_ignores_case_spaces_and_dashes() {
        assert_eq!(normalized_code(" ABCD efgh-ijkl mn "), "abcdefghijklmn");
    }
}
