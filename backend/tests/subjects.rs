//! A school's own subjects and tværfaglige forløb, on SQLite and on PostgreSQL: the leader adds
//! one, the office makes a hold in it, a teacher plans with the spanned subjects' Fælles Mål, and
//! pupils, parents and the pupil's package name it; everyone else is refused, and bad input
//! changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::RequestCtx;
use backend::entity::school_subject;
use backend::identity::roster;
use backend::planning::framework::{self, parse_file};
use backend::planning::plans;
use backend::pupil_plan::package;
use backend::{family, pupil_plan, subjects};
use common::{
    TestDb, as_user, faelles_maal_file, home_of, neighbour_school_with_ida, person_by_given_name,
    roster_class_id, roster_pupil_id, seeded,
};
use domain::framework::GoalSearch;
use domain::home::Home;
use domain::pupil_plan::{PlanEdit, PlanTexts};
use domain::school::{OwnSubjectId, Subject};
use domain::subjects::{OwnIcon, OwnSubject, OwnSubjectInput};
use domain::{AppError, ErrorCode, Field};
use sea_orm::{EntityTrait, PaginatorTrait};

fn udeskole() -> OwnSubjectInput {
    OwnSubjectInput {
        id: None,
        name: "Udeskole".into(),
        icon: OwnIcon::Tree,
        first_grade: 0,
        last_grade: 3,
        spans: vec![Subject::NaturTeknologi, Subject::Matematik],
    }
}

fn refused(result: Result<impl std::fmt::Debug, AppError>) -> (ErrorCode, Option<String>) {
    let err = result.unwrap_err();
    (err.code, err.field)
}

async fn stored(t: &TestDb) -> u64 {
    school_subject::Entity::find().count(&t.db).await.unwrap()
}

/// Lene adds Udeskole; Ole makes Anne's hold in it for 1.A. Returns the subject and the hold.
async fn udeskole_hold(t: &TestDb) -> (OwnSubject, i64) {
    seeded(t).await;
    let lene = as_user(t, "lene").await;
    let own = subjects::save_own_subject(&lene, &udeskole())
        .await
        .unwrap();
    let ole = as_user(t, "ole").await;
    let anne = person_by_given_name(t, "Anne").await;
    let team = roster::create_team(
        &ole,
        "Udeskole 1.A",
        own.subject(),
        roster_class_id(t, "1.A").await,
        i64::from(anne.id),
    )
    .await
    .unwrap();
    (own, team)
}

/// Anne writes and publishes the pupil's elevplan in `subject`, naming `goals`.
async fn publish_elevplan(anne: &RequestCtx, pupil: i64, subject: Subject, goals: Vec<i64>) {
    let plan = pupil_plan::start_plan(anne, pupil, Some(subject))
        .await
        .unwrap();
    let draft = pupil_plan::plan_draft(anne, plan).await.unwrap();
    let edit = PlanEdit {
        plan_id: plan,
        version: draft.version,
        texts: PlanTexts {
            status: "Tæller træer".into(),
            ..Default::default()
        },
        receives_support: false,
        goal_ids: goals,
        voice: None,
    };
    let version = pupil_plan::save_plan(anne, &edit).await.unwrap();
    pupil_plan::publish_plan(anne, plan, version).await.unwrap();
}

