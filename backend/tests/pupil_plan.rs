//! Use-case tests of the elevplan, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::planning::plans;
use backend::pupil_plan::package;
use backend::{RequestCtx, evaluation, pupil_plan};
use common::{TestDb, as_user, dansk_forloeb, neighbour_school_with_ida};
use domain::pupil_plan::{PlanEdit, PlanTexts, RequiredPart};
use domain::school::Subject;
use domain::{AppError, ErrorCode};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel, Set};

fn code<T: std::fmt::Debug>(result: Result<T, AppError>) -> ErrorCode {
    result.unwrap_err().code
}

struct Fixture {
    anne: RequestCtx,
    year_plan: i64,
    unit: i64,
    faglig: i64,
    refleksion: i64,
    ida: i64,
    /// Ida's dansk plan, started by Anne.
    plan: i64,
}

/// Anne's dansk forløb in 1.A (`common::dansk_forloeb`), both goals evaluated for Ida (the
/// reflection goal by Ida herself too), and Ida's dansk plan started.
async fn fixture(t: &TestDb) -> Fixture {
    let f = dansk_forloeb(t).await;
    evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(1), "Læser med støtte")
        .await
        .unwrap();
    evaluation::self_evaluate(&as_user(t, "ida").await, f.refleksion, Some(2), "")
        .await
        .unwrap();
    let plan = pupil_plan::start_plan(&f.anne, f.ida, Some(Subject::Dansk))
        .await
        .unwrap();
    Fixture {
        anne: f.anne,
        year_plan: f.year_plan,
        unit: f.unit,
        faglig: f.faglig,
        refleksion: f.refleksion,
        ida: f.ida,
        plan,
    }
}

fn edit(plan: i64, version: i32, status: &str, goal_ids: Vec<i64>) -> PlanEdit {
    PlanEdit {
        plan_id: plan,
        version,
        texts: PlanTexts {
            status: status.into(),
            goals: "Læse små bøger selv".into(),
            follow_up: "Læs 10 minutter hver dag".into(),
            ..Default::default()
        },
        receives_support: false,
        goal_ids,
        voice: None,
    }
}

