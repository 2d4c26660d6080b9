//! Use-case tests of identity and access: rate limits, roles, sessions, class iPads. Each runs on
//! SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::entity::{class_device, person_role, session};
use backend::identity::{self, class_device as device, login_cards as cards, rate_limit};
use backend::{RequestCtx, SessionChange, demo, home};
use common::{TestDb, home_of, seeded, session_count, token_for};
use domain::ErrorCode;
use domain::Field;
use domain::home::Home;
use domain::identity::Role;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

fn started_token(change: Option<SessionChange>) -> String {
    match change {
        Some(SessionChange::Started { token, .. }) => token,
        other => panic!("expected a started token, got {other:?}"),
    }
}

async fn person_id(t: &TestDb, given: &str) -> i64 {
    i64::from(common::person_by_given_name(t, given).await.id)
}

/// Opens a class iPad for `class` as `teacher`; returns the device token.
async fn open_device(t: &TestDb, teacher: &str, class: &str) -> String {
    let ctx = t.ctx(Some(token_for(t, teacher).await));
    let class_id = backend::entity::school_class::Entity::find()
        .filter(backend::entity::school_class::Column::Name.eq(class))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    device::open(&ctx, i64::from(class_id)).await.unwrap();
    started_token(ctx.take_device_change())
}

fn on_device(t: &TestDb, device_token: &str, session: Option<String>) -> RequestCtx {
    t.ctx(session)
        .with_device_token(Some(device_token.to_owned()))
}

async fn ten_wrong_passwords_lock_the_account_even_against_the_right_one(t: TestDb) {
    seeded(&t).await;
    let ctx = || t.ctx(None).with_client_addr(Some("10.0.0.1".into()));
    for _ in 0..rate_limit::MAX_FAILURES_PER_ACCOUNT {
        let err = identity::sign_in(&ctx(), "anne", "wrong")
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::WrongCredentials);
    }
    let err = identity::sign_in(&ctx(), "anne", demo::DEMO_PASSWORD)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::RateLimited);
    assert_eq!(session_count(&t).await, 0);
    // Another account at the same address is unaffected: a locked account locks out no one else.
    identity::sign_in(&ctx(), "bo", demo::DEMO_PASSWORD)
        .await
        .unwrap();
    // And Anne herself, from her own address: guessing from elsewhere does not lock her out.
    let anne_at_school = t.ctx(None).with_client_addr(Some("10.0.0.2".into()));
    identity::sign_in(&anne_at_school, "anne", demo::DEMO_PASSWORD)
        .await
        .unwrap();
}

async fn guesses_sent_all_at_once_are_counted_as_they_arrive(t: TestDb) {
    seeded(&t).await;
    // Thirty wrong passwords in parallel: the check and the record are one step, so no more than
    // the limit reach the password check, and the rest are refused.
    let mut tries = tokio::task::JoinSet::new();
    for _ in 0..30 {
        let ctx = t.ctx(None).with_client_addr(Some("10.0.0.3".into()));
        tries.spawn(async move {
            identity::sign_in(&ctx, "anne", "wrong")
                .await
                .unwrap_err()
                .code
        });
    }
    let codes = tries.join_all().await;
    let checked = codes
        .iter()
        .filter(|c| **c == ErrorCode::WrongCredentials)
        .count();
    assert!(
        checked <= usize::try_from(rate_limit::MAX_FAILURES_PER_ACCOUNT).unwrap(),
        "{checked} passwords were checked"
    );
    assert!(
        codes
            .iter()
            .all(|c| matches!(c, ErrorCode::WrongCredentials | ErrorCode::RateLimited))
    );
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == ErrorCode::RateLimited)
            .count(),
        30 - checked
    );
}

