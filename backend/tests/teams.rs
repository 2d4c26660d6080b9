//! Use-case tests of hold a school can run, on SQLite and PostgreSQL: teachers and pupils added
//! and taken off by the people allowed to, the history kept, archiving, and the hold of a class
//! following the roster when a pupil joins, moves or leaves.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::entity::{evaluation, team};
use backend::identity::roster;
use backend::{RequestCtx, evaluation as evaluations, teams};
use common::{
    TestDb, as_user, dansk_forloeb, faces_scale, forloeb_in, home_of, roster_class_id,
    roster_pupil_id, seeded, token_for,
};
use domain::home::Home;
use domain::school::Subject;
use domain::teams::{ClassChangePreview, MembershipChange, TeamMembers};
use domain::{AppError, ErrorCode, Field};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

async fn team_id(t: &TestDb, name: &str) -> i64 {
    let found = team::Entity::find()
        .filter(team::Column::Name.eq(name))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    i64::from(found.id)
}

async fn members(ctx: &RequestCtx, team: i64) -> TeamMembers {
    teams::team_members(ctx, team).await.unwrap()
}

fn pupil_names(m: &TeamMembers) -> Vec<&str> {
    m.pupils.iter().map(|p| p.name.as_str()).collect()
}

fn teacher_names(m: &TeamMembers) -> Vec<&str> {
    m.teachers.iter().map(|p| p.name.as_str()).collect()
}

async fn teaches(t: &TestDb, username: &str, team: &str) -> bool {
    let Home::Teacher(home) = home_of(t, username).await else {
        panic!("{username} is teaching staff")
    };
    home.teams.iter().any(|h| h.name == team)
}

async fn subjects_of(t: &TestDb, username: &str) -> Vec<Subject> {
    let Home::Pupil(home) = home_of(t, username).await else {
        panic!("{username} is a pupil")
    };
    home.subjects
}

async fn a_leader_adds_a_co_teacher_who_then_teaches_the_hold(t: TestDb) {
    seeded(&t).await;
    let lene = as_user(&t, "lene").await;
    let maths = team_id(&t, "Matematik 1.A").await;
    assert!(!teaches(&t, "dorte", "Matematik 1.A").await);
    let dorte = members(&lene, maths)
        .await
        .staff_to_add
        .into_iter()
        .find(|s| s.name.starts_with("Dorte"))
        .unwrap();
    teams::add_teacher(&lene, maths, dorte.id).await.unwrap();
    assert!(teaches(&t, "dorte", "Matematik 1.A").await);
    let after = members(&lene, maths).await;
    assert!(teacher_names(&after).contains(&dorte.name.as_str()));
    assert_eq!(after.history[0].change, MembershipChange::Joined);
    assert_eq!(after.history[0].name, dorte.name);
    // A pupil is not a teacher.
    let ida = roster_pupil_id(&t, "Ida Jensen").await;
    let err = teams::add_teacher(&lene, maths, ida).await.unwrap_err();
    assert_eq!(err, AppError::invalid(Field::Teacher));
}

async fn a_teacher_of_the_hold_adds_pupils_from_another_class_one_by_one_or_all(t: TestDb) {
    seeded(&t).await;
    let bo = as_user(&t, "bo").await;
    let maths = team_id(&t, "Matematik 1.A").await;
    let before = members(&bo, maths).await;
    let from_5b = before.classes.iter().find(|c| c.name == "5.B").unwrap();
    let one = from_5b.pupils[0].clone();
    teams::add_pupil(&bo, maths, one.id).await.unwrap();
    assert!(pupil_names(&members(&bo, maths).await).contains(&one.name.as_str()));
    let joined = teams::add_class(&bo, maths, from_5b.id).await.unwrap();
    assert_eq!(
        joined as usize,
        from_5b.pupils.len() - 1,
        "one was in already"
    );
    assert_eq!(
        members(&bo, maths).await.pupils.len(),
        before.pupils.len() + from_5b.pupils.len()
    );
}

