//! Use-case tests of the school roster and the CSV import, on SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::entity::{guardianship, person};
use backend::identity::{roster, roster_import};
use backend::{RequestCtx, home};
use common::{
    TestDb, home_of, roster_class_id, roster_pupil_id, roster_pupil_names, seeded, token_for,
};
use domain::ErrorCode;
use domain::Field;
use domain::home::Home;
use domain::identity::Role;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const HEADER: &str =
    "klasse,klassetrin,fornavn,efternavn,forælder_fornavn,forælder_efternavn,forælder_adgang";

async fn as_user(t: &TestDb, username: &str) -> RequestCtx {
    t.ctx(Some(token_for(t, username).await))
}

fn file(lines: &[&str]) -> String {
    std::iter::once(HEADER)
        .chain(lines.iter().copied())
        .collect::<Vec<_>>()
        .join("\n")
}

async fn a_leader_sees_every_class_with_its_pupils_and_their_guardians(t: TestDb) {
    seeded(&t).await;
    let roster = roster::roster(&as_user(&t, "lene").await).await.unwrap();
    let classes: Vec<_> = roster
        .classes
        .iter()
        .map(|c| (c.name.as_str(), c.pupils.len()))
        .collect();
    assert_eq!(classes, [("1.A", 10), ("5.B", 10)]);
    let ida = roster.classes[0]
        .pupils
        .iter()
        .find(|p| p.name == "Ida Jensen")
        .unwrap();
    let mut guardians: Vec<(&str, bool)> = ida
        .guardians
        .iter()
        .map(|g| (g.name.as_str(), g.has_access))
        .collect();
    guardians.sort();
    assert_eq!(guardians, [("Mette Jensen", true), ("Rasmus Jensen", true)]);
}

async fn a_pupil_moves_class_and_keeps_their_guardians(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    roster::move_pupil(
        &ctx,
        roster_pupil_id(&t, "Ida Jensen").await,
        roster_class_id(&t, "5.B").await,
    )
    .await
    .unwrap();
    assert!(
        roster_pupil_names(&t, "5.B")
            .await
            .contains(&"Ida Jensen".to_owned())
    );
    assert!(
        !roster_pupil_names(&t, "1.A")
            .await
            .contains(&"Ida Jensen".to_owned())
    );
    let Home::Parent(family) = home_of(&t, "mette").await else {
        panic!("parent")
    };
    let ida = family
        .children
        .iter()
        .find(|c| c.name == "Ida Jensen")
        .unwrap();
    assert_eq!(ida.class_name, "5.B");
}

async fn moving_to_a_class_that_is_not_this_schools_is_invalid(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    let err = roster::move_pupil(&ctx, roster_pupil_id(&t, "Ida Jensen").await, 9999)
        .await
        .unwrap_err();
    assert_eq!(err, domain::AppError::invalid(Field::Class));
    let err = roster::move_pupil(&ctx, 9999, roster_class_id(&t, "5.B").await)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}

async fn a_pupil_who_left_is_no_longer_listed_or_signed_in_but_keeps_their_records(t: TestDb) {
    seeded(&t).await;
    let ida_session = token_for(&t, "ida").await;
    let ctx = as_user(&t, "lene").await;
    let ida = roster_pupil_id(&t, "Ida Jensen").await;
    roster::mark_pupil_left(&ctx, ida).await.unwrap();
    assert!(
        !roster_pupil_names(&t, "1.A")
            .await
            .contains(&"Ida Jensen".to_owned())
    );
    let err = home::home(&t.ctx(Some(ida_session))).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NotSignedIn);
    let Home::Leader(overview) = home_of(&t, "lene").await else {
        panic!("leader")
    };
    assert_eq!(overview.classes[0].pupil_count, 9);
    let Home::Teacher(teacher) = home_of(&t, "anne").await else {
        panic!("teacher")
    };
    assert_eq!(teacher.teams[0].pupil_count, 9);
    // Every record stays: the person and the guardians' links.
    let ida_id = i32::try_from(ida).unwrap();
    assert!(
        person::Entity::find_by_id(ida_id)
            .one(&t.db)
            .await
            .unwrap()
            .is_some()
    );
    let links = guardianship::Entity::find()
        .filter(guardianship::Column::PupilId.eq(ida_id))
        .count(&t.db)
        .await
        .unwrap();
    assert_eq!(links, 2);
    let err = roster::mark_pupil_left(&ctx, ida).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound, "already gone");
}