async fn guessing_an_account_from_many_addresses_stops_at_the_accounts_own_limit(t: TestDb) {
    seeded(&t).await;
    let per_address = rate_limit::MAX_FAILURES_PER_ACCOUNT;
    let addresses = rate_limit::MAX_FAILURES_PER_ACCOUNT_EVERYWHERE / per_address;
    for a in 0..addresses {
        let ctx = || t.ctx(None).with_client_addr(Some(format!("10.2.0.{a}")));
        for _ in 0..per_address {
            assert_eq!(
                identity::sign_in(&ctx(), "bo", "wrong")
                    .await
                    .unwrap_err()
                    .code,
                ErrorCode::WrongCredentials
            );
        }
    }
    let fresh = t.ctx(None).with_client_addr(Some("10.2.1.1".into()));
    assert_eq!(
        identity::sign_in(&fresh, "bo", demo::DEMO_PASSWORD)
            .await
            .unwrap_err()
            .code,
        ErrorCode::RateLimited
    );
}

async fn many_failures_from_one_address_lock_that_address(t: TestDb) {
    seeded(&t).await;
    let from = |addr: &str| t.ctx(None).with_client_addr(Some(addr.to_owned()));
    let names = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10"];
    for i in 0..rate_limit::MAX_FAILURES_PER_ADDRESS {
        let name = names[usize::try_from(i).unwrap() % names.len()];
        identity::sign_in(&from("10.0.0.9"), name, "wrong")
            .await
            .unwrap_err();
    }
    let err = identity::sign_in(&from("10.0.0.9"), "anne", demo::DEMO_PASSWORD)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::RateLimited);
    identity::sign_in(&from("10.0.0.10"), "anne", demo::DEMO_PASSWORD)
        .await
        .unwrap();
}

async fn a_teacher_who_is_also_a_parent_switches_to_the_parent_view(t: TestDb) {
    seeded(&t).await;
    let token = token_for(&t, "camilla").await;
    let ctx = t.ctx(Some(token.clone()));
    let me = identity::me(&ctx).await.unwrap();
    assert_eq!(me.role, Role::Teacher);
    assert_eq!(me.roles, [Role::Parent, Role::Teacher]);
    let me = identity::switch_role(&ctx, Role::Parent).await.unwrap();
    assert_eq!(me.role, Role::Parent);
    let Home::Parent(home) = home::home(&ctx).await.unwrap() else {
        panic!("now a parent")
    };
    let children: Vec<_> = home.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(children, ["Karl Rasmussen"]);
}

async fn nobody_switches_into_a_role_they_do_not_hold(t: TestDb) {
    seeded(&t).await;
    let ctx = t.ctx(Some(token_for(&t, "camilla").await));
    let err = identity::switch_role(&ctx, Role::Leader).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert_eq!(identity::me(&ctx).await.unwrap().role, Role::Teacher);
}

async fn taking_a_role_away_ends_the_sessions_acting_in_it(t: TestDb) {
    seeded(&t).await;
    let token = token_for(&t, "bo").await;
    let bo = person_id(&t, "Bo").await;
    person_role::Entity::delete_many()
        .filter(person_role::Column::PersonId.eq(i32::try_from(bo).unwrap()))
        .exec(&t.db)
        .await
        .unwrap();
    let err = home::home(&t.ctx(Some(token))).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NotSignedIn);
}

async fn signing_out_everywhere_ends_every_session_of_that_person_only(t: TestDb) {
    seeded(&t).await;
    let phone = token_for(&t, "mette").await;
    let laptop = token_for(&t, "mette").await;
    let other = token_for(&t, "anne").await;
    identity::sign_out_everywhere(&t.ctx(Some(phone.clone())))
        .await
        .unwrap();
    for token in [phone, laptop] {
        assert_eq!(
            home::home(&t.ctx(Some(token))).await.unwrap_err().code,
            ErrorCode::NotSignedIn
        );
    }
    assert!(home::home(&t.ctx(Some(other))).await.is_ok());
    assert_eq!(session_count(&t).await, 1);
}

