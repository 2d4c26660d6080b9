//! Use-case tests of the leader's overview, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::entity::{team, team_member};
use backend::{evaluation, pupil_plan};
use common::{TestDb, as_user, dansk_forloeb as fixture};
use domain::home::{Home, LeaderHome, PlanStatus};
use sea_orm::{ActiveModelTrait, Set};

async fn overview(t: &TestDb) -> LeaderHome {
    match common::home_of(t, "lene").await {
        Home::Leader(h) => h,
        other => panic!("{other:?}"),
    }
}

async fn the_overview_shows_which_hold_plan_and_where_elevplaner_stand(t: TestDb) {
    let f = fixture(&t).await;
    let home = overview(&t).await;
    let hold = |name: &str| home.holds.iter().find(|h| h.name == name).unwrap().clone();
    let dansk = hold("Dansk 1.A");
    assert_eq!(dansk.year_plan_id, Some(f.year_plan));
    assert_eq!((dansk.unit_count, dansk.pupil_count), (1, 10));
    assert_eq!(dansk.class_names, ["1.A"]);
    assert_eq!(dansk.pupils_self_evaluated, Some(0));
    let maths = hold("Matematik 1.A");
    assert_eq!(maths.unit_count, 1, "Bo's Tal til 20");
    let english = hold("Engelsk 5.B");
    assert_eq!(english.year_plan_id, None);
    assert_eq!(english.unit_count, 0);

    let grade =
        |home: &LeaderHome, g: u8| home.grades.iter().find(|x| x.grade == g).unwrap().clone();
    let first = grade(&home, 1);
    assert_eq!(first.pupils.len(), 10);
    assert_eq!(first.count(PlanStatus::Missing), 10);
    assert_eq!(first.missing_required(), 10);

    // Ida evaluates herself; Anne starts Ida's dansk plan and publishes it.
    let ida = as_user(&t, "ida").await;
    evaluation::self_evaluate(&ida, f.refleksion, Some(1), "")
        .await
        .unwrap();
    let plan = pupil_plan::start_plan(&f.anne, f.ida, Some(domain::school::Subject::Dansk))
        .await
        .unwrap();
    let with_draft = overview(&t).await;
    assert_eq!(grade(&with_draft, 1).count(PlanStatus::Draft), 1);
    pupil_plan::publish_plan(&f.anne, plan, 1).await.unwrap();
    let home = overview(&t).await;
    let first = grade(&home, 1);
    assert_eq!(first.count(PlanStatus::Published), 1);
    assert_eq!(first.count(PlanStatus::Missing), 9);
    let idas = first.pupils.iter().find(|p| p.pupil_id == f.ida).unwrap();
    assert_eq!(idas.status, PlanStatus::Published);
    assert!(
        idas.missing_parts >= 1,
        "an empty dansk plan covers nothing yet"
    );
    let dansk = home.holds.iter().find(|h| h.name == "Dansk 1.A").unwrap();
    assert_eq!(dansk.pupils_self_evaluated, Some(1));
    assert_eq!(grade(&home, 5).pupils.len(), 10);
}

async fn a_hold_of_fewer_than_five_shows_no_aggregate(t: TestDb) {
    let f = fixture(&t).await;
    // The same year as the demo's hold.
    let year = {
        let overview = backend::planning::plans::overview(&f.anne).await.unwrap();
        overview.school_year[..4].parse::<i32>().unwrap()
    };
    let small = team::ActiveModel {
        school_id: Set(1),
        name: Set("Læsegruppe 1.A".into()),
        subject: Set("dansk".into()),
        school_year: Set(year),
        archived_at: Set(None),
        ..Default::default()
    }
    .insert(&t.db)
    .await
    .unwrap();
    let first_grade = overview(&t)
        .await
        .grades
        .into_iter()
        .find(|g| g.grade == 1)
        .unwrap();
    for p in first_grade.pupils.iter().take(3) {
        team_member::ActiveModel {
            team_id: Set(small.id),
            person_id: Set(i32::try_from(p.pupil_id).unwrap()),
            role: Set(backend::entity::team_member::MemberRole::Pupil),
            ..Default::default()
        }
        .insert(&t.db)
        .await
        .unwrap();
    }
    let home = overview(&t).await;
    let group = home
        .holds
        .iter()
        .find(|h| h.name == "Læsegruppe 1.A")
        .unwrap();
    assert_eq!(group.pupil_count, 3);
    assert_eq!(
        group.pupils_self_evaluated, None,
        "no figure for fewer than 5"
    );
    let big = home.holds.iter().find(|h| h.name == "Dansk 1.A").unwrap();
    assert!(big.pupils_self_evaluated.is_some());
}

on_both_databases!(
    the_overview_shows_which_hold_plan_and_where_elevplaner_stand,
    a_hold_of_fewer_than_five_shows_no_aggregate,
);
