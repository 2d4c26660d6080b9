//! The family's channels over HTTP: the private calendar feed and the weekly digest.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use axum::http::{StatusCode, header};
use common::*;

#[tokio::test]
async fn a_calendar_link_is_an_icalendar_feed_until_revoked_and_a_guess_gets_nothing() {
    let s = TestServer::start().await;
    let ids = placeholders(&s).await;
    let ida = &ids.iter().find(|(k, _)| *k == "{ida}").unwrap().1;
    let mette = s.sign_in("mette").await;
    let res = s
        .call(
            "make_calendar_link",
            &format!("pupil_id={ida}"),
            Some(&mette),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let path = json(res).await.as_str().unwrap().to_owned();
    let res = get_as(&s, &path, None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers().get(header::CONTENT_TYPE).unwrap(),
        "text/calendar; charset=utf-8"
    );
    let ics = text(res).await;
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.contains("SUMMARY:Tegn 10 ting"));
    let guessed = format!("/kalender/{}.ics", "a".repeat(64));
    assert_eq!(
        get_as(&s, &guessed, None).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get_as(&s, "/kalender/abc", None).await.status(),
        StatusCode::NOT_FOUND
    );
    let res = s
        .call(
            "revoke_calendar_link",
            &format!("pupil_id={ida}"),
            Some(&mette),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        get_as(&s, &path, None).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_weekly_digest_is_a_self_contained_page_for_the_guardian() {
    let s = TestServer::start().await;
    let mette = s.sign_in("mette").await;
    let res = get_as(&s, "/ugebrev.html", Some(&mette)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers().get(header::CONTENT_TYPE).unwrap(),
        "text/html; charset=utf-8"
    );
    let html = text(res).await;
    assert!(html.contains("<html lang=\"da\">"));
    assert!(html.contains("Ida Jensen (1.A)") && html.contains("Lucas Jensen (5.B)"));
    assert!(html.contains("Tegn 10 ting"));
    assert!(!html.contains("<script"), "nothing runs in a mail");
    assert_eq!(
        get_as(&s, "/ugebrev.html", None).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let anne = s.sign_in("anne").await;
    assert_eq!(
        get_as(&s, "/ugebrev.html", Some(&anne)).await.status(),
        StatusCode::FORBIDDEN
    );
}
