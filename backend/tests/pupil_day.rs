//! Use-case tests of the pupil's day ("I dag", "Færdig"), their work ("Mit arbejde") and reading
//! settings, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::entity::{portfolio_item, stored_file};
use backend::identity::reading;
use backend::planning::{files, plans};
use backend::pupil::{today, work};
use common::{TestDb, as_user, dansk_forloeb as fixture};
use domain::identity::{ReadingFont, ReadingSettings, Step, Tint};
use domain::planning::{Audience, TaskIcon, TaskInput, TaskWhen, Variant};
use domain::pupil::{WorkKind, WorkUpload};
use domain::{AppError, ErrorCode};
use sea_orm::{EntityTrait, PaginatorTrait};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR rest of a picture";

fn code<T: std::fmt::Debug>(result: Result<T, AppError>) -> ErrorCode {
    result.unwrap_err().code
}

fn field<T: std::fmt::Debug>(result: Result<T, AppError>) -> Option<String> {
    result.unwrap_err().field
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn photo(key: &str, task_id: Option<i64>) -> WorkUpload {
    WorkUpload {
        client_key: key.into(),
        kind: WorkKind::Photo,
        task_id,
        goal_id: None,
        text: String::new(),
        content_type: Some("image/png".into()),
        data_base64: Some(base64(PNG)),
    }
}

fn task(title: &str, when: TaskWhen, audience: Audience, pupils: Vec<(i64, Variant)>) -> TaskInput {
    TaskInput {
        title: title.into(),
        instruction: format!("{title}: sådan gør du."),
        icon: TaskIcon::Read,
        when,
        audience,
        pupils,
        easier: Some("Den lette udgave.".into()),
        harder: None,
    }
}

async fn work_rows(t: &TestDb) -> u64 {
    portfolio_item::Entity::find().count(&t.db).await.unwrap()
}

async fn a_pupil_sees_todays_and_this_weeks_tasks_in_their_own_version(t: TestDb) {
    let f = fixture(&t).await;
    let today_date = backend::clock::today(domain::calendar::DEFAULT_TIME_ZONE).unwrap();
    let tomorrow = today_date.add_days(1).unwrap();
    let noah = as_user(&t, "noah").await;
    let noah_id = match common::home_of(&t, "noah").await {
        domain::home::Home::Pupil(_) => backend::identity::me(&noah).await.unwrap().id,
        other => panic!("{other:?}"),
    };
    plans::create_task(
        &f.anne,
        f.unit,
        &task(
            "Læs eventyret",
            TaskWhen::Day(today_date),
            Audience::Hold,
            vec![(f.ida, Variant::Easier)],
        ),
    )
    .await
    .unwrap();
    plans::create_task(
        &f.anne,
        f.unit,
        &task(
            "Læs i morgen",
            TaskWhen::Day(tomorrow),
            Audience::Hold,
            vec![],
        ),
    )
    .await
    .unwrap();
    plans::create_task(
        &f.anne,
        f.unit,
        &task(
            "Kun for Noah",
            TaskWhen::Day(today_date),
            Audience::Pupils,
            vec![(noah_id, Variant::Standard)],
        ),
    )
    .await
    .unwrap();
    let archived = plans::create_task(
        &f.anne,
        f.unit,
        &task("Aflyst", TaskWhen::Day(today_date), Audience::Hold, vec![]),
    )
    .await
    .unwrap();
    plans::archive_task(&f.anne, archived).await.unwrap();

    let ida = as_user(&t, "ida").await;
    let day = today::today_for_pupil(&ida).await.unwrap();
    let titles: Vec<&str> = day.tasks.iter().map(|t| t.title.as_str()).collect();
    // Today's first (the demo's maths task and Anne's), then the week's.
    assert_eq!(
        titles,
        ["Tegn 10 ting", "Læs eventyret", "Find tal i klassen"]
    );
    let own = |title: &str| day.tasks.iter().find(|t| t.title == title).unwrap();
    assert_eq!(own("Læs eventyret").instruction, "Den lette udgave.");
    assert_eq!(
        own("Find tal i klassen").instruction,
        "Find tal over 10 i klassen, og tag et billede af dem."
    );
    assert!(own("Find tal i klassen").this_week);
    assert_eq!(own("Tegn 10 ting").materials.len(), 1);
    assert_eq!(
        own("Læs eventyret").goals.len(),
        1,
        "the forløb's mål og refleksion goal"
    );

    let noahs = today::today_for_pupil(&noah).await.unwrap();
    let noah_titles: Vec<&str> = noahs.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        noah_titles,
        [
            "Tegn 10 ting",
            "Læs eventyret",
            "Kun for Noah",
            "Find tal i klassen"
        ]
    );
    let week = noahs
        .tasks
        .iter()
        .find(|t| t.title == "Find tal i klassen")
        .unwrap();
    assert_eq!(
        week.instruction,
        "Find tre tal i klassen, og tag et billede af dem."
    );

    // Sofia (5.B) has none of 1.A's; a teacher has no "I dag".
    let sofia = as_user(&t, "sofia").await;
    assert!(
        today::today_for_pupil(&sofia)
            .await
            .unwrap()
            .tasks
            .is_empty()
    );
    assert_eq!(
        code(today::today_for_pupil(&f.anne).await),
        ErrorCode::Forbidden
    );
}

