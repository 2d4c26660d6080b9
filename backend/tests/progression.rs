//! Progression over time, on SQLite and on PostgreSQL: the teacher follows a pupil's evaluations
//! per goal across the hold's forløb, the pupil finds their own over time in Mine mål, and the
//! family's published plan says where a goal stood in the version before.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::evaluation;
use backend::planning::plans;
use backend::pupil_plan;
use backend::returns;
use common::{TestDb, as_user, dansk_forloeb};
use domain::planning::{Audience, TaskIcon, TaskInput, TaskWhen};
use domain::pupil_plan::{PlanEdit, PlanTexts};
use domain::school::Subject;

fn edit(plan: i64, version: i32, goal_ids: Vec<i64>) -> PlanEdit {
    PlanEdit {
        plan_id: plan,
        version,
        texts: PlanTexts {
            status: "Læser små bøger".into(),
            ..Default::default()
        },
        receives_support: false,
        goal_ids,
        voice: None,
    }
}

async fn the_teacher_and_the_pupil_follow_the_pupils_evaluations_over_time(t: TestDb) {
    let mut f = dansk_forloeb(&t).await;
    // A forløb of this week with its own two goals, so it has begun whatever day the tests run.
    f.unit = common::forloeb_this_week(&f.anne, f.year_plan, "Rim nu").await;
    let faces = common::faces_scale(&f.anne).await;
    let goal = |kind, text: &str| domain::planning::GoalInput {
        kind,
        own_text: Some(text.into()),
        framework_item_id: None,
        scale_id: faces,
        signs: String::new(),
    };
    f.faglig = plans::add_goal(
        &f.anne,
        f.unit,
        1,
        &goal(domain::planning::GoalKind::Faglig, "Jeg kan finde rim"),
    )
    .await
    .unwrap();
    f.refleksion = plans::add_goal(
        &f.anne,
        f.unit,
        2,
        &goal(domain::planning::GoalKind::Refleksion, "Jeg kan rime"),
    )
    .await
    .unwrap();
    let ida = as_user(&t, "ida").await;
    evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(0), "")
        .await
        .unwrap();
    evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(1), "Læser med støtte")
        .await
        .unwrap();
    evaluation::self_evaluate(&ida, f.refleksion, Some(1), "")
        .await
        .unwrap();
    evaluation::self_evaluate(&ida, f.refleksion, Some(2), "")
        .await
        .unwrap();
    // Noah's evaluations are his own.
    let noah = backend::identity::me(&as_user(&t, "noah").await)
        .await
        .unwrap()
        .id;
    evaluation::evaluate(&f.anne, f.faglig, noah, Some(2), "")
        .await
        .unwrap();

    // The teacher: each goal's evaluations, oldest first, the teacher's and Ida's apart.
    let today = backend::clock::today(domain::calendar::DEFAULT_TIME_ZONE).unwrap();
    let task = plans::create_task(
        &f.anne,
        f.unit,
        &TaskInput {
            title: "Læs en bog".into(),
            instruction: "Læs.".into(),
            icon: TaskIcon::Read,
            when: TaskWhen::Week(today),
            audience: Audience::Hold,
            pupils: vec![],
            easier: None,
            harder: None,
        },
    )
    .await
    .unwrap();
    let team = returns::task_returns(&f.anne, task).await.unwrap().team_id;
    let seen = returns::pupil_work::pupil_work(&f.anne, team, f.ida)
        .await
        .unwrap();
    assert_eq!(seen.units[0].unit_id, f.unit, "the running forløb first");
    let goals = &seen.units[0].goals;
    let faglig = goals.iter().find(|g| g.goal_id == f.faglig).unwrap();
    let steps: Vec<Option<u8>> = faglig.teacher.iter().map(|v| v.step).collect();
    assert_eq!(steps, [Some(0), Some(1)]);
    assert_eq!(faglig.teacher[1].comment, "Læser med støtte");
    assert!(faglig.pupil.is_empty());
    let refleksion = goals.iter().find(|g| g.goal_id == f.refleksion).unwrap();
    let steps: Vec<Option<u8>> = refleksion.pupil.iter().map(|v| v.step).collect();
    assert_eq!(steps, [Some(1), Some(2)]);
    assert!(
        !refleksion.steps.is_empty(),
        "the scale's words travel along"
    );

    // The pupil: their own evaluations over time, never the teacher's.
    let mine = evaluation::my_goals(&ida).await.unwrap();
    let goal = mine.iter().find(|g| g.goal_id == f.refleksion).unwrap();
    let steps: Vec<Option<u8>> = goal.history.iter().map(|v| v.step).collect();
    assert_eq!(steps, [Some(1), Some(2)]);
    assert_eq!(goal.mine.as_ref().and_then(|v| v.step), Some(2));
}

async fn the_published_plan_says_where_each_goal_stood_in_the_version_before(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(0), "")
        .await
        .unwrap();
    let plan = pupil_plan::start_plan(&f.anne, f.ida, Some(Subject::Dansk))
        .await
        .unwrap();
    let v = pupil_plan::save_plan(&f.anne, &edit(plan, 1, vec![f.faglig]))
        .await
        .unwrap();
    pupil_plan::publish_plan(&f.anne, plan, v).await.unwrap();
    let first = pupil_plan::collected_plan(&as_user(&t, "mette").await, f.ida)
        .await
        .unwrap();
    let goal = &first.plans[0].newest.goals[0];
    assert!(goal.teacher.is_some());
    assert_eq!(
        goal.teacher_before, None,
        "nothing before the first version"
    );

    evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(2), "")
        .await
        .unwrap();
    pupil_plan::publish_plan(&f.anne, plan, v).await.unwrap();
    let second = pupil_plan::collected_plan(&as_user(&t, "mette").await, f.ida)
        .await
        .unwrap();
    let goal = &second.plans[0].newest.goals[0];
    assert_eq!(goal.teacher_before, first.plans[0].newest.goals[0].teacher);
    assert_ne!(goal.teacher, goal.teacher_before, "it moved on since");
}

on_both_databases!(
    the_teacher_and_the_pupil_follow_the_pupils_evaluations_over_time,
    the_published_plan_says_where_each_goal_stood_in_the_version_before,
);
