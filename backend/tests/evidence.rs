//! A pupil's work as evidence for a goal, on SQLite and on PostgreSQL: the hold's teacher sees
//! the pupil's work for a goal, chooses pieces, the grid counts them, and a published elevplan
//! shows the chosen pieces the pupil shared with the family, with the answers meant for it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::evaluation::{self, evidence};
use backend::pupil::work;
use backend::pupil_plan::{self, brought, package};
use backend::returns::feedback;
use common::{
    DanskForloeb, PNG, TestDb, as_user, dansk_forloeb, neighbour_school_with_ida,
    task_with_idas_photo,
};
use domain::feedback::{FeedbackInput, FeedbackOn, FeedbackUpload, Sticker};
use domain::pupil::{WorkKind, WorkUpload};
use domain::pupil_plan::{PlanEdit, PlanTexts};
use domain::school::Subject;
use domain::{AppError, ErrorCode, Field};

/// Ida's work in Anne's dansk forløb: a photo for a task of the forløb and words for its
/// reflection goal: (photo, words).
async fn idas_work(t: &TestDb, f: &DanskForloeb) -> (i64, i64) {
    let (_, photo) = task_with_idas_photo(t, f).await;
    let words = work::add_work(
        &as_user(t, "ida").await,
        &WorkUpload {
            client_key: "bel-0002-abcd".into(),
            kind: WorkKind::Text,
            task_id: None,
            goal_id: Some(f.refleksion),
            text: "Jeg kan genfortælle.".into(),
            content_type: None,
            data_base64: None,
        },
    )
    .await
    .unwrap();
    (photo, words)
}

fn dansk_edit(plan: i64, version: i32, goal_ids: Vec<i64>) -> PlanEdit {
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

async fn a_teacher_chooses_work_as_evidence_and_the_published_plan_shows_what_the_pupil_shared(
    t: TestDb,
) {
    let f = dansk_forloeb(&t).await;
    let (photo, words) = idas_work(&t, &f).await;

    // The faglig goal's candidates are the work for the forløb's tasks; the reflection goal's
    // also the words made for it.
    let faglig = evidence::goal_work(&f.anne, f.faglig, f.ida).await.unwrap();
    let ids: Vec<i64> = faglig.pieces.iter().map(|p| p.id).collect();
    assert_eq!(ids, [photo]);
    assert!(faglig.evidence.is_empty());
    let refleksion = evidence::goal_work(&f.anne, f.refleksion, f.ida)
        .await
        .unwrap();
    let mut ids: Vec<i64> = refleksion.pieces.iter().map(|p| p.id).collect();
    ids.sort_unstable();
    assert_eq!(ids, [photo, words]);

    // Anne chooses the photo for the faglig goal (twice: it stays one) and the words for the
    // reflection goal, then takes the words back.
    for _ in 0..2 {
        evidence::choose_evidence(&f.anne, f.faglig, f.ida, photo, true)
            .await
            .unwrap();
    }
    evidence::choose_evidence(&f.anne, f.refleksion, f.ida, words, true)
        .await
        .unwrap();
    evidence::choose_evidence(&f.anne, f.refleksion, f.ida, words, false)
        .await
        .unwrap();
    let faglig = evidence::goal_work(&f.anne, f.faglig, f.ida).await.unwrap();
    assert_eq!(faglig.evidence, [photo]);
    let grid = evaluation::grid(&f.anne, f.unit).await.unwrap();
    let cell = |goal: i64| {
        grid.cells
            .iter()
            .find(|c| c.goal_id == goal && c.pupil_id == f.ida)
            .unwrap()
            .evidence
    };
    assert_eq!((cell(f.faglig), cell(f.refleksion)), (1, 0));

    // Anne answers the photo for the family; Ida shares it; the published plan shows it under
    // the goal with that answer.
    feedback::give_feedback(
        &f.anne,
        &FeedbackInput {
            on: FeedbackOn::Work { item_id: photo },
            body: FeedbackUpload::Sticker(Sticker::Star),
            for_family: true,
        },
    )
    .await
    .unwrap();
    let plan = pupil_plan::start_plan(&f.anne, f.ida, Some(Subject::Dansk))
        .await
        .unwrap();
    let version = pupil_plan::save_plan(&f.anne, &dansk_edit(plan, 1, vec![f.faglig]))
        .await
        .unwrap();
    let preview = pupil_plan::preview_plan(&f.anne, plan).await.unwrap();
    assert!(
        preview.goals[0].evidence.is_empty(),
        "a piece the pupil has not shared stays out of the plan"
    );
    work::share_work(&as_user(&t, "ida").await, photo, true)
        .await
        .unwrap();
    pupil_plan::publish_plan(&f.anne, plan, version)
        .await
        .unwrap();
    let mette = as_user(&t, "mette").await;
    let collected = pupil_plan::collected_plan(&mette, f.ida).await.unwrap();
    let goal = &collected.plans[0].newest.goals[0];
    assert_eq!(goal.evidence.len(), 1);
    assert_eq!(goal.evidence[0].id, photo);
    assert_eq!(goal.evidence[0].feedback.len(), 1);
    assert_eq!(work::work_file(&mette, photo).await.unwrap().1, PNG);

    // Ida stops sharing it: it leaves the published plan too, as the newest and as a version.
    work::share_work(&as_user(&t, "ida").await, photo, false)
        .await
        .unwrap();
    let collected = pupil_plan::collected_plan(&mette, f.ida).await.unwrap();
    assert!(collected.plans[0].newest.goals[0].evidence.is_empty());
    let first = collected.plans[0].versions[0].id;
    let version = pupil_plan::plan_version(&mette, first).await.unwrap();
    assert!(version.goals[0].evidence.is_empty());

    // The portfolio travels on its own (each piece names the goals it showed), so the versions
    // leave without evidence.
    let lene = as_user(&t, "lene").await;
    let exported = package::export_pupil(&lene, f.ida).await.unwrap();
    assert!(
        exported
            .plans
            .iter()
            .flat_map(|p| &p.versions)
            .flat_map(|v| &v.goals)
            .all(|g| g.evidence.is_empty())
    );
}

async fn only_the_holds_teachers_see_and_choose_a_pupils_evidence(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let (photo, _) = idas_work(&t, &f).await;
    // Bo teaches 1.A maths, not this hold; Dorte 5.B; the leader and the office read no
    // portfolios; pupils and parents choose no evidence.
    for who in [
        "bo", "dorte", "lene", "ole", "ida", "noah", "sofia", "mette", "maria",
    ] {
        let ctx = as_user(&t, who).await;
        let err = evidence::goal_work(&ctx, f.faglig, f.ida)
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{who}");
        let err = evidence::choose_evidence(&ctx, f.faglig, f.ida, photo, true)
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{who}");
    }
    neighbour_school_with_ida(&t).await;
    let niels = as_user(&t, "niels").await;
    let err = evidence::goal_work(&niels, f.faglig, f.ida)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    let err = evidence::goal_work(&t.ctx(None), f.faglig, f.ida)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotSignedIn);
    let grid = evaluation::grid(&f.anne, f.unit).await.unwrap();
    assert!(
        grid.cells.iter().all(|c| c.evidence == 0),
        "nothing was chosen"
    );
}