async fn done_is_kept_undone_on_request_and_only_for_ones_own_tasks(t: TestDb) {
    let f = fixture(&t).await;
    let ida = as_user(&t, "ida").await;
    let id = plans::create_task(
        &f.anne,
        f.unit,
        &task(
            "Læs eventyret",
            TaskWhen::Day(backend::clock::today(domain::calendar::DEFAULT_TIME_ZONE).unwrap()),
            Audience::Hold,
            vec![],
        ),
    )
    .await
    .unwrap();
    today::mark_done(&ida, id, true).await.unwrap();
    today::mark_done(&ida, id, true).await.unwrap();
    let done = |day: domain::pupil::Today| day.tasks.iter().find(|t| t.id == id).unwrap().done;
    assert!(done(today::today_for_pupil(&ida).await.unwrap()));
    let noah = as_user(&t, "noah").await;
    assert!(
        !done(today::today_for_pupil(&noah).await.unwrap()),
        "Ida's done is hers"
    );
    today::mark_done(&ida, id, false).await.unwrap();
    assert!(!done(today::today_for_pupil(&ida).await.unwrap()));

    let sofia = as_user(&t, "sofia").await;
    assert_eq!(
        code(today::mark_done(&sofia, id, true).await),
        ErrorCode::Forbidden
    );
    assert_eq!(
        code(today::mark_done(&f.anne, id, true).await),
        ErrorCode::Forbidden
    );
    let mette = as_user(&t, "mette").await;
    assert_eq!(
        code(today::mark_done(&mette, id, true).await),
        ErrorCode::Forbidden
    );
}

async fn work_sent_twice_is_stored_once(t: TestDb) {
    let f = fixture(&t).await;
    let ida = as_user(&t, "ida").await;
    let day = today::today_for_pupil(&ida).await.unwrap();
    let task_id = day.tasks[0].id;
    let first = work::add_work(&ida, &photo("key-0001-abcd", Some(task_id)))
        .await
        .unwrap();
    let again = work::add_work(&ida, &photo("key-0001-abcd", Some(task_id)))
        .await
        .unwrap();
    assert_eq!(first, again);
    assert_eq!(work_rows(&t).await, 1);
    assert_eq!(stored_file::Entity::find().count(&t.db).await.unwrap(), 1);

    let text = WorkUpload {
        client_key: "key-0002-abcd".into(),
        kind: WorkKind::Text,
        task_id: None,
        goal_id: Some(f.refleksion),
        text: "Jeg læste hele eventyret".into(),
        content_type: None,
        data_base64: None,
    };
    work::add_work(&ida, &text).await.unwrap();
    let mine = work::my_work(&ida).await.unwrap();
    assert_eq!(mine.len(), 2);
    let pic = mine.iter().find(|w| w.kind == WorkKind::Photo).unwrap();
    assert_eq!(pic.task_title.as_deref(), Some("Tegn 10 ting"));
    assert_eq!(
        pic.file_url.as_deref(),
        Some(format!("/arbejde/{first}").as_str())
    );
    let words = mine.iter().find(|w| w.kind == WorkKind::Text).unwrap();
    assert_eq!(words.goal_text.as_deref(), Some("Jeg kan genfortælle"));

    // Another pupil's list does not hold it, and the same key is theirs to use.
    let noah = as_user(&t, "noah").await;
    assert!(work::my_work(&noah).await.unwrap().is_empty());
    work::add_work(&noah, &photo("key-0001-abcd", None))
        .await
        .unwrap();
    assert_eq!(work_rows(&t).await, 3);
}