async fn a_pupil_taken_off_a_hold_keeps_what_they_earned_and_the_history_says_when(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    evaluations::evaluate(&f.anne, f.faglig, f.ida, Some(2), "Godt")
        .await
        .unwrap();
    let dansk = team_id(&t, "Dansk 1.A").await;
    teams::remove_member(&f.anne, dansk, f.ida).await.unwrap();
    let after = members(&f.anne, dansk).await;
    assert!(!pupil_names(&after).contains(&"Ida Jensen"));
    assert_eq!(
        (after.history[0].name.as_str(), after.history[0].change),
        ("Ida Jensen", MembershipChange::Removed)
    );
    assert!(!subjects_of(&t, "ida").await.contains(&Subject::Dansk));
    let kept = evaluation::Entity::find()
        .filter(evaluation::Column::PupilId.eq(i32::try_from(f.ida).unwrap()))
        .count(&t.db)
        .await
        .unwrap();
    assert_eq!(kept, 1, "the evaluation stays");
    // She can come back: a new membership, the old one kept.
    teams::add_pupil(&f.anne, dansk, f.ida).await.unwrap();
    assert!(subjects_of(&t, "ida").await.contains(&Subject::Dansk));
    assert_eq!(members(&f.anne, dansk).await.history.len(), 2);
}

async fn a_hold_keeps_at_least_one_teacher(t: TestDb) {
    seeded(&t).await;
    let lene = as_user(&t, "lene").await;
    let maths = team_id(&t, "Matematik 1.A").await;
    let bo = members(&lene, maths).await.teachers[0].id;
    let err = teams::remove_member(&lene, maths, bo).await.unwrap_err();
    assert_eq!(err, AppError::invalid(Field::LastTeacher));
    assert!(teaches(&t, "bo", "Matematik 1.A").await);
}

async fn an_archived_hold_leaves_this_years_screens_and_can_come_back(t: TestDb) {
    seeded(&t).await;
    let bo = as_user(&t, "bo").await;
    let maths = team_id(&t, "Matematik 1.A").await;
    teams::archive_team(&bo, maths).await.unwrap();
    assert!(!teaches(&t, "bo", "Matematik 1.A").await);
    assert!(members(&bo, maths).await.archived);
    let ida = roster_pupil_id(&t, "Ida Jensen").await;
    let err = teams::remove_member(&bo, maths, ida).await.unwrap_err();
    assert_eq!(
        err,
        AppError::invalid(Field::Team),
        "an archived hold is not changed"
    );
    teams::restore_team(&bo, maths).await.unwrap();
    assert!(teaches(&t, "bo", "Matematik 1.A").await);
}

async fn a_pupil_who_joins_a_class_mid_year_joins_its_hold(t: TestDb) {
    seeded(&t).await;
    let lene = as_user(&t, "lene").await;
    let class_1a = roster_class_id(&t, "1.A").await;
    let sofus = roster::add_pupil(&lene, "Sofus", "Berg", class_1a)
        .await
        .unwrap();
    for hold in ["Dansk 1.A", "Matematik 1.A"] {
        let m = members(&lene, team_id(&t, hold).await).await;
        assert!(pupil_names(&m).contains(&"Sofus Berg"), "{hold}");
    }
    let _ = sofus;
}