async fn a_teacher_opens_a_class_ipad_and_hands_it_over(t: TestDb) {
    seeded(&t).await;
    let teacher_session = token_for(&t, "anne").await;
    let ctx = t.ctx(Some(teacher_session.clone()));
    let Home::Teacher(home) = home::home(&ctx).await.unwrap() else {
        panic!("teacher")
    };
    let classes: Vec<_> = home.classes.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(classes, ["1.A", "5.B"]);
    let device_token = open_device(&t, "anne", "1.A").await;
    // The teacher's own session on the iPad has ended.
    let class = device::status(&on_device(&t, &device_token, None))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(class.class_name, "1.A");
    assert_eq!(class.pupils.len(), 10);
    assert_eq!(class.pupils[0].first_name, "Alma");
    assert!(class_device::Entity::find().count(&t.db).await.unwrap() == 1);
}

async fn opening_a_class_ipad_signs_the_adult_out(t: TestDb) {
    seeded(&t).await;
    let session = token_for(&t, "bo").await;
    let ctx = t.ctx(Some(session.clone()));
    let class_id = home_classes(&t, "bo").await[0];
    device::open(&ctx, class_id).await.unwrap();
    assert_eq!(ctx.take_session_change(), Some(SessionChange::Ended));
    assert_eq!(
        home::home(&t.ctx(Some(session))).await.unwrap_err().code,
        ErrorCode::NotSignedIn
    );
}

async fn home_classes(t: &TestDb, teacher: &str) -> Vec<i64> {
    let Home::Teacher(home) = home_of(t, teacher).await else {
        panic!("teacher")
    };
    home.classes.iter().map(|c| c.id).collect()
}

async fn three_pupils_sign_in_and_out_in_turn_by_tapping(t: TestDb) {
    seeded(&t).await;
    let device_token = open_device(&t, "anne", "1.A").await;
    for name in ["Ida", "Noah", "Freja"] {
        let ctx = on_device(&t, &device_token, None);
        let me = device::sign_in_pupil(&ctx, person_id(&t, name).await)
            .await
            .unwrap();
        assert_eq!(me.role, Role::Pupil);
        let session = started_token(ctx.take_session_change());
        let ctx = on_device(&t, &device_token, Some(session.clone()));
        let Home::Pupil(home) = home::home(&ctx).await.unwrap() else {
            panic!("pupil")
        };
        assert_eq!(home.first_name, name);
        identity::sign_out(&ctx).await.unwrap();
        assert_eq!(
            home::home(&on_device(&t, &device_token, Some(session)))
                .await
                .unwrap_err()
                .code,
            ErrorCode::NotSignedIn
        );
        // The iPad stays a class iPad for the next child.
        assert!(
            device::status(&on_device(&t, &device_token, None))
                .await
                .unwrap()
                .is_some()
        );
    }
}

async fn a_pupil_of_another_class_cannot_sign_in_on_the_class_ipad(t: TestDb) {
    seeded(&t).await;
    let device_token = open_device(&t, "anne", "1.A").await;
    let ctx = on_device(&t, &device_token, None);
    let err = device::sign_in_pupil(&ctx, person_id(&t, "Sofia").await)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    let err = device::sign_in_pupil(&ctx, person_id(&t, "Anne").await)
        .await
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "a teacher is not a pupil of the class"
    );
    assert_eq!(session_count(&t).await, 0);
}

async fn without_a_class_ipad_no_one_signs_in_by_tapping(t: TestDb) {
    seeded(&t).await;
    let err = device::sign_in_pupil(&t.ctx(None), person_id(&t, "Ida").await)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    let forged = on_device(&t, "forged", None);
    assert_eq!(
        device::sign_in_pupil(&forged, person_id(&t, "Ida").await)
            .await
            .unwrap_err()
            .code,
        ErrorCode::Forbidden
    );
    assert!(device::status(&forged).await.unwrap().is_none());
}

