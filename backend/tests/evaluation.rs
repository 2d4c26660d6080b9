//! Use-case tests of evaluations, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::evaluation;
use backend::planning::plans;
use common::{TestDb, as_user, dansk_forloeb as fixture};
use domain::{AppError, ErrorCode};

fn code<T: std::fmt::Debug>(result: Result<T, AppError>) -> ErrorCode {
    result.unwrap_err().code
}

async fn the_teachers_and_the_pupils_own_evaluation_are_kept_side_by_side(t: TestDb) {
    let f = fixture(&t).await;
    let ida = as_user(&t, "ida").await;
    evaluation::evaluate(&f.anne, f.refleksion, f.ida, Some(1), "På vej")
        .await
        .unwrap();
    evaluation::self_evaluate(&ida, f.refleksion, Some(2), "Jeg kan det!")
        .await
        .unwrap();
    evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(0), "")
        .await
        .unwrap();

    let grid = evaluation::grid(&f.anne, f.unit).await.unwrap();
    assert_eq!(grid.goals.len(), 2);
    assert_eq!(grid.pupils.len(), 10);
    assert_eq!(grid.cells.len(), 20);
    let cell = |goal| {
        grid.cells
            .iter()
            .find(|c| c.goal_id == goal && c.pupil_id == f.ida)
            .unwrap()
    };
    let both = cell(f.refleksion);
    assert_eq!(both.teacher.as_ref().unwrap().step, Some(1));
    assert_eq!(both.pupil.as_ref().unwrap().step, Some(2));
    assert_eq!(both.pupil.as_ref().unwrap().comment, "Jeg kan det!");
    let teacher_only = cell(f.faglig);
    assert_eq!(teacher_only.teacher.as_ref().unwrap().step, Some(0));
    assert!(teacher_only.pupil.is_none());
}

async fn a_changed_evaluation_keeps_its_earlier_values(t: TestDb) {
    let f = fixture(&t).await;
    for (step, words) in [(0, "Ikke endnu"), (1, "På vej"), (2, "Sikker")] {
        evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(step), words)
            .await
            .unwrap();
    }
    let grid = evaluation::grid(&f.anne, f.unit).await.unwrap();
    let cell = grid
        .cells
        .iter()
        .find(|c| c.goal_id == f.faglig && c.pupil_id == f.ida)
        .unwrap();
    assert_eq!(cell.teacher.as_ref().unwrap().step, Some(2));
    let history = evaluation::history(&f.anne, f.faglig, f.ida).await.unwrap();
    let steps: Vec<Option<u8>> = history.teacher.iter().map(|v| v.step).collect();
    assert_eq!(steps, [Some(0), Some(1), Some(2)]);
    assert!(history.pupil.is_empty());
}

async fn bad_evaluations_are_refused_and_change_nothing(t: TestDb) {
    let f = fixture(&t).await;
    let ida = as_user(&t, "ida").await;
    let lucas_in_5b = 999_999;
    let cases = [
        (
            code(evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(3), "").await),
            "a step past the scale",
        ),
        (
            code(evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(-1), "").await),
            "a negative step",
        ),
        (
            code(evaluation::evaluate(&f.anne, f.faglig, f.ida, None, "  ").await),
            "neither step nor words",
        ),
        (
            code(evaluation::evaluate(&f.anne, f.faglig, lucas_in_5b, Some(1), "").await),
            "a pupil outside the hold",
        ),
        (
            code(evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(1), &"x".repeat(2001)).await),
            "a comment too long",
        ),
        (
            code(evaluation::self_evaluate(&ida, f.faglig, Some(1), "").await),
            "a teacher-only goal",
        ),
    ];
    for (got, what) in cases {
        assert_eq!(got, ErrorCode::InvalidInput, "{what}");
    }
    let grid = evaluation::grid(&f.anne, f.unit).await.unwrap();
    assert!(
        grid.cells
            .iter()
            .all(|c| c.teacher.is_none() && c.pupil.is_none())
    );
}