async fn a_tvaerfagligt_subject_reaches_the_hold_the_forloeb_the_pupil_the_parent_and_the_library(
    t: TestDb,
) {
    let (own, team) = udeskole_hold(&t).await;
    assert_eq!(own.name, "Udeskole");
    assert_eq!(own.spans, [Subject::Matematik, Subject::NaturTeknologi]);
    assert!(own.is_across_subjects());
    // Everyone of the school reads the catalogue the screens name it from.
    for who in ["lene", "ole", "anne", "pia", "ida", "mette"] {
        let listed = subjects::school_subjects(&as_user(&t, who).await)
            .await
            .unwrap();
        assert_eq!(listed, std::slice::from_ref(&own), "{who}");
    }

    // Anne plans in it, with goals from both spanned subjects and no others.
    framework::import(&t.db, &parse_file(&faelles_maal_file()).unwrap())
        .await
        .unwrap();
    let anne = as_user(&t, "anne").await;
    let overview = plans::overview(&anne).await.unwrap();
    let hold = overview.teams.iter().find(|h| h.team_id == team).unwrap();
    assert_eq!(hold.subject, own.subject());
    let year_plan = plans::create_year_plan(&anne, team, "Udeskole")
        .await
        .unwrap();
    let principal = backend::identity::current_principal(&anne).await.unwrap();
    let goals = framework::search_goals(
        &t.db,
        &principal,
        &GoalSearch {
            subject: Some(own.subject()),
            grade: Some(1),
            words: String::new(),
        },
    )
    .await
    .unwrap();
    let from: std::collections::BTreeSet<_> = goals.iter().filter_map(|g| g.subject).collect();
    assert_eq!(
        from.into_iter().collect::<Vec<_>>(),
        [Subject::Matematik, Subject::NaturTeknologi]
    );
    let unit = common::forloeb_in(&anne, year_plan, "Skoven i tal", 40).await;
    let faces = common::faces_scale(&anne).await;
    let goal = plans::add_goal(
        &anne,
        unit,
        1,
        &domain::planning::GoalInput {
            kind: domain::planning::GoalKind::Faglig,
            own_text: None,
            framework_item_id: Some(goals[0].id),
            scale_id: faces,
            signs: String::new(),
        },
    )
    .await
    .unwrap();
    assert_eq!(
        plans::unit(&anne, unit).await.unwrap().subject,
        own.subject()
    );

    // The pupil's home has the subject; the elevplan in it reaches the parent.
    let Home::Pupil(ida_home) = home_of(&t, "ida").await else {
        panic!("a pupil's home");
    };
    assert!(ida_home.subjects.contains(&own.subject()));
    let ida = roster_pupil_id(&t, "Ida Jensen").await;
    backend::evaluation::evaluate(&anne, goal, ida, Some(1), "")
        .await
        .unwrap();
    publish_elevplan(&anne, ida, own.subject(), vec![goal]).await;
    let mette = as_user(&t, "mette").await;
    let collected = pupil_plan::collected_plan(&mette, ida).await.unwrap();
    assert!(
        collected
            .plans
            .iter()
            .any(|p| p.newest.subject == Some(own.subject()))
    );
    let digest = family::digest(&mette).await.unwrap();
    assert_eq!(
        digest.own_subjects,
        std::slice::from_ref(&own),
        "the letter can name it"
    );

    // Shared, the forløb is found in the library by its subject, and only by it.
    plans::share_unit(&anne, unit, true).await.unwrap();
    let bo = as_user(&t, "bo").await;
    let by = |subject| domain::planning::LibraryFilter {
        subject: Some(subject),
        ..Default::default()
    };
    let found = backend::library::search(&bo, &by(own.subject()))
        .await
        .unwrap();
    assert_eq!(
        found
            .entries
            .iter()
            .map(|e| (e.title.as_str(), e.subject))
            .collect::<Vec<_>>(),
        [("Skoven i tal", own.subject())]
    );
    let in_maths = backend::library::search(&bo, &by(Subject::Matematik))
        .await
        .unwrap();
    assert!(in_maths.entries.iter().all(|e| e.title != "Skoven i tal"));
}

