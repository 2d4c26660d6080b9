//! Identity: who is signed in, password sign-in, sessions, roles, and class iPads.

pub mod access;
pub mod class_device;
pub mod login_cards;
pub mod new_year;
pub mod oidc;
mod password;
pub mod rate_limit;
pub mod reading;
pub mod roster;
pub mod roster_import;
pub mod school_year;
pub mod setup;
pub mod uni_login;

pub use password::hash_password;

use crate::entity::{account, person, person_role, school, session, setting};
pub use crate::principal::Principal;
use crate::{RequestCtx, SessionChange, clock, db_err, policy};
use domain::calendar::DEFAULT_TIME_ZONE;
use domain::identity::{DemoLogin, Me, Password, Role, Username};
use domain::{AppError, ErrorCode};
use rand::RngCore;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, Set,
};
use sha2::{Digest, Sha256};

/// How long a session lasts without signing in again: one school or working day. A pupil who
/// starts in the morning is never timed out in the middle of a task.
pub const SESSION_SECS: i64 = 12 * 60 * 60;

/// A fresh random token (256 bits, hex) for a cookie.
pub(crate) fn new_token() -> String {
    let mut raw = [0u8; 32];
    rand::rng().fill_bytes(&mut raw);
    hex::encode(raw)
}

/// Tokens are stored only as their hash: a leaked database does not leak live sessions.
pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The role a person acts in when they sign in. A person with several roles starts in the one
/// with the widest work (a leader who also teaches starts as leader) and can switch.
fn primary_role(roles: &[Role]) -> Option<Role> {
    [
        Role::Leader,
        Role::Administrator,
        Role::Teacher,
        Role::Paedagog,
        Role::Parent,
        Role::Pupil,
    ]
    .into_iter()
    .find(|r| roles.contains(r))
}

async fn roles_of(db: &impl ConnectionTrait, person_id: i32) -> Result<Vec<Role>, AppError> {
    let rows = person_role::Entity::find()
        .filter(person_role::Column::PersonId.eq(person_id))
        .all(db)
        .await
        .map_err(db_err)?;
    let mut roles: Vec<Role> = rows.iter().map(|r| r.role).collect();
    roles.sort();
    Ok(roles)
}

/// Signs in with username and password. On success a session is stored and the request is told
/// to hand its token to the browser; on failure nothing but the failed attempt is recorded.
pub async fn sign_in(ctx: &RequestCtx, username: &str, password: &str) -> Result<Me, AppError> {
    let username = Username::parse(username)?;
    let password = Password::parse(password)?;
    let db = &ctx.db;
    let now = ctx.now();
    let keys = rate_limit::Keys::new(username.as_str(), ctx.client_addr.as_deref());
    let attempt = rate_limit::attempt(db, &keys, now).await?;

    let account = account::Entity::find()
        .filter(account::Column::Username.eq(username.as_str()))
        .one(db)
        .await
        .map_err(db_err)?;
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    let verified = password::verify_off_thread(password, stored).await?;
    let account = match account {
        Some(account) if verified => account,
        _ => return Err(AppError::new(ErrorCode::WrongCredentials)),
    };
    // A person who left (a pupil, or staff deactivated) signs in no more, and is told no more
    // than for a wrong password.
    let active = person::Entity::find_by_id(account.person_id)
        .one(db)
        .await
        .map_err(db_err)?
        .is_some_and(|person| person.left_at.is_none());
    if !active {
        return Err(AppError::new(ErrorCode::WrongCredentials));
    }
    if !ctx.demo_enabled && is_demo_person(db, account.person_id).await? {
        // The demo school's password is published; outside demo mode its accounts are closed.
        return Err(AppError::new(ErrorCode::WrongCredentials));
    }
    let role = primary_role(&roles_of(db, account.person_id).await?)
        .ok_or_else(|| AppError::new(ErrorCode::WrongCredentials))?;
    attempt.succeeded(db).await?;
    start_session(ctx, account.person_id, role, now).await
}

/// Stores a new session for `person_id` acting as `role`, tells the request to set its cookie, and
/// answers who is now signed in (read back through the session, so a person who may not sign in
/// is refused here for every way of signing in). It replaces the browser's previous session and
/// clears this person's expired ones.
pub(crate) async fn start_session(
    ctx: &RequestCtx,
    person_id: i32,
    role: Role,
    now: i64,
) -> Result<Me, AppError> {
    start_session_with(ctx, person_id, role, now, None).await
}

/// `start_session`, keeping the level of assurance the sign-in reported (UNI-Login's `loa`).
pub(crate) async fn start_session_with(
    ctx: &RequestCtx,
    person_id: i32,
    role: Role,
    now: i64,
    assurance: Option<String>,
) -> Result<Me, AppError> {
    start(ctx, (person_id, role), now, assurance, None).await
}

/// A pupil's session on the class iPad `device_id`: it ends after the configured idle time
/// without a call (`RequestCtx::pupil_idle_secs`), or when the iPad is closed.
pub(crate) async fn start_session_on_device(
    ctx: &RequestCtx,
    pupil_id: i32,
    device_id: i32,
    now: i64,
) -> Result<Me, AppError> {
    let device = (device_id, ctx.pupil_idle_secs);
    start(ctx, (pupil_id, Role::Pupil), now, None, Some(device)).await
}