async fn only_staff_who_teach_the_class_open_its_ipad(t: TestDb) {
    seeded(&t).await;
    let class_5b = backend::entity::school_class::Entity::find()
        .filter(backend::entity::school_class::Column::Name.eq("5.B"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    for (who, allowed) in [
        ("pia", false),
        ("mette", false),
        ("ida", false),
        ("bo", true),
        ("dorte", true),
        ("lene", true),
        ("ole", false),
    ] {
        let ctx = t.ctx(Some(token_for(&t, who).await));
        let result = device::open(&ctx, i64::from(class_5b)).await;
        assert_eq!(result.is_ok(), allowed, "{who}: {result:?}");
        if !allowed {
            assert_eq!(result.unwrap_err().code, ErrorCode::Forbidden, "{who}");
        }
    }
    let err = device::open(&t.ctx(None), i64::from(class_5b))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotSignedIn);
}

async fn a_teacher_closes_the_class_ipad(t: TestDb) {
    seeded(&t).await;
    let device_token = open_device(&t, "anne", "1.A").await;
    let adult = token_for(&t, "bo").await;
    let ctx = on_device(&t, &device_token, Some(adult));
    device::close(&ctx).await.unwrap();
    assert_eq!(ctx.take_device_change(), Some(SessionChange::Ended));
    assert!(
        device::status(&on_device(&t, &device_token, None))
            .await
            .unwrap()
            .is_none()
    );
}

async fn a_pupil_cannot_close_the_class_ipad(t: TestDb) {
    seeded(&t).await;
    let device_token = open_device(&t, "anne", "1.A").await;
    let ctx = on_device(&t, &device_token, None);
    device::sign_in_pupil(&ctx, person_id(&t, "Ida").await)
        .await
        .unwrap();
    let pupil = started_token(ctx.take_session_change());
    let err = device::close(&on_device(&t, &device_token, Some(pupil)))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert!(
        device::status(&on_device(&t, &device_token, None))
            .await
            .unwrap()
            .is_some()
    );
}

async fn an_expired_class_ipad_shows_no_pupils(t: TestDb) {
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    seeded(&t).await;
    let device_token = open_device(&t, "anne", "1.A").await;
    let row = class_device::Entity::find()
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let mut row = row.into_active_model();
    row.expires_at = Set(0);
    row.update(&t.db).await.unwrap();
    assert!(
        device::status(&on_device(&t, &device_token, None))
            .await
            .unwrap()
            .is_none()
    );
    let _ = session::Entity::find().count(&t.db).await.unwrap();
}

async fn class_id(t: &TestDb, name: &str) -> i64 {
    let class = backend::entity::school_class::Entity::find()
        .filter(backend::entity::school_class::Column::Name.eq(name))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    i64::from(class.id)
}

async fn cards_for(t: &TestDb, teacher: &str, class: &str) -> Vec<domain::identity::LoginCard> {
    let ctx = t.ctx(Some(token_for(t, teacher).await));
    cards::make_login_cards(&ctx, class_id(t, class).await)
        .await
        .unwrap()
}

async fn a_teacher_prints_a_login_card_for_every_pupil_of_the_class(t: TestDb) {
    seeded(&t).await;
    let cards = cards_for(&t, "anne", "1.A").await;
    assert_eq!(cards.len(), 10);
    assert_eq!(cards[0].name, "Alma Christensen");
    let mut codes: Vec<_> = cards.iter().map(|c| c.code.clone()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 10, "codes are distinct");
    assert!(
        cards
            .iter()
            .all(|c| c.code.len() == 9 && c.code.as_bytes()[4] == b'-')
    );
    assert!(
        cards
            .iter()
            .all(|c| c.qr_svg.starts_with("data:image/svg+xml;base64,"))
    );
}

async fn a_typed_code_signs_in_exactly_that_pupil(t: TestDb) {
    seeded(&t).await;
    let cards = cards_for(&t, "anne", "1.A").await;
    let ida = cards.iter().find(|c| c.name == "Ida Jensen").unwrap();
    let sloppy = ida.code.to_lowercase().replace('-', " ");
    // Only on a class iPad of Ida's class. Elsewhere no code is looked up at all; on 5.B's iPad
    // her card is answered as a wrong code, so neither tells whether the code is real.
    let elsewhere = t.ctx(None);
    assert_eq!(
        cards::sign_in_with_code(&elsewhere, &ida.code)
            .await
            .unwrap_err(),
        domain::AppError::invalid(Field::CodeDevice)
    );
    let five_b = on_device(&t, &open_device(&t, "dorte", "5.B").await, None);
    assert_eq!(
        cards::sign_in_with_code(&five_b, &ida.code)
            .await
            .unwrap_err()
            .code,
        ErrorCode::WrongCredentials
    );
    for ctx in [elsewhere, five_b] {
        assert_eq!(ctx.take_session_change(), None);
    }
    let ctx = on_device(&t, &open_device(&t, "anne", "1.A").await, None);
    let me = cards::sign_in_with_code(&ctx, &sloppy).await.unwrap();
    assert_eq!((me.name.as_str(), me.role), ("Ida Jensen", Role::Pupil));
    let session = started_token(ctx.take_session_change());
    let Home::Pupil(home) = home::home(&t.ctx(Some(session))).await.unwrap() else {
        panic!("pupil")
    };
    assert_eq!(home.first_name, "Ida");
}

async fn a_card_works_until_its_school_year_ends_and_only_with_the_servers_secret(t: TestDb) {
    use backend::entity::pupil_code;
    use sea_orm::EntityTrait;
    seeded(&t).await;
    let cards = cards_for(&t, "anne", "1.A").await;
    let ida = cards.iter().find(|c| c.name == "Ida Jensen").unwrap();
    let row = pupil_code::Entity::find_by_id(i32::try_from(ida.pupil_id).unwrap())
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    // Stored keyed: the plain SHA-256 of the code is not in the database.
    let plain = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(ida.code.replace('-', "").as_bytes()))
    };
    assert_ne!(row.code_hash, plain);
    // Another installation's secret does not find it.
    let ipad = open_device(&t, "anne", "1.A").await;
    let elsewhere = on_device(&t, &ipad, None).with_code_key(std::sync::Arc::new([7; 32]));
    assert_eq!(
        cards::sign_in_with_code(&elsewhere, &ida.code)
            .await
            .unwrap_err()
            .code,
        ErrorCode::WrongCredentials
    );
    // It ends with the school year it was printed in: the school's midnight after its last day.
    let now = backend::clock::now();
    assert!(row.expires_at > now && row.expires_at <= now + 366 * 24 * 3600);
    let next_year = on_device(&t, &ipad, None).at_time(row.expires_at);
    assert_eq!(
        cards::sign_in_with_code(&next_year, &ida.code)
            .await
            .unwrap_err()
            .code,
        ErrorCode::WrongCredentials
    );
    let last_evening = on_device(&t, &ipad, None).at_time(row.expires_at - 60);
    cards::sign_in_with_code(&last_evening, &ida.code)
        .await
        .unwrap();
}