async fn a_pupil_who_moves_class_leaves_the_old_hold_for_the_new_after_a_preview(t: TestDb) {
    seeded(&t).await;
    let lene = as_user(&t, "lene").await;
    let ida = roster_pupil_id(&t, "Ida Jensen").await;
    let class_5b = roster_class_id(&t, "5.B").await;
    let preview = roster::preview_class_change(&lene, ida, Some(class_5b))
        .await
        .unwrap();
    assert_eq!(
        preview,
        ClassChangePreview {
            leaves: vec!["Dansk 1.A".into(), "Matematik 1.A".into()],
            joins: vec![
                "Dansk 5.B".into(),
                "Engelsk 5.B".into(),
                "Matematik 5.B".into()
            ],
        }
    );
    assert!(
        pupil_names(&members(&lene, team_id(&t, "Dansk 1.A").await).await).contains(&"Ida Jensen"),
        "a preview changes nothing"
    );
    roster::move_pupil(&lene, ida, class_5b).await.unwrap();
    let old = members(&lene, team_id(&t, "Dansk 1.A").await).await;
    assert!(!pupil_names(&old).contains(&"Ida Jensen"));
    assert_eq!(old.history[0].change, MembershipChange::MovedClass);
    assert!(subjects_of(&t, "ida").await.contains(&Subject::Engelsk));

    let leaving = roster::preview_class_change(&lene, ida, None)
        .await
        .unwrap();
    assert_eq!(leaving.leaves.len(), 3);
    roster::mark_pupil_left(&lene, ida).await.unwrap();
    let engelsk = members(&lene, team_id(&t, "Engelsk 5.B").await).await;
    assert!(!pupil_names(&engelsk).contains(&"Ida Jensen"));
    assert_eq!(engelsk.history[0].change, MembershipChange::LeftSchool);
}

async fn a_hold_of_another_class_a_pupil_was_added_to_stays_theirs_when_they_move(t: TestDb) {
    seeded(&t).await;
    let lene = as_user(&t, "lene").await;
    let ida = roster_pupil_id(&t, "Ida Jensen").await;
    let engelsk = team_id(&t, "Engelsk 5.B").await;
    teams::add_pupil(&lene, engelsk, ida).await.unwrap();
    let class_2a = roster::create_class(&lene, "2.A", 2).await.unwrap();
    let preview = roster::preview_class_change(&lene, ida, Some(class_2a))
        .await
        .unwrap();
    assert_eq!(preview.leaves, ["Dansk 1.A", "Matematik 1.A"]);
    roster::move_pupil(&lene, ida, class_2a).await.unwrap();
    assert!(pupil_names(&members(&lene, engelsk).await).contains(&"Ida Jensen"));
    let dansk = members(&lene, team_id(&t, "Dansk 1.A").await).await;
    assert!(!pupil_names(&dansk).contains(&"Ida Jensen"));
}

async fn only_leaders_the_office_and_the_holds_own_teachers_run_it(t: TestDb) {
    seeded(&t).await;
    let maths = team_id(&t, "Matematik 1.A").await;
    let ida = roster_pupil_id(&t, "Ida Jensen").await;
    let class_5b = roster_class_id(&t, "5.B").await;
    // Dorte teaches at the school, but not this hold; Pia is a pædagog in Dansk 1.A only.
    for who in ["dorte", "pia", "mette", "ida"] {
        let ctx = as_user(&t, who).await;
        let forbidden = |r: Result<(), AppError>| r.unwrap_err().code == ErrorCode::Forbidden;
        assert_eq!(
            teams::team_members(&ctx, maths).await.unwrap_err().code,
            ErrorCode::Forbidden,
            "{who}"
        );
        assert!(forbidden(teams::add_teacher(&ctx, maths, 1).await), "{who}");
        assert!(forbidden(teams::add_pupil(&ctx, maths, ida).await), "{who}");
        assert_eq!(
            teams::add_class(&ctx, maths, class_5b)
                .await
                .unwrap_err()
                .code,
            ErrorCode::Forbidden
        );
        assert!(
            forbidden(teams::remove_member(&ctx, maths, ida).await),
            "{who}"
        );
        assert!(forbidden(teams::archive_team(&ctx, maths).await), "{who}");
        assert!(forbidden(teams::restore_team(&ctx, maths).await), "{who}");
        assert_eq!(
            roster::preview_class_change(&ctx, ida, Some(class_5b))
                .await
                .unwrap_err()
                .code,
            ErrorCode::Forbidden
        );
    }
    let nobody = t.ctx(None);
    assert_eq!(
        teams::team_members(&nobody, maths).await.unwrap_err().code,
        ErrorCode::NotSignedIn
    );
    let ole = as_user(&t, "ole").await;
    assert!(pupil_names(&members(&ole, maths).await).contains(&"Ida Jensen"));
    let _ = token_for(&t, "lene").await;
}

