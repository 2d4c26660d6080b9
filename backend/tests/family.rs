//! Use-case tests of the family's view, digest and calendar feed, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::family::{self, calendar};
use backend::pupil::work;
use common::{TestDb, as_user, dansk_forloeb as fixture};
use domain::home::Home;
use domain::pupil::{WorkKind, WorkUpload};
use domain::{AppError, ErrorCode};

fn code<T: std::fmt::Debug>(result: Result<T, AppError>) -> ErrorCode {
    result.unwrap_err().code
}

async fn child_ids(t: &TestDb, guardian: &str) -> Vec<(String, i64)> {
    match common::home_of(t, guardian).await {
        Home::Parent(h) => h.children.into_iter().map(|c| (c.name, c.id)).collect(),
        other => panic!("{other:?}"),
    }
}

fn words(key: &str, text: &str) -> WorkUpload {
    WorkUpload {
        client_key: key.into(),
        kind: WorkKind::Text,
        task_id: None,
        goal_id: None,
        text: text.into(),
        content_type: None,
        data_base64: None,
    }
}

async fn a_guardian_sees_each_childs_week_as_the_child_sees_it(t: TestDb) {
    let f = fixture(&t).await;
    let mette = as_user(&t, "mette").await;
    let kids = child_ids(&t, "mette").await;
    assert_eq!(
        kids.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["Ida Jensen", "Lucas Jensen"]
    );
    let ida = kids[0].1;
    assert_eq!(ida, f.ida);

    let week = family::child_week(&mette, ida).await.unwrap();
    assert_eq!(week.child.name, "Ida Jensen");
    assert_eq!(week.children.len(), 2);
    let titles: Vec<&str> = week.tasks.iter().map(|t| t.title.as_str()).collect();
    assert!(
        titles.contains(&"Tegn 10 ting") && titles.contains(&"Find tal i klassen"),
        "{titles:?}"
    );
    let harder = week
        .tasks
        .iter()
        .find(|t| t.title == "Find tal i klassen")
        .unwrap();
    assert_eq!(
        harder.instruction, "Find tal over 10 i klassen, og tag et billede af dem.",
        "Ida's own version"
    );
    assert!(
        week.progress.iter().all(|g| g.mine.is_none()),
        "nothing evaluated yet"
    );

    // The child's own evaluation shows; the teacher's does not.
    let child = as_user(&t, "ida").await;
    backend::evaluation::self_evaluate(&child, f.refleksion, Some(2), "")
        .await
        .unwrap();
    backend::evaluation::evaluate(&f.anne, f.refleksion, f.ida, Some(0), "Kun til læreren")
        .await
        .unwrap();
    let week = family::child_week(&mette, ida).await.unwrap();
    let goal = week
        .progress
        .iter()
        .find(|g| g.goal_id == f.refleksion)
        .unwrap();
    assert_eq!(goal.mine.as_ref().unwrap().step, Some(2));

    // Work shows only once the child shares it.
    let item = work::add_work(&child, &words("key-0001-abcd", "Min historie"))
        .await
        .unwrap();
    assert!(
        family::child_week(&mette, ida)
            .await
            .unwrap()
            .shared_work
            .is_empty()
    );
    work::share_work(&child, item, true).await.unwrap();
    let shared = family::child_week(&mette, ida).await.unwrap().shared_work;
    assert_eq!(shared.len(), 1);
    assert!(
        work::work_file(&mette, item).await.is_err(),
        "a text has no file"
    );
    // Only the child shares their work.
    assert_eq!(
        code(work::share_work(&mette, item, false).await),
        ErrorCode::Forbidden
    );
    let noah = as_user(&t, "noah").await;
    assert_eq!(
        code(work::share_work(&noah, item, false).await),
        ErrorCode::Forbidden
    );
}

