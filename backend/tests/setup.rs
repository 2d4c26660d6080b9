//! A school from nothing (`spire init`), on SQLite and on PostgreSQL: the first leader signs in
//! with the password shown once and starts the school through the same use cases the
//! administration screen calls.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::RequestCtx;
use backend::entity::{person, school};
use backend::identity::setup::{FirstSchool, init_school};
use backend::identity::{self, roster};
use common::{TestDb, seeded};
use domain::identity::Role;
use domain::{ErrorCode, Field};
use sea_orm::{EntityTrait, PaginatorTrait};

fn first_school() -> FirstSchool {
    FirstSchool {
        school_name: "Nørre Skole".into(),
        leader_given_name: "Karen".into(),
        leader_family_name: "Nielsen".into(),
        leader_username: "Karen.Nielsen".into(),
    }
}

async fn signed_in(t: &TestDb, username: &str, password: &str) -> RequestCtx {
    common::sign_in_as(t, username, password).await.unwrap()
}

async fn a_new_school_starts_with_its_leader_who_signs_in_and_adds_its_people(t: TestDb) {
    let started = init_school(&t.db, &first_school()).await.unwrap();
    let karen = signed_in(&t, "karen.nielsen", started.password.expose()).await;
    let me = identity::me(&karen).await.unwrap();
    assert_eq!((me.name.as_str(), me.role), ("Karen Nielsen", Role::Leader));

    // Nothing of the demo school: an empty roster with only Karen.
    let empty = roster::roster(&karen).await.unwrap();
    assert_eq!(empty.school_name, "Nørre Skole");
    assert!(empty.classes.is_empty() && empty.teams.is_empty());
    assert_eq!(empty.staff.len(), 1);

    // She starts the school: a class, a teacher who can sign in.
    roster::create_class(&karen, "0.A", 0).await.unwrap();
    roster::add_staff(
        &karen,
        "Jonas",
        "Berg",
        Role::Teacher,
        "jonas",
        "en lang adgangskode",
    )
    .await
    .unwrap();
    let jonas = signed_in(&t, "jonas", "en lang adgangskode").await;
    assert_eq!(identity::me(&jonas).await.unwrap().role, Role::Teacher);
    let roster = roster::roster(&karen).await.unwrap();
    assert_eq!(roster.classes.len(), 1);
    assert_eq!(roster.staff.len(), 2);
}

async fn init_refuses_a_database_that_has_a_school_and_changes_nothing(t: TestDb) {
    seeded(&t).await;
    let schools = school::Entity::find().count(&t.db).await.unwrap();
    let people = person::Entity::find().count(&t.db).await.unwrap();
    let err = init_school(&t.db, &first_school()).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(school::Entity::find().count(&t.db).await.unwrap(), schools);
    assert_eq!(person::Entity::find().count(&t.db).await.unwrap(), people);

    // Nor can a second init make a second school beside the first.
    let fresh = TestDb::sqlite().await;
    init_school(&fresh.db, &first_school()).await.unwrap();
    let again = init_school(&fresh.db, &first_school()).await.unwrap_err();
    assert_eq!(again.code, ErrorCode::Conflict);
    assert_eq!(school::Entity::find().count(&fresh.db).await.unwrap(), 1);
}

async fn init_with_bad_input_names_the_field_and_writes_nothing(t: TestDb) {
    for (input, field) in [
        (
            FirstSchool {
                school_name: "  ".into(),
                ..first_school()
            },
            Field::SchoolName,
        ),
        (
            FirstSchool {
                leader_family_name: String::new(),
                ..first_school()
            },
            Field::FamilyName,
        ),
        (
            FirstSchool {
                leader_username: "k".into(),
                ..first_school()
            },
            Field::Username,
        ),
    ] {
        let err = init_school(&t.db, &input).await.unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert_eq!(err.field.as_deref(), Some(field.as_str()), "{field:?}");
    }
    assert_eq!(school::Entity::find().count(&t.db).await.unwrap(), 0);
    assert_eq!(person::Entity::find().count(&t.db).await.unwrap(), 0);
}

on_both_databases!(
    a_new_school_starts_with_its_leader_who_signs_in_and_adds_its_people,
    init_refuses_a_database_that_has_a_school_and_changes_nothing,
    init_with_bad_input_names_the_field_and_writes_nothing,
);