async fn only_leaders_and_administration_manage_the_roster(t: TestDb) {
    seeded(&t).await;
    let ida = roster_pupil_id(&t, "Ida Jensen").await;
    let class_5b = roster_class_id(&t, "5.B").await;
    for who in ["anne", "pia", "mette", "ida"] {
        let ctx = as_user(&t, who).await;
        assert_eq!(
            roster::roster(&ctx).await.unwrap_err().code,
            ErrorCode::Forbidden,
            "{who}"
        );
        let err =
            roster_import::import_roster(&ctx, file(&["2.C,2,Otto,Lind,,,"]).as_bytes(), true)
                .await
                .unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{who}");
        assert_eq!(
            roster::move_pupil(&ctx, ida, class_5b)
                .await
                .unwrap_err()
                .code,
            ErrorCode::Forbidden
        );
        assert_eq!(
            roster::mark_pupil_left(&ctx, ida).await.unwrap_err().code,
            ErrorCode::Forbidden
        );
        let forbidden =
            |r: Result<i64, domain::AppError>| r.unwrap_err().code == ErrorCode::Forbidden;
        assert!(
            forbidden(roster::create_class(&ctx, "9.Z", 9).await),
            "{who}"
        );
        assert!(
            forbidden(roster::add_pupil(&ctx, "A", "B", class_5b).await),
            "{who}"
        );
        assert!(forbidden(
            roster::add_staff(&ctx, "A", "B", Role::Teacher, "ab", "lang-nok-kode").await
        ));
        assert!(forbidden(
            roster::link_guardian(&ctx, ida, "A", "B", true, "", "").await
        ));
        assert!(forbidden(
            roster::create_team(&ctx, "X", domain::school::Subject::Musik, class_5b, 1).await
        ));
    }
    assert_eq!(
        roster::roster(&t.ctx(None)).await.unwrap_err().code,
        ErrorCode::NotSignedIn
    );
    assert!(
        roster_pupil_names(&t, "1.A")
            .await
            .contains(&"Ida Jensen".to_owned())
    );
}

async fn a_leader_creates_a_class_and_adds_a_pupil_to_it(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    let class = roster::create_class(&ctx, " 2.C ", 2).await.unwrap();
    roster::add_pupil(&ctx, "Otto", "Lind", class)
        .await
        .unwrap();
    assert_eq!(roster_pupil_names(&t, "2.C").await, ["Otto Lind"]);
    let err = roster::create_class(&ctx, "2.C", 2).await.unwrap_err();
    assert_eq!(err, domain::AppError::invalid(Field::NameTaken));
    let err = roster::create_class(&ctx, "2.D", 11).await.unwrap_err();
    assert_eq!(err, domain::AppError::invalid(Field::Grade));
}

async fn bad_names_are_refused_and_write_nothing(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    let people = person::Entity::find().count(&t.db).await.unwrap();
    let class = roster_class_id(&t, "1.A").await;
    assert_eq!(
        roster::add_pupil(&ctx, " ", "Lind", class)
            .await
            .unwrap_err(),
        domain::AppError::invalid(Field::GivenName)
    );
    assert_eq!(
        roster::add_pupil(&ctx, "Otto", "Lind", 9999)
            .await
            .unwrap_err(),
        domain::AppError::invalid(Field::Class)
    );
    assert_eq!(person::Entity::find().count(&t.db).await.unwrap(), people);
}

