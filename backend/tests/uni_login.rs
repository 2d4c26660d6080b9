//! Provisioning UNI-Login, on SQLite and on PostgreSQL: the school's institution number and each
//! person's UNI-ID, set by the people allowed to and refused to everyone else.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::RequestCtx;
use backend::entity::{person, school};
use backend::identity::{roster, uni_login};
use common::{TestDb, seeded, token_for};
use domain::{ErrorCode, Field};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

async fn as_user(t: &TestDb, username: &str) -> RequestCtx {
    t.ctx(Some(token_for(t, username).await))
}

async fn person_named(t: &TestDb, given: &str) -> person::Model {
    person::Entity::find()
        .filter(person::Column::GivenName.eq(given))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
}

async fn a_uni_id_is_set_shown_on_the_roster_and_cleared(t: TestDb) {
    seeded(&t).await;
    let ole = as_user(&t, "ole").await;
    let anne = person_named(&t, "Anne").await;
    uni_login::set_uni_id(&ole, i64::from(anne.id), " AnneUni001 ")
        .await
        .unwrap();
    assert_eq!(
        person_named(&t, "Anne").await.external_id.as_deref(),
        Some("anneuni001")
    );
    let listed = roster::roster(&ole).await.unwrap();
    let row = listed.staff.iter().find(|s| s.name == "Anne Holm").unwrap();
    assert_eq!(row.uni_id.as_deref(), Some("anneuni001"));
    uni_login::set_uni_id(&ole, i64::from(anne.id), "")
        .await
        .unwrap();
    assert_eq!(person_named(&t, "Anne").await.external_id, None);
}

async fn one_person_per_uni_id_and_bad_ones_are_refused_unchanged(t: TestDb) {
    seeded(&t).await;
    let ole = as_user(&t, "ole").await;
    let (anne, bo) = (person_named(&t, "Anne").await, person_named(&t, "Bo").await);
    uni_login::set_uni_id(&ole, i64::from(anne.id), "anneuni001")
        .await
        .unwrap();
    for bad in ["anneuni001", "ab", "anne uni"] {
        let err = uni_login::set_uni_id(&ole, i64::from(bo.id), bad)
            .await
            .unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::InvalidInput, Some(Field::UniId.as_str())),
            "{bad}"
        );
    }
    assert_eq!(person_named(&t, "Bo").await.external_id, None);
}

async fn only_leaders_and_administration_provision_and_administration_never_a_leader(t: TestDb) {
    seeded(&t).await;
    let (anne, lene) = (
        person_named(&t, "Anne").await,
        person_named(&t, "Lene").await,
    );
    for who in ["anne", "bo", "mette", "ida"] {
        let ctx = as_user(&t, who).await;
        let err = uni_login::set_uni_id(&ctx, i64::from(anne.id), "anneuni001")
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{who}");
        let err = uni_login::set_institution_number(&ctx, "280123")
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{who}");
    }
    let ole = as_user(&t, "ole").await;
    let err = uni_login::set_uni_id(&ole, i64::from(lene.id), "lenedahl01")
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    let err = uni_login::set_institution_number(&ole, "280123")
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    // The leader links herself (the first leader of a new school must).
    let lene_ctx = as_user(&t, "lene").await;
    uni_login::set_uni_id(&lene_ctx, i64::from(lene.id), "lenedahl01")
        .await
        .unwrap();
    uni_login::set_institution_number(&lene_ctx, " a03202 ")
        .await
        .unwrap();
    let school = school::Entity::find_by_id(lene.school_id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(school.institution_number.as_deref(), Some("A03202"));
    let err = uni_login::set_institution_number(&lene_ctx, "28 01")
        .await
        .unwrap_err();
    assert_eq!(
        err.field.as_deref(),
        Some(Field::InstitutionNumber.as_str())
    );
}

on_both_databases!(
    a_uni_id_is_set_shown_on_the_roster_and_cleared,
    one_person_per_uni_id_and_bad_ones_are_refused_unchanged,
    only_leaders_and_administration_provision_and_administration_never_a_leader,
);