async fn bad_ids_are_clear_errors_that_change_nothing(t: TestDb) {
    seeded(&t).await;
    let lene = as_user(&t, "lene").await;
    let maths = team_id(&t, "Matematik 1.A").await;
    let before = members(&lene, maths).await;
    assert_eq!(
        teams::team_members(&lene, 999_999).await.unwrap_err().code,
        ErrorCode::NotFound
    );
    assert_eq!(
        teams::add_pupil(&lene, maths, 999_999).await.unwrap_err(),
        AppError::invalid(Field::Pupil)
    );
    assert_eq!(
        teams::add_class(&lene, maths, 999_999).await.unwrap_err(),
        AppError::invalid(Field::Class)
    );
    assert_eq!(
        teams::remove_member(&lene, maths, 999_999)
            .await
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    assert_eq!(members(&lene, maths).await, before);
}

on_both_databases!(
    a_leader_adds_a_co_teacher_who_then_teaches_the_hold,
    a_teacher_of_the_hold_adds_pupils_from_another_class_one_by_one_or_all,
    a_pupil_taken_off_a_hold_keeps_what_they_earned_and_the_history_says_when,
    a_hold_keeps_at_least_one_teacher,
    an_archived_hold_leaves_this_years_screens_and_can_come_back,
    a_pupil_who_joins_a_class_mid_year_joins_its_hold,
    a_pupil_who_moves_class_leaves_the_old_hold_for_the_new_after_a_preview,
    a_hold_of_another_class_a_pupil_was_added_to_stays_theirs_when_they_move,
    only_leaders_the_office_and_the_holds_own_teachers_run_it,
    bad_ids_are_clear_errors_that_change_nothing,
);

mod beyond_the_first_seven_subjects {
    use super::*;
    use backend::planning::plans;
    use backend::pupil_plan;
    use domain::planning::{GoalInput, GoalKind};

    /// Historie was not a subject Spire knew: a leader makes a hold in it, its teacher plans a
    /// forløb with a goal, starts a pupil's historie elevplan, and the pupil has the subject.
    async fn a_teacher_plans_and_writes_an_elevplan_in_historie(t: TestDb) {
        seeded(&t).await;
        let lene = as_user(&t, "lene").await;
        let class_5b = roster_class_id(&t, "5.B").await;
        let anne_id = roster::roster(&lene)
            .await
            .unwrap()
            .staff
            .iter()
            .find(|s| s.name == "Anne Holm")
            .unwrap()
            .id;
        let team = roster::create_team(&lene, "Historie 5.B", Subject::Historie, class_5b, anne_id)
            .await
            .unwrap();
        let anne = as_user(&t, "anne").await;
        let plan = plans::create_year_plan(&anne, team, "Historie")
            .await
            .unwrap();
        let unit = forloeb_in(&anne, plan, "Vikingerne", 40).await;
        let faces = faces_scale(&anne).await;
        plans::add_goal(
            &anne,
            unit,
            1,
            &GoalInput {
                kind: GoalKind::Faglig,
                own_text: Some("Jeg kan fortælle om vikingetiden".into()),
                framework_item_id: None,
                scale_id: faces,
                signs: String::new(),
            },
        )
        .await
        .unwrap();
        let sofia = roster_pupil_id(&t, "Sofia Kristensen").await;
        pupil_plan::start_plan(&anne, sofia, Some(Subject::Historie))
            .await
            .unwrap();
        assert!(subjects_of(&t, "sofia").await.contains(&Subject::Historie));
        let overview = plans::overview(&anne).await.unwrap();
        assert!(
            overview
                .teams
                .iter()
                .any(|h| h.subject == Subject::Historie)
        );
    }

    on_both_databases!(a_teacher_plans_and_writes_an_elevplan_in_historie);
}