async fn a_new_teacher_signs_in_and_teaches_a_new_hold(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    let kim = roster::add_staff(&ctx, "Kim", "Storm", Role::Teacher, "kim", "lang-nok-kode")
        .await
        .unwrap();
    let class = roster_class_id(&t, "5.B").await;
    roster::create_team(
        &ctx,
        "Musik 5.B",
        domain::school::Subject::Musik,
        class,
        kim,
    )
    .await
    .unwrap();
    let kim_ctx = t.ctx(None);
    backend::identity::sign_in(&kim_ctx, "kim", "lang-nok-kode")
        .await
        .unwrap();
    let Home::Teacher(home) = home::home(&t.ctx(Some(started(&kim_ctx)))).await.unwrap() else {
        panic!("teacher")
    };
    let teams: Vec<_> = home
        .teams
        .iter()
        .map(|t| (t.name.as_str(), t.pupil_count))
        .collect();
    assert_eq!(teams, [("Musik 5.B", 10)]);
    let roster = roster::roster(&ctx).await.unwrap();
    assert!(
        roster
            .staff
            .iter()
            .any(|s| s.name == "Kim Storm" && s.roles == [Role::Teacher])
    );
    assert!(
        roster
            .teams
            .iter()
            .any(|t| t.name == "Musik 5.B" && t.teachers == ["Kim Storm"])
    );
}

fn started(ctx: &RequestCtx) -> String {
    match ctx.take_session_change() {
        Some(backend::SessionChange::Started { token, .. }) => token,
        other => panic!("no session: {other:?}"),
    }
}

async fn staff_accounts_need_a_free_username_and_a_long_password(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    let taken = roster::add_staff(
        &ctx,
        "Anne",
        "Anden",
        Role::Teacher,
        "anne",
        "lang-nok-kode",
    )
    .await;
    assert_eq!(
        taken.unwrap_err(),
        domain::AppError::invalid(Field::UsernameTaken)
    );
    let short = roster::add_staff(&ctx, "Kim", "Storm", Role::Teacher, "kim", "kort").await;
    assert_eq!(
        short.unwrap_err(),
        domain::AppError::invalid(Field::NewPassword)
    );
    let pupil = roster::add_staff(&ctx, "Kim", "Storm", Role::Pupil, "kim", "lang-nok-kode").await;
    assert_eq!(pupil.unwrap_err(), domain::AppError::invalid(Field::Role));
    assert!(
        person::Entity::find()
            .filter(person::Column::GivenName.eq("Kim"))
            .one(&t.db)
            .await
            .unwrap()
            .is_none()
    );
}

async fn a_linked_guardian_signs_in_and_sees_the_child_only_with_access(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    let emil = roster_pupil_id(&t, "Emil Madsen").await;
    roster::link_guardian(&ctx, emil, "Lis", "Madsen", true, "lis", "lang-nok-kode")
        .await
        .unwrap();
    roster::link_guardian(&ctx, emil, "Per", "Madsen", false, "per", "lang-nok-kode")
        .await
        .unwrap();
    for (username, children) in [("lis", vec!["Emil Madsen"]), ("per", vec![])] {
        let c = t.ctx(None);
        backend::identity::sign_in(&c, username, "lang-nok-kode")
            .await
            .unwrap();
        let Home::Parent(home) = home::home(&t.ctx(Some(started(&c)))).await.unwrap() else {
            panic!("parent")
        };
        let names: Vec<_> = home.children.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, children, "{username}");
    }
}

on_both_databases!(
    a_leader_creates_a_class_and_adds_a_pupil_to_it,
    bad_names_are_refused_and_write_nothing,
    a_new_teacher_signs_in_and_teaches_a_new_hold,
    staff_accounts_need_a_free_username_and_a_long_password,
    a_linked_guardian_signs_in_and_sees_the_child_only_with_access,
    a_leader_sees_every_class_with_its_pupils_and_their_guardians,
    a_pupil_moves_class_and_keeps_their_guardians,
    moving_to_a_class_that_is_not_this_schools_is_invalid,
    a_pupil_who_left_is_no_longer_listed_or_signed_in_but_keeps_their_records,
    only_leaders_and_administration_manage_the_roster,
);
