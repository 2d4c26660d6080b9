//! Writes that race, on SQLite and PostgreSQL: every acknowledged write moves a version by exactly
//! one, so nothing is silently overwritten; the database holds one active årsplan per hold and
//! year; racing creates answer `Conflict`, never `Internal`; an archived goal keeps its history.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::planning::plans;
use backend::{evaluation, pupil_plan};
use common::{TestDb, as_user, dansk_forloeb, seeded};
use domain::ErrorCode;
use domain::Field;
use domain::school::Subject;

/// Runs `n` copies of a call at once and returns their results.
async fn at_once<T, F, Fut>(n: usize, call: F) -> Vec<Result<T, domain::AppError>>
where
    T: Send + 'static,
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = Result<T, domain::AppError>> + Send + 'static,
{
    let handles: Vec<_> = (0..n).map(|i| tokio::spawn(call(i))).collect();
    let mut out = Vec::with_capacity(n);
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

fn only_conflicts<T>(results: &[Result<T, domain::AppError>]) {
    for r in results {
        if let Err(e) = r {
            assert_eq!(e.code, ErrorCode::Conflict, "{e:?}");
        }
    }
}

async fn anne_team(t: &TestDb) -> (backend::RequestCtx, i64) {
    seeded(t).await;
    let anne = as_user(t, "anne").await;
    let team = plans::overview(&anne)
        .await
        .unwrap()
        .teams
        .into_iter()
        .find(|team| team.subject == Subject::Dansk && team.team_name.contains("1.A"))
        .unwrap()
        .team_id;
    (anne, team)
}

async fn parallel_creates_make_one_active_year_plan_and_the_others_conflict(t: TestDb) {
    let (anne, team) = anne_team(&t).await;
    let results = at_once(20, |i| {
        let anne = anne.clone();
        async move { plans::create_year_plan(&anne, team, &format!("Dansk {i}")).await }
    })
    .await;
    only_conflicts(&results);
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
}

async fn restoring_two_archived_plans_at_once_leaves_one_active(t: TestDb) {
    let (anne, team) = anne_team(&t).await;
    let first = plans::create_year_plan(&anne, team, "Første")
        .await
        .unwrap();
    plans::archive_year_plan(&anne, first).await.unwrap();
    let second = plans::create_year_plan(&anne, team, "Anden").await.unwrap();
    plans::archive_year_plan(&anne, second).await.unwrap();
    for _ in 0..5 {
        let results = at_once(2, |i| {
            let anne = anne.clone();
            let plan = [first, second][i];
            async move { plans::restore_year_plan(&anne, plan).await }
        })
        .await;
        only_conflicts(&results);
        let active = plans::overview(&anne)
            .await
            .unwrap()
            .teams
            .into_iter()
            .find(|x| x.team_id == team)
            .unwrap()
            .year_plan;
        let active = active.expect("one of them is back").id;
        // Put it away again for the next round.
        plans::archive_year_plan(&anne, active).await.unwrap();
    }
    // A restore while another plan is active is a conflict, sequentially too.
    plans::restore_year_plan(&anne, first).await.unwrap();
    assert_eq!(
        plans::restore_year_plan(&anne, second)
            .await
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
}

async fn every_acknowledged_write_to_a_forloeb_moves_its_version_by_exactly_one(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let start = plans::unit(&f.anne, f.unit).await.unwrap().version;
    // Saves from the version each caller read, archives, restores and shares, all at once.
    let input = {
        let u = plans::unit(&f.anne, f.unit).await.unwrap();
        domain::planning::UnitInput {
            title: u.title,
            description: "Ændret".into(),
            first_week: u.first_week,
            last_week: u.last_week,
            materials: vec![],
        }
    };
    let results = at_once(24, |i| {
        let anne = f.anne.clone();
        let input = input.clone();
        let unit = f.unit;
        async move {
            match i % 4 {
                0 => {
                    let read = plans::unit(&anne, unit).await?.version;
                    plans::save_unit(&anne, unit, read, &input)
                        .await
                        .map(|_| ())
                }
                1 => plans::archive_unit(&anne, unit).await,
                2 => plans::restore_unit(&anne, unit).await,
                _ => plans::share_unit(&anne, unit, i % 8 == 3).await,
            }
        }
    })
    .await;
    only_conflicts(&results);
    let acknowledged = results.iter().filter(|r| r.is_ok()).count();
    let end = plans::unit(&f.anne, f.unit).await.unwrap().version;
    assert_eq!(
        end - start,
        i64::try_from(acknowledged).unwrap(),
        "each acknowledged write is one version; none was written over another"
    );
}

async fn a_version_at_the_end_of_its_range_is_refused_as_input(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let u = plans::unit(&f.anne, f.unit).await.unwrap();
    let input = domain::planning::UnitInput {
        title: u.title,
        description: String::new(),
        first_week: u.first_week,
        last_week: u.last_week,
        materials: vec![],
    };
    let err = plans::save_unit(&f.anne, f.unit, i64::MAX, &input)
        .await
        .unwrap_err();
    assert_eq!(err, domain::AppError::invalid(Field::Version));
    assert_eq!(
        plans::unit(&f.anne, f.unit).await.unwrap().version,
        u.version
    );
}

async fn racing_starts_of_one_elevplan_make_one_plan_and_never_fail_inside(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let results = at_once(10, |_| {
        let anne = f.anne.clone();
        let ida = f.ida;
        async move { pupil_plan::start_plan(&anne, ida, Some(Subject::Dansk)).await }
    })
    .await;
    only_conflicts(&results);
    let ids: std::collections::BTreeSet<i64> = results.into_iter().filter_map(Result::ok).collect();
    assert_eq!(
        ids.len(),
        1,
        "every start that succeeded found the same plan"
    );
}

async fn an_archived_goal_keeps_its_evaluations_readable_and_can_be_restored(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(1), "Godt begyndt")
        .await
        .unwrap();
    plans::archive_goal(&f.anne, f.faglig).await.unwrap();
    let history = evaluation::history(&f.anne, f.faglig, f.ida).await.unwrap();
    assert_eq!(history.teacher.len(), 1);
    assert_eq!(history.teacher[0].comment, "Godt begyndt");
    // Nobody evaluates on it while it is out of the forløb; it is listed to be restored.
    assert_eq!(
        evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(2), "")
            .await
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    let unit = plans::unit(&f.anne, f.unit).await.unwrap();
    assert!(unit.goals.iter().all(|g| g.id != f.faglig));
    assert!(unit.archived_goals.iter().any(|g| g.id == f.faglig));
    // Archiving twice leaves it archived; other roles cannot restore it.
    plans::archive_goal(&f.anne, f.faglig).await.unwrap();
    assert!(
        plans::unit(&f.anne, f.unit)
            .await
            .unwrap()
            .archived_goals
            .iter()
            .any(|g| g.id == f.faglig)
    );
    for who in ["dorte", "ida", "mette", "ole"] {
        let ctx = as_user(&t, who).await;
        assert!(plans::restore_goal(&ctx, f.faglig).await.is_err(), "{who}");
    }
    plans::restore_goal(&f.anne, f.faglig).await.unwrap();
    let unit = plans::unit(&f.anne, f.unit).await.unwrap();
    assert!(unit.goals.iter().any(|g| g.id == f.faglig));
    evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(2), "")
        .await
        .unwrap();
    let history = evaluation::history(&f.anne, f.faglig, f.ida).await.unwrap();
    assert_eq!(
        history.teacher.len(),
        2,
        "the old evaluation is still there"
    );
}

on_both_databases!(
    parallel_creates_make_one_active_year_plan_and_the_others_conflict,
    restoring_two_archived_plans_at_once_leaves_one_active,
    every_acknowledged_write_to_a_forloeb_moves_its_version_by_exactly_one,
    a_version_at_the_end_of_its_range_is_refused_as_input,
    racing_starts_of_one_elevplan_make_one_plan_and_never_fail_inside,
    an_archived_goal_keeps_its_evaluations_readable_and_can_be_restored,
);
