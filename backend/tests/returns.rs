//! What pupils did with a task, as the hold's teachers follow it, on SQLite and on PostgreSQL:
//! who is done, and what each handed in; everyone else is refused.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::planning::plans;
use backend::pupil::{today, work};
use backend::returns;
use common::{DanskForloeb, TestDb, as_user, dansk_forloeb, neighbour_school_with_ida};
use domain::ErrorCode;
use domain::home::Home;
use domain::planning::{Audience, TaskIcon, TaskInput, TaskWhen, Variant};
use domain::pupil::{WorkKind, WorkUpload};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR rest of a picture";

fn upload(key: &str, task_id: i64, kind: WorkKind, text: &str) -> WorkUpload {
    use base64::Engine;
    let file = kind != WorkKind::Text;
    WorkUpload {
        client_key: key.into(),
        kind,
        task_id: Some(task_id),
        goal_id: None,
        text: text.into(),
        content_type: file.then(|| "image/png".into()),
        data_base64: file.then(|| base64::engine::general_purpose::STANDARD.encode(PNG)),
    }
}

fn this_week(title: &str, audience: Audience, pupils: Vec<(i64, Variant)>) -> TaskInput {
    let today = backend::clock::today(domain::calendar::DEFAULT_TIME_ZONE).unwrap();
    TaskInput {
        title: title.into(),
        instruction: format!("{title}: sådan gør du."),
        icon: TaskIcon::Draw,
        when: TaskWhen::Week(today),
        audience,
        pupils,
        easier: None,
        harder: None,
    }
}

/// "Tegn et eventyr" this week, for Anne's whole dansk hold.
async fn whole_hold_task(f: &DanskForloeb) -> i64 {
    plans::create_task(
        &f.anne,
        f.unit,
        &this_week("Tegn et eventyr", Audience::Hold, vec![]),
    )
    .await
    .unwrap()
}

async fn a_teacher_sees_who_is_done_and_what_each_pupil_handed_in_for_the_whole_hold(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let task = whole_hold_task(&f).await;
    let ida = as_user(&t, "ida").await;
    work::add_work(&ida, &upload("ret-0001-abcd", task, WorkKind::Photo, ""))
        .await
        .unwrap();
    today::mark_done(&ida, task, true).await.unwrap();
    let noah = as_user(&t, "noah").await;
    work::add_work(
        &noah,
        &upload(
            "ret-0002-abcd",
            task,
            WorkKind::Text,
            "Der var engang en trold.",
        ),
    )
    .await
    .unwrap();

    let seen = returns::task_returns(&f.anne, task).await.unwrap();
    assert_eq!(seen.title, "Tegn et eventyr");
    assert_eq!(seen.unit_title, "Eventyr");
    assert_eq!(seen.team_name, "Dansk 1.A");
    assert_eq!(seen.pupils.len(), 10, "the whole hold, on one screen");
    assert_eq!(seen.done(), 1);
    let row = |name: &str| seen.pupils.iter().find(|p| p.name == name).unwrap();
    let idas = row("Ida Jensen");
    assert!(idas.done_at.is_some());
    assert_eq!(idas.work.len(), 1);
    assert_eq!(idas.work[0].kind, WorkKind::Photo);
    let picture = idas.work[0].file_url.clone().unwrap();
    assert!(picture.starts_with("/arbejde/"), "{picture}");
    // The teacher may open the picture the screen shows.
    let id: i64 = picture.trim_start_matches("/arbejde/").parse().unwrap();
    assert_eq!(work::work_file(&f.anne, id).await.unwrap().1, PNG);
    let noahs = row("Noah Hansen");
    assert_eq!(noahs.done_at, None);
    assert_eq!(noahs.work[0].text, "Der var engang en trold.");
    assert!(row("Freja Pedersen").work.is_empty());
    // Pia, the hold's pædagog, follows it too.
    let pia = as_user(&t, "pia").await;
    assert_eq!(returns::task_returns(&pia, task).await.unwrap(), seen);
}

async fn a_task_for_chosen_pupils_lists_only_them(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let noah = backend::identity::me(&as_user(&t, "noah").await)
        .await
        .unwrap()
        .id;
    let task = plans::create_task(
        &f.anne,
        f.unit,
        &this_week(
            "Find tre rim",
            Audience::Pupils,
            vec![(f.ida, Variant::Standard), (noah, Variant::Standard)],
        ),
    )
    .await
    .unwrap();
    let seen = returns::task_returns(&f.anne, task).await.unwrap();
    let names: Vec<&str> = seen.pupils.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ida Jensen", "Noah Hansen"]);
    assert_eq!(seen.done(), 0);
}

