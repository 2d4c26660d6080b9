//! Use-case tests of the foundation slice, each run on SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::entity::{pupil, school, school_class, session, team};
use backend::{SessionChange, demo, family, home, identity, leader, planning};
use common::{TestDb, home_of, seeded, session_count, token_for};
use domain::ErrorCode;
use domain::home::Home;
use domain::identity::Role;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set,
};

async fn the_demo_school_is_seeded_once_with_twenty_pupils(t: TestDb) {
    let logins = demo::seed_if_empty(&t.db).await.unwrap().unwrap();
    assert!(
        logins
            .iter()
            .any(|l| l.role == Role::Teacher && l.username == "anne")
    );
    assert!(
        demo::seed_if_empty(&t.db).await.unwrap().is_none(),
        "a second start must not seed again"
    );
    let Home::Leader(overview) = home_of(&t, "lene").await else {
        panic!("lene is a leader")
    };
    let pupils: u32 = overview.classes.iter().map(|c| c.pupil_count).sum();
    assert_eq!(pupils, 20);
    assert_eq!(overview.teacher_count, 4);
    let names: Vec<_> = overview
        .classes
        .iter()
        .map(|c| (c.name.as_str(), c.grade))
        .collect();
    assert_eq!(names, [("1.A", 1), ("5.B", 5)]);
    let teams: Vec<_> = overview.classes.iter().map(|c| c.team_count).collect();
    assert_eq!(teams, [2, 3]);
}

async fn the_right_password_starts_a_session_in_the_persons_role(t: TestDb) {
    seeded(&t).await;
    let ctx = t.ctx(None);
    let me = identity::sign_in(&ctx, "  Anne ", demo::DEMO_PASSWORD)
        .await
        .unwrap();
    assert_eq!(me.role, Role::Teacher);
    assert_eq!(me.name, "Anne Holm");
    assert_eq!(me.school_name, demo::SCHOOL_NAME);
    assert!(matches!(
        ctx.take_session_change(),
        Some(SessionChange::Started { .. })
    ));
    assert_eq!(session_count(&t).await, 1);
}

async fn a_wrong_password_is_refused_and_writes_nothing(t: TestDb) {
    seeded(&t).await;
    let ctx = t.ctx(None);
    let err = identity::sign_in(&ctx, "anne", "not-the-password")
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongCredentials);
    assert_eq!(ctx.take_session_change(), None);
    assert_eq!(session_count(&t).await, 0);
}

async fn an_unknown_username_gets_the_same_answer_as_a_wrong_password(t: TestDb) {
    seeded(&t).await;
    let err = identity::sign_in(&t.ctx(None), "nobody", demo::DEMO_PASSWORD)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongCredentials);
}

async fn a_malformed_username_is_invalid_input_naming_the_field(t: TestDb) {
    seeded(&t).await;
    let err = identity::sign_in(&t.ctx(None), "anne holm!", "x")
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(err.field.as_deref(), Some("username"));
    assert_eq!(session_count(&t).await, 0);
}

async fn without_a_session_the_home_is_refused(t: TestDb) {
    seeded(&t).await;
    let err = home::home(&t.ctx(None)).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NotSignedIn);
    let err = home::home(&t.ctx(Some("forged-token".into())))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotSignedIn);
}

async fn an_expired_session_no_longer_signs_anyone_in(t: TestDb) {
    seeded(&t).await;
    let token = token_for(&t, "anne").await;
    let row = session::Entity::find().one(&t.db).await.unwrap().unwrap();
    let mut row = row.into_active_model();
    row.expires_at = Set(0);
    row.update(&t.db).await.unwrap();
    let err = home::home(&t.ctx(Some(token))).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NotSignedIn);
}

async fn signing_out_ends_the_session_for_good(t: TestDb) {
    seeded(&t).await;
    let token = token_for(&t, "mette").await;
    let ctx = t.ctx(Some(token.clone()));
    identity::sign_out(&ctx).await.unwrap();
    assert_eq!(ctx.take_session_change(), Some(SessionChange::Ended));
    assert_eq!(session_count(&t).await, 0);
    let err = home::home(&t.ctx(Some(token))).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NotSignedIn);
}

async fn a_teacher_sees_the_hold_they_teach_with_their_colleagues(t: TestDb) {
    seeded(&t).await;
    let Home::Teacher(home) = home_of(&t, "anne").await else {
        panic!("anne is a teacher")
    };
    let teams: Vec<_> = home
        .teams
        .iter()
        .map(|t| (t.name.as_str(), t.pupil_count))
        .collect();
    assert_eq!(teams, [("Dansk 1.A", 10), ("Dansk 5.B", 10)]);
    assert_eq!(
        home.teams[0].teacher_names,
        ["Anne Holm", "Camilla Berg", "Pia Lund"]
    );
}

