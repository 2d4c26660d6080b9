//! A school's answers about one person's data, on SQLite and PostgreSQL: the leader fetches
//! everything about a pupil (with their guardians, work, answers, evaluations and trail), a staff
//! member or a guardian; people who left longer ago than the retention period are anonymised as
//! the batch the leader confirmed, keeping the anonymous steps of evaluations and what staff
//! planned, and nothing else; a batch that no longer matches who is due changes nothing; nobody
//! but the school's leader reaches any of it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::entity::{
    account, calendar_feed, evaluation, goal_evidence, guardianship, plan_voice, portfolio_item,
    pupil_plan as plan_row, pupil_plan_version, session, stored_file, task_done, task_pupil,
    work_feedback,
};
use backend::evaluation::evidence;
use backend::identity::{access, roster};
use backend::pupil_plan::voice;
use backend::{demo, evaluation as grid, identity, planning::plans, privacy, pupil_plan, returns};
use common::{
    DanskForloeb, TestDb, as_user, as_user_at, dansk_forloeb, neighbour_school_with_ida,
    roster_pupil_id, task_with_idas_photo,
};
use domain::ErrorCode;
use domain::audit::{AuditAct, AuditTopic};
use domain::feedback::{FeedbackInput, FeedbackOn, FeedbackUpload};
use domain::identity::Role;
use domain::planning::{Audience as TaskAudience, TaskIcon, TaskInput, TaskWhen, Variant};
use domain::privacy::{ErasureChoice, PersonKind};
use domain::pupil_plan::{PlanEdit, PlanTexts, VoiceChoice};
use domain::school::Subject;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const DAY: i64 = 86_400;
const WEBM: &[u8] = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01 Ida says what she is good at";

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

async fn id_of(t: &TestDb, who: &str) -> i64 {
    identity::me(&as_user(t, who).await).await.unwrap().id
}

/// Anne evaluates Ida's faglig goal with a comment and answers her photo in words for the family.
async fn anne_evaluates_ida_and_answers(f: &DanskForloeb, photo: i64) {
    grid::evaluate(&f.anne, f.faglig, f.ida, Some(2), "Læser rimord sikkert")
        .await
        .unwrap();
    returns::feedback::give_feedback(
        &f.anne,
        &FeedbackInput {
            on: FeedbackOn::Work { item_id: photo },
            body: FeedbackUpload::Text("Sikke et flot slot".into()),
            for_family: true,
        },
    )
    .await
    .unwrap();
}

async fn the_leader_fetches_everything_about_a_pupil(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let (_, photo) = task_with_idas_photo(&t, &f).await;
    anne_evaluates_ida_and_answers(&f, photo).await;

    let lene = as_user(&t, "lene").await;
    let a = privacy::archive(&lene, f.ida).await.unwrap();
    assert_eq!(a.name, "Ida Jensen");
    assert_eq!(a.kind, PersonKind::Pupil);
    assert_eq!(a.username.as_deref(), Some("ida"));
    let guardians: Vec<(&str, bool)> = a
        .guardians
        .iter()
        .map(|g| (g.name.as_str(), g.access))
        .collect();
    assert_eq!(guardians, [("Mette Jensen", true), ("Rasmus Jensen", true)]);
    assert!(a.memberships.iter().any(|m| m.name.contains("1.A")));
    let package = a
        .package
        .as_ref()
        .expect("a pupil's archive holds her package");
    let work = &package.portfolio[0];
    assert!(
        work.data_base64.is_some(),
        "the photo itself is in the archive"
    );
    assert_eq!(work.feedback.len(), 1);
    assert!(work.feedback[0].for_family);
    assert!(
        package
            .evaluations
            .iter()
            .any(|e| e.comment == "Læser rimord sikkert" && !e.by_pupil)
    );
    assert!(
        a.trail_about
            .iter()
            .any(|e| e.who == "Anne Holm" && e.act == AuditAct::Change),
        "who changed her data is in her archive"
    );
    // Fetching it is a read of her whole record, on her trail.
    assert!(
        a.trail_about
            .iter()
            .any(|e| e.who == "Lene Dahl" && e.topic == AuditTopic::Package),
        "the archive holds its own read"
    );
}