async fn nobody_else_follows_a_child(t: TestDb) {
    let f = fixture(&t).await;
    // Maria (another family), Jan (a guardian without access), the child's teacher and the
    // leader: none of them get the family view of Ida.
    for who in ["maria", "jan", "anne", "lene", "ida"] {
        let ctx = as_user(&t, who).await;
        assert!(family::child_week(&ctx, f.ida).await.is_err(), "{who}");
        assert!(calendar::make_link(&ctx, f.ida).await.is_err(), "{who}");
    }
    // Mette does not see a third child.
    let mette = as_user(&t, "mette").await;
    let sofia = match common::home_of(&t, "sofia").await {
        Home::Pupil(_) => {
            backend::identity::me(&as_user(&t, "sofia").await)
                .await
                .unwrap()
                .id
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(
        code(family::child_week(&mette, sofia).await),
        ErrorCode::Forbidden
    );
}

async fn a_calendar_link_serves_the_childs_week_until_revoked(t: TestDb) {
    let f = fixture(&t).await;
    let mette = as_user(&t, "mette").await;
    let path = calendar::make_link(&mette, f.ida).await.unwrap();
    let token = path
        .strip_prefix("/kalender/")
        .and_then(|p| p.strip_suffix(".ics"))
        .unwrap()
        .to_owned();
    assert!(
        family::child_week(&mette, f.ida)
            .await
            .unwrap()
            .calendar_link_active
    );
    let ics = calendar::feed(&t.db, &token, backend::clock::now())
        .await
        .unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.contains("SUMMARY:Tegn 10 ting\r\n"));
    assert!(ics.contains("X-WR-CALNAME:Spire: Ida Jensen"));
    assert_eq!(
        ics.matches("BEGIN:VEVENT").count(),
        ics.matches("END:VEVENT").count()
    );

    // A guessed or malformed secret gets nothing.
    assert_eq!(
        code(calendar::feed(&t.db, &"0".repeat(64), backend::clock::now()).await),
        ErrorCode::NotFound
    );
    assert_eq!(
        code(calendar::feed(&t.db, "../../etc", backend::clock::now()).await),
        ErrorCode::NotFound
    );

    // A new link stops the old one; revoking stops the new one.
    let newer = calendar::make_link(&mette, f.ida).await.unwrap();
    assert_eq!(
        code(calendar::feed(&t.db, &token, backend::clock::now()).await),
        ErrorCode::NotFound
    );
    let newer_token = newer
        .trim_start_matches("/kalender/")
        .trim_end_matches(".ics")
        .to_owned();
    assert!(
        calendar::feed(&t.db, &newer_token, backend::clock::now())
            .await
            .is_ok()
    );
    calendar::revoke_link(&mette, f.ida).await.unwrap();
    assert_eq!(
        code(calendar::feed(&t.db, &newer_token, backend::clock::now()).await),
        ErrorCode::NotFound
    );
    assert!(
        !family::child_week(&mette, f.ida)
            .await
            .unwrap()
            .calendar_link_active
    );
}

async fn the_digest_covers_every_child_with_access_and_no_other(t: TestDb) {
    fixture(&t).await;
    let mette = as_user(&t, "mette").await;
    let d = family::digest(&mette).await.unwrap();
    assert_eq!(d.guardian_name, "Mette Jensen");
    let names: Vec<&str> = d.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Ida Jensen", "Lucas Jensen"]);
    assert!(
        d.children[0]
            .tasks
            .iter()
            .any(|t| t.title == "Tegn 10 ting")
    );
    let jan = as_user(&t, "jan").await;
    assert!(family::digest(&jan).await.unwrap().children.is_empty());
    let anne = as_user(&t, "anne").await;
    assert_eq!(code(family::digest(&anne).await), ErrorCode::Forbidden);
}

on_both_databases!(
    a_guardian_sees_each_childs_week_as_the_child_sees_it,
    nobody_else_follows_a_child,
    a_calendar_link_serves_the_childs_week_until_revoked,
    the_digest_covers_every_child_with_access_and_no_other,
);
