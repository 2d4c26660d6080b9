//! Taking access away and giving it back, on SQLite and on PostgreSQL: deactivating staff,
//! removing a role, removing a guardian's access, and passwords reset with a one-time code or
//! changed by their owner. Each refusal is tried by every role that must not do it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::entity::person;
use backend::identity::{self, access};
use backend::{RequestCtx, family};
use common::{TestDb, seeded, sign_in_as as sign_in, token_for};
use domain::identity::Role;
use domain::{ErrorCode, Field};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

async fn as_user(t: &TestDb, username: &str) -> RequestCtx {
    t.ctx(Some(token_for(t, username).await))
}

async fn id_of(t: &TestDb, given: &str, family: &str) -> i64 {
    let p = person::Entity::find()
        .filter(person::Column::GivenName.eq(given))
        .filter(person::Column::FamilyName.eq(family))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    i64::from(p.id)
}

const DEMO: &str = backend::demo::DEMO_PASSWORD;

async fn a_deactivated_teacher_is_signed_out_at_once_and_can_come_back(t: TestDb) {
    seeded(&t).await;
    let anne = as_user(&t, "anne").await;
    let anne_id = id_of(&t, "Anne", "Holm").await;
    let plans_before = backend::planning::plans::overview(&anne).await.unwrap();
    let lene = as_user(&t, "lene").await;

    access::deactivate_staff(&lene, anne_id).await.unwrap();
    assert_eq!(
        identity::me(&anne).await.unwrap_err().code,
        ErrorCode::NotSignedIn
    );
    assert_eq!(
        sign_in(&t, "anne", DEMO).await.err(),
        Some(ErrorCode::WrongCredentials)
    );

    // What she made stays, for the hold's other teachers to find when she is back.
    access::reactivate_staff(&lene, anne_id).await.unwrap();
    let anne = sign_in(&t, "anne", DEMO).await.unwrap();
    assert_eq!(
        backend::planning::plans::overview(&anne).await.unwrap(),
        plans_before
    );
}

async fn only_leaders_and_administration_take_staff_access_away_and_never_their_own(t: TestDb) {
    seeded(&t).await;
    let anne_id = id_of(&t, "Anne", "Holm").await;
    let lene_id = id_of(&t, "Lene", "Dahl").await;
    let ole_id = id_of(&t, "Ole", "Krogh").await;
    for who in ["bo", "pia", "mette", "ida"] {
        let ctx = as_user(&t, who).await;
        let err = access::deactivate_staff(&ctx, anne_id).await.unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{who}");
        let err = access::issue_password_reset(&ctx, anne_id)
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{who}");
    }
    let ole = as_user(&t, "ole").await;
    // Administration cannot make a leader, so it cannot unmake one either.
    for err in [
        access::deactivate_staff(&ole, lene_id).await.unwrap_err(),
        access::issue_password_reset(&ole, lene_id)
            .await
            .unwrap_err(),
    ] {
        assert_eq!(err.code, ErrorCode::Forbidden);
    }
    // Nobody locks themselves out.
    let lene = as_user(&t, "lene").await;
    for err in [
        access::deactivate_staff(&lene, lene_id).await.unwrap_err(),
        access::deactivate_staff(&ole, ole_id).await.unwrap_err(),
    ] {
        assert_eq!(err.code, ErrorCode::Forbidden);
    }
    assert!(identity::me(&lene).await.is_ok());
    assert!(identity::me(&ole).await.is_ok());
}

async fn a_removed_role_ends_the_sessions_acting_in_it_and_the_last_role_stays(t: TestDb) {
    seeded(&t).await;
    let camilla_id = id_of(&t, "Camilla", "Berg").await;
    let camilla = as_user(&t, "camilla").await;
    assert_eq!(identity::me(&camilla).await.unwrap().role, Role::Teacher);
    let ole = as_user(&t, "ole").await;
    // A parent's role is not administration's to take: it comes with the child.
    assert_eq!(
        access::remove_role(&ole, camilla_id, Role::Parent)
            .await
            .unwrap_err()
            .code,
        ErrorCode::Forbidden
    );
    access::remove_role(&ole, camilla_id, Role::Teacher)
        .await
        .unwrap();
    assert_eq!(
        identity::me(&camilla).await.unwrap_err().code,
        ErrorCode::NotSignedIn
    );
    let camilla = sign_in(&t, "camilla", DEMO).await.unwrap();
    let me = identity::me(&camilla).await.unwrap();
    assert_eq!(
        (me.role, me.roles.clone()),
        (Role::Parent, vec![Role::Parent])
    );

    // Anne's only role is not removed (that is deactivation) and a role she lacks is bad input.
    let anne_id = id_of(&t, "Anne", "Holm").await;
    for role in [Role::Teacher, Role::Paedagog] {
        let err = access::remove_role(&ole, anne_id, role).await.unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::InvalidInput, Some(Field::Role.as_str()))
        );
    }
}