async fn work_is_seen_by_the_pupil_and_their_teachers_only(t: TestDb) {
    let f = fixture(&t).await;
    let ida = as_user(&t, "ida").await;
    let id = work::add_work(&ida, &photo("key-0001-abcd", None))
        .await
        .unwrap();
    let (content_type, bytes) = work::work_file(&ida, id).await.unwrap();
    assert_eq!(
        (content_type.as_str(), bytes.as_slice()),
        ("image/png", PNG)
    );
    assert!(work::work_file(&f.anne, id).await.is_ok());
    let bo = as_user(&t, "bo").await;
    assert!(work::work_file(&bo, id).await.is_ok());
    for refused in ["noah", "mette", "lene", "dorte"] {
        let who = as_user(&t, refused).await;
        assert_eq!(
            code(work::work_file(&who, id).await),
            ErrorCode::Forbidden,
            "{refused}"
        );
    }
    // Only pupils keep work.
    assert_eq!(
        code(work::add_work(&f.anne, &photo("key-0009-abcd", None)).await),
        ErrorCode::Forbidden
    );
    assert_eq!(code(work::my_work(&f.anne).await), ErrorCode::Forbidden);
}

async fn bad_work_is_refused_by_field_and_stores_nothing(t: TestDb) {
    let f = fixture(&t).await;
    let ida = as_user(&t, "ida").await;
    let mut svg = photo("key-0001-abcd", None);
    svg.content_type = Some("image/svg+xml".into());
    assert_eq!(
        field(work::add_work(&ida, &svg).await).as_deref(),
        Some("work_file_type")
    );
    let mut disguised = photo("key-0002-abcd", None);
    disguised.data_base64 = Some(base64(b"<html><script>alert(1)</script>"));
    assert_eq!(
        field(work::add_work(&ida, &disguised).await).as_deref(),
        Some("work_file_type")
    );
    let mut huge = photo("key-0003-abcd", None);
    let mut big = PNG.to_vec();
    big.resize(domain::pupil::MAX_WORK_BYTES + 1, 0);
    huge.data_base64 = Some(base64(&big));
    assert_eq!(
        field(work::add_work(&ida, &huge).await).as_deref(),
        Some("work_file_size")
    );
    let mut not_base64 = photo("key-0004-abcd", None);
    not_base64.data_base64 = Some("***".into());
    assert_eq!(
        field(work::add_work(&ida, &not_base64).await).as_deref(),
        Some("work_file")
    );
    let mut bad_key = photo("no", None);
    bad_key.client_key = "no".into();
    assert_eq!(
        field(work::add_work(&ida, &bad_key).await).as_deref(),
        Some("client_key")
    );

    // A task or goal that is not hers.
    let sofia = as_user(&t, "sofia").await;
    let idas_task = today::today_for_pupil(&ida).await.unwrap().tasks[0].id;
    assert_eq!(
        field(work::add_work(&sofia, &photo("key-0005-abcd", Some(idas_task))).await).as_deref(),
        Some("task_id")
    );
    let mut other_goal = photo("key-0006-abcd", None);
    other_goal.goal_id = Some(f.refleksion);
    assert_eq!(
        field(work::add_work(&sofia, &other_goal).await).as_deref(),
        Some("goal_id")
    );

    assert_eq!(work_rows(&t).await, 0);
    assert_eq!(stored_file::Entity::find().count(&t.db).await.unwrap(), 0);
}