async fn a_teacher_publishes_after_the_preview_and_the_parent_reads_every_version(t: TestDb) {
    let f = fixture(&t).await;
    let mette = as_user(&t, "mette").await;
    let before = pupil_plan::pupil_plans(&f.anne, f.ida).await.unwrap();
    assert!(
        before
            .coverage
            .iter()
            .all(|c| !c.covered && matches!(c.part, RequiredPart::Danish | RequiredPart::Maths)),
        "{:?}",
        before.coverage
    );
    let draft = pupil_plan::plan_draft(&f.anne, f.plan).await.unwrap();
    assert_eq!(draft.goals.len(), 2);
    assert!(draft.goals.iter().all(|g| !g.chosen));
    let v2 = pupil_plan::save_plan(
        &f.anne,
        &edit(
            f.plan,
            draft.version,
            "Læser sikkert",
            vec![f.faglig, f.refleksion],
        ),
    )
    .await
    .unwrap();
    assert_eq!(v2, draft.version + 1);
    let covered: Vec<_> = pupil_plan::pupil_plans(&f.anne, f.ida)
        .await
        .unwrap()
        .coverage
        .into_iter()
        .filter(|c| c.covered)
        .map(|c| c.part)
        .collect();
    assert_eq!(covered, [RequiredPart::Danish]);

    // Nothing reaches the family before publication.
    assert!(
        pupil_plan::collected_plan(&mette, f.ida)
            .await
            .unwrap()
            .plans
            .is_empty()
    );
    let preview = pupil_plan::preview_plan(&f.anne, f.plan).await.unwrap();
    assert_eq!(preview.texts.status, "Læser sikkert");
    let faglig = preview
        .goals
        .iter()
        .find(|g| g.goal_id == f.faglig)
        .unwrap();
    assert_eq!(faglig.teacher.as_deref(), Some("På vej – Læser med støtte"));
    let own = preview
        .goals
        .iter()
        .find(|g| g.goal_id == f.refleksion)
        .unwrap();
    assert_eq!(own.pupil.as_deref(), Some("Det kan jeg"));
    assert_eq!(own.teacher, None, "the two are never merged");

    let first = pupil_plan::publish_plan(&f.anne, f.plan, v2).await.unwrap();
    assert_eq!(first.number, 1);
    let read = pupil_plan::collected_plan(&mette, f.ida).await.unwrap();
    assert_eq!(read.plans.len(), 1);
    assert_eq!(
        read.plans[0].newest.goals, preview.goals,
        "published as previewed"
    );
    assert_eq!(read.plans[0].newest.published_by, "Anne Holm");

    let v3 = pupil_plan::save_plan(&f.anne, &edit(f.plan, v2, "Læser flydende", vec![f.faglig]))
        .await
        .unwrap();
    assert_eq!(
        code(pupil_plan::publish_plan(&f.anne, f.plan, v2).await),
        ErrorCode::Conflict,
        "a save after the preview must be previewed again"
    );
    let second = pupil_plan::publish_plan(&f.anne, f.plan, v3).await.unwrap();
    assert_eq!(second.number, 2);
    let read = pupil_plan::collected_plan(&mette, f.ida).await.unwrap();
    assert_eq!(read.plans[0].newest.texts.status, "Læser flydende");
    assert_eq!(
        read.plans[0]
            .versions
            .iter()
            .map(|v| v.number)
            .collect::<Vec<_>>(),
        [2, 1]
    );
    let old = pupil_plan::plan_version(&mette, first.id).await.unwrap();
    assert_eq!(old.texts.status, "Læser sikkert");
    assert_eq!(old.number, 1);
}