async fn printing_new_cards_retires_the_old_codes(t: TestDb) {
    seeded(&t).await;
    let old = cards_for(&t, "anne", "1.A").await;
    cards_for(&t, "bo", "1.A").await;
    let ipad = open_device(&t, "anne", "1.A").await;
    let err = cards::sign_in_with_code(&on_device(&t, &ipad, None), &old[0].code)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongCredentials);
}

async fn a_malformed_or_unknown_code_is_refused_and_repeated_guessing_is_stopped(t: TestDb) {
    seeded(&t).await;
    cards_for(&t, "anne", "1.A").await;
    let ipad = open_device(&t, "anne", "1.A").await;
    let sessions_before = session_count(&t).await;
    let ctx = || on_device(&t, &ipad, None).with_client_addr(Some("10.1.1.1".into()));
    let err = cards::sign_in_with_code(&ctx(), "ABC").await.unwrap_err();
    assert_eq!(err, domain::AppError::invalid(Field::Code));
    for _ in 0..rate_limit::MAX_CODE_FAILURES_PER_ADDRESS {
        let err = cards::sign_in_with_code(&ctx(), "AAAA-AAAA")
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::WrongCredentials);
    }
    let err = cards::sign_in_with_code(&ctx(), "AAAA-AAAA")
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::RateLimited);
    assert_eq!(session_count(&t).await, sessions_before);
    // Mistyped codes do not stop an adult signing in with a password from the same classroom.
    identity::sign_in(&ctx(), "anne", demo::DEMO_PASSWORD)
        .await
        .unwrap();
}