async fn a_pupil_sees_their_class_and_subjects(t: TestDb) {
    seeded(&t).await;
    let Home::Pupil(home) = home_of(&t, "ida").await else {
        panic!("ida is a pupil")
    };
    assert_eq!(home.first_name, "Ida");
    assert_eq!(home.class_name, "1.A");
    assert_eq!(
        home.subjects,
        [
            domain::school::Subject::Dansk,
            domain::school::Subject::Matematik
        ]
    );
}

async fn a_parent_sees_exactly_their_own_children(t: TestDb) {
    seeded(&t).await;
    let Home::Parent(home) = home_of(&t, "mette").await else {
        panic!("mette is a parent")
    };
    let children: Vec<_> = home
        .children
        .iter()
        .map(|c| (c.name.as_str(), c.class_name.as_str()))
        .collect();
    assert_eq!(children, [("Ida Jensen", "1.A"), ("Lucas Jensen", "5.B")]);
}

async fn a_guardian_without_access_sees_nothing_of_the_child(t: TestDb) {
    seeded(&t).await;
    let Home::Parent(home) = home_of(&t, "jan").await else {
        panic!("jan is a parent")
    };
    assert!(home.children.is_empty());
}

async fn a_class_with_pupils_cannot_be_deleted(t: TestDb) {
    seeded(&t).await;
    let class = school_class::Entity::find()
        .filter(school_class::Column::Name.eq("1.A"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let result = school_class::Entity::delete_by_id(class.id)
        .exec(&t.db)
        .await;
    assert!(
        result.is_err(),
        "pupils' placements must block deleting their class"
    );
    let placed = pupil::Entity::find()
        .filter(pupil::Column::ClassId.eq(class.id))
        .count(&t.db)
        .await
        .unwrap();
    assert_eq!(placed, 10);
}

async fn a_hold_with_members_cannot_be_deleted(t: TestDb) {
    seeded(&t).await;
    let hold = team::Entity::find()
        .filter(team::Column::Name.eq("Dansk 1.A"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let result = team::Entity::delete_by_id(hold.id).exec(&t.db).await;
    assert!(
        result.is_err(),
        "members must block deleting their hold (archive it instead)"
    );
    assert!(
        team::Entity::find_by_id(hold.id)
            .one(&t.db)
            .await
            .unwrap()
            .is_some()
    );
}

async fn an_archived_hold_leaves_the_teachers_home_and_the_leaders_counts(t: TestDb) {
    seeded(&t).await;
    let hold = team::Entity::find()
        .filter(team::Column::Name.eq("Dansk 5.B"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let mut hold = hold.into_active_model();
    hold.archived_at = Set(Some(1));
    hold.update(&t.db).await.unwrap();
    let Home::Teacher(home) = home_of(&t, "anne").await else {
        panic!("anne is a teacher")
    };
    let names: Vec<_> = home.teams.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Dansk 1.A"]);
    let Home::Leader(overview) = home_of(&t, "lene").await else {
        panic!("lene is a leader")
    };
    let counts: Vec<_> = overview
        .classes
        .iter()
        .map(|c| (c.name.as_str(), c.team_count))
        .collect();
    assert_eq!(counts, [("1.A", 2), ("5.B", 2)]);
}

async fn a_new_sign_in_replaces_the_browsers_previous_session(t: TestDb) {
    seeded(&t).await;
    let old = token_for(&t, "anne").await;
    let ctx = t.ctx(Some(old.clone()));
    identity::sign_in(&ctx, "mette", demo::DEMO_PASSWORD)
        .await
        .unwrap();
    assert_eq!(
        home::home(&t.ctx(Some(old))).await.unwrap_err().code,
        ErrorCode::NotSignedIn
    );
    assert_eq!(session_count(&t).await, 1);
}

async fn outside_demo_mode_the_demo_accounts_are_closed(t: TestDb) {
    seeded(&t).await;
    let ctx = backend::RequestCtx::new(t.db.clone(), None, false);
    let err = identity::sign_in(&ctx, "lene", demo::DEMO_PASSWORD)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongCredentials);
    assert_eq!(session_count(&t).await, 0);
}

async fn each_use_case_refuses_the_roles_it_is_not_for(t: TestDb) {
    seeded(&t).await;
    let principal = |username: &'static str| {
        let t = &t;
        async move {
            identity::current_principal(&t.ctx(Some(token_for(t, username).await)))
                .await
                .unwrap()
        }
    };
    let (pupil, parent, teacher, leader) = (
        principal("ida").await,
        principal("mette").await,
        principal("anne").await,
        principal("lene").await,
    );
    let forbidden = ErrorCode::Forbidden;
    for p in [&pupil, &parent, &leader] {
        assert_eq!(
            planning::teacher_home(&t.db, p).await.unwrap_err().code,
            forbidden,
            "{:?}",
            p.role
        );
    }
    for p in [&parent, &teacher, &leader] {
        assert_eq!(
            backend::pupil::pupil_home(&t.db, p).await.unwrap_err().code,
            forbidden,
            "{:?}",
            p.role
        );
    }
    for p in [&pupil, &teacher, &leader] {
        assert_eq!(
            family::family_home(&t.db, p).await.unwrap_err().code,
            forbidden,
            "{:?}",
            p.role
        );
    }
    for p in [&pupil, &parent, &teacher] {
        let err = leader::school_overview(&t.db, p, p.school_id)
            .await
            .unwrap_err();
        assert_eq!(err.code, forbidden, "{:?}", p.role);
    }
}

async fn a_leader_cannot_see_another_schools_overview(t: TestDb) {
    seeded(&t).await;
    let other = school::ActiveModel {
        name: Set("Nabo Skole".into()),
        created_at: Set(0),
        ..Default::default()
    }
    .insert(&t.db)
    .await
    .unwrap();
    let lene = identity::current_principal(&t.ctx(Some(token_for(&t, "lene").await)))
        .await
        .unwrap();
    let err = leader::school_overview(&t.db, &lene, other.id)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert!(
        leader::school_overview(&t.db, &lene, lene.school_id)
            .await
            .is_ok()
    );
}

async fn migrations_roll_back_and_forward_again(t: TestDb) {
    use sea_orm_migration::MigratorTrait;
    backend::migration::Migrator::down(&t.db, None)
        .await
        .unwrap();
    backend::migration::Migrator::up(&t.db, None).await.unwrap();
    seeded(&t).await;
}

/// Migration 24 on a school with hold: a hold whose pupils are all in one class becomes that
/// class's hold; one across classes belongs to none. Rolled back, ended memberships go.
async fn existing_hold_belong_to_their_class_after_the_membership_history_migration(t: TestDb) {
    use backend::entity::team;
    use sea_orm::{ColumnTrait, QueryFilter};
    use sea_orm_migration::MigratorTrait;
    seeded(&t).await;
    let lene = t.ctx(Some(token_for(&t, "lene").await));
    let engelsk = team::Entity::find()
        .filter(team::Column::Name.eq("Engelsk 5.B"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let roster = backend::identity::roster::roster(&lene).await.unwrap();
    let ida = roster.classes[0]
        .pupils
        .iter()
        .find(|p| p.name == "Ida Jensen")
        .unwrap()
        .id;
    backend::teams::add_pupil(&lene, i64::from(engelsk.id), ida)
        .await
        .unwrap();
    // Back to just before the membership migration, whatever came after it, and up again.
    let after = backend::migration::Migrator::migrations()
        .iter()
        .rev()
        .take_while(|m| !m.name().contains("_000024_"))
        .count();
    backend::migration::Migrator::down(&t.db, Some(u32::try_from(after + 1).unwrap()))
        .await
        .unwrap();
    backend::migration::Migrator::up(&t.db, None).await.unwrap();
    let class_of = |name: &'static str| {
        let db = t.db.clone();
        async move {
            team::Entity::find()
                .filter(team::Column::Name.eq(name))
                .one(&db)
                .await
                .unwrap()
                .unwrap()
                .class_id
        }
    };
    assert!(class_of("Dansk 1.A").await.is_some());
    assert_eq!(class_of("Engelsk 5.B").await, None, "pupils of two classes");
}

on_both_databases!(
    existing_hold_belong_to_their_class_after_the_membership_history_migration,
    the_demo_school_is_seeded_once_with_twenty_pupils,
    the_right_password_starts_a_session_in_the_persons_role,
    a_wrong_password_is_refused_and_writes_nothing,
    an_unknown_username_gets_the_same_answer_as_a_wrong_password,
    a_malformed_username_is_invalid_input_naming_the_field,
    without_a_session_the_home_is_refused,
    an_expired_session_no_longer_signs_anyone_in,
    signing_out_ends_the_session_for_good,
    a_teacher_sees_the_hold_they_teach_with_their_colleagues,
    a_pupil_sees_their_class_and_subjects,
    a_parent_sees_exactly_their_own_children,
    a_guardian_without_access_sees_nothing_of_the_child,
    a_class_with_pupils_cannot_be_deleted,
    a_hold_with_members_cannot_be_deleted,
    an_archived_hold_leaves_the_teachers_home_and_the_leaders_counts,
    a_new_sign_in_replaces_the_browsers_previous_session,
    outside_demo_mode_the_demo_accounts_are_closed,
    each_use_case_refuses_the_roles_it_is_not_for,
    a_leader_cannot_see_another_schools_overview,
    migrations_roll_back_and_forward_again,
);

mod sqlite_storage {
    use super::*;
    use sea_orm::{ConnectionTrait, Statement};

    async fn pragma(t: &TestDb, name: &str) -> String {
        let row =
            t.db.query_one_raw(Statement::from_string(
                t.db.get_database_backend(),
                format!("PRAGMA {name}"),
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get_by_index::<String>(0)
            .or_else(|_| row.try_get_by_index::<i64>(0).map(|v| v.to_string()))
            .unwrap()
    }

    #[tokio::test]
    async fn sqlite_runs_in_wal_mode_with_foreign_keys_on() {
        let t = TestDb::sqlite().await;
        assert_eq!(pragma(&t, "journal_mode").await, "wal");
        assert_eq!(pragma(&t, "foreign_keys").await, "1");
    }
}