async fn the_leader_fetches_everything_about_a_staff_member_and_a_guardian(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    grid::evaluate(&f.anne, f.faglig, f.ida, Some(1), "")
        .await
        .unwrap();
    grid::grid(&f.anne, f.unit).await.unwrap();
    let lene = as_user(&t, "lene").await;

    let anne = privacy::archive(&lene, id_of(&t, "anne").await)
        .await
        .unwrap();
    assert_eq!(anne.kind, PersonKind::Staff);
    assert!(anne.roles.contains(&Role::Teacher));
    assert_eq!(anne.username.as_deref(), Some("anne"));
    let work = anne.staff_work.as_ref().unwrap();
    assert!(work.year_plans >= 1 && work.units >= 1 && work.evaluations >= 1);
    assert!(anne.package.is_none() && anne.trail_about.is_empty());
    assert!(
        anne.trail_by
            .iter()
            .any(|e| e.act == AuditAct::Read && e.topic == AuditTopic::Evaluations),
        "what she looked at is hers to know"
    );
    assert!(!anne.open_sessions.is_empty());

    let mette = privacy::archive(&lene, id_of(&t, "mette").await)
        .await
        .unwrap();
    assert_eq!(mette.kind, PersonKind::Guardian);
    let children: Vec<&str> = mette.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(children, ["Ida Jensen", "Lucas Jensen"]);
    assert!(mette.staff_work.is_none() && mette.package.is_none());
}

async fn only_the_schools_leader_answers_data_requests(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let choice = ErasureChoice::parse(&f.ida.to_string()).unwrap();
    for who in ["anne", "ole", "ida", "mette", "pia"] {
        let ctx = as_user(&t, who).await;
        assert_eq!(
            privacy::overview(&ctx).await.unwrap_err().code,
            ErrorCode::Forbidden,
            "{who}"
        );
        assert_eq!(
            privacy::archive(&ctx, f.ida).await.unwrap_err().code,
            ErrorCode::Forbidden,
            "{who}"
        );
        assert_eq!(
            privacy::erase(&ctx, &choice).await.unwrap_err().code,
            ErrorCode::Forbidden,
            "{who}"
        );
    }
    // Another school's leader learns nothing of this school's people, not even that they exist,
    // and cannot anonymise one who is due here.
    neighbour_school_with_ida(&t).await;
    let now = backend::clock::now();
    roster::mark_pupil_left(&as_user_at(&t, "ole", now).await, f.ida)
        .await
        .unwrap();
    let niels = as_user_at(&t, "niels", now + DAY)
        .await
        .with_erase_after_days(0);
    assert_eq!(
        privacy::archive(&niels, f.ida).await.unwrap_err().code,
        ErrorCode::NotFound
    );
    assert_eq!(
        privacy::erase(&niels, &choice).await.unwrap_err().code,
        ErrorCode::Conflict,
        "not one of the people due at his school"
    );
    assert!(
        !privacy::overview(&niels)
            .await
            .unwrap()
            .due
            .iter()
            .any(|d| d.id == f.ida)
    );
    assert_eq!(
        common::person_by_id(&t, f.ida).await.full_name(),
        "Ida Jensen"
    );
    let lene = as_user_at(&t, "lene", now + DAY)
        .await
        .with_erase_after_days(0);
    assert!(
        privacy::overview(&lene)
            .await
            .unwrap()
            .due
            .iter()
            .any(|d| d.id == f.ida),
        "she is due at her own school"
    );
}

