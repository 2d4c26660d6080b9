//! Use-case tests of the årsplan's timeline: the holidays the leader sets, as the teacher's
//! weeks show them, and forløb placed and resized by week. On SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::RequestCtx;
use backend::identity::school_year as years;
use backend::planning::plans;
use common::{TestDb, anne_dansk_plan, as_user, forloeb_in, seeded};
use domain::ErrorCode;
use domain::calendar::Date;
use domain::school_year::SchoolYear;
use domain::school_year::{HolidayInput, HolidayKind};

async fn current_year(ctx: &RequestCtx) -> SchoolYear {
    years::list(ctx)
        .await
        .unwrap()
        .into_iter()
        .find(|y| y.current)
        .unwrap()
}

fn holiday(kind: HolidayKind, first: Date, last: Date) -> HolidayInput {
    HolidayInput {
        kind,
        first_day: first.to_string(),
        last_day: last.to_string(),
    }
}

fn week_monday(year: &SchoolYear, week: u8) -> Date {
    let in_year = if week >= 30 {
        year.start_year
    } else {
        year.start_year + 1
    };
    Date::monday_of_iso_week(in_year, week).unwrap()
}

async fn the_leaders_holidays_are_the_weeks_off_on_the_teachers_timeline(t: TestDb) {
    seeded(&t).await;
    let (anne, _, plan_id) = anne_dansk_plan(&t).await;
    // Before the leader sets anything, Spire's proposal: efterårsferie in week 42.
    let plan = plans::year_plan(&anne, plan_id).await.unwrap();
    let week = |plan: &domain::planning::YearPlan, n: u8| {
        plan.weeks.iter().find(|w| w.week == n).cloned().unwrap()
    };
    assert_eq!(week(&plan, 42).holiday, Some(HolidayKind::Autumn));
    assert_eq!(week(&plan, 42).school_days, 0);

    // This school holds efterårsferie in week 43, no vinterferie, and juleferie as proposed.
    let lene = as_user(&t, "lene").await;
    let year = current_year(&lene).await;
    let autumn = week_monday(&year, 43);
    let christmas = year
        .holidays
        .iter()
        .find(|h| h.kind == HolidayKind::Christmas)
        .unwrap();
    let version = years::save(
        &lene,
        i64::from(year.start_year),
        year.version,
        &year.first_day.to_string(),
        &year.last_day.to_string(),
        &[
            holiday(HolidayKind::Autumn, autumn, autumn.add_days(4).unwrap()),
            holiday(
                HolidayKind::Christmas,
                christmas.first_day,
                christmas.last_day,
            ),
            HolidayInput {
                kind: HolidayKind::Winter,
                first_day: String::new(),
                last_day: String::new(),
            },
        ],
    )
    .await
    .unwrap();
    assert_eq!(version, year.version + 1);
    let saved = current_year(&lene).await;
    assert!(saved.holidays_set);
    assert_eq!(
        saved.holidays.iter().map(|h| h.kind).collect::<Vec<_>>(),
        [HolidayKind::Autumn, HolidayKind::Christmas]
    );

    let plan = plans::year_plan(&anne, plan_id).await.unwrap();
    assert_eq!(week(&plan, 42).holiday, None);
    assert_eq!(week(&plan, 42).school_days, 5);
    assert_eq!(week(&plan, 43).holiday, Some(HolidayKind::Autumn));
    assert_eq!(week(&plan, 7).holiday, None, "no vinterferie this year");
    assert_eq!(plan.last_day, saved.last_day);
}

async fn a_stale_or_impossible_holiday_save_is_refused_and_changes_nothing(t: TestDb) {
    seeded(&t).await;
    let lene = as_user(&t, "lene").await;
    let year = current_year(&lene).await;
    let save = |version: i64, holidays: Vec<HolidayInput>| {
        let lene = &lene;
        let year = &year;
        async move {
            years::save(
                lene,
                i64::from(year.start_year),
                version,
                &year.first_day.to_string(),
                &year.last_day.to_string(),
                &holidays,
            )
            .await
        }
    };
    let autumn = week_monday(&year, 42);
    let overlapping = vec![
        holiday(HolidayKind::Autumn, autumn, autumn.add_days(4).unwrap()),
        holiday(
            HolidayKind::Christmas,
            autumn.add_days(2).unwrap(),
            autumn.add_days(9).unwrap(),
        ),
    ];
    let err = save(year.version, overlapping).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(err.field.as_deref(), Some("christmas_holiday"));
    let half = vec![HolidayInput {
        kind: HolidayKind::Easter,
        first_day: autumn.to_string(),
        last_day: String::new(),
    }];
    let err = save(year.version, half).await.unwrap_err();
    assert_eq!(err.field.as_deref(), Some("easter_holiday"));
    assert_eq!(current_year(&lene).await, year);

    // Two leaders open the same year; the second to save gets a conflict and writes nothing.
    save(year.version, vec![]).await.unwrap();
    let second = vec![holiday(HolidayKind::Autumn, autumn, autumn)];
    assert_eq!(
        save(year.version, second).await.unwrap_err().code,
        ErrorCode::Conflict
    );
    assert!(current_year(&lene).await.holidays.is_empty());
}