async fn only_the_leader_adds_or_corrects_an_own_subject(t: TestDb) {
    seeded(&t).await;
    for who in ["ole", "anne", "pia", "ida", "mette"] {
        let ctx = as_user(&t, who).await;
        assert_eq!(
            refused(subjects::save_own_subject(&ctx, &udeskole()).await).0,
            ErrorCode::Forbidden,
            "{who}"
        );
    }
    let signed_out = t.ctx(None);
    assert_eq!(
        refused(subjects::save_own_subject(&signed_out, &udeskole()).await).0,
        ErrorCode::NotSignedIn
    );
    assert_eq!(
        refused(subjects::school_subjects(&signed_out).await).0,
        ErrorCode::NotSignedIn
    );
    assert_eq!(stored(&t).await, 0, "nothing stored");
    let own = subjects::save_own_subject(&as_user(&t, "lene").await, &udeskole())
        .await
        .unwrap();
    let correction = OwnSubjectInput {
        id: Some(i64::from(own.id.value())),
        name: "Skoven".into(),
        ..udeskole()
    };
    assert_eq!(
        refused(subjects::save_own_subject(&as_user(&t, "ole").await, &correction).await).0,
        ErrorCode::Forbidden
    );
    let listed = subjects::school_subjects(&as_user(&t, "ole").await)
        .await
        .unwrap();
    assert_eq!(listed[0].name, "Udeskole", "unchanged");
}