async fn only_the_pupils_teachers_write_and_only_published_versions_reach_pupil_and_family(
    t: TestDb,
) {
    let f = fixture(&t).await;
    let draft = pupil_plan::plan_draft(&f.anne, f.plan).await.unwrap();
    let v2 = pupil_plan::save_plan(
        &f.anne,
        &edit(f.plan, draft.version, "Læser", vec![f.faglig]),
    )
    .await
    .unwrap();
    // Dorte teaches 5.B only; Bo teaches Ida maths, not dansk; Lene leads the school.
    let dorte = as_user(&t, "dorte").await;
    let bo = as_user(&t, "bo").await;
    let lene = as_user(&t, "lene").await;
    for (who, ctx) in [("dorte", &dorte), ("bo", &bo), ("lene", &lene)] {
        assert_eq!(
            code(pupil_plan::save_plan(ctx, &edit(f.plan, v2, "Overskrevet", vec![])).await),
            ErrorCode::Forbidden,
            "{who}"
        );
        assert_eq!(
            code(pupil_plan::publish_plan(ctx, f.plan, v2).await),
            ErrorCode::Forbidden,
            "{who}"
        );
    }
    assert_eq!(
        code(pupil_plan::plan_draft(&dorte, f.plan).await),
        ErrorCode::Forbidden
    );
    assert_eq!(
        code(pupil_plan::start_plan(&dorte, f.ida, Some(Subject::Dansk)).await),
        ErrorCode::Forbidden
    );
    assert_eq!(
        code(pupil_plan::start_plan(&bo, f.ida, Some(Subject::Dansk)).await),
        ErrorCode::Forbidden
    );
    pupil_plan::start_plan(&bo, f.ida, Some(Subject::Matematik))
        .await
        .unwrap();
    pupil_plan::start_plan(&bo, f.ida, None).await.unwrap();
    assert_eq!(
        pupil_plan::plan_draft(&lene, f.plan)
            .await
            .unwrap()
            .texts
            .status,
        "Læser",
        "the leader reads drafts"
    );
    assert!(
        !pupil_plan::plan_draft(&lene, f.plan)
            .await
            .unwrap()
            .can_edit
    );

    // The pupil and the family never read drafts or the teacher-only evaluations in them.
    let ida = as_user(&t, "ida").await;
    let mette = as_user(&t, "mette").await;
    for ctx in [&ida, &mette] {
        assert_eq!(
            code(pupil_plan::plan_draft(ctx, f.plan).await),
            ErrorCode::Forbidden
        );
        assert_eq!(
            code(pupil_plan::preview_plan(ctx, f.plan).await),
            ErrorCode::Forbidden
        );
        assert_eq!(
            code(pupil_plan::pupil_plans(ctx, f.ida).await),
            ErrorCode::Forbidden
        );
    }
    let published = pupil_plan::publish_plan(&f.anne, f.plan, v2).await.unwrap();
    assert_eq!(
        pupil_plan::collected_plan(&ida, f.ida)
            .await
            .unwrap()
            .plans
            .len(),
        1
    );
    assert_eq!(
        pupil_plan::collected_plan(&mette, f.ida)
            .await
            .unwrap()
            .plans
            .len(),
        1
    );
    // Another child's parent, a guardian without access, another pupil, another school.
    let noah = plans::unit(&f.anne, f.unit)
        .await
        .unwrap()
        .pupils
        .into_iter()
        .find(|p| p.name.starts_with("Noah"))
        .unwrap()
        .id;
    for who in ["maria", "jan"] {
        let ctx = as_user(&t, who).await;
        assert_eq!(
            code(pupil_plan::collected_plan(&ctx, f.ida).await),
            ErrorCode::Forbidden,
            "{who}"
        );
        assert_eq!(
            code(pupil_plan::plan_version(&ctx, published.id).await),
            ErrorCode::Forbidden,
            "{who}"
        );
    }
    assert_eq!(
        code(pupil_plan::collected_plan(&as_user(&t, "noah").await, f.ida).await),
        ErrorCode::Forbidden
    );
    assert_eq!(
        code(pupil_plan::collected_plan(&ida, noah).await),
        ErrorCode::Forbidden
    );
    // (Another school's staff get NotFound: the HTTP matrix checks it with a second school.)
}

async fn the_pupils_reflection_is_theirs_and_goes_out_with_the_next_publication(t: TestDb) {
    let f = fixture(&t).await;
    let ida = as_user(&t, "ida").await;
    let mine = pupil_plan::my_plans(&ida).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].subject, Some(Subject::Dansk));
    pupil_plan::reflect(&ida, f.plan, "  Jeg vil læse flere bøger  ")
        .await
        .unwrap();
    let noah = as_user(&t, "noah").await;
    assert_eq!(
        code(pupil_plan::reflect(&noah, f.plan, "Ikke min").await),
        ErrorCode::Forbidden
    );
    assert_eq!(
        code(pupil_plan::reflect(&f.anne, f.plan, "For hende").await),
        ErrorCode::Forbidden
    );
    assert_eq!(
        code(pupil_plan::my_plans(&f.anne).await),
        ErrorCode::Forbidden
    );
    let too_long = pupil_plan::reflect(&ida, f.plan, &"a".repeat(2001))
        .await
        .unwrap_err();
    assert_eq!(
        (too_long.code, too_long.field.as_deref()),
        (ErrorCode::InvalidInput, Some("reflection"))
    );
    let draft = pupil_plan::plan_draft(&f.anne, f.plan).await.unwrap();
    assert_eq!(draft.pupil_reflection, "Jeg vil læse flere bøger");
    pupil_plan::publish_plan(&f.anne, f.plan, draft.version)
        .await
        .unwrap();
    let read = pupil_plan::collected_plan(&as_user(&t, "mette").await, f.ida)
        .await
        .unwrap();
    assert_eq!(
        read.plans[0].newest.pupil_reflection,
        "Jeg vil læse flere bøger"
    );
}