async fn people_who_left_long_ago_are_anonymised_as_the_leader_confirmed(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let (task, photo) = task_with_idas_photo(&t, &f).await;
    // The task is easier for Ida (a hint of support), and she marks it done.
    let today = backend::clock::today(domain::calendar::DEFAULT_TIME_ZONE).unwrap();
    plans::create_task(
        &f.anne,
        f.unit,
        &TaskInput {
            title: "Læs med en voksen".into(),
            instruction: "Læs side 3.".into(),
            icon: TaskIcon::Read,
            when: TaskWhen::Week(today),
            audience: TaskAudience::Pupils,
            pupils: vec![(f.ida, Variant::Easier)],
            easier: Some("Læs side 3 sammen med en voksen.".into()),
            harder: None,
        },
    )
    .await
    .unwrap();
    backend::pupil::today::mark_done(&as_user(&t, "ida").await, task, true)
        .await
        .unwrap();
    anne_evaluates_ida_and_answers(&f, photo).await;
    // Her elevplan, with a reflection she said aloud, published with the photo as evidence.
    evidence::choose_evidence(&f.anne, f.faglig, f.ida, photo, true)
        .await
        .unwrap();
    let plan = pupil_plan::start_plan(&f.anne, f.ida, Some(Subject::Dansk))
        .await
        .unwrap();
    let said = voice::record_reflection(&as_user(&t, "ida").await, plan, "audio/webm", &b64(WEBM))
        .await
        .unwrap();
    let draft = pupil_plan::plan_draft(&f.anne, plan).await.unwrap();
    let version = pupil_plan::save_plan(
        &f.anne,
        &PlanEdit {
            plan_id: plan,
            version: draft.version,
            texts: PlanTexts {
                status: "Læser små bøger".into(),
                ..Default::default()
            },
            receives_support: true,
            goal_ids: vec![f.faglig],
            voice: Some(VoiceChoice {
                voice_id: said.id,
                in_plan: true,
                transcript: "Jeg kan rime.".into(),
            }),
        },
    )
    .await
    .unwrap();
    pupil_plan::publish_plan(&f.anne, plan, version)
        .await
        .unwrap();
    let photo_file = portfolio_item::Entity::find_by_id(i32::try_from(photo).unwrap())
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
        .file_id
        .unwrap();
    let lucas = roster_pupil_id(&t, "Lucas Jensen").await;
    let (mette, rasmus, dorte) = (
        id_of(&t, "mette").await,
        id_of(&t, "rasmus.jensen").await,
        id_of(&t, "dorte").await,
    );
    let evaluations_before = evaluation::Entity::find().count(&t.db).await.unwrap();

    // Ida leaves today; Dorte leaves too. Lucas, Ida's brother, is still here.
    let now = backend::clock::now();
    let ole = as_user_at(&t, "ole", now).await;
    roster::mark_pupil_left(&ole, f.ida).await.unwrap();
    access::deactivate_staff(&as_user_at(&t, "lene", now).await, dorte)
        .await
        .unwrap();
    let lene_at = |days: i64| {
        let t = &t;
        async move {
            as_user_at(t, "lene", now + days * DAY)
                .await
                .with_erase_after_days(30)
        }
    };
    let early = privacy::overview(&lene_at(29).await).await.unwrap();
    assert!(early.due.is_empty(), "not before the retention period ends");
    assert!(
        early
            .people
            .iter()
            .any(|p| p.name == "Ida Jensen" && p.left)
    );

    let lene = lene_at(31).await;
    let o = privacy::overview(&lene).await.unwrap();
    let mut due: Vec<(&str, PersonKind)> =
        o.due.iter().map(|d| (d.name.as_str(), d.kind)).collect();
    due.sort();
    assert_eq!(
        due,
        [
            ("Dorte Vang", PersonKind::Staff),
            ("Ida Jensen", PersonKind::Pupil)
        ],
        "her parents stay while her brother is here"
    );
    assert_eq!(o.erase_after_days, 30);

    // Lucas leaves as well: now their parents have no child here.
    roster::mark_pupil_left(&as_user_at(&t, "ole", now).await, lucas)
        .await
        .unwrap();
    let o = privacy::overview(&lene).await.unwrap();
    assert_eq!(o.due.len(), 5);
    let everyone: Vec<String> = o.due.iter().map(|d| d.id.to_string()).collect();
    let done = privacy::erase(&lene, &ErasureChoice::parse(&everyone.join(",")).unwrap())
        .await
        .unwrap();
    assert_eq!((done.pupils, done.staff, done.guardians), (2, 1, 2));

    // Names, sign-in and what only the pupil made or was told are gone ...
    for id in [f.ida, lucas, mette, rasmus, dorte] {
        let person = common::person_by_id(&t, id).await;
        assert_eq!(person.full_name(), "Anonymiseret person");
        assert!(person.anonymised_at.is_some() && person.external_id.is_none());
    }
    // Mette had not left herself: only anonymising takes her sign-in.
    assert!(
        identity::sign_in(&t.ctx(None), "mette", demo::DEMO_PASSWORD)
            .await
            .is_err()
    );
    let gone = |id: i64| i32::try_from(id).unwrap();
    let five: Vec<i32> = [f.ida, lucas, mette, rasmus, dorte]
        .into_iter()
        .map(gone)
        .collect();
    assert_eq!(
        account::Entity::find()
            .filter(account::Column::PersonId.is_in(five.clone()))
            .count(&t.db)
            .await
            .unwrap()
            + session::Entity::find()
                .filter(session::Column::PersonId.is_in(five.clone()))
                .count(&t.db)
                .await
                .unwrap()
            + calendar_feed::Entity::find()
                .filter(calendar_feed::Column::GuardianId.is_in(five))
                .count(&t.db)
                .await
                .unwrap(),
        0,
        "no way in, no session, no calendar link"
    );
    let ida = i32::try_from(f.ida).unwrap();
    macro_rules! none_of_idas {
        ($entity:ident) => {
            assert_eq!(
                $entity::Entity::find()
                    .filter($entity::Column::PupilId.eq(ida))
                    .count(&t.db)
                    .await
                    .unwrap(),
                0,
                stringify!($entity)
            );
        };
    }
    none_of_idas!(plan_row);
    none_of_idas!(pupil_plan_version);
    none_of_idas!(plan_voice);
    none_of_idas!(goal_evidence);
    none_of_idas!(task_pupil);
    none_of_idas!(task_done);
    assert_eq!(
        portfolio_item::Entity::find()
            .filter(portfolio_item::Column::PupilId.eq(ida))
            .count(&t.db)
            .await
            .unwrap(),
        0
    );
    assert!(
        stored_file::Entity::find_by_id(photo_file)
            .one(&t.db)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        work_feedback::Entity::find()
            .filter(work_feedback::Column::PupilId.eq(ida))
            .count(&t.db)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        guardianship::Entity::find()
            .filter(guardianship::Column::GuardianId.eq(i32::try_from(mette).unwrap()))
            .count(&t.db)
            .await
            .unwrap(),
        0
    );
    // ... the steps of evaluations stay, without their words, and Anne's forløb is still hers.
    assert_eq!(
        evaluation::Entity::find().count(&t.db).await.unwrap(),
        evaluations_before
    );
    let idas = evaluation::Entity::find()
        .filter(evaluation::Column::PupilId.eq(ida))
        .all(&t.db)
        .await
        .unwrap();
    assert!(!idas.is_empty() && idas.iter().all(|e| e.comment.is_empty()));
    plans::unit(&f.anne, f.unit).await.unwrap();

    // The page lists them no more, and keeps the batch as counts.
    let after = privacy::overview(&lene).await.unwrap();
    assert!(after.due.is_empty());
    assert!(!after.people.iter().any(|p| p.name.contains("Ida")));
    assert_eq!(after.batches.len(), 1);
    let batch = &after.batches[0];
    assert_eq!(batch.confirmed_by, "Lene Dahl");
    assert_eq!((batch.pupils, batch.staff, batch.guardians), (2, 1, 2));
}