/// The open class iPad this request comes from, if any. Its opening is the device's real state,
/// read by the system clock even when a test names the request's instant.
pub(crate) async fn class_device_of(
    ctx: &RequestCtx,
) -> Result<Option<crate::entity::class_device::Model>, AppError> {
    let Some(token) = ctx.device_token.as_deref() else {
        return Ok(None);
    };
    use crate::entity::class_device as row;
    Ok(row::Entity::find()
        .filter(row::Column::TokenHash.eq(token_hash(token)))
        .one(&ctx.db)
        .await
        .map_err(db_err)?
        .filter(|d| d.expires_at > clock::now()))
}

async fn start(
    ctx: &RequestCtx,
    (person_id, role): (i32, Role),
    now: i64,
    assurance: Option<String>,
    device: Option<(i32, i64)>,
) -> Result<Me, AppError> {
    // A pupil who signs in on a class iPad some other way (a password, UNI-Login) is on a shared
    // device all the same: the same idle limit, and closing the iPad ends it.
    let device = match (device, role) {
        (None, Role::Pupil) => class_device_of(ctx)
            .await?
            .map(|d| (d.id, ctx.pupil_idle_secs)),
        (device, _) => device,
    };
    let db = &ctx.db;
    let mut stale = Condition::any().add(
        Condition::all()
            .add(session::Column::PersonId.eq(person_id))
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
    let token = new_token();
    session::ActiveModel {
        token_hash: Set(token_hash(&token)),
        person_id: Set(person_id),
        role: Set(role),
        created_at: Set(now),
        expires_at: Set(now + device.map_or(SESSION_SECS, |(_, idle)| idle)),
        assurance: Set(assurance),
        idle_secs: Set(device.map(|(_, idle)| idle)),
        device_id: Set(device.map(|(id, _)| id)),
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

/// Ends every session of the signed-in person, on every device (a lost phone, a shared computer).
pub async fn sign_out_everywhere(ctx: &RequestCtx) -> Result<(), AppError> {
    let principal = current_principal(ctx).await?;
    ctx.record_session_change(SessionChange::Ended);
    session::Entity::delete_many()
        .filter(session::Column::PersonId.eq(principal.person_id))
        .exec(&ctx.db)
        .await
        .map_err(db_err)?;
    Ok(())
}

/// Switches the session to another role the person holds (a teacher who is also a parent).
pub async fn switch_role(ctx: &RequestCtx, role: Role) -> Result<Me, AppError> {
    let principal = current_principal(ctx).await?;
    policy::require(policy::can_act_as(&principal, role))?;
    let token = ctx
        .session_token
        .as_deref()
        .ok_or_else(AppError::not_signed_in)?;
    let row = session::Entity::find()
        .filter(session::Column::TokenHash.eq(token_hash(token)))
        .one(&ctx.db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::not_signed_in)?;
    let mut row = row.into_active_model();
    row.role = Set(role);
    row.update(&ctx.db).await.map_err(db_err)?;
    me_of(&ctx.db, &Principal { role, ..principal }).await
}

/// The principal behind the request's session, or `NotSignedIn`.
pub async fn current_principal(ctx: &RequestCtx) -> Result<Principal, AppError> {
    let token = ctx
        .session_token
        .as_deref()
        .ok_or_else(AppError::not_signed_in)?;
    principal_for_token(&ctx.db, token, ctx.now()).await
}

/// One row per role the person holds (a `LEFT JOIN`), each carrying the session, the person and
/// the school's current year: the principal is asked for on every call, so it is one statement
/// rather than four (BENCHMARKS.md).
struct PrincipalRow {
    session_id: i32,
    created_at: i64,
    expires_at: i64,
    idle_secs: Option<i64>,
    person_id: i32,
    session_role: Role,
    school_id: i32,
    given_name: String,
    family_name: String,
    held_role: Option<Role>,
    start_year: Option<i32>,
    time_zone: String,
}

/// `PrincipalRow` as selected, column by column.
type PrincipalCells = (
    i32,
    i64,
    i64,
    Option<i64>,
    i32,
    Role,
    i32,
    String,
    String,
    Option<Role>,
    Option<i32>,
    String,
);

impl From<PrincipalCells> for PrincipalRow {
    fn from(c: PrincipalCells) -> Self {
        Self {
            session_id: c.0,
            created_at: c.1,
            expires_at: c.2,
            idle_secs: c.3,
            person_id: c.4,
            session_role: c.5,
            school_id: c.6,
            given_name: c.7,
            family_name: c.8,
            held_role: c.9,
            start_year: c.10,
            time_zone: c.11,
        }
    }
}

async fn principal_for_token(
    db: &impl crate::db::read::Reads,
    token: &str,
    now: i64,
) -> Result<Principal, AppError> {
    // Nearly every school keeps Danish time: the statement asks for the year with Copenhagen's
    // day, and only a school elsewhere whose day differs right now asks again with its own.
    let today = clock::day_at(now, DEFAULT_TIME_ZONE)?;
    let started_year =
        school_year::started_year(Expr::col((person::Entity, person::Column::SchoolId)), today);
    let query = Query::select()
        .expr_as(
            Expr::col((session::Entity, session::Column::Id)),
            "session_id",
        )
        .column((session::Entity, session::Column::CreatedAt))
        .column((session::Entity, session::Column::ExpiresAt))
        .column((session::Entity, session::Column::IdleSecs))
        .expr_as(
            Expr::col((session::Entity, session::Column::PersonId)),
            "person_id",
        )
        .expr_as(
            Expr::col((session::Entity, session::Column::Role)),
            "session_role",
        )
        .column((person::Entity, person::Column::SchoolId))
        .column((person::Entity, person::Column::GivenName))
        .column((person::Entity, person::Column::FamilyName))
        .expr_as(
            Expr::col((person_role::Entity, person_role::Column::Role)),
            "held_role",
        )
        .expr_as(
            Expr::SubQuery(None, Box::new(started_year.into())),
            "start_year",
        )
        .expr_as(
            Expr::col((school::Entity, school::Column::TimeZone)),
            "time_zone",
        )
        .from(session::Entity)
        .inner_join(
            person::Entity,
            Expr::col((person::Entity, person::Column::Id))
                .equals((session::Entity, session::Column::PersonId)),
        )
        .inner_join(
            school::Entity,
            Expr::col((school::Entity, school::Column::Id))
                .equals((person::Entity, person::Column::SchoolId)),
        )
        .left_join(
            person_role::Entity,
            Expr::col((person_role::Entity, person_role::Column::PersonId))
                .equals((person::Entity, person::Column::Id)),
        )
        .and_where(session::Column::TokenHash.eq(token_hash(token)))
        .and_where(session::Column::ExpiresAt.gt(now))
        .and_where(person::Column::LeftAt.is_null())
        .to_owned();
    // Asked for on every call: the hot read path (`db::read`).
    let rows: Vec<PrincipalRow> = crate::db::read::query_tuples::<PrincipalCells, _>(db, &query)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(PrincipalRow::from)
        .collect();
    let first = rows.first().ok_or_else(AppError::not_signed_in)?;
    let role = first.session_role;
    let mut roles: Vec<Role> = rows.iter().filter_map(|r| r.held_role).collect();
    roles.sort();
    roles.dedup();
    // A role taken away ends the sessions acting in it at once, not at their expiry.
    if !roles.contains(&role) {
        return Err(AppError::not_signed_in());
    }
    if let Some(idle) = first.idle_secs {
        keep_alive(db, first, idle, now).await?;
    }
    let (today, started) = if first.time_zone == DEFAULT_TIME_ZONE {
        (today, first.start_year)
    } else {
        let own = clock::day_at(now, &first.time_zone)?;
        if own == today {
            (today, first.start_year)
        } else {
            let year = school_year::current_start_year(db, first.school_id, own).await?;
            (own, Some(year))
        }
    };
    Ok(Principal {
        person_id: first.person_id,
        school_id: first.school_id,
        role,
        roles,
        name: format!("{} {}", first.given_name, first.family_name),
        school_year: started.unwrap_or_else(|| school_year::calendar_school_year(today)),
        today,
        time_zone: first.time_zone.clone(),
    })
}

/// A call on a class iPad moves its pupil's session's end to `idle` seconds from now, never past
/// a school day from its start. At most once a minute, so a busy pupil costs one write a minute.
async fn keep_alive(
    db: &impl ConnectionTrait,
    row: &PrincipalRow,
    idle: i64,
    now: i64,
) -> Result<(), AppError> {
    let until = Ord::min(now + idle, row.created_at + SESSION_SECS);
    // A short idle time slides sooner, so an active pupil is never cut off.
    if until - row.expires_at < Ord::min(60, idle / 2) {
        return Ok(());
    }
    session::Entity::update_many()
        .col_expr(session::Column::ExpiresAt, Expr::value(until))
        .filter(session::Column::Id.eq(row.session_id))
        .exec(db)
        .await
        .map_err(db_err)?;
    Ok(())
}

pub(crate) async fn me_of(
    db: &impl ConnectionTrait,
    principal: &Principal,
) -> Result<Me, AppError> {
    let school = school::Entity::find_by_id(principal.school_id)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::internal)?;
    Ok(Me {
        id: i64::from(principal.person_id),
        name: principal.name.clone(),
        role: principal.role,
        roles: principal.roles.clone(),
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
    fn a_person_with_several_roles_starts_in_the_widest_one() {
        assert_eq!(
            primary_role(&[Role::Parent, Role::Teacher]),
            Some(Role::Teacher)
        );
        assert_eq!(
            primary_role(&[Role::Paedagog, Role::Parent]),
            Some(Role::Paedagog)
        );
        assert_eq!(primary_role(&[Role::Pupil]), Some(Role::Pupil));
        assert_eq!(primary_role(&[]), None);
    }

    #[test]
    fn tokens_are_random_and_stored_only_as_their_hash() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }
}