async fn published_plans_and_evaluations_outlive_the_forlob_the_hold_and_the_teacher(t: TestDb) {
    use backend::entity::{evaluation as evaluation_row, person, team, unit_goal};
    let f = fixture(&t).await;
    let draft = pupil_plan::plan_draft(&f.anne, f.plan).await.unwrap();
    let v2 = pupil_plan::save_plan(
        &f.anne,
        &edit(f.plan, draft.version, "Læser", vec![f.faglig, f.refleksion]),
    )
    .await
    .unwrap();
    pupil_plan::publish_plan(&f.anne, f.plan, v2).await.unwrap();
    let mette = as_user(&t, "mette").await;
    let before = pupil_plan::collected_plan(&mette, f.ida).await.unwrap();
    let evaluations_before = evaluation_row::Entity::find()
        .all(&t.db)
        .await
        .unwrap()
        .len();

    // The forløb and årsplan are archived, the hold is archived, and Anne leaves the school.
    plans::archive_unit(&f.anne, f.unit).await.unwrap();
    plans::archive_year_plan(&f.anne, f.year_plan)
        .await
        .unwrap();
    let team_id = plans::year_plan(&as_user(&t, "lene").await, f.year_plan)
        .await
        .unwrap()
        .team_id;
    let mut hold = team::Entity::find_by_id(i32::try_from(team_id).unwrap())
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    hold.archived_at = Set(Some(1));
    hold.update(&t.db).await.unwrap();
    let anne_id = person::Entity::find()
        .all(&t.db)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.given_name == "Anne" && p.family_name == "Holm")
        .unwrap()
        .id;
    let mut anne = person::Entity::find_by_id(anne_id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    anne.left_at = Set(Some(1));
    anne.update(&t.db).await.unwrap();

    assert_eq!(
        pupil_plan::collected_plan(&mette, f.ida).await.unwrap(),
        before
    );
    assert_eq!(
        evaluation_row::Entity::find()
            .all(&t.db)
            .await
            .unwrap()
            .len(),
        evaluations_before
    );
    // And a hard delete of the goal or the pupil under them is refused by the database.
    let goal = i32::try_from(f.faglig).unwrap();
    assert!(
        unit_goal::Entity::delete_by_id(goal)
            .exec(&t.db)
            .await
            .is_err()
    );
    let ida = i32::try_from(f.ida).unwrap();
    let delete_pupil =
        t.db.execute_unprepared(&format!("DELETE FROM person WHERE id = {ida}"))
            .await;
    assert!(delete_pupil.is_err());
    assert_eq!(
        pupil_plan::collected_plan(&mette, f.ida).await.unwrap(),
        before
    );
}