async fn a_batch_that_no_longer_matches_who_is_due_changes_nothing(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let now = backend::clock::now();
    roster::mark_pupil_left(&as_user_at(&t, "ole", now).await, f.ida)
        .await
        .unwrap();
    let lene = as_user_at(&t, "lene", now + 2 * DAY)
        .await
        .with_erase_after_days(1);
    let anne = id_of(&t, "anne").await;
    // Anne is still here: the list the leader sent is not the one due now.
    let choice = ErasureChoice::parse(&format!("{},{anne}", f.ida)).unwrap();
    assert_eq!(
        privacy::erase(&lene, &choice).await.unwrap_err().code,
        ErrorCode::Conflict
    );
    assert_eq!(
        common::person_by_id(&t, f.ida).await.full_name(),
        "Ida Jensen",
        "nobody on the list was anonymised"
    );
    assert!(privacy::overview(&lene).await.unwrap().batches.is_empty());
    // Twice the same batch: the second finds nobody due.
    let just_ida = ErasureChoice::parse(&f.ida.to_string()).unwrap();
    privacy::erase(&lene, &just_ida).await.unwrap();
    assert_eq!(
        privacy::erase(&lene, &just_ida).await.unwrap_err().code,
        ErrorCode::Conflict
    );
}

async fn a_staff_member_who_is_a_parent_stays_while_their_child_is_here(t: TestDb) {
    use backend::entity::person_role;
    use sea_orm::{ActiveModelTrait, Set};
    let f = dansk_forloeb(&t).await;
    // Dorte, who teaches 5.B, is also Noah's mother in 1.A.
    let dorte = id_of(&t, "dorte").await;
    let noah = roster_pupil_id(&t, "Noah Hansen").await;
    person_role::ActiveModel {
        person_id: Set(i32::try_from(dorte).unwrap()),
        role: Set(Role::Parent),
        ..Default::default()
    }
    .insert(&t.db)
    .await
    .unwrap();
    guardianship::ActiveModel {
        guardian_id: Set(i32::try_from(dorte).unwrap()),
        pupil_id: Set(i32::try_from(noah).unwrap()),
        has_access: Set(true),
        ..Default::default()
    }
    .insert(&t.db)
    .await
    .unwrap();
    let now = backend::clock::now();
    access::deactivate_staff(&as_user_at(&t, "lene", now).await, dorte)
        .await
        .unwrap();
    let later = |days: i64| {
        let t = &t;
        async move {
            as_user_at(t, "lene", now + days * DAY)
                .await
                .with_erase_after_days(1)
        }
    };
    let due = privacy::overview(&later(2).await).await.unwrap().due;
    assert!(
        !due.iter().any(|d| d.id == dorte),
        "her son is still at the school"
    );
    // Noah leaves; a day after, both have gone.
    roster::mark_pupil_left(&as_user_at(&t, "ole", now + 2 * DAY).await, noah)
        .await
        .unwrap();
    let lene = later(4).await;
    let due = privacy::overview(&lene).await.unwrap().due;
    assert!(
        due.iter()
            .any(|d| d.id == dorte && d.kind == PersonKind::Staff)
    );
    privacy::erase(&lene, &ErasureChoice::parse(&dorte.to_string()).unwrap())
        .await
        .unwrap();
    assert_eq!(
        guardianship::Entity::find()
            .filter(guardianship::Column::GuardianId.eq(i32::try_from(dorte).unwrap()))
            .count(&t.db)
            .await
            .unwrap(),
        0,
        "her guardianship goes with her name"
    );
    // An anonymised colleague is not offered back.
    assert!(
        access::reactivate_staff(&lene, dorte).await.is_err(),
        "nobody comes back nameless"
    );
    let _ = f;
}

on_both_databases!(
    a_staff_member_who_is_a_parent_stays_while_their_child_is_here,
    the_leader_fetches_everything_about_a_pupil,
    the_leader_fetches_everything_about_a_staff_member_and_a_guardian,
    only_the_schools_leader_answers_data_requests,
    people_who_left_long_ago_are_anonymised_as_the_leader_confirmed,
    a_batch_that_no_longer_matches_who_is_due_changes_nothing,
);