async fn bad_own_subjects_are_refused_in_danish_terms_and_change_nothing(t: TestDb) {
    seeded(&t).await;
    let lene = as_user(&t, "lene").await;
    subjects::save_own_subject(&lene, &udeskole())
        .await
        .unwrap();
    let field = |f: Field| (ErrorCode::InvalidInput, Some(f.as_str().to_owned()));
    let cases = [
        (
            OwnSubjectInput {
                name: " UDESKOLE ".into(),
                ..udeskole()
            },
            Field::SubjectNameTaken,
        ),
        (
            OwnSubjectInput {
                name: "  ".into(),
                ..udeskole()
            },
            Field::SubjectName,
        ),
        (
            OwnSubjectInput {
                name: "Skoven".into(),
                first_grade: 5,
                last_grade: 3,
                ..udeskole()
            },
            Field::SubjectGrades,
        ),
        (
            OwnSubjectInput {
                name: "Skoven".into(),
                last_grade: 11,
                ..udeskole()
            },
            Field::SubjectGrades,
        ),
        (
            OwnSubjectInput {
                name: "Skoven".into(),
                spans: vec![Subject::Faerdselslaere],
                ..udeskole()
            },
            Field::SubjectSpans,
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(
            refused(subjects::save_own_subject(&lene, &input).await),
            field(expected),
            "{input:?}"
        );
    }
    assert_eq!(stored(&t).await, 1, "only the first");
    // A hold in a subject the school does not have is refused, and no hold is made.
    let ole = as_user(&t, "ole").await;
    let anne = person_by_given_name(&t, "Anne").await;
    let before = plans::overview(&as_user(&t, "anne").await)
        .await
        .unwrap()
        .teams
        .len();
    let unknown = Subject::Own(OwnSubjectId::parse(999).unwrap());
    assert_eq!(
        refused(
            roster::create_team(
                &ole,
                "Skoven 1.A",
                unknown,
                roster_class_id(&t, "1.A").await,
                i64::from(anne.id)
            )
            .await
        ),
        field(Field::Subject)
    );
    let after = plans::overview(&as_user(&t, "anne").await)
        .await
        .unwrap()
        .teams
        .len();
    assert_eq!(before, after);
}

async fn a_corrected_subject_is_named_anew_on_its_hold_and_another_subjects_name_is_refused(
    t: TestDb,
) {
    let (own, team) = udeskole_hold(&t).await;
    let lene = as_user(&t, "lene").await;
    let other = subjects::save_own_subject(
        &lene,
        &OwnSubjectInput {
            name: "Teater".into(),
            icon: OwnIcon::Masks,
            spans: vec![Subject::Dansk, Subject::Musik],
            ..udeskole()
        },
    )
    .await
    .unwrap();
    let corrected = subjects::save_own_subject(
        &lene,
        &OwnSubjectInput {
            id: Some(i64::from(own.id.value())),
            name: "Skoven som klasseværelse".into(),
            last_grade: 4,
            ..udeskole()
        },
    )
    .await
    .unwrap();
    assert_eq!(corrected.id, own.id);
    assert_eq!(corrected.last_grade, 4);
    // The hold still names the same subject, so its new name reaches every screen.
    let anne = as_user(&t, "anne").await;
    let hold = plans::overview(&anne)
        .await
        .unwrap()
        .teams
        .into_iter()
        .find(|h| h.team_id == team)
        .unwrap();
    assert_eq!(hold.subject, own.subject());
    let listed = subjects::school_subjects(&anne).await.unwrap();
    assert_eq!(listed[0].name, "Skoven som klasseværelse");

    let taken = OwnSubjectInput {
        id: Some(i64::from(own.id.value())),
        name: other.name.to_lowercase(),
        ..udeskole()
    };
    assert_eq!(
        refused(subjects::save_own_subject(&lene, &taken).await),
        (
            ErrorCode::InvalidInput,
            Some(Field::SubjectNameTaken.as_str().to_owned())
        )
    );
    let unknown = OwnSubjectInput {
        id: Some(999),
        ..udeskole()
    };
    assert_eq!(
        refused(subjects::save_own_subject(&lene, &unknown).await).0,
        ErrorCode::NotFound
    );
    assert_eq!(
        subjects::school_subjects(&anne).await.unwrap()[0].name,
        "Skoven som klasseværelse"
    );
}

async fn an_own_subjects_elevplan_follows_the_pupil_to_a_school_that_takes_the_subject_as_its_own(
    t: TestDb,
) {
    let (own, _) = udeskole_hold(&t).await;
    let anne = as_user(&t, "anne").await;
    let ida = roster_pupil_id(&t, "Ida Jensen").await;
    publish_elevplan(&anne, ida, own.subject(), vec![]).await;
    let lene = as_user(&t, "lene").await;
    let exported = package::export_pupil(&lene, ida).await.unwrap();
    assert_eq!(exported.own_subjects, std::slice::from_ref(&own));
    let exported: domain::pupil_plan::PupilPackage =
        serde_json::from_str(&serde_json::to_string(&exported).unwrap()).unwrap();

    let new_ida = neighbour_school_with_ida(&t).await;
    let niels = as_user(&t, "niels").await;
    // A package naming an own subject it does not describe is refused whole.
    let mut undescribed = exported.clone();
    undescribed.own_subjects.clear();
    assert_eq!(
        refused(package::import_pupil(&niels, new_ida, &undescribed).await).1,
        Some(Field::PackagePlans.as_str().to_owned())
    );
    assert!(subjects::school_subjects(&niels).await.unwrap().is_empty());
    package::import_pupil(&niels, new_ida, &exported)
        .await
        .unwrap();
    let theirs = subjects::school_subjects(&niels).await.unwrap();
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0].name, "Udeskole");
    assert_eq!(theirs[0].spans, own.spans);
    let read = pupil_plan::collected_plan(&niels, new_ida).await.unwrap();
    assert_eq!(read.plans[0].newest.subject, Some(theirs[0].subject()));
    // Imported again, the subject is found by its name, not added twice.
    package::import_pupil(&niels, new_ida, &exported)
        .await
        .unwrap();
    assert_eq!(subjects::school_subjects(&niels).await.unwrap().len(), 1);
    let out = package::export_pupil(&niels, new_ida).await.unwrap();
    assert_eq!(out.own_subjects, theirs);
}

on_both_databases!(
    a_tvaerfagligt_subject_reaches_the_hold_the_forloeb_the_pupil_the_parent_and_the_library,
    only_the_leader_adds_or_corrects_an_own_subject,
    bad_own_subjects_are_refused_in_danish_terms_and_change_nothing,
    a_corrected_subject_is_named_anew_on_its_hold_and_another_subjects_name_is_refused,
    an_own_subjects_elevplan_follows_the_pupil_to_a_school_that_takes_the_subject_as_its_own,
);