async fn bad_input_and_stale_versions_are_refused_and_change_nothing(t: TestDb) {
    let f = fixture(&t).await;
    let draft = pupil_plan::plan_draft(&f.anne, f.plan).await.unwrap();
    let mut too_long = edit(f.plan, draft.version, "Læser", vec![]);
    too_long.texts.follow_up = "x".repeat(PlanTexts::MAX + 1);
    let err = pupil_plan::save_plan(&f.anne, &too_long).await.unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::InvalidInput, Some("follow_up"))
    );
    // A goal of Bo's maths forløb is not Ida's dansk.
    let bo = as_user(&t, "bo").await;
    let maths_goal = {
        let overview = plans::overview(&bo).await.unwrap();
        let maths = overview
            .teams
            .iter()
            .find(|t| t.subject == Subject::Matematik)
            .unwrap();
        let plan = plans::year_plan(&bo, maths.year_plan.as_ref().unwrap().id)
            .await
            .unwrap();
        let unit = plan.units.first().unwrap().id;
        plans::unit(&bo, unit).await.unwrap().goals[0].id
    };
    let err = pupil_plan::save_plan(
        &f.anne,
        &edit(f.plan, draft.version, "Læser", vec![maths_goal]),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::InvalidInput, Some("goal_ids"))
    );
    assert_eq!(
        code(
            pupil_plan::save_plan(&f.anne, &edit(f.plan, draft.version + 1, "Læser", vec![])).await
        ),
        ErrorCode::Conflict
    );
    // Pia, the other dansk teacher, saved first: Anne's edit on the old version conflicts.
    let pia = as_user(&t, "pia").await;
    pupil_plan::save_plan(&pia, &edit(f.plan, draft.version, "Pias tekst", vec![]))
        .await
        .unwrap();
    assert_eq!(
        code(
            pupil_plan::save_plan(&f.anne, &edit(f.plan, draft.version, "Annes tekst", vec![]))
                .await
        ),
        ErrorCode::Conflict
    );
    let after = pupil_plan::plan_draft(&f.anne, f.plan).await.unwrap();
    assert_eq!(after.texts.status, "Pias tekst");
    assert_eq!(after.version, draft.version + 1);
    assert_eq!(
        code(pupil_plan::plan_draft(&f.anne, 999_999).await),
        ErrorCode::NotFound
    );
}

async fn the_collected_plan_shows_which_required_parts_are_missing(t: TestDb) {
    let f = fixture(&t).await;
    let bo = as_user(&t, "bo").await;
    let collected = pupil_plan::start_plan(&bo, f.ida, None).await.unwrap();
    let draft = pupil_plan::plan_draft(&bo, collected).await.unwrap();
    assert!(
        draft.goals.is_empty(),
        "the collected plan is written, not built from forløb"
    );
    let mut support = edit(collected, draft.version, "", vec![]);
    support.texts = PlanTexts {
        wellbeing: "Glad for klassen".into(),
        ..Default::default()
    };
    support.receives_support = true;
    let v = pupil_plan::save_plan(&bo, &support).await.unwrap();
    let parts = |plans: domain::pupil_plan::PupilPlans| {
        plans
            .coverage
            .into_iter()
            .map(|c| (c.part, c.covered))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        parts(pupil_plan::pupil_plans(&bo, f.ida).await.unwrap()),
        [
            (RequiredPart::Danish, false),
            (RequiredPart::Maths, false),
            (RequiredPart::Support, false)
        ]
    );
    support.version = v;
    support.texts.support = "Læsekursus to gange om ugen".into();
    pupil_plan::save_plan(&bo, &support).await.unwrap();
    let maths = pupil_plan::start_plan(&bo, f.ida, Some(Subject::Matematik))
        .await
        .unwrap();
    pupil_plan::save_plan(&bo, &edit(maths, 1, "Tæller til 20", vec![]))
        .await
        .unwrap();
    assert_eq!(
        parts(pupil_plan::pupil_plans(&bo, f.ida).await.unwrap()),
        [
            (RequiredPart::Danish, false),
            (RequiredPart::Maths, true),
            (RequiredPart::Support, true)
        ]
    );
}