async fn a_guardian_without_access_loses_the_child_and_the_calendar_link_and_gets_them_back(
    t: TestDb,
) {
    seeded(&t).await;
    let mette = as_user(&t, "mette").await;
    let mette_id = id_of(&t, "Mette", "Jensen").await;
    let ida_id = id_of(&t, "Ida", "Jensen").await;
    let link = family::calendar::make_link(&mette, ida_id).await.unwrap();
    let secret = link
        .trim_start_matches("/kalender/")
        .trim_end_matches(".ics")
        .to_owned();
    assert!(
        family::calendar::feed(&t.db, &secret, backend::clock::now())
            .await
            .is_ok()
    );

    for who in ["anne", "bo", "mette", "ida"] {
        let ctx = as_user(&t, who).await;
        let err = access::set_guardian_access(&ctx, mette_id, ida_id, false)
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{who}");
    }
    let ole = as_user(&t, "ole").await;
    access::set_guardian_access(&ole, mette_id, ida_id, false)
        .await
        .unwrap();
    assert_eq!(
        identity::me(&mette).await.unwrap_err().code,
        ErrorCode::NotSignedIn
    );
    assert_eq!(
        family::calendar::feed(&t.db, &secret, backend::clock::now())
            .await
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    // She signs in again to the child she still follows, and Ida is refused.
    let mette = sign_in(&t, "mette", DEMO).await.unwrap();
    assert_eq!(
        family::child_week(&mette, ida_id).await.unwrap_err().code,
        ErrorCode::Forbidden
    );
    let lucas_id = id_of(&t, "Lucas", "Jensen").await;
    assert!(family::child_week(&mette, lucas_id).await.is_ok());

    access::set_guardian_access(&ole, mette_id, ida_id, true)
        .await
        .unwrap();
    assert!(family::child_week(&mette, ida_id).await.is_ok());
    // The old link stays revoked: a new one is made when wanted.
    assert!(
        family::calendar::feed(&t.db, &secret, backend::clock::now())
            .await
            .is_err()
    );
}

async fn a_reset_code_sets_a_new_password_once_and_ends_every_session(t: TestDb) {
    seeded(&t).await;
    let anne = as_user(&t, "anne").await;
    let anne_id = id_of(&t, "Anne", "Holm").await;
    let ole = as_user(&t, "ole").await;
    let code = access::issue_password_reset(&ole, anne_id).await.unwrap();

    let signed_out = t.ctx(None);
    let err = access::reset_password(
        &signed_out,
        "anne",
        "abcd-efgh-ijkl-mn",
        "et nyt langt kodeord",
    )
    .await
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongCredentials);
    let err = access::reset_password(&signed_out, "anne", &code, "kort")
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some(Field::NewPassword.as_str()));
    // Typed back from paper: upper case and spaces are fine.
    access::reset_password(
        &signed_out,
        "anne",
        &code.to_uppercase().replace('-', " "),
        "et nyt langt kodeord",
    )
    .await
    .unwrap();
    assert_eq!(
        identity::me(&anne).await.unwrap_err().code,
        ErrorCode::NotSignedIn
    );
    assert_eq!(
        sign_in(&t, "anne", DEMO).await.err(),
        Some(ErrorCode::WrongCredentials)
    );
    assert!(sign_in(&t, "anne", "et nyt langt kodeord").await.is_ok());
    let again = access::reset_password(&signed_out, "anne", &code, "endnu et nyt kodeord")
        .await
        .unwrap_err();
    assert_eq!(again.code, ErrorCode::WrongCredentials);
}

async fn a_reset_code_expires_and_a_newer_one_replaces_it(t: TestDb) {
    seeded(&t).await;
    let anne_id = id_of(&t, "Anne", "Holm").await;
    let ole = as_user(&t, "ole").await;
    let old = access::issue_password_reset(&ole, anne_id).await.unwrap();
    let new = access::issue_password_reset(&ole, anne_id).await.unwrap();
    let signed_out = t.ctx(None);
    let err = access::reset_password(&signed_out, "anne", &old, "et nyt langt kodeord")
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongCredentials);
    let later = t
        .ctx(None)
        .at_time(backend::clock::now() + access::RESET_CODE_SECS + 60);
    let err = access::reset_password(&later, "anne", &new, "et nyt langt kodeord")
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongCredentials);
    // A parent's code is the administration's to give too; a pupil without a sign-in has none.
    let mette_id = id_of(&t, "Mette", "Jensen").await;
    assert!(access::issue_password_reset(&ole, mette_id).await.is_ok());
}

async fn a_person_changes_their_own_password_and_their_other_sessions_end(t: TestDb) {
    seeded(&t).await;
    let laptop = as_user(&t, "bo").await;
    let phone = as_user(&t, "bo").await;
    let err = access::change_password(&laptop, "forkert kodeord", "et nyt langt kodeord")
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongCredentials);
    access::change_password(&laptop, DEMO, "et nyt langt kodeord")
        .await
        .unwrap();
    assert!(identity::me(&laptop).await.is_ok());
    assert_eq!(
        identity::me(&phone).await.unwrap_err().code,
        ErrorCode::NotSignedIn
    );
    assert!(sign_in(&t, "bo", "et nyt langt kodeord").await.is_ok());
}

on_both_databases!(
    a_deactivated_teacher_is_signed_out_at_once_and_can_come_back,
    only_leaders_and_administration_take_staff_access_away_and_never_their_own,
    a_removed_role_ends_the_sessions_acting_in_it_and_the_last_role_stays,
    a_guardian_without_access_loses_the_child_and_the_calendar_link_and_gets_them_back,
    a_reset_code_sets_a_new_password_once_and_ends_every_session,
    a_reset_code_expires_and_a_newer_one_replaces_it,
    a_person_changes_their_own_password_and_their_other_sessions_end,
);