async fn only_staff_who_teach_the_class_print_its_cards(t: TestDb) {
    seeded(&t).await;
    let class_5b = class_id(&t, "5.B").await;
    for (who, allowed) in [
        ("pia", false),
        ("mette", false),
        ("ida", false),
        ("camilla", true),
        ("dorte", true),
        ("lene", true),
        ("ole", false),
    ] {
        let ctx = t.ctx(Some(token_for(&t, who).await));
        let result = cards::make_login_cards(&ctx, class_5b).await;
        assert_eq!(result.is_ok(), allowed, "{who}");
    }
    let err = cards::make_login_cards(&t.ctx(None), class_5b)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotSignedIn);
}

/// Ida on 1.A's iPad: (device token, session token, the instant she signed in).
async fn ida_on_the_class_ipad(t: &TestDb) -> (String, String, i64) {
    let device_token = open_device(t, "anne", "1.A").await;
    let ida = person_id(t, "Ida").await;
    let now = backend::clock::now();
    let ctx = on_device(t, &device_token, None).at_time(now);
    device::sign_in_pupil(&ctx, ida).await.unwrap();
    (device_token, started_token(ctx.take_session_change()), now)
}

async fn a_pupil_left_signed_in_on_a_class_ipad_is_signed_out_after_the_idle_time(t: TestDb) {
    seeded(&t).await;
    let (device_token, session, signed_in) = ida_on_the_class_ipad(&t).await;
    let at = |minutes: i64| {
        on_device(&t, &device_token, Some(session.clone())).at_time(signed_in + minutes * 60)
    };
    // Using the iPad keeps her signed in past the first 15 minutes …
    assert!(identity::me(&at(10)).await.is_ok());
    assert!(identity::me(&at(24)).await.is_ok());
    // … and 15 minutes without a call sign her out, so the next child finds the pictures.
    assert_eq!(
        identity::me(&at(24 + 16)).await.unwrap_err().code,
        ErrorCode::NotSignedIn
    );
    // The idle time is the installation's to choose.
    let (device_token, session, signed_in) = {
        let device_token = open_device(&t, "anne", "1.A").await;
        let ctx = on_device(&t, &device_token, None)
            .with_pupil_idle(5 * 60)
            .at_time(signed_in);
        device::sign_in_pupil(&ctx, person_id(&t, "Ida").await)
            .await
            .unwrap();
        (
            device_token,
            started_token(ctx.take_session_change()),
            signed_in,
        )
    };
    let after = |minutes: i64| {
        on_device(&t, &device_token, Some(session.clone())).at_time(signed_in + minutes * 60)
    };
    assert!(identity::me(&after(4)).await.is_ok());
    assert!(identity::me(&after(10)).await.is_err());
    // A password on the class iPad is a session on a shared device all the same.
    let by_password = on_device(&t, &device_token, None)
        .with_pupil_idle(5 * 60)
        .at_time(signed_in);
    identity::sign_in(&by_password, "ida", demo::DEMO_PASSWORD)
        .await
        .unwrap();
    let session = started_token(by_password.take_session_change());
    let on_ipad = |minutes: i64| {
        on_device(&t, &device_token, Some(session.clone())).at_time(signed_in + minutes * 60)
    };
    assert!(identity::me(&on_ipad(4)).await.is_ok());
    assert!(identity::me(&on_ipad(10)).await.is_err());
    // A pupil who signs in with a password at home keeps the ordinary session.
    let home_session = token_for(&t, "ida").await;
    let later = t
        .ctx(Some(home_session))
        .at_time(backend::clock::now() + 2 * 3600);
    assert!(identity::me(&later).await.is_ok());
}