async fn only_the_holds_own_teachers_follow_a_task(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let task = whole_hold_task(&f).await;
    // Bo teaches 1.A maths, not this hold; the leader and the office read no portfolios.
    for who in ["bo", "dorte", "lene", "ole", "ida", "sofia", "mette"] {
        let err = returns::task_returns(&as_user(&t, who).await, task)
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{who}");
    }
    let err = returns::task_returns(&t.ctx(None), task).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NotSignedIn);
    neighbour_school_with_ida(&t).await;
    let niels = as_user(&t, "niels").await;
    for id in [task, 999_999] {
        let err = returns::task_returns(&niels, id).await.unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::NotFound,
            "another school learns nothing"
        );
    }
}

async fn the_teachers_home_counts_what_pupils_answered_in_the_last_seven_days(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let task = whole_hold_task(&f).await;
    let news_of = |who: &'static str| {
        let t = &t;
        async move {
            match backend::home::home(&as_user(t, who).await).await.unwrap() {
                Home::Teacher(h) => h.news,
                other => panic!("{other:?}"),
            }
        }
    };
    assert!(news_of("anne").await.is_empty(), "nothing came in yet");

    let ida = as_user(&t, "ida").await;
    work::add_work(&ida, &upload("new-0001-abcd", task, WorkKind::Photo, ""))
        .await
        .unwrap();
    today::mark_done(&ida, task, true).await.unwrap();
    today::mark_done(&as_user(&t, "noah").await, task, true)
        .await
        .unwrap();
    let news = news_of("anne").await;
    assert_eq!(news.len(), 1);
    assert_eq!(
        (
            news[0].task_id,
            news[0].title.as_str(),
            news[0].team_name.as_str(),
            news[0].handed_in,
            news[0].done
        ),
        (task, "Tegn et eventyr", "Dansk 1.A", 1, 2)
    );
    // Pia teaches the hold too; Bo teaches 1.A maths, not this hold.
    assert_eq!(news_of("pia").await, news);
    assert!(news_of("bo").await.iter().all(|n| n.task_id != task));
    // A week later it is no longer news.
    let later = backend::clock::now() + 8 * 24 * 3600;
    let anne_later = common::as_user_at(&t, "anne", later).await;
    let Home::Teacher(home) = backend::home::home(&anne_later).await.unwrap() else {
        panic!("a teacher's home");
    };
    assert!(home.news.is_empty());
}

async fn the_teachers_home_shows_this_weeks_tasks_across_the_hold_with_who_is_done(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let week_task = whole_hold_task(&f).await;
    let today = backend::clock::today(domain::calendar::DEFAULT_TIME_ZONE).unwrap();
    let day_task = plans::create_task(
        &f.anne,
        f.unit,
        &TaskInput {
            when: TaskWhen::Day(today),
            ..this_week(
                "Læs for Ida",
                Audience::Pupils,
                vec![(f.ida, Variant::Standard)],
            )
        },
    )
    .await
    .unwrap();
    let ida = as_user(&t, "ida").await;
    work::add_work(
        &ida,
        &upload("week-0001-abcd", week_task, WorkKind::Photo, ""),
    )
    .await
    .unwrap();
    today::mark_done(&ida, week_task, true).await.unwrap();
    today::mark_done(&as_user(&t, "noah").await, week_task, true)
        .await
        .unwrap();

    let home_of = |ctx: backend::RequestCtx| async move {
        match backend::home::home(&ctx).await.unwrap() {
            Home::Teacher(h) => h,
            other => panic!("{other:?}"),
        }
    };
    let anne = home_of(as_user(&t, "anne").await).await;
    let hold_size = anne
        .teams
        .iter()
        .find(|team| team.name == "Dansk 1.A")
        .unwrap()
        .pupil_count;
    let mine: Vec<_> = anne
        .this_week
        .iter()
        .filter(|w| [week_task, day_task].contains(&w.task_id))
        .map(|w| {
            (
                w.task_id,
                w.title.as_str(),
                w.team_name.as_str(),
                w.day,
                w.pupils,
                w.done,
                w.handed_in,
            )
        })
        .collect();
    assert_eq!(
        mine,
        vec![
            (
                week_task,
                "Tegn et eventyr",
                "Dansk 1.A",
                None,
                hold_size,
                2,
                1
            ),
            (day_task, "Læs for Ida", "Dansk 1.A", Some(today), 1, 0, 0),
        ],
        "the week's task first, then the day's, each counted against the pupils it is for"
    );
    // Bo teaches 1.A maths, not this hold.
    let bo = home_of(as_user(&t, "bo").await).await;
    assert!(
        bo.this_week
            .iter()
            .all(|w| ![week_task, day_task].contains(&w.task_id))
    );
    // Next week both are behind her.
    let next_week = backend::clock::now() + 7 * 24 * 3600;
    let later = home_of(common::as_user_at(&t, "anne", next_week).await).await;
    assert!(
        later
            .this_week
            .iter()
            .all(|w| ![week_task, day_task].contains(&w.task_id))
    );
}