async fn a_pupils_package_follows_them_to_another_school_and_back_out_unchanged(t: TestDb) {
    let f = fixture(&t).await;
    let draft = pupil_plan::plan_draft(&f.anne, f.plan).await.unwrap();
    let v2 = pupil_plan::save_plan(
        &f.anne,
        &edit(f.plan, draft.version, "Læser", vec![f.faglig]),
    )
    .await
    .unwrap();
    pupil_plan::publish_plan(&f.anne, f.plan, v2).await.unwrap();
    let v3 = pupil_plan::save_plan(&f.anne, &edit(f.plan, v2, "Læser flydende", vec![f.faglig]))
        .await
        .unwrap();
    pupil_plan::publish_plan(&f.anne, f.plan, v3).await.unwrap();
    // A second evaluation of the same goal: the history travels too.
    evaluation::evaluate(&f.anne, f.faglig, f.ida, Some(2), "")
        .await
        .unwrap();

    let lene = as_user(&t, "lene").await;
    let package = package::export_pupil(&lene, f.ida).await.unwrap();
    assert_eq!(package.format, "spire-pupil/1");
    assert_eq!(package.plans.len(), 1);
    assert_eq!(package.plans[0].versions.len(), 2);
    assert_eq!(package.plans[0].versions[1].texts.status, "Læser flydende");
    assert_eq!(
        package.evaluations.len(),
        3,
        "two teacher values and the pupil's own"
    );
    assert_eq!(package.evaluations.iter().filter(|e| e.by_pupil).count(), 1);
    // Through JSON, as it travels.
    let package: domain::pupil_plan::PupilPackage =
        serde_json::from_str(&serde_json::to_string(&package).unwrap()).unwrap();
    for who in ["anne", "mette", "ida"] {
        assert_eq!(
            code(package::export_pupil(&as_user(&t, who).await, f.ida).await),
            ErrorCode::Forbidden,
            "{who}"
        );
    }

    let new_ida = neighbour_school_with_ida(&t).await;
    let niels = as_user(&t, "niels").await;
    assert_eq!(
        code(package::export_pupil(&niels, f.ida).await),
        ErrorCode::NotFound,
        "another school's pupil is not found"
    );
    assert_eq!(
        code(package::import_pupil(&lene, new_ida, &package).await),
        ErrorCode::NotFound
    );
    let added = package::import_pupil(&niels, new_ida, &package)
        .await
        .unwrap();
    assert_eq!((added.plans, added.versions, added.evaluations), (1, 2, 3));
    let again = package::import_pupil(&niels, new_ida, &package)
        .await
        .unwrap();
    assert_eq!(
        (again.plans, again.versions, again.evaluations),
        (0, 0, 0),
        "nothing twice"
    );

    let out = package::export_pupil(&niels, new_ida).await.unwrap();
    assert_eq!(out.school, "Nabo Skole");
    // The versions travel as they were, marked with the school that published them.
    let mut from_solbakken = package.plans.clone();
    for plan in &mut from_solbakken {
        for version in &mut plan.versions {
            version.imported_from = Some("Solbakken Skole".into());
        }
    }
    assert_eq!(out.plans, from_solbakken);
    assert_eq!(out.evaluations, package.evaluations);
    let read = pupil_plan::collected_plan(&niels, new_ida).await.unwrap();
    assert_eq!(read.plans[0].newest.texts.status, "Læser flydende");
    assert_eq!(
        read.plans[0].newest.imported_from.as_deref(),
        Some("Solbakken Skole"),
        "shown as the other school's, not as a publication here"
    );

    // A package that is not one, or whose evaluation is off its scale, adds nothing at all.
    let mut broken = package.clone();
    broken.format = "spire-pupil/2".into();
    let err = package::import_pupil(&niels, new_ida, &broken)
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("package_format"));
    let mut off_scale = package.clone();
    off_scale.plans[0].school_year = 2019;
    off_scale.evaluations[0].step = Some(9);
    let err = package::import_pupil(&niels, new_ida, &off_scale)
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("package_evaluations"));
    assert_eq!(
        package::export_pupil(&niels, new_ida).await.unwrap().plans,
        from_solbakken
    );
}

on_both_databases!(
    a_pupils_package_follows_them_to_another_school_and_back_out_unchanged,
    a_teacher_publishes_after_the_preview_and_the_parent_reads_every_version,
    only_the_pupils_teachers_write_and_only_published_versions_reach_pupil_and_family,
    the_pupils_reflection_is_theirs_and_goes_out_with_the_next_publication,
    published_plans_and_evaluations_outlive_the_forlob_the_hold_and_the_teacher,
    bad_input_and_stale_versions_are_refused_and_change_nothing,
    the_collected_plan_shows_which_required_parts_are_missing,
);
