//! The leader's pages about people's data, as the server writes them: the page and each
//! person's archive are the school's leader's alone; anonymising is a form the leader posts from
//! Spire itself, with the list reviewed, and a refused post changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::*;

#[tokio::test]
async fn the_page_and_each_archive_are_for_the_schools_leader_only() {
    let (s, ids) = matrix_server().await;
    let ida = &ids.iter().find(|(k, _)| *k == "{ida}").unwrap().1;
    let archive = format!("/persondata/arkiv?person={ida}");
    for (user, page_status, archive_status) in MATRIX_USERS
        .iter()
        .zip([
            (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED),
            (StatusCode::FORBIDDEN, StatusCode::FORBIDDEN),
            (StatusCode::FORBIDDEN, StatusCode::FORBIDDEN),
            (StatusCode::FORBIDDEN, StatusCode::FORBIDDEN),
            (StatusCode::FORBIDDEN, StatusCode::FORBIDDEN),
            (StatusCode::FORBIDDEN, StatusCode::FORBIDDEN),
            (StatusCode::FORBIDDEN, StatusCode::FORBIDDEN),
            (StatusCode::OK, StatusCode::OK),
            // Niels leads the neighbour school: his own page, and nothing of this school's pupil.
            (StatusCode::OK, StatusCode::NOT_FOUND),
            (StatusCode::FORBIDDEN, StatusCode::FORBIDDEN),
        ])
        .map(|(u, (p, a))| (u, p, a))
    {
        let cookie = match user {
            Some(u) => Some(s.sign_in(u).await),
            None => None,
        };
        let res = get_as(&s, "/persondata", cookie.as_deref()).await;
        assert_eq!(res.status(), page_status, "the page as {user:?}");
        assert_eq!(
            res.headers().get(header::CACHE_CONTROL).unwrap(),
            "private, no-store"
        );
        let page = text(res).await;
        assert_eq!(
            page.contains("Ida Jensen"),
            *user == Some("lene"),
            "only this school's leader sees its people, as {user:?}"
        );
        let res = get_as(&s, &archive, cookie.as_deref()).await;
        assert_eq!(res.status(), archive_status, "the archive as {user:?}");
        if archive_status == StatusCode::OK {
            assert_eq!(
                res.headers().get(header::CONTENT_DISPOSITION).unwrap(),
                &format!("attachment; filename=\"spire-arkiv-{ida}.html\"")
            );
            let page = text(res).await;
            assert!(page.contains("<h1>Alt om Ida Jensen i Spire</h1>"));
            assert!(page.contains("<dt>Brugernavn</dt><dd>ida</dd>"));
        } else {
            assert!(!text(res).await.contains("Ida Jensen"));
        }
    }
    let lene = s.sign_in("lene").await;
    assert_eq!(
        get_as(&s, "/persondata/arkiv?person=nogen", Some(&lene))
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
}

/// A form post as a browser sends it from `origin`.
async fn post_form(s: &TestServer, cookie: &str, body: &str, site: &str) -> (StatusCode, String) {
    let req = Request::post("/persondata/anonymiser")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "127.0.0.1:3000")
        .header("sec-fetch-site", site)
        .header(header::COOKIE, cookie)
        .body(Body::from(body.to_owned()))
        .unwrap();
    let res = s.send(req).await;
    (res.status(), text(res).await)
}

async fn named(s: &TestServer, leader: &str, name: &str) -> bool {
    s.page("/persondata", Some(leader)).await.contains(name)
}

#[tokio::test]
async fn anonymising_is_a_reviewed_form_the_leader_posts_from_spire_itself() {
    let s = TestServer::start_erasing_after(0).await;
    let ole = s.sign_in("ole").await;
    let lene = s.sign_in("lene").await;
    let ids = placeholders(&s).await;
    let ida = ids.iter().find(|(k, _)| *k == "{ida}").unwrap().1.clone();
    let res = s
        .call("mark_pupil_left", &format!("pupil_id={ida}"), Some(&ole))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let page = s.page("/persondata", Some(&lene)).await;
    assert!(page.contains(&format!(
        "name=\"id\" value=\"{ida}\" checked> Ida Jensen</label>"
    )));
    assert!(page.contains("Klar til anonymisering (1)"));

    let body = format!("id={ida}&reviewed=on");
    // From another site, without the tick, or by anyone but the leader: refused, nothing changes.
    assert_eq!(
        post_form(&s, &lene, &body, "cross-site").await.0,
        StatusCode::FORBIDDEN
    );
    let (status, page) = post_form(&s, &lene, &format!("id={ida}"), "same-origin").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Sæt flueben for at bekræfte, at du har gennemgået listen."));
    let (status, page) = post_form(&s, &lene, "reviewed=on", "same-origin").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Vælg mindst én person fra listen."));
    assert_eq!(
        post_form(&s, &ole, &body, "same-origin").await.0,
        StatusCode::FORBIDDEN
    );
    assert!(named(&s, &lene, "Ida Jensen").await);

    let (status, page) = post_form(&s, &lene, &body, "same-origin").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("1 person er anonymiseret: 1 elev, 0 medarbejdere og 0 forældre."));
    assert!(!named(&s, &lene, "Ida Jensen").await);
    let page = s.page("/persondata", Some(&lene)).await;
    assert!(page.contains("<td>Lene Dahl</td><td>1 elev, 0 medarbejdere, 0 forældre</td>"));
    // The same form again: she is no longer due, and the answer says the list has changed.
    assert_eq!(
        post_form(&s, &lene, &body, "same-origin").await.0,
        StatusCode::CONFLICT
    );
}