async fn pupils_never_read_evaluations_and_only_the_holds_teachers_write_them(t: TestDb) {
    let f = fixture(&t).await;
    evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(1), "Kun for læreren")
        .await
        .unwrap();
    let ida = as_user(&t, "ida").await;
    assert_eq!(
        code(evaluation::grid(&ida, f.unit).await),
        ErrorCode::Forbidden
    );
    assert_eq!(
        code(evaluation::history(&ida, f.faglig, f.ida).await),
        ErrorCode::Forbidden
    );
    for username in ["dorte", "mette", "ole", "lene"] {
        let ctx = as_user(&t, username).await;
        assert_eq!(
            code(evaluation::evaluate(&ctx, f.faglig, f.ida, Some(1), "").await),
            ErrorCode::Forbidden,
            "{username}"
        );
    }
    // A pupil of another class evaluates nobody's goals but their own hold's.
    let sofia = as_user(&t, "sofia").await;
    assert_eq!(
        code(evaluation::self_evaluate(&sofia, f.refleksion, Some(1), "").await),
        ErrorCode::Forbidden
    );
    // The leader reads the grid; a colleague outside the hold does not.
    assert!(
        evaluation::grid(&as_user(&t, "lene").await, f.unit)
            .await
            .is_ok()
    );
    assert_eq!(
        code(evaluation::grid(&as_user(&t, "dorte").await, f.unit).await),
        ErrorCode::Forbidden
    );
    assert_eq!(
        code(evaluation::grid(&t.ctx(None), f.unit).await),
        ErrorCode::NotSignedIn
    );
}

async fn evaluations_outlive_the_goal_and_forlob_being_archived(t: TestDb) {
    let f = fixture(&t).await;
    evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(2), "Sikker")
        .await
        .unwrap();
    plans::archive_goal(&f.anne, f.faglig).await.unwrap();
    plans::archive_unit(&f.anne, f.unit).await.unwrap();
    let rows = backend::entity::evaluation::Entity::find()
        .all(&t.db)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].comment, "Sikker");
}

async fn a_pupil_sees_their_reflection_goals_with_only_their_own_evaluation(t: TestDb) {
    let f = fixture(&t).await;
    let ida = as_user(&t, "ida").await;
    evaluation::evaluate(&f.anne, f.refleksion, f.ida, Some(0), "Kun for læreren")
        .await
        .unwrap();
    evaluation::self_evaluate(&ida, f.refleksion, Some(2), "")
        .await
        .unwrap();
    let mine = evaluation::my_goals(&ida).await.unwrap();
    let texts: Vec<&str> = mine.iter().map(|g| g.text.as_str()).collect();
    assert!(texts.contains(&"Jeg kan genfortælle"), "{texts:?}");
    // The demo school's maths forløb for 1.A has one too.
    assert!(texts.contains(&"Jeg kan tælle til 20"), "{texts:?}");
    assert!(
        !texts.contains(&"Jeg kan læse rim"),
        "teacher-only goals are not the pupil's to see"
    );
    let own = mine.iter().find(|g| g.goal_id == f.refleksion).unwrap();
    assert_eq!(own.mine.as_ref().unwrap().step, Some(2));
    assert!(own.scale.faces);
    // Sofia in 5.B sees nothing of 1.A; adults get the pupils' screen refused.
    let sofia = evaluation::my_goals(&as_user(&t, "sofia").await)
        .await
        .unwrap();
    assert!(sofia.iter().all(|g| g.goal_id != f.refleksion));
    assert_eq!(
        code(evaluation::my_goals(&f.anne).await),
        ErrorCode::Forbidden
    );
}

use sea_orm::EntityTrait;

on_both_databases!(
    a_pupil_sees_their_reflection_goals_with_only_their_own_evaluation,
    the_teachers_and_the_pupils_own_evaluation_are_kept_side_by_side,
    a_changed_evaluation_keeps_its_earlier_values,
    bad_evaluations_are_refused_and_change_nothing,
    pupils_never_read_evaluations_and_only_the_holds_teachers_write_them,
    evaluations_outlive_the_goal_and_forlob_being_archived,
);