async fn work_that_is_not_the_pupils_for_the_goal_is_refused_and_changes_nothing(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let (photo, words) = idas_work(&t, &f).await;
    let sofia = backend::identity::me(&as_user(&t, "sofia").await)
        .await
        .unwrap()
        .id;
    let noah = backend::identity::me(&as_user(&t, "noah").await)
        .await
        .unwrap()
        .id;
    // The words were made for the reflection goal, not the faglig one; the photo is Ida's, not
    // Noah's; Sofia is not in the hold; no piece 999999.
    for (goal, pupil, item, field) in [
        (f.faglig, f.ida, words, Field::WorkItem),
        (f.faglig, noah, photo, Field::WorkItem),
        (f.faglig, sofia, photo, Field::Pupil),
        (f.faglig, f.ida, 999_999, Field::WorkItem),
    ] {
        assert_eq!(
            evidence::choose_evidence(&f.anne, goal, pupil, item, true)
                .await
                .unwrap_err(),
            AppError::invalid(field),
            "{goal} {pupil} {item}"
        );
    }
    let grid = evaluation::grid(&f.anne, f.unit).await.unwrap();
    assert!(grid.cells.iter().all(|c| c.evidence == 0));
}

async fn the_package_carries_the_pupils_work_with_its_answers_and_the_next_school_sends_it_on(
    t: TestDb,
) {
    use base64::Engine;
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    const WEBM: &[u8] = b"\x1a\x45\xdf\xa3 a recording";
    let f = dansk_forloeb(&t).await;
    let (photo, words) = idas_work(&t, &f).await;
    evidence::choose_evidence(&f.anne, f.faglig, f.ida, photo, true)
        .await
        .unwrap();
    for (item_id, body, for_family) in [
        (photo, FeedbackUpload::Sticker(Sticker::Star), true),
        (
            words,
            FeedbackUpload::Voice {
                content_type: "audio/webm".into(),
                data_base64: b64(WEBM),
            },
            false,
        ),
    ] {
        feedback::give_feedback(
            &f.anne,
            &FeedbackInput {
                on: FeedbackOn::Work { item_id },
                body,
                for_family,
            },
        )
        .await
        .unwrap();
    }

    let lene = as_user(&t, "lene").await;
    let package = package::export_pupil(&lene, f.ida).await.unwrap();
    // Through JSON, as it travels.
    let package: domain::pupil_plan::PupilPackage =
        serde_json::from_str(&serde_json::to_string(&package).unwrap()).unwrap();
    assert_eq!(package.portfolio.len(), 2);
    let piece = &package.portfolio[0];
    assert_eq!(
        (piece.school.as_str(), piece.kind, piece.made_for.as_deref()),
        ("Solbakken Skole", WorkKind::Photo, Some("Tegn et eventyr"))
    );
    assert_eq!(piece.data_base64.as_deref(), Some(b64(PNG).as_str()));
    assert_eq!(piece.feedback.len(), 1);
    assert_eq!(piece.feedback[0].author, "Anne Holm");
    assert_eq!(
        piece.feedback[0].body,
        domain::pupil_plan::PackageFeedbackBody::Sticker(Sticker::Star)
    );
    assert_eq!(piece.evidence_for.len(), 1, "the goal it shows, in words");
    let said = &package.portfolio[1];
    assert_eq!(said.text, "Jeg kan genfortælle.");
    assert!(said.made_for.is_some(), "the reflection goal's words");
    assert_eq!(
        said.feedback[0].body,
        domain::pupil_plan::PackageFeedbackBody::Voice {
            content_type: "audio/webm".into(),
            data_base64: b64(WEBM),
        }
    );

    // The next school keeps it, once however often it imports, and sends it on unchanged.
    let new_ida = neighbour_school_with_ida(&t).await;
    let niels = as_user(&t, "niels").await;
    let mut broken = package.clone();
    broken.portfolio[0].content_type = Some("text/html".into());
    assert_eq!(
        package::import_pupil(&niels, new_ida, &broken)
            .await
            .unwrap_err(),
        AppError::invalid(Field::PackagePortfolio),
        "a piece that is not what it says refuses the whole package"
    );
    assert!(
        package::export_pupil(&niels, new_ida)
            .await
            .unwrap()
            .portfolio
            .is_empty()
    );
    let added = package::import_pupil(&niels, new_ida, &package)
        .await
        .unwrap();
    assert_eq!(added.work, 2);
    let again = package::import_pupil(&niels, new_ida, &package)
        .await
        .unwrap();
    assert_eq!(again.work, 0, "nothing twice");
    let out = package::export_pupil(&niels, new_ida).await.unwrap();
    assert_eq!(out.portfolio, package.portfolio);

    // Ida's new teacher sees what she brought, with its answers, on her year's screen; the
    // leader, who does not read pupils' work, does not hear it.
    let nina = backend::identity::roster::add_staff(
        &niels,
        "Nina",
        "Nabo",
        domain::identity::Role::Teacher,
        "nina",
        backend::demo::DEMO_PASSWORD,
    )
    .await
    .unwrap();
    let class_1n = {
        use backend::entity::school_class;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        school_class::Entity::find()
            .filter(school_class::Column::Name.eq("1.N"))
            .one(&t.db)
            .await
            .unwrap()
            .unwrap()
            .id
    };
    let hold = backend::identity::roster::create_team(
        &niels,
        "Dansk 1.N",
        domain::school::Subject::Dansk,
        i64::from(class_1n),
        nina,
    )
    .await
    .unwrap();
    let nina = as_user(&t, "nina").await;
    let year = backend::returns::pupil_work::pupil_work(&nina, hold, new_ida)
        .await
        .unwrap();
    assert_eq!(year.brought.len(), 2);
    let photo = year
        .brought
        .iter()
        .find(|b| b.item.kind == WorkKind::Photo)
        .unwrap();
    assert_eq!(photo.school, "Solbakken Skole");
    assert_eq!(photo.item.task_title.as_deref(), Some("Tegn et eventyr"));
    let said = year
        .brought
        .iter()
        .find(|b| b.item.text == "Jeg kan genfortælle.")
        .unwrap();
    assert!(matches!(
        said.item.feedback[0].body,
        domain::feedback::FeedbackBody::Voice { .. }
    ));
    assert_eq!(
        brought::brought_file(&nina, photo.item.id, None)
            .await
            .unwrap(),
        ("image/png".to_owned(), PNG.to_vec())
    );
    assert_eq!(
        brought::brought_file(&nina, said.item.id, Some(0))
            .await
            .unwrap()
            .1,
        WEBM
    );
    assert_eq!(
        brought::brought_file(&niels, photo.item.id, None)
            .await
            .unwrap_err()
            .code,
        ErrorCode::Forbidden
    );
    assert_eq!(
        brought::brought_file(&lene, photo.item.id, None)
            .await
            .unwrap_err()
            .code,
        ErrorCode::NotFound,
        "the school she left learns nothing of it"
    );
}

on_both_databases!(
    the_package_carries_the_pupils_work_with_its_answers_and_the_next_school_sends_it_on,
    a_teacher_chooses_work_as_evidence_and_the_published_plan_shows_what_the_pupil_shared,
    only_the_holds_teachers_see_and_choose_a_pupils_evidence,
    work_that_is_not_the_pupils_for_the_goal_is_refused_and_changes_nothing,
);