async fn a_forlob_moved_and_resized_by_week_is_where_the_teacher_put_it(t: TestDb) {
    seeded(&t).await;
    let (anne, _, plan_id) = anne_dansk_plan(&t).await;
    let unit_id = forloeb_in(&anne, plan_id, "Eventyr", 38).await;
    let year = plans::year_plan(&anne, plan_id).await.unwrap();
    let start: i32 = year.school_year[..4].parse().unwrap();
    let monday = |week: u8| Date::monday_of_iso_week(start, week).unwrap();
    // One week later and two weeks longer; any day of a week means that week.
    let version = plans::schedule_unit(
        &anne,
        unit_id,
        1,
        monday(39).add_days(2).unwrap(),
        monday(41),
    )
    .await
    .unwrap();
    assert_eq!(version, 2);
    let unit = plans::unit(&anne, unit_id).await.unwrap();
    assert_eq!((unit.first_week, unit.last_week), (monday(39), monday(41)));
    let plan = plans::year_plan(&anne, plan_id).await.unwrap();
    let weeks: Vec<u8> = plan
        .weeks
        .iter()
        .filter(|w| w.unit_ids.contains(&unit_id))
        .map(|w| w.week)
        .collect();
    assert_eq!(weeks, [39, 40, 41]);
    assert_eq!(plan.units[0].version, 2);

    // A colleague's save in between is a conflict, not a silent overwrite.
    assert_eq!(
        plans::schedule_unit(&anne, unit_id, 1, monday(40), monday(40))
            .await
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
    // Backwards or outside the school year is refused by its field, and nothing moves.
    for (first, last, field) in [
        (monday(41), monday(39), "last_week"),
        (monday(30), monday(39), "first_week"),
        (
            monday(39),
            monday(39).add_days(7 * 52).unwrap(),
            "last_week",
        ),
    ] {
        let err = plans::schedule_unit(&anne, unit_id, 2, first, last)
            .await
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some(field), "{first}–{last}");
    }
    let unit = plans::unit(&anne, unit_id).await.unwrap();
    assert_eq!((unit.first_week, unit.version), (monday(39), 2));
}

async fn only_the_holds_teachers_move_a_forlob(t: TestDb) {
    seeded(&t).await;
    let (anne, _, plan_id) = anne_dansk_plan(&t).await;
    let unit_id = forloeb_in(&anne, plan_id, "Eventyr", 38).await;
    let unit = plans::unit(&anne, unit_id).await.unwrap();
    // Dorte teaches another hold, Ida is a pupil, Mette a parent, Lene the leader, Ole the office.
    for username in ["dorte", "ida", "mette", "lene", "ole"] {
        let ctx = as_user(&t, username).await;
        let err = plans::schedule_unit(&ctx, unit_id, 1, unit.first_week, unit.first_week)
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{username}");
    }
    assert_eq!(
        plans::schedule_unit(&t.ctx(None), unit_id, 1, unit.first_week, unit.first_week)
            .await
            .unwrap_err()
            .code,
        ErrorCode::NotSignedIn
    );
    assert_eq!(plans::unit(&anne, unit_id).await.unwrap(), unit);
}

/// The kompetenceområde "Fortælling" of the demo framework's dansk, and which forløb it lists.
fn fortaelling(plan: &domain::planning::YearPlan) -> Vec<i64> {
    plan.coverage
        .iter()
        .find(|a| a.name == "Fortælling")
        .expect("dansk's area in the coverage")
        .units
        .clone()
}

async fn the_timeline_shows_which_areas_the_forlob_have_goals_in(t: TestDb) {
    seeded(&t).await;
    let (anne, _, plan_id) = anne_dansk_plan(&t).await;
    let eventyr = forloeb_in(&anne, plan_id, "Eventyr", 40).await;
    let rim = forloeb_in(&anne, plan_id, "Rim", 44).await;
    let plan = plans::year_plan(&anne, plan_id).await.unwrap();
    assert!(fortaelling(&plan).is_empty(), "no goals yet");
    assert!(
        plan.coverage.iter().all(|a| a.name != "Tal og mængder"),
        "only the hold's subject's areas: {:?}",
        plan.coverage
    );

    // A færdigheds- og vidensområde in Rim, a kompetencemål in Eventyr: both lie in Fortælling,
    // listed in the plan's order.
    let p = backend::identity::current_principal(&anne).await.unwrap();
    let found = backend::planning::framework::search_goals(
        &t.db,
        &p,
        &domain::framework::GoalSearch {
            subject: Some(domain::school::Subject::Dansk),
            grade: Some(1),
            words: String::new(),
        },
    )
    .await
    .unwrap();
    let item = |key: &str| found.iter().find(|i| i.key == key).unwrap().id;
    let scale = common::faces_scale(&anne).await;
    let goal = |item_id: i64| domain::planning::GoalInput {
        kind: domain::planning::GoalKind::Faglig,
        own_text: None,
        framework_item_id: Some(item_id),
        scale_id: scale,
        signs: String::new(),
    };
    plans::add_goal(&anne, rim, 1, &goal(item("dansk.fortaelling.rim")))
        .await
        .unwrap();
    plans::add_goal(
        &anne,
        eventyr,
        1,
        &goal(item("dansk.fortaelling.genfortaelle")),
    )
    .await
    .unwrap();
    let plan = plans::year_plan(&anne, plan_id).await.unwrap();
    assert_eq!(fortaelling(&plan), vec![eventyr, rim]);

    // An archived forløb no longer covers anything.
    plans::archive_unit(&anne, eventyr).await.unwrap();
    let plan = plans::year_plan(&anne, plan_id).await.unwrap();
    assert_eq!(fortaelling(&plan), vec![rim]);
}

on_both_databases!(
    the_timeline_shows_which_areas_the_forlob_have_goals_in,
    the_leaders_holidays_are_the_weeks_off_on_the_teachers_timeline,
    a_stale_or_impossible_holiday_save_is_refused_and_changes_nothing,
    a_forlob_moved_and_resized_by_week_is_where_the_teacher_put_it,
    only_the_holds_teachers_move_a_forlob,
);