async fn work_outlives_its_task_and_forloeb_being_archived(t: TestDb) {
    let f = fixture(&t).await;
    let ida = as_user(&t, "ida").await;
    let id = plans::create_task(
        &f.anne,
        f.unit,
        &task(
            "Læs eventyret",
            TaskWhen::Day(backend::clock::today(domain::calendar::DEFAULT_TIME_ZONE).unwrap()),
            Audience::Hold,
            vec![],
        ),
    )
    .await
    .unwrap();
    work::add_work(&ida, &photo("key-0001-abcd", Some(id)))
        .await
        .unwrap();
    let before = work::my_work(&ida).await.unwrap();
    plans::archive_task(&f.anne, id).await.unwrap();
    plans::archive_unit(&f.anne, f.unit).await.unwrap();
    plans::archive_year_plan(&f.anne, f.year_plan)
        .await
        .unwrap();
    assert_eq!(work::my_work(&ida).await.unwrap(), before);
    // And the task cannot be deleted from under it.
    let deleted = backend::entity::task::Entity::delete_by_id(i32::try_from(id).unwrap())
        .exec(&t.db)
        .await;
    assert!(
        deleted.is_err(),
        "the database refuses to delete a task with work"
    );
}

async fn reading_settings_follow_the_person_and_start_at_the_designed_defaults(t: TestDb) {
    common::seeded(&t).await;
    let ida = as_user(&t, "ida").await;
    assert_eq!(
        reading::my_settings(&ida).await.unwrap(),
        ReadingSettings::default()
    );
    let chosen = ReadingSettings {
        text_size: Step::Most,
        letter_spacing: Step::More,
        word_spacing: Step::Normal,
        line_height: Step::Most,
        tint: Tint::Cream,
        font: ReadingFont::Dyslexic,
    };
    reading::save_settings(&ida, chosen).await.unwrap();
    // Another device: a new session.
    let elsewhere = as_user(&t, "ida").await;
    assert_eq!(reading::my_settings(&elsewhere).await.unwrap(), chosen);
    let changed = ReadingSettings {
        tint: Tint::Blue,
        ..chosen
    };
    reading::save_settings(&elsewhere, changed).await.unwrap();
    assert_eq!(reading::my_settings(&ida).await.unwrap(), changed);
    let noah = as_user(&t, "noah").await;
    assert_eq!(
        reading::my_settings(&noah).await.unwrap(),
        ReadingSettings::default()
    );
    assert_eq!(
        code(reading::my_settings(&t.ctx(None)).await),
        ErrorCode::NotSignedIn
    );
}

async fn a_pupil_opens_the_files_of_their_own_forloeb_only(t: TestDb) {
    let f = fixture(&t).await;
    let version = plans::unit(&f.anne, f.unit).await.unwrap().version;
    files::upload_material(
        &f.anne,
        f.unit,
        version,
        "ark.pdf",
        b"%PDF-1.7 an exercise sheet",
    )
    .await
    .unwrap();
    let file_id = plans::unit(&f.anne, f.unit)
        .await
        .unwrap()
        .materials
        .iter()
        .find_map(|m| m.url.strip_prefix("/filer/").map(str::to_owned))
        .unwrap();
    let file_id = file_id.as_str();
    let ida = as_user(&t, "ida").await;
    assert!(files::read_file(&ida, file_id).await.is_ok());
    let sofia = as_user(&t, "sofia").await;
    assert_eq!(
        code(files::read_file(&sofia, file_id).await),
        ErrorCode::Forbidden
    );
    let mette = as_user(&t, "mette").await;
    assert_eq!(
        code(files::read_file(&mette, file_id).await),
        ErrorCode::Forbidden
    );
}

on_both_databases!(
    a_pupil_sees_todays_and_this_weeks_tasks_in_their_own_version,
    done_is_kept_undone_on_request_and_only_for_ones_own_tasks,
    work_sent_twice_is_stored_once,
    work_is_seen_by_the_pupil_and_their_teachers_only,
    bad_work_is_refused_by_field_and_stores_nothing,
    work_outlives_its_task_and_forloeb_being_archived,
    reading_settings_follow_the_person_and_start_at_the_designed_defaults,
    a_pupil_opens_the_files_of_their_own_forloeb_only,
);