async fn the_leader_closes_a_lost_class_ipad_from_her_own_device_and_its_pupils_are_signed_out(
    t: TestDb,
) {
    seeded(&t).await;
    let (device_token, session, _) = ida_on_the_class_ipad(&t).await;
    let lene = t.ctx(Some(token_for(&t, "lene").await));
    let open = device::open_devices(&lene).await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(
        (
            open[0].class_name.as_str(),
            open[0].opened_by.as_str(),
            open[0].pupils_signed_in
        ),
        ("1.A", "Anne Holm", 1)
    );
    // Staff who may close the iPad in their hands may not close one from afar; nor another school.
    for who in ["anne", "ida", "mette"] {
        let ctx = t.ctx(Some(token_for(&t, who).await));
        assert_eq!(
            device::open_devices(&ctx).await.unwrap_err().code,
            ErrorCode::Forbidden
        );
        assert_eq!(
            device::revoke(&ctx, open[0].id).await.unwrap_err().code,
            ErrorCode::Forbidden,
            "{who}"
        );
    }
    assert_eq!(
        device::revoke(&lene, 999_999).await.unwrap_err().code,
        ErrorCode::NotFound
    );
    device::revoke(&lene, open[0].id).await.unwrap();
    assert_eq!(
        identity::me(&on_device(&t, &device_token, Some(session)))
            .await
            .unwrap_err()
            .code,
        ErrorCode::NotSignedIn
    );
    assert_eq!(
        device::status(&on_device(&t, &device_token, None))
            .await
            .unwrap(),
        None
    );
    assert!(device::open_devices(&lene).await.unwrap().is_empty());
    let ole = t.ctx(Some(token_for(&t, "ole").await));
    assert!(
        device::open_devices(&ole).await.unwrap().is_empty(),
        "the office may too"
    );
}

on_both_databases!(
    a_teacher_prints_a_login_card_for_every_pupil_of_the_class,
    a_typed_code_signs_in_exactly_that_pupil,
    printing_new_cards_retires_the_old_codes,
    a_card_works_until_its_school_year_ends_and_only_with_the_servers_secret,
    a_malformed_or_unknown_code_is_refused_and_repeated_guessing_is_stopped,
    only_staff_who_teach_the_class_print_its_cards,
    ten_wrong_passwords_lock_the_account_even_against_the_right_one,
    guesses_sent_all_at_once_are_counted_as_they_arrive,
    guessing_an_account_from_many_addresses_stops_at_the_accounts_own_limit,
    many_failures_from_one_address_lock_that_address,
    a_teacher_who_is_also_a_parent_switches_to_the_parent_view,
    nobody_switches_into_a_role_they_do_not_hold,
    taking_a_role_away_ends_the_sessions_acting_in_it,
    signing_out_everywhere_ends_every_session_of_that_person_only,
    a_teacher_opens_a_class_ipad_and_hands_it_over,
    opening_a_class_ipad_signs_the_adult_out,
    three_pupils_sign_in_and_out_in_turn_by_tapping,
    a_pupil_of_another_class_cannot_sign_in_on_the_class_ipad,
    without_a_class_ipad_no_one_signs_in_by_tapping,
    only_staff_who_teach_the_class_open_its_ipad,
    a_teacher_closes_the_class_ipad,
    a_pupil_cannot_close_the_class_ipad,
    an_expired_class_ipad_shows_no_pupils,
    a_pupil_left_signed_in_on_a_class_ipad_is_signed_out_after_the_idle_time,
    the_leader_closes_a_lost_class_ipad_from_her_own_device_and_its_pupils_are_signed_out,
);