async fn a_teacher_sees_all_a_pupil_made_in_the_hold_by_forloeb(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    // A forløb of this week beside "Eventyr" (week 38), with a task for the whole hold.
    let now = common::forloeb_this_week(&f.anne, f.year_plan, "Rim nu").await;
    let task = plans::create_task(&f.anne, now, &this_week("Find rim", Audience::Hold, vec![]))
        .await
        .unwrap();
    let ida = as_user(&t, "ida").await;
    let photo = work::add_work(&ida, &upload("all-0001-abcd", task, WorkKind::Photo, ""))
        .await
        .unwrap();
    let words = work::add_work(
        &ida,
        &WorkUpload {
            task_id: None,
            goal_id: Some(f.refleksion),
            ..upload(
                "all-0002-abcd",
                task,
                WorkKind::Text,
                "Jeg kan genfortælle.",
            )
        },
    )
    .await
    .unwrap();
    work::add_work(
        &as_user(&t, "noah").await,
        &upload("all-0003-abcd", task, WorkKind::Text, "Noahs rim."),
    )
    .await
    .unwrap();
    let team = returns::task_returns(&f.anne, task).await.unwrap().team_id;

    let seen = returns::pupil_work::pupil_work(&f.anne, team, f.ida)
        .await
        .unwrap();
    assert_eq!(
        (seen.pupil_name.as_str(), seen.team_name.as_str()),
        ("Ida Jensen", "Dansk 1.A")
    );
    let ids = |unit: &domain::returns::UnitWork| -> Vec<i64> {
        unit.pieces.iter().map(|p| p.id).collect()
    };
    // The running forløb first, with her work for its task and not Noah's.
    let first = &seen.units[0];
    assert_eq!((first.unit_id, first.current), (now, true));
    assert_eq!(ids(first), [photo]);
    // "Eventyr" is listed once its week has come, with her words for its goal.
    if let Some(eventyr) = seen.units.iter().find(|u| u.unit_id == f.unit) {
        assert_eq!(ids(eventyr), [words]);
    }
    assert!(seen.units.len() <= 2);
    let pia = as_user(&t, "pia").await;
    assert_eq!(
        returns::pupil_work::pupil_work(&pia, team, f.ida)
            .await
            .unwrap(),
        seen
    );

    // Only the hold's own teachers; a pupil of another class is not the hold's.
    for who in ["bo", "dorte", "lene", "ole", "ida", "noah", "mette"] {
        let err = returns::pupil_work::pupil_work(&as_user(&t, who).await, team, f.ida)
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{who}");
    }
    let sofia = backend::identity::me(&as_user(&t, "sofia").await)
        .await
        .unwrap()
        .id;
    assert_eq!(
        returns::pupil_work::pupil_work(&f.anne, team, sofia)
            .await
            .unwrap_err(),
        domain::AppError::invalid(domain::Field::Pupil)
    );
    neighbour_school_with_ida(&t).await;
    let err = returns::pupil_work::pupil_work(&as_user(&t, "niels").await, team, f.ida)
        .await
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::NotFound,
        "another school learns nothing"
    );
}

on_both_databases!(
    a_teacher_sees_all_a_pupil_made_in_the_hold_by_forloeb,
    the_teachers_home_counts_what_pupils_answered_in_the_last_seven_days,
    the_teachers_home_shows_this_weeks_tasks_across_the_hold_with_who_is_done,
    a_teacher_sees_who_is_done_and_what_each_pupil_handed_in_for_the_whole_hold,
    a_task_for_chosen_pupils_lists_only_them,
    only_the_holds_own_teachers_follow_a_task,
);
