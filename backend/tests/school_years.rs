//! Use-case tests of school years as records, on SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::RequestCtx;
use backend::entity::{school, school_class, school_year};
use backend::identity::{roster, school_year as years};
use common::{TestDb, seeded, token_for};
use domain::ErrorCode;
use domain::Field;
use domain::calendar::Date;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

async fn as_user(t: &TestDb, username: &str) -> RequestCtx {
    t.ctx(Some(token_for(t, username).await))
}

fn d(text: &str) -> Date {
    Date::parse(text, Field::Date).unwrap()
}

async fn demo_school(t: &TestDb) -> i32 {
    school::Entity::find().one(&t.db).await.unwrap().unwrap().id
}

async fn a_school_is_in_the_latest_year_whose_first_day_has_come(t: TestDb) {
    seeded(&t).await;
    let school_id = demo_school(&t).await;
    for (start, first, last) in [
        (2030, "2030-08-12", "2031-06-27"),
        (2031, "2031-08-11", "2032-06-25"),
    ] {
        school_year::ActiveModel {
            school_id: Set(school_id),
            start_year: Set(start),
            first_day: Set(first.into()),
            last_day: Set(last.into()),
            ..Default::default()
        }
        .insert(&t.db)
        .await
        .unwrap();
    }
    // The summer holidays belong to the year that ended; the new year begins on its first day.
    assert_eq!(
        years::current_start_year(&t.db, school_id, d("2031-08-05"))
            .await
            .unwrap(),
        2030
    );
    assert_eq!(
        years::current_start_year(&t.db, school_id, d("2031-08-11"))
            .await
            .unwrap(),
        2031
    );
    // A school without records follows the calendar.
    assert_eq!(
        years::current_start_year(&t.db, school_id + 1000, d("2031-08-05"))
            .await
            .unwrap(),
        2031
    );
}

async fn the_office_sees_this_year_and_next_and_sets_the_next_years_dates(t: TestDb) {
    seeded(&t).await;
    let ole = as_user(&t, "ole").await;
    let listed = years::list(&ole).await.unwrap();
    let current = listed
        .iter()
        .find(|y| y.current)
        .expect("a current year")
        .start_year;
    assert!(
        listed
            .iter()
            .any(|y| y.start_year == current + 1 && !y.current)
    );

    let next = current + 1;
    let version = listed
        .iter()
        .find(|y| y.start_year == next)
        .unwrap()
        .version;
    years::save(
        &ole,
        i64::from(next),
        version,
        &format!("{next}-08-10"),
        &format!("{}-06-26", next + 1),
        &[],
    )
    .await
    .unwrap();
    let saved = years::list(&ole).await.unwrap();
    let year = saved.iter().find(|y| y.start_year == next).unwrap();
    assert_eq!(year.first_day.to_string(), format!("{next}-08-10"));
    assert_eq!(year.last_day.to_string(), format!("{}-06-26", next + 1));
    assert_eq!(year.name(), format!("{next}/{:02}", (next + 1) % 100));
}

async fn dates_that_do_not_fit_the_year_are_refused_and_change_nothing(t: TestDb) {
    seeded(&t).await;
    let lene = as_user(&t, "lene").await;
    let before = years::list(&lene).await.unwrap();
    let current = before.iter().find(|y| y.current).unwrap().start_year;
    let cases = [
        (
            current,
            format!("{}-08-10", current - 1),
            format!("{}-06-26", current + 1),
            "first_day",
        ),
        (
            current,
            format!("{current}-08-10"),
            format!("{current}-12-20"),
            "last_day",
        ),
        (
            current,
            "10.08.2026".to_owned(),
            format!("{}-06-26", current + 1),
            "first_day",
        ),
        (
            current - 5,
            format!("{}-08-10", current - 5),
            format!("{}-06-26", current - 4),
            "start_year",
        ),
        (
            current + 2,
            format!("{}-08-10", current + 2),
            format!("{}-06-26", current + 3),
            "start_year",
        ),
    ];
    for (start, first, last, field) in cases {
        let err = years::save(&lene, i64::from(start), 1, &first, &last, &[])
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert_eq!(err.field.as_deref(), Some(field), "{start} {first} {last}");
    }
    assert_eq!(years::list(&lene).await.unwrap(), before);
}

async fn new_classes_belong_to_the_year_the_school_is_in(t: TestDb) {
    seeded(&t).await;
    let ole = as_user(&t, "ole").await;
    let current = years::list(&ole)
        .await
        .unwrap()
        .into_iter()
        .find(|y| y.current)
        .unwrap()
        .start_year;
    let id = roster::create_class(&ole, "0.X", 0).await.unwrap();
    let class = school_class::Entity::find()
        .filter(school_class::Column::Id.eq(i32::try_from(id).unwrap()))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(class.school_year, current);
}

async fn only_leaders_and_the_office_see_or_set_school_years(t: TestDb) {
    seeded(&t).await;
    let next = years::list(&as_user(&t, "ole").await).await.unwrap()[0].clone();
    for username in ["anne", "ida", "mette"] {
        let ctx = as_user(&t, username).await;
        assert_eq!(
            years::list(&ctx).await.unwrap_err().code,
            ErrorCode::Forbidden,
            "{username}"
        );
        let err = years::save(
            &ctx,
            i64::from(next.start_year),
            next.version,
            &next.first_day.to_string(),
            &next.last_day.to_string(),
            &[],
        )
        .await
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{username}");
    }
    let signed_out = t.ctx(None);
    assert_eq!(
        years::list(&signed_out).await.unwrap_err().code,
        ErrorCode::NotSignedIn
    );
}

on_both_databases!(
    a_school_is_in_the_latest_year_whose_first_day_has_come,
    the_office_sees_this_year_and_next_and_sets_the_next_years_dates,
    dates_that_do_not_fit_the_year_are_refused_and_change_nothing,
    new_classes_belong_to_the_year_the_school_is_in,
    only_leaders_and_the_office_see_or_set_school_years,
);
